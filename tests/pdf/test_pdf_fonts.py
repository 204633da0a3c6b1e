"""Fonts the template asks for: a missing one gives a Dutch warning, the shipped Carlito none."""

from __future__ import annotations

import io

import docx
import pytest

from composer.render.pdf import PdfEngine, font_warnings, fonts, missing_fonts, template_fonts
from composer.render.registry import find_template
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


def test_calibri_needs_no_warning_when_its_twin_carlito_is_installed(monkeypatch):
    """The DOCX names Calibri (Word has it); LibreOffice sets the PDF in Carlito."""
    monkeypatch.setattr(fonts, "installed_families", lambda: frozenset({"carlito"}))
    assert missing_fonts(docx_with_font("Calibri")) == []
    assert font_warnings(docx_with_font("Calibri")) == []
    monkeypatch.setattr(fonts, "installed_families", lambda: frozenset({"liberation sans"}))
    assert font_warnings(docx_with_font("Arial")) == []


def test_calibri_without_carlito_is_still_warned_about(monkeypatch):
    monkeypatch.setattr(fonts, "installed_families", lambda: frozenset({"dejavu sans"}))
    assert missing_fonts(docx_with_font("Calibri")) == ["Calibri"]
    [warning] = font_warnings(docx_with_font("Calibri"))
    assert warning.startswith(
        "Het lettertype ‘Calibri’ uit het sjabloon is niet geïnstalleerd, en Carlito (even breed) "
        "ook niet; LibreOffice gebruikt een vervanger"
    )
    assert "sudo apt install fonts-crosextra-carlito" in warning


def test_calibri_itself_installed_needs_no_twin(monkeypatch):
    monkeypatch.setattr(fonts, "installed_families", lambda: frozenset({"calibri"}))
    assert font_warnings(docx_with_font("Calibri")) == []


@pytest.mark.parametrize("name", ["brief", "persbericht"])
def test_shipped_templates_name_their_manifest_font_and_need_no_warning(fontconfig, name):
    info = find_template(name)
    assert info.font in ("Calibri", "Carlito")
    assert info.font in template_fonts(info.path)
    assert font_warnings(info.path) == []


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


@pytest.mark.libreoffice
def test_a_docx_in_calibri_becomes_a_pdf_in_carlito(fontconfig, convert_to_pdf, tmp_path):
    """Word reads Calibri in the DOCX; the PDF embeds the twin LibreOffice substituted."""
    import pikepdf

    if "carlito" not in (fonts.installed_families() or frozenset()):
        pytest.skip("Carlito is niet geïnstalleerd (fonts-crosextra-carlito)")
    docx_path = tmp_path / "calibri.docx"
    docx_path.write_bytes(docx_with_font("Calibri"))
    assert template_fonts(docx_path) == {"Calibri"}
    with pikepdf.open(convert_to_pdf(docx_path)) as pdf:
        embedded = {
            str(font.get("/BaseFont", "")).split("+")[-1]
            for page in pdf.pages
            for font in page.resources.get("/Font", {}).values()
        }
    assert embedded == {"Carlito"}
