"""The library list: letters from a real SQLite library, search as you type, status, opening."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import sqlalchemy as sa
from PySide6.QtCore import QPoint, Qt

from composer.core.letterfile import load_letter
from composer.gui.letter_table_model import format_moment
from composer.gui.library_panel import (
    CHANGED,
    EMPTY_LIBRARY,
    NOTHING_FOUND,
    SEARCH_PLACEHOLDER,
    SUBJECT,
    LibraryPanel,
)
from composer.storage.library import Library
from composer.storage.schema import letters as letters_table

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SCREENSHOTS = REPO / "docs" / "screenshots"
CAO = "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"
CONGRES = "Uitnodiging jaarcongres Klantenservice 2027"
CONSULTATIE = "Reactie op de consultatie Wet digitale overheid"


def stepping_clock(start: datetime, step: timedelta):
    moments = iter(start + step * n for n in range(10_000))
    return lambda: next(moments)


def set_status(library: Library, letter_id: int, status: str) -> None:
    with library.engine.begin() as connection:
        connection.execute(
            sa.update(letters_table).where(letters_table.c.id == letter_id).values(status=status)
        )


@pytest.fixture
def library(tmp_path: Path):
    clock = stepping_clock(datetime(2026, 11, 25, 9, 12, tzinfo=UTC), timedelta(hours=3, minutes=7))
    with Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}", clock=clock) as library:
        yield library


@pytest.fixture
def three_letters(library: Library) -> dict[str, int]:
    """The sample three times: a concept, one ter beoordeling, one verzonden with a kenmerk."""
    sample = load_letter(SAMPLE)
    ids = {"cao": library.add(sample, author="Marleen de Vries", message="Eerste opzet")}
    congres = load_letter(SAMPLE)
    congres.subject = CONGRES
    congres.addressees[0].organisation = "Gemeente Utrecht"
    ids["congres"] = library.add(congres, author="Marleen de Vries")
    consultatie = load_letter(SAMPLE)
    consultatie.subject = CONSULTATIE
    consultatie.addressees[0].organisation = "Ministerie van BZK"
    ids["consultatie"] = library.add(consultatie, author="Jan Jansen")
    library.finalize(
        ids["consultatie"],
        author="Jan Jansen",
        pattern="KSF/{yyyy}/{seq:04d}",
        today=date(2026, 11, 27),
    )
    set_status(library, ids["congres"], "ter_beoordeling")
    set_status(library, ids["consultatie"], "verzonden")
    return ids


@pytest.fixture
def panel(qtbot, library: Library, three_letters: dict[str, int]) -> LibraryPanel:
    widget = LibraryPanel()
    qtbot.addWidget(widget)
    widget.resize(900, 320)
    widget.set_library(library)
    return widget


def subjects(panel: LibraryPanel) -> list[str]:
    return [row[SUBJECT] for row in panel.visible_rows()]


def test_lists_every_letter_newest_first_with_dutch_cells(panel, library, three_letters):
    assert subjects(panel) == [CONSULTATIE, CONGRES, CAO]
    rows = {row[SUBJECT]: row for row in panel.visible_rows()}
    consultatie = library.summary(three_letters["consultatie"])
    assert rows[CONSULTATIE][1:] == [
        consultatie.addressees,
        "Verzonden",
        format_moment(consultatie.updated_at),
        "KSF/2026/0001",
    ]
    assert "Ministerie van BZK" in rows[CONSULTATIE][1]
    assert rows[CONGRES][2] == "Ter beoordeling"
    assert rows[CAO][2] == "Concept"
    assert rows[CAO][4] == ""
    assert panel.count_label.text() == "3 brieven"
    assert panel.search_field.placeholderText() == SEARCH_PLACEHOLDER
    headers = [panel.proxy.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Betreft", "Geadresseerden", "Status", "Gewijzigd", "Kenmerk"]


def test_typing_filters_the_rows_after_a_pause(qtbot, panel, library, monkeypatch):
    searches = []
    original = library.letters
    monkeypatch.setattr(
        library, "letters", lambda *a, **k: searches.append(a[0]) or original(*a, **k)
    )
    qtbot.keyClicks(panel.search_field, "uitnod")
    qtbot.waitUntil(lambda: subjects(panel) == [CONGRES], timeout=2000)
    assert searches == ["uitnod"]  # six keys, one search
    panel.search_field.clear()
    qtbot.keyClicks(panel.search_field, "ksf/2026")
    qtbot.waitUntil(lambda: subjects(panel) == [CONSULTATIE], timeout=2000)
    panel.search_field.setText("gemeente utrecht")
    qtbot.waitUntil(lambda: subjects(panel) == [CONGRES], timeout=2000)
    assert panel.count_label.text() == "1 brief"


def test_a_search_without_results_says_what_to_do(qtbot, panel):
    qtbot.keyClicks(panel.search_field, "bestaat niet")
    qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.empty_label, timeout=2000)
    assert panel.empty_label.text() == NOTHING_FOUND
    assert panel.visible_rows() == []


def test_an_empty_library_tells_how_to_start(qtbot, library):
    widget = LibraryPanel()
    qtbot.addWidget(widget)
    widget.set_library(library)
    assert widget.stack.currentWidget() is widget.empty_label
    assert widget.empty_label.text() == EMPTY_LIBRARY == "Nog geen brieven. Kies Bestand > Nieuw."


def test_the_status_filter_shows_only_letters_with_that_status(panel):
    labels = [panel.status_filter.itemText(i) for i in range(panel.status_filter.count())]
    assert labels == [
        "Alle",
        "Concept",
        "Ter beoordeling",
        "Goedgekeurd",
        "Verzonden",
        "",
        "Prullenbak",
    ]
    panel.status_filter.setCurrentText("Ter beoordeling")
    assert subjects(panel) == [CONGRES]
    panel.status_filter.setCurrentText("Verzonden")
    assert subjects(panel) == [CONSULTATIE]
    panel.status_filter.setCurrentText("Goedgekeurd")
    assert panel.empty_label.text() == NOTHING_FOUND
    panel.status_filter.setCurrentText("Alle")
    assert len(subjects(panel)) == 3


def test_an_unknown_status_is_shown_as_stored(panel, library, three_letters):
    set_status(library, three_letters["cao"], "in_de_la")
    panel.refresh()
    assert {row[SUBJECT]: row[2] for row in panel.visible_rows()}[CAO] == "in_de_la"


def cell_of(panel: LibraryPanel, subject: str) -> QPoint:
    row = subjects(panel).index(subject)
    return panel.table.visualRect(panel.proxy.index(row, SUBJECT)).center()


def test_a_single_click_opens_the_letter_arrows_only_select(qtbot, panel, three_letters):
    panel.show()
    qtbot.waitExposed(panel)
    opened: list[int] = []
    panel.letter_activated.connect(opened.append)
    viewport = panel.table.viewport()

    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=cell_of(panel, CAO))
    assert opened == [three_letters["cao"]]
    assert panel.current_letter_id() == three_letters["cao"]

    # The window tells which letter it shows: a click on that row does not open it again.
    panel.set_open_letter(three_letters["cao"])
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=cell_of(panel, CAO))
    assert opened == [three_letters["cao"]]

    # A double click (press, release, double-click, release) is one click that opens, not two.
    opened.clear()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=cell_of(panel, CONSULTATIE))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=cell_of(panel, CONSULTATIE))
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=cell_of(panel, CONSULTATIE))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=cell_of(panel, CONSULTATIE))
    assert opened == [three_letters["consultatie"]]

    # Arrows move the selection without opening; Enter opens.
    opened.clear()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.current_letter_id() == three_letters["congres"]
    assert opened == []
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert opened == [three_letters["congres"]]

    # A right click selects for the context menu but opens nothing.
    opened.clear()
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=cell_of(panel, CAO))
    assert opened == []


def test_arrow_down_from_the_search_field_selects_the_first_letter(qtbot, panel, three_letters):
    panel.search_field.setFocus()
    qtbot.keyClick(panel.search_field, Qt.Key.Key_Down)
    assert panel.current_letter_id() == three_letters["consultatie"]
    with qtbot.waitSignal(panel.letter_activated) as opened:
        qtbot.keyClick(panel.search_field, Qt.Key.Key_Return)
    assert opened.args == [three_letters["consultatie"]]


def test_refresh_keeps_the_selected_letter(panel, library, three_letters):
    panel.select_letter(three_letters["congres"])
    letter = library.version(three_letters["cao"])
    letter.subject = CAO + " (herzien)"
    library.save(three_letters["cao"], letter, author="Jan Jansen")
    panel.refresh()
    assert subjects(panel)[0] == CAO + " (herzien)"
    assert panel.current_letter_id() == three_letters["congres"]
    selected = panel.table.selectionModel().selectedRows()
    assert [index.data() for index in selected] == [CONGRES]


def test_sorting_by_a_column_header(qtbot, panel):
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.table.horizontalHeader()
    middle = header.sectionViewportPosition(SUBJECT) + header.sectionSize(SUBJECT) // 2
    title = QPoint(middle, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert header.sortIndicatorSection() == SUBJECT
    first = subjects(panel)
    assert first in (sorted(first), sorted(first, reverse=True))
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=title)
    assert subjects(panel) == first[::-1]
    panel.table.sortByColumn(CHANGED, Qt.SortOrder.AscendingOrder)
    assert subjects(panel) == [CAO, CONGRES, CONSULTATIE]


def test_format_moment_in_dutch():
    now = datetime(2026, 11, 28, 16, 0).astimezone()
    assert format_moment(now.replace(hour=14, minute=5), now) == "vandaag 14:05"
    assert format_moment(now.replace(day=27, hour=9, minute=3), now) == "gisteren 09:03"
    assert format_moment(now.replace(day=2, hour=14, minute=5), now) == "2 nov. 2026 14:05"
    assert format_moment(now.replace(month=5, day=3), now) == "3 mei 2026 16:00"


def test_screenshot(qtbot, panel, three_letters):
    if os.environ.get("COMPOSER_SCREENSHOTS") != "1":
        pytest.skip("screenshots only with COMPOSER_SCREENSHOTS=1")
    panel.resize(980, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.select_letter(three_letters["congres"])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert panel.grab().save(str(SCREENSHOTS / "bibliotheek.png"))
