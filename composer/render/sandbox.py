"""The one Jinja environment templates run in: sandboxed, autoescaped, strict about names."""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from composer.render.usertext import to_wordml


def make_environment() -> ImmutableSandboxedEnvironment:
    """Templates are untrusted: no Python internals, no mutation, every value XML-escaped."""
    return ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=StrictUndefined,
        finalize=to_wordml,
        keep_trailing_newline=True,
    )
