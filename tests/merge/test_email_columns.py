"""E-mail addresses from address lists: a CSV or Excel column, a vCard's EMAIL."""

from __future__ import annotations

import openpyxl
import pytest

from composer.core.models import ADDRESSEE_KEYS
from composer.merge.columns import COLUMNS
from composer.merge.sources import read_addressees

BAD = "Het e-mailadres ‘jan@voorbeeld’ is ongeldig. Schrijf het als naam@organisatie.nl."
ADDRESS = "Voorbeeldstraat;12a;1234 AB;Voorbeeldstad"


def write_csv(tmp_path, header: str, *emails: str):
    lines = [f"organisatie;achternaam;{header};straat;huisnummer;postcode;plaats"]
    lines += [f"WFC;Liemt;{email};{ADDRESS}" for email in emails]
    path = tmp_path / "adressen.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_addressee_field_has_a_column():
    paths = {path for path, _dutch, _english, _others in COLUMNS}
    assert {key for key in ADDRESSEE_KEYS if key not in ("person", "address")} <= paths


@pytest.mark.parametrize(
    "header", ["e-mail", "E-mail", "email", "e-mailadres", "E-mailadres", "emailadres", "Mail"]
)
def test_the_email_column_goes_by_several_names(tmp_path, header):
    source = read_addressees(write_csv(tmp_path, header, "n.vanliemt@wfc.voorbeeld.nl"))
    assert source.warnings == []
    [row] = source.rows
    assert row.valid, row.messages()
    assert row.addressee().email == "n.vanliemt@wfc.voorbeeld.nl"


def test_an_empty_email_cell_is_no_problem_and_spaces_around_it_go(tmp_path):
    source = read_addressees(write_csv(tmp_path, "e-mail", "", " e.heemskerk@fnv.voorbeeld.nl "))
    assert [row.messages() for row in source.rows] == [[], []]
    assert [row.addressee().email for row in source.rows] == ["", "e.heemskerk@fnv.voorbeeld.nl"]
    assert "email" not in source.rows[0].data  # as the letter file: only when given


def test_an_invalid_email_address_names_the_row_and_column(tmp_path):
    source = read_addressees(write_csv(tmp_path, "E-mailadres", "jan@voorbeeld"))
    [row] = source.rows
    assert row.messages() == [f"rij 2, kolom ‘E-mailadres’: {BAD}"]
    assert source.valid_rows == []


def test_an_excel_list_has_the_email_column_too(tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Organisatie", "Achternaam", "E-mail", "Straat", "Huisnummer", "Postcode"])
    sheet.append(["WFC", "Liemt", "n.vanliemt@wfc.voorbeeld.nl", "Voorbeeldstraat", "12a"])
    sheet.append(["FNV", "Heemskerk", "jan@voorbeeld", "Voorbeeldstraat", "1"])
    for cells in sheet.iter_rows(min_row=2, min_col=6, max_col=7):
        cells[0].value = "1234 AB"
    sheet["G1"], sheet["G2"], sheet["G3"] = "Plaats", "Voorbeeldstad", "Voorbeeldstad"
    path = tmp_path / "adressen.xlsx"
    workbook.save(path)
    first, second = read_addressees(path).rows
    assert first.valid, first.messages()
    assert first.addressee().email == "n.vanliemt@wfc.voorbeeld.nl"
    assert second.messages() == [f"rij 3, kolom ‘E-mail’: {BAD}"]


VCARDS = """BEGIN:VCARD
VERSION:3.0
N:Liemt;Norbert;van;;
ORG:WFC
EMAIL;TYPE=INTERNET,HOME:thuis@voorbeeld.nl
EMAIL;TYPE=INTERNET,PREF:n.vanliemt@wfc.voorbeeld.nl
ADR;TYPE=WORK:;;Voorbeeldstraat 12a;Voorbeeldstad;;1234 AB;Nederland
END:VCARD
BEGIN:VCARD
VERSION:4.0
FN:Elly Heemskerk
EMAIL;TYPE=home:elly@thuis.voorbeeld.nl
EMAIL;PREF=1:e.heemskerk@fnv.voorbeeld.nl
ADR:;;Voorbeeldstraat 1;Voorbeeldstad;;1234 AB;NL
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Roderik Mol
EMAIL;TYPE=X400:r.mol.x400@voorbeeld.nl
EMAIL;TYPE=INTERNET:r.mol@cnvvakmensen.voorbeeld.nl
ADR:;;Proefweg 1;Proefdorp;;9998 ZX;NL
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Ron Harmsen
EMAIL:r.harmsen@qlix.voorbeeld.nl
EMAIL:ander@qlix.voorbeeld.nl
ADR:;;Testlaan 100-B;Voorbeeldstad;;9997 ZX;NL
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Piet Bakker
ADR:;;Dorpsstraat 1;Doorn;;3941 AA;NL
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Jan Jansen
EMAIL:jan@voorbeeld
ADR:;;Dorpsstraat 1;Doorn;;3941 AA;NL
END:VCARD
"""


def test_a_vcard_gives_its_preferred_internet_or_first_email(tmp_path):
    path = tmp_path / "contacten.vcf"
    path.write_text(VCARDS, encoding="utf-8")
    rows = read_addressees(path).rows
    assert [row.messages() for row in rows[:5]] == [[]] * 5
    assert [row.addressee().email for row in rows[:5]] == [
        "n.vanliemt@wfc.voorbeeld.nl",  # TYPE=PREF (3.0)
        "e.heemskerk@fnv.voorbeeld.nl",  # PREF=1 (4.0)
        "r.mol@cnvvakmensen.voorbeeld.nl",  # the INTERNET one
        "r.harmsen@qlix.voorbeeld.nl",  # the first
        "",  # none
    ]
    assert rows[5].messages() == [f"vCard 6, veld ‘EMAIL’: {BAD}"]
