"""Merged file names are limited in bytes, carry no bidi or control characters, and are all
checked before the first file is written."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from composer.errors import ComposerError
from composer.merge.filenames import (
    MAX_FILE_NAME_BYTES,
    check_file_names,
    cut_to_bytes,
    merge_file_stems,
    safe_name,
)
from tests.conftest import run_composer
from tests.docx_reading import body_paragraphs
from tests.merge.test_filenames import person

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
HEADER = "organisatie;voorletters;achternaam;straat;huisnummer;postcode;plaats"
CJK = "王秀英" * 27  # 81 characters, 243 bytes
EMOJI = "😀" * 80  # 80 characters, 320 bytes


def row(surname: str, organisation: str = "WFC") -> str:
    return f"{organisation};N.;{surname};Voorbeeldstraat;12;1234 AB;Voorbeeldstad"


def test_cjk_and_emoji_names_merge_completely_in_whole_characters(tmp_path):
    # Names that still fit the envelope window (a longer one is refused: see the next test);
    # the cut at the byte limit is tested on the stems below.
    cjk, emoji = CJK[:18], EMOJI[:18]
    source = tmp_path / "adressen.csv"
    rows = [row("Liemt"), row(cjk, "机构"), row(emoji, "😀 BV"), row("Mol")]
    source.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_composer("merge", str(SAMPLE), "--addressees", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    names = sorted(path.name for path in out.iterdir())
    assert len(names) == 4 and "Klaar: 4 brieven geschreven." in result.stderr
    assert all(len(name.encode("utf-8")) <= MAX_FILE_NAME_BYTES for name in names)
    assert names == [
        "01-Liemt-WFC.docx",
        f"02-{cjk}-机构.docx",
        f"03-{emoji}-😀-BV.docx",
        "04-Mol-WFC.docx",
    ]
    assert any(cjk in paragraph for paragraph in body_paragraphs(out / names[1]))


def test_names_too_wide_for_the_window_are_skipped_not_cut(tmp_path):
    # 81 CJK characters or 80 emoji are far wider than the window: such a row is skipped with
    # the window message, before any file is written, and the others are merged.
    source = tmp_path / "adressen.csv"
    rows = [row("Liemt"), row(CJK, "机构"), row(EMOJI, "😀 BV"), row("Mol")]
    source.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    out = tmp_path / "uit"
    command = ["merge", str(SAMPLE), "--addressees", str(source), "-o", str(out)]
    refused = run_composer(*command)
    assert refused.returncode == 1 and not out.exists()
    assert "2 geadresseerden zijn ongeldig; er is niets geschreven." in refused.stderr
    result = run_composer(*command, "--skip-invalid")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in out.iterdir()) == [
        "01-Liemt-WFC.docx",
        "02-Mol-WFC.docx",
        "overgeslagen.txt",
    ]
    report = (out / "overgeslagen.txt").read_text(encoding="utf-8")
    for label in ("rij 3", "rij 4"):
        assert f"{label}: De adresregel ‘T.a.v. N. " in report
    assert report.count("te lang voor het venster van de envelop") == 2


def test_a_bidi_override_never_reaches_a_file_name(tmp_path):
    source = tmp_path / "adressen.csv"
    source.write_text(HEADER + "\n" + row("Jansen\u202efdp.exe") + "\n", encoding="utf-8")
    out = tmp_path / "uit"
    result = run_composer("merge", str(SAMPLE), "--addressees", str(source), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert [path.name for path in out.iterdir()] == ["01-Jansenfdp.exe-WFC.docx"]


@pytest.mark.parametrize(
    "control",
    [
        *("\u202a", "\u202b", "\u202c", "\u202d", "\u202e"),  # embeddings and overrides
        *("\u2066", "\u2067", "\u2068", "\u2069"),  # isolates
        *("\u200e", "\u200f", "\u061c"),  # marks
        *("\u200b", "\ufeff", "\x85", "\ud800"),  # zero width, BOM, NEL, lone surrogate
    ],
)
def test_control_and_format_characters_are_dropped(control):
    assert safe_name(f"Jan{control}sen") == "Jansen"


def test_cut_to_bytes_keeps_whole_characters():
    assert cut_to_bytes("abc", 10) == "abc"
    assert cut_to_bytes("王秀英", 7) == "王秀"  # never half of a three-byte character
    assert cut_to_bytes("😀😀", 5) == "😀"
    # An accent or skin tone is not left without the character it belongs to, nor cut off it.
    assert cut_to_bytes("ae\u0301", 3) == "a"
    assert cut_to_bytes("x👍🏽", 6) == "x"


def test_stems_fit_the_byte_limit_with_any_extension_and_stay_unique():
    stems = merge_file_stems([person(EMOJI), person(CJK), person("CON")] * 40)
    assert len(set(stems)) == 120
    for stem in stems:
        assert len(f"{stem}.docx".encode()) <= MAX_FILE_NAME_BYTES
        assert unicodedata.is_normalized("NFC", stem)


def test_every_name_is_checked_before_anything_is_written(tmp_path):
    check_file_names([tmp_path / "01-a.docx", tmp_path / "02-a.docx"])
    for wrong in (
        [tmp_path / "01-a.docx", tmp_path / "01-A.docx"],  # the same where case does not count
        [tmp_path / ("01-" + "é" * 120 + ".docx")],  # 248 bytes: the temp name would not fit
        [tmp_path / "01-a\u202e.docx"],
        [tmp_path / ".verborgen.docx"],
    ):
        with pytest.raises(ComposerError, match="kan niet worden gebruikt; er is niets geschreven"):
            check_file_names(wrong)
