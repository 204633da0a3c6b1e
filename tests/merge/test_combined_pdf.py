"""The merge's one PDF with all letters: PDF/A-2b, tagged as each letter is, titled, in order;
for duplex printing every letter starts on a front side."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from composer.core.letterfile import load_letter
from composer.render.docx import render_docx
from composer.render.pdf import PdfEngine
from composer.render.pdf.combined import combine_letters, combined_title
from composer.render.pdf.output_check import pdf_problem
from tests.conftest import SAMPLE_LETTER, soffice_path

pytestmark = pytest.mark.libreoffice

TITLE = "Kort & <bondig> – alle brieven"


@dataclass
class Letters:
    pdfs: list[Path]  # short (1 page), long (2 pages), short (1 page)
    surnames: list[str]
    folder: Path


def page_count(pdf: Path) -> int:
    with pikepdf.open(pdf) as document:
        return len(document.pages)


def page_text(pdf: Path, page: int) -> str:
    """The text pdftotext finds on the 1-based `page`."""
    command = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def letters(tmp_path_factory: pytest.TempPathFactory) -> Letters | None:
    """Three real LibreOffice letters, converted once: one page, two pages, one page."""
    if soffice_path() is None:
        return None  # the `soffice` fixture of each test then fails or skips
    root = tmp_path_factory.mktemp("combined")
    surnames = ["Kortman", "Langeveld", "Eenmaal"]
    with pytest.MonkeyPatch.context() as patch:  # the autouse private_dirs is not active yet
        for name in ("DATA", "CONFIG", "CACHE"):
            (root / name).mkdir()
            patch.setenv(f"COMPOSER_{name}_DIR", str(root / name))
        jobs = []
        for number, surname in enumerate(surnames):
            letter = load_letter(SAMPLE_LETTER)
            letter.addressees[0].person.surname = surname
            if number != 1:
                letter.body = letter.body[:1]  # one paragraph: one page
            docx = root / f"{number}-{surname}.docx"
            docx.write_bytes(render_docx(letter).data)
            jobs.append((docx, root / f"{number}-{surname}.pdf"))
        with PdfEngine(soffice_path(), workers=1) as engine:
            engine.convert_many(jobs)
    pdfs = [pdf for _docx, pdf in jobs]
    assert [page_count(pdf) for pdf in pdfs] == [1, 2, 1], "the letters are not of 1 and 2 pages"
    return Letters(pdfs, surnames, root)


@pytest.fixture
def combined(soffice, letters, tmp_path) -> Path:
    target = tmp_path / "alle-brieven.pdf"
    made = combine_letters(letters.pdfs, target, title=TITLE)
    assert made.pages == 4 and made.blank_pages == ()
    return target


def structure_elements(tree: pikepdf.Dictionary) -> set[tuple[int, int]]:
    """The object numbers of every structure element under `tree`."""
    found: set[tuple[int, int]] = set()
    pending = list(tree.K) if isinstance(tree.K, pikepdf.Array) else [tree.K]
    while pending:
        element = pending.pop()
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            continue  # a marked-content reference or an MCID
        found.add(element.objgen)
        kids = element.get("/K")
        if kids is not None:
            pending.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
    return found


def test_the_combined_pdf_is_pdfa_2b_with_its_title(combined):
    assert pdf_problem(combined.read_bytes(), pdfa=True) is None
    with pikepdf.open(combined) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == str(pdf.docinfo["/Title"]) == TITLE
        assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
        assert meta["xmp:CreatorTool"] == str(pdf.docinfo["/Creator"]) == "Composer"
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle) is True
        assert bool(pdf.Root.MarkInfo.Marked) is True
        assert str(pdf.Root.Lang) == "nl-NL"
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1 and intents[0].S == "/GTS_PDFA1"
        assert "/DestOutputProfile" in intents[0]
        assert "/Filter" not in pdf.Root.Metadata
        assert pdf.check_pdf_syntax() == []
    info = subprocess.run(["pdfinfo", str(combined)], capture_output=True, text=True).stdout
    assert "Tagged:          yes" in info
    assert f"Title:           {TITLE}" in info


def test_every_letter_keeps_its_structure_tree(combined):
    with pikepdf.open(combined) as pdf:
        tree = pdf.Root.StructTreeRoot
        tops = list(tree.K)
        assert len(tops) == 3
        assert [str(pdf.Root.StructTreeRoot.RoleMap.get(top.S, top.S)) for top in tops] == [
            "/Document"
        ] * 3
        assert all(top.P.objgen == tree.objgen for top in tops)
        elements = structure_elements(tree)
        pages = {page.objgen: number for number, page in enumerate(pdf.pages)}
        keys = [int(page.StructParents) for page in pdf.pages]
        assert len(set(keys)) == len(keys) == 4
        nums = tree.ParentTree.Nums
        parent_tree = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert int(tree.ParentTreeNextKey) > max(parent_tree)
        for number, key in enumerate(keys):
            marked = [entry for entry in parent_tree[key] if isinstance(entry, pikepdf.Dictionary)]
            assert marked, f"pagina {number + 1} heeft geen getagde inhoud"
            assert {entry.objgen for entry in marked} <= elements
            assert {pages[entry.Pg.objgen] for entry in marked if "/Pg" in entry} == {number}
        annotations = [a for page in pdf.pages for a in page.get("/Annots", [])]
        parents = [int(a.StructParent) for a in annotations if "/StructParent" in a]
        assert len(set(parents)) == len(parents)
        assert all(parent in parent_tree for parent in parents)
        # each letter's elements stay with its own pages: letter 2 is on pages 2 and 3
        first_pages = []
        for top in tops:
            on = {pages[e.Pg.objgen] for e in _with_page(top)}
            first_pages.append(min(on))
        assert first_pages == [0, 1, 3]


def _with_page(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found, pending = [], [element]
    while pending:
        current = pending.pop()
        if isinstance(current, pikepdf.Dictionary) and "/S" in current:
            if "/Pg" in current:
                found.append(current)
            kids = current.get("/K")
            if kids is not None:
                pending.extend(kids if isinstance(kids, pikepdf.Array) else [kids])
    return found


def test_every_letters_text_is_in_the_combined_pdf_in_order(letters, combined):
    pages = [page_text(combined, number) for number in range(1, 5)]
    assert "Kortman" in pages[0]
    assert "Langeveld" in pages[1]
    assert "Eenmaal" in pages[3]
    for pdf in letters.pdfs:  # the whole text of each letter, page for page
        for number in range(1, page_count(pdf) + 1):
            assert page_text(pdf, number).strip() in "\n".join(pages)


def test_duplex_puts_a_blank_page_after_each_letter_with_an_odd_page_count(
    soffice, letters, tmp_path
):
    target = tmp_path / "dubbelzijdig.pdf"
    labels = ["1. Kortman", "2. Langeveld & Co", "3. Eenmaal"]
    made = combine_letters(letters.pdfs, target, title=TITLE, duplex=True, bookmarks=labels)
    # 1 page + blank, 2 pages, 1 page + blank: every letter starts on an odd (front) page
    assert made.pages == 6
    assert made.blank_pages == (1, 5)
    assert pdf_problem(target.read_bytes(), pdfa=True) is None
    texts = [page_text(target, number).strip() for number in range(1, 7)]
    assert [text == "" for text in texts] == [False, True, False, False, False, True]
    assert "Kortman" in texts[0] and "Langeveld" in texts[2] and "Eenmaal" in texts[4]
    with pikepdf.open(target) as pdf:
        for number in made.blank_pages:
            blank, before = pdf.pages[number], pdf.pages[number - 1]
            assert [float(v) for v in blank.mediabox] == [float(v) for v in before.mediabox]
            assert blank.Contents.read_bytes().strip() == b""
            assert "/StructParents" not in blank  # no content, so nothing to tag
        assert len(pdf.Root.StructTreeRoot.K) == 3
        assert pdf.check_pdf_syntax() == []
        with pdf.open_outline() as outline:  # a bookmark per letter, to its first page
            marks = [(item.title, item.destination[0]) for item in outline.root]
        pages = {page.objgen: number for number, page in enumerate(pdf.pages)}
        assert [(title, pages[page.objgen]) for title, page in marks] == list(
            zip(labels, [0, 2, 4], strict=True)
        )


def test_the_title_is_the_subject_and_all_letters():
    assert combined_title("Kort & <bondig>") == TITLE
    assert combined_title("  Twee\nregels ") == "Twee regels – alle brieven"
    assert combined_title("") == "Alle brieven"
