"""Address lists have limits (file size, addressees, columns, cell length) a user is told about,
and a list within them is read in little memory: a vCard PHOTO is never decoded."""

from __future__ import annotations

import base64
import io
import os
import time
import tracemalloc
import zipfile
from pathlib import Path

import openpyxl
import pytest

from composer.cli import main
from composer.errors import ComposerError
from composer.merge import limits
from composer.merge.sources import read_addressees
from composer.merge.xlsx_source import read_xlsx_table

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
HEADER = "organisatie;voorletters;achternaam;straat;huisnummer;postcode;plaats"
ROW = "WFC;N.;Liemt;Voorbeeldstraat;12;1234 AB;Voorbeeldstad"
CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Liemt;Norbert;van;;\r\nFN:Norbert van Liemt\r\n"
    "ORG:WFC\r\nADR;TYPE=WORK:;;Voorbeeldstraat 12a;Voorbeeldstad;;1234 AB;Nederland\r\n"
    "{extra}END:VCARD\r\n"
)


def merge(tmp_path: Path, source: Path, capsys) -> tuple[int, str]:
    """`composer merge` in this process (so a limit can be lowered); exit code and stderr."""
    code = main(["merge", str(SAMPLE), "--addressees", str(source), "-o", str(tmp_path / "uit")])
    return code, capsys.readouterr().err


def folded(value: str) -> str:
    return "\r\n ".join(value[i : i + 74] for i in range(0, len(value), 74))


# --- vCard -----------------------------------------------------------------------------------


def test_a_10_mb_photo_is_not_decoded_and_the_contact_is_read(tmp_path):
    photo = base64.b64encode(os.urandom(7_500_000)).decode()  # 10 MB of base64
    source = tmp_path / "contacten.vcf"
    source.write_text(
        CARD.format(extra=f"PHOTO;ENCODING=b;TYPE=JPEG:{folded(photo)}\r\n"), newline=""
    )
    assert source.stat().st_size > 10_000_000
    tracemalloc.start()
    try:
        started = time.monotonic()
        result = read_addressees(source)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024  # vobject used 1.5 GB decoding it
    assert time.monotonic() - started < 20
    [row] = result.rows
    assert row.valid, row.messages()
    assert row.data["organisation"] == "WFC"
    assert row.data["person"]["surname"] == "Liemt"
    assert row.data["address"]["street"] == "Voorbeeldstraat"


def test_logo_sound_key_and_notes_are_skipped_too(tmp_path):
    extra = (
        "item1.LOGO;ENCODING=BASE64;TYPE=PNG:\r\n  iVBORw0KGgo=\r\n  AAAA\r\n"
        "SOUND;VALUE=uri:https://example.org/naam.ogg\r\n"
        "KEY;ENCODING=b:" + folded("A" * 5000) + "\r\n"
        "NOTE:" + "x" * 50_000 + "\r\n"
    )
    source = tmp_path / "contacten.vcf"
    source.write_text(CARD.format(extra=extra), newline="")
    [row] = read_addressees(source).rows
    assert row.valid, row.messages()
    assert row.data["person"]["surname"] == "Liemt"


def test_more_vcards_than_the_limit_stop_early_with_the_limit_named(tmp_path):
    source = tmp_path / "contacten.vcf"
    source.write_text(CARD.format(extra="") * (limits.MAX_ROWS + 1), newline="")
    started = time.monotonic()
    with pytest.raises(ComposerError) as caught:
        read_addressees(source)
    assert time.monotonic() - started < 20
    assert caught.value.message.startswith(
        "‘contacten.vcf’ bevat meer dan 10.000 geadresseerden; Composer leest hoogstens 10.000 "
        "geadresseerden uit één lijst."
    )


def test_a_too_long_vcard_field_is_a_problem_of_that_card(tmp_path, capsys):
    cards = CARD.format(extra="") + CARD.replace("ORG:WFC", "ORG:" + "W" * 1001).format(extra="")
    cards += CARD.replace("ORG:WFC", "ORG:" + folded("W" * 50_000)).format(extra="")
    source = tmp_path / "contacten.vcf"
    source.write_text(cards, newline="")
    code, errors = merge(tmp_path, source, capsys)
    assert code == 1
    for number in (2, 3):
        assert (
            f"vCard {number}, veld ‘ORG’: De tekst is te lang: hoogstens 1.000 tekens zijn "
            "toegestaan. Maak de tekst korter." in errors
        )
    assert "vCard 1" not in errors
    assert not (tmp_path / "uit").exists()


# --- size and rows ---------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path, capsys):
    source = tmp_path / "adressen.csv"
    source.write_text(f"{HEADER}\n{ROW}\n" + " " * limits.MAX_FILE_BYTES, encoding="utf-8")
    code, errors = merge(tmp_path, source, capsys)
    assert code == 1
    assert errors.strip() == (
        "composer: De adressenlijst ‘adressen.csv’ is te groot (20,1 MB); een adressenlijst mag "
        "hoogstens 20 MB zijn. Splits de lijst in kleinere lijsten, of exporteer de contacten "
        "zonder foto's."
    )
    assert not (tmp_path / "uit").exists()


def test_more_rows_than_the_limit_are_refused_naming_the_limit(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 5)
    source = tmp_path / "adressen.csv"
    source.write_text("\n".join([HEADER, *[ROW] * 6]) + "\n", encoding="utf-8")
    code, errors = merge(tmp_path, source, capsys)
    assert code == 1
    assert "‘adressen.csv’ bevat meer dan 5 geadresseerden; Composer leest hoogstens 5" in errors
    assert not (tmp_path / "uit").exists()
    # Exactly the limit is fine, and blank lines do not count.
    source.write_text("\n".join([HEADER, *[ROW, ""] * 5]) + "\n", encoding="utf-8")
    assert len(read_addressees(source).rows) == 5


def test_an_xlsx_over_the_row_limit_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ROWS", 3)
    workbook = openpyxl.Workbook()
    for cells in [HEADER.split(";"), *[ROW.split(";")] * 4]:
        workbook.active.append(cells)
    workbook.save(tmp_path / "adressen.xlsx")
    with pytest.raises(ComposerError, match="bevat meer dan 3 geadresseerden"):
        read_addressees(tmp_path / "adressen.xlsx")


def test_a_too_long_cell_is_a_problem_of_that_row(tmp_path, capsys):
    long_street = ROW.replace("Voorbeeldstraat", "V" * 1001)
    source = tmp_path / "adressen.csv"
    source.write_text("\n".join([HEADER, ROW, long_street]) + "\n", encoding="utf-8")
    code, errors = merge(tmp_path, source, capsys)
    assert code == 1
    assert (
        "rij 3, kolom ‘straat’: De tekst is te lang: hoogstens 1.000 tekens zijn toegestaan. "
        "Maak de tekst korter." in errors
    )
    assert "rij 2" not in errors
    assert not (tmp_path / "uit").exists()


def test_a_cell_too_long_for_the_csv_reader_names_the_limit(tmp_path):
    source = tmp_path / "adressen.csv"
    huge = ROW.replace("Voorbeeldstraat", '"' + "V" * 200_000 + '"')
    source.write_text("\n".join([HEADER, ROW, huge]) + "\n", encoding="utf-8")
    with pytest.raises(ComposerError) as caught:
        read_addressees(source)
    assert caught.value.message == (
        "‘adressen.csv’, regel 3: een cel is veel langer dan 1.000 tekens, het maximum. "
        "Maak de tekst in die cel korter."
    )


# --- XLSX ------------------------------------------------------------------------------------


def test_a_cell_far_to_the_right_does_not_widen_every_row(tmp_path):
    """One value in column XFD made openpyxl return 16,384 cells for every row."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(";"))
    for number in range(2, 402):
        sheet.append(ROW.split(";"))
        sheet.cell(row=number, column=16_384, value="x")
    workbook.save(tmp_path / "breed.xlsx")
    raw = (tmp_path / "breed.xlsx").read_bytes()
    tracemalloc.start()
    try:
        table = read_xlsx_table(raw, "breed.xlsx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024  # 400 rows of 16,384 cells took 55 MB
    assert len(table.rows) == 400 and max(len(cells) for _, cells in table.rows) == 7
    result = read_addressees(tmp_path / "breed.xlsx")
    assert len(result.rows) == 400 and all(row.valid for row in result.rows)
    assert result.warnings == []  # column XFD is past the limit: not read at all

    sheet.cell(row=2, column=limits.MAX_COLUMNS + 1, value="te ver")
    workbook.save(tmp_path / "breed.xlsx")
    assert read_addressees(tmp_path / "breed.xlsx").warnings == [
        "Composer leest hoogstens 200 kolommen; kolom GS en verder worden genegeerd."
    ]


def test_an_xlsx_that_unpacks_too_large_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_XLSX_UNPACKED_BYTES", 1024 * 1024)
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER.split(";"))
    workbook.active.append(ROW.split(";"))
    plain = io.BytesIO()
    workbook.save(plain)
    bomb = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data += b" " * (2 * 1024 * 1024)  # whitespace after the root: still valid XML
            out.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 100_000
    with pytest.raises(ComposerError) as caught:
        read_addressees(bomb)
    assert caught.value.message == (
        "De werkmap ‘bom.xlsx’ bevat uitgepakt meer dan 1 MB aan gegevens en wordt niet gelezen. "
        "Zet alleen de adressen in een nieuwe werkmap, of sla de lijst op als CSV."
    )
