"""Real LibreOffice: the PDF holds the letter's text, is PDF/A-2b with embedded fonts, in order."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader

from composer.core.letterfile import load_letter
from composer.render.pdf import PdfEngine, PdfResult
from tests.conftest import SAMPLE_LETTER, pdf_text, soffice_path
from tests.docx_reading import body_paragraphs
from tests.pdf.pdf_helpers import hostile_docx, normalised, sample_docx

pytestmark = pytest.mark.libreoffice

SURNAMES = ["Liemt", "Heemskerk", "Harmsen", "Öztürk"]


@dataclass
class Converted:
    results: list[PdfResult]
    jobs: list[tuple[Path, Path]]
    progress: list[tuple[int, int]] = field(default_factory=list)

    @property
    def sample(self) -> PdfResult:
        return self.results[0]

    @property
    def hostile(self) -> PdfResult:
        return self.results[1]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted | None:
    """Six letters converted once for this module: the sample, the hostile letter and four
    variants, all named brief.docx in their own folders (LibreOffice names output by stem)."""
    if soffice_path() is None:
        return None  # the `soffice` fixture of each test then fails or skips
    root = tmp_path_factory.mktemp("pdf-output")
    with pytest.MonkeyPatch.context() as patch:  # the autouse private_dirs is not active yet
        for name in ("DATA", "CONFIG", "CACHE"):
            (root / name).mkdir()
            patch.setenv(f"COMPOSER_{name}_DIR", str(root / name))
        docx = [sample_docx(root / "in0" / "brief.docx"), hostile_docx(root / "in1" / "brief.docx")]
        for number, surname in enumerate(SURNAMES, start=2):
            docx.append(sample_docx(root / f"in{number}" / "brief.docx", surname))
        (root / "out").mkdir()
        jobs = [(path, root / "out" / f"{n}-brief.pdf") for n, path in enumerate(docx)]
        converted = Converted(results=[], jobs=jobs)
        with PdfEngine(soffice_path(), workers=2, restart_every=2) as engine:
            converted.results = engine.convert_many(
                jobs, progress=lambda done, total: converted.progress.append((done, total))
            )
        return converted


def test_sample_letter_text_arrives_in_the_pdf(soffice, converted):
    text = normalised(pdf_text(converted.sample.pdf))
    paragraphs = [normalised(p) for p in body_paragraphs(converted.sample.docx) if p.strip()]
    assert len(paragraphs) > 15
    missing = [p for p in paragraphs if p not in text]
    assert missing == []


def test_sample_letter_has_two_pages_as_pdfinfo_says(soffice, converted):
    info = subprocess.run(
        ["pdfinfo", str(converted.sample.pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    assert pages == len(PdfReader(str(converted.sample.pdf)).pages) == 2
    assert "Tagged:          yes" in info


def test_pdf_is_pdfa_2b_with_the_letters_metadata(soffice, converted):
    letter = load_letter(SAMPLE_LETTER)
    reader = PdfReader(str(converted.sample.pdf))
    xmp = reader.xmp_metadata
    assert xmp is not None
    xml = xmp.stream.get_data().decode("utf-8")
    assert "<pdfaid:part>2</pdfaid:part>" in xml
    assert "<pdfaid:conformance>B</pdfaid:conformance>" in xml
    assert xmp.dc_title == {"x-default": letter.subject}
    assert xmp.dc_creator == [letter.signatories[0].name]
    info = reader.metadata
    assert info.title == letter.subject
    assert info.author == letter.signatories[0].name
    assert info.subject == letter.our_reference
    assert info["/Keywords"] == letter.our_reference
    assert converted.sample.engine.startswith("LibreOffice ")


def test_every_font_is_embedded(soffice, converted):
    for result in (converted.sample, converted.hostile):
        listing = subprocess.run(
            ["pdffonts", str(result.pdf)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing, "pdffonts vond geen lettertypen"
        # columns: name type encoding emb sub uni object ID; the name has no spaces
        assert [line.split()[-5] for line in listing] == ["yes"] * len(listing), listing


def test_hostile_input_arrives_as_typed(soffice, converted):
    text = pdf_text(converted.hostile.pdf)
    for literal in ("{{ x }}", "{% if %}", "]]>", "& < >"):
        assert literal in text
    # The address window: the hostile name line, and its last line (nothing cut off below).
    assert "T.a.v. de heer N. & <" in text
    assert "VOORBEELDSTAD" in text


def test_many_letters_come_back_in_job_order(soffice, converted):
    assert [(r.docx, r.pdf) for r in converted.results] == converted.jobs
    assert all(result.pdf.is_file() for result in converted.results)
    for result, surname in zip(converted.results[2:], SURNAMES, strict=True):
        assert surname in pdf_text(result.pdf)
    assert "Liemt" in pdf_text(converted.sample.pdf)
    assert len(converted.progress) >= 3
    assert converted.progress[-1] == (6, 6)
    assert [done for done, _ in converted.progress] == sorted(d for d, _ in converted.progress)
    assert not [p for p in converted.jobs[0][1].parent.iterdir() if p.name.startswith(".")]


def test_template_fonts_give_no_warning(soffice, converted):
    assert converted.sample.warnings == ()


def test_one_file_replaces_an_old_pdf(soffice, tmp_path):
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"oud")
    docx = sample_docx(tmp_path / "brief.docx", "Eenling")
    with PdfEngine(soffice) as engine:
        result = engine.convert(docx, target)
    assert result.pdf == target
    assert "Eenling" in pdf_text(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx", "brief.pdf"]
