"""Tab walks the window in reading order: library, the letter top to bottom, then the docks."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from composer.app.workspace import Workspace
from composer.gui.main_window import MainWindow
from composer.gui.tab_order import takes_tab
from composer.settings import Settings
from composer.storage.library import Library
from composer.storage.samples import seed_samples

READING_ORDER = [
    "zoekveld",
    "statusfilter",
    "brieven",
    "datum",
    "plaats",
    "ons_kenmerk",
    "uw_kenmerk",
    "betreft",
    "adresboek_zoeken",
    "geadresseerden",
    "organisatie",
    "postcode",
    "aanhef",
    "brieftekst",  # the body: one stop, whatever blocks it holds
    "slotformule",
    "ondertekenaars_tabel",
    "bijlagen_tabel",
    "kopie_aan_tabel",
    "versies",
]


@pytest.fixture
def window(qtbot, open_letter, tmp_path):
    library = Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
    ids = seed_samples(library, "Marleen")
    window = MainWindow(Workspace(Settings(author="Marleen"), library=library), preview=QWidget())
    qtbot.addWidget(window)
    window.resize(1500, 950)  # the docks are open (on a small screen they start collapsed)
    window.show()
    open_letter(window, next(i for i in ids if library.version(i, 1).template == "brief"))
    yield window
    window.session.close()
    library.close()


def tab_stops(window: MainWindow) -> list[QWidget]:
    """Where Tab goes, starting at the library's search field (as Qt walks the focus chain)."""
    start = window.library_panel.search_field
    stops, widget = [start], start.nextInFocusChain()
    while widget is not start:
        if takes_tab(widget) and widget.isVisibleTo(window) and widget.isEnabled():
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def names(widgets: list[QWidget]) -> list[str]:
    return [widget.objectName() for widget in widgets]


def in_order(wanted: list[str], seen: list[str]) -> bool:
    """`wanted` occurs in `seen` in this order (first occurrences, others may come between)."""
    position = 0
    for name in wanted:
        try:
            position = seen.index(name, position) + 1
        except ValueError:
            return False
    return True


def test_tab_goes_through_the_window_in_reading_order(window):
    seen = names(tab_stops(window))
    assert in_order(READING_ORDER, seen), seen
    assert seen.count("brieftekst") == 1  # its toolbar takes no Tab stop of its own
    assert not any(name.startswith("knop_") for name in seen)


def test_tab_in_the_text_leaves_it_and_blocks_added_keep_one_stop(window, qtbot):
    edit = window.editor.blocks.edit
    window.editor.blocks.commands.choose_promise = lambda _current: 4
    window.editor.blocks.commands.promise.trigger()
    qtbot.waitUntil(lambda: not window.tab_order_pending)
    stops = tab_stops(window)
    assert names(stops).count("brieftekst") == 1
    assert stops.index(edit) > stops.index(window.editor.field("salutation"))
    assert stops.index(edit) < stops.index(window.editor.field("closing"))
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    before = edit.toPlainText()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # no tab character: on to the slotformule
    assert edit.toPlainText() == before
    assert QApplication.focusWidget() is window.editor.field("closing")


def test_tab_from_the_salutation_goes_into_the_text(window, qtbot):
    window.activateWindow()
    salutation = window.editor.field("salutation")
    salutation.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is salutation)
    qtbot.keyClick(salutation, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.editor.blocks.edit


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_field_has_a_name_a_screen_reader_can_say(qtbot, open_letter, tmp_path, language):
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox

    from composer import i18n

    i18n.set_language(language)
    try:
        library = Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
        ids = seed_samples(library, "Marleen")
        window = MainWindow(
            Workspace(Settings(author="Marleen"), library=library), preview=QWidget()
        )
        qtbot.addWidget(window)
        window.show()
        open_letter(window, ids[0])
        nameless = []
        for widget in tab_stops(window):
            if isinstance(widget.parentWidget(), QAbstractSpinBox):
                continue  # the date field's own line edit: the date field has the name
            if isinstance(widget, QAbstractButton) and widget.text().strip():
                continue  # a button says its text
            if widget.objectName() == "qt_tabwidget_tabbar" or type(widget).__name__ == "QTabBar":
                continue  # the dock tabs say their titles
            if not widget.accessibleName().strip():
                nameless.append(f"{type(widget).__name__} {widget.objectName()}")
        assert nameless == []
        window.session.close()
        library.close()
    finally:
        i18n.set_language("nl")
