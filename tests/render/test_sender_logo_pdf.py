"""The logo as a reader sees it on the printed page: whole, 15 mm high, in letter and press
release (LibreOffice makes the PDF)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from composer.core.letterfile import load_letter
from composer.paths import data_dir, resources_dir
from composer.render.docx import write_docx

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "resources" / "samples"
LOGO_COLOUR = (200, 30, 30)  # a red no other part of the page uses
DPI = 144


def with_red_logo() -> None:
    """The user's profile: the shipped one with a solid red logo of 300 × 100 pixels."""
    folder = data_dir() / "catalogues"
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (300, 100), LOGO_COLOUR).save(folder / "organisatie-logo.png")
    content = json.loads((resources_dir() / "catalogues" / "organisatie.json").read_text("utf-8"))
    content["logo"] = "organisatie-logo.png"
    (folder / "organisatie.json").write_text(json.dumps(content), encoding="utf-8")


def red_box_mm(pdf: Path, tmp_path: Path) -> tuple[float, float]:
    """(width, height) in mm of the red pixels on page 1."""
    subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    with Image.open(next(tmp_path.glob("p*.png"))) as page:
        rgb = page.convert("RGB")
        mask = Image.eval(rgb.split()[0], lambda v: 255 if v > 150 else 0)
        not_red = Image.eval(rgb.split()[1], lambda v: 255 if v < 90 else 0)
        box = Image.composite(mask, Image.new("L", rgb.size, 0), not_red).getbbox()
    assert box is not None, "geen logo op pagina 1"
    to_mm = 25.4 / DPI
    return (box[2] - box[0]) * to_mm, (box[3] - box[1]) * to_mm


@pytest.mark.parametrize("sample", ["brief-cao-onderhandelaars", "persbericht-handreiking-cao"])
def test_the_logo_is_printed_whole_15_mm_high(sample, convert_to_pdf, tmp_path):
    with_red_logo()
    docx = tmp_path / f"{sample}.docx"
    write_docx(load_letter(SAMPLES / f"{sample}.json"), docx)
    width, height = red_box_mm(convert_to_pdf(docx), tmp_path)
    assert height == pytest.approx(15, abs=0.6)  # not cut off by the line height
    assert width == pytest.approx(45, abs=0.6)  # its shape kept: 3 : 1
