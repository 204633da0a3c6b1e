"""Operators, methods, filters and globals a template uses, each refused before it grows too big."""

from __future__ import annotations

import functools
import operator
import re
import string
from collections.abc import Callable
from typing import Any

from jinja2.utils import generate_lorem_ipsum

from composer.i18n import _
from composer.render.limits import (
    MAX_INT_BITS,
    MAX_LIPSUM_PARAGRAPHS,
    MAX_LIPSUM_WORDS,
    MAX_RANGE,
    MAX_VALUE_SIZE,
    MAX_WRAP_CHARS,
    RenderLimitError,
    TemplateFault,
    dutch_number,
    measure,
    number_overflow,
    number_too_large,
    operation_name,
    range_length,
    tick,
    too_large,
)

_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
}
_SEQUENCES = (str, bytes, list, tuple)
# %-formatting: one conversion with its optional (key), flags, width and precision.
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)", re.DOTALL)
_DIGITS = re.compile(r"\d+")


def _too_big(size: int, name: str, kind: str = "operator") -> None:
    if size > MAX_VALUE_SIZE:
        raise too_large(operation_name(kind, name))


def _int_bits(value: Any) -> int:
    return abs(value).bit_length() if isinstance(value, int) else 0


def _check_operands(name: str, left: Any, right: Any) -> None:
    """Refuses before computing what would be too big: repetition, powers, %-formatting."""
    if name == "*":
        for sequence, times in ((left, right), (right, left)):
            if isinstance(sequence, _SEQUENCES) and isinstance(times, int) and times > 1:
                _too_big(measure(sequence, operation_name("operator", name)) * times, name)
        if _int_bits(left) + _int_bits(right) > MAX_INT_BITS:
            raise number_too_large(operation_name("operator", name))
    elif name == "**" and isinstance(left, int) and isinstance(right, int):
        if abs(left) > 1 and right > 0 and (_int_bits(left) - 1) * right > MAX_INT_BITS:
            raise number_too_large(operation_name("operator", name))
    elif name == "%" and isinstance(left, str):
        _too_big(percent_estimate(left, right), name)


def binop(name: str, left: Any, right: Any) -> Any:
    """`left <name> right` as the template asked, within the limits."""
    tick()
    _check_operands(name, left, right)
    try:
        result = _OPERATORS[name](left, right)
    except ZeroDivisionError:
        raise TemplateFault(_("het sjabloon deelt door nul")) from None
    except OverflowError:
        raise number_overflow(operation_name("operator", name)) from None
    if _int_bits(result) > MAX_INT_BITS:
        raise number_too_large(operation_name("operator", name))
    if isinstance(result, (str, list, tuple)):
        measure(result, operation_name("operator", name))
    return result


# --- text formatting ------------------------------------------------------------------------------


def _widths(spec: str) -> int:
    return max((int(digits) for digits in _DIGITS.findall(spec)), default=0)


def percent_estimate(text: str, values: Any) -> int:
    """An upper bound of the length of `text % values`."""
    fields = 0
    width = 0
    numbers = values if isinstance(values, tuple) else (values,)
    largest = max((abs(v) for v in numbers if isinstance(v, int)), default=0)
    for match in _PERCENT_FIELD.finditer(text):
        if match.group(3) == "%":
            continue
        fields += 1
        for part in match.group(1, 2):
            if part == "*":
                width += largest
            elif part:
                width += int(part)
    return len(text) + width + fields * measure(values, _("de opmaak met ‘%’"))


def format_estimate(text: str, args: Any, kwargs: Any) -> int:
    """An upper bound of the length of `text.format(*args, **kwargs)`."""
    fields = 0
    width = 0
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return len(text)  # format() will refuse it with the same error
    for _literal, name, spec, _conversion in parsed:
        if name is None:
            continue
        fields += 1
        width += MAX_VALUE_SIZE if "{" in (spec or "") else _widths(spec or "")
    return len(text) + width + fields * measure((args, kwargs), _("de functie ‘format()’"))


# --- methods of texts and numbers -----------------------------------------------------------------


def _argument(
    args: tuple[Any, ...], kwargs: dict[str, Any], index: int, name: str, default: Any
) -> Any:
    return args[index] if len(args) > index else kwargs.get(name, default)


def replace_estimate(text: str, old: Any, new: Any, count: Any) -> int:
    old, new = str(old), str(new)
    found = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * max(len(new) - len(old), 0)


def method_estimate(owner: Any, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> int:
    """An upper bound of the result of a method of a text or number that can grow it; else 0."""
    if isinstance(owner, (str, bytes)):
        tab = "\t" if isinstance(owner, str) else b"\t"
        if name in ("center", "ljust", "rjust", "zfill"):
            width = _argument(args, kwargs, 0, "width", 0)
            return max(len(owner), width) if isinstance(width, int) else 0
        if name == "expandtabs":
            size = _argument(args, kwargs, 0, "tabsize", 8)
            return len(owner) + owner.count(tab) * size if isinstance(size, int) else 0
        if name == "replace" and len(args) >= 2 and isinstance(owner, str):
            return replace_estimate(
                owner, args[0], args[1], _argument(args, kwargs, 2, "count", -1)
            )
        if name == "translate" and args and isinstance(args[0], dict):
            longest = max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
            return len(owner) * max(longest, 1)
    if isinstance(owner, int) and name == "to_bytes":
        length = _argument(args, kwargs, 0, "length", 1)
        return length if isinstance(length, int) else 0
    return 0


def checked_method_call(
    method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> tuple[Any, ...]:
    """The arguments for a method of a text, refused when its result would be too big."""
    owner = getattr(method, "__self__", None)
    name = getattr(method, "__name__", "")
    if name == "join" and isinstance(owner, str) and len(args) == 1:
        items = list(args[0])
        label = operation_name("function", name)
        _too_big(measure(items, label) + len(owner) * len(items), name, "function")
        return (items,)
    _too_big(method_estimate(owner, name, args, kwargs), name, "function")
    return args


# --- filters ---------------------------------------------------------------------------------


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _check_filter(name: str, args: list[Any], kwargs: dict[str, Any]) -> None:
    """Refuses a filter call whose result (or work) would be too big, before it runs."""
    value = args[0] if args else None
    label = operation_name("filter", name)

    def estimate() -> int:
        if name == "center":
            width = _argument(args, kwargs, 1, "width", 80)
            return max(len(_text(value)), width) if isinstance(width, int) else 0
        if name == "indent":
            width = _argument(args, kwargs, 1, "width", 4)
            each = width if isinstance(width, int) else len(_text(width))
            return len(_text(value)) + (_text(value).count("\n") + 1) * each
        if name == "format":
            return percent_estimate(_text(value), kwargs or tuple(args[1:]))
        if name == "replace" and len(args) >= 3:
            count = _argument(args, kwargs, 3, "count", None)
            return replace_estimate(_text(value), args[1], args[2], count)
        if name in ("batch", "slice"):
            count = _argument(args, kwargs, 1, "linecount" if name == "batch" else "slices", 0)
            fill = _argument(args, kwargs, 2, "fill_with", None)
            each = 4 + (measure(fill, label) if fill is not None else 0)
            return measure(value, label) + (count * each if isinstance(count, int) else 0)
        if name == "wordwrap":
            if len(_text(value)) > MAX_WRAP_CHARS:
                raise RenderLimitError(
                    _("de filter ‘wordwrap’ breekt hoogstens {maximum} tekens tegelijk af").format(
                        maximum=dutch_number(MAX_WRAP_CHARS)
                    )
                )
            width = _argument(args, kwargs, 1, "width", 79)
            wrap = _argument(args, kwargs, 3, "wrapstring", None)
            lines = len(_text(value)) // max(width if isinstance(width, int) else 1, 1) + 1
            return len(_text(value)) + (lines + _text(value).count("\n")) * len(_text(wrap or "\n"))
        return 0

    _too_big(estimate(), name, "filter")


def _materialized(name: str, args: list[Any], kwargs: dict[str, Any]) -> list[Any]:
    """`join` and `sum` get a list (not a generator), so their result can be estimated first."""
    if name not in ("join", "sum") or not args:
        return args
    items = list(args[0])
    label = operation_name("filter", name)
    size = measure(items, label)
    if name == "join":
        separator = _argument(args, kwargs, 1, "d", "")
        size += len(_text(separator)) * len(items)
    else:
        size += measure(_argument(args, kwargs, 2, "start", 0), label)
    _too_big(size, name, "filter")
    return [items, *args[1:]]


def bounded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` (a Jinja filter) checked before and after it runs, and against the clock."""
    passed = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        tick()
        head, rest = list(args[:passed]), list(args[passed:])
        _check_filter(name, rest, kwargs)
        rest = _materialized(name, rest, kwargs)
        result = function(*head, *rest, **kwargs)
        if isinstance(result, (str, list, tuple, dict)):
            measure(result, operation_name("filter", name))
        return result

    return bounded


# --- globals --------------------------------------------------------------------------------------


def bounded_range(*args: int) -> range:
    numbers = range(*args)
    count = range_length(numbers)
    if count > MAX_RANGE:
        raise RenderLimitError(
            _("range() zou {count} getallen maken, meer dan de {maximum} die mogen").format(
                count=dutch_number(count), maximum=dutch_number(MAX_RANGE)
            )
        )
    return numbers


def bounded_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if not all(isinstance(v, int) for v in (n, min, max)) or (
        n > MAX_LIPSUM_PARAGRAPHS or min > MAX_LIPSUM_WORDS or max > MAX_LIPSUM_WORDS
    ):
        raise RenderLimitError(
            _(
                "lipsum() maakt hoogstens {paragraphs} alinea's van hoogstens {words} woorden"
            ).format(
                paragraphs=dutch_number(MAX_LIPSUM_PARAGRAPHS), words=dutch_number(MAX_LIPSUM_WORDS)
            )
        )
    return generate_lorem_ipsum(n=n, html=html, min=min, max=max)
