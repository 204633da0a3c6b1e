"""Redlines of marked text, lists and headings: w:rPrChange, inserted and deleted list items.

The documents have the shapes the renderer writes for the new body: marked words in runs with
the character styles `Strong`, `Emphasis`, `Onderstreept` (a second mark as direct w:i / w:u),
list items as `ListBullet` / `ListNumber` paragraphs with w:numPr, headings as `Heading2`.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import zipfile
from html import escape

import docx
import pytest
from lxml import etree

from composer.core import rich_text
from composer.core.letterfile import load_letter
from composer.core.models import Heading, ListBlock, ListItem, Run
from composer.history.redline import compare_docx
from composer.render.docx import DocxRenderer
from composer.settings import Settings
from tests.conftest import SAMPLE_LETTER
from tests.docx_reading import body_paragraphs
from tests.history.redline_checks import (
    DOCUMENT,
    NS,
    W_NS,
    accept_all,
    document_xml,
    formatted_text,
    list_labels,
    paragraph_formats,
    parts,
    reject_all,
    revision_marks,
    run_soffice,
    w,
)

AUTHOR = "Eva de Redacteur"
WHEN = dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC)
STYLE_RPR = {  # the marks as the renderer writes them
    "": "",
    "bold": '<w:rStyle w:val="Strong"/>',
    "italic": '<w:rStyle w:val="Emphasis"/>',
    "underline": '<w:rStyle w:val="Onderstreept"/>',
    "bold italic": '<w:rStyle w:val="Strong"/><w:i/>',
}
NUMBERING = {"ListBullet": 1, "ListNumber": 2}


@pytest.fixture(scope="module")
def package() -> bytes:
    """An empty Word document to put bodies in."""
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


def paragraph(*runs: str | tuple[str, str], style: str = "Brieftekst") -> str:
    """`paragraph("Wij bellen ", ("altijd", "bold"), " terug.", style="ListBullet")`."""
    numbering = ""
    if style in NUMBERING:
        numbering = f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{NUMBERING[style]}"/></w:numPr>'
    xml = [f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{numbering}</w:pPr>']
    for part in runs:
        text, marks = (part, "") if isinstance(part, str) else part
        rpr = f"<w:rPr>{STYLE_RPR[marks]}</w:rPr>" if marks else ""
        xml.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text, quote=False)}</w:t></w:r>')
    return "".join(xml) + "</w:p>"


def document(package: bytes, *paragraphs: str) -> bytes:
    """The package with these paragraphs as its body (before the section properties)."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(contents[DOCUMENT])
    body = root.find(w("body"))
    section = body.find(w("sectPr"))
    body[:] = [
        etree.fromstring(f'<w:body xmlns:w="{W_NS}">{"".join(paragraphs)}</w:body>')[index]
        for index in range(len(paragraphs))
    ] + ([section] if section is not None else [])
    contents[DOCUMENT] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def compared(package: bytes, old: list[str], new: list[str]):
    old_docx, new_docx = document(package, *old), document(package, *new)
    result = compare_docx(old_docx, new_docx, author=AUTHOR, date=WHEN)
    assert_resolves(result.data, old_docx, new_docx)
    return result


def assert_resolves(data: bytes, old_docx: bytes, new_docx: bytes) -> None:
    """Accepting every change gives the new document, rejecting them the old one: text,
    paragraph formatting (styles, numbering) and run formatting (character styles)."""
    accepted, rejected = accept_all(data), reject_all(data)
    assert body_paragraphs(accepted) == body_paragraphs(new_docx)
    assert body_paragraphs(rejected) == body_paragraphs(old_docx)
    assert paragraph_formats(accepted) == paragraph_formats(new_docx)
    # Rejected, an old list may point to another w:num of the new numbering.xml: the same list.
    assert paragraph_formats(rejected, list_ids=False) == paragraph_formats(
        old_docx, list_ids=False
    )
    assert list_labels(accepted) == list_labels(new_docx)
    assert list_labels(rejected) == list_labels(old_docx)
    assert formatted_text(accepted) == formatted_text(new_docx)
    assert formatted_text(rejected) == formatted_text(old_docx)
    ids = [mark.get(w("id")) for mark in revision_marks(data)]
    assert len(ids) == len(set(ids))


def xpath(data: bytes, query: str) -> list:
    return document_xml(data).xpath(query, namespaces=NS)


def text(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text() | .//w:delText/text()", namespaces=NS))


INTRO = paragraph("Onze leden hebben zich verbonden aan zeven servicebeloften.")
SENTENCE = "Wij betalen het bedrag onmiddellijk terug."


# --- marks ----------------------------------------------------------------------------------------


def test_a_word_made_bold_is_a_tracked_formatting_change(package):
    old = [INTRO, paragraph(SENTENCE)]
    new = [INTRO, paragraph("Wij betalen het bedrag ", ("onmiddellijk", "bold"), " terug.")]
    result = compared(package, old, new)
    assert (result.insertions, result.deletions, result.formatted) == (0, 0, 1)
    assert not xpath(result.data, "//w:ins | //w:del")
    [change] = xpath(result.data, "//w:r/w:rPr/w:rPrChange")
    run = change.getparent().getparent()
    assert text(run) == "onmiddellijk"
    assert run.find(f"{w('rPr')}/{w('rStyle')}").get(w("val")) == "Strong"
    assert change.getparent()[-1] is change  # w:rPrChange is the last child of w:rPr
    assert len(change.find(w("rPr"))) == 0  # before: no formatting at all
    assert (change.get(w("author")), change.get(w("date"))) == (AUTHOR, "2024-05-06T07:08:09Z")
    assert [text(r) for r in xpath(result.data, "//w:p[2]/w:r")] == [
        "Wij betalen het bedrag ",
        "onmiddellijk",
        " terug.",
    ]


def test_a_second_mark_and_a_lost_one_keep_the_old_formatting_in_the_change(package):
    old = [paragraph("Wij betalen het bedrag ", ("onmiddellijk terug", "bold"), ".")]
    new = [paragraph("Wij betalen het bedrag ", ("onmiddellijk", "bold italic"), " terug.")]
    result = compared(package, old, new)
    changes = xpath(result.data, "//w:r/w:rPr/w:rPrChange")
    assert [text(c.getparent().getparent()) for c in changes] == ["onmiddellijk", " terug"]
    made_italic, no_longer_bold = changes
    assert [child.tag for child in made_italic.getparent()] == [w("rStyle"), w("i"), w("rPrChange")]
    assert made_italic.find(f"{w('rPr')}/{w('rStyle')}").get(w("val")) == "Strong"
    assert made_italic.find(f"{w('rPr')}/{w('i')}") is None
    assert no_longer_bold.find(f"{w('rPr')}/{w('rStyle')}").get(w("val")) == "Strong"
    assert [c.tag for c in no_longer_bold.getparent()] == [w("rPrChange")]
    assert result.formatted == 2


def test_marks_and_words_changed_together(package):
    old = [paragraph("Wij begrijpen dat er grote dilemma’s op tafel liggen.")]
    new = [paragraph(("Wij snappen dat", "italic"), " er grote dilemma’s op tafel liggen.")]
    result = compared(package, old, new)
    assert [text(e) for e in xpath(result.data, "//w:del")] == ["begrijpen"]
    [inserted] = xpath(result.data, "//w:ins")
    assert text(inserted) == "snappen"
    assert inserted.find(f"{w('r')}/{w('rPr')}/{w('rStyle')}").get(w("val")) == "Emphasis"
    changed = [text(c.getparent().getparent()) for c in xpath(result.data, "//w:rPrChange")]
    assert changed == ["Wij ", " dat"]


def test_unchanged_marks_make_no_change(package):
    body = [INTRO, paragraph("Wij ", ("luisteren", "underline"), " naar klachten.")]
    result = compared(package, body, body)
    assert not revision_marks(result.data)
    assert (result.insertions, result.deletions, result.formatted) == (0, 0, 0)


# --- lists and headings ---------------------------------------------------------------------------

ITEMS = [
    "Wij nemen de telefoon binnen twee minuten op.",
    "Wij beantwoorden een e-mail binnen drie werkdagen.",
]


def items(*texts: str | tuple, style: str = "ListBullet") -> list[str]:
    return [paragraph(*(t if isinstance(t, tuple) else (t,)), style=style) for t in texts]


def test_an_inserted_list_item_is_an_inserted_paragraph_with_its_numbering(package):
    added = "Wij bellen altijd terug."
    old = [INTRO, *items(*ITEMS), paragraph("Met vriendelijke groet,", style="Slotformule")]
    new = [INTRO, *items(ITEMS[0], added, ITEMS[1]), old[-1]]
    result = compared(package, old, new)
    inserted = xpath(result.data, "//w:p[w:pPr/w:rPr/w:ins]")
    assert [text(p) for p in inserted] == [added]
    ppr = inserted[0].find(w("pPr"))
    assert ppr.find(f"{w('numPr')}/{w('numId')}").get(w("val")) == "1"
    assert ppr.find(w("pStyle")).get(w("val")) == "ListBullet"
    assert [text(e) for e in inserted[0].findall(w("ins"))] == [added]
    assert (result.insertions, result.deletions) == (1, 0)


def test_a_deleted_list_item_is_a_deleted_paragraph_with_its_numbering(package):
    old = [INTRO, *items(*ITEMS, style="ListNumber"), paragraph("Tot slot.")]
    new = [INTRO, *items(ITEMS[1], style="ListNumber"), paragraph("Tot slot.")]
    result = compared(package, old, new)
    [deleted] = xpath(result.data, "//w:p[w:pPr/w:rPr/w:del]")
    assert text(deleted) == ITEMS[0]
    assert deleted.xpath("w:del/w:r/w:delText", namespaces=NS)
    assert deleted.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val")) == "2"
    assert (result.insertions, result.deletions) == (0, 1)


def test_a_text_change_inside_a_list_item_is_word_level(package):
    old = [INTRO, *items(*ITEMS)]
    new = [INTRO, *items(ITEMS[0], ITEMS[1].replace("drie", "twee"))]
    result = compared(package, old, new)
    assert [text(e) for e in xpath(result.data, "//w:del")] == ["drie"]
    assert [text(e) for e in xpath(result.data, "//w:ins")] == ["twee"]
    assert not xpath(result.data, "//w:pPr/w:rPr/w:ins | //w:pPr/w:rPr/w:del")
    [item] = xpath(result.data, "//w:p[w:ins]")
    assert item.find(f"{w('pPr')}/{w('numPr')}") is not None


def test_a_word_made_bold_in_a_list_item(package):
    old = [INTRO, *items(*ITEMS)]
    new = [INTRO, *items(ITEMS[0], ("Wij beantwoorden een e-mail binnen ",
                                    ("drie werkdagen", "bold"), "."))]  # fmt: skip
    result = compared(package, old, new)
    [change] = xpath(result.data, "//w:p[w:pPr/w:numPr]/w:r/w:rPr/w:rPrChange")
    assert text(change.getparent().getparent()) == "drie werkdagen"


def test_bullets_made_numbers_and_a_paragraph_made_a_heading_are_formatting_changes(package):
    old = [paragraph("Wat wij vragen"), *items(*ITEMS)]
    new = [paragraph("Wat wij vragen", style="Heading2"), *items(*ITEMS, style="ListNumber")]
    result = compared(package, old, new)
    assert not xpath(result.data, "//w:ins | //w:del")
    before = [
        change.find(f"{w('pPr')}/{w('pStyle')}").get(w("val"))
        for change in xpath(result.data, "//w:pPrChange")
    ]
    assert before == ["Brieftekst", "ListBullet", "ListBullet"]
    [old_numbering] = {
        change.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val"))
        for change in xpath(result.data, "//w:pPrChange[w:pPr/w:numPr]")
    }
    assert old_numbering == "1"


# --- real renders ---------------------------------------------------------------------------------


def test_real_renders_of_marks_a_list_and_a_heading(package):
    """The same checks on two renders of the sample letter by composer.render.docx."""
    letter = load_letter(SAMPLE_LETTER)
    first = letter.body[0].text
    old = copy.deepcopy(letter)
    old.body[1:1] = [Heading("Wat wij vragen"), ListBlock("bullet", [ListItem(t) for t in ITEMS])]
    new = copy.deepcopy(old)
    new.body[0] = rich_text.paragraph(
        [Run("De "), Run("Klantenservice Federatie", bold=True), Run(first[27:])]
    )
    new.body[2] = ListBlock(
        "bullet",
        [ListItem(ITEMS[0]), ListItem("Wij bellen altijd terug."), ListItem(ITEMS[1])],
    )
    renderer = DocxRenderer(Settings())
    old_docx, new_docx = renderer.render(old).data, renderer.render(new).data
    assert b'<w:rStyle w:val="Strong"/>' in parts(new_docx)[DOCUMENT]
    result = compare_docx(old_docx, new_docx, author=AUTHOR, date=WHEN)
    assert_resolves(result.data, old_docx, new_docx)
    changed = [text(c.getparent().getparent()) for c in xpath(result.data, "//w:rPrChange")]
    assert changed == ["Klantenservice Federatie"]
    [inserted] = xpath(result.data, "//w:p[w:pPr/w:rPr/w:ins]")
    assert text(inserted) == "Wij bellen altijd terug."
    assert inserted.find(f"{w('pPr')}/{w('numPr')}") is not None
    assert not xpath(result.data, "//w:del")
    assert (result.insertions, result.deletions, result.formatted) == (1, 0, 1)


def numbered(*texts: str) -> ListBlock:
    return ListBlock("number", [ListItem(t) for t in texts])


STEPS = ("Wij bellen u binnen een week.", "Wij sturen een voorstel.")
CLOSING = ("Wij evalueren na een jaar.", "Wij delen de uitkomsten.")


@pytest.mark.parametrize("change", ["first list removed", "list inserted before"])
def test_numbered_lists_keep_their_numbers_when_a_list_before_them_comes_or_goes(change):
    """Every numbered list has a w:num of its own, numbered in order: the old numbers are
    translated, so an unchanged list is no change and a deleted list numbers from 1 again."""
    letter = load_letter(SAMPLE_LETTER)
    old, new = copy.deepcopy(letter), copy.deepcopy(letter)
    old.body[1:1] = [numbered(*STEPS), Heading("Tot slot"), numbered(*CLOSING)]
    new.body[1:1] = [Heading("Tot slot"), numbered(*CLOSING)]
    if change == "list inserted before":
        old, new = new, old
        new.body[4] = numbered(*CLOSING, "Wij houden u op de hoogte.")
    renderer = DocxRenderer(Settings())
    old_docx, new_docx = renderer.render(old).data, renderer.render(new).data
    assert b'<w:pStyle w:val="ListNumber"/>' in parts(new_docx)[DOCUMENT]
    assert [label for label in list_labels(old_docx) if label][:2] == ["1.", "2."]
    result = compare_docx(old_docx, new_docx, author=AUTHOR, date=WHEN)
    assert_resolves(result.data, old_docx, new_docx)
    assert not xpath(result.data, "//w:pPrChange")  # the lists that stay did not change
    paragraphs = {text(p): p for p in xpath(result.data, "//w:p[w:pPr/w:numPr]")}
    ids = {t: p.find(f"{w('pPr')}/{w('numPr')}/{w('numId')}").get(w("val"))
           for t, p in paragraphs.items()}  # fmt: skip
    assert ids[STEPS[0]] == ids[STEPS[1]] != ids[CLOSING[0]] == ids[CLOSING[1]]
    shown = [label for label in list_labels(reject_all(result.data)) if label]
    assert shown == (["1.", "2.", "1.", "2."] if change == "first list removed" else ["1.", "2."])


# --- LibreOffice ----------------------------------------------------------------------------------

ODF = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}


@pytest.mark.libreoffice
def test_libreoffice_reads_a_word_made_bold_and_a_new_item_as_tracked_changes(
    package, soffice, tmp_path
):
    old = [INTRO, paragraph(SENTENCE), *items(*ITEMS)]
    new = [
        INTRO,
        paragraph("Wij betalen het bedrag ", ("onmiddellijk", "bold"), " terug."),
        *items(ITEMS[0], "Wij bellen altijd terug.", ITEMS[1]),
    ]
    source = tmp_path / "vergelijking.docx"
    source.write_bytes(compared(package, old, new).data)
    run_soffice(
        soffice, tmp_path / "lo", "--convert-to", "odt", "--outdir", str(tmp_path), str(source)
    )
    with zipfile.ZipFile(tmp_path / "vergelijking.odt") as archive:
        content = etree.fromstring(archive.read("content.xml"))
    regions = content.xpath("//text:tracked-changes/text:changed-region", namespaces=ODF)
    kinds = sorted(etree.QName(change).localname for region in regions for change in region)
    assert kinds == ["format-change", "insertion"]
    creators = content.xpath("//text:changed-region//dc:creator/text()", namespaces=ODF)
    assert creators == [AUTHOR, AUTHOR]
