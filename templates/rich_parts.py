"""Rich text in the templates: character styles for marks, Word list numbering, list items.

Marks are runs with named character styles (`{{r block|wordml }}`, see
composer/render/rich_runs.py): built-in `Strong` and `Emphasis` and our `Onderstreept`.
Lists use Word's built-in `List Bullet` and `List Number` paragraph styles, each linked to a
list definition in numbering.xml: bullets "•" and numbers "1.", the text at the indent of
promises and quotes. The bullets share num 1; a numbered list's paragraphs carry
`w:numId="{{ block.num_id }}"`, which the renderer turns into a num of their own that starts
at 1 (composer/render/list_numbering.py).
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

BULLET_STYLE, NUMBER_STYLE = "List Bullet", "List Number"
BULLET_NUM, NUMBER_NUM = 1, 2  # numIds in numbering.xml
# Built-in Word styles: Word shows them under their Dutch names ("Zwaar", "Nadruk", "Kop 2",
# "Lijst opsommingsteken", "Lijstnummer") and knows what they are for.
BUILTIN_STYLES = {"Heading 2", BULLET_STYLE, NUMBER_STYLE, "Strong", "Emphasis"}
# (style, name Word shows, UI priority, rPr)
CHARACTER_STYLES = (
    ("Strong", 22, "<w:b/><w:bCs/>"),
    ("Emphasis", 20, "<w:i/><w:iCs/>"),
    ("Onderstreept", 21, '<w:u w:val="single"/>'),
)
BULLET_CHAR = "\u2022"  # in Calibri and Carlito: no Symbol font needed


def add_character_styles(doc: DocxDocument) -> None:
    """Strong (bold), Emphasis (italic) and Onderstreept (underline), on the default font."""
    for name, priority, properties in CHARACTER_STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER, builtin=name in BUILTIN_STYLES)
        style.base_style = doc.styles["Default Paragraph Font"]
        style.quick_style = True
        style.priority = priority
        rpr = style.element.get_or_add_rPr()
        for element in parse_xml(f"<w:rPr {nsdecls('w')}>{properties}</w:rPr>"):
            rpr.append(element)


def _level(fmt: str, text: str, style: str, indent: int) -> str:
    return (
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="{style.replace(" ", "")}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{indent}" w:hanging="{indent}"/></w:pPr>'
        "</w:lvl>"
    )


def numbering_xml(indent: int) -> str:
    """numbering.xml: a bullet and a decimal list definition, the list text at `indent` twips
    and the bullet or number at the body's left edge."""
    abstracts = [
        ("0", "5B0C1D01", _level("bullet", BULLET_CHAR, BULLET_STYLE, indent)),
        ("1", "5B0C1D02", _level("decimal", "%1.", NUMBER_STYLE, indent)),
    ]
    parts = [f"<w:numbering {nsdecls('w')}>"]
    for number, nsid, level in abstracts:
        parts.append(
            f'<w:abstractNum w:abstractNumId="{number}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="singleLevel"/>{level}</w:abstractNum>'
        )
    parts.append(f'<w:num w:numId="{BULLET_NUM}"><w:abstractNumId w:val="0"/></w:num>')
    parts.append(f'<w:num w:numId="{NUMBER_NUM}"><w:abstractNumId w:val="1"/></w:num>')
    parts.append("</w:numbering>")
    return "".join(parts)


def set_numbering(doc: DocxDocument, indent: int) -> None:
    """Replace the default template's numbering definitions by ours."""
    doc.part.numbering_part._element = parse_xml(numbering_xml(indent))


def link_list_styles(doc: DocxDocument) -> None:
    """The list styles carry their numbering (Enter in Word continues the list) and no space
    between items of one list (contextual spacing): the blank line comes after the list."""
    for name, num in ((BULLET_STYLE, BULLET_NUM), (NUMBER_STYLE, NUMBER_NUM)):
        ppr = doc.styles[name].element.get_or_add_pPr()
        ppr.get_or_add_numPr().get_or_add_numId().val = num
        contextual = OxmlElement("w:contextualSpacing")
        ppr.insert_element_before(
            contextual, "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
            "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
            "w:rPr", "w:sectPr", "w:pPrChange",
        )  # fmt: skip


def list_item(doc: DocxDocument, style: str, num_id: str, keep_with_next: bool) -> Any:
    """One item: the list style, numbering in the paragraph itself, the item's runs."""
    item = doc.add_paragraph(style=style)
    numpr = item._p.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = 0
    numpr.get_or_add_numId().set(qn("w:val"), num_id)
    if keep_with_next:
        item.paragraph_format.keep_with_next = True
    item.add_run("{{r item|wordml }}")
    return item
