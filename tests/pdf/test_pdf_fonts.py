"""Fonts the template asks for: a missing one gives a Dutch warning, the shipped Carlito none."""

from __future__ import annotations

import io

import docx
import pytest

from composer.paths import templates_dir
from composer.render.pdf import PdfEngine, font_warnings, fonts, missing_fonts, template_fonts
from tests.pdf.pdf_helpers import sample_docx


def docx_with_font(font: str) -> bytes:
    document = docx.Document()
    document.styles["Normal"].font.name = font
    document.add_paragraph("Tekst in een lettertype dat er niet is.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def fontconfig():
    if fonts.installed_families() is None:
        pytest.skip("fc-list ontbreekt: Composer kan niet zien welke lettertypen er zijn")


def test_style_font_is_found_and_theme_fonts_ignored():
    names = template_fonts(docx_with_font("Bestaatniet Sans"))
    assert "Bestaatniet Sans" in names
    assert not any("Theme" in name or name.startswith("+") for name in names)


def test_missing_font_is_named_in_a_dutch_warning(fontconfig, tmp_path):
    path = tmp_path / "sjabloon.docx"
    path.write_bytes(docx_with_font("Bestaatniet Sans"))
    assert missing_fonts(path) == ["Bestaatniet Sans"]
    [warning] = font_warnings(path)
    assert warning.startswith("Het lettertype ‘Bestaatniet Sans’ uit het sjabloon is niet ")
    assert "LibreOffice gebruikt een vervanger" in warning
    assert "Installeer het lettertype" in warning


def test_known_font_warning_names_the_package(monkeypatch):
    monkeypatch.setattr(fonts, "installed_families", lambda: frozenset({"dejavu sans"}))
    [warning] = font_warnings(docx_with_font("Carlito"))
    assert "fonts-crosextra-carlito" in warning
    [warning] = font_warnings(docx_with_font("Calibri"))
    assert "Carlito" in warning and "fonts-crosextra-carlito" in warning


def test_without_fc_list_nothing_can_be_told(monkeypatch):
    monkeypatch.setattr(fonts, "installed_families", lambda: None)
    assert missing_fonts(docx_with_font("Bestaatniet Sans")) == []


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_shipped_templates_use_installed_carlito(fontconfig, name):
    path = templates_dir() / f"{name}.docx"
    assert "Carlito" in template_fonts(path)
    assert font_warnings(path) == []


def test_rendered_letter_gives_no_warning(fontconfig, tmp_path):
    assert font_warnings(sample_docx(tmp_path / "brief.docx")) == []


def test_engine_warns_but_does_not_fail_on_unreadable_docx(tmp_path, monkeypatch):
    broken = tmp_path / "kapot.docx"
    broken.write_bytes(b"geen zip")
    engine = PdfEngine.__new__(PdfEngine)  # font checks need no LibreOffice
    assert engine.font_warnings(broken) == []
    assert engine.font_warnings(docx_with_font("Bestaatniet Sans")) == font_warnings(
        docx_with_font("Bestaatniet Sans")
    )
