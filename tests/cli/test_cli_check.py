"""`composer check`: B1 advice and spelling per paragraph, in Dutch or as JSON; never a block."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from composer.cli import main
from tests.conftest import run_composer

LONG = (
    "Een behoorlijk en duurzaam arbeidsvoorwaardenpakket binnen facilitaire contactcenters kan "
    "en mag niet enkel het vraagstuk voor de onderhandelende partijen zijn, zegt Roel Masselink, "
    "directeur van de KSF."
)
PASSIVE = (
    "In servicebelofte 5 worden de uitgangspunten voor samenwerking in de keten en goed "
    "opdrachtgeverschap vastgelegd. Derhalve vragen wij u om een spoedig akkoord."
)


def letter_file(tmp_path: Path, *texts: str) -> Path:
    body = [{"type": "paragraph", "text": text} for text in texts]
    body.insert(1, {"type": "promise", "number": 4})
    data = {
        "format": "composer-letter/1",
        "template": "persbericht",
        "date": "2022-10-17",
        "place": "Doorn",
        "subject": "Handreiking aan de onderhandelaars",
        "body": body,
        "signatories": [{"name": "Roel Masselink", "role": "directeur"}],
    }
    path = tmp_path / "brief.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_report_in_dutch_per_paragraph(tmp_path, capsys):
    assert main(["check", str(letter_file(tmp_path, LONG, PASSIVE))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Alinea 1: zin van 27 woorden (‘Een behoorlijk en duurzaam arbeidsvoorwaardenpakket "
        "binnen …’): maak er twee zinnen van."
    )
    assert "Alinea 1: ‘niet enkel’ is formeel: schrijf liever ‘niet alleen’." in lines
    assert lines.index("Alinea 3: lijdende vorm (‘worden … vastgelegd’): schrijf wie het doet.") < (
        lines.index("Alinea 3: ‘Derhalve’ is formeel: schrijf liever ‘daarom’.")
    )
    assert "Alinea 3: ‘spoedig’ is formeel: schrijf liever ‘snel’ of ‘gauw’." in lines
    assert any(line.startswith("Alinea 1: leesbaarheid ") for line in lines)
    assert lines[-2].startswith("Leesbaarheid van de brief (Flesch-Douma): ")
    assert lines[-2].endswith("; 3 zinnen, 50 woorden.")
    assert lines[-1] == "Dit is advies: u kunt de brief altijd bewaren en exporteren."


def test_json_is_a_list_of_findings_with_offsets_in_the_block_text(tmp_path, capsys):
    assert main(["check", "--json", str(letter_file(tmp_path, LONG, PASSIVE))]) == 0
    findings = json.loads(capsys.readouterr().out)
    texts = {0: LONG, 2: PASSIVE}
    assert {item["kind"] for item in findings} >= {"long_sentence", "passive", "formal_word"}
    for item in findings:
        assert set(item) == {"block", "start", "end", "kind", "message", "suggestions"}
        assert item["block"] in texts  # the promise (block 1) is not read
    marked = [
        (item["kind"], texts[item["block"]][item["start"] : item["end"]]) for item in findings
    ]
    assert ("long_sentence", LONG) in marked
    assert ("formal_word", "Derhalve") in marked
    passive = next(item for item in findings if item["kind"] == "passive")
    assert passive["block"] == 2
    assert PASSIVE[passive["start"] : passive["end"]].startswith("worden de uitgangspunten")
    derhalve = next(item for item in findings if item["message"].startswith("‘Derhalve’"))
    assert derhalve["suggestions"] == ["Daarom"]


def test_without_the_spelling_checker_the_advice_still_runs(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "composer.writing.spelling", None)  # import fails
    assert main(["check", str(letter_file(tmp_path, PASSIVE))]) == 0
    captured = capsys.readouterr()
    assert "Let op: de spelling is niet gecontroleerd" in captured.err
    assert "lijdende vorm (‘worden … vastgelegd’)" in captured.out


def test_a_misspelt_word_is_a_spelling_finding_with_suggestions(tmp_path, capsys):
    pytest.importorskip("composer.writing.spelling")
    text = "De klantcontactmedewrker helpt u graag."
    assert main(["check", "--json", str(letter_file(tmp_path, text))]) == 0
    findings = json.loads(capsys.readouterr().out)
    spelling = [item for item in findings if item["kind"] == "spelling"]
    assert [text[item["start"] : item["end"]] for item in spelling] == ["klantcontactmedewrker"]
    assert spelling[0]["message"] == "‘klantcontactmedewrker’ staat niet in het woordenboek."
    assert "klantcontactmedewerker" in spelling[0]["suggestions"]
    at_the_word = [item["kind"] for item in findings if item["start"] == spelling[0]["start"]]
    assert at_the_word == ["spelling"]  # not also a rare word


def test_one_sentence_is_counted_in_the_singular(tmp_path, capsys):
    assert main(["check", str(letter_file(tmp_path, "Wij bellen u morgen."))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-3].endswith("; 1 zin, 4 woorden.")
    assert lines[-2] == "Geen adviezen."


def test_the_command_as_a_person_runs_it(tmp_path):
    result = run_composer("check", str(letter_file(tmp_path, LONG)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Alinea 1: zin van 27 woorden")
    assert "Traceback" not in result.stderr


def test_a_bad_letter_file_is_a_dutch_message_without_traceback(tmp_path):
    broken = tmp_path / "kapot.json"
    broken.write_text('{"format": "composer-letter/1", "body": [', encoding="utf-8")
    result = run_composer("check", "--json", str(broken))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "is geen geldige JSON" in result.stderr
    assert result.stdout == ""
    missing = run_composer("check", str(tmp_path / "weg.json"))
    assert missing.returncode == 1
    assert "bestaat niet" in missing.stderr


def v2_letter_file(tmp_path: Path) -> Path:
    """A composer-letter/2 file: a heading, a paragraph with bold, a promise and a list."""
    data = {
        "format": "composer-letter/2",
        "template": "brief",
        "date": "2026-12-03",
        "place": "Doorn",
        "subject": "De schrijftafel",
        "body": [
            {"type": "heading", "text": "Derhalve een kop met een fuot"},
            {
                "type": "paragraph",
                "runs": [
                    {"text": "Wij sturen u "},
                    {"text": "middels", "bold": True},
                    {"text": " deze brief het onmiddelijk antwoord."},
                ],
            },
            {"type": "promise", "number": 4},
            {
                "type": "list",
                "style": "number",
                "items": [
                    {"text": "Het eerste punt."},
                    {"runs": [{"text": "Derhalve ", "italic": True}, {"text": "het tweede"}]},
                ],
            },
        ],
        "signatories": [{"name": "Roel Masselink", "role": "directeur"}],
    }
    path = tmp_path / "brief-v2.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


V2_TEXTS = {
    0: "Derhalve een kop met een fuot",
    1: "Wij sturen u middels deze brief het onmiddelijk antwoord.",
    3: "Het eerste punt.\nDerhalve het tweede",
}


def test_a_v2_letter_with_a_heading_and_a_list(tmp_path, capsys):
    pytest.importorskip("composer.writing.spelling")
    assert main(["check", "--json", str(v2_letter_file(tmp_path))]) == 0
    findings = json.loads(capsys.readouterr().out)
    for item in findings:
        assert set(item) == {"block", "start", "end", "kind", "message", "suggestions"}
    marked = [
        (item["block"], item["kind"], V2_TEXTS[item["block"]][item["start"] : item["end"]])
        for item in findings
    ]
    assert (0, "formal_word", "Derhalve") in marked
    assert (0, "spelling", "fuot") in marked
    assert (1, "formal_word", "middels") in marked  # the bold run is read as plain text
    assert (1, "spelling", "onmiddelijk") in marked
    assert (3, "formal_word", "Derhalve") in marked  # the second item: after the "\n"
    assert {block for block, _kind, _text in marked} == {0, 1, 3}  # not the promise
    fix = next(item for item in findings if item["kind"] == "spelling" and item["block"] == 1)
    assert "onmiddellijk" in fix["suggestions"]


def test_the_report_names_the_heading_and_the_list(tmp_path, capsys):
    assert main(["check", str(v2_letter_file(tmp_path))]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "Kop (blok 1): ‘Derhalve’ is formeel: schrijf liever ‘daarom’." in lines
    assert "Alinea 2: ‘middels’ is formeel: schrijf liever ‘met’ of ‘via’." in lines
    assert "Lijst (blok 4): ‘Derhalve’ is formeel: schrijf liever ‘daarom’." in lines


def test_the_office_word_list_of_the_library_with_woordenlijst(tmp_path, capsys, monkeypatch):
    pytest.importorskip("composer.writing.spelling")
    from composer.app.office_words import store_office_word
    from composer.storage.library import Library

    url = f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}"
    monkeypatch.setenv("COMPOSER_DATABASE_URL", url)
    with Library.open(url) as library:
        store_office_word(library, "fuot", author="Anna")
    letter = str(v2_letter_file(tmp_path))

    def spelt_wrong(*options: str) -> list[str]:
        assert main(["check", "--json", *options, letter]) == 0
        findings = json.loads(capsys.readouterr().out)
        return sorted(
            V2_TEXTS[item["block"]][item["start"] : item["end"]]
            for item in findings
            if item["kind"] == "spelling"
        )

    assert spelt_wrong() == ["fuot", "onmiddelijk"]  # the dictionary only
    assert spelt_wrong("--woordenlijst") == ["onmiddelijk"]
    assert spelt_wrong() == ["fuot", "onmiddelijk"]  # each run is on its own


def test_woordenlijst_without_a_library_warns_and_still_checks(tmp_path, capsys, monkeypatch):
    pytest.importorskip("composer.writing.spelling")
    monkeypatch.setenv("COMPOSER_DATABASE_URL", f"sqlite:///{tmp_path / 'geen' / 'map.sqlite'}")
    assert main(["check", "--woordenlijst", str(v2_letter_file(tmp_path))]) == 0
    captured = capsys.readouterr()
    assert "Let op: de woordenlijst van de bibliotheek is niet gebruikt: " in captured.err
    assert "‘fuot’ staat niet in het woordenboek." in captured.out
