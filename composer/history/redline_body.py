"""Aligns two rendered bodies block by block and writes the tracked changes between them."""

# Both versions come from one template, so their bodies have the same skeleton: the k-th table of
# one is the k-th of the other, and paragraphs differ only where the letter's texts or lists do.
# Paragraphs align with difflib on (style, text); in a stretch that differs, paragraphs pair first
# with a similar one (the same text in another style, or the same style and half the words in
# common), then with the next one of the same style. A pair is diffed word by word; what stays
# unpaired is deleted or inserted as a whole, text and paragraph mark.

from __future__ import annotations

import copy
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import groupby
from typing import TypeVar

from lxml import etree

from composer.history.diff_text import pair_in_order, texts_similar
from composer.history.redline_marks import (
    Revisions,
    local,
    mark_paragraph_end,
    mark_row,
    paragraph_properties,
    record_formatting_change,
    same_formatting,
    w,
)
from composer.history.redline_text import (
    Piece,
    diff_content,
    formatting,
    pieces_of,
    style_of,
    text_of,
    whole_content,
)

Item = TypeVar("Item")
Pair = tuple[int | None, int | None]
_LOOKAHEAD = 32  # how far ahead a block looks for its partner: keeps a rewritten letter fast


@dataclass
class _Block:
    """A paragraph, table or other element of a body or table cell, as the alignment sees it."""

    element: etree._Element
    kind: str  # "p", "tbl" or "other"
    key: Hashable  # compared by difflib: equal keys are the same block
    group: str  # only blocks of one group pair up: a paragraph style, "tbl"
    pieces: list[Piece] | None = None
    text: str = ""


@dataclass
class _Para:
    """A paragraph of the result before its mark is written: content, and its two versions."""

    content: list[etree._Element]
    old: etree._Element | None
    new: etree._Element | None
    mark: str = field(init=False)  # "kept", "ins" or "del": what happens to the paragraph mark

    def __post_init__(self) -> None:
        self.mark = "del" if self.new is None else "ins" if self.old is None else "kept"


def redline_blocks(
    old: Sequence[etree._Element], new: Sequence[etree._Element], revisions: Revisions
) -> list[etree._Element]:
    """The content of a body or table cell: `new`, with tracked changes against `old`."""
    olds, news = _blocks(old), _blocks(new)
    pairs = align(olds, news, lambda b: b.key, _similar, _compatible)
    items: list[_Para | etree._Element] = []
    for i, j in _settle_end(pairs, olds, news):
        items.extend(_items(_at(olds, i), _at(news, j), revisions))
    return _finish(items, revisions)


def _at(blocks: list[_Block], index: int | None) -> _Block | None:
    return None if index is None else blocks[index]


def _blocks(children: Sequence[etree._Element]) -> list[_Block]:
    blocks: list[_Block] = []
    tables = 0
    for child in children:
        name = local(child)
        if name == "p":
            pieces, style = pieces_of(child), style_of(child)
            if pieces is None:
                key: Hashable = ("p*", etree.tostring(child, with_tail=False))
                text = "".join(child.itertext())
            else:
                text = text_of(pieces)
                key = ("p", style, text)
            blocks.append(_Block(child, "p", key, f"p:{style}", pieces, text))
        elif name == "tbl":
            blocks.append(_Block(child, "tbl", ("tbl", tables), "tbl"))
            tables += 1
        else:
            xml = etree.tostring(child, with_tail=False)
            blocks.append(_Block(child, "other", ("other", xml), ""))
    return blocks


def _similar(old: _Block, new: _Block) -> bool:
    """Two versions of one block: a table, a paragraph of one style with half its words in
    common, or a paragraph that kept its text and changed its style (a formatting change)."""
    if old.kind != new.kind or old.kind == "other":
        return False
    if old.kind == "tbl" or (old.text and old.text == new.text):
        return True
    return old.group == new.group and texts_similar(old.text, new.text)


def _compatible(old: _Block, new: _Block) -> bool:
    return old.kind != "other" and old.group == new.group


def align(
    olds: Sequence[Item],
    news: Sequence[Item],
    key: Callable[[Item], Hashable],
    similar: Callable[[Item, Item], bool],
    compatible: Callable[[Item, Item], bool],
) -> list[Pair]:
    """(old index, new index) in the order of the result; None on the side that lacks the item.

    Between two pairs, the items only `old` has come before those only `new` has.
    """
    matcher = SequenceMatcher(None, [key(x) for x in olds], [key(x) for x in news], autojunk=False)
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
            continue
        first = pair_in_order(
            range(i1, i2), range(j1, j2), lambda i, j: similar(olds[i], news[j]), _LOOKAHEAD
        )
        pairs.extend(_pair_rest(list(first), lambda i, j: compatible(olds[i], news[j])))
    return pairs


def _pair_rest(pairs: list[Pair], compatible: Callable[[int, int], bool]) -> Iterator[Pair]:
    """Between pairs, the unpaired items paired in order when compatible; the rest deleted
    first, then inserted."""
    for paired, group in groupby(pairs, key=lambda pair: None not in pair):
        stretch = list(group)
        if paired:
            yield from stretch
            continue
        olds = [i for i, _ in stretch if i is not None]
        news = [j for _, j in stretch if j is not None]
        yield from _pair_stretch(olds, news, compatible)


def _pair_stretch(
    olds: list[int], news: list[int], compatible: Callable[[int, int], bool]
) -> Iterator[Pair]:
    def fits(a: int, b: int) -> bool:
        return compatible(olds[a], news[b])

    pairs = pair_in_order(range(len(olds)), range(len(news)), fits, _LOOKAHEAD)
    for paired, group in groupby(pairs, key=lambda pair: None not in pair):
        found = list(group)
        if paired:
            yield from ((olds[a], news[b]) for a, b in found)  # type: ignore[index]
        else:
            yield from ((olds[a], None) for a, _ in found if a is not None)
            yield from ((None, news[b]) for _, b in found if b is not None)


def _keeps_mark(old: _Block, new: _Block) -> bool:
    return old.kind == "p" and (old.key == new.key or None not in (old.pieces, new.pieces))


def _settle_end(pairs: list[Pair], olds: list[_Block], news: list[_Block]) -> list[Pair]:
    """Word cannot remove the last paragraph mark of a body or cell. When the paragraphs that end
    the container are all deleted or inserted and no kept paragraph precedes them (onto whose mark
    `_finish` moves the change), the last deleted and the last inserted one are paired instead."""

    def unpaired_paragraph(pair: Pair) -> bool:
        i, j = pair
        return (i is None) != (j is None) and (olds[i] if j is None else news[j]).kind == "p"

    start = len(pairs)
    while start > 0 and unpaired_paragraph(pairs[start - 1]):
        start -= 1
    if start == len(pairs):
        return pairs
    if start > 0:
        i, j = pairs[start - 1]
        if i is not None and j is not None and _keeps_mark(olds[i], news[j]):
            return pairs
    run = pairs[start:]
    deleted = [k for k, (_, j) in enumerate(run) if j is None]
    inserted = [k for k, (i, _) in enumerate(run) if i is None]
    if not deleted or not inserted:
        return pairs
    joined = (run[deleted[-1]][0], run[inserted[-1]][1])
    rest = [pair for k, pair in enumerate(run) if k not in (deleted[-1], inserted[-1])]
    return [*pairs[:start], *rest, joined]


def _items(
    old: _Block | None, new: _Block | None, revisions: Revisions
) -> Iterator[_Para | etree._Element]:
    if old is not None and new is not None:
        if old.kind == "tbl":
            yield redline_table(old.element, new.element, revisions)
        elif old.kind == "other":
            yield copy.deepcopy(new.element)  # paired only when equal
        elif old.key == new.key and _same_runs(old, new):
            content = [copy.deepcopy(c) for c in new.element if local(c) != "pPr"]
            yield _Para(content, old.element, new.element)
        elif old.pieces is not None and new.pieces is not None:
            content = diff_content(old.pieces, new.pieces, revisions)
            yield _Para(content, old.element, new.element)
        else:
            yield _whole(old, "del", revisions)
            yield _whole(new, "ins", revisions)
    elif new is not None:
        yield _whole(new, "ins", revisions)
    elif old is not None and old.kind != "other":
        yield _whole(old, "del", revisions)


def _same_runs(old: _Block, new: _Block) -> bool:
    """The same formatting on the same characters (a word made bold is a change)."""
    if old.pieces is None or new.pieces is None:
        return True  # paired only when equal as XML
    return formatting(old.pieces) == formatting(new.pieces)


def _whole(block: _Block, kind: str, revisions: Revisions) -> _Para | etree._Element:
    """A block only one version has: an inserted or deleted paragraph or table."""
    if block.kind == "tbl":
        return whole_table(block.element, kind, revisions)
    if block.kind == "other":
        return copy.deepcopy(block.element)  # not tracked: kept as in the new version
    content = whole_content(block.element, block.pieces, kind, revisions)
    if kind == "ins":
        return _Para(content, None, block.element)
    return _Para(content, block.element, None)


def _finish(items: list[_Para | etree._Element], revisions: Revisions) -> list[etree._Element]:
    """Writes every paragraph with its mark and formatting, so that accepting all changes gives
    the new paragraphs and rejecting them the old ones, each with its own formatting."""
    _move_final_mark(items)
    paragraphs = [item for item in items if isinstance(item, _Para)]
    accepted = iter([p.new for p in paragraphs if p.new is not None])
    rejected = iter([p.old for p in paragraphs if p.old is not None])
    result: list[etree._Element] = []
    for item in items:
        if not isinstance(item, _Para):
            result.append(item)
            continue
        new = next(accepted) if item.mark in ("kept", "ins") else None
        old = next(rejected) if item.mark in ("kept", "del") else None
        result.append(_paragraph(item, old, new, revisions))
    return result


def _move_final_mark(items: list[_Para | etree._Element]) -> None:
    """Inserted or deleted paragraphs at the end: the change moves one mark up, onto the kept
    paragraph before them, as Word records it; the last mark stays (Word needs it)."""
    if not items or not isinstance(items[-1], _Para) or items[-1].mark == "kept":
        return
    start = len(items) - 1
    while start > 0 and isinstance(items[start - 1], _Para) and items[start - 1].mark != "kept":
        start -= 1
    kept = items[start - 1] if start > 0 else None
    if not isinstance(kept, _Para):
        return
    run = [kept, *items[start:]]
    marks = [p.mark for p in run[1:]] + ["kept"]  # type: ignore[union-attr]
    for paragraph, mark in zip(run, marks, strict=True):
        paragraph.mark = mark  # type: ignore[union-attr]


def _paragraph(
    item: _Para, old: etree._Element | None, new: etree._Element | None, revisions: Revisions
) -> etree._Element:
    """`old`/`new`: the paragraphs whose formatting the mark has when rejecting/accepting."""
    paragraph = etree.Element(w("p"), dict(item.new.attrib) if item.new is not None else {})
    if item.mark == "del":
        ppr = paragraph_properties(old)
        mark_paragraph_end(ppr, revisions.mark("del"))
    else:
        ppr = paragraph_properties(new)
        if item.mark == "ins":
            mark_paragraph_end(ppr, revisions.mark("ins"))
        elif not same_formatting(_ppr(old), _ppr(new)):
            record_formatting_change(ppr, _ppr(old), revisions.mark("pPrChange"))
    if len(ppr) or ppr.attrib:
        paragraph.append(ppr)
    paragraph.extend(item.content)
    return paragraph


def _ppr(paragraph: etree._Element | None) -> etree._Element | None:
    return None if paragraph is None else paragraph.find(w("pPr"))


# --- tables ---------------------------------------------------------------------------------------


def redline_table(old: etree._Element, new: etree._Element, revisions: Revisions) -> etree._Element:
    """`new` with tracked changes against `old`: rows aligned by their cells' text, paired rows
    compared cell by cell."""
    table = _shell(new, lambda name: name != "tr")
    old_rows, new_rows = old.findall(w("tr")), new.findall(w("tr"))
    for i, j in align(old_rows, new_rows, _row_key, _similar_rows, _same_shape):
        if i is not None and j is not None:
            table.append(_row(old_rows[i], new_rows[j], revisions))
        elif j is not None:
            table.append(_whole_row(new_rows[j], "ins", revisions))
        elif i is not None:
            table.append(_whole_row(old_rows[i], "del", revisions))
    return table


def whole_table(table: etree._Element, kind: str, revisions: Revisions) -> etree._Element:
    """A table only one version has: every row inserted or deleted."""
    result = _shell(table, lambda name: name != "tr")
    result.extend(_whole_row(row, kind, revisions) for row in table.findall(w("tr")))
    return result


def _row_key(row: etree._Element) -> Hashable:
    return tuple("".join(cell.itertext()) for cell in row.findall(w("tc")))


def _same_shape(old: etree._Element, new: etree._Element) -> bool:
    return len(old.findall(w("tc"))) == len(new.findall(w("tc")))


def _similar_rows(old: etree._Element, new: etree._Element) -> bool:
    joined = (" ".join(texts) for texts in (_row_key(old), _row_key(new)))
    return _same_shape(old, new) and texts_similar(*joined)


def _row(old: etree._Element, new: etree._Element, revisions: Revisions) -> etree._Element:
    row = _shell(new, lambda name: name != "tc")
    for old_cell, new_cell in zip(old.findall(w("tc")), new.findall(w("tc")), strict=True):
        cell = _shell(new_cell, lambda name: name == "tcPr")
        cell.extend(redline_blocks(_cell_content(old_cell), _cell_content(new_cell), revisions))
        row.append(cell)
    return row


def _whole_row(source: etree._Element, kind: str, revisions: Revisions) -> etree._Element:
    row = _shell(source, lambda name: name != "tc")
    mark_row(row, revisions.mark(kind))
    for source_cell in source.findall(w("tc")):
        cell = _shell(source_cell, lambda name: name == "tcPr")
        content = _cell_content(source_cell)
        old, new = (content, []) if kind == "del" else ([], content)
        cell.extend(redline_blocks(old, new, revisions))
        row.append(cell)
    return row


def _cell_content(cell: etree._Element) -> list[etree._Element]:
    return [child for child in cell if local(child) != "tcPr"]


def _shell(source: etree._Element, keep: Callable[[str], bool]) -> etree._Element:
    """A copy of the element with only the children `keep` accepts (properties, grid, …)."""
    shell = etree.Element(source.tag, dict(source.attrib))
    shell.extend(copy.deepcopy(child) for child in source if keep(local(child)))
    return shell
