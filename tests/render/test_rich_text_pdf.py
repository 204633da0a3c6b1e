"""Rich text in the PDF LibreOffice makes of the DOCX, read as a reader would: pdftotext for the
bullets and numbers, pdftohtml for bold and italic, pikepdf for the tagged structure."""

from __future__ import annotations

import html
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from composer.core.letterfile import loads_letter
from composer.render.docx import render_docx
from composer.render.pdf import PdfEngine
from tests.conftest import soffice_path
from tests.render.test_rich_text_docx import HOSTILE, letter_text

pytestmark = pytest.mark.libreoffice

KINDS = ("brief", "persbericht")


@dataclass
class Converted:
    pdfs: dict[str, Path]


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> Converted | None:
    """The rich-text letter and press release (from letter file text), in one LibreOffice run."""
    if soffice_path() is None:
        return None  # the `soffice` fixture of each test then fails or skips
    root = tmp_path_factory.mktemp("rich-pdf")
    jobs = []
    for kind in KINDS:
        docx = root / f"{kind}.docx"
        docx.write_bytes(render_docx(loads_letter(letter_text(kind))).data)
        jobs.append((docx, root / f"{kind}.pdf"))
    with PdfEngine(soffice_path(), workers=2) as engine:
        engine.convert_many(jobs)
    return Converted(pdfs={kind: root / f"{kind}.pdf" for kind in KINDS})


def _lines(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _styled_words(pdf: Path) -> dict[str, set[str]]:
    """Text pieces pdftohtml prints bold (`b`) or italic (`i`)."""
    xml = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-stdout", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    found: dict[str, set[str]] = {"b": set(), "i": set()}
    for inner in re.findall(r"<text [^>]*>(.*?)</text>", xml):
        plain = html.unescape(re.sub(r"<[^>]+>", "", inner)).strip()
        for tag in found:
            if f"<{tag}>" in inner:
                found[tag].add(plain)
    return found


def _structure(pdf: Path) -> tuple[Counter[str], dict[str, str]]:
    """How often each structure type occurs, and the role map."""
    with pikepdf.open(pdf) as document:
        tree = document.Root.StructTreeRoot
        role_map = {str(k): str(v) for k, v in tree.get("/RoleMap", {}).items()}
        counts: Counter[str] = Counter()

        def walk(node: object) -> None:
            if isinstance(node, pikepdf.Dictionary):
                if "/S" in node:
                    counts[str(node.S)] += 1
                if "/K" in node:
                    walk(node.K)
            elif isinstance(node, pikepdf.Array):
                for child in node:
                    walk(child)

        walk(tree)
    return counts, role_map


@pytest.mark.parametrize("kind", KINDS)
def test_bullets_and_numbers_are_printed(kind, soffice, converted) -> None:
    lines = _lines(converted.pdfs[kind])
    assert "• een gesprek met beide partijen" in lines
    assert "• een onafhankelijke blik" in lines
    first = lines.index("1. eerste")
    assert lines[first + 1] == "2. tweede"
    # The second numbered list starts at 1 again.
    second = lines.index("1. verkennen")
    assert lines[second + 1 : second + 3] == ["2. onderhandelen", "3. " + HOSTILE]
    assert "Wat wij vragen & waarom" in lines
    assert any(
        line.endswith("Wij vragen u vandaag nog zorgvuldig te reageren, echt.") for line in lines
    )


@pytest.mark.parametrize("kind", KINDS)
def test_marked_words_are_bold_and_italic_in_the_pdf(kind, soffice, converted) -> None:
    styled = _styled_words(converted.pdfs[kind])
    assert {"vandaag", "echt", "onafhankelijke", "Wat wij vragen & waarom"} <= styled["b"]
    assert {"zorgvuldig", "echt"} <= styled["i"]
    assert "nog" not in styled["b"] | styled["i"]


@pytest.mark.parametrize("kind", KINDS)
def test_the_tagged_pdf_has_lists_a_heading_and_marked_spans(kind, soffice, converted) -> None:
    counts, role_map = _structure(converted.pdfs[kind])
    assert counts["/L"] == 3  # one bullet and two numbered lists
    assert counts["/LI"] == 7 and counts["/LBody"] == 7
    assert counts["/H2"] >= 1  # the heading (the press release has two more section titles)
    # LibreOffice 7.4 tags a run in a character style with the style's name, role-mapped to a
    # /Span (PDF 1.7 has no /Strong or /Em); screen readers see the named style.
    for style in ("/Strong", "/Emphasis", "/Onderstreept"):
        assert counts[style] >= 1, style
        assert role_map[style] == "/Span"
