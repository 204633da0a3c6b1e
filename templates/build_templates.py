"""Build templates/brief.docx and templates/persbericht.docx from their JSON manifests."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

TEMPLATES_DIR = Path(__file__).resolve().parent
TEMPLATE_NAMES = ("brief", "persbericht")

# Fixed metadata and zip dates, so that the same manifest always gives the same file.
FIXED_TIMESTAMP = dt.datetime(2022, 10, 17, 12, 0, tzinfo=dt.UTC)
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)

EN_DASH = "\u2013"  # spelled out: ruff flags a literal en dash as ambiguous
GREY = RGBColor(0x59, 0x59, 0x59)
DARK_GREY = RGBColor(0x40, 0x40, 0x40)
LINE_MULTIPLE = 1.15
# Carlito's line height is about 1.22 em; a blank line of body text is that times LINE_MULTIPLE.
CARLITO_LINE_EM = 1.22
SIGNATURE_SPACE_PT = 42
INDENT_MM = 10

# Letterhead in the first-page header: (font size, exact line height) in points.
LETTERHEAD_NAME_PT = (14, 17)
LETTERHEAD_DETAILS_PT = (8, 10.5)

# Built-in styles of python-docx's default template that the templates keep; the rest
# (headings in Cambria, dozens of table styles) is dropped so the style list stays ours.
KEPT_BUILTIN_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "NoList"}
STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def twips(mm: float) -> int:
    """Millimetres to twips (1 mm = 56.6929 twips), rounded."""
    return round(mm * 1440 / 25.4)


@dataclass(frozen=True)
class StyleSpec:
    """One custom paragraph style; sizes in points, None means inherit from Normal."""

    name: str
    size_pt: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    color: RGBColor | None = None
    before_pt: float = 0
    after_pt: float = 0
    line_multiple: float | None = None
    exact_line_twips: int | None = None
    indent_mm: float = 0
    keep_with_next: bool = False
    next_style: str | None = None
    letter_spacing_pt: float | None = None
    border: str | None = None  # "top" or "bottom": a thin rule above or below the paragraph
    right_tab_twips: int | None = None


def load_manifest(name: str, manifest_dir: Path = TEMPLATES_DIR) -> dict[str, Any]:
    return json.loads((manifest_dir / f"{name}.json").read_text(encoding="utf-8"))


# --- document and styles ---------------------------------------------------------------


def _set_fonts(rpr: Any, font: str) -> None:
    """Name the font for every script explicitly, without theme fonts that would win."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in list(rfonts.attrib):
        del rfonts.attrib[attr]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{script}"), font)


def _set_lang(rpr: Any, lang: str) -> None:
    element = rpr.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        rpr.insert_element_before(element, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    element.set(qn("w:val"), lang)
    element.set(qn("w:eastAsia"), lang)


def _new_document(manifest: dict[str, Any]) -> DocxDocument:
    """A blank document with our page geometry, Normal style and metadata."""
    doc = Document()
    _drop_unused_parts(doc)
    font, size = manifest["font"], manifest["font_size_pt"]

    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in KEPT_BUILTIN_STYLES:
            styles.remove(style)
    defaults = styles.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(default_rpr, font)
    _set_lang(default_rpr, "nl-NL")
    for tag in ("w:sz", "w:szCs"):
        default_rpr.find(qn(tag)).set(qn("w:val"), str(round(size * 2)))
    default_spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    default_spacing.set(qn("w:after"), "0")
    default_spacing.set(qn("w:line"), "240")

    normal = doc.styles["Normal"]
    normal.font.size = Pt(size)
    _set_fonts(normal.element.get_or_add_rPr(), font)
    _set_lang(normal.element.get_or_add_rPr(), "nl-NL")
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = LINE_MULTIPLE
    normal.paragraph_format.widow_control = True

    settings = doc.settings.element
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "nl-NL")
    # Word 2013+ layout rules instead of the default template's Word 2010 compatibility mode.
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")

    layout = manifest["layout"]
    section = doc.sections[0]
    section.page_width = Twips(twips(layout["page_width_mm"]))
    section.page_height = Twips(twips(layout["page_height_mm"]))
    section.top_margin = Twips(twips(layout["margin_top_mm"]))
    section.bottom_margin = Twips(twips(layout["margin_bottom_mm"]))
    section.left_margin = Twips(twips(layout["margin_left_mm"]))
    section.right_margin = Twips(twips(layout["margin_right_mm"]))
    section.header_distance = Twips(twips(layout["header_distance_mm"]))
    section.footer_distance = Twips(twips(layout["footer_distance_mm"]))
    section.gutter = Twips(0)

    props = doc.core_properties
    props.title = manifest["title"]
    props.subject = ""
    props.author = "Composer"
    props.last_modified_by = "Composer"
    props.comments = "Gemaakt door templates/build_templates.py uit templates/*.json."
    props.keywords = manifest["kind"]
    props.category = "Composer-sjabloon"
    props.language = "nl-NL"
    props.revision = 1
    props.created = FIXED_TIMESTAMP
    props.modified = FIXED_TIMESTAMP
    return doc


def _drop_unused_parts(doc: DocxDocument) -> None:
    """Drop the default template's thumbnail, custom XML and Word 2010 style copy."""
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype in (RT.CUSTOM_XML, STYLES_WITH_EFFECTS):
            doc.part.drop_rel(rid)


def _add_styles(doc: DocxDocument, font: str, specs: Sequence[StyleSpec]) -> None:
    normal = doc.styles["Normal"]
    for spec in specs:
        style = doc.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        # Elements python-docx has no API for are appended first, while rPr/pPr hold nothing
        # that must follow them; python-docx's own setters then insert in schema order.
        rpr = style.element.get_or_add_rPr()
        _set_fonts(rpr, font)
        if spec.letter_spacing_pt is not None:
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(round(spec.letter_spacing_pt * 20)))
            rpr.append(spacing)
        if spec.border is not None:
            style.element.get_or_add_pPr().append(
                parse_xml(
                    f'<w:pBdr {nsdecls("w")}><w:{spec.border} w:val="single" w:sz="6"'
                    f' w:space="4" w:color="808080"/></w:pBdr>'
                )
            )
        if spec.size_pt is not None:
            style.font.size = Pt(spec.size_pt)
        if spec.bold is not None:
            style.font.bold = spec.bold
        if spec.italic is not None:
            style.font.italic = spec.italic
        if spec.underline is not None:
            style.font.underline = spec.underline
        if spec.color is not None:
            style.font.color.rgb = spec.color

        fmt = style.paragraph_format
        fmt.space_before = Pt(spec.before_pt)
        fmt.space_after = Pt(spec.after_pt)
        if spec.exact_line_twips is not None:
            fmt.line_spacing = Twips(spec.exact_line_twips)
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        elif spec.line_multiple is not None:
            fmt.line_spacing = spec.line_multiple
        if spec.indent_mm:
            fmt.left_indent = Twips(twips(spec.indent_mm))
        if spec.keep_with_next:
            fmt.keep_with_next = True
        if spec.right_tab_twips is not None:
            fmt.tab_stops.add_tab_stop(Twips(spec.right_tab_twips), WD_TAB_ALIGNMENT.RIGHT)
    for spec in specs:
        if spec.next_style is not None:
            doc.styles[spec.name].next_paragraph_style = doc.styles[spec.next_style]


def _common_specs(size: float, text_width: int) -> list[StyleSpec]:
    blank = _blank_line_pt(size)
    return [
        StyleSpec("Brieftekst", after_pt=blank, next_style="Brieftekst"),
        StyleSpec("Servicebelofte", after_pt=blank, indent_mm=INDENT_MM, next_style="Brieftekst"),
        StyleSpec("Citaat", italic=True, after_pt=blank, indent_mm=INDENT_MM),
        StyleSpec("Citaatbron", italic=False, after_pt=blank, indent_mm=INDENT_MM),
        StyleSpec(
            "Voettekst", size_pt=8, color=GREY, line_multiple=1.0, right_tab_twips=text_width
        ),
    ]


def _blank_line_pt(size: float) -> float:
    """Height of one blank line of body text, rounded to half a point."""
    return round(size * CARLITO_LINE_EM * LINE_MULTIPLE * 2) / 2


def _text_width(layout: dict[str, Any]) -> int:
    return twips(layout["page_width_mm"] - layout["margin_left_mm"] - layout["margin_right_mm"])


# --- building blocks ---------------------------------------------------------------------


def _control(doc: DocxDocument, tag: str) -> None:
    """A paragraph holding only a docxtpl `{%p … %}` tag; docxtpl removes the paragraph."""
    doc.add_paragraph(tag)


def _field(instruction: str) -> Any:
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
        "<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
    )


def _add_page_of_pages(paragraph: Paragraph, before: str) -> None:
    """`before` + "PAGE van NUMPAGES" as simple fields."""
    paragraph.add_run(before)
    paragraph._p.append(_field("PAGE"))
    paragraph.add_run(" van ")
    paragraph._p.append(_field("NUMPAGES"))


def _add_table(
    doc: DocxDocument,
    widths: Sequence[int],
    rows: int,
    *,
    indent: int = 0,
    margins: tuple[int, int, int, int] = (0, 0, 0, 0),
    exact_row_height: int | None = None,
    caption: str | None = None,
) -> Table:
    """A borderless, fixed-layout table; widths, indent and margins (t, l, b, r) in twips."""
    top, left, bottom, right = margins
    borders = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    caption_xml = f'<w:tblCaption w:val="{caption}"/>' if caption else ""
    height = (
        f'<w:trHeight w:val="{exact_row_height}" w:hRule="exact"/>'
        if exact_row_height is not None
        else ""
    )
    cells = "".join(
        f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p/></w:tc>' for w in widths
    )
    row_xml = f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>{cells}</w:tr>"
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    tbl = parse_xml(
        f"<w:tbl {nsdecls('w')}><w:tblPr>"
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        f'<w:tblInd w:w="{indent}" w:type="dxa"/>'
        f"<w:tblBorders>{borders}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="{left}" w:type="dxa"/>'
        f'<w:bottom w:w="{bottom}" w:type="dxa"/><w:right w:w="{right}" w:type="dxa"/>'
        "</w:tblCellMar>"
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0"'
        ' w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"{caption_xml}</w:tblPr>"
        f"<w:tblGrid>{grid}</w:tblGrid>"
        f"{row_xml * rows}</w:tbl>"
    )
    doc.element.body.get_or_add_sectPr().addprevious(tbl)
    return Table(tbl, doc)


def _fill_cell(table: Table, row: int, col: int, style: str, text: str) -> None:
    paragraph = table.cell(row, col).paragraphs[0]
    paragraph.style = style
    paragraph.add_run(text)


def _add_body_loop(doc: DocxDocument, *, dateline_first: bool) -> None:
    """The `body` blocks: promise, quote, and paragraph (any other type) in their own styles."""
    _control(doc, "{%p for block in body %}")
    _control(doc, '{%p if block.type == "promise" %}')
    promise = doc.add_paragraph(style="Servicebelofte")
    promise.add_run("{{ block.label }}").bold = True
    promise.add_run().add_break()
    promise.add_run("{{ block.text }}")
    _control(doc, '{%p elif block.type == "quote" %}')
    _control(doc, "{%p if block.attribution %}")
    quote = doc.add_paragraph("“{{ block.text }}”", style="Citaat")
    # The attribution carries the blank line after the quote; keep the two together.
    quote.paragraph_format.space_after = Pt(0)
    quote.paragraph_format.keep_with_next = True
    doc.add_paragraph(EN_DASH + " {{ block.attribution }}", style="Citaatbron")
    _control(doc, "{%p else %}")
    doc.add_paragraph("“{{ block.text }}”", style="Citaat")
    _control(doc, "{%p endif %}")
    _control(doc, "{%p else %}")
    if dateline_first:
        text = "{% if loop.first %}{{ letter.dateline }} {% endif %}{{ block.text }}"
    else:
        text = "{{ block.text }}"
    doc.add_paragraph(text, style="Brieftekst")
    _control(doc, "{%p endif %}")
    _control(doc, "{%p endfor %}")


def _add_listing(doc: DocxDocument, variable: str, heading: str, style: str) -> None:
    """Heading plus one paragraph per item, all left out when the list is empty."""
    _control(doc, f"{{%p if {variable} %}}")
    doc.add_paragraph(heading, style=f"{style}-kop")
    _control(doc, f"{{%p for item in {variable} %}}")
    doc.add_paragraph("{{ item }}", style=style)
    _control(doc, "{%p endfor %}")
    _control(doc, "{%p endif %}")


# --- the letter ----------------------------------------------------------------------------


def _check_brief_layout(layout: dict[str, Any]) -> None:
    text_right = layout["page_width_mm"] - layout["margin_right_mm"]
    letterhead_pt = LETTERHEAD_NAME_PT[1] + 2 * LETTERHEAD_DETAILS_PT[1]
    problems = []
    if layout["header_distance_mm"] + letterhead_pt * 25.4 / 72 > layout["margin_top_mm"]:
        problems.append("the letterhead does not fit between header_distance_mm and margin_top_mm")
    if layout["address_top_mm"] <= layout["margin_top_mm"]:
        problems.append("address_top_mm must lie below margin_top_mm")
    if layout["address_left_mm"] < layout["margin_left_mm"]:
        problems.append("address_left_mm must not lie left of margin_left_mm")
    if layout["address_left_mm"] + layout["address_width_mm"] > text_right:
        problems.append("the address window runs past the right margin")
    if sum(layout["reference_columns_mm"]) > text_right - layout["margin_left_mm"] + 0.01:
        problems.append("reference_columns_mm are wider than the text")
    if problems:
        raise ValueError("brief.json layout: " + "; ".join(problems))


def build_brief(manifest: dict[str, Any]) -> DocxDocument:
    layout = manifest["layout"]
    _check_brief_layout(layout)
    size = manifest["font_size_pt"]
    blank = _blank_line_pt(size)
    doc = _new_document(manifest)
    name_pt, details_pt = LETTERHEAD_NAME_PT, LETTERHEAD_DETAILS_PT
    _add_styles(
        doc,
        manifest["font"],
        [
            *_common_specs(size, _text_width(layout)),
            StyleSpec(
                "Briefhoofd", size_pt=name_pt[0], bold=True, exact_line_twips=round(name_pt[1] * 20)
            ),
            StyleSpec(
                "Briefhoofd-gegevens",
                size_pt=details_pt[0],
                color=GREY,
                exact_line_twips=round(details_pt[1] * 20),
            ),
            StyleSpec("Vervolgkop", size_pt=8, color=GREY, line_multiple=1.0),
            StyleSpec(
                "Adresvenster-afstand",
                size_pt=2,
                exact_line_twips=twips(layout["address_top_mm"] - layout["margin_top_mm"]),
            ),
            StyleSpec("Retourregel", size_pt=7, color=DARK_GREY, after_pt=4, line_multiple=1.0),
            StyleSpec("Adresblok", italic=False, underline=False, line_multiple=1.0),
            StyleSpec(
                "Kenmerkregel-afstand",
                size_pt=2,
                exact_line_twips=twips(layout["reference_gap_mm"]),
            ),
            StyleSpec("Kenmerkregel-label", size_pt=8, color=GREY, after_pt=1, line_multiple=1.0),
            StyleSpec("Kenmerkregel", line_multiple=1.0),
            StyleSpec("Betreft", before_pt=blank, after_pt=2 * blank, keep_with_next=True),
            StyleSpec("Aanhef", after_pt=blank, next_style="Brieftekst"),
            StyleSpec("Slotformule", keep_with_next=True),
            StyleSpec("Ondertekening-organisatie", keep_with_next=True),
            StyleSpec("Ondertekening", before_pt=SIGNATURE_SPACE_PT, keep_with_next=True),
            StyleSpec("Ondertekening-functie"),
            StyleSpec("Bijlagen-kop", before_pt=2 * blank, keep_with_next=True),
            StyleSpec("Bijlagen"),
            StyleSpec("Kopie-kop", before_pt=blank, keep_with_next=True),
            StyleSpec("Kopie"),
            StyleSpec("Verzendlijst-kop", before_pt=blank, keep_with_next=True),
            StyleSpec("Verzendlijst"),
        ],
    )

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    letterhead = section.first_page_header
    letterhead.is_linked_to_previous = False
    first = letterhead.paragraphs[0]
    first.style = "Briefhoofd"
    first.add_run("{{ sender.name }}")
    letterhead.add_paragraph(
        "{{ sender.street_line }} · {{ sender.postcode_city }}", style="Briefhoofd-gegevens"
    )
    letterhead.add_paragraph(
        "{{ sender.phone }} · {{ sender.email }} · {{ sender.website }}",
        style="Briefhoofd-gegevens",
    )
    follow = section.header
    follow.is_linked_to_previous = False
    running = follow.paragraphs[0]
    running.style = "Vervolgkop"
    _add_page_of_pages(
        running,
        "{% if letter.our_reference %}Ons kenmerk {{ letter.our_reference }} · {% endif %}pagina ",
    )

    # The address window: an exact-height spacer from the top margin down to address_top_mm,
    # then a one-cell table of exactly the window's size. Both Word and LibreOffice honour
    # exact line heights and exact row heights, unlike frames or anchored text boxes.
    doc.add_paragraph(style="Adresvenster-afstand")
    window = _add_table(
        doc,
        [twips(layout["address_width_mm"])],
        1,
        indent=twips(layout["address_left_mm"] - layout["margin_left_mm"]),
        exact_row_height=twips(layout["address_height_mm"]),
        caption="Adresvenster",
    )
    _fill_cell(window, 0, 0, "Retourregel", "{{ sender.return_line }}")
    window.cell(0, 0).add_paragraph("{{ address_block }}", style="Adresblok")

    doc.add_paragraph(style="Kenmerkregel-afstand")
    columns = [twips(w) for w in layout["reference_columns_mm"]]
    reference = _add_table(doc, columns, 2, margins=(0, 0, 0, twips(2)))
    labels = ("Ons kenmerk", "Uw kenmerk", "Datum")
    values = (
        '{{ letter.our_reference or "' + EN_DASH + '" }}',
        '{{ letter.your_reference or "' + EN_DASH + '" }}',
        "{{ letter.place_date }}",
    )
    for col, (label, value) in enumerate(zip(labels, values, strict=True)):
        _fill_cell(reference, 0, col, "Kenmerkregel-label", label)
        _fill_cell(reference, 1, col, "Kenmerkregel", value)

    subject = doc.add_paragraph(style="Betreft")
    subject.add_run("Betreft: ").bold = True
    subject.add_run("{{ letter.subject }}")
    doc.add_paragraph("{{ letter.salutation }}", style="Aanhef")
    _add_body_loop(doc, dateline_first=False)

    doc.add_paragraph("{{ letter.closing }}", style="Slotformule")
    _control(doc, "{%p if letter.signature_organisation %}")
    doc.add_paragraph("{{ letter.signature_organisation }}", style="Ondertekening-organisatie")
    _control(doc, "{%p endif %}")
    _control(doc, "{%p for signatory in signatories %}")
    doc.add_paragraph("{{ signatory.name }}", style="Ondertekening")
    _control(doc, "{%p if signatory.role %}")
    doc.add_paragraph("{{ signatory.role }}", style="Ondertekening-functie")
    _control(doc, "{%p endif %}")
    _control(doc, "{%p endfor %}")

    _add_listing(doc, "attachments", "{{ attachments_label }}:", "Bijlagen")
    _add_listing(doc, "copies", "{{ copies_label }}:", "Kopie")
    _add_listing(doc, "distribution", "Verzendlijst:", "Verzendlijst")
    return doc


# --- the press release ---------------------------------------------------------------------


def build_persbericht(manifest: dict[str, Any]) -> DocxDocument:
    layout = manifest["layout"]
    size = manifest["font_size_pt"]
    blank = _blank_line_pt(size)
    doc = _new_document(manifest)
    _add_styles(
        doc,
        manifest["font"],
        [
            *_common_specs(size, _text_width(layout)),
            StyleSpec(
                "Persbericht-kop",
                size_pt=20,
                bold=True,
                letter_spacing_pt=2,
                after_pt=6,
                line_multiple=1.0,
                border="bottom",
                keep_with_next=True,
            ),
            StyleSpec(
                "Persbericht-titel",
                size_pt=16,
                bold=True,
                before_pt=12,
                after_pt=12,
                line_multiple=1.0,
                keep_with_next=True,
                next_style="Brieftekst",
            ),
            StyleSpec("Einde-persbericht", after_pt=2 * blank),
            StyleSpec("Noot-kop", bold=True, after_pt=2, border="top", keep_with_next=True),
            StyleSpec("Noot"),
        ],
    )

    footer = doc.sections[0].footer
    footer.is_linked_to_previous = False
    line = footer.paragraphs[0]
    line.style = "Voettekst"
    line.add_run(
        "{{ sender.name }} · {{ sender.street_line }} · {{ sender.postcode_city }}"
        " · {{ sender.website }}"
    )
    _add_page_of_pages(line, "\tpagina ")

    doc.add_paragraph("PERSBERICHT", style="Persbericht-kop")
    doc.add_paragraph("{{ letter.subject }}", style="Persbericht-titel")
    # The dateline opens the first paragraph; it stands alone when the body opens otherwise.
    _control(doc, '{%p if not body or body[0].type in ("promise", "quote") %}')
    doc.add_paragraph("{{ letter.dateline }}", style="Brieftekst")
    _control(doc, "{%p endif %}")
    _add_body_loop(doc, dateline_first=True)
    doc.add_paragraph("einde persbericht", style="Einde-persbericht")
    doc.add_paragraph("Noot voor de redactie (niet voor publicatie)", style="Noot-kop")
    doc.add_paragraph(
        "Voor meer informatie: {{ contact.name }}"
        "{% if contact.role %}, {{ contact.role }}{% endif %}"
        "{% if contact.phone %}, telefoon {{ contact.phone }}{% endif %}"
        "{% if contact.email %}, e-mail {{ contact.email }}{% endif %}.",
        style="Noot",
    )
    return doc


BUILDERS = {"brief": build_brief, "persbericht": build_persbericht}


# --- writing ---------------------------------------------------------------------------------


def write_docx(doc: DocxDocument, path: Path) -> None:
    """Save with fixed zip dates and attributes, atomically (temp file, then replace)."""
    buffer = io.BytesIO()
    doc.save(buffer)
    tmp = path.with_name(path.name + ".tmp")
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(tmp, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0
            dst.writestr(fixed, src.read(info.filename))
    os.replace(tmp, path)


def build_all(out_dir: Path, manifest_dir: Path = TEMPLATES_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TEMPLATE_NAMES:
        manifest = load_manifest(name, manifest_dir)
        path = out_dir / f"{name}.docx"
        write_docx(BUILDERS[manifest["kind"]](manifest), path)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=TEMPLATES_DIR,
        help="where to write the .docx files (default: next to this script)",
    )
    args = parser.parse_args(argv)
    for path in build_all(args.out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
