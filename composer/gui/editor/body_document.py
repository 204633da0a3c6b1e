"""The letter's body as one QTextDocument and back: no widgets, only the document.

`fill_document(document, blocks)` shows blocks; `read_document(document)` gives them back:

- a Paragraph is a text block; bold, italic and underline are its characters' formats, and its
  runs come back canonical (`rich_text.paragraph`); a line break inside it ("\\n" in the model)
  is Qt's U+2028;
- a ListBlock is a QTextList (disc: bullet, decimal: number), one text block per item;
- a Heading is a text block with a heading level (and drawn large and bold);
- a Promise or Quote is one object character (U+FFFC, `BLOCK_OBJECT`) alone in its text block,
  carrying the block as JSON; `body_objects` draws it as a framed box.

Empty paragraphs, empty list items and empty headings are not blocks: pressing Enter twice
leaves no empty paragraph in the letter. Keys the program does not know (`extra`) of a block,
item or run ride along in a format property, so they survive an edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from composer.core import rich_text
from composer.core.models import (
    Block,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Promise,
    Quote,
    Run,
)

OBJECT_CHAR = "\ufffc"
LINE_BREAK = "\u2028"  # Qt's line break inside a paragraph (Shift+Enter)
BLOCK_OBJECT = QTextFormat.ObjectTypes.UserObject + 1  # a promise or a quote
BLOCK_JSON = QTextFormat.Property.UserProperty + 1  # char format of an object: the block
EXTRA_JSON = QTextFormat.Property.UserProperty + 2  # block/list/char format: unknown keys
HEADING_LEVEL = 2  # a Kop in the body is Word's "Kop 2" (the letter has no "Kop 1")
HEADING_SCALE = 1.25  # how much larger a heading is drawn than the body text
PARAGRAPH_SPACE = 6.0  # pixels under an alinea

LIST_STYLES = {  # not screen text: the file's list styles
    "bullet": QTextListFormat.Style.ListDisc,  # not screen text
    "number": QTextListFormat.Style.ListDecimal,  # not screen text
}
_NUMBERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}


# Objects and unknown keys as JSON


def object_block_dict(block: Promise | Quote) -> dict[str, Any]:
    if isinstance(block, Promise):
        return {**block.extra, "type": "promise", "number": block.number}
    return {
        **block.extra,
        "type": "quote",
        "text": block.text,
        "speaker": block.speaker,
        "role": block.role,
    }


def object_block(data: dict[str, Any]) -> Promise | Quote:
    known = ("type", "number", "text", "speaker", "role")
    extra = {key: value for key, value in data.items() if key not in known}
    if data.get("type") == "promise":
        return Promise(int(data.get("number", 0)), extra=extra)
    return Quote(
        str(data.get("text", "")),
        speaker=str(data.get("speaker", "")),
        role=str(data.get("role", "")),
        extra=extra,
    )


def object_format(block: Promise | Quote) -> QTextCharFormat:
    """The format of the object character that stands for `block`."""
    fmt = QTextCharFormat()
    fmt.setObjectType(BLOCK_OBJECT)
    fmt.setProperty(BLOCK_JSON, json.dumps(object_block_dict(block), ensure_ascii=False))
    return fmt


def block_of_format(fmt: QTextFormat) -> Promise | Quote | None:
    """The promise or quote an object character stands for (None: not one of ours)."""
    if fmt.objectType() != BLOCK_OBJECT:
        return None
    try:
        data = json.loads(str(fmt.property(BLOCK_JSON)))
    except (TypeError, ValueError):
        return None
    return object_block(data) if isinstance(data, dict) else None


def _set_extra(fmt: QTextFormat, extra: dict[str, Any]) -> None:
    if extra:
        fmt.setProperty(EXTRA_JSON, json.dumps(extra, ensure_ascii=False))


def _extra_of(fmt: QTextFormat) -> dict[str, Any]:
    if not fmt.hasProperty(EXTRA_JSON):
        return {}
    try:
        data = json.loads(str(fmt.property(EXTRA_JSON)))
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


# Formats


def run_format(run: Run, base: QTextCharFormat | None = None) -> QTextCharFormat:
    fmt = QTextCharFormat(base) if base is not None else QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    fmt.setFontUnderline(run.underline)
    _set_extra(fmt, run.extra)
    return fmt


def heading_char_format(document: QTextDocument) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setFontPointSize(document.defaultFont().pointSizeF() * HEADING_SCALE)
    return fmt


def plain_char_format(document: QTextDocument) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Normal)
    fmt.setFontPointSize(document.defaultFont().pointSizeF())
    return fmt


def is_heading(block: QTextBlock) -> bool:
    return block.blockFormat().headingLevel() > 0


def paragraph_format() -> QTextBlockFormat:
    """An alinea: some room under it, as in the letter."""
    fmt = QTextBlockFormat()
    fmt.setBottomMargin(PARAGRAPH_SPACE)
    return fmt


def heading_block_format(extra: dict[str, Any] | None = None) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setHeadingLevel(HEADING_LEVEL)
    fmt.setTopMargin(PARAGRAPH_SPACE)
    fmt.setBottomMargin(PARAGRAPH_SPACE / 2)
    _set_extra(fmt, extra or {})
    return fmt


def list_format(style: str, extra: dict[str, Any] | None = None) -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(LIST_STYLES.get(style, QTextListFormat.Style.ListDisc))
    fmt.setIndent(1)
    _set_extra(fmt, extra or {})
    return fmt


def list_style(text_list: QTextList) -> str:
    return "number" if text_list.format().style() in _NUMBERED else "bullet"


def is_bold(fmt: QTextCharFormat) -> bool:
    return fmt.fontWeight() >= QFont.Weight.DemiBold


# Blocks → document


def _to_qt(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", LINE_BREAK)


def _insert_runs(cursor: QTextCursor, runs: list[Run], base: QTextCharFormat) -> None:
    for run in runs:
        cursor.insertText(_to_qt(run.text), run_format(run, base))


def insert_blocks(
    cursor: QTextCursor, blocks: list[Block], *, first: bool, keep_format: bool = False
) -> None:
    """Write `blocks` at `cursor`; `first`: the cursor's text block takes the first block;
    `keep_format`: and keeps its own format (text pasted into a list item stays in the list)."""
    document = cursor.document()
    plain = plain_char_format(document)
    for number, block in enumerate(blocks):
        parts: list[tuple[QTextBlockFormat, Any]] = []
        if isinstance(block, ListBlock):
            parts = [(QTextBlockFormat(), item) for item in block.items] or [
                (QTextBlockFormat(), ListItem(""))
            ]
        elif isinstance(block, Heading):
            parts = [(heading_block_format(block.extra), block)]
        else:
            fmt = paragraph_format()
            if isinstance(block, Paragraph):
                _set_extra(fmt, block.extra)
            parts = [(fmt, block)]
        text_list: QTextList | None = None
        for index, (block_format, part) in enumerate(parts):
            if isinstance(part, ListItem):
                _set_extra(block_format, part.extra)
            start = first and number == 0 and index == 0
            if start and keep_format:
                _insert_runs(cursor, rich_text.runs_of(part), cursor.charFormat())
                continue
            if start:
                cursor.setBlockFormat(block_format)
                cursor.setBlockCharFormat(plain)
            else:
                cursor.insertBlock(block_format, plain)
            if cursor.block().textList() is not None:
                cursor.block().textList().remove(cursor.block())
            if isinstance(block, ListBlock):
                if text_list is None:
                    text_list = cursor.createList(list_format(block.style, block.extra))
                else:
                    text_list.add(cursor.block())
            if isinstance(part, Promise | Quote):
                cursor.insertText(OBJECT_CHAR, object_format(part))
            elif isinstance(part, Heading):
                heading = heading_char_format(document)
                cursor.setBlockCharFormat(heading)
                cursor.insertText(_to_qt(part.text), heading)
            else:
                _insert_runs(cursor, rich_text.runs_of(part), plain)


def fill_document(document: QTextDocument, blocks: list[Block]) -> None:
    """Show `blocks` in `document` (its contents replaced)."""
    document.clear()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    insert_blocks(cursor, blocks, first=True)
    cursor.endEditBlock()


# Document → blocks


@dataclass
class ReadBody:
    """The blocks read from a document, and which text blocks (by number) show each."""

    blocks: list[Block] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)


def _from_qt(text: str) -> str:
    return text.replace(LINE_BREAK, "\n")


def block_pieces(block: QTextBlock, *, pasted: bool = False) -> list[list[Run] | Promise | Quote]:
    """A text block's content: stretches of runs, split by the object characters in it."""
    pieces: list[list[Run] | Promise | Quote] = [[]]
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        iterator += 1
        if not fragment.isValid():
            continue
        fmt = fragment.charFormat()
        text = fragment.text()
        if OBJECT_CHAR in text:
            found = block_of_format(fmt)
            for number, piece in enumerate(text.split(OBJECT_CHAR)):
                if number > 0 and found is not None:  # other objects (images) are dropped
                    pieces += [found, []]
                if piece:
                    last = pieces[-1]
                    assert isinstance(last, list)
                    last.append(_run(piece, fmt, pasted=pasted))
            continue
        last = pieces[-1]
        assert isinstance(last, list)
        last.append(_run(text, fmt, pasted=pasted))
    return pieces


def _run(text: str, fmt: QTextCharFormat, *, pasted: bool) -> Run:
    underline = fmt.fontUnderline() and not (pasted and fmt.isAnchor())
    extra = {} if pasted else _extra_of(fmt)
    return Run(_from_qt(text), is_bold(fmt), fmt.fontItalic(), underline, extra)


def _has_text(runs: list[Run]) -> bool:
    return any(run.text.strip() for run in runs)


def read_document(document: QTextDocument, *, pasted: bool = False) -> ReadBody:
    """The blocks `document` shows (see the module's text); `pasted`: a document made from
    pasted HTML, whose headings become Kop and whose own properties are ignored."""
    read = ReadBody()
    current_list: QTextList | None = None
    block = document.begin()
    while block.isValid():
        number = block.blockNumber()
        text_list = block.textList()
        extra = {} if pasted else _extra_of(block.blockFormat())
        pieces = block_pieces(block, pasted=pasted)
        heading = is_heading(block)
        block = block.next()
        if text_list is not None and len(pieces) == 1:
            runs = pieces[0]
            assert isinstance(runs, list)
            if not _has_text(runs):
                continue
            item = rich_text.list_item(runs)
            item.extra = extra
            if current_list is text_list and isinstance(read.blocks[-1], ListBlock):
                read.blocks[-1].items.append(item)
                read.spans[-1].append(number)
            else:
                list_extra = {} if pasted else _extra_of(text_list.format())
                read.blocks.append(ListBlock(list_style(text_list), [item], extra=list_extra))
                read.spans.append([number])
                current_list = text_list
            continue
        current_list = None
        for piece in pieces:
            if isinstance(piece, Promise | Quote):
                read.blocks.append(piece)
            elif not _has_text(piece):
                continue
            elif heading:
                read.blocks.append(Heading(rich_text.plain_text(piece), extra=extra))
            else:
                read.blocks.append(rich_text.paragraph(piece, **extra))
            read.spans.append([number])
    return read


def read_blocks(document: QTextDocument) -> list[Block]:
    return read_document(document).blocks


def shown_blocks(blocks: list[Block]) -> list[Block]:
    """`blocks` as a document shows them: without empty paragraphs, items and headings."""
    shown: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading) and not block.text.strip():
            continue
        if isinstance(block, ListBlock):
            items = [item for item in block.items if item.text.strip()]
            if not items:
                continue
            if len(items) != len(block.items):
                block = ListBlock(block.style, items, extra=block.extra)
        shown.append(block)
    return shown
