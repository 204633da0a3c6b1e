"""In the window: a new or another letter never shows the previous letter's page; Ctrl+P prints."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QKeySequence

from composer.app.workspace import Workspace
from composer.gui.main_window import MainWindow
from composer.gui.preview import PreviewPanel
from composer.settings import Settings
from composer.storage.library import Library
from composer.storage.samples import seed_samples
from tests.gui.test_preview_letters import TextEngine, all_text


@pytest.fixture
def window(qtbot, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
    engine = TextEngine()
    preview = PreviewPanel(engine=engine)
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=preview)
    qtbot.addWidget(window)
    window.resize(1500, 950)
    window.show()
    window.engine = engine
    yield window
    window.session.close()
    preview.shutdown()
    library.close()


def test_a_new_letter_never_shows_the_previous_letters_page(qtbot, window, open_letter):
    ids = seed_samples(window.library, "Marleen")
    preview = window.preview
    with qtbot.waitSignal(preview.refreshed, timeout=10000):
        open_letter(window, ids[0])
    kenmerk = window.session.letter.our_reference
    assert kenmerk and kenmerk in all_text(preview)
    window.engine.gate.clear()  # LibreOffice takes its time with the new letter
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.New))
    assert window.session.letter_id is None
    # At once: no page of the letter before (its kenmerk nowhere), the placeholder says why.
    assert preview.pages.currentWidget() is preview.placeholder
    assert preview.document.pageCount() == 0
    with qtbot.waitSignal(preview.refreshed, timeout=10000):
        window.engine.gate.set()
    assert kenmerk not in all_text(preview)
    assert window.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert window.print_action.isEnabled()
