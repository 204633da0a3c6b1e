"""A converter that writes junk, a pageless PDF or no PDF/A fails the export: nothing is kept."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from composer.render.pdf.output_check import pdf_problem
from tests.conftest import SAMPLE_LETTER, run_composer
from tests.pdf.fake_pdfs import JUNK, converter_writing, pdf_bytes, pdfa_bytes
from tests.pdf.pdf_helpers import attempts

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")

ATTRIBUTE_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
    b'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" pdfaid:part="2" pdfaid:conformance="B"/>'
    b"</rdf:RDF></x:xmpmeta>"
)

# What the converter writes → the words the message uses for it.
BAD_OUTPUTS = {
    "junk": (JUNK, "het bestand is geen PDF"),
    "pageless": (pdf_bytes(pages=0), "de PDF heeft geen pagina’s"),
    "no-pdfa": (pdf_bytes(pdfa=None), "de PDF is geen PDF/A-2b"),
    "pdfa-1b": (pdf_bytes(pdfa=("1", "B")), "de PDF is geen PDF/A-2b"),
    "cut-off": (pdfa_bytes()[:400], "de PDF is beschadigd"),
}


def test_a_sound_pdfa_passes_and_each_kind_of_junk_is_named():
    assert pdf_problem(pdfa_bytes()) is None
    assert pdf_problem(pdf_bytes(pdfa=None), pdfa=False) is None  # PDF/A only when asked
    for data, words in BAD_OUTPUTS.values():
        problem = pdf_problem(data)
        assert problem is not None and problem.startswith(words)
    assert pdf_problem(b"") == "het bestand is geen PDF"
    assert pdf_problem(pdf_bytes(pdfa=("2", "A"))) is not None  # PDF/A-2a was not asked for


def test_pdfa_identification_written_as_attributes_is_read_too():
    from composer.render.pdf.output_check import _pdfa_identification

    assert _pdfa_identification(ATTRIBUTE_XMP) == ("2", "B")


@posix_only
@pytest.mark.parametrize("kind", ["junk", "pageless", "no-pdfa"])
def test_render_refuses_what_a_broken_converter_wrote_and_keeps_the_old_pdf(tmp_path, kind):
    data, words = BAD_OUTPUTS[kind]
    soffice = converter_writing(tmp_path, data)
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"vorige versie")
    result = run_composer(
        "render", str(SAMPLE_LETTER), "-o", str(target), env={"COMPOSER_SOFFICE": str(soffice)}
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "LibreOffice heeft geen PDF gemaakt van ‘brief.docx’." in result.stderr
    assert f"LibreOffice schreef een onbruikbare PDF: {words}" in result.stderr
    assert "Ook een tweede poging mislukte." in result.stderr
    # No DOCX was written for the user: the message must not promise one.
    assert "DOCX-bestand" not in result.stderr
    assert target.read_bytes() == b"vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf", "lo"]
    assert attempts(tmp_path / "lo") == 2  # junk is retried once, like any failed conversion


@posix_only
def test_render_without_an_old_file_leaves_no_file(tmp_path):
    soffice = converter_writing(tmp_path, JUNK)
    target = tmp_path / "uit.pdf"
    result = run_composer(
        "render", str(SAMPLE_LETTER), "-o", str(target), env={"COMPOSER_SOFFICE": str(soffice)}
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lo"]


@posix_only
def test_render_writes_the_pdf_the_converter_made_when_it_is_sound(tmp_path):
    good = pdfa_bytes(note="van de nep-converter")
    soffice = converter_writing(tmp_path, good)
    target = tmp_path / "brief.pdf"
    result = run_composer(
        "render", str(SAMPLE_LETTER), "-o", str(target), env={"COMPOSER_SOFFICE": str(soffice)}
    )
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == good
    assert attempts(tmp_path / "lo") == 1


MERGE_CSV = (
    "organisatie;aanhef;voorletters;achternaam;straat;huisnummer;postcode;plaats\n"
    "WFC;heer;N.;Liemt;Voorbeeldstraat;12a;1234 AB;Voorbeeldstad\n"
    "FNV;mevrouw;E.;Heemskerk;Proefweg;1;9999 ZX;Proefdorp\n"
)


def _merge(tmp_path: Path, formats: str, data: bytes):
    soffice = converter_writing(tmp_path, data)
    addresses = tmp_path / "adressen.csv"
    addresses.write_text(MERGE_CSV, encoding="utf-8")
    out = tmp_path / "brieven"
    result = run_composer(
        "merge",
        str(SAMPLE_LETTER),
        "--addressees",
        str(addresses),
        "-o",
        str(out),
        "--format",
        formats,
        env={"COMPOSER_SOFFICE": str(soffice)},
    )
    return result, out


@posix_only
def test_merge_to_pdf_only_reports_the_junk_and_keeps_no_pdf(tmp_path):
    result, out = _merge(tmp_path, "pdf", pdf_bytes(pdfa=None))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "LibreOffice heeft van 2 bestanden geen PDF gemaakt" in result.stderr
    assert "Liemt" in result.stderr and "Heemskerk" in result.stderr
    assert "LibreOffice schreef een onbruikbare PDF: de PDF is geen PDF/A-2b" in result.stderr
    # Only PDFs were asked for: there are no DOCX files to fall back on, so none are promised.
    assert "DOCX-bestanden zelf blijven bruikbaar" not in result.stderr
    assert not list(out.glob("*.pdf")) and not list(out.glob("*.docx"))


@posix_only
def test_merge_to_docx_and_pdf_says_the_docx_files_stay_usable(tmp_path):
    result, out = _merge(tmp_path, "docx,pdf", JUNK)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "LibreOffice schreef een onbruikbare PDF: het bestand is geen PDF" in result.stderr
    assert "De DOCX-bestanden zelf blijven bruikbaar." in result.stderr
    assert len(list(out.glob("*.docx"))) == 2
    assert not list(out.glob("*.pdf"))
