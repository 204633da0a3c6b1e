"""The logo's size in a template: numbers Word can open, tags the renderer fills in.

A template holds the logo as an inline picture named "Logo" (`wp:docPr name="Logo"`) with an
ordinary size, so the template itself opens in Word. When the template is compiled, that size
becomes `{{ sender.logo_cx }}` × `{{ sender.logo_cy }}`: the size of the organisation's logo.
"""

from __future__ import annotations

from lxml import etree

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
LOGO_NAME = "Logo"
CX_TAG, CY_TAG = "{{ sender.logo_cx }}", "{{ sender.logo_cy }}"


def with_logo_size_tags(xml: str) -> str:
    """`xml` (one part of a template) with the size of every picture named "Logo" replaced by
    the tags; unchanged when it has none."""
    if f'name="{LOGO_NAME}"' not in xml:
        return xml
    root = etree.fromstring(xml.encode("utf-8"))
    found = False
    for frame in [*root.iter(f"{{{WP}}}inline"), *root.iter(f"{{{WP}}}anchor")]:
        properties = frame.find(f"{{{WP}}}docPr")
        if properties is None or properties.get("name") != LOGO_NAME:
            continue
        for extent in [*frame.iter(f"{{{WP}}}extent"), *frame.iter(f"{{{A}}}ext")]:
            extent.set("cx", CX_TAG)
            extent.set("cy", CY_TAG)
            found = True
    if not found:
        return xml
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode(
        "utf-8"
    )
