"""Issue 13 in the PDF LibreOffice makes, read as a reader would (pdftotext -bbox, pikepdf):
the window stays put, copies per addressee, the closing keeps company, headings are tagged."""

from __future__ import annotations

import copy
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from composer.core.letterfile import load_letter
from composer.core.models import Paragraph
from composer.render.export import export_letter
from composer.render.pdf import PdfEngine, PdfResult
from composer.settings import Settings
from tests.conftest import soffice_path
from tests.render.page_contract import REPO, contract_context, manifest, render

pytestmark = pytest.mark.libreoffice

MM = 72 / 25.4  # points per millimetre
KEEP_RANGE = range(8, 20)  # bodies of 8 … 19 short paragraphs: one of them ends a page
LOGO_EMU = (1620000, 540000)  # 45 × 15 mm


def _png(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (0, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


LOGO_PART = {"word/media/logo.png": _png(300, 100)}


@dataclass
class Converted:
    pdfs: dict[str, Path]
    results: list[PdfResult]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted | None:
    """Every document of this module, converted in one run of LibreOffice."""
    if soffice_path() is None:
        return None  # the `soffice` fixture of each test then fails or skips
    root = tmp_path_factory.mktemp("page-pdf")
    layout = manifest("brief")["layout"]
    docs: dict[str, Path] = {}
    for top in (24, 40):
        docs[f"top{top}"] = render(
            "brief", contract_context(), root / f"top{top}.docx", {**layout, "margin_top_mm": top}
        )
    docs["three"] = render("brief", contract_context(3), root / "three.docx")
    docs["press"] = render("persbericht", contract_context(), root / "press.docx")
    logo = contract_context(logo=True, logo_cx=LOGO_EMU[0], logo_cy=LOGO_EMU[1])
    for name in ("brief", "persbericht"):
        docs[f"logo-{name}"] = render(name, logo, root / f"logo-{name}.docx", replace=LOGO_PART)
    for count in KEEP_RANGE:
        context = contract_context()
        context["attachments"], context["copies"] = [], []
        context["body"] = [
            {"type": "paragraph", "text": f"Alinea {i + 1} van {count} van de brief."}
            for i in range(count)
        ]
        docs[f"keep{count}"] = render("brief", context, root / f"keep{count}.docx")
    with PdfEngine(soffice_path(), workers=2) as engine:
        jobs = [(docx, root / f"{key}.pdf") for key, docx in docs.items()]
        results = engine.convert_many(jobs)
    return Converted(pdfs={key: root / f"{key}.pdf" for key in docs}, results=results)


def _words(pdf: Path) -> list[tuple[int, float, float, str]]:
    """(page, x mm, y mm, word) of every word, pdftotext -bbox."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    words, page = [], 0
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        found = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)".*>(.*)</word>', line)
        if found:
            x, y, word = float(found[1]) / MM, float(found[2]) / MM, found[3]
            words.append((page, x, y, word))
    return words


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text.split("\f")[:-1]


def test_address_window_stays_put_whatever_the_top_margin(soffice, converted) -> None:
    places = {}
    for top in (24, 40):
        words = _words(converted.pdfs[f"top{top}"])
        return_line = next(w for w in words if w[3] == "Klantenservice" and w[2] > 40)
        address = next(w for w in words if w[3] == "Werkgeversvereniging")
        reference = next(w for w in words if w[3] == "Ons")
        places[top] = [*return_line[1:3], *address[1:3], *reference[1:3]]
        assert 19.5 <= return_line[1] <= 22.5, return_line  # the window's left edge: 20 mm
        assert 49.5 <= return_line[2] <= 52, return_line  # its top: 50 mm
        assert address[1] == pytest.approx(return_line[1], abs=0.1)
        assert reference[2] > 90, "the reference line must start below the window"
    assert places[24] == pytest.approx(places[40], abs=0.2)


def test_every_addressee_gets_a_copy_with_letterhead_window_and_aanhef(soffice, converted) -> None:
    pages = _pages(converted.pdfs["three"])
    assert len(pages) == 3
    names = (("N. van Liemt", "Van Liemt"), ("R. Heemskerk", "Heemskerk"), ("R. Öztürk", "Öztürk"))
    for page, (window, aanhef) in zip(pages, names, strict=True):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        assert lines[0] == "Klantenservice Federatie"  # the letterhead opens every copy
        assert f"T.a.v. de heer {window}, voorzitter" in lines
        assert f"Geachte heer {aanhef}," in lines
        assert "Verzendlijst:" in lines
        assert "pagina" not in page  # page 1 of each copy has no page number


def test_the_closing_never_stands_alone_on_a_page(soffice, converted) -> None:
    moved = 0
    for count in KEEP_RANGE:
        pages = _pages(converted.pdfs[f"keep{count}"])
        (page,) = [p for p in pages if "Met vriendelijke groet," in p]
        assert f"Alinea {count} van {count} van de brief." in page, f"{count} paragraphs"
        moved += pages.index(page) > 0
    # At least one body length puts the closing on page 2: the rule has been put to work.
    assert moved, "no letter reached page 2; make the bodies longer"


def test_page_two_shows_date_kenmerk_and_page_of_pages(soffice, converted) -> None:
    pages = next(
        _pages(converted.pdfs[f"keep{count}"])
        for count in KEEP_RANGE
        if len(_pages(converted.pdfs[f"keep{count}"])) == 2
    )
    assert "pagina" not in pages[0]
    assert pages[1].strip().splitlines()[0].strip() == (
        "17 oktober 2022 · Ons kenmerk KSF/2022/0147 · pagina 2 van 2"
    )


def _structure(pdf: Path) -> list[str]:
    names: list[str] = []
    with pikepdf.open(pdf) as document:
        role_map = document.Root.StructTreeRoot.get("/RoleMap", {})

        def walk(node: object) -> None:
            if isinstance(node, pikepdf.Array):
                for child in node:
                    walk(child)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                name = str(node.S)
                names.append(str(role_map.get(name, name)))
                if "/K" in node:
                    walk(node.K)

        walk(document.Root.StructTreeRoot.K)
    return names


def test_press_release_headings_are_tagged_h1_and_h2(soffice, converted) -> None:
    names = _structure(converted.pdfs["press"])
    assert names.count("/H1") == 1
    assert names.count("/H2") == 2  # "Noot voor de redactie" and "Over …"
    assert not {"/Table", "/TR", "/TD"} & set(names)


def test_letter_has_no_layout_tables_in_its_structure(soffice, converted) -> None:
    names = _structure(converted.pdfs["top24"])
    assert "/P" in names
    assert not {"/Table", "/TR", "/TD", "/TH"} & set(names), names


def test_pdf_embeds_carlito_for_calibri_without_font_warnings(soffice, converted) -> None:
    fonts = subprocess.run(
        ["pdffonts", str(converted.pdfs["top24"])], check=True, capture_output=True, text=True
    ).stdout
    assert "Carlito" in fonts
    assert all(not result.warnings for result in converted.results)


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_logo_is_printed_at_its_size_with_alt_text(name: str, soffice, converted) -> None:
    pdf = converted.pdfs[f"logo-{name}"]
    with pikepdf.open(pdf) as document:
        page = document.pages[0]
        images = list(page.get_images().values())
        assert [(image.Width, image.Height) for image in images] == [(300, 100)]
        # In the text the picture is a figure whose alternative text names the organisation.
        alts = []

        def walk(node: object) -> None:
            if isinstance(node, pikepdf.Array):
                for child in node:
                    walk(child)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                if str(node.S) == "/Figure":
                    alts.append(str(node.get("/Alt", "")))
                if "/K" in node:
                    walk(node.K)

        walk(document.Root.StructTreeRoot.K)
    if name == "persbericht":
        assert alts == ["Klantenservice Federatie"]
    else:  # in the letterhead (a page header): LibreOffice marks it an artifact, not content
        assert alts == []
    # Printed 45 mm wide (logo_cx): 300 pixels at 169 pixels per inch.
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2]
    assert listing.split()[12:14] == ["169", "169"], listing
    first_page = _pages(pdf)[0]
    top = next(line.strip() for line in first_page.splitlines() if line.strip())
    assert top != "Klantenservice Federatie"  # the logo, not the name, heads the page


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("brief-cao-onderhandelaars", {"/H1": 0, "/H2": 0}),
        ("persbericht-handreiking-cao", {"/H1": 1, "/H2": 2}),
    ],
)
def test_samples_exported_as_a_person_does_have_the_right_structure(
    sample: str, expected: dict[str, int], soffice, tmp_path
) -> None:
    """The shipped samples through export (renderer, LibreOffice, PDF/A check), as tagged PDF."""
    letter = load_letter(REPO / "resources" / "samples" / f"{sample}.json")
    out = tmp_path / f"{sample}.pdf"
    export_letter(letter, out, Settings(libreoffice_path=soffice))
    names = _structure(out)
    assert {tag: names.count(tag) for tag in expected} == expected
    assert not {"/Table", "/TR", "/TD", "/TH"} & set(names), names
    fonts = subprocess.run(["pdffonts", str(out)], check=True, capture_output=True, text=True)
    assert "Carlito" in fonts.stdout


def test_each_copy_numbers_its_own_pages(soffice, tmp_path) -> None:
    """A letter to two addressees, exported as a person does: every copy starts with the
    letterhead and says "pagina 2 van 3" of its own pages; one tagged PDF/A with the subject."""
    letter = load_letter(REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json")
    second = copy.deepcopy(letter.addressees[0])
    second.person.infix, second.person.surname, second.organisation = "", "Heemskerk", "FNV"
    letter.addressees.append(second)
    letter.subject = "Cao & keten: een handreiking"
    letter.body = [
        Paragraph(f"Alinea {i + 1}. " + "Een zin over de cao en de keten. " * 25) for i in range(12)
    ]
    out = tmp_path / "twee.pdf"
    export_letter(letter, out, Settings())
    pages = _pages(out)
    firsts = [i for i, page in enumerate(pages) if "Geachte heer" in page]
    assert len(firsts) == 2 and firsts[0] == 0 and firsts[1] >= 2
    assert "Geachte heer Van Liemt," in pages[firsts[0]]
    assert "Geachte heer Heemskerk," in pages[firsts[1]]
    for start, end in ((firsts[0], firsts[1]), (firsts[1], len(pages))):
        assert "pagina" not in pages[start]
        assert "Klantenservice Federatie" in pages[start]  # the letterhead of each copy
        heads = [pages[i].strip().splitlines()[0].strip() for i in range(start + 1, end)]
        total = end - start
        assert heads == [
            f"17 oktober 2022 · Ons kenmerk KSF/2022/0147 · pagina {n} van {total}"
            for n in range(2, total + 1)
        ]
    with pikepdf.open(out) as pdf:
        assert str(pdf.docinfo["/Title"]) == "Cao & keten: een handreiking"
        with pdf.open_metadata() as meta:
            assert meta["dc:title"] == "Cao & keten: een handreiking"
            assert meta["pdfaid:part"] == "2"
        assert "/StructTreeRoot" in pdf.Root and pdf.Root.MarkInfo.Marked
