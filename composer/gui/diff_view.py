"""Shows the differences between two versions of a letter as marked-up, readable text."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QWidget

from composer.i18n import N_, _

if TYPE_CHECKING:  # the diff machinery loads when two versions are compared
    from composer.history.diff import FieldChange, WordChange

NO_DIFFERENCES = N_("Geen verschillen.")
PLACEHOLDER = N_("Kies twee versies om de verschillen te zien.")
KIND_WORDS = {  # not screen text: the keys (the words are marked N_)
    "changed": N_("gewijzigd"),
    "added": N_("toegevoegd"),
    "removed": N_("verwijderd"),
}
CONTEXT_CHARS = 80  # a longer unchanged stretch keeps only this much next to each change

# Colour is a help, never the only signal: insertions are underlined, deletions struck through,
# and both carry a textual marker ([+ … +], [- … -]) that screen readers and black-and-white
# printouts keep. QTextDocument cannot hide text visually, so the markers are small and grey.
_INSERT_STYLE = (  # not screen text
    "color:#0b5c1f; background-color:#dcf5e1; text-decoration:underline;"
)
_DELETE_STYLE = (  # not screen text
    "color:#8c0a0a; background-color:#fde4e4; text-decoration:line-through;"
)
_MARKER_STYLE = "color:#5c5c5c; font-size:small;"  # not screen text
_KIND_STYLE = "color:#4a4a4a;"  # not screen text
_TEXT_STYLE = "margin-top:0px; margin-left:14px; white-space:pre-wrap;"  # not screen text
_MARKS_STYLE = "margin-top:0px; margin-left:14px;"  # not screen text
_LINE_BREAKS = ("\r\n", "\r", "\x0b", "\u2028", "\u2029")


def escaped(text: str) -> str:
    """User text as HTML: markup characters escaped, every kind of line break a `<br>`."""
    for line_break in _LINE_BREAKS:
        text = text.replace(line_break, "\n")
    return html.escape(text, quote=True).replace("\n", "<br>")


def _marker(text: str) -> str:
    return f'<span style="{_MARKER_STYLE}">{text}</span>'


def run_html(run: WordChange, *, first: bool = False, last: bool = False) -> str:
    """One run: inserted text underlined in `[+ … +]`, deleted text struck through in `[- … -]`."""
    if run.kind == "insert":
        title = escaped(_("toegevoegd"))
        body = f'<span style="{_INSERT_STYLE}" title="{title}">{escaped(run.text)}</span>'
        return f"{_marker('[+')}{body}{_marker('+]')}"
    if run.kind == "delete":
        title = escaped(_("verwijderd"))
        body = f'<span style="{_DELETE_STYLE}" title="{title}">{escaped(run.text)}</span>'
        return f"{_marker('[-')}{body}{_marker('-]')}"
    from composer.history.diff_text import shortened

    kept = shortened(run.text, keep_head=not first, keep_tail=not last, width=CONTEXT_CHARS)
    return escaped(kept)


def _runs(change: FieldChange) -> Sequence[WordChange]:
    """Word runs of a text change; a value that is no text as one deleted and/or inserted run."""
    if change.words:
        return change.words
    from composer.history.diff_text import WordChange, show_value

    runs = []
    if change.kind in ("changed", "removed"):
        runs.append(WordChange("delete", show_value(change.old)))
    if change.kind in ("changed", "added"):
        runs.append(WordChange("insert", show_value(change.new)))
    return runs


def change_html(change: FieldChange) -> str:
    """The label and kind of one change, then its text with the changes marked, then the words
    that gained or lost bold, italic or underline (`‘onmiddellijk’ vet gemaakt`)."""
    marks = change.marks
    runs = _runs(change) if change.words or not marks else []
    if len(runs) == 1:
        text = run_html(runs[0], first=True, last=True)
    else:
        last = len(runs) - 1
        text = "".join(
            run_html(run, first=index == 0, last=index == last) for index, run in enumerate(runs)
        )
    marked = "".join(f'<p style="{_MARKS_STYLE}">{escaped(mark.describe())}</p>' for mark in marks)
    kind = _(KIND_WORDS[change.kind]) if change.kind in KIND_WORDS else change.kind
    # A top-level label of diff.py is an N_-marked msgid; a composed one (`Alinea 3`) is made in
    # the language of the screen already, and `_()` leaves it as it is.
    label = _(change.label)
    return (
        f'<p style="margin-top:10px; margin-bottom:2px;"><b>{escaped(label)}</b>'
        f' <span style="{_KIND_STYLE}">({escaped(kind)})</span></p>'
        + (f'<p style="{_TEXT_STYLE}">{text}</p>' if runs else "")
        + marked
    )


def changes_html(changes: Sequence[FieldChange], heading: str = "") -> str:
    """The whole view: an optional heading, then every change; `Geen verschillen.` when none."""
    parts = [f"<p><b>{escaped(heading)}</b></p>"] if heading else []
    if not changes:
        parts.append(f"<p>{escaped(_(NO_DIFFERENCES))}</p>")
    else:
        parts.extend(change_html(change) for change in changes)
    return "<html><body>" + "".join(parts) + "</body></html>"


class DiffView(QTextBrowser):
    """Read-only view of `list[FieldChange]`: per field its label, kind and marked text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("verschillen")
        self.setAccessibleName(_("Verschillen"))
        self.setAccessibleDescription(
            _(
                "Toegevoegde tekst staat tussen [+ en +] en is onderstreept; verwijderde tekst "
                "staat tussen [- en -] en is doorgestreept."
            )
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setPlaceholderText(_(PLACEHOLDER))
        self.changes: list[FieldChange] = []

    def show_changes(self, changes: Sequence[FieldChange], heading: str = "") -> None:
        """Show these changes (empty: `Geen verschillen.`), with an optional heading above."""
        self.changes = list(changes)
        self.setHtml(changes_html(self.changes, heading))

    def show_message(self, message: str) -> None:
        """A plain line instead of changes, such as why nothing can be compared."""
        self.changes = []
        # The markup only: `message` comes translated (or from the core).
        self.setHtml(f"<html><body><p>{escaped(message)}</p></body></html>")  # not screen text

    def clear(self) -> None:
        self.changes = []
        super().clear()
