"""Bold, italic and underlined text as Word writes it: runs with named character styles.

The template context holds a paragraph's or list item's runs as plain data (`text`, `bold`,
`italic`, `underline`); the template writes them with `{{r block|wordml }}` (docxtpl's
`{{r … }}` takes the place of the whole run; a block without runs gives its `text`).

The filter gives each marked run the named style of its first mark, bold > italic >
underline: `Strong` ("Zwaar" in a Dutch Word), `Emphasis` ("Nadruk") or `Onderstreept` (defined
by our templates); the other marks of a run with two or three are direct formatting (`w:i`,
`w:u`). So a restyled "Zwaar" changes every bold word, and LibreOffice's tagged PDF names the
style of each marked run (`/Strong`, role-mapped to `/Span`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from markupsafe import Markup

from composer.core.models import ListItem, Paragraph
from composer.core.rich_text import runs_of
from composer.render.usertext import strip_invalid, to_wordml

STRONG, EMPHASIS, UNDERLINED = "Strong", "Emphasis", "Onderstreept"  # style ids in styles.xml
_ITALIC = "<w:i/><w:iCs/>"
_UNDERLINE = '<w:u w:val="single"/>'


def run_dicts(block: Paragraph | ListItem) -> list[dict[str, Any]]:
    """The runs of a paragraph or list item for the template context, each text cleaned of the
    characters Word cannot hold (the caller's Cleaner warns about them for the whole text)."""
    return [
        {
            "text": strip_invalid(run.text),
            "bold": run.bold,
            "italic": run.italic,
            "underline": run.underline,
        }
        for run in runs_of(block)
    ]


def plain_run(text: str) -> dict[str, Any]:
    return {"text": text, "bold": False, "italic": False, "underline": False}


def run_properties(bold: bool, italic: bool, underline: bool) -> str:
    """`w:rPr` of a run with these marks ("" for none): the first mark's style, then the rest."""
    if bold:
        style, direct = STRONG, (_ITALIC if italic else "") + (_UNDERLINE if underline else "")
    elif italic:
        style, direct = EMPHASIS, _UNDERLINE if underline else ""
    elif underline:
        style, direct = UNDERLINED, ""
    else:
        return ""
    return f'<w:rPr><w:rStyle w:val="{style}"/>{direct}</w:rPr>'


def _flag(run: Any, name: str) -> bool:
    return isinstance(run, dict) and run.get(name) is True


def _text(run: Any) -> str:
    """A run's text as plain text (a Markup value is escaped like any other text); only dicts
    and texts are read: the filter never looks into other objects a template hands it."""
    if isinstance(run, dict):
        return str(run.get("text", ""))  # str() of a Markup is a plain str
    return str(run) if isinstance(run, str) else ""


def _runs_of(value: Any) -> Iterable[Any]:
    """The runs to write: a text is one plain run; a block (paragraph, list item) gives its
    `runs`, or its `text` as one plain run when it has none; a list is taken as runs."""
    if isinstance(value, str):
        return [plain_run(value)]
    if isinstance(value, dict):
        runs = value.get("runs")
        if isinstance(runs, list | tuple):
            return runs
        return [plain_run(_text(value))]
    return value if isinstance(value, list | tuple) else []


def wordml_runs(value: Any) -> Markup:
    """The Jinja filter `wordml`: a block's runs (dicts as in the context), a list of runs or a
    text, as `w:r` elements.

    Every text is escaped, and line breaks and tabs become `w:br` and `w:tab`, exactly as
    `{{ … }}` writes them; nothing in a run can add other WordprocessingML.
    """
    joined: list[tuple[str, str]] = []  # (properties, text), neighbours alike joined
    for run in _runs_of(value):
        text = _text(run)
        if not text:
            continue
        properties = run_properties(
            _flag(run, "bold"), _flag(run, "italic"), _flag(run, "underline")
        )
        if joined and joined[-1][0] == properties:
            joined[-1] = (properties, joined[-1][1] + text)
        else:
            joined.append((properties, text))
    return Markup(
        "".join(
            f'<w:r>{properties}<w:t xml:space="preserve">{to_wordml(text)}</w:t></w:r>'
            for properties, text in joined
        )
    )
