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
    "alinea_tekst",  # the first block of the letter
    "citaat_tekst",
    "servicebelofte_nummer",
    "alinea_toevoegen",
    "servicebelofte_toevoegen",
    "citaat_toevoegen",
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
    assert seen.index("alinea_tekst") > seen.index("aanhef")
    assert seen.index("alinea_toevoegen") > max(
        i for i, name in enumerate(seen) if name in ("alinea_tekst", "citaat_tekst")
    )


def test_a_new_block_takes_its_place_in_the_tab_order(window, qtbot):
    def paragraphs() -> list[QWidget]:
        return [w for w in tab_stops(window) if w.objectName() == "alinea_tekst"]

    count = len(paragraphs())
    qtbot.mouseClick(window.editor.blocks.add_paragraph_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(paragraphs()) == count + 1)  # new widgets show a moment later
    qtbot.waitUntil(lambda: not window.tab_order_pending)  # and take their place in Tab
    stops = tab_stops(window)
    new = window.editor.blocks.blocks[-1].focus_target()
    assert window.session.letter.body[-1].text == "" and new in stops
    add_button = stops.index(window.editor.blocks.add_paragraph_button)
    assert stops.index(new) < add_button  # not at the end of the window, after the docks
    assert stops.index(new) > stops.index(window.editor.field("salutation"))


def test_tab_from_the_salutation_goes_into_the_text(window, qtbot):
    window.activateWindow()
    salutation = window.editor.field("salutation")
    salutation.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is salutation)
    qtbot.keyClick(salutation, Qt.Key.Key_Tab)
    first_block = window.editor.blocks.blocks[0]
    assert first_block.isAncestorOf(QApplication.focusWidget())


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
