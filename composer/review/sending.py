"""Renders the version that is sent as DOCX and PDF into the archive, atomically, with sha256."""

from __future__ import annotations

import contextlib
import hashlib
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from composer import __version__
from composer.core.models import Letter
from composer.errors import ComposerError, Remedy, RemedyAction
from composer.fileio import write_bytes_atomic, write_work_file
from composer.i18n import _
from composer.render.pdf.output_check import read_checked_pdf
from composer.settings import Settings

ARCHIVE_FOLDER = "archief"


class Converter(Protocol):
    """What sending needs of a PDF engine (composer.render.pdf.PdfEngine)."""

    def convert(self, docx: Path, pdf: Path) -> Any: ...

    def __enter__(self) -> Converter: ...

    def __exit__(self, *exc_info: object) -> Any: ...


ConverterFactory = Callable[[], Converter]
# Signs one PDF (composer.sending.signing.sign_pdf with the key bound): PDF in, signed PDF out.
PdfSigner = Callable[[bytes], bytes]


@dataclass(frozen=True)
class ArchivedFile:
    kind: str  # "docx" or "pdf"
    path: str  # relative to the data folder, forward slashes
    location: Path  # where it is on disk
    sha256: str
    size: int
    engine: str  # "Composer 0.1.0" for the DOCX, "LibreOffice 7.4.7.2" for the PDF
    # For an addressee's own PDF (a letter to several): its number, counted from 1. The joined
    # PDF and the DOCX have None; they are the archive_files rows, the copies are in the send
    # register.
    addressee: int | None = None


def default_converter() -> Converter:
    from composer.render.pdf import PdfEngine

    return PdfEngine()


def archive_name(kenmerk: str, letter_id: int) -> str:
    """A file name from the kenmerk: `KSF/2022/0001` becomes `KSF-2022-0001`."""
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", kenmerk).strip("-._")
    return name or f"brief-{letter_id}"


def archive_folder(letter_id: int, version: int) -> str:
    return f"{ARCHIVE_FOLDER}/{letter_id}/v{version}"


def _archived(
    root: Path, relative: str, kind: str, data: bytes, engine: str, addressee: int | None = None
) -> ArchivedFile:
    location = root.joinpath(*relative.split("/"))
    location.parent.mkdir(parents=True, exist_ok=True)
    write_bytes_atomic(location, data)
    return ArchivedFile(
        kind=kind,
        path=relative,
        location=location,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        engine=engine,
        addressee=addressee,
    )


def addressee_pdfs(files: list[ArchivedFile], addressees: int) -> dict[int, ArchivedFile]:
    """Per addressee number the PDF that is its own: its copy, or the one PDF of a letter to
    one addressee."""
    copies = {f.addressee: f for f in files if f.addressee is not None}
    if copies:
        return copies
    joined = [f for f in files if f.kind == "pdf" and f.addressee is None]
    return {number: joined[0] for number in range(1, addressees + 1)} if joined else {}


def remove_files(files: list[ArchivedFile]) -> None:
    """Take back files that were written but not recorded (best effort)."""
    for archived in files:
        with contextlib.suppress(OSError):
            archived.location.unlink()


def write_archive(
    root: Path,
    letter: Letter,
    *,
    letter_id: int,
    version: int,
    kenmerk: str,
    converter: Converter,
    settings: Settings | None = None,
    signer: PdfSigner | None = None,
) -> tuple[list[ArchivedFile], list[str]]:
    """Render `letter` to DOCX and PDF and put both in the archive; returns them and warnings.

    Files: the DOCX, the PDF (every copy joined), then for a letter to several addressees each
    addressee's own PDF (`<name>-<k>.pdf`, ArchivedFile.addressee = k). With `signer` every PDF
    is signed before it is written, so the archived sha256 is the signed file's.

    All are made in a temporary folder first; only when every PDF exists are they written into
    `root`/archief/<letter>/v<version>/ (each atomically). On any error nothing stays behind.
    """
    from composer.render.docx import DocxRenderer
    from composer.render.pdf.copies import joined_copies

    renderer = DocxRenderer(settings if settings is not None else Settings())
    rendered = renderer.render(letter)  # the DOCX: every copy in one document
    # The PDF: each copy converted on its own, so each says "pagina 2 van 3" of its own pages.
    copies = renderer.render_copies(letter) if len(letter.addressees) > 1 else [rendered]
    name = archive_name(kenmerk, letter_id)
    pdfs: list[bytes] = []
    results = []
    with tempfile.TemporaryDirectory(prefix="composer-verzenden-") as folder:
        for number, copy in enumerate(copies, start=1):
            stem = f"{name}-{number}" if len(copies) > 1 else name  # the name messages show
            docx = Path(folder) / f"{stem}.docx"
            write_work_file(docx, copy.data)
            pdf = Path(folder) / f"{stem}.pdf"
            results.append(converter.convert(docx, pdf))
            # Junk, a PDF without pages or without PDF/A must fail the send, not be archived.
            pdfs.append(read_checked_pdf(pdf, name=f"{name}.pdf"))
    pdf_data = joined_copies(pdfs, letter.subject)
    if signer is not None:  # the copies are joined unsigned: a signature covers its own file
        pdf_data = signer(pdf_data)
        if len(pdfs) > 1:
            pdfs = [signer(pdf) for pdf in pdfs]
    engine = str(getattr(results[0], "engine", "") or "")
    warnings = list(
        dict.fromkeys(
            [
                *rendered.warnings,
                *(w for result in results for w in getattr(result, "warnings", ())),
            ]
        )
    )
    relative = f"{archive_folder(letter_id, version)}/{name}"
    files: list[ArchivedFile] = []
    try:
        made_by = f"Composer {__version__}"
        files.append(_archived(root, f"{relative}.docx", "docx", rendered.data, made_by))
        files.append(_archived(root, f"{relative}.pdf", "pdf", pdf_data, engine))
        if len(pdfs) > 1:
            for number, pdf in enumerate(pdfs, start=1):
                path = f"{relative}-{number}.pdf"
                files.append(_archived(root, path, "pdf", pdf, engine, addressee=number))
    except BaseException:
        remove_files(files)
        raise
    return files, warnings


def not_sent(letter_id: int, problem: ComposerError, kenmerk_given: str | None) -> ComposerError:
    """The message when the files could not be made: nothing recorded, status unchanged."""
    if kenmerk_given:
        message = _(
            "Brief {letter_id} is niet verzonden: {problem}\nEr is niets gearchiveerd en de "
            "status is nog Goedgekeurd. Het kenmerk {kenmerk} is wel toegekend en blijft bij deze "
            "brief. Los eerst het probleem op."
        )
    else:
        message = _(
            "Brief {letter_id} is niet verzonden: {problem}\nEr is niets gearchiveerd en de "
            "status is nog Goedgekeurd. Los eerst het probleem op."
        )
    return ComposerError(
        message.format(letter_id=letter_id, problem=problem.message, kenmerk=kenmerk_given),
        remedy=Remedy(RemedyAction.SEND, letter_id=letter_id),
    )
