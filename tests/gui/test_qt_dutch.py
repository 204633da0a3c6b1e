"""Qt's own dialogs (file dialogs, standard buttons) speak Dutch with the Dutch screen."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QPushButton

from composer.gui.app import install_language


@pytest.mark.parametrize(
    ("language", "buttons", "label"),
    [
        ("nl", {"&Openen", "Annuleren"}, "Bestands&naam:"),
        ("en", {"&Open", "Cancel"}, "File &name:"),
    ],
)
def test_the_file_dialog_speaks_the_screen_language(qtbot, language, buttons, label):
    app = QApplication.instance()
    install_language(app, language)
    try:
        dialog = QFileDialog(None, "Brief openen")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        assert {button.text() for button in dialog.findChildren(QPushButton)} >= buttons
        assert label in {text.text() for text in dialog.findChildren(QLabel)}
    finally:
        install_language(app, "nl")
