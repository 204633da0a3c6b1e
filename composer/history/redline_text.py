"""A paragraph as pieces of formatted text, and the word-by-word redline of two paragraphs."""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from itertools import groupby

from lxml import etree

from composer.history.diff_text import word_diff
from composer.history.redline_marks import (
    XML_SPACE,
    Revisions,
    local,
    run_properties_changed,
    w,
    wrap_each_run,
)

# Run content written back as an element; its character stands for it in the diffed text.
_SPECIAL = {"cr": "\n", "tab": "\t", "ptab": "\t", "noBreakHyphen": "\u2011", "softHyphen": "\xad"}
# Paragraph and run children that carry nothing a reader sees (layout caches, spelling marks).
_IGNORED_IN_PARAGRAPH = frozenset({"pPr", "proofErr"})
_IGNORED_IN_RUN = frozenset({"rPr", "lastRenderedPageBreak"})


@dataclass(frozen=True)
class Piece:
    """Characters with one run formatting: text, or one element such as `<w:br/>` ("\n")."""

    text: str
    rpr: etree._Element | None
    key: bytes  # the run properties serialised, to group pieces of one formatting into a run
    element: etree._Element | None = None
    was: Piece | None = None  # kept text whose formatting changed: the piece in the old version


def style_of(paragraph: etree._Element) -> str:
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return "" if style is None else style.get(w("val"), "")


def pieces_of(paragraph: etree._Element) -> list[Piece] | None:
    """The paragraph's text with its formatting; None when it holds more than plain runs
    (hyperlinks, fields, drawings, bookmarks, …), which the redline then replaces as a whole."""
    pieces: list[Piece] = []
    for child in paragraph:
        name = local(child)
        if name in _IGNORED_IN_PARAGRAPH:
            continue
        if name != "r":
            return None
        rpr = child.find(w("rPr"))
        key = b"" if rpr is None else etree.tostring(rpr)
        for part in child:
            kind = local(part)
            if kind in _IGNORED_IN_RUN:
                continue
            if kind == "t":
                if part.text:
                    pieces.append(Piece(part.text, rpr, key))
            elif kind == "br":
                line_break = part.get(w("type"), "textWrapping") == "textWrapping"
                pieces.append(Piece("\n" if line_break else "\f", rpr, key, part))
            elif kind in _SPECIAL:
                pieces.append(Piece(_SPECIAL[kind], rpr, key, part))
            else:
                return None
    return pieces


def text_of(pieces: list[Piece]) -> str:
    return "".join(piece.text for piece in pieces)


class _Cursor:
    """Hands out the pieces of one paragraph in order, `count` characters at a time."""

    def __init__(self, pieces: list[Piece]) -> None:
        self._pieces = pieces
        self._index = 0
        self._offset = 0

    def take(self, count: int) -> list[Piece]:
        taken: list[Piece] = []
        while count > 0:
            piece = self._pieces[self._index]
            rest = piece.text[self._offset :]
            if len(rest) <= count:
                taken.append(piece if self._offset == 0 else replace(piece, text=rest))
                count -= len(rest)
                self._index += 1
                self._offset = 0
            else:
                taken.append(replace(piece, text=rest[:count]))
                self._offset += count
                count = 0
        return taken


def formatting(pieces: list[Piece]) -> list[tuple[bytes, int]]:
    """(run properties, characters) per stretch of one formatting: equal when two paragraphs
    have the same formatting on the same characters, however their runs are cut."""
    return [
        (key, sum(len(piece.text) for piece in group))
        for key, group in groupby(pieces, key=lambda piece: piece.key)
    ]


def _restyled(old: list[Piece], new: list[Piece]) -> list[Piece]:
    """The `new` pieces of text both versions have (as many characters), each cut where the
    old formatting changes and carrying the old piece when that formatting differs."""
    result: list[Piece] = []
    old_cursor = _Cursor(old)
    for piece in new:
        offset = 0
        for before in old_cursor.take(len(piece.text)):
            size = len(before.text)
            whole = size == len(piece.text)
            part = piece if whole else replace(piece, text=piece.text[offset : offset + size])
            offset += size
            result.append(part if before.key == piece.key else replace(part, was=before))
    return result


def _run_key(piece: Piece) -> tuple[bytes, bytes | None]:
    return piece.key, None if piece.was is None else piece.was.key


def runs_of(
    pieces: list[Piece], *, deleted: bool = False, revisions: Revisions | None = None
) -> list[etree._Element]:
    """Runs for the pieces: one per stretch of one formatting; deleted text in w:delText; a
    stretch whose formatting changed records the old one (`w:rPrChange`, from `revisions`)."""
    text_tag = w("delText" if deleted else "t")
    runs: list[etree._Element] = []
    for _key, group in groupby(pieces, key=_run_key):
        stretch = list(group)
        run = etree.Element(w("r"))
        first = stretch[0]
        if first.was is not None and revisions is not None:
            change = revisions.mark("rPrChange")
            run.append(run_properties_changed(first.rpr, first.was.rpr, change))
            revisions.count("rPrChange")
        elif first.rpr is not None:
            run.append(copy.deepcopy(first.rpr))
        pending: list[str] = []
        for piece in stretch:
            if piece.element is None:
                pending.append(piece.text)
                continue
            _add_text(run, text_tag, pending)
            run.append(copy.deepcopy(piece.element))
        _add_text(run, text_tag, pending)
        runs.append(run)
    return runs


def _add_text(run: etree._Element, tag: str, pending: list[str]) -> None:
    if pending:
        text = etree.SubElement(run, tag)
        text.set(XML_SPACE, "preserve")
        text.text = "".join(pending)
        pending.clear()


def diff_content(old: list[Piece], new: list[Piece], revisions: Revisions) -> list[etree._Element]:
    """The content of a paragraph changed word by word: unchanged and inserted text with the
    formatting of `new`, deleted text with the formatting it had in `old`; unchanged text whose
    formatting changed (a word made bold) records its old formatting in `w:rPrChange`."""
    old_cursor, new_cursor = _Cursor(old), _Cursor(new)
    content: list[etree._Element] = []
    for change in word_diff(text_of(old), text_of(new)):
        size = len(change.text)
        if change.kind == "equal":
            kept = _restyled(old_cursor.take(size), new_cursor.take(size))
            content.extend(runs_of(kept, revisions=revisions))
        elif change.kind == "insert":
            content.append(revisions.wrap("ins", runs_of(new_cursor.take(size))))
        else:
            deleted = runs_of(old_cursor.take(size), deleted=True)
            content.append(revisions.wrap("del", deleted))
    return content


def whole_content(
    paragraph: etree._Element, pieces: list[Piece] | None, kind: str, revisions: Revisions
) -> list[etree._Element]:
    """The content of a paragraph inserted (`ins`) or deleted (`del`) as a whole."""
    if pieces is None:
        duplicate = copy.deepcopy(paragraph)
        for ppr in duplicate.findall(w("pPr")):
            duplicate.remove(ppr)
        content = list(duplicate)
        wrap_each_run(content, kind, revisions)
        return list(duplicate)
    if not pieces:
        revisions.count(kind)
        return []
    return [revisions.wrap(kind, runs_of(pieces, deleted=kind == "del"))]
