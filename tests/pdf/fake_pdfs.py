"""PDFs a converter might write (sound PDF/A-2b, plain, pageless, junk) and a fake soffice."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

from tests.pdf.pdf_helpers import fake_soffice

_XMP = """<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <!-- {note} -->
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <pdfaid:part>{part}</pdfaid:part>
   <pdfaid:conformance>{conformance}</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

JUNK = b"Dit is geen PDF maar wat rommel van een kapotte converter.\n"


def pdf_bytes(
    *, pages: int = 1, pdfa: tuple[str, str] | None = ("2", "B"), note: str = ""
) -> bytes:
    """A small PDF with `pages` blank A4 pages; `pdfa` (part, conformance) in its XMP, or none.
    `note` is written as it is (in the XMP packet, else in the document information)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if note and pdfa is None:
        writer.add_metadata({"/Subject": note})
    if pdfa is not None:
        stream = StreamObject()
        stream.set_data(_XMP.format(part=pdfa[0], conformance=pdfa[1], note=note).encode())
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdfa_bytes(note: str = "") -> bytes:
    """What LibreOffice should write: one page, PDF/A-2b."""
    return pdf_bytes(note=note)


# Writes the file `output.pdf` beside the script as the "PDF" of every DOCX it is given.
WRITES_OUTPUT = """out=""; prev=""
for arg in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$arg"; fi
  case "$arg" in *.docx)
    mkdir -p "$out"; cp "$(dirname "$0")/output.pdf" "$out/$(basename "$arg" .docx).pdf";;
  esac
  prev="$arg"
done"""


def converter_writing(tmp_path: Path, data: bytes) -> Path:
    """A fake soffice in `tmp_path`/lo (with its `attempts` log) that writes `data`."""
    folder = tmp_path / "lo"
    folder.mkdir()
    (folder / "output.pdf").write_bytes(data)
    return fake_soffice(folder, WRITES_OUTPUT)
