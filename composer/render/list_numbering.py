"""Numbered lists that each start at 1: a `w:num` of their own, added after rendering.

Word numbers every paragraph with the same `w:numId` as one list: a second numbered list in a
letter (or the same list in the next addressee's copy) would go on at 4, 5, 6. So the template
gives a numbered list's paragraphs `w:numId="{{ block.num_id }}"`, a number that is not in the
template's numbering.xml. After rendering, every group of consecutive paragraphs with such a
number becomes one list: a new `w:num` on the template's decimal list definition (its
`w:abstractNum` with "decimal" at level 0), with `w:startOverride` 1. Paragraphs whose numId the
template does define (the bullets share one) are left as they are.
"""

from __future__ import annotations

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING_PART = "word/numbering.xml"
DOCUMENT_PART = "word/document.xml"
LIST_NUM_BASE = 1000  # the context's num_id of its first numbered list (not a template num)
_NS = {"w": W}


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


def _serialised(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _decimal_abstract(numbering: etree._Element) -> str | None:
    """The abstractNumId of the first list definition numbering level 0 as 1, 2, 3."""
    for abstract in numbering.findall("w:abstractNum", _NS):
        fmt = abstract.find("w:lvl[@w:ilvl='0']/w:numFmt", _NS)
        if fmt is not None and fmt.get(_w("val")) == "decimal":
            return abstract.get(_w("abstractNumId"))
    return None


def _new_num(num_id: int, abstract_id: str) -> etree._Element:
    num = etree.Element(_w("num"))
    num.set(_w("numId"), str(num_id))
    etree.SubElement(num, _w("abstractNumId")).set(_w("val"), abstract_id)
    override = etree.SubElement(num, _w("lvlOverride"))
    override.set(_w("ilvl"), "0")
    etree.SubElement(override, _w("startOverride")).set(_w("val"), "1")
    return num


def _groups(document: etree._Element, defined: set[str]) -> list[list[etree._Element]]:
    """The numPr elements of the paragraphs with an undefined numId, one group per list."""
    groups: list[list[etree._Element]] = []
    previous: tuple[etree._Element | None, str] = (None, "")
    for numpr in document.iterfind(".//w:p/w:pPr/w:numPr", _NS):
        num_id = numpr.find("w:numId", _NS)
        value = num_id.get(_w("val"), "") if num_id is not None else ""
        if num_id is None or value in defined:
            continue
        paragraph = numpr.getparent().getparent()
        before, before_value = previous
        if before is not None and paragraph.getprevious() is before and before_value == value:
            groups[-1].append(numpr)
        else:
            groups.append([numpr])
        previous = (paragraph, value)
    return groups


def number_lists(parts: dict[str, bytes], numbering_xml: bytes | None) -> dict[str, bytes]:
    """`parts` (rendered) with a `w:num` of its own for each numbered list; numbering.xml
    (the template's, `numbering_xml`) among them when lists were found. Without a decimal
    list definition in the template the items are left unnumbered."""
    document_xml = parts.get(DOCUMENT_PART)
    if document_xml is None or b"numId" not in document_xml:
        return parts
    document = etree.fromstring(document_xml)
    numbering = etree.fromstring(numbering_xml) if numbering_xml else None
    defined = set()
    if numbering is not None:
        defined = {num.get(_w("numId")) for num in numbering.findall("w:num", _NS)}
    groups = _groups(document, defined)
    if not groups:
        return parts
    abstract_id = _decimal_abstract(numbering) if numbering is not None else None
    result = dict(parts)
    if numbering is None or abstract_id is None:
        for group in groups:
            for numpr in group:
                numpr.getparent().remove(numpr)
        result[DOCUMENT_PART] = _serialised(document)
        return result
    next_id = max((int(v) for v in defined if v and v.isdigit()), default=0) + 1
    nums = numbering.findall("w:num", _NS)
    anchor = nums[-1] if nums else numbering.findall("w:abstractNum", _NS)[-1]
    for group in groups:
        new = _new_num(next_id, abstract_id)
        anchor.addnext(new)
        anchor = new
        for numpr in group:
            numpr.find("w:numId", _NS).set(_w("val"), str(next_id))
        next_id += 1
    result[DOCUMENT_PART] = _serialised(document)
    result[NUMBERING_PART] = _serialised(numbering)
    return result
