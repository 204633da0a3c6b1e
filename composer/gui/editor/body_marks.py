"""What the body's toolbar does to the document: marks, lists and Kop.

These functions change only the QTextDocument; the body's binding makes each call one undo
step (`BodyBinding.step`).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextBlock, QTextCharFormat, QTextCursor

from composer.gui.editor.body_document import (
    OBJECT_CHAR,
    heading_block_format,
    heading_char_format,
    is_bold,
    is_heading,
    list_format,
    list_style,
    paragraph_format,
    plain_char_format,
)

MARKS = ("bold", "italic", "underline")  # not screen text


def has_mark(fmt: QTextCharFormat, mark: str) -> bool:
    if mark == "bold":
        return is_bold(fmt)
    if mark == "italic":
        return fmt.fontItalic()
    return fmt.fontUnderline()


def mark_format(mark: str, on: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if mark == "bold":
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
    elif mark == "italic":
        fmt.setFontItalic(on)
    else:
        fmt.setFontUnderline(on)
    return fmt


def _selected_formats(cursor: QTextCursor) -> list[QTextCharFormat]:
    """The formats of the characters selected (objects left out)."""
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    formats = []
    block = cursor.document().findBlock(start)
    while block.isValid() and block.position() < end:
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            iterator += 1
            if not fragment.isValid() or fragment.text() == OBJECT_CHAR:
                continue
            first, last = fragment.position(), fragment.position() + fragment.length()
            if first < end and start < last:
                formats.append(fragment.charFormat())
        block = block.next()
    return formats


def toggle_mark(cursor: QTextCursor, mark: str) -> bool:
    """Bold/italic/underline on the selection: on unless all of it has it already (Word's way).
    Returns whether the mark is now on."""
    formats = _selected_formats(cursor)
    on = not formats or not all(has_mark(fmt, mark) for fmt in formats)
    cursor.mergeCharFormat(mark_format(mark, on))
    return on


def selected_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """The text blocks the selection touches (the cursor's one without a selection),
    promise and quote objects left out."""
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    last = document.findBlock(cursor.selectionEnd()).blockNumber()
    found = []
    while block.isValid() and block.blockNumber() <= last:
        if OBJECT_CHAR not in block.text():
            found.append(block)
        block = block.next()
    return found


def _plain_block(block: QTextBlock) -> None:
    """Out of any list, not a Kop: an Alinea (its marks kept unless it was a Kop)."""
    text_list = block.textList()
    if text_list is not None:
        text_list.remove(block)
    cursor = QTextCursor(block)
    was_heading = is_heading(block)
    cursor.setBlockFormat(paragraph_format())
    if was_heading:
        plain = plain_char_format(block.document())
        cursor.setBlockCharFormat(plain)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(plain)


def toggle_list(cursor: QTextCursor, style: str) -> None:
    """Opsomming ("bullet") or Nummering ("number") for the selected paragraphs; off again
    when they all are such a list already."""
    blocks = selected_blocks(cursor)
    if not blocks:
        return
    lists = [block.textList() for block in blocks]
    if all(found is not None and list_style(found) == style for found in lists):
        for block in blocks:
            _plain_block(block)
        return
    new_list = None
    for block in blocks:
        _plain_block(block)
        if new_list is None:
            new_list = QTextCursor(block).createList(list_format(style))
        else:
            new_list.add(block)


def toggle_heading(cursor: QTextCursor) -> None:
    """The selected paragraphs become Kop, or Alinea again when they all are Kop already."""
    blocks = selected_blocks(cursor)
    if not blocks:
        return
    if all(is_heading(block) for block in blocks):
        for block in blocks:
            _plain_block(block)
        return
    for block in blocks:
        _plain_block(block)
        heading = heading_char_format(block.document())
        edit = QTextCursor(block)
        edit.setBlockFormat(heading_block_format())
        edit.setBlockCharFormat(heading)
        edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        edit.setCharFormat(heading)
