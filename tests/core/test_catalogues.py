"""Catalogues are data: shipped in resources/, overridden by the user's copies."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from composer.core.catalogue_editing import (
    logo_png_from_file,
    open_catalogue,
    save_catalogue,
    user_catalogue_path,
)
from composer.core.catalogues import (
    load_address_book,
    load_profile,
    load_promises,
    load_quotes,
    promise_for_letter,
)
from composer.errors import ComposerError


def test_promises_four_and_five_have_the_ksf_descriptions_with_a_source():
    promises = load_promises()
    assert sorted(promises) == [1, 2, 3, 4, 5, 6, 7]
    assert promises[4].text == (
        "Servicebelofte 4 verplicht tot respectvolle omgang met medewerkers en goed werkgeverschap."
    )
    assert "samenwerking in de keten" in promises[5].text
    assert "persbericht 17 oktober 2022" in promises[4].source
    for number in (1, 2, 3, 6, 7):
        assert promises[number].placeholder and promises[number].topic


def test_a_placeholder_promise_is_refused_naming_its_number():
    with pytest.raises(ComposerError, match=r"Servicebelofte 6 .* heeft nog geen tekst"):
        promise_for_letter(load_promises(), 6)
    with pytest.raises(ComposerError, match="Servicebelofte 9 bestaat niet"):
        promise_for_letter(load_promises(), 9)


def test_quotes_profile_and_address_book():
    quotes = load_quotes()
    assert len(quotes) == 2 and all(q["speaker"] == "Roel Masselink" for q in quotes)
    assert all(q["date"] == "2022-10-17" and q["source"] for q in quotes)
    profile = load_profile()
    assert (profile.name, profile.street, profile.house_number) == (
        "Klantenservice Federatie",
        "Driebergsestraatweg",
        "27",
    )
    assert (profile.postcode, profile.city, profile.phone) == ("3941 ZS", "Doorn", "070-7620764")
    organisations = [entry["organisation"] for entry in load_address_book()]
    assert organisations == [
        "Werkgeversvereniging Facilitaire Contactcenters (WFC)",
        "FNV",
        "CNV Vakmensen",
        "Qlix",
    ]
    # The sample addresses are obviously fictitious.
    for entry in load_address_book():
        address = entry["address"]
        assert address["postcode"].startswith("99") or "Voorbeeld" in address["street"]


def test_a_copy_in_the_data_dir_overrides_the_shipped_catalogue():
    own = Path(os.environ["COMPOSER_DATA_DIR"]) / "catalogues"
    own.mkdir()
    data = {
        "items": [
            {"number": 6, "topic": "technologie", "text": "Eigen tekst zes.", "placeholder": False}
        ]
    }
    (own / "servicebeloften.json").write_text(json.dumps(data), encoding="utf-8")
    assert promise_for_letter(load_promises(), 6).text == "Eigen tekst zes."


def test_a_broken_override_is_a_clear_message():
    own = Path(os.environ["COMPOSER_DATA_DIR"]) / "catalogues"
    own.mkdir()
    (own / "citaten.json").write_text("{kapot", encoding="utf-8")
    with pytest.raises(ComposerError, match="De catalogus ‘citaten’"):
        load_quotes()


def test_the_shipped_profile_has_no_numbers_or_logo_and_a_factual_about_text():
    profile = load_profile()
    assert (profile.kvk, profile.iban, profile.btw, profile.logo_path) == ("", "", "", None)
    assert profile.short_name == "KSF"
    assert profile.about.startswith("De Klantenservice Federatie (KSF) is de brancheorganisatie")
    assert "ISO 18295" in profile.about


def test_a_logo_is_written_before_the_catalogue_names_it_and_removed_after(tmp_path):
    document = open_catalogue("organisatie")
    document.content["logo"] = "organisatie-logo.png"
    document.files["organisatie-logo.png"] = b"\x89PNG eerste"
    save_catalogue(document)
    folder = user_catalogue_path("organisatie").parent
    assert (folder / "organisatie-logo.png").read_bytes() == b"\x89PNG eerste"
    assert document.files == {}
    document.content["logo"] = ""
    document.files["organisatie-logo.png"] = None
    save_catalogue(document)
    assert not (folder / "organisatie-logo.png").exists()
    assert json.loads(user_catalogue_path("organisatie").read_text("utf-8"))["logo"] == ""


def test_a_file_beside_the_catalogue_must_have_a_plain_name():
    document = open_catalogue("organisatie")
    document.files["../buiten.png"] = b"x"
    with pytest.raises(ValueError):
        save_catalogue(document)
    assert not user_catalogue_path("organisatie").exists()  # nothing written


def test_a_photo_taken_upright_stays_upright(tmp_path):
    from PIL import Image

    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: the camera was turned; show it rotated 90 degrees
    Image.new("RGB", (200, 100), "navy").save(tmp_path / "foto.jpg", exif=exif)
    png = logo_png_from_file(tmp_path / "foto.jpg")
    with Image.open(io.BytesIO(png)) as image:
        assert (image.format, image.size) == ("PNG", (100, 200))
