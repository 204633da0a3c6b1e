"""An impossible layout millimetre in settings.toml: the program says which setting, then stops."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from composer.gui import app as gui_app
from composer.gui import main_window


def test_the_program_names_the_setting_instead_of_opening_a_window(monkeypatch, message_boxes):
    path = Path(os.environ["COMPOSER_CONFIG_DIR"]) / "settings.toml"
    path.write_text("[layout.brief]\naddress_top_mm = nan\n", encoding="utf-8")

    def no_window(*_args, **_kwargs):
        raise AssertionError("the window opened with an impossible layout setting")

    monkeypatch.setattr(main_window, "MainWindow", no_window)
    assert gui_app.main(None) == 1
    assert message_boxes == [
        (
            "critical",
            f"Instelling ‘layout.brief.address_top_mm’ in ‘{path}’ is nan; gebruik een getal van "
            "0 tot en met 500 (millimeter).",
        )
    ]
