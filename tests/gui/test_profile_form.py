"""Instellingen > Organisatie: KvK number, IBAN, btw number, "Over de organisatie" and the logo,
filled in as a person does."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PIL import Image, ImageDraw
from PySide6.QtCore import Qt

from composer.core.catalogue_editing import user_catalogue_path
from composer.core.catalogues import load_profile
from composer.gui.dialogs import program_info
from composer.gui.dialogs.settings_dialog import SettingsDialog
from composer.paths import data_dir
from composer.render.sender import media_parts, sender_context

LEFT = Qt.MouseButton.LeftButton
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
ORGANISATION_TAB = 3


@pytest.fixture(autouse=True)
def no_soffice_runs(monkeypatch):
    """Finding LibreOffice runs `soffice --version`; these tests use a stand-in."""
    found = program_info.EngineInfo(Path("/opt/libreoffice/soffice"), "LibreOffice 7.4.7.2")
    monkeypatch.setattr(program_info, "find_engine", lambda configured="": found)


def open_profile(qtbot, library=None) -> SettingsDialog:
    dialog = SettingsDialog(library=library)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.author_edit.setText("Marieke de Wit")
    dialog.tabs.setCurrentIndex(ORGANISATION_TAB)
    return dialog


def type_into(qtbot, edit, text: str) -> None:
    edit.clear()
    qtbot.keyClicks(edit, text)


def press_ok(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, LEFT)


def saved(qtbot, dialog) -> dict:
    press_ok(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=10000)
    return json.loads(user_catalogue_path("organisatie").read_text(encoding="utf-8"))


def problem_under(dialog, key: str) -> str:
    label = dialog.profile_form.problem_labels[key]
    return label.text() if label.isVisibleTo(dialog) else ""


def sample_logo(path: Path, size=(2000, 500), kind="JPEG") -> Path:
    """A neutral stand-in logo (not the KSF's): a blue band with a white bar."""
    image = Image.new("RGB", size, (16, 60, 120))
    ImageDraw.Draw(image).rectangle(
        (size[0] // 10, size[1] // 3, size[0] * 6 // 10, size[1] * 2 // 3), fill="white"
    )
    image.save(path, kind)
    return path


def test_the_numbers_are_checked_as_typed_and_stored_normalised(qtbot, library):
    dialog = open_profile(qtbot, library)
    fields = dialog.profile_form.fields
    assert [fields[key].text() for key in ("kvk", "iban", "btw")] == ["", "", ""]
    type_into(qtbot, fields["kvk"], "4012345")
    assert problem_under(dialog, "kvk") == (
        "Het KvK-nummer ‘4012345’ klopt niet: een KvK-nummer heeft 8 cijfers, zoals 40123456."
    )
    qtbot.keyClicks(fields["kvk"], "6")
    assert problem_under(dialog, "kvk") == ""
    type_into(qtbot, fields["iban"], "NL91 ABNA 0417 1643 01")  # one digit wrong
    assert "het controlegetal klopt niet" in problem_under(dialog, "iban")
    type_into(qtbot, fields["iban"], "nl91 abna 0417 1643 00")
    assert problem_under(dialog, "iban") == ""
    type_into(qtbot, fields["btw"], "NL 0012.34567.b01")
    assert problem_under(dialog, "btw") == ""

    stored = saved(qtbot, dialog)
    assert (stored["kvk"], stored["iban"], stored["btw"]) == (
        "40123456",
        "NL91ABNA0417164300",
        "NL001234567B01",
    )
    assert stored["press_contact"]["name"] == "Roel Masselink"  # untouched fields kept
    assert library.catalogue("organisatie") == stored
    assert sender_context(load_profile())["registration_line"] == (
        "KvK 40123456 · IBAN NL91 ABNA 0417 1643 00 · btw NL001234567B01"
    )
    # Opened again, the form shows what was saved (the IBAN compact, as stored).
    again = open_profile(qtbot)
    assert again.profile_form.fields["iban"].text() == "NL91ABNA0417164300"


def test_saving_with_a_wrong_iban_is_refused_with_the_message_beside_the_field(qtbot):
    dialog = open_profile(qtbot)
    type_into(qtbot, dialog.profile_form.fields["iban"], "NL91ABNA041716430")
    expected = (
        "Het IBAN ‘NL91ABNA041716430’ heeft 17 tekens; een IBAN uit NL heeft er 18. Controleer "
        "of er een teken ontbreekt of te veel is."
    )
    assert problem_under(dialog, "iban") == expected
    dialog.tabs.setCurrentIndex(0)
    press_ok(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == ORGANISATION_TAB  # shown where the field is
    assert dialog.message_label.text() == f"Organisatie: {expected}"
    assert not user_catalogue_path("organisatie").exists()


def test_a_foreign_btw_number_is_accepted_and_a_malformed_dutch_one_refused(qtbot):
    dialog = open_profile(qtbot)
    btw = dialog.profile_form.fields["btw"]
    type_into(qtbot, btw, "NL001234567B1")
    assert "een Nederlands btw-nummer is NL, 9 cijfers, de letter B en 2 cijfers" in (
        problem_under(dialog, "btw")
    )
    type_into(qtbot, btw, "BE 0123.456.789")
    assert problem_under(dialog, "btw") == ""
    assert saved(qtbot, dialog)["btw"] == "BE0123456789"


def test_the_about_text_and_short_name_are_saved_as_typed(qtbot):
    dialog = open_profile(qtbot)
    form = dialog.profile_form
    assert form.about_edit.toPlainText().startswith("De Klantenservice Federatie (KSF) is")
    assert form.fields["short_name"].text() == "KSF"
    text = "Wij zijn “de” vereniging van & voor <klantcontact> {{ x }} 😀.\nTweede regel."
    form.about_edit.setFocus()
    form.about_edit.selectAll()
    qtbot.keyClicks(form.about_edit, "Wij zijn ")
    form.about_edit.insertPlainText("“de”")  # pasted: QTest types only ASCII
    qtbot.keyClicks(form.about_edit, " vereniging van & voor <klantcontact> {{ x }} ")
    form.about_edit.insertPlainText("😀")
    qtbot.keyClicks(form.about_edit, ".")
    qtbot.keyClick(form.about_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.about_edit, "Tweede regel.")
    type_into(qtbot, form.fields["short_name"], "KSF NL")
    stored = saved(qtbot, dialog)
    assert stored["about"] == text
    assert stored["short_name"] == "KSF NL"
    sender = sender_context(load_profile())
    assert (sender["about"], sender["short_name"]) == (text, "KSF NL")


def test_a_chosen_logo_is_shown_stored_as_png_and_removed_again(qtbot, library, tmp_path):
    dialog = open_profile(qtbot, library)
    row = dialog.profile_form.logo_row
    assert row.preview.text() == "Geen logo"
    assert not row.remove_button.isEnabled()
    row.choose_file = lambda: sample_logo(tmp_path / "logo.jpg")
    qtbot.mouseClick(row.choose_button, LEFT)
    assert row.preview.pixmap().height() == 48  # the preview
    assert row.remove_button.isEnabled()
    if os.environ.get("COMPOSER_SCREENSHOTS") == "1":
        dialog.resize(700, 760)
        dialog.profile_form.fields["kvk"].setText("40123456")
        dialog.profile_form.fields["iban"].setText("NL91ABNA04171643")
        qtbot.wait(50)
        dialog.grab().save(str(SCREENSHOTS / "organisatieprofiel.png"))
        dialog.profile_form.fields["kvk"].clear()
        dialog.profile_form.fields["iban"].clear()

    stored = saved(qtbot, dialog)
    logo = data_dir() / "catalogues" / "organisatie-logo.png"
    assert stored["logo"] == "organisatie-logo.png"
    with Image.open(logo) as image:
        assert (image.format, image.size) == ("PNG", (1000, 250))  # scaled down to 1000 wide
    assert media_parts(load_profile()) == {"word/media/logo.png": logo.read_bytes()}
    assert sender_context(load_profile())["logo"] is True
    assert library.catalogue("organisatie")["logo"] == "organisatie-logo.png"

    again = open_profile(qtbot)
    row = again.profile_form.logo_row
    assert row.preview.pixmap().height() == 48  # the saved logo is shown
    qtbot.mouseClick(row.remove_button, LEFT)
    assert row.preview.text() == "Geen logo"
    assert saved(qtbot, again)["logo"] == ""
    assert not logo.exists()
    assert sender_context(load_profile())["logo"] is False
    assert media_parts(load_profile()) == {}


def a_gif(folder: Path) -> Path:
    return sample_logo(folder / "logo.gif", (60, 20), "GIF")


def too_wide(folder: Path) -> Path:
    return sample_logo(folder / "breed.png", (4200, 300), "PNG")


def text_file(folder: Path) -> Path:
    path = folder / "tekst.png"
    path.write_text("geen plaatje", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (a_gif, "’ is geen PNG- of JPEG-afbeelding. Kies een logo als PNG of JPEG."),
        (too_wide, "’ is 4200 × 300 pixels; een logo mag hoogstens 4000 × 4000 pixels zijn."),
        (text_file, "’ is geen PNG- of JPEG-afbeelding. Kies een logo als PNG of JPEG."),
    ],
)
def test_a_wrong_image_is_refused_and_the_profile_stays_as_it_was(qtbot, tmp_path, make, message):
    dialog = open_profile(qtbot)
    row = dialog.profile_form.logo_row
    chosen = make(tmp_path)
    row.choose_file = lambda: chosen
    qtbot.mouseClick(row.choose_button, LEFT)
    assert row.problem_label.isVisibleTo(dialog)
    assert f"‘{chosen}{message}" in row.problem_label.text()
    assert row.preview.text() == "Geen logo"
    assert not dialog.profile_form.changed()


def test_a_damaged_image_is_refused(qtbot, tmp_path):
    whole = sample_logo(tmp_path / "heel.png", (400, 400), "PNG").read_bytes()
    damaged = tmp_path / "kapot.png"
    damaged.write_bytes(whole[: len(whole) // 2])
    dialog = open_profile(qtbot)
    row = dialog.profile_form.logo_row
    row.choose_file = lambda: damaged
    qtbot.mouseClick(row.choose_button, LEFT)
    assert row.problem_label.text() == (
        f"De afbeelding ‘{damaged}’ is beschadigd en kan niet worden gelezen. Kies een ander "
        "bestand."
    )


def test_a_logo_over_5_mb_is_refused(qtbot, tmp_path):
    big = tmp_path / "groot.png"
    big.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(5 * 1024 * 1024 + 10))
    dialog = open_profile(qtbot)
    row = dialog.profile_form.logo_row
    row.choose_file = lambda: big
    qtbot.mouseClick(row.choose_button, LEFT)
    assert row.problem_label.text() == (
        f"De afbeelding ‘{big}’ is 5,0 MB; een logo mag hoogstens 5 MB zijn. Kies een kleinere "
        "afbeelding."
    )


def test_a_transparent_png_logo_keeps_its_transparency(qtbot, tmp_path):
    path = tmp_path / "doorzichtig.png"
    Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(path)
    dialog = open_profile(qtbot)
    row = dialog.profile_form.logo_row
    row.choose_file = lambda: path
    qtbot.mouseClick(row.choose_button, LEFT)
    saved(qtbot, dialog)
    with Image.open(io.BytesIO(media_parts(load_profile())["word/media/logo.png"])) as image:
        assert image.mode == "RGBA" and image.getpixel((5, 5))[3] == 0


def test_the_kvk_hint_names_the_law(qtbot):
    dialog = open_profile(qtbot)
    texts = [label.text() for label in dialog.profile_form.findChildren(type(dialog.message_label))]
    assert any("Handelsregisterwet, artikel 27" in text for text in texts)


@pytest.mark.parametrize("name", ["organisatie-logo.png", "../elders/logo.png"])
def test_a_logo_that_cannot_be_used_is_reported_and_can_be_removed(qtbot, name):
    folder = data_dir() / "catalogues"
    folder.mkdir(parents=True)
    shipped = json.loads(
        (REPO / "resources" / "catalogues" / "organisatie.json").read_text(encoding="utf-8")
    )
    (folder / "organisatie.json").write_text(json.dumps({**shipped, "logo": name}), "utf-8")
    dialog = open_profile(qtbot)
    row = dialog.profile_form.logo_row
    assert row.problem_label.isVisibleTo(dialog)
    assert "Kies het logo opnieuw" in row.problem_label.text()
    assert row.preview.text() == "Geen logo"
    assert row.remove_button.isEnabled()
    qtbot.mouseClick(row.remove_button, LEFT)
    assert saved(qtbot, dialog)["logo"] == ""
    assert sender_context(load_profile())["logo"] is False
