"""The cover text of a letter sent by e-mail: templates/mail/begeleidende-tekst.txt, rendered as
plain text in the project's sandbox (composer/render/sandbox.py).

Plain text, so nothing is XML-escaped; the letter's texts are only values, never evaluated."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError

from composer.errors import ComposerError
from composer.i18n import _
from composer.paths import templates_dir
from composer.render.limits import count_output
from composer.render.sandbox import BoundedEnvironment

COVER_TEMPLATE = "mail/begeleidende-tekst.txt"  # under templates/; not screen text


def cover_template_path() -> Path:
    return templates_dir().joinpath(*COVER_TEMPLATE.split("/"))


def _plain(value: Any) -> str:
    text = "" if value is None else str(value)
    count_output(text)
    return text


def _environment() -> BoundedEnvironment:
    return BoundedEnvironment(
        autoescape=False,
        undefined=StrictUndefined,
        finalize=_plain,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_cover(context: dict[str, Any], source: str | None = None) -> str:
    """The cover text for `context`; `source` is the template text (default: the shipped one).

    Lines keep no trailing spaces and the text ends in one line break.
    """
    path = cover_template_path()
    if source is None:
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ComposerError(
                _("De begeleidende tekst ‘{path}’ kan niet worden gelezen: {reason}.").format(
                    path=path, reason=exc
                )
            ) from None
    try:
        text = _environment().from_string(source).render(context)
    except TemplateError as exc:
        raise ComposerError(
            _(
                "De begeleidende tekst voor de e-mail (‘{path}’) bevat een fout: {reason}. "
                "Herstel het sjabloon of zet het oorspronkelijke terug."
            ).format(path=path, reason=exc.message or exc)
        ) from None
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n") + "\n"
