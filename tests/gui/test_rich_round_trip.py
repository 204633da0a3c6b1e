"""A letter with bold, a bullet list, a numbered list and a heading, all the way: the letter file
is opened in the editor, edited with the keyboard, saved as a file again, and that file becomes a
DOCX (read as XML) and a PDF (read as text)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from composer.core.letterfile import dumps_letter, load_letter
from composer.render.docx import render_docx
from composer.render.pdf import PdfEngine
from tests.conftest import soffice_path
from tests.render.test_rich_text_docx import NS, Docx

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"

BODY = [
    {"type": "heading", "text": "Wat wij vragen"},
    {
        "type": "paragraph",
        "runs": [
            {"text": "Wij vragen u "},
            {"text": "vóór 1 december", "bold": True},
            {"text": " te reageren op deze handreiking."},
        ],
    },
    {
        "type": "list",
        "style": "bullet",
        "items": [{"text": "bereikbaarheid"}, {"text": "eerlijke informatie"}],
    },
    {"type": "paragraph", "text": "Wij stellen twee stappen voor."},
    {"type": "list", "style": "number", "items": [{"text": "verkennen"}, {"text": "afspreken"}]},
]


def letter_file(folder: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["body"] = BODY
    path = folder / "handreiking.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def place_cursor(edit, text: str, *, select: bool = False, at_end: bool = True) -> None:
    """The cursor after (or the selection of) `text` in the body as shown."""
    document = edit.document().toPlainText()
    start = document.index(text)
    cursor = edit.textCursor()
    if select:
        cursor.setPosition(start)
        cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    else:
        cursor.setPosition(start + len(text) if at_end else start)
    edit.setTextCursor(cursor)


def edited_file(active_editor, qtbot, tmp_path: Path) -> Path:
    """Open the letter file, make one more word bold, add a bullet and a numbered step, save."""
    editor = active_editor
    editor.session.letter = load_letter(letter_file(tmp_path))
    editor.reload()
    edit = editor.blocks.edit
    edit.setFocus()
    place_cursor(edit, "handreiking", select=True)
    qtbot.keyClick(edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    place_cursor(edit, "eerlijke informatie")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "snelle hulp")
    place_cursor(edit, "afspreken")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.keyClicks(edit, "vastleggen")
    saved = tmp_path / "opnieuw.json"
    saved.write_text(dumps_letter(editor.session.letter), encoding="utf-8")
    return saved


def test_the_file_comes_back_from_the_editor_with_its_marks_lists_and_heading(
    active_editor, qtbot, tmp_path
):
    data = json.loads(edited_file(active_editor, qtbot, tmp_path).read_text(encoding="utf-8"))
    assert data["format"] == "composer-letter/2"
    heading, marked, bullets, plain, numbers = data["body"]
    assert heading == {"type": "heading", "text": "Wat wij vragen"}
    assert marked["runs"] == [
        {"text": "Wij vragen u "},
        {"text": "vóór 1 december", "bold": True},
        {"text": " te reageren op deze "},
        {"text": "handreiking", "bold": True},
        {"text": "."},
    ]
    assert bullets == {
        "type": "list",
        "style": "bullet",
        "items": [
            {"text": "bereikbaarheid"},
            {"text": "eerlijke informatie"},
            {"text": "snelle hulp"},
        ],
    }
    assert plain == {"type": "paragraph", "text": "Wij stellen twee stappen voor."}
    assert [item["text"] for item in numbers["items"]] == ["verkennen", "afspreken", "vastleggen"]
    assert numbers["style"] == "number"


def test_the_edited_file_is_a_word_document_with_styles_and_real_lists(
    active_editor, qtbot, tmp_path
):
    docx = Docx(render_docx(load_letter(edited_file(active_editor, qtbot, tmp_path))).data)
    bold = docx.document.xpath("//w:r[w:rPr/w:rStyle/@w:val='Strong']/w:t/text()", namespaces=NS)
    assert bold == ["vóór 1 december", "handreiking"]
    assert docx.text(docx.paragraphs("Heading2")[0]) == "Wat wij vragen"
    bullets = [docx.text(p) for p in docx.paragraphs("ListBullet")]
    numbers = [docx.text(p) for p in docx.paragraphs("ListNumber")]
    assert bullets == ["bereikbaarheid", "eerlijke informatie", "snelle hulp"]
    assert numbers == ["verkennen", "afspreken", "vastleggen"]
    for paragraph in docx.paragraphs("ListNumber"):
        assert paragraph.xpath("w:pPr/w:numPr/w:numId/@w:val", namespaces=NS)


@pytest.mark.libreoffice
def test_the_edited_file_prints_bullets_numbers_and_the_heading(
    soffice, active_editor, qtbot, tmp_path
):
    docx = tmp_path / "brief.docx"
    docx.write_bytes(render_docx(load_letter(edited_file(active_editor, qtbot, tmp_path))).data)
    pdf = tmp_path / "brief.pdf"
    with PdfEngine(soffice_path(), workers=1) as engine:
        engine.convert_many([(docx, pdf)])
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    assert "Wat wij vragen" in lines
    assert "• snelle hulp" in lines
    assert [line for line in lines if line[:2] in ("1.", "2.", "3.")] == [
        "1. verkennen",
        "2. afspreken",
        "3. vastleggen",
    ]
    assert any("vóór 1 december te reageren op deze handreiking." in line for line in lines)
