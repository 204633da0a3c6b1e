"""`--duplex` / "Lege pagina’s invoegen voor dubbelzijdig afdrukken": only with the combined PDF,
where a letter with an odd number of pages is followed by a blank page."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from composer.core.letterfile import letter_from_dict
from composer.errors import ComposerError
from composer.merge.rows import rows_from_letter
from composer.merge.service import MergeOptions, run_merge
from composer.render.pdf.output_check import pdf_problem
from tests.conftest import run_composer

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
HEADER = "organisatie;aanhef;voorletters;tussenvoegsel;achternaam;straat;huisnummer;postcode;plaats"
ROWS = [
    "WFC;heer;N.;van;Liemt;Voorbeeldstraat;12a;1234 AB;Voorbeeldstad",
    "FNV;mevrouw;E.;;Heemskerk;Proefweg;1;9999 ZX;Proefdorp",
]


def short_letter(tmp_path: Path) -> Path:
    """The sample letter with one paragraph: a letter of one page."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["body"] = data["body"][:1]
    path = tmp_path / "kort.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_duplex_without_the_combined_pdf_is_refused_before_anything_is_written(tmp_path):
    out = tmp_path / "uit"
    result = run_composer("merge", str(SAMPLE), "-o", str(out), "--format", "pdf", "--duplex")
    assert result.returncode == 2
    assert "--duplex" in result.stderr and "--combined" in result.stderr
    assert "dubbelzijdig" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_the_service_refuses_duplex_without_the_combined_pdf(tmp_path):
    letter = letter_from_dict(json.loads(SAMPLE.read_text(encoding="utf-8")))
    options = MergeOptions(formats=("pdf",), duplex=True)
    with pytest.raises(ComposerError, match="Ook één PDF met alle brieven"):
        run_merge(letter, rows_from_letter(letter), tmp_path / "uit", options)
    assert not (tmp_path / "uit").exists()


@pytest.mark.libreoffice
def test_duplex_merge_starts_every_letter_on_a_front_side(tmp_path, soffice):
    addressees = tmp_path / "adressen.csv"
    addressees.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_composer(
        "merge",
        str(short_letter(tmp_path)),
        "--addressees",
        str(addressees),
        "-o",
        str(out),
        "--format",
        "pdf",
        "--combined",
        "--duplex",
    )
    assert result.returncode == 0, result.stderr
    assert "Daarin zijn 2 lege pagina’s ingevoegd voor dubbelzijdig afdrukken." in result.stderr
    assert [len(PdfReader(str(pdf)).pages) for pdf in sorted(out.glob("0*.pdf"))] == [1, 1]
    combined = out / "alle-brieven.pdf"
    assert pdf_problem(combined.read_bytes(), pdfa=True) is None
    texts = []
    for page in range(1, 5):
        command = ["pdftotext", "-f", str(page), "-l", str(page), str(combined), "-"]
        texts.append(subprocess.run(command, capture_output=True, text=True).stdout.strip())
    assert "Geachte heer Van Liemt," in texts[0] and texts[1] == ""
    assert "Geachte mevrouw Heemskerk," in texts[2] and texts[3] == ""
    reader = PdfReader(str(combined))
    assert (
        reader.metadata.title
        == f"{json.loads(SAMPLE.read_text(encoding='utf-8'))['subject']} – alle brieven"
    )
    marks = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
    assert marks == [("1. Van Liemt WFC", 0), ("2. Heemskerk FNV", 2)]
