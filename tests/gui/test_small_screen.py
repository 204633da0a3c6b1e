"""The window fits a 1024×700 laptop screen: side panels start collapsed, no sideways scrolling."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QScrollArea, QWidget

from composer.app.workspace import Workspace
from composer.gui.main_window import MainWindow, fitting_size
from composer.gui.preview import PreviewPanel
from composer.settings import Settings
from composer.storage.samples import seed_samples


def make_window(qtbot, library, size: QSize) -> MainWindow:
    """With the real preview panel (its toolbar and page take room); nothing is rendered."""
    preview = PreviewPanel()
    preview.show_letter = lambda _letter: None
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=preview)
    qtbot.addWidget(window)
    window.resize(size)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_on_a_laptop_screen_the_docks_start_collapsed_and_the_letter_fits(
    qtbot, library, open_letter
):
    ids = seed_samples(library, "Marleen")
    window = make_window(qtbot, library, QSize(1024, 700))
    open_letter(window, ids[0])
    qtbot.wait(50)  # layout
    assert not window.history_dock.isVisible() and not window.review_dock.isVisible()
    library_width, _editor, preview_width = window.splitter.sizes()
    assert library_width > 0 and preview_width > 0
    areas = [window.editor_area, *window.editor_area.findChildren(QScrollArea)]
    assert [area.horizontalScrollBar().maximum() for area in areas] == [0] * len(areas)
    # Beeld opens a dock; Vergelijken shows the history.
    window.review_dock.toggleViewAction().trigger()
    assert window.review_dock.isVisible()
    window.compare_action.trigger()
    assert window.history_dock.isVisible()
    window.session.close()
    window.preview.shutdown()


def test_on_a_large_screen_the_docks_are_there_from_the_start(qtbot, library):
    window = make_window(qtbot, library, QSize(1500, 950))
    assert window.history_dock.isVisible()
    assert window.splitter.sizes()[0] >= 200
    window.session.close()
    window.preview.shutdown()


def test_the_window_is_never_larger_than_the_screen(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    available = widget.screen().availableGeometry().size()
    size = fitting_size(widget)
    assert size.width() <= available.width() and size.height() <= available.height()
    assert size.width() <= 1400 and size.height() <= 860
