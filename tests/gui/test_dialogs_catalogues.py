"""Servicebeloften and citaten edited in the program: saved in the data folder and the library."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt

from composer.core.catalogue_editing import approved_quotes, user_catalogue_path
from composer.core.catalogues import load_promises, load_quotes, promise_for_letter
from composer.gui.dialogs.promises_dialog import PromisesDialog
from composer.gui.dialogs.quotes_dialog import QuotesDialog

LEFT = Qt.MouseButton.LeftButton


def open_dialog(qtbot, cls, library):
    dialog = cls(library=library, author="Marieke")
    dialog.confirm_discard = lambda: True
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)


def list_texts(dialog) -> list[str]:
    return [dialog.list.item(row).text() for row in range(dialog.list.count())]


def test_placeholders_are_marked_and_a_filled_in_text_is_saved(qtbot, library):
    dialog = open_dialog(qtbot, PromisesDialog, library)
    texts = list_texts(dialog)
    assert texts[3] == "4 · medewerkers en goed werkgeverschap"
    assert texts[5] == "6 · technologie — nog geen tekst"
    assert dialog.list.item(5).font().italic()
    dialog.select(6)
    assert dialog.number_label.text() == "6"
    assert dialog.state_label.text().startswith("Servicebelofte 6: nog geen tekst.")
    dialog.text_edit.setFocus()
    qtbot.keyClicks(dialog.text_edit, "Wij zetten technologie in om klanten beter te helpen.")
    qtbot.keyClicks(dialog.source_edit, "KSF, servicebeloften 2021")
    assert list_texts(dialog)[5] == "6 · technologie"
    assert dialog.state_label.text() == "Deze servicebelofte kan in een brief."
    save(qtbot, dialog)

    promise = promise_for_letter(load_promises(), 6)  # no longer refused
    assert promise.text == "Wij zetten technologie in om klanten beter te helpen."
    assert promise.source == "KSF, servicebeloften 2021"
    stored = json.loads(user_catalogue_path("servicebeloften").read_text(encoding="utf-8"))
    assert stored["items"][5]["placeholder"] is False
    assert stored["items"][0]["placeholder"] is True
    assert library.catalogue("servicebeloften") == stored
    assert [v.author for v in library.catalogue_history("servicebeloften")] == ["Marieke"]


def test_a_promise_without_a_topic_is_not_saved(qtbot, library):
    dialog = open_dialog(qtbot, PromisesDialog, library)
    dialog.select(2)
    dialog.topic_edit.clear()
    qtbot.keyClicks(dialog.topic_edit, " ")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message_label.text() == "Servicebelofte 2 heeft geen onderwerp. Vul het in."
    assert dialog.isVisible()
    assert not user_catalogue_path("servicebeloften").exists()


def test_quotes_new_approved_and_edited_are_saved(qtbot, library):
    dialog = open_dialog(qtbot, QuotesDialog, library)
    assert list_texts(dialog)[0].startswith("✓ 2022-10-17 · Een behoorlijk en duurzaam")
    # Change the second quote's source and withdraw its approval.
    dialog.list.setCurrentRow(1)
    dialog.source_edit.clear()
    qtbot.keyClicks(dialog.source_edit, "KSF, persbericht")
    dialog.approved_check.setChecked(False)
    assert list_texts(dialog)[1].startswith("– 2022-10-17 · Nog meer tijd nemen")
    # A new quote: not approved until someone ticks the box.
    qtbot.mouseClick(dialog.new_button, LEFT)
    assert dialog.list.currentRow() == 2
    assert dialog.speaker_edit.text() == "Roel Masselink"
    assert not dialog.approved_check.isChecked()
    qtbot.keyClicks(dialog.text_edit, "Klantcontact is mensenwerk")
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "2022-13-01")
    assert dialog.date_problem_label.text() == (
        "De datum ‘2022-13-01’ bestaat niet. Controleer dag en maand."
    )
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.message_label.text() == (
        "Citaat 3: De datum ‘2022-13-01’ bestaat niet. Controleer dag en maand."
    )
    dialog.date_edit.clear()
    qtbot.keyClicks(dialog.date_edit, "2023-01-12")
    dialog.approved_check.setChecked(True)
    save(qtbot, dialog)

    quotes = load_quotes()
    assert [q["approved"] for q in quotes] == [True, False, True]
    assert quotes[1]["source"] == "KSF, persbericht"
    assert quotes[2]["text"] == "Klantcontact is mensenwerk"
    assert quotes[2]["date"] == "2023-01-12"
    assert [q["text"] for q in approved_quotes(quotes)] == [quotes[0]["text"], quotes[2]["text"]]
    assert library.catalogue("citaten")["items"] == quotes


def test_deleting_a_quote_and_cancelling_leaves_the_catalogue_as_it_was(qtbot, library):
    dialog = open_dialog(qtbot, QuotesDialog, library)
    qtbot.mouseClick(dialog.delete_button, LEFT)
    assert dialog.list.count() == 1
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert not dialog.isVisible()
    assert len(load_quotes()) == 2
    assert library.catalogue_history("citaten") == []
