"""What sending adds besides the archive: the signer for its PDFs, the register's post rows."""

from __future__ import annotations

from typing import Any

from composer.core.models import Letter
from composer.review.sending import ArchivedFile, PdfSigner, addressee_pdfs
from composer.storage.letter_rows import addressee_names
from composer.storage.send_register import CHANNEL_POST, RESULT_SENT, SendEntry


def pdf_signer(signing_key: Any, kenmerk: str, place: str) -> PdfSigner | None:
    """Signs a PDF with `signing_key` (PAdES, composer.sending.signing); None without a key."""
    if signing_key is None:
        return None
    from composer.sending.signing import sign_pdf

    reason = f"Verzonden met kenmerk {kenmerk}"  # in the signature: always Dutch

    def sign(pdf: bytes) -> bytes:
        visible = bool(getattr(signing_key, "visible", False))
        return sign_pdf(pdf, signing_key, reason=reason, location=place.strip(), visible=visible)

    return sign


def addressee_labels(letter: Letter) -> list[str]:
    """`Organisatie, de heer N. van Liemt` per addressee; `Geadresseerde 2` for one without."""
    return [
        name or f"Geadresseerde {number}"
        for number, name in enumerate(addressee_names(letter), start=1)
    ]


def post_entries(letter: Letter, files: list[ArchivedFile]) -> list[SendEntry]:
    """One 'post' row per addressee: archived (to be posted) with its own PDF."""
    pdfs = addressee_pdfs(files, len(letter.addressees))
    entries = []
    for number, label in enumerate(addressee_labels(letter), start=1):
        pdf = pdfs[number]
        entries.append(
            SendEntry(
                addressee_index=number,
                addressee=label,
                channel=CHANNEL_POST,
                result=RESULT_SENT,
                email=str(getattr(letter.addressees[number - 1], "email", "") or ""),
                attachment=pdf.path,
                attachment_sha256=pdf.sha256,
            )
        )
    return entries
