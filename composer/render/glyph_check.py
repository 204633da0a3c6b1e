"""Characters the PDF's font cannot show: an emoji in the subject prints as an empty box.

The PDF is a PDF/A with the template's font embedded (Carlito for Calibri). A character that
font has no glyph for is drawn by LibreOffice from some other font on this computer, or as an
empty box; either way not what the DOCX shows. So before export every character of the text in
the template context is looked up in the font's character map, and the user is warned, per field,
about the characters that are missing.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterator
from typing import Any

from composer.core.validation import field_label, split_path
from composer.i18n import _, ngettext
from composer.render.font_metrics import FontMetrics, metrics_for
from composer.render.registry import TemplateInfo

_IGNORED_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}  # line breaks, tabs, soft hyphen, joiners
_SKIPPED_KEYS = {"type", "number", "label", "attachments_label", "copies_label", "date", "style"}
# A body block's keys the user knows by another: the attribution by its speaker, runs (bold,
# italic …) by the paragraph's text; list items are named by their list.
_BODY_KEYS = {"attribution": "speaker", "runs": "text"}
_LETTER_FIELDS = {"subject", "our_reference", "your_reference", "salutation", "closing", "place"}
_PLACE_LINES = {"place_date", "dateline"}  # the place with a date Composer wrote


def _ignored(char: str) -> bool:
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:  # variation selectors
        return True
    if 0x1F3FB <= code <= 0x1F3FF:  # a skin tone: part of the emoji before it, which is named
        return True
    return unicodedata.category(char) in _IGNORED_CATEGORIES


@functools.lru_cache(maxsize=8)
def _has_all_ascii(metrics: FontMetrics) -> bool:
    return all(code in metrics.widths for code in range(0x20, 0x7F))


def missing_glyphs(text: str, metrics: FontMetrics) -> list[str]:
    """The distinct characters of `text` the font has no glyph for, in order of appearance."""
    if text.isascii() and _has_all_ascii(metrics):
        return []
    missing: dict[str, None] = {}
    widths = metrics.widths
    for char in text:
        if ord(char) not in widths and char not in missing and not _ignored(char):
            missing[char] = None
    return list(missing)


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    """(path, text) for every string in the context, e.g. ("body[2].text", "…")."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _SKIPPED_KEYS:
                yield from _strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _where(path: str, context: dict[str, Any]) -> str | None:
    """The field a context string comes from, as the user knows it; None: not to be checked."""
    parts = split_path(path)
    head = parts[0] if parts else ""
    if head == "letter" and len(parts) > 1:
        name = parts[1]
        if name in _LETTER_FIELDS:
            return field_label(str(name))
        if name in _PLACE_LINES:
            return field_label("place")
        return _("het organisatieprofiel")  # signature_organisation
    if head == "recipients" and len(parts) > 2:
        if parts[2] == "salutation":
            return field_label("salutation")
        return _("Adres van geadresseerde {number}").format(number=int(parts[1]) + 1)
    if head == "address_block":
        if context.get("recipients"):
            return None
        return _("Adres van geadresseerde {number}").format(number=1)
    if head == "distribution":
        return _("Verzendlijst")
    if head == "body" and len(parts) > 2:
        name = _BODY_KEYS.get(str(parts[2]), parts[2])
        return field_label(f"body[{parts[1]}].{name}", {"body": context.get("body")})
    if head in ("signatories", "attachments", "copies"):
        return field_label(path)
    if head == "sender":
        return _("het organisatieprofiel")
    if head == "contact":
        return _("de perscontactpersoon in het organisatieprofiel")
    return _("de brief")


def _named(char: str) -> str:
    """The character as a message shows it: itself, or its code when it cannot be seen."""
    if unicodedata.category(char)[0] in "CMZ":
        return f"U+{ord(char):04X}"
    return char


def glyph_warnings(context: dict[str, Any], info: TemplateInfo) -> list[str]:
    """A warning per field with characters the template's font (as the PDF embeds it) lacks;
    [] when Composer has no metrics for the template's font."""
    metrics = metrics_for(info.font) if info.font else None
    if metrics is None:
        return []
    found: dict[str, dict[str, None]] = {}
    for path, text in _strings(context):
        missing = missing_glyphs(text, metrics)
        if not missing:
            continue
        where = _where(path, context)
        if where is not None:
            found.setdefault(where, {}).update(dict.fromkeys(missing))
    warnings = []
    for where, chars in found.items():
        count = len(chars)
        warnings.append(
            ngettext(
                "Het teken {chars} (in {where}) staat niet in het lettertype {font}; in de PDF "
                "kan het als een leeg vakje verschijnen. Laat het weg of vervang het.",
                "De tekens {chars} (in {where}) staan niet in het lettertype {font}; in de PDF "
                "kunnen ze als lege vakjes verschijnen. Laat ze weg of vervang ze.",
                count,
            ).format(chars=" ".join(_named(char) for char in chars), where=where, font=info.font)
        )
    return warnings
