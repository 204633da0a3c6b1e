"""Checks that a PDF the converter wrote is a real one: it opens, has pages, is PDF/A-2b."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from composer.errors import ComposerError
from composer.i18n import _

if TYPE_CHECKING:
    from pypdf import PdfReader

PDFA_ID_NS = "http://www.aiim.org/pdfa/ns/id/"
PDFA_PART = "2"
PDFA_CONFORMANCE = "B"

# pypdf logs what it repairs ("EOF marker not found"); without a handler Python would print
# that English line on stderr. The check turns it into a Dutch message instead.
logging.getLogger("pypdf").addHandler(logging.NullHandler())


class PdfOutputError(ComposerError):
    """The converter wrote something that is not a usable PDF (or not the PDF/A asked for)."""


def _pdfa_identification(metadata: bytes) -> tuple[str, str]:
    """(part, conformance) from the XMP packet, e.g. ("2", "B"); empty strings when absent.

    XMP writes them as elements (`<pdfaid:part>2</pdfaid:part>`, as LibreOffice does) or as
    attributes of `rdf:Description`; both are read. Entities and the network are never used.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.fromstring(metadata.strip(), parser)
    found = {"part": "", "conformance": ""}
    for element in root.iter():
        for name in found:
            qualified = f"{{{PDFA_ID_NS}}}{name}"
            if element.tag == qualified and element.text:
                found[name] = element.text.strip()
            elif qualified in element.attrib:
                found[name] = str(element.attrib[qualified]).strip()
    return found["part"], found["conformance"].upper()


def _metadata_bytes(reader: PdfReader) -> bytes | None:
    root = reader.trailer["/Root"].get_object()
    stream = root.get("/Metadata")
    return None if stream is None else stream.get_object().get_data()


def pdf_problem(data: bytes, *, pdfa: bool = True) -> str | None:
    """None for a sound PDF; otherwise what is wrong with it, as a Dutch phrase for a sentence.

    Sound means: pypdf opens it, it has at least one page and, when `pdfa`, its XMP metadata
    says PDF/A-2b (pdfaid:part 2, conformance B), which is what Composer asks LibreOffice for.
    """
    from pypdf import PdfReader

    if b"%PDF-" not in data[:1024]:
        return _("het bestand is geen PDF")
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = len(reader.pages)
    except Exception:  # whatever pypdf trips over, the file is not a usable PDF
        return _("de PDF is beschadigd en kan niet worden geopend")
    if pages < 1:
        return _("de PDF heeft geen pagina’s")
    if not pdfa:
        return None
    try:
        metadata = _metadata_bytes(reader)
        part, conformance = _pdfa_identification(metadata) if metadata else ("", "")
    except Exception:  # unreadable metadata: no PDF/A identification either
        part, conformance = "", ""
    if (part, conformance) != (PDFA_PART, PDFA_CONFORMANCE):
        return _("de PDF is geen PDF/A-2b (de kenmerken voor langdurige archivering ontbreken)")
    return None


def check_pdf(data: bytes, *, name: str, pdfa: bool = True) -> None:
    """Raise `PdfOutputError` naming the PDF `name` when `data` is not sound (see pdf_problem)."""
    problem = pdf_problem(data, pdfa=pdfa)
    if problem is not None:
        raise PdfOutputError(
            _(
                "De PDF ‘{name}’ die LibreOffice maakte is onbruikbaar: {problem}. "
                "Er is geen PDF bewaard. Probeer het opnieuw; blijft het misgaan, controleer dan "
                "de installatie van LibreOffice."
            ).format(name=name, problem=problem)
        )


def read_checked_pdf(path: Path, *, name: str, pdfa: bool = True) -> bytes:
    """The bytes of the PDF at `path` once checked; a missing file is an error as well."""
    try:
        data = Path(path).read_bytes()
    except OSError:
        raise PdfOutputError(
            _(
                "LibreOffice heeft de PDF ‘{name}’ niet gemaakt. Er is geen PDF bewaard. "
                "Probeer het opnieuw; blijft het misgaan, controleer dan de installatie van "
                "LibreOffice."
            ).format(name=name)
        ) from None
    check_pdf(data, name=name, pdfa=pdfa)
    return data
