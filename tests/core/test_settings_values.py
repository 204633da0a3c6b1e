"""Layout millimetres in settings.toml that no page can have: a Dutch message naming the setting."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from composer.core.letterfile import load_letter
from composer.errors import ComposerError
from composer.render.docx import write_docx
from composer.settings import Settings, load_settings, save_settings
from tests.conftest import SAMPLE_LETTER, run_composer

SETTING = "layout.brief.margin_top_mm"
LIMIT = "gebruik een getal van 0 tot en met 500 (millimeter)"


def _settings_file(value: str) -> Path:
    path = Path(os.environ["COMPOSER_CONFIG_DIR"]) / "settings.toml"
    path.write_text(f"[layout.brief]\nmargin_top_mm = {value}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308", "-5", "99999999999999999999"])
def test_render_refuses_an_impossible_margin_by_name(tmp_path, value):
    path = _settings_file(value)
    out = tmp_path / "brief.docx"
    result = run_composer("render", str(SAMPLE_LETTER), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"Instelling ‘{SETTING}’ in ‘{path}’ is " in result.stderr
    assert LIMIT in result.stderr
    assert not out.exists()


def test_a_margin_within_the_limits_still_renders(tmp_path):
    _settings_file("30")
    out = tmp_path / "brief.docx"
    result = run_composer("render", str(SAMPLE_LETTER), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.is_file()


@pytest.mark.parametrize("value", ["nan", "1e308", "-0.5", "500.5"])
def test_loading_refuses_the_value(value):
    path = _settings_file(value)
    with pytest.raises(ComposerError) as caught:
        load_settings()
    assert caught.value.message.startswith(f"Instelling ‘{SETTING}’ in ‘{path}’ is ")
    assert LIMIT in caught.value.message


def test_the_edges_are_allowed():
    _settings_file("0")
    assert load_settings().layout == {"brief": {"margin_top_mm": 0.0}}
    _settings_file("500")
    assert load_settings().layout == {"brief": {"margin_top_mm": 500.0}}


def test_saving_refuses_a_negative_margin(tmp_path):
    settings = Settings(layout={"brief": {"address_left_mm": -3.0}})
    with pytest.raises(ComposerError) as caught:
        save_settings(settings, tmp_path / "settings.toml")
    assert caught.value.message == (
        "Instelling ‘layout.brief.address_left_mm’ is -3.0; gebruik een getal van 0 tot en met "
        "500 (millimeter)."
    )
    assert not (tmp_path / "settings.toml").exists()


def test_margins_that_leave_no_room_on_the_page_are_refused(tmp_path):
    settings = Settings(layout={"brief": {"margin_top_mm": 200.0, "margin_bottom_mm": 100.0}})
    with pytest.raises(ComposerError) as caught:
        write_docx(load_letter(SAMPLE_LETTER), tmp_path / "brief.docx", settings)
    assert caught.value.message == (
        "De marges ‘margin_top_mm’ en ‘margin_bottom_mm’ zijn samen 300 mm en laten op een "
        "pagina van 297 mm geen ruimte voor tekst. Maak ze kleiner."
    )
    assert not (tmp_path / "brief.docx").exists()
