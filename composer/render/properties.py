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


EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def app_properties_xml(*, company: str, application: str = "Composer") -> bytes:
    """docProps/app.xml: the program that made the document and the organisation it is from."""
    from composer import __version__

    root = etree.Element(f"{{{EP}}}Properties", nsmap={None: EP, "vt": VT})
    major, _, rest = __version__.partition(".")
    minor = rest.split(".", 1)[0] if rest else "0"
    values = [
        ("Application", application),
        ("DocSecurity", "0"),
        ("ScaleCrop", "false"),
        ("Company", _plain(company)),
        ("LinksUpToDate", "false"),
        ("SharedDoc", "false"),
        ("HyperlinksChanged", "false"),
        # AppVersion must read XX.YYYY (ECMA-376 part 1, 22.2.2.2).
        ("AppVersion", f"{int(major or 0):02d}.{int(minor or 0):04d}"),
    ]
    for name, value in values:
        etree.SubElement(root, f"{{{EP}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
