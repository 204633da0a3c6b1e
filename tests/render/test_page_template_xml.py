"""Issue 13 in the DOCX as Word reads it: the window frame, reference line, running header,
copies per addressee, logo, registration footer, promise label, fonts, headings."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from lxml import etree

from composer.render.context_sample import SAMPLE_CONTEXT
from composer.render.layout import apply_layout
from tests.docx_reading import body_paragraphs
from tests.render.page_contract import (
    ABOUT,
    REGISTRATION,
    TEMPLATES,
    contract_context,
    manifest,
    render,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {
    "w": W,
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as docx:
        return etree.fromstring(docx.read(name))


def _styled(root: etree._Element, style: str) -> list[etree._Element]:
    return [
        p
        for p in root.iter(f"{{{W}}}p")
        if p.find("w:pPr/w:pStyle", NS) is not None
        and p.find("w:pPr/w:pStyle", NS).get(f"{{{W}}}val") == style
    ]


def _text(paragraph: etree._Element) -> str:
    return "".join(
        t.text or ("\n" if t.tag == f"{{{W}}}br" else "")
        for t in paragraph.iter(f"{{{W}}}t", f"{{{W}}}br")
    )


def test_address_window_is_a_frame_on_the_page_not_a_table(tmp_path: Path) -> None:
    layout = manifest("brief")["layout"]
    assert (layout["address_left_mm"], layout["address_width_mm"]) == (20, 85)
    docx = render("brief", contract_context(), tmp_path / "brief.docx")
    root = _part(docx, "word/document.xml")
    assert root.find(".//w:tbl", NS) is None, "layout tables come out as data tables in a PDF"
    for style in ("Retourregel", "Adresblok"):
        (paragraph,) = _styled(root, style)
        frame = paragraph.find("w:pPr/w:framePr", NS)
        got = {k.split("}")[1]: v for k, v in frame.attrib.items()}
        assert got == {
            "w": str(_twips(85)),
            "h": str(_twips(40)),
            "hRule": "exact",
            "wrap": "notBeside",
            "vAnchor": "page",
            "hAnchor": "page",
            "x": str(_twips(20)),
            "y": str(_twips(50)),
        }
    (address,) = _styled(root, "Adresblok")
    assert _text(address) == contract_context()["address_block"]


def test_layout_settings_move_the_frame_and_margins_do_not() -> None:
    xml = _part(TEMPLATES / "brief.docx", "word/document.xml")
    source = etree.tostring(xml, encoding="unicode")
    base = {**manifest("brief")["layout"], "address_left_mm": 22, "address_top_mm": 48}
    frames = []
    for top in (24, 40):
        moved = etree.fromstring(apply_layout(source, {**base, "margin_top_mm": top}).encode())
        frame = _styled(moved, "Adresblok")[0].find("w:pPr/w:framePr", NS)
        frames.append((frame.get(f"{{{W}}}x"), frame.get(f"{{{W}}}y")))
        spacer = _styled(moved, "Adresvenster-afstand")[0].find("w:pPr/w:spacing", NS)
        assert int(spacer.get(f"{{{W}}}line")) == max(_twips(48 - top), 20)
    assert frames == [(str(_twips(22)), str(_twips(48)))] * 2


def test_reference_line_uses_tab_stops_and_shows_the_date_without_place(tmp_path: Path) -> None:
    docx = render("brief", contract_context(), tmp_path / "brief.docx")
    paragraphs = body_paragraphs(docx)
    labels = paragraphs.index("Ons kenmerk\tUw kenmerk\tDatum")
    assert paragraphs[labels + 1] == "KSF/2022/0147\t\u2013\t17 oktober 2022"
    assert "Doorn, 17 oktober 2022" not in "\n".join(paragraphs)
    styles = Document(str(docx)).styles
    columns = manifest("brief")["layout"]["reference_columns_mm"]
    for name in ("Kenmerkregel-label", "Kenmerkregel"):
        stops = [stop.position.twips for stop in styles[name].paragraph_format.tab_stops]
        assert stops == [_twips(columns[0]), _twips(columns[0] + columns[1])]


def _running_header(docx: Path) -> etree._Element:
    document = Document(str(docx))
    return document.sections[-1].header._element


def test_running_header_has_date_kenmerk_and_page_of_pages(tmp_path: Path) -> None:
    docx = render("brief", contract_context(), tmp_path / "brief.docx")
    header = _running_header(docx)
    assert _text(header).startswith("17 oktober 2022 · Ons kenmerk KSF/2022/0147 · pagina ")
    fields = [f.get(f"{{{W}}}instr").strip() for f in header.iter(f"{{{W}}}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert _text(header).endswith(" van 1")

    context = contract_context()
    context["letter"]["our_reference"] = ""
    header = _running_header(render("brief", context, tmp_path / "zonder.docx"))
    assert _text(header) == "17 oktober 2022 · pagina 1 van 1"  # field results: Word updates


def test_several_addressees_give_one_copy_each(tmp_path: Path) -> None:
    docx = render("brief", contract_context(3), tmp_path / "brief.docx")
    root = _part(docx, "word/document.xml")
    blocks = [_text(p) for p in _styled(root, "Adresblok")]
    assert [b.splitlines()[1] for b in blocks] == [
        "T.a.v. de heer N. van Liemt, voorzitter",
        "T.a.v. de heer R. Heemskerk, voorzitter",
        "T.a.v. de heer R. Öztürk, voorzitter",
    ]
    assert [_text(p) for p in _styled(root, "Aanhef")] == [
        "Geachte heer Van Liemt,",
        "Geachte heer Heemskerk,",
        "Geachte heer Öztürk,",
    ]
    assert len(_styled(root, "Verzendlijst-kop")) == 3
    assert "Aan de geadresseerden op de verzendlijst" not in etree.tostring(root, encoding=str)
    # Three sections: two breaks between the copies, each restarting at page 1 with the
    # letterhead (titlePg) and the same headers.
    sections = list(root.iter(f"{{{W}}}sectPr"))
    assert len(sections) == 3
    for section in sections:
        assert section.find("w:pgNumType", NS).get(f"{{{W}}}start") == "1"
        assert section.find("w:titlePg", NS) is not None
        assert section.find("w:type", NS).get(f"{{{W}}}val") == "nextPage"
        kinds = {ref.get(f"{{{W}}}type") for ref in section.findall("w:headerReference", NS)}
        assert kinds == {"first", "default"}
    # Several copies: "pagina 2 van 3" with the pages of the copy (SECTIONPAGES, as Word counts;
    # the PDF is made of the copies one by one, see test_page_pdf).
    header = _running_header(docx)
    fields = [f.get(f"{{{W}}}instr").strip() for f in header.iter(f"{{{W}}}fldSimple")]
    assert fields == ["PAGE", "SECTIONPAGES"]


def test_registration_line_in_the_first_page_footer(tmp_path: Path) -> None:
    docx = render("brief", contract_context(), tmp_path / "brief.docx")
    section = Document(str(docx)).sections[0]
    assert [p.text for p in section.first_page_footer.paragraphs] == [REGISTRATION]
    assert all(not p.text for p in section.footer.paragraphs)
    assert section.first_page_footer.paragraphs[0].style.font.size.pt == 8


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_logo_replaces_the_name_when_the_profile_has_one(name: str, tmp_path: Path) -> None:
    with zipfile.ZipFile(TEMPLATES / f"{name}.docx") as template:
        placeholder = template.read("word/media/logo.png")
        assert placeholder.startswith(b"\x89PNG")
        rels = [n for n in template.namelist() if n.endswith(".rels")]
        targets = [
            r
            for n in rels
            for r in etree.fromstring(template.read(n)).iter()
            if r.get("Target") == "media/logo.png"
        ]
        assert len(targets) == 1
        # The template itself holds a plain size (45 × 15 mm), so Word opens it for editing.
        sizes = [
            (extent.get("cx"), extent.get("cy"))
            for part in template.namelist()
            if part.startswith("word/") and part.endswith(".xml")
            for extent in etree.fromstring(template.read(part)).iter(f"{{{NS['wp']}}}extent")
        ]
        assert sizes == [("1620000", "540000")]
    cx, cy = 1714500, 540000
    docx = render(name, contract_context(logo=True, logo_cx=cx, logo_cy=cy), tmp_path / "logo.docx")
    part = "word/header1.xml" if name == "brief" else "word/document.xml"
    root = _part(docx, part)
    (inline,) = root.iter(f"{{{NS['wp']}}}inline")
    extent = inline.find("wp:extent", NS)
    assert (extent.get("cx"), extent.get("cy")) == (str(cx), str(cy))
    assert inline.find("wp:docPr", NS).get("descr") == "Klantenservice Federatie"
    first = next(root.iter(f"{{{W}}}p"))
    assert first.find(".//wp:inline", NS) is not None and _text(first) == ""

    docx = render(name, contract_context(), tmp_path / "naam.docx")
    root = _part(docx, part)
    assert not list(root.iter(f"{{{NS['wp']}}}inline"))
    assert _text(next(root.iter(f"{{{W}}}p"))) == "Klantenservice Federatie"


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_promise_label_is_printed_once(name: str, tmp_path: Path) -> None:
    context = contract_context()
    context["body"][1]["label"] = ""
    paragraphs = body_paragraphs(render(name, context, tmp_path / "a.docx"))
    promise = next(p for p in paragraphs if "verplicht tot" in p)
    assert promise == (
        "Servicebelofte 4 verplicht tot respectvolle omgang met medewerkers en goed werkgeverschap."
    )
    context["body"][1]["label"] = "Servicebelofte 4"
    context["body"][1]["text"] = "Respectvolle omgang met medewerkers."
    paragraphs = body_paragraphs(render(name, context, tmp_path / "b.docx"))
    assert "Servicebelofte 4\nRespectvolle omgang met medewerkers." in paragraphs


def test_last_body_block_is_kept_with_the_closing(tmp_path: Path) -> None:
    docx = render("brief", contract_context(), tmp_path / "brief.docx")
    document = Document(str(docx))
    paragraphs = [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]
    closing = next(i for i, p in enumerate(paragraphs) if p.text == "Met vriendelijke groet,")
    last = paragraphs[closing - 1]
    assert last.text == "\u2013 Roel Masselink, directeur van de KSF"
    assert last.style.name.endswith("-slot")
    assert last.style.paragraph_format.keep_with_next
    earlier = [p for p in paragraphs[: closing - 1] if p.style.name.startswith("Brieftekst")]
    assert earlier and all(not p.style.paragraph_format.keep_with_next for p in earlier)
    for name in ("Slotformule", "Ondertekening-organisatie", "Ondertekening"):
        assert document.styles[name].paragraph_format.keep_with_next, name


@pytest.mark.parametrize("style", ["bullet", "number"])
def test_a_list_as_last_block_keeps_its_last_item_with_the_closing(style, tmp_path) -> None:
    context = contract_context()
    lists = [block for block in SAMPLE_CONTEXT["body"] if block["type"] == "list"]
    context["body"] = [context["body"][0], next(b for b in lists if b["style"] == style)]
    document = Document(str(render("brief", context, tmp_path / "brief.docx")))
    paragraphs = [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]
    closing = next(i for i, p in enumerate(paragraphs) if p.text == "Met vriendelijke groet,")
    items = paragraphs[closing - 2 : closing]
    assert [p.style.name for p in items] == [f"List {style.capitalize()}"] * 2
    assert [p.paragraph_format.keep_with_next for p in items] == [None, True]
    # In the middle of the letter no item keeps with the next block.
    context["body"].append({"type": "paragraph", "text": "Slot.", "runs": []})
    document = Document(str(render("brief", context, tmp_path / "midden.docx")))
    kept = [
        p
        for p in document.paragraphs
        if p.style.name.startswith("List") and p.paragraph_format.keep_with_next
    ]
    assert kept == []


def test_closing_is_printed_as_the_context_gives_it(tmp_path: Path) -> None:
    context = contract_context()
    context["letter"]["closing"] = "Hoogachtend,"
    assert "Hoogachtend," in body_paragraphs(render("brief", context, tmp_path / "b.docx"))


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_fonts_are_named_calibri_for_word(name: str) -> None:
    assert manifest(name)["font"] == "Calibri"
    with zipfile.ZipFile(TEMPLATES / f"{name}.docx") as docx:
        styles = docx.read("word/styles.xml").decode()
    assert "Carlito" not in styles
    assert 'w:ascii="Calibri"' in styles


def test_press_release_headings_boilerplate_and_footer(tmp_path: Path) -> None:
    docx = render("persbericht", contract_context(), tmp_path / "p.docx")
    document = Document(str(docx))
    styles = document.styles
    level = {
        name: styles[name].element.pPr.find(qn("w:outlineLvl"))
        for name in ("Persbericht-titel", "Noot-kop", "Over-kop", "Persbericht-kop")
    }
    assert level["Persbericht-titel"].get(qn("w:val")) == "0"
    assert level["Noot-kop"].get(qn("w:val")) == "1"
    assert level["Over-kop"].get(qn("w:val")) == "1"
    assert level["Persbericht-kop"] is None
    paragraphs = body_paragraphs(docx)
    tail = paragraphs[paragraphs.index("einde persbericht") :]
    assert tail[1] == "Noot voor de redactie (niet voor publicatie)"
    assert tail[-2:] == ["Over Klantenservice Federatie", ABOUT]

    section = document.sections[0]
    assert section.different_first_page_header_footer
    first = section.first_page_footer._element
    assert "pagina" not in _text(first) and not list(first.iter(qn("w:fldSimple")))
    assert _text(first).startswith("Klantenservice Federatie · Driebergsestraatweg 27")
    later = section.footer._element
    assert [f.get(qn("w:instr")).strip() for f in later.iter(qn("w:fldSimple"))] == [
        "PAGE",
        "NUMPAGES",
    ]

    context = contract_context(about="")
    paragraphs = body_paragraphs(render("persbericht", context, tmp_path / "zonder.docx"))
    assert "Over Klantenservice Federatie" not in paragraphs
    assert paragraphs[-1].startswith("Voor meer informatie:")
