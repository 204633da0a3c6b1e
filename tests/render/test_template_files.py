"""The Word templates: in sync with their build script, and rendering the sample context."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import jinja2
import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from composer.render.context_sample import SAMPLE_CONTEXT as RENDERER_SAMPLE
from composer.render.rich_runs import wordml_runs
from tests.render.page_contract import contract_context

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
NAMES = ("brief", "persbericht")

# The renderer's example context with issue 13's keys, one addressee (no distribution list).
SAMPLE_CONTEXT: dict[str, Any] = contract_context(registration_line="")

QUOTE = "\u201cNog meer tijd nemen is in niemands belang\u201d"
ATTRIBUTION = "\u2013 Roel Masselink, directeur van de KSF"
# Empty paragraphs the letter keeps on purpose: they place the address window and reference line.
SPACER_STYLES = {"Adresvenster-afstand", "Kenmerkregel-afstand", "Kopie-einde"}


def _env() -> SandboxedEnvironment:
    """docxtpl's own rendering, with the one filter the templates use (bold, italic …)."""
    environment = SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    environment.filters["wordml"] = wordml_runs
    return environment


def _manifest(name: str) -> dict[str, Any]:
    return json.loads((TEMPLATES / f"{name}.json").read_text(encoding="utf-8"))


def _twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def _render(name: str, context: dict[str, Any], out_dir: Path) -> DocxDocument:
    template = DocxTemplate(TEMPLATES / f"{name}.docx")
    template.render(context, jinja_env=_env(), autoescape=True)
    path = out_dir / f"{name}-rendered.docx"
    template.save(path)
    return Document(str(path))


def _body_paragraphs(doc: DocxDocument) -> list[Paragraph]:
    """Body paragraphs in reading order, table cells included."""
    paragraphs: list[Paragraph] = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            paragraphs.append(Paragraph(child, doc))
        elif child.tag == qn("w:tbl"):
            for row in Table(child, doc).rows:
                for cell in row.cells:
                    paragraphs.extend(cell.paragraphs)
    return paragraphs


def _body_text(doc: DocxDocument) -> str:
    return "\n".join(p.text for p in _body_paragraphs(doc))


def _header_footer_text(doc: DocxDocument) -> str:
    parts = []
    for section in doc.sections:
        for story in (
            section.first_page_header,
            section.header,
            section.first_page_footer,
            section.footer,
        ):
            if not story.is_linked_to_previous:
                parts.extend(p.text for p in story.paragraphs)
    return "\n".join(parts)


def _assert_in_order(text: str, expected: list[str]) -> None:
    position = 0
    for item in expected:
        found = text.find(item, position)
        assert found >= 0, f"{item!r} missing, or not after what came before it, in:\n{text}"
        position = found + len(item)


def _assert_no_stray_paragraphs(doc: DocxDocument) -> None:
    for paragraph in _body_paragraphs(doc):
        assert "{" not in paragraph.text and "}" not in paragraph.text, paragraph.text
        if not paragraph.text.strip():
            assert paragraph.style.name in SPACER_STYLES, "empty paragraph left by a tag"


# --- the committed files ------------------------------------------------------------------


def test_build_reproduces_committed_templates(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(TEMPLATES / "build_templates.py"), "--out-dir", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    for name in NAMES:
        with (
            zipfile.ZipFile(TEMPLATES / f"{name}.docx") as committed,
            zipfile.ZipFile(tmp_path / f"{name}.docx") as built,
        ):
            assert committed.namelist() == built.namelist()
            stories = [
                member
                for member in committed.namelist()
                if member == "word/document.xml"
                or member.startswith(("word/header", "word/footer"))
            ]
            assert "word/document.xml" in stories and len(stories) >= 2
            for member in committed.namelist():
                assert committed.read(member) == built.read(member), (
                    f"templates/{name}.docx is out of date ({member}); "
                    "run: .venv/bin/python templates/build_templates.py"
                )


def test_build_is_deterministic(tmp_path: Path) -> None:
    for out in ("a", "b"):
        subprocess.run(
            [sys.executable, str(TEMPLATES / "build_templates.py"), "--out-dir", tmp_path / out],
            check=True,
            capture_output=True,
        )
    for name in NAMES:
        assert (tmp_path / "a" / f"{name}.docx").read_bytes() == (
            tmp_path / "b" / f"{name}.docx"
        ).read_bytes()


@pytest.mark.parametrize("name", NAMES)
def test_manifest(name: str) -> None:
    manifest = _manifest(name)
    assert manifest["name"] == name
    assert manifest["kind"] == name
    assert manifest["title"] == name.capitalize()
    assert manifest["description"]
    assert manifest["font"] == "Calibri"  # Word has it; LibreOffice sets it in Carlito
    layout = manifest["layout"]
    assert (layout["page_width_mm"], layout["page_height_mm"]) == (210, 297)
    assert layout["margin_left_mm"] == 25
    for key in ("margin_top_mm", "margin_bottom_mm", "margin_right_mm"):
        assert isinstance(layout[key], int | float)
    if name == "brief":
        assert layout["margin_right_mm"] == 20
        for key in ("address_left_mm", "address_top_mm", "address_width_mm", "address_height_mm"):
            assert isinstance(layout[key], int | float)


@pytest.mark.parametrize("name", NAMES)
def test_page_geometry_follows_manifest(name: str) -> None:
    layout = _manifest(name)["layout"]
    section = Document(str(TEMPLATES / f"{name}.docx")).sections[0]
    assert section.page_width.twips == _twips(210)
    assert section.page_height.twips == _twips(297)
    for attr in ("top", "bottom", "left", "right"):
        margin = getattr(section, f"{attr}_margin").twips
        assert margin == _twips(layout[f"margin_{attr}_mm"]), attr


@pytest.mark.parametrize("name", NAMES)
def test_styles_use_the_manifest_font_and_dutch(name: str) -> None:
    manifest = _manifest(name)
    doc = Document(str(TEMPLATES / f"{name}.docx"))
    normal = doc.styles["Normal"]
    assert normal.font.size.pt in (10.5, 11)
    lang = normal.element.rPr.find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "nl-NL"
    custom = [
        s
        for s in doc.styles.element.findall(qn("w:style"))
        if s.get(qn("w:customStyle")) and s.get(qn("w:type")) == "paragraph"
    ]  # character styles (Onderstreept) take the font of their paragraph
    assert len(custom) >= 5
    for style in [normal.element, *custom]:
        fonts = style.find(qn("w:rPr")).find(qn("w:rFonts"))
        for script in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert fonts.get(qn(f"w:{script}")) == manifest["font"], style.get(qn("w:styleId"))
        assert fonts.get(qn("w:asciiTheme")) is None


def test_address_block_style_is_plain() -> None:
    styles = Document(str(TEMPLATES / "brief.docx")).styles
    style = styles["Adresblok"]
    assert style.font.italic is False
    assert not style.font.underline
    assert 10 <= (style.font.size or styles["Normal"].font.size).pt <= 11


def test_address_window_is_placed_from_manifest() -> None:
    layout = _manifest("brief")["layout"]
    doc = Document(str(TEMPLATES / "brief.docx"))
    paragraphs = [Paragraph(p, doc) for p in doc.element.body.iterchildren(qn("w:p"))]
    assert doc.element.body.find(qn("w:tbl")) is None
    styles = [p.style.name for p in paragraphs]
    spacer = paragraphs[styles.index("Adresvenster-afstand")]
    spacing = spacer.style.element.pPr.find(qn("w:spacing"))
    assert spacing.get(qn("w:lineRule")) == "exact"
    assert int(spacing.get(qn("w:line"))) == _twips(
        layout["address_top_mm"] - layout["margin_top_mm"]
    )
    assert (spacing.get(qn("w:before")), spacing.get(qn("w:after"))) == ("0", "0")

    window = paragraphs[styles.index("Adresvenster-afstand") + 1 :][:2]
    assert [p.style.name for p in window] == ["Retourregel", "Adresblok"]
    assert [p.text for p in window] == ["{{ sender.return_line }}", "{{ recipient.address_block }}"]
    for paragraph in window:
        frame = paragraph._p.pPr.find(qn("w:framePr"))
        assert frame.get(qn("w:hAnchor")) == frame.get(qn("w:vAnchor")) == "page"
        assert frame.get(qn("w:hRule")) == "exact"
        for attr, key in (("x", "left"), ("y", "top"), ("w", "width"), ("h", "height")):
            assert int(frame.get(qn(f"w:{attr}"))) == _twips(layout[f"address_{key}_mm"]), attr


@pytest.mark.parametrize("name", NAMES)
def test_every_template_variable_is_in_the_sample_context(name: str) -> None:
    template = DocxTemplate(TEMPLATES / f"{name}.docx")
    variables = template.get_undeclared_template_variables(jinja_env=_env())
    assert variables, "no variables found: is the template empty?"
    # The renderer's own sample: `templates check` (lint) fills every template with it.
    assert variables <= set(RENDERER_SAMPLE), variables - set(RENDERER_SAMPLE)
    assert variables <= set(SAMPLE_CONTEXT), variables - set(SAMPLE_CONTEXT)


@pytest.mark.parametrize("name", NAMES)
def test_tags_are_never_split_over_runs(name: str) -> None:
    with zipfile.ZipFile(TEMPLATES / f"{name}.docx") as docx:
        for member in docx.namelist():
            if member.startswith("word/") and member.endswith(".xml"):
                for run_text in _run_texts(docx.read(member)):
                    assert run_text.count("{{") == run_text.count("}}"), run_text
                    assert run_text.count("{%") == run_text.count("%}"), run_text


def _run_texts(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    return ["".join(t.text or "" for t in run.iter(qn("w:t"))) for run in root.iter(qn("w:r"))]


# --- rendering ---------------------------------------------------------------------------


def test_brief_renders_sample_in_order(tmp_path: Path) -> None:
    doc = _render("brief", SAMPLE_CONTEXT, tmp_path)
    _assert_in_order(
        _body_text(doc),
        [
            "Klantenservice Federatie, Driebergsestraatweg 27, 3941 ZS  DOORN",
            "Werkgeversvereniging Facilitaire Contactcenters (WFC)\n"
            "T.a.v. de heer N. van Liemt, voorzitter\n"
            "Voorbeeldstraat 12a\n"
            "1234 AB  VOORBEELDSTAD",
            "Ons kenmerk\tUw kenmerk\tDatum",
            "KSF/2022/0147\t\u2013\t17 oktober 2022",
            "Betreft: Handreiking aan de onderhandelaars cao Facilitaire Contactcenters",
            "Geachte heer Van Liemt,",
            "Met deze brief doen wij u een handreiking.",
            "Servicebelofte 4 verplicht tot respectvolle omgang",
            QUOTE,
            ATTRIBUTION,
            "Met vriendelijke groet,",
            "Klantenservice Federatie",
            "Roel Masselink",
            "directeur",
            "Bijlage:",
            "Handreiking KSF",
            "Kopie aan:",
            "Ledenraad KSF",
        ],
    )
    assert "Verzendlijst" not in _body_text(doc)
    _assert_no_stray_paragraphs(doc)

    section = doc.sections[0]
    assert section.different_first_page_header_footer
    letterhead = "\n".join(p.text for p in section.first_page_header.paragraphs)
    _assert_in_order(
        letterhead,
        [
            "Klantenservice Federatie",
            "Driebergsestraatweg 27 \u00b7 3941 ZS Doorn",
            "070-7620764 \u00b7 info@klantenservicefederatie.nl \u00b7 klantenservicefederatie.nl",
        ],
    )
    running = section.header.paragraphs[0]
    assert running.text.startswith(
        "17 oktober 2022 \u00b7 Ons kenmerk KSF/2022/0147 \u00b7 pagina "
    )
    fields = [f.get(qn("w:instr")).strip() for f in running._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]


def test_brief_address_block_keeps_its_line_breaks(tmp_path: Path) -> None:
    doc = _render("brief", SAMPLE_CONTEXT, tmp_path)
    address = next(p for p in _body_paragraphs(doc) if p.style.name == "Adresblok")
    assert address.text == SAMPLE_CONTEXT["address_block"]
    assert len(address._p.findall(f".//{qn('w:br')}")) == 3


def test_brief_optional_parts_leave_no_trace(tmp_path: Path) -> None:
    context = copy.deepcopy(SAMPLE_CONTEXT)
    context["letter"]["our_reference"] = ""
    context["letter"]["signature_organisation"] = ""
    context["attachments"] = []
    context["copies"] = []
    context["signatories"] = [{"name": "Roel Masselink", "role": ""}]
    doc = _render("brief", context, tmp_path)
    text = _body_text(doc)
    for absent in ("Bijlage", "Kopie aan", "Verzendlijst"):
        assert absent not in text
    assert text.rstrip().endswith("Roel Masselink")
    assert "Ons kenmerk\tUw kenmerk\tDatum\n\u2013\t\u2013\t17 oktober 2022" in text
    _assert_no_stray_paragraphs(doc)
    assert doc.sections[0].header.paragraphs[0].text.startswith("17 oktober 2022 \u00b7 pagina ")


def test_brief_distribution_list(tmp_path: Path) -> None:
    context = copy.deepcopy(SAMPLE_CONTEXT)
    context["distribution"] = ["FNV Callcenters", "CNV Vakmensen", "Qlix"]
    context["letter"]["your_reference"] = "WFC/22/031"
    doc = _render("brief", context, tmp_path)
    text = _body_text(doc)
    _assert_in_order(
        text,
        ["WFC/22/031", "Kopie aan:", "Verzendlijst:", "FNV Callcenters", "CNV Vakmensen", "Qlix"],
    )
    _assert_no_stray_paragraphs(doc)


def test_persbericht_renders_sample_in_order(tmp_path: Path) -> None:
    doc = _render("persbericht", SAMPLE_CONTEXT, tmp_path)
    text = _body_text(doc)
    _assert_in_order(
        text,
        [
            "Klantenservice Federatie",
            "PERSBERICHT",
            "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters",
            "Doorn, 17 oktober 2022 \u2013 Met deze brief doen wij u een handreiking.",
            "Servicebelofte 4 verplicht",
            QUOTE,
            ATTRIBUTION,
            "einde persbericht",
            "Noot voor de redactie (niet voor publicatie)",
            "Voor meer informatie: Roel Masselink, directeur, telefoon 070-7620764,"
            " e-mail info@klantenservicefederatie.nl.",
        ],
    )
    assert text.count("Doorn, 17 oktober 2022") == 1
    _assert_no_stray_paragraphs(doc)
    footer = doc.sections[0].footer.paragraphs[0]
    assert footer.text.startswith(
        "Klantenservice Federatie \u00b7 Driebergsestraatweg 27 \u00b7 3941 ZS Doorn"
        " \u00b7 klantenservicefederatie.nl\tpagina "
    )
    fields = [f.get(qn("w:instr")).strip() for f in footer._p.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]


def test_persbericht_dateline_stands_alone_before_a_quote(tmp_path: Path) -> None:
    context = copy.deepcopy(SAMPLE_CONTEXT)
    context["body"] = [SAMPLE_CONTEXT["body"][2], SAMPLE_CONTEXT["body"][0]]
    context["body"][0] = {**context["body"][0], "attribution": ""}
    doc = _render("persbericht", context, tmp_path)
    texts = [p.text for p in _body_paragraphs(doc)]
    dateline = texts.index("Doorn, 17 oktober 2022 \u2013")
    assert texts[dateline + 1] == QUOTE
    assert texts[dateline + 2] == "Met deze brief doen wij u een handreiking."
    assert ATTRIBUTION not in texts
    _assert_no_stray_paragraphs(doc)


@pytest.mark.parametrize("name", NAMES)
def test_user_text_is_escaped_not_interpreted(name: str, tmp_path: Path) -> None:
    context = copy.deepcopy(SAMPLE_CONTEXT)
    context["letter"]["subject"] = "CAO & meer <x> {{ geen tag }}"
    doc = _render(name, context, tmp_path)
    assert "CAO & meer <x> {{ geen tag }}" in _body_text(doc)
    assert _header_footer_text(doc)
