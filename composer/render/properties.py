"""DOCX core properties (title, author, dates) written from the letter, never from the template."""

from __future__ import annotations

import datetime as dt

from lxml import etree

from composer.render.usertext import strip_invalid

CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
DC = "http://purl.org/dc/elements/1.1/"
DCTERMS = "http://purl.org/dc/terms/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _plain(text: str) -> str:
    """Properties are single-line plain text: line breaks and tabs become spaces."""
    return " ".join(strip_invalid(text).replace("\x0b", " ").replace("\t", " ").split("\n"))


def core_properties_xml(
    *, title: str, author: str, created: dt.date, subject: str = "", keywords: str = ""
) -> bytes:
    root = etree.Element(
        f"{{{CP}}}coreProperties", nsmap={"cp": CP, "dc": DC, "dcterms": DCTERMS, "xsi": XSI}
    )
    values = [
        (DC, "title", _plain(title)),
        (DC, "subject", _plain(subject)),
        (DC, "creator", _plain(author)),
        (CP, "keywords", _plain(keywords)),
        (DC, "language", "nl-NL"),
        (CP, "lastModifiedBy", "Composer"),
    ]
    for namespace, name, value in values:
        etree.SubElement(root, f"{{{namespace}}}{name}").text = value
    stamp = dt.datetime.combine(created, dt.time()).strftime("%Y-%m-%dT%H:%M:%SZ")
    for name in ("created", "modified"):
        element = etree.SubElement(root, f"{{{DCTERMS}}}{name}")
        element.set(f"{{{XSI}}}type", "dcterms:W3CDTF")
        element.text = stamp
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
