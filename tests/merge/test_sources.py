"""Reading addressee lists (CSV, XLSX, vCard) for a mail merge, with Dutch row messages."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import openpyxl
import pytest

from composer.errors import ComposerError
from composer.merge.sources import read_addressees
from composer.merge.vcard_source import initials_of, split_infix, split_street

HEADER = "organisatie,aanhef,voorletters,tussenvoegsel,achternaam,functie,straat,huisnummer,"
HEADER += "postcode,plaats,land"
WFC_ROW = "WFC,dhr.,N.,van,Liemt,voorzitter,Voorbeeldstraat,12a,1234ab,Voorbeeldstad,"
WFC_DATA = {
    "organisation": "WFC",
    "department": "",
    "person": {
        "form": "heer",
        "initials": "N.",
        "first_name": "",
        "infix": "van",
        "surname": "Liemt",
        "name_as_registered": False,
    },
    "role": "voorzitter",
    "address": {
        "street": "Voorbeeldstraat",
        "house_number": "12a",
        "postbox": "",
        "postcode": "1234 AB",
        "city": "Voorbeeldstad",
        "country": "NL",
    },
}


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def write_csv(tmp_path: Path, *rows: list[str], delimiter: str = ",") -> Path:
    path = tmp_path / "lijst.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


# --- CSV -------------------------------------------------------------------------------------


def test_csv_with_commas_in_utf8(tmp_path):
    result = read_addressees(write(tmp_path, "lijst.csv", f"{HEADER}\n{WFC_ROW}\n"))
    assert result.warnings == []
    [row] = result.rows
    assert (row.number, row.label, row.valid, row.messages()) == (2, "rij 2", True, [])
    assert row.data == WFC_DATA
    assert row.addressee().person.surname == "Liemt"


def test_csv_with_semicolons_and_utf8_bom(tmp_path):
    text = f"{HEADER.replace(',', ';')}\r\n{WFC_ROW.replace(',', ';')}\r\n"
    result = read_addressees(write(tmp_path, "lijst.csv", text, encoding="utf-8-sig"))
    assert result.warnings == []
    assert [row.data for row in result.rows] == [WFC_DATA]


def test_csv_in_windows_1252_as_excel_writes_it(tmp_path):
    text = "organisatie;straat;huisnummer;postcode;plaats\nCafé Zoë;Weg;1;2511 AB;Den Haag\n"
    result = read_addressees(write(tmp_path, "excel.csv", text, encoding="cp1252"))
    assert result.rows[0].data["organisation"] == "Café Zoë"
    assert result.rows[0].valid
    assert result.warnings == [
        "‘excel.csv’ is niet als UTF-8 opgeslagen en is gelezen als Windows-1252 (West-Europees). "
        "Kijk na of letters als é en ë goed zijn overgekomen."
    ]


def test_english_headers_as_in_the_letter_file(tmp_path):
    text = (
        "Organisation,Form,Initials,Infix,Surname,Role,Street,House_Number,Postcode,City,Country\n"
        f"{WFC_ROW}\n"
    )
    result = read_addressees(write(tmp_path, "english.csv", text))
    assert result.warnings == []
    assert result.rows[0].data == WFC_DATA


def test_headers_ignore_case_and_surrounding_spaces(tmp_path):
    text = " Organisatie , POSTCODE ,Plaats,Straat,Huisnummer\nFNV,3506 GE,Utrecht,Weg,1\n"
    [row] = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert row.data["address"]["postcode"] == "3506 GE"
    assert row.valid


def test_unknown_column_is_a_warning_and_ignored(tmp_path):
    text = "organisatie,Telefoon,straat,huisnummer,postcode,plaats\n"
    text += "FNV,030-1234567,Weg,1,3506 GE,Utrecht\n"
    result = read_addressees(write(tmp_path, "lijst.csv", text))
    assert result.warnings == ["Kolom ‘Telefoon’ is onbekend en wordt genegeerd."]
    assert result.rows[0].valid
    assert "030-1234567" not in str(result.rows[0].data)


def test_organisation_only_row_has_no_person(tmp_path):
    text = "organisatie,aanhef,voorletters,achternaam,postbus,postcode,plaats\n"
    text += "FNV,heer,,,9208,3506 GE,Utrecht\n"
    [row] = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert row.data == {
        "organisation": "FNV",
        "department": "",
        "role": "",
        "address": {
            "street": "",
            "house_number": "",
            "postbox": "9208",
            "postcode": "3506 GE",
            "city": "Utrecht",
            "country": "NL",
        },
    }
    assert row.valid


def test_invalid_postcode_names_row_column_and_value(tmp_path):
    rows = [WFC_ROW, WFC_ROW, WFC_ROW.replace("1234ab", "25110 AB")]
    result = read_addressees(write(tmp_path, "lijst.csv", "\n".join([HEADER, *rows]) + "\n"))
    [bad] = result.invalid
    assert bad.number == 4
    assert bad.problems == [
        (
            "postcode",
            "De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en twee letters, "
            "zoals 2511 AB.",
        )
    ]
    assert bad.messages() == [
        "rij 4, kolom ‘postcode’: De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en "
        "twee letters, zoals 2511 AB."
    ]


def test_problem_names_the_column_as_the_file_writes_it(tmp_path):
    text = "Organisatie;Straat;Huisnummer;Postcode;Plaats\nFNV;Weg;1;0123 AB;Utrecht\n"
    [row] = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert row.messages() == [
        "rij 2, kolom ‘Postcode’: De postcode is ongeldig (‘0123 AB’): een Nederlandse postcode "
        "begint niet met een 0. Controleer de cijfers."
    ]


def test_empty_lines_keep_the_spreadsheet_numbering(tmp_path):
    # Row 1 blank, header on row 2, row 4 blank, row 5 only empty cells (as Excel writes a
    # cleared row), row 6 blank: the spreadsheet shows WFC on row 3 and FNV on row 7.
    text = f"\n{HEADER}\n{WFC_ROW}\n\n,,,,\n\n{WFC_ROW.replace('WFC', 'FNV')}\n"
    rows = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert [(row.number, row.data["organisation"]) for row in rows] == [(3, "WFC"), (7, "FNV")]


def test_quoted_fields_with_delimiters_and_newlines(tmp_path):
    text = (
        "organisatie;afdeling;straat;huisnummer;postcode;plaats\n"
        '"Jansen; Zonen & Co";"Inkoop\nen verkoop";"Weg ""Oost""";1;2511 AB;Den Haag\n'
        "FNV;;Weg;2;2511 AB;Den Haag\n"
    )
    rows = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert rows[0].data["organisation"] == "Jansen; Zonen & Co"
    assert rows[0].data["department"] == "Inkoop\nen verkoop"
    assert rows[0].data["address"]["street"] == 'Weg "Oost"'
    assert [row.number for row in rows] == [2, 3]


@pytest.mark.parametrize(
    ("written", "form"),
    [
        ("mevrouw", "mevrouw"),
        ("Mevr.", "mevrouw"),
        ("mw.", "mevrouw"),
        ("dhr.", "heer"),
        ("De heer", "heer"),
        ("meneer", "heer"),
        ("neutraal", "neutraal"),
        ("", ""),
    ],
)
def test_aanhef_is_normalised(tmp_path, written, form):
    text = "aanhef,achternaam,straat,huisnummer,postcode,plaats\n"
    text += f"{written},Jansen,Weg,1,2511 AB,Den Haag\n"
    [row] = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert row.data["person"]["form"] == form
    assert row.valid


def test_unknown_aanhef_is_a_problem_of_that_column(tmp_path):
    text = "aanhef,achternaam,straat,huisnummer,postcode,plaats\n"
    text += "jonkheer,Jansen,Weg,1,2511 AB,Den Haag\n"
    [row] = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert row.messages() == [
        "rij 2, kolom ‘aanhef’: De aanhef ‘jonkheer’ is onbekend. Gebruik mevrouw, heer of "
        "neutraal, of laat de cel leeg."
    ]


def test_name_as_registered_yes_and_no(tmp_path):
    text = (
        "achternaam,tussenvoegsel,naam_zoals_geregistreerd,straat,postcode,plaats,land\n"
        "Meeren,Van der,ja,Wetstraat 16,1000,Brussel,BE\n"
        "Velde,van der,nee,Weg 1,2511 AB,Den Haag,\n"
    )
    rows = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert [row.data["person"]["name_as_registered"] for row in rows] == [True, False]


@pytest.mark.parametrize(
    ("land", "code"),
    [
        ("", "NL"),
        ("NL", "NL"),
        ("be", "BE"),
        ("Nederland", "NL"),
        ("België", "BE"),
        ("Belgie", "BE"),
        ("Duitsland", "DE"),
        ("Verenigd Koninkrijk", "GB"),
        ("Verenigde Staten", "US"),
        ("Netherlands", "NL"),
        ("Belgium", "BE"),
        ("Germany", "DE"),
        ("United Kingdom", "GB"),
        ("United States", "US"),
    ],
)
def test_country_names_become_iso_codes(tmp_path, land, code):
    text = f"organisatie,plaats,land\nFNV,Utrecht,{land}\n"
    [row] = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert row.data["address"]["country"] == code


def test_unknown_country_name_is_a_problem(tmp_path):
    text = "organisatie,straat,postcode,plaats,land\nFNV,Weg 1,1234,Nergens,Atlantis\n"
    [row] = read_addressees(write(tmp_path, "lijst.csv", text)).rows
    assert row.messages() == [
        "rij 2, kolom ‘land’: Het land ‘Atlantis’ is onbekend. Gebruik een landcode van twee "
        "letters, zoals NL, BE, DE of GB, of de naam van het land, zoals België."
    ]


def test_address_error_is_a_problem_of_the_row(tmp_path):
    path = write_csv(
        tmp_path,
        ["organisatie", "afdeling", "achternaam", "functie", "straat", "postcode", "plaats"],
        ["FNV", "", "", "", "", "2511 AB", "Den Haag"],
        [
            "FNV",
            "Callcenters\nen sector",
            "Verbeek",
            "bestuurder\nzorg",
            "Weg 1",
            "2511 AB",
            "Den Haag",
        ],
    )
    rows = read_addressees(path).rows
    assert rows[0].messages() == [
        "rij 2, kolom ‘straat’: Het adres is onvolledig: de straat (of de postbus) ontbreekt. "
        "Vul het adres aan."
    ]
    assert rows[1].messages() == [
        "rij 3: Het adresblok telt 7 regels; PostNL staat er hoogstens 6 toe. Maak het korter: "
        "zet de naam van de organisatie op één regel, of laat de afdeling of de functie weg."
    ]
    assert rows[1].problems[0][0] == "adres"


def test_hostile_text_comes_back_exactly(tmp_path):
    hostile = "& < > \" ' “ ” ’ {{ x }} {% if %} 🎉 Zoë"
    path = tmp_path / "lijst.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["organisatie", "achternaam", "straat", "postcode", "plaats"])
        writer.writerow([f"  {hostile}  ", hostile, "Weg 1", "2511 AB", "Den Haag"])
    [row] = read_addressees(path).rows
    assert row.data["organisation"] == "& < > \" ' “ ” ’ {{ x }} {% if %} 🎉 Zoë"
    assert row.data["person"]["surname"] == "& < > \" ' “ ” ’ {{ x }} {% if %} 🎉 Zoë"


def test_duplicate_and_nameless_columns_are_warnings(tmp_path):
    text = "plaats,woonplaats,organisatie,\nUtrecht,Zeist,FNV,iets\n"
    result = read_addressees(write(tmp_path, "lijst.csv", text))
    assert result.rows[0].data["address"]["city"] == "Utrecht"
    assert result.warnings == [
        "Kolom ‘woonplaats’ wordt genegeerd: kolom ‘plaats’ bevat dat gegeven al.",
        "Kolom D heeft geen kolomkop en wordt genegeerd. Zet een naam in de eerste rij als de "
        "gegevens nodig zijn.",
    ]


def test_file_without_known_columns_is_refused(tmp_path):
    with pytest.raises(ComposerError) as caught:
        read_addressees(
            write(tmp_path, "lijst.csv", "Jansen,Weg 1,Utrecht\nPietersen,Laan 2,Zeist\n")
        )
    assert caught.value.message.startswith("In ‘lijst.csv’ staat geen enkele bekende kolom.")


# --- file formats ----------------------------------------------------------------------------


def test_unsupported_extension_names_the_formats(tmp_path):
    with pytest.raises(ComposerError) as caught:
        read_addressees(write(tmp_path, "lijst.xls", "x"))
    assert caught.value.message == (
        "‘lijst.xls’ is geen adressenlijst die Composer kan lezen. Gebruik CSV (.csv, .txt), "
        "Excel-werkmap (.xlsx) of vCard (.vcf, .vcard); sla de lijst in Excel op als "
        "Excel-werkmap of als CSV."
    )


def test_missing_file_is_a_dutch_error(tmp_path):
    with pytest.raises(ComposerError, match="bestaat niet"):
        read_addressees(tmp_path / "weg.csv")


def test_corrupt_xlsx_is_a_dutch_error(tmp_path):
    path = tmp_path / "kapot.xlsx"
    path.write_bytes(os.urandom(2048))
    with pytest.raises(ComposerError) as caught:
        read_addressees(path)
    assert caught.value.message.startswith(
        "‘kapot.xlsx’ is geen leesbare Excel-werkmap (.xlsx): het bestand is beschadigd"
    )
    assert caught.value.__cause__ is None


# --- XLSX ------------------------------------------------------------------------------------


def write_xlsx(tmp_path: Path, *rows: list[object]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / "lijst.xlsx"
    workbook.save(path)
    return path


def test_xlsx_cells_are_data_and_numbers_become_text(tmp_path):
    path = write_xlsx(
        tmp_path,
        ["Organisatie", "Straat", "Huisnummer", "Postcode", "Plaats", "Land"],
        ['=HYPERLINK("http://voorbeeld.invalid","klik")', "Weg", 12, "2511 AB", "Den Haag", None],
        [],
        ["FNV", "Wetstraat", 16.0, 1000, "Brussel", "België"],
        ["CNV", "Weg", 3, 2511, "Den Haag", "NL"],
    )
    result = read_addressees(path)
    assert result.warnings == []
    first, second, third = result.rows
    assert first.data["organisation"] == '=HYPERLINK("http://voorbeeld.invalid","klik")'
    assert first.data["address"]["house_number"] == "12"
    assert first.data["address"]["country"] == "NL"
    assert first.valid
    assert (second.number, second.data["address"]["house_number"]) == (4, "16")
    assert second.data["address"]["postcode"] == "1000"
    assert second.valid
    assert third.messages() == [
        "rij 5, kolom ‘Postcode’: De postcode is ongeldig (‘2511’). Gebruik vier cijfers en twee "
        "letters, zoals 2511 AB."
    ]


def test_xlsx_hostile_text_comes_back_exactly(tmp_path):
    hostile = "& < > \" ' “ ” ’ {{ x }} 🎉"
    path = write_xlsx(
        tmp_path,
        ["organisatie", "straat", "postcode", "plaats"],
        [f" {hostile} ", "Weg 1", "2511 AB", "Den Haag"],
    )
    assert read_addressees(path).rows[0].data["organisation"] == "& < > \" ' “ ” ’ {{ x }} 🎉"


# --- vCard -----------------------------------------------------------------------------------

VCARD_3 = """BEGIN:VCARD
VERSION:3.0
N:van der Velde;Anna Maria;;;
FN:Anna Maria van der Velde
ORG:Gemeente Voorbeeldstad;Burgerzaken
TITLE:teamleider
ADR;TYPE=HOME:;;Thuisweg 1;Elders;;9999 ZZ;
ADR;TYPE=WORK:;;Voorbeeldstraat 12a;Voorbeeldstad;;1234 ab;Nederland
GENDER:F
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Stichting Voorbeeld
ORG:Stichting Voorbeeld
ADR:;;Wetstraat 16;Brussel;;1000;België
END:VCARD
"""

VCARD_4 = """BEGIN:VCARD
VERSION:4.0
FN:Norbert van Liemt
N:Liemt;Norbert;van;;
GENDER:M
ROLE:voorzitter
ADR;TYPE=work:Postbus 123;;;Den Haag;;2500 AA;NL
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Els Heemskerk
GENDER:F
ADR:;;Kerkstraat 5 bis;Utrecht;;3511 AB;
END:VCARD
BEGIN:VCARD
VERSION:4.0
N:Verbeek;Kim;;;
FN:Kim Verbeek
GENDER:O
ADR:;;Weg 1;Utrecht;;3511 AB;NL
END:VCARD
"""


def test_vcard_3_maps_org_n_title_and_the_work_address(tmp_path):
    result = read_addressees(write(tmp_path, "contacten.vcf", VCARD_3))
    assert result.warnings == []
    anna, foundation = result.rows
    assert (anna.number, anna.label, anna.valid) == (1, "vCard 1", True)
    assert anna.data == {
        "organisation": "Gemeente Voorbeeldstad",
        "department": "Burgerzaken",
        "person": {
            "form": "",  # vCard 3.0: GENDER is not read, and "Anna" is never a guess
            "initials": "A.M.",
            "first_name": "Anna Maria",
            "infix": "van der",
            "surname": "Velde",
            "name_as_registered": False,
        },
        "role": "teamleider",
        "address": {
            "street": "Voorbeeldstraat",
            "house_number": "12a",
            "postbox": "",
            "postcode": "1234 AB",
            "city": "Voorbeeldstad",
            "country": "NL",
        },
    }
    assert "person" not in foundation.data
    assert foundation.data["address"]["country"] == "BE"
    assert (foundation.data["address"]["street"], foundation.valid) == ("Wetstraat", True)


def test_vcard_4_gender_role_postbox_and_full_name(tmp_path):
    rows = read_addressees(write(tmp_path, "contacten.vcard", VCARD_4)).rows
    norbert, els, kim = rows
    assert norbert.data["person"] == {
        "form": "heer",
        "initials": "N.",
        "first_name": "Norbert",
        "infix": "van",
        "surname": "Liemt",
        "name_as_registered": False,
    }
    assert norbert.data["role"] == "voorzitter"
    assert norbert.data["address"]["postbox"] == "123"
    assert els.data["person"]["form"] == "mevrouw"
    assert (els.data["person"]["first_name"], els.data["person"]["surname"]) == ("Els", "Heemskerk")
    assert els.data["address"]["house_number"] == "5 bis"
    assert kim.data["person"]["form"] == "neutraal"
    assert all(row.valid for row in rows)


def test_vcard_problem_names_the_card_and_property(tmp_path):
    text = VCARD_4.replace("3511 AB;NL", "25110 AB;NL")
    rows = read_addressees(write(tmp_path, "contacten.vcf", text)).rows
    assert rows[2].messages() == [
        "vCard 3, veld ‘ADR’: De postcode is ongeldig (‘25110 AB’). Gebruik vier cijfers en twee "
        "letters, zoals 2511 AB."
    ]


def test_broken_vcard_names_the_card_number(tmp_path):
    text = VCARD_4.replace("FN:Els Heemskerk", "FN Els Heemskerk zonder dubbele punt")
    with pytest.raises(ComposerError) as caught:
        read_addressees(write(tmp_path, "contacten.vcf", text))
    assert caught.value.message == (
        "vCard 2 in ‘contacten.vcf’ is beschadigd en kan niet worden gelezen. Controleer die "
        "vCard, of exporteer de contacten opnieuw."
    )


@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("van der Velde", ("van der", "Velde")),
        ("Van den Berg", ("Van den", "Berg")),
        ("de Vries", ("de", "Vries")),
        ("in 't Veld", ("in 't", "Veld")),
        ("ter Horst", ("ter", "Horst")),
        ("d'Ancona", ("d'", "Ancona")),
        ("Jansen", ("", "Jansen")),
        ("de", ("", "de")),
        ("Jacobs-van Dijk", ("", "Jacobs-van Dijk")),
    ],
)
def test_split_infix(family, expected):
    assert split_infix(family) == expected


@pytest.mark.parametrize(
    ("given", "initials"),
    [("Norbert", "N."), ("Anna Maria", "A.M."), ("Jan-Willem", "J.W."), ("IJsbrand", "IJ.")],
)
def test_initials_from_given_names(given, initials):
    assert initials_of(given) == initials


@pytest.mark.parametrize(
    ("street", "country", "expected"),
    [
        ("Voorbeeldstraat 12a", "NL", ("Voorbeeldstraat", "12a", "")),
        ("Laan 1940-1945 7", "NL", ("Laan 1940-1945", "7", "")),
        ("Postbus 123", "NL", ("", "", "123")),
        ("Dorpsplein", "NL", ("Dorpsplein", "", "")),
        ("10 Downing Street", "GB", ("10 Downing Street", "", "")),
    ],
)
def test_split_street(street, country, expected):
    assert split_street(street, country) == expected
