"""Copy and paste in the body.

Copying puts the selected blocks on the clipboard as JSON of our own (`BLOCKS_MIME`, so a
promise or quote pasted in the body is the same object again) beside Qt's HTML and plain text.
Pasting takes, in this order: our blocks; HTML (from Word or a browser) keeping only bold,
italic, underline, bulleted and numbered lists and headings (fonts, sizes, colours, links and
images dropped; a table's cells become paragraphs); plain text, one paragraph per line.
"""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextDocument

from composer.core.letterfile import letter_from_dict, letter_to_dict
from composer.core.models import Block, Letter, Paragraph
from composer.errors import ComposerError
from composer.gui.editor.body_document import (
    OBJECT_CHAR,
    insert_blocks,
    paragraph_format,
    plain_char_format,
    read_document,
)

BLOCKS_MIME = "application/x-composer-blocks+json"  # not screen text


def _carrier(blocks: list[Block]) -> Letter:
    """A letter around blocks: the letter file's reader and writer know blocks."""
    return Letter(template="brief", date=dt.date(2000, 1, 1), subject="-", body=list(blocks))


def blocks_json(blocks: list[Block]) -> str:
    return json.dumps(letter_to_dict(_carrier(blocks))["body"], ensure_ascii=False)


def json_blocks(text: str) -> list[Block]:
    data = letter_to_dict(_carrier([]))
    data["body"] = json.loads(text)
    return list(letter_from_dict(data).body)


def selection_blocks(cursor: QTextCursor) -> list[Block]:
    """The blocks the selection of `cursor` covers (parts of paragraphs as paragraphs)."""
    document = QTextDocument()
    document.setDefaultFont(cursor.document().defaultFont())
    QTextCursor(document).insertFragment(cursor.selection())
    return read_document(document).blocks


def copied(cursor: QTextCursor, mime: QMimeData) -> QMimeData:
    """`mime` (Qt's HTML and text of the selection) with our blocks added."""
    mime.setData(BLOCKS_MIME, blocks_json(selection_blocks(cursor)).encode("utf-8"))
    return mime


def pasted_blocks(source: QMimeData) -> list[Block]:
    """What a paste puts in the body."""
    if source.hasFormat(BLOCKS_MIME):
        try:
            return json_blocks(bytes(source.data(BLOCKS_MIME).data()).decode("utf-8"))
        except (ComposerError, ValueError, TypeError, KeyError, AttributeError):
            pass  # not ours after all: the HTML or text beside it
    if source.hasHtml():
        document = QTextDocument()
        document.setHtml(source.html())
        return read_document(document, pasted=True).blocks
    if source.hasText():
        lines = source.text().replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return [Paragraph(line) for line in lines if line.strip()]
    return []


def insert_pasted(cursor: QTextCursor, blocks: list[Block]) -> None:
    """Put `blocks` at `cursor` (the selection replaced). A single paragraph goes into the
    paragraph at the cursor; more blocks, or an object, start on a new line."""
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    inline = len(blocks) == 1 and isinstance(blocks[0], Paragraph)
    block = cursor.block()
    empty = not block.text() and block.textList() is None
    if inline or empty:
        if not empty:  # into this paragraph: its own format stays (a list item, a Kop)
            insert_blocks(cursor, blocks, first=True, keep_format=True)
        else:
            insert_blocks(cursor, blocks, first=True)
    else:
        plain = plain_char_format(cursor.document())
        if not cursor.atBlockStart():  # the paragraph split: the blocks go between its halves
            cursor.insertBlock(paragraph_format(), plain)
        if cursor.block().text():  # at the start of a paragraph: the blocks go before it
            cursor.insertBlock(paragraph_format(), plain)
            cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        _unlist(cursor)
        insert_blocks(cursor, blocks, first=True)
        if cursor.block().next().isValid() and OBJECT_CHAR in cursor.block().text():
            cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    cursor.endEditBlock()


def _unlist(cursor: QTextCursor) -> None:
    text_list = cursor.block().textList()
    if text_list is not None:
        text_list.remove(cursor.block())
    cursor.setBlockFormat(paragraph_format())
