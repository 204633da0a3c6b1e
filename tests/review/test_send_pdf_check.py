"""Sending with a converter that writes junk: not sent, nothing archived, status unchanged."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from composer.errors import ComposerError
from composer.paths import data_dir
from composer.render.pdf import PdfEngine, PdfResult
from tests.pdf.fake_pdfs import JUNK, converter_writing, pdf_bytes
from tests.review.review_helpers import FAKE_ENGINE, FakeConverter, approved_letter

TODAY = date(2022, 10, 17)


class WritingConverter(FakeConverter):
    """A converter that reports success but writes `data` (or nothing) as the PDF."""

    def __init__(self, data: bytes | None) -> None:
        super().__init__()
        self.data = data

    def convert(self, docx: Path, pdf: Path) -> PdfResult:
        if self.data is not None:
            pdf.write_bytes(self.data)
        return PdfResult(docx, pdf, FAKE_ENGINE)


def _assert_not_sent(review, letter_id: int, message: str) -> None:
    assert message.startswith(f"Brief {letter_id} is niet verzonden: ")
    assert "Er is niets gearchiveerd en de status is nog Goedgekeurd" in message
    assert review.status(letter_id).status == "goedgekeurd"
    assert review.archive_files(letter_id) == []
    archive = data_dir() / "archief"
    assert not archive.exists() or not any(path.is_file() for path in archive.rglob("*"))
    assert [e.kind for e in review.events(letter_id)] == ["submitted", "approved"]


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (JUNK, "het bestand is geen PDF"),
        (pdf_bytes(pages=0), "de PDF heeft geen pagina’s"),
        (pdf_bytes(pdfa=None), "de PDF is geen PDF/A-2b"),
        (None, "LibreOffice heeft de PDF ‘KSF-2022-0001.pdf’ niet gemaakt"),
    ],
)
def test_a_pdf_that_is_not_a_sound_pdfa_is_not_archived(review, letter, data, words):
    letter_id = approved_letter(review, letter)
    with pytest.raises(ComposerError) as refused:
        review.send(letter_id, author="Anna", today=TODAY, converter=lambda: WritingConverter(data))
    message = refused.value.message
    assert words in message
    if data is not None:
        assert "De PDF ‘KSF-2022-0001.pdf’ die LibreOffice maakte is onbruikbaar" in message
    _assert_not_sent(review, letter_id, message)


@pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")
def test_a_libreoffice_that_writes_junk_fails_the_send(review, letter, tmp_path):
    soffice = converter_writing(tmp_path, pdf_bytes(pdfa=None))
    letter_id = approved_letter(review, letter)
    with pytest.raises(ComposerError) as refused:
        review.send(letter_id, author="Anna", today=TODAY, converter=lambda: PdfEngine(soffice))
    message = refused.value.message
    assert "LibreOffice schreef een onbruikbare PDF: de PDF is geen PDF/A-2b" in message
    assert "DOCX-bestand" not in message  # the DOCX was only a step: nothing to fall back on
    _assert_not_sent(review, letter_id, message)
