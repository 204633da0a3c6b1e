"""Helpers for the review tests: a PDF engine stand-in, a letter brought to goedgekeurd."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from composer.core.models import Letter
from composer.render.pdf import PdfConversionError, PdfResult
from composer.review.service import ReviewService
from tests.pdf.fake_pdfs import pdfa_bytes

FAKE_ENGINE = "Nep-PDF 1.0"


class FakeConverter:
    """Stands in for PdfEngine where the PDF's content does not matter (no LibreOffice)."""

    def __init__(self, *, fail: bool = False) -> None:
        self.fail = fail
        self.converted: list[Path] = []

    def __enter__(self) -> FakeConverter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def convert(self, docx: Path, pdf: Path) -> PdfResult:
        if self.fail:
            raise PdfConversionError(f"LibreOffice maakte geen PDF van ‘{docx.name}’.", [docx], [])
        digest = hashlib.sha256(docx.read_bytes()).hexdigest()
        pdf.write_bytes(pdfa_bytes(note=f"nep-PDF van {digest}"))
        self.converted.append(docx)
        return PdfResult(docx, pdf, FAKE_ENGINE)


def approved_letter(review: ReviewService, letter: Letter, *, subject: str = "") -> int:
    """A new letter, submitted by Anna and its version 1 approved by Bert."""
    letter_id = review.library.add(
        replace(letter, subject=subject or letter.subject), author="Anna"
    )
    review.submit(letter_id, author="Anna")
    review.approve(letter_id, version=1, reviewer="Bert")
    return letter_id
