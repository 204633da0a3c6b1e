"""Edited catalogues: the user's copy in the data folder, a library version, address-book rules."""

from __future__ import annotations

import json

import pytest

from composer.core.catalogue_editing import (
    WHOLE_ENTRY,
    CatalogueChanged,
    approved_quotes,
    entry_label,
    entry_matches,
    entry_problems,
    new_entries,
    open_catalogue,
    quote_approved,
    save_catalogue,
    tidy_entry,
    unique_id,
    user_catalogue_path,
)
from composer.core.catalogues import catalogue_path, load_address_book, load_quotes
from composer.paths import data_dir
from composer.storage.library import Library


@pytest.fixture
def library(tmp_path):
    with Library.open(f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}") as library:
        yield library


def entry(**address) -> dict:
    return {
        "organisation": "FNV",
        "person": {"form": "mevrouw", "initials": "E.", "surname": "Heemskerk"},
        "address": {
            "street": "Proefweg",
            "house_number": "1",
            "postcode": "9999 ZX",
            "city": "Proefdorp",
            "country": "NL",
            **address,
        },
    }


def test_saving_writes_the_users_copy_and_records_a_library_version(library):
    assert catalogue_path("citaten") != user_catalogue_path("citaten")  # the shipped one
    document = open_catalogue("citaten")
    document.items[0]["approved"] = False
    path = save_catalogue(document, library=library, author="Marieke")
    assert path == data_dir() / "catalogues" / "citaten.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["catalogue"] == "citaten" and stored["title"] == "Citaten van de directeur"
    assert stored["items"][0]["approved"] is False
    assert load_quotes() == stored["items"]
    assert catalogue_path("citaten") == user_catalogue_path("citaten")
    assert library.catalogue("citaten") == stored
    # The same document saves again: it knows the file is its own.
    document.items[1]["approved"] = False
    save_catalogue(document, library=library, author="Marieke")
    assert [v.number for v in library.catalogue_history("citaten")] == [1, 2]
    assert approved_quotes(load_quotes()) == []


def test_a_file_changed_since_opening_is_not_overwritten(library):
    document = open_catalogue("adresboek")
    path = user_catalogue_path("adresboek")
    path.parent.mkdir(parents=True)
    path.write_text('{"catalogue": "adresboek", "items": []}', encoding="utf-8")
    document.items.pop()
    with pytest.raises(CatalogueChanged, match="intussen buiten dit venster gewijzigd"):
        save_catalogue(document, library=library, author="Marieke")
    assert load_address_book() == []
    assert library.catalogue_history("adresboek") == []


def test_without_a_library_only_the_file_is_written():
    document = open_catalogue("servicebeloften")
    document.items[0]["text"] = "Wij zijn bereikbaar."
    save_catalogue(document)
    assert json.loads(user_catalogue_path("servicebeloften").read_text(encoding="utf-8"))["items"][
        0
    ]["text"] == ("Wij zijn bereikbaar.")


def test_ids_are_readable_and_unique():
    assert unique_id("Werkgeversvereniging WFC", []) == "werkgeversvereniging-wfc"
    assert unique_id("Café ’t Hoekje", ["cafe-t-hoekje"]) == "cafe-t-hoekje-2"
    assert unique_id("!!!", []) == "item"
    items = new_entries([entry(), entry()], [{"id": "e-heemskerk-fnv"}])
    assert [item["id"] for item in items] == ["e-heemskerk-fnv-2", "e-heemskerk-fnv-3"]


def test_labels_and_search():
    assert entry_label(entry()) == "E. Heemskerk (FNV)"
    assert entry_label({"person": {"infix": "de", "surname": "Boer"}}) == "De Boer"
    assert entry_label({"organisation": "Qlix"}) == "Qlix"
    assert entry_label({}) == "(zonder naam)"
    assert entry_matches(entry(), "heemskerk proefdorp")
    assert entry_matches(entry(city="Ménaldum"), "menaldum")
    assert not entry_matches(entry(), "heemskerk doorn")


def test_problems_name_the_field():
    assert entry_problems(entry()) == {}
    assert entry_problems(entry(postcode="25110 AB")) == {
        "address.postcode": (
            "De postcode is ongeldig (‘25110 AB’). "
            "Gebruik vier cijfers en twee letters, zoals 2511 AB."
        )
    }
    assert entry_problems(entry(city="")) == {
        "address.city": "De plaats ontbreekt. Vul de plaats in."
    }
    assert list(entry_problems(entry(country="XX"))) == ["address.country"]
    assert sorted(entry_problems(entry(street="", postcode="", city=""))) == [
        "address.city",
        "address.postcode",
        "address.street",
    ]
    assert entry_problems(entry(street="", postbox="123")) == {}
    seven_lines = {**entry(), "department": "Afdeling A\nAfdeling B\nAfdeling C"}
    assert list(entry_problems(seven_lines)) == [WHOLE_ENTRY]


def test_tidy_entry_normalises_what_a_letter_would():
    tidy = tidy_entry(
        {
            "organisation": " FNV ",
            "person": {"form": "", "initials": "", "surname": "", "name_as_registered": False},
            "address": {"postcode": "9999zx", "city": "Proefdorp", "country": ""},
        }
    )
    assert tidy == {
        "organisation": "FNV",
        "address": {"postcode": "9999 ZX", "city": "Proefdorp", "country": "NL"},
    }


def test_quotes_without_the_field_count_as_approved():
    assert quote_approved({"text": "x"})
    assert not quote_approved({"text": "x", "approved": False})
    assert [q["id"] for q in approved_quotes(load_quotes())] == [q["id"] for q in load_quotes()]
