"""Shared parts of the template builders: document, styles, fields, tags, logo, writing."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.image import ImagePart
from docx.shared import Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph
from rich_parts import (
    BUILTIN_STYLES,
    BULLET_NUM,
    BULLET_STYLE,
    NUMBER_STYLE,
    add_character_styles,
    link_list_styles,
    list_item,
    set_numbering,
)

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
    left_tabs_twips: tuple[int, ...] = ()
    outline_level: int | None = None  # 0 = heading level 1 (tagged PDF /H1), 1 = /H2
    keep_together: bool = False
    widow_control: bool | None = None


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


def new_document(manifest: dict[str, Any]) -> DocxDocument:
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


def add_styles(doc: DocxDocument, font: str, specs: Sequence[StyleSpec]) -> None:
    normal = doc.styles["Normal"]
    for spec in specs:
        style = doc.styles.add_style(
            spec.name, WD_STYLE_TYPE.PARAGRAPH, builtin=spec.name in BUILTIN_STYLES
        )
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
        if spec.keep_together:
            fmt.keep_together = True
        if spec.widow_control is not None:
            fmt.widow_control = spec.widow_control
        if spec.right_tab_twips is not None:
            fmt.tab_stops.add_tab_stop(Twips(spec.right_tab_twips), WD_TAB_ALIGNMENT.RIGHT)
        for position in spec.left_tabs_twips:
            fmt.tab_stops.add_tab_stop(Twips(position), WD_TAB_ALIGNMENT.LEFT)
        if spec.outline_level is not None:
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(spec.outline_level))
            style.element.get_or_add_pPr().insert_element_before(
                outline, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange"
            )
    for spec in specs:
        if spec.next_style is not None:
            doc.styles[spec.name].next_paragraph_style = doc.styles[spec.next_style]


def add_rich_text(doc: DocxDocument) -> None:
    """Character styles for bold, italic and underline; list numbering (rich_parts.py).

    Call after add_styles with common_specs (the list styles must exist)."""
    add_character_styles(doc)
    set_numbering(doc, twips(INDENT_MM))
    link_list_styles(doc)


def common_specs(size: float, text_width: int) -> list[StyleSpec]:
    blank = blank_line_pt(size)
    return [
        StyleSpec("Brieftekst", after_pt=blank, next_style="Brieftekst"),
        StyleSpec("Servicebelofte", after_pt=blank, indent_mm=INDENT_MM, next_style="Brieftekst"),
        StyleSpec("Citaat", italic=True, after_pt=blank, indent_mm=INDENT_MM),
        StyleSpec("Citaatbron", italic=False, after_pt=blank, indent_mm=INDENT_MM),
        # A heading in the body: bold body text kept with what follows (/H2 in the tagged PDF,
        # like the press release's section titles); tied to its text by a small gap.
        StyleSpec(
            "Heading 2",
            bold=True,
            after_pt=2,
            keep_with_next=True,
            outline_level=1,
            next_style="Brieftekst",
        ),
        # List items: no space between the items of a list, a blank line after it.
        StyleSpec(BULLET_STYLE, after_pt=blank, next_style=BULLET_STYLE),
        StyleSpec(NUMBER_STYLE, after_pt=blank, next_style=NUMBER_STYLE),
        StyleSpec(
            "Voettekst", size_pt=8, color=GREY, line_multiple=1.0, right_tab_twips=text_width
        ),
    ]


def blank_line_pt(size: float) -> float:
    """Height of one blank line of body text, rounded to half a point."""
    return round(size * CARLITO_LINE_EM * LINE_MULTIPLE * 2) / 2


def text_width_twips(layout: dict[str, Any]) -> int:
    return twips(layout["page_width_mm"] - layout["margin_left_mm"] - layout["margin_right_mm"])


# --- building blocks ---------------------------------------------------------------------


def control(doc: DocxDocument, tag: str) -> None:
    """A paragraph holding only a docxtpl `{%p … %}` tag; docxtpl removes the paragraph."""
    doc.add_paragraph(tag)


def field(instruction: str) -> Any:
    return parse_xml(
        f'<w:fldSimple {nsdecls("w")} w:instr=" {instruction} ">'
        "<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
    )


def add_page_number(paragraph: Paragraph, before: str, total: str | None = "NUMPAGES") -> None:
    """`before` + "PAGE van <total>" as simple fields; `total` None: the page number alone."""
    paragraph.add_run(before)
    paragraph._p.append(field("PAGE"))
    if total is not None:
        paragraph.add_run(" van ")
        paragraph._p.append(field(total))


def add_listing(doc: DocxDocument, variable: str, heading: str, style: str) -> None:
    """Heading plus one paragraph per item, all left out when the list is empty."""
    control(doc, f"{{%p if {variable} %}}")
    doc.add_paragraph(heading, style=f"{style}-kop")
    control(doc, f"{{%p for item in {variable} %}}")
    doc.add_paragraph("{{ item }}", style=style)
    control(doc, "{%p endfor %}")
    control(doc, "{%p endif %}")


# --- the logo ------------------------------------------------------------------------------

LOGO_PART = "/word/media/logo.png"
# A 1x1 transparent PNG: the placeholder the renderer replaces with the profile's logo.
LOGO_PLACEHOLDER = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00"
    b"\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc````\x00\x00\x00\x05\x00\x01\xa5\xf6"
    b"E@\x00\x00\x00\x00IEND\xaeB`\x82"
)
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
LOGO_TEMPLATE_CX, LOGO_TEMPLATE_CY = 45 * 36000, 15 * 36000  # EMU: 36000 per millimetre


def logo_relationship(part: Any) -> str:
    """Relate `part` (a header or the main document) to the shared logo placeholder part."""
    package = part.package
    image_part = next((p for p in package.iter_parts() if p.partname == LOGO_PART), None)
    if image_part is None:
        image = Image.from_blob(LOGO_PLACEHOLDER)
        image_part = ImagePart(PackURI(LOGO_PART), "image/png", LOGO_PLACEHOLDER, image)
    return part.relate_to(image_part, RT.IMAGE)


def logo_drawing(rid: str) -> Any:
    """An inline picture named "Logo": the renderer gives it the size of the organisation's
    logo (composer/render/logo_extent.py); in the template it is 45 × 15 mm, so Word opens it."""
    extent = f'cx="{LOGO_TEMPLATE_CX}" cy="{LOGO_TEMPLATE_CY}"'
    return parse_xml(
        f"<w:r {nsdecls('w', 'wp', 'a', 'r')}><w:drawing>"
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent {extent}/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:docPr id="1" name="Logo" descr="{{ sender.name }}"/>'
        '<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>'
        f'<a:graphic><a:graphicData uri="{PIC}"><pic:pic xmlns:pic="{PIC}">'
        '<pic:nvPicPr><pic:cNvPr id="0" name="logo.png" descr="{{ sender.name }}"/>'
        "<pic:cNvPicPr/></pic:nvPicPr>"
        f'<pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
        "</pic:blipFill>"
        f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext {extent}/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def add_logo_or_name(
    story: Any, part: Any, name_style: str, first: Paragraph | None, logo_style: str | None = None
) -> None:
    """`{%p if sender.logo %}` the logo `{%p else %}` the organisation's name `{%p endif %}`.

    `story` is a header or the document; `first` an empty paragraph to use for the first tag.
    `logo_style` (default `name_style`) must not have an exact line height: it would cut the
    picture off.
    """
    if first is not None:
        first.add_run("{%p if sender.logo %}")
    else:
        story.add_paragraph("{%p if sender.logo %}")
    picture = story.add_paragraph(style=logo_style or name_style)
    picture._p.append(logo_drawing(logo_relationship(part)))
    story.add_paragraph("{%p else %}")
    story.add_paragraph("{{ sender.name }}", style=name_style)
    story.add_paragraph("{%p endif %}")


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


# --- the body --------------------------------------------------------------------------------

KEEP_SUFFIX = "-slot"  # style variant of the last body block: kept with the closing


def keeping_variants(spec: StyleSpec) -> list[StyleSpec]:
    """The style and its `-slot` twin with keep-with-next, for the letter's last body block."""
    return [spec, replace(spec, name=spec.name + KEEP_SUFFIX, keep_with_next=True)]


def _variants(doc: DocxDocument, keep_last: bool, emit: Any) -> None:
    """`emit(style_suffix)` once, or twice as `{%p if loop.last %}` slot `{%p else %}` plain."""
    if not keep_last:
        emit("")
        return
    control(doc, "{%p if loop.last %}")
    emit(KEEP_SUFFIX)
    control(doc, "{%p else %}")
    emit("")
    control(doc, "{%p endif %}")


def _promise(doc: DocxDocument, style: str) -> None:
    """The promise text, after its bold label on a line of its own when there is a label."""
    promise = doc.add_paragraph(style=style)
    promise.add_run("{%r if block.label %}")
    promise.add_run("{{ block.label }}").bold = True
    promise.add_run().add_break()
    promise.add_run("{%r endif %}")
    promise.add_run("{{ block.text }}")


def _list_items(doc: DocxDocument, style: str, num_id: str, keep_last: bool) -> None:
    """The items of a list; in the letter's last block the last item keeps with the closing."""
    control(doc, "{%p for item in block.entries %}")
    if keep_last:
        control(doc, "{%p if last_block and loop.last %}")
        list_item(doc, style, num_id, keep_with_next=True)
        control(doc, "{%p else %}")
    list_item(doc, style, num_id, keep_with_next=False)
    if keep_last:
        control(doc, "{%p endif %}")
    control(doc, "{%p endfor %}")


def _list(doc: DocxDocument, keep_last: bool) -> None:
    """A numbered list (a numbering of its own: `block.num_id`) or a bulleted one."""
    control(doc, '{%p if block.style == "number" %}')
    _list_items(doc, NUMBER_STYLE, "{{ block.num_id }}", keep_last)
    control(doc, "{%p else %}")
    _list_items(doc, BULLET_STYLE, str(BULLET_NUM), keep_last)
    control(doc, "{%p endif %}")


def _paragraph(doc: DocxDocument, style: str, dateline_first: bool) -> None:
    """A paragraph of runs (bold, italic, underline); the dateline before the first one."""
    paragraph = doc.add_paragraph(style=style)
    if dateline_first:
        paragraph.add_run("{%r if loop.first %}")
        paragraph.add_run("{{ letter.dateline }} ")
        paragraph.add_run("{%r endif %}")
    paragraph.add_run("{{r block|wordml }}")


def add_body_loop(doc: DocxDocument, *, dateline_first: bool, keep_last: bool) -> None:
    """The `body` blocks: promise, quote, list, heading, and paragraph (any other type).

    `keep_last`: the last block takes the `-slot` style, kept on the page of the closing.
    """
    control(doc, "{%p for block in body %}")
    if keep_last:  # set here, not inside an if: Jinja would not see it in the item loop
        control(doc, "{%p set last_block = loop.last %}")
    control(doc, '{%p if block.type == "promise" %}')
    _variants(doc, keep_last, lambda suffix: _promise(doc, "Servicebelofte" + suffix))
    control(doc, '{%p elif block.type == "quote" %}')
    control(doc, "{%p if block.attribution %}")
    quote = doc.add_paragraph("“{{ block.text }}”", style="Citaat")
    # The attribution carries the blank line after the quote; keep the two together.
    quote.paragraph_format.space_after = Pt(0)
    quote.paragraph_format.keep_with_next = True
    _variants(
        doc,
        keep_last,
        lambda suffix: doc.add_paragraph(
            EN_DASH + " {{ block.attribution }}", style="Citaatbron" + suffix
        ),
    )
    control(doc, "{%p else %}")
    _variants(
        doc,
        keep_last,
        lambda suffix: doc.add_paragraph("“{{ block.text }}”", style="Citaat" + suffix),
    )
    control(doc, "{%p endif %}")
    control(doc, '{%p elif block.type == "list" %}')
    _list(doc, keep_last)
    control(doc, '{%p elif block.type == "heading" %}')
    doc.add_paragraph("{{ block.text }}", style="Heading 2")  # kept with the next block anyway
    control(doc, "{%p else %}")
    _variants(doc, keep_last, lambda suffix: _paragraph(doc, "Brieftekst" + suffix, dateline_first))
    control(doc, "{%p endif %}")
    control(doc, "{%p endfor %}")
