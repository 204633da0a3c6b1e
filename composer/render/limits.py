"""How far a template may go while it is filled in: sizes, loop rounds, output and time."""

# The sandbox (composer/render/sandbox.py) keeps templates away from Python's internals; these
# limits keep them from using up the machine. A letter needs nothing near them: the shipped
# templates loop over a few dozen blocks and write some tens of kilobytes. Every limit stops the
# render with a RenderLimitError that says in Dutch which limit was hit.

from __future__ import annotations

import time
from collections.abc import Iterator, MappingView
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2.exceptions import SecurityError, TemplateRuntimeError
from jinja2.utils import Namespace

from composer.i18n import _

MAX_RANGE = 10_000  # numbers one range() may make
MAX_LOOP_ROUNDS = 1_000_000  # rounds of all loops of one render together
MAX_VALUE_SIZE = 1_000_000  # characters of one text; a list counts its items' texts (+2 each)
MAX_NUMBER_DIGITS = 3_000  # digits of a whole number
MAX_OUTPUT_CHARS = 20_000_000  # characters one render writes, all parts of the document together
MAX_CALL_DEPTH = 100  # macros (and recursive loops) running inside each other
MAX_NESTING = 100  # lists or dictionaries inside each other
MAX_WRAP_CHARS = 100_000  # characters the wordwrap filter breaks at once (its cost is quadratic)
MAX_LIPSUM_PARAGRAPHS = 100
MAX_LIPSUM_WORDS = 1_000
RENDER_SECONDS = 5  # wall-clock time of one render (all parts)

MAX_INT_BITS = MAX_NUMBER_DIGITS * 3322 // 1000  # log2(10) ≈ 3.322 bits per digit
# A namespace can change after a list holding it was measured: it counts as a tenth of the
# limit, so a list holds at most ten of them and its text stays within ten times the limit.
_NAMESPACE_SHARE = MAX_VALUE_SIZE // 10


class RenderLimitError(SecurityError):
    """The template went past one of the limits above; the message (Dutch) says which."""


class TemplateFault(TemplateRuntimeError):
    """A calculation in the template failed (division by zero, wrong types, …)."""


def dutch_number(value: float) -> str:
    """10000 → ‘10.000’, as numbers are written in Dutch text."""
    return f"{value:,}".replace(",", ".")


# --- messages (reasons, completed by the caller: "Het sjabloon … is gestopt: {reason}.") ------


def too_large(operation: str) -> RenderLimitError:
    return RenderLimitError(
        _("{operation} maakt een tekst of lijst van meer dan {maximum} tekens").format(
            operation=operation, maximum=dutch_number(MAX_VALUE_SIZE)
        )
    )


def number_too_large(operation: str) -> RenderLimitError:
    return RenderLimitError(
        _("{operation} maakt een getal van meer dan {maximum} cijfers").format(
            operation=operation, maximum=dutch_number(MAX_NUMBER_DIGITS)
        )
    )


def number_overflow(operation: str) -> RenderLimitError:
    return RenderLimitError(
        _("{operation} maakt een getal dat te groot is om mee te rekenen").format(
            operation=operation
        )
    )


def too_slow() -> RenderLimitError:
    return RenderLimitError(
        _("het invullen duurt langer dan {seconds} seconden").format(seconds=RENDER_SECONDS)
    )


def too_deep() -> RenderLimitError:
    return RenderLimitError(
        _("macro's of lussen roepen zichzelf meer dan {maximum} keer binnen elkaar aan").format(
            maximum=dutch_number(MAX_CALL_DEPTH)
        )
    )


def operation_name(kind: str, name: str) -> str:
    """‘de filter ‘join’’, ‘de bewerking ‘*’’, ‘de functie ‘replace()’’ (for the messages)."""
    if kind == "filter":
        return _("de filter ‘{name}’").format(name=name)
    if kind == "operator":
        return _("de bewerking ‘{name}’").format(name=name)
    return _("de functie ‘{name}()’").format(name=name)


# --- the state of one render --------------------------------------------------------------------


@dataclass
class RenderState:
    deadline: float
    rounds: int = 0
    output: int = 0
    depth: int = 0


_STATE: ContextVar[RenderState | None] = ContextVar("composer_render_state", default=None)


@contextmanager
def render_budget() -> Iterator[RenderState]:
    """One budget of time, loop rounds and output for everything rendered inside (nests)."""
    state = _STATE.get()
    if state is not None:
        yield state
        return
    state = RenderState(deadline=time.monotonic() + RENDER_SECONDS)
    token = _STATE.set(state)
    try:
        yield state
    finally:
        _STATE.reset(token)


def current() -> RenderState | None:
    return _STATE.get()


def tick() -> None:
    """Stops a render that has used up its time (called from every sandbox hook)."""
    state = _STATE.get()
    if state is not None and time.monotonic() > state.deadline:
        raise too_slow()


def count_round(state: RenderState | None) -> None:
    if state is None:
        return
    state.rounds += 1
    if state.rounds > MAX_LOOP_ROUNDS:
        raise RenderLimitError(
            _("de lussen in het sjabloon lopen samen meer dan {maximum} keer rond").format(
                maximum=dutch_number(MAX_LOOP_ROUNDS)
            )
        )
    if time.monotonic() > state.deadline:
        raise too_slow()


def count_output(value: Any) -> None:
    """Adds what the template writes (text or a value printed as text) to the render's output."""
    state = _STATE.get()
    if state is None:
        return
    state.output += len(value) if isinstance(value, str) else measure(value, _("de uitvoer"))
    if state.output > MAX_OUTPUT_CHARS:
        raise RenderLimitError(
            _("het ingevulde document wordt groter dan {maximum} tekens").format(
                maximum=dutch_number(MAX_OUTPUT_CHARS)
            )
        )


def range_length(numbers: range) -> int:
    try:
        return len(numbers)
    except OverflowError:  # more than sys.maxsize numbers
        return abs(numbers.stop - numbers.start) // abs(numbers.step)


# --- the size of a value ------------------------------------------------------------------------


def measure(value: Any, operation: str, *, allow_namespace: bool = True) -> int:
    """About the length of `value` written as text; refuses values past MAX_VALUE_SIZE.

    A list that holds the same big text many times counts it every time, as its text would.
    The cost is bounded: counting stops at the limit.
    """
    return _Measure(operation, allow_namespace).size(value, 0)


class _Measure:
    def __init__(self, operation: str, allow_namespace: bool) -> None:
        self.operation = operation
        self.allow_namespace = allow_namespace
        self.known: dict[int, int] = {}  # id → size of containers measured (alive meanwhile)
        self.kept: list[Any] = []  # values made while measuring: alive, so no id is reused

    def size(self, value: Any, depth: int) -> int:
        if isinstance(value, (str, bytes, bytearray)):
            size = len(value)
        elif isinstance(value, bool) or value is None:
            size = 5
        elif isinstance(value, int):
            size = value.bit_length() // 3 + 1
        elif isinstance(value, range):
            size = range_length(value) * 8
        elif isinstance(value, (list, tuple, dict, set, frozenset, MappingView, Namespace)):
            size = self.container(value, depth)
        else:
            size = 8
        if size > MAX_VALUE_SIZE:
            raise too_large(self.operation)
        return size

    def container(self, value: Any, depth: int) -> int:
        key = id(value)
        known = self.known.get(key)
        if known is not None:
            return known
        if depth >= MAX_NESTING:
            raise RenderLimitError(
                _("lijsten zitten meer dan {maximum} keer in elkaar").format(
                    maximum=dutch_number(MAX_NESTING)
                )
            )
        size = 2
        if isinstance(value, Namespace):
            if not self.allow_namespace:
                raise RenderLimitError(_("een namespace mag geen andere namespace bevatten"))
            size += _NAMESPACE_SHARE
            value = object.__getattribute__(value, "_Namespace__attrs")
        elif isinstance(value, MappingView):
            value = list(value)  # its items are made on the fly
            self.kept.append(value)
        parts = (
            (part for pair in value.items() for part in pair) if isinstance(value, dict) else value
        )
        for part in parts:
            size += 2 + self.size(part, depth + 1)
            if size > MAX_VALUE_SIZE:
                raise too_large(self.operation)
        self.known[key] = size
        return size
