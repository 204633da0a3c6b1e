"""User text on its way into WordprocessingML: cleaned of control characters, never altered else."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from composer.i18n import ngettext

# Kept: tab, line feed and Word's manual line break (\x0b). Carriage returns become line feeds.
_REMOVED = re.compile("[\x00-\x08\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?")
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'


@dataclass
class Cleaner:
    """Cleans user text and remembers a warning (for the screen) per field that lost characters."""

    warnings: list[str] = field(default_factory=list)

    def __call__(self, text: str, where: str) -> str:
        text = _NEWLINES.sub("\n", text)
        cleaned, count = _REMOVED.subn("", text)
        if count:
            self.warnings.append(
                ngettext(
                    "{where}: {count} onzichtbaar stuurteken verwijderd "
                    "(alleen regeleinden en tabs blijven behouden).",
                    "{where}: {count} onzichtbare stuurtekens verwijderd "
                    "(alleen regeleinden en tabs blijven behouden).",
                    count,
                ).format(where=where, count=count)
            )
        return cleaned


def strip_invalid(text: str) -> str:
    """Line endings unified to \n; characters that cannot appear in Word's XML removed."""
    return _REMOVED.sub("", _NEWLINES.sub("\n", text))


def to_wordml(value: object) -> object:
    """Jinja `finalize`: escape text for XML and turn line breaks and tabs into Word elements.

    Values that are already Markup (built by the template itself) pass unchanged.
    """
    if value is None or isinstance(value, Markup) or not isinstance(value, str):
        return value
    escaped = str(escape(strip_invalid(value)))
    if "\n" in escaped or "\x0b" in escaped or "\t" in escaped:
        escaped = escaped.replace("\n", _BREAK).replace("\x0b", _BREAK).replace("\t", _TAB)
    return Markup(escaped)
