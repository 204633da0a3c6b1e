"""Golden tests: the samples' word/document.xml equals the saved reference (volatile ids ignored).

After an intended change to a template or the renderer, regenerate with
`COMPOSER_UPDATE_GOLDEN=1 make test` and review the diff of tests/render/golden/.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from composer.core.letterfile import load_letter
from composer.render.docx import render_docx

REPO = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parent / "golden"
SAMPLES = sorted((REPO / "resources" / "samples").glob("*.json"))
_VOLATILE = re.compile(r"(rsid\w*|paraId|textId)$")


def normalised(xml: bytes) -> str:
    root = etree.fromstring(xml)
    for element in root.iter():
        for name in [n for n in element.attrib if _VOLATILE.search(etree.QName(n).localname)]:
            del element.attrib[name]
    etree.indent(root, space=" ")
    return etree.tostring(root, encoding="unicode")


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.stem for s in SAMPLES])
def test_document_xml_matches_the_reference(sample):
    data = render_docx(load_letter(sample)).data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        actual = normalised(archive.read("word/document.xml"))
    reference = GOLDEN / f"{sample.stem}.document.xml"
    if os.environ.get("COMPOSER_UPDATE_GOLDEN") == "1":
        reference.write_text(actual, encoding="utf-8")
    assert reference.is_file(), f"Geen referentie: maak die met COMPOSER_UPDATE_GOLDEN=1 ({sample})"
    assert actual == reference.read_text(encoding="utf-8")
