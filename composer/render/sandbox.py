"""The one Jinja environment templates run in: sandboxed, autoescaped, strict, and bounded."""

# Templates are untrusted. Jinja's ImmutableSandboxedEnvironment keeps them away from Python's
# internals; BoundedEnvironment also keeps them from using up memory and time (limits.py):
# - operators (*, **, %, +, …), methods of texts and filters refuse results past the size limits
#   before computing them (bounded_calls.py); range() and lipsum() are bounded;
# - every value kept in a variable ({% set %}, {% with %}, list and dict literals, macro
#   arguments and results) is measured, so no doubling goes unseen;
# - every loop round, call and attribute look-up checks the clock and counts loop rounds, and
#   everything written (also inside macros and {% set %} blocks) counts towards the output limit.

from __future__ import annotations

from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.compiler import CodeGenerator
from jinja2.environment import Template
from jinja2.exceptions import TemplateError, TemplateSyntaxError
from jinja2.runtime import Context, LoopContext, Macro
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Namespace
from jinja2.visitor import NodeTransformer

from composer.i18n import _
from composer.render.bounded_calls import (
    binop,
    bounded_filter,
    bounded_lipsum,
    bounded_range,
    checked_method_call,
    format_estimate,
)
from composer.render.limits import (
    MAX_CALL_DEPTH,
    MAX_VALUE_SIZE,
    RenderLimitError,
    TemplateFault,
    count_output,
    count_round,
    current,
    measure,
    operation_name,
    render_budget,
    tick,
    too_deep,
    too_large,
)
from composer.render.rich_runs import wordml_runs
from composer.render.usertext import to_wordml

_GUARDS = ("guard_loop", "guard_value")


def _guard(name: str, node: nodes.Expr, *more: nodes.Expr) -> nodes.Call:
    call = nodes.Call(nodes.EnvironmentAttribute(name), [node, *more], [], None, None)
    return call.set_lineno(node.lineno)


class _Guards(NodeTransformer):
    """Wraps loops, assignments and literals of a parsed template in the environment's guards."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        node = self.generic_visit(node)
        node.iter = _guard("guard_loop", node.iter)
        return node

    def visit_Assign(self, node: nodes.Assign) -> nodes.Node:
        node = self.generic_visit(node)
        targets = [node.target, *node.target.find_all(nodes.NSRef)]
        namespaces = [nodes.Name(t.name, "load") for t in targets if isinstance(t, nodes.NSRef)]
        node.node = _guard("guard_value", node.node, *namespaces)
        return node

    def visit_With(self, node: nodes.With) -> nodes.Node:
        node = self.generic_visit(node)
        node.values = [_guard("guard_value", value) for value in node.values]
        return node

    def _literal(self, node: nodes.Expr) -> nodes.Node:
        node = self.generic_visit(node)
        return _guard("guard_value", node)

    visit_List = visit_Dict = _literal

    def visit_Tuple(self, node: nodes.Tuple) -> nodes.Node:
        return self._literal(node) if node.ctx == "load" else self.generic_visit(node)


class _CountingCodeGenerator(CodeGenerator):
    """Static template text goes through `environment.static_output`, which counts it."""

    def _output_const_repr(self, group: Any) -> str:
        return f"environment.static_output({super()._output_const_repr(group)})"


def _finalize(value: Any) -> Any:
    result = to_wordml(value)
    count_output(result)
    return result


class BoundedTemplate(Template):
    """`render` runs within one render budget and reports Python errors as template errors."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        with render_budget():
            try:
                return super().render(*args, **kwargs)
            except TemplateError:
                raise
            except RecursionError:
                raise too_deep() from None
            except MemoryError:
                raise RenderLimitError(_("het sjabloon gebruikt te veel geheugen")) from None
            except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError) as exc:
                raise TemplateFault(
                    _("een berekening of filter in het sjabloon gaat fout ({error})").format(
                        error=exc
                    )
                ) from None


class BoundedEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with limits on size, loop rounds, output and time (see limits.py)."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    code_generator_class = _CountingCodeGenerator
    template_class = BoundedTemplate

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = bounded_range
        self.globals["lipsum"] = bounded_lipsum
        self.filters = {name: bounded_filter(name, f) for name, f in self.filters.items()}

    # --- compiling -----------------------------------------------------------------------------

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        try:
            return super()._parse(source, name, filename)
        except (RecursionError, MemoryError, ValueError):  # ValueError: a number too long
            raise TemplateSyntaxError(_too_complex(), 1, name, filename) from None

    def _generate(
        self,
        source: nodes.Template,
        name: str | None,
        filename: str | None,
        defer_init: bool = False,
    ) -> str:  # type: ignore[override]
        tree = _Guards().visit(source)
        tree.set_environment(self)
        try:
            return super()._generate(tree, name, filename, defer_init=defer_init)
        except (RecursionError, MemoryError, ValueError):  # ValueError: a number too long to print
            raise TemplateSyntaxError(_too_complex(), 1, name, filename) from None

    # --- hooks the compiled template calls -----------------------------------------------------

    def static_output(self, text: str) -> str:
        count_output(text)
        return text

    def guard_loop(self, iterable: Any, **_jinja: Any) -> Any:
        if not hasattr(iterable, "__iter__"):
            return iterable  # Jinja reports it (undefined variable, not a list)
        return self._rounds(iterable)

    @staticmethod
    def _rounds(iterable: Any) -> Any:
        state = current()
        for item in iterable:
            count_round(state)
            yield item

    def guard_value(self, value: Any, *namespaces: Any, **_jinja: Any) -> Any:
        label = _("het sjabloon")
        if not namespaces:
            measure(value, label)
            return value
        size = measure(value, label, allow_namespace=False)
        for namespace in namespaces:
            if isinstance(namespace, Namespace):
                size += measure(namespace, label)
        if size > MAX_VALUE_SIZE:
            raise too_large(label)
        return value

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return binop(operator, left, right)

    def getattr(self, obj: Any, attribute: str) -> Any:
        tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        tick()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Any:
        """`str.format` and `format_map` (sandboxed by Jinja), refused when the text is too big."""
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        text, is_map = value.__self__, value.__name__ == "format_map"

        def bounded(*args: Any, **kwargs: Any) -> str:
            values = (args[0] if args else {}) if is_map else kwargs
            if format_estimate(text, () if is_map else args, values) > MAX_VALUE_SIZE:
                raise too_large(operation_name("function", value.__name__))
            return wrapper(*args, **kwargs)

        return bounded

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        tick()
        if (
            getattr(__obj, "__name__", None) in _GUARDS
            and getattr(__obj, "__self__", None) is __self
        ):
            return __obj(*args, **kwargs)
        label = _("een macro of functie")
        for key, argument in (*enumerate(args), *kwargs.items()):
            if key not in ("_loop_vars", "_block_vars"):  # Jinja's own: the variables of a loop
                measure(argument, label)
        args = checked_method_call(__obj, args, kwargs)
        state = current()
        nested = state is not None and isinstance(__obj, (Macro, LoopContext))
        if nested:
            state.depth += 1
            if state.depth > MAX_CALL_DEPTH:
                raise too_deep()
        try:
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            if nested:
                state.depth -= 1
        measure(result, label)
        return result


def _too_complex() -> str:
    return _("het sjabloon is te diep genest of bevat een getal dat te lang is")


def make_environment() -> BoundedEnvironment:
    """Templates are untrusted: no Python internals, no mutation, every value XML-escaped.

    One filter of our own: `wordml` writes a paragraph's runs (bold, italic, underline) as
    escaped `w:r` elements (composer/render/rich_runs.py), for `{{r block|wordml }}`.
    """
    environment = BoundedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    environment.filters["wordml"] = bounded_filter("wordml", wordml_runs)
    return environment
