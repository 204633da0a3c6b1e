"""Importing into the address book: who is already in it, and what an update changes."""

from __future__ import annotations

import copy
from pathlib import Path

from composer.core.contact_matching import Outcome, apply_import, plan_import
from composer.merge.sources import read_addressees


def person(initials="", surname="", *, infix="", first_name="", form="") -> dict:
    return {
        "form": form,
        "initials": initials,
        "first_name": first_name,
        "infix": infix,
        "surname": surname,
        "name_as_registered": False,
    }


def address(street="", number="", postcode="", city="", *, postbox="", country="NL") -> dict:
    return {
        "street": street,
        "house_number": number,
        "postbox": postbox,
        "postcode": postcode,
        "city": city,
        "country": country,
    }


def contact(id_="", organisation="", who=None, where=None, *, role="", department="") -> dict:
    entry = {"id": id_} if id_ else {}
    entry.update({"organisation": organisation, "department": department})
    if who is not None:
        entry["person"] = who
    entry.update({"role": role, "address": where or address()})
    return entry


def van_der_aa() -> dict:
    return contact(
        "j-van-der-aa",
        who=person("J.", "Aa", infix="van der", form="heer"),
        where=address("Kerkstraat", "1", "1234 AB", "Utrecht"),
        role="secretaris",
    )


def outcomes(plan) -> list[Outcome]:
    return [row.outcome for row in plan.rows]


def test_a_moved_person_is_updated_and_a_new_one_added_once(tmp_path: Path):
    source = tmp_path / "relaties.csv"
    source.write_text(
        "voorletters;tussenvoegsel;achternaam;straat;huisnummer;postcode;plaats\n"
        "J;;Van der Aa;Dorpsweg;2;3941zs;Doorn\n"
        "K.;;Bakker;Laan;5;2511 AB;Den Haag\n",
        encoding="utf-8",
    )
    rows = [row.data for row in read_addressees(source).valid_rows]
    book = [van_der_aa()]
    plan = plan_import(rows, book)
    assert outcomes(plan) == [Outcome.UPDATE, Outcome.NEW]
    assert [change.text() for change in plan.rows[0].changes] == [
        "Straat: Kerkstraat 1 → Dorpsweg 2",
        "Postcode: 1234 AB → 3941 ZS",
        "Plaats: Utrecht → Doorn",
    ]
    assert book == [van_der_aa()]  # planning changes nothing

    result = apply_import(plan, book)
    assert (result.added, result.updated) == (1, 1)
    assert len(book) == 2  # one more than before, not two
    aa, bakker = book
    assert aa["id"] == "j-van-der-aa"
    assert aa["address"]["street"] == "Dorpsweg" and aa["address"]["postcode"] == "3941 ZS"
    assert aa["person"]["surname"] == "Aa" and aa["person"]["infix"] == "van der"  # as written
    assert aa["person"]["form"] == "heer" and aa["role"] == "secretaris"  # empty: not erased
    assert bakker["id"] == "k-bakker" and bakker["address"]["city"] == "Den Haag"

    again = plan_import(rows, book)
    assert outcomes(again) == [Outcome.UNCHANGED, Outcome.UNCHANGED]
    assert not again.changes_anything


def test_names_are_compared_without_case_accents_dots_and_where_the_infix_stands():
    book = [
        contact(
            "els",
            "Gemeente Voorbeeldstad",
            person("E.", "Heemskérk-de Vries", first_name="Els"),
            address("Markt", "1", "1234 AB", "Voorbeeldstad"),
        )
    ]
    row = contact(
        "",
        "gemeente  voorbeeldstad",
        person("e", "heemskerk - de vries"),
        address("Markt", "1", "1234ab", "Voorbeeldstad"),
    )
    assert outcomes(plan_import([row], book)) == [Outcome.UNCHANGED]
    first_name_only = contact("", "", person(first_name="Els", surname="Heemskerk-de Vries"))
    first_name_only["address"] = address("Markt", "1", "1234 AB", "Voorbeeldstad")
    assert outcomes(plan_import([first_name_only], book)) == [Outcome.UNCHANGED]


def test_other_initials_another_organisation_or_no_given_name_is_someone_else():
    book = [van_der_aa()]
    elsewhere = address("Weg", "3", "3511 AB", "Utrecht")
    rows = [
        contact("", "", person("J.P.", "Aa", infix="van der"), elsewhere),
        contact("", "", person("K.", "Aa", infix="van der"), elsewhere),
        contact("", "Stichting Klantcontact", person("J.", "Aa", infix="van der"), elsewhere),
        contact("", "", person("", "Aa", infix="van der"), elsewhere),
    ]
    assert outcomes(plan_import(rows, book)) == [Outcome.NEW] * 4


def test_an_empty_field_in_the_list_never_erases_a_filled_one():
    book = [
        contact(
            "wfc",
            "WFC",
            person("N.", "Liemt", infix="van", form="heer"),
            address("Voorbeeldstraat", "12a", "1234 AB", "Voorbeeldstad"),
            role="voorzitter",
            department="Bestuur",
        )
    ]
    row = contact(
        "",
        "",  # the list has no organisation column
        person("N", "Liemt", infix="van", first_name="Norbert"),
        address("Voorbeeldstraat", "12 A", "1234AB", "Voorbeeldstad"),
    )
    plan = plan_import([row], book)
    assert outcomes(plan) == [Outcome.UPDATE]
    assert [change.text() for change in plan.rows[0].changes] == ["Voornaam: (leeg) → Norbert"]
    apply_import(plan, book)
    assert book[0]["organisation"] == "WFC" and book[0]["department"] == "Bestuur"
    assert book[0]["role"] == "voorzitter" and book[0]["person"]["form"] == "heer"
    assert book[0]["person"]["first_name"] == "Norbert"
    assert book[0]["address"]["house_number"] == "12a"  # the same number: kept as written


def test_an_address_is_taken_whole_a_postbus_replaces_the_street():
    book = [van_der_aa()]
    row = contact(
        "",
        "",
        person("J.", "Aa", infix="van der"),
        address("", "", "2500 AA", "Den Haag", postbox="123"),
    )
    plan = plan_import([row], book)
    assert [change.text() for change in plan.rows[0].changes] == [
        "Straat: Kerkstraat 1 → (leeg)",
        "Postbus: (leeg) → 123",
        "Postcode: 1234 AB → 2500 AA",
        "Plaats: Utrecht → Den Haag",
    ]
    apply_import(plan, book)
    assert book[0]["address"] == address("", "", "2500 AA", "Den Haag", postbox="123")


def test_two_matching_contacts_are_twijfel_and_added_only_when_chosen():
    book = [
        contact(
            "a1",
            "Gemeente A",
            person("J.", "Aa", infix="van der"),
            address("Weg", "1", "1234 AB", "A"),
        ),
        contact(
            "a2",
            "Gemeente B",
            person("J.", "Aa", infix="van der"),
            address("Laan", "2", "3511 AB", "B"),
        ),
    ]
    before = copy.deepcopy(book)
    row = contact(
        "", "", person("J.", "Aa", infix="van der"), address("Dorpsweg", "2", "3941 ZS", "Doorn")
    )
    plan = plan_import([row], book)
    assert outcomes(plan) == [Outcome.DOUBT]
    assert [c["id"] for c in plan.rows[0].resembles] == ["a1", "a2"]
    assert not plan.changes_anything
    result = apply_import(plan, book)
    assert book == before and result.doubts_skipped == 1

    chosen = plan_import([row], book, add_as_new={0})
    assert chosen.rows[0].add_as_new and chosen.added == 1
    apply_import(chosen, book)
    assert book[:2] == before and len(book) == 3
    assert book[2]["address"]["city"] == "Doorn" and book[2]["id"] == "j-van-der-aa"

    # The same place picks one of the two: no doubt.
    at_b = contact("", "", person("J.", "Aa", infix="van der"), address("Laan", "2", "3511AB", "B"))
    at_b["role"] = "wethouder"
    plan = plan_import([at_b], before)
    assert outcomes(plan) == [Outcome.UPDATE] and plan.rows[0].target == "a2"


def test_an_organisation_without_a_person_is_also_its_place():
    book = [
        contact("fnv", "FNV", None, address("", "", "9999 ZX", "Voorbeeldstad", postbox="9999"))
    ]
    same = contact("", "F.N.V.", None, address("", "", "9999ZX", "Voorbeeldstad", postbox="9999"))
    same["department"] = "FNV Callcenters"
    moved = contact("", "FNV", None, address("Hoofdweg", "1", "3511 AB", "Utrecht"))
    other = contact("", "CNV", None, address("", "", "9999 ZX", "Voorbeeldstad", postbox="9999"))
    plan = plan_import([same, moved, other], book)
    assert outcomes(plan) == [Outcome.UPDATE, Outcome.DOUBT, Outcome.NEW]
    assert [change.text() for change in plan.rows[0].changes] == [
        "Afdeling: (leeg) → FNV Callcenters"
    ]
    apply_import(plan, book)
    assert book[0]["organisation"] == "FNV"  # the address book's spelling stays
    assert [item["organisation"] for item in book] == ["FNV", "CNV"]


def test_a_list_that_names_someone_twice_adds_them_once():
    book = [van_der_aa()]
    bakker = contact("", "", person("K.", "Bakker"), address("Laan", "5", "2511 AB", "Den Haag"))
    moved_bakker = copy.deepcopy(bakker)
    moved_bakker["address"]["street"] = "Plein"
    plan = plan_import([bakker, copy.deepcopy(bakker), moved_bakker], book)
    assert outcomes(plan) == [Outcome.NEW, Outcome.UNCHANGED, Outcome.DOUBT]
    assert plan.rows[1].repeats == 0 and plan.rows[2].repeats == 0
    result = apply_import(plan, book)
    assert (result.added, result.unchanged, result.doubts_skipped) == (1, 1, 1)
    assert [item["person"]["surname"] for item in book] == ["Aa", "Bakker"]


def test_the_plan_is_made_again_against_the_book_it_is_applied_to():
    rows = [
        contact(
            "",
            "",
            person("J.", "Aa", infix="van der"),
            address("Dorpsweg", "2", "3941 ZS", "Doorn"),
        )
    ]
    plan = plan_import(rows, [])  # shown against an empty book: new
    assert outcomes(plan) == [Outcome.NEW]
    book = [van_der_aa()]
    result = apply_import(plan, book)  # he is in this one: updated, not duplicated
    assert (result.added, result.updated, len(book)) == (0, 1, 1)
    assert book[0]["address"]["city"] == "Doorn"
