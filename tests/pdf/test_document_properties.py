"""The document's own description, as a viewer, an archive or Word's File > Properties shows it:
the title in the PDF's XMP equals its title and the letter's subject, exactly as typed;
docProps/app.xml names Composer and the organisation."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from composer.core.catalogues import CATALOGUE_FILES, catalogue_path
from composer.core.letterfile import load_letter
from composer.paths import data_dir
from composer.render.docx import render_docx
from composer.render.pdf import PdfEngine
from composer.render.pdf.metadata import repair_metadata
from composer.render.pdf.output_check import pdf_problem
from tests.conftest import SAMPLE_LETTER, soffice_path
from tests.pdf.fake_pdfs import pdfa_bytes

SUBJECTS = [
    "Overleg KSF & FNV over <cao> 2023",
    'Het "Huis" van de klant, ‘’t kan’ & d’r is meer',
    "Service 👍 & 😀 — Über façade",
    "A &amp; B",  # typed as it stands: the entity is text, not an ampersand
]
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def xmp_values(pdf: pikepdf.Pdf) -> dict[str, object]:
    meta = pdf.open_metadata()
    return {
        "title": meta.get("dc:title"),
        "creator_tool": meta.get("xmp:CreatorTool"),
        "part": meta.get("pdfaid:part"),
        "conformance": meta.get("pdfaid:conformance"),
    }


@pytest.fixture(scope="module")
def titled_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path] | None:
    """One real LibreOffice PDF per subject, converted once for this module."""
    if soffice_path() is None:
        return None  # the `soffice` fixture of each test then fails or skips
    root = tmp_path_factory.mktemp("titles")
    with pytest.MonkeyPatch.context() as patch:  # the autouse private_dirs is not active yet
        for name in ("DATA", "CONFIG", "CACHE"):
            (root / name).mkdir()
            patch.setenv(f"COMPOSER_{name}_DIR", str(root / name))
        jobs = []
        for number, subject in enumerate(SUBJECTS):
            letter = load_letter(SAMPLE_LETTER)
            letter.subject = subject
            docx = root / f"in{number}" / "brief.docx"
            docx.parent.mkdir()
            docx.write_bytes(render_docx(letter).data)
            jobs.append((docx, root / f"{number}.pdf"))
        with PdfEngine(soffice_path(), workers=1) as engine:
            engine.convert_many(jobs)
    return {subject: pdf for subject, (_docx, pdf) in zip(SUBJECTS, jobs, strict=True)}


@pytest.mark.libreoffice
@pytest.mark.parametrize("subject", SUBJECTS)
def test_xmp_title_info_title_and_subject_are_one_text(soffice, titled_pdfs, subject):
    path = titled_pdfs[subject]
    assert pdf_problem(path.read_bytes(), pdfa=True) is None
    with pikepdf.open(path) as pdf:
        values = xmp_values(pdf)
        assert values["title"] == subject
        assert str(pdf.docinfo["/Title"]) == subject
        assert (values["part"], values["conformance"]) == ("2", "B")
        assert values["creator_tool"] == str(pdf.docinfo["/Creator"]) == "Composer"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert str(pdf.Root.Lang) == "nl-NL"


@pytest.mark.libreoffice
def test_the_xmp_packet_is_well_formed_and_not_escaped_twice(soffice, titled_pdfs):
    with pikepdf.open(titled_pdfs[SUBJECTS[0]]) as pdf:
        packet = pdf.Root.Metadata.read_bytes()
        assert "/Filter" not in pdf.Root.Metadata  # readable without decompressing
    assert packet.startswith(b"<?xpacket begin=") and packet.rstrip().endswith(b"?>")
    assert b"&amp;amp;" not in packet and b"&amp;lt;" not in packet
    start, end = packet.index(b"<x:xmpmeta"), packet.rindex(b"</x:xmpmeta>") + 12
    etree.fromstring(packet[start:end])  # raises when the repair broke the XML


def _pdf_with(title: str, xmp_title: str) -> bytes:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Title"] = title
    pdf.docinfo["/Creator"] = "Writer"
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">'
        "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>"
        "</rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{xmp_title}</rdf:li></rdf:Alt>'
        "</dc:title></rdf:Description>"
        '<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        "<xmp:CreatorTool>Writer</xmp:CreatorTool></rdf:Description>"
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    pdf.Root.Metadata = pdf.make_stream(packet.encode(), Type=pikepdf.Name.Metadata)
    pdf.Root.Metadata.Subtype = pikepdf.Name.XML
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_a_title_escaped_twice_is_repaired_from_the_document_information():
    data = repair_metadata(_pdf_with("A & B <c>", "A &amp;amp; B &amp;lt;c&amp;gt;"))
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert xmp_values(pdf)["title"] == "A & B <c>"
        assert (xmp_values(pdf)["part"], xmp_values(pdf)["conformance"]) == ("2", "B")
        assert xmp_values(pdf)["creator_tool"] == str(pdf.docinfo["/Creator"]) == "Composer"
    assert pdf_problem(data, pdfa=True) is None


def test_a_pdf_with_nothing_to_repair_keeps_its_bytes():
    good = pdfa_bytes(note="van de nep-converter")
    assert repair_metadata(good) == good
    assert repair_metadata(b"geen PDF") == b"geen PDF"


def test_app_xml_names_composer_and_the_organisation(tmp_path):
    own = data_dir() / "catalogues" / CATALOGUE_FILES["organisatie"]
    organisation = json.loads(catalogue_path("organisatie").read_text(encoding="utf-8-sig"))
    organisation["name"] = "Klantenservice & Co <Noord>"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text(json.dumps(organisation), encoding="utf-8")
    data = render_docx(load_letter(SAMPLE_LETTER)).data
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        app = package.read("docProps/app.xml")
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("_rels/.rels").decode()
    root = etree.fromstring(app)
    assert root.findtext(f"{EP}Application") == "Composer"
    assert root.findtext(f"{EP}Company") == "Klantenservice & Co <Noord>"
    version = root.findtext(f"{EP}AppVersion")
    assert len(version) == 7 and version[2] == "." and version.replace(".", "").isdigit()
    assert b"Microsoft" not in app and b"Macintosh" not in app
    assert 'PartName="/docProps/app.xml"' in types
    assert "relationships/extended-properties" in rels
