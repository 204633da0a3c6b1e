"""Differences in marked text, lists and headings: named in Dutch, never as JSON."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from composer.core.letterfile import letter_from_dict, letter_to_dict, load_letter
from composer.history.diff import FieldChange, WordChange, diff_letters, format_diff
from tests.history.redline_checks import random_versions

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
FIRST = (
    "De Klantenservice Federatie (KSF) zit zelf niet aan de onderhandelingstafel voor de cao "
    "Facilitaire Contactcenters."
)
LIST = {
    "type": "list",
    "style": "bullet",
    "items": [
        {"text": "Wij nemen de telefoon binnen twee minuten op."},
        {"runs": [{"text": "Wij bellen "}, {"text": "altijd", "bold": True}, {"text": " terug."}]},
        {"text": "Wij beantwoorden een e-mail binnen drie werkdagen."},
    ],
}
HEADING = {"type": "heading", "text": "Wat wij van de opdrachtgevers vragen"}


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    """The sample letter with a heading first and a bullet list as block 3."""
    data = letter_to_dict(load_letter(SAMPLE))
    data["body"].insert(0, copy.deepcopy(HEADING))
    data["body"].insert(2, copy.deepcopy(LIST))
    data["body"][1] = {"type": "paragraph", "text": FIRST}
    return data


def edited(base: dict[str, Any], edit: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    new = copy.deepcopy(base)
    edit(new)
    return new


def runs(*parts: str | tuple[str, str]) -> list[dict[str, Any]]:
    """`runs("Wij bellen ", ("altijd", "bold"), " terug.")`: the file form of marked text."""
    result = []
    for part in parts:
        text, marks = (part, "") if isinstance(part, str) else part
        result.append({"text": text, **{mark: True for mark in marks.split()}})
    return result


def set_runs(block: dict[str, Any], parts: list[dict[str, Any]]) -> None:
    block.pop("text", None)
    block["runs"] = copy.deepcopy(parts)


def lines(changes: list[FieldChange]) -> list[str]:
    return format_diff(changes).splitlines()


# --- marks ----------------------------------------------------------------------------------------


def test_a_word_made_bold_is_named_not_shown_as_json(base):
    parts = runs("De ", ("Klantenservice Federatie", "bold"), FIRST[27:])
    new = edited(base, lambda d: set_runs(d["body"][1], parts))
    [change] = diff_letters(base, new)
    assert (change.path, change.label, change.kind) == ("body[1].text", "Alinea 2", "changed")
    assert (change.old, change.new, change.words) == (FIRST, FIRST, ())
    assert [mark.describe() for mark in change.marks] == ["‘Klantenservice Federatie’ vet gemaakt"]
    assert lines([change]) == ["Alinea 2: gewijzigd", "  ‘Klantenservice Federatie’ vet gemaakt"]


@pytest.mark.parametrize(
    ("old_marks", "new_marks", "described"),
    [
        ("italic", "", ["‘onmiddellijk’ niet meer cursief"]),
        ("", "bold italic", ["‘onmiddellijk’ vet en cursief gemaakt"]),
        ("", "underline", ["‘onmiddellijk’ onderstreept"]),
        ("", "bold underline", ["‘onmiddellijk’ vet gemaakt en onderstreept"]),
        ("bold underline", "", ["‘onmiddellijk’ niet meer vet en onderstreept"]),
        ("bold", "italic", ["‘onmiddellijk’ cursief gemaakt", "‘onmiddellijk’ niet meer vet"]),
    ],
)
def test_marks_gained_and_lost_in_dutch(base, old_marks, new_marks, described):
    def marked(marks: str) -> dict[str, Any]:
        parts = ("Wij betalen het bedrag ", ("onmiddellijk", marks), " terug.")
        return {"type": "paragraph", "runs": runs(*parts)}

    old = edited(base, lambda d: d["body"].insert(4, marked(old_marks)))
    new = edited(base, lambda d: d["body"].insert(4, marked(new_marks)))
    [change] = diff_letters(old, new)
    assert change.label == "Alinea 5" and change.words == ()
    assert [mark.describe() for mark in change.marks] == described


def test_text_changed_in_marked_paragraph_is_a_word_diff_of_its_plain_text(base):
    parts = runs("De ", ("Klantenservice Federatie", "bold"), FIRST[27:])
    old = edited(base, lambda d: set_runs(d["body"][1], parts))
    new = copy.deepcopy(old)
    new["body"][1]["runs"][2]["text"] = FIRST[27:].replace("zit zelf niet", "zit niet")
    [change] = diff_letters(old, new)
    assert change.path == "body[1].text" and change.marks == ()
    assert "".join(w.text for w in change.words if w.kind != "insert") == FIRST
    assert lines([change]) == [
        "Alinea 2: gewijzigd",
        "  De Klantenservice Federatie (KSF) zit [-zelf -]niet aan de onderhandelingstafel voor "
        "de cao Facilitaire Contactcenters.",
    ]
    assert "runs" not in format_diff([change]) and "bold" not in format_diff([change])


def test_words_typed_inside_a_stretch_made_italic_join_it(base):
    text = "Wij begrijpen dat er grote dilemma’s op tafel liggen."
    old = edited(base, lambda d: d["body"].insert(4, {"type": "paragraph", "text": text}))
    marked = runs(("Wij snappen dat", "italic"), " er grote dilemma’s op tafel liggen.")
    new = edited(base, lambda d: d["body"].insert(4, {"type": "paragraph", "runs": marked}))
    assert lines(diff_letters(old, new)) == [
        "Alinea 5: gewijzigd",
        "  Wij [-begrijpen-]{+snappen+} dat er grote dilemma’s op tafel liggen.",
        "  ‘Wij snappen dat’ cursief gemaakt",
    ]


def test_typed_words_never_were_italic_so_they_do_not_lose_it(base):
    rest = " er grote dilemma’s op tafel liggen."
    old_runs, new_runs = runs(("Wij begrijpen dat", "italic"), rest), runs("Wij snappen dat" + rest)
    old = edited(base, lambda d: d["body"].insert(4, {"type": "paragraph", "runs": old_runs}))
    new = edited(base, lambda d: d["body"].insert(4, {"type": "paragraph", "runs": new_runs}))
    [change] = diff_letters(old, new)
    assert [m.describe() for m in change.marks] == [
        "‘Wij’ niet meer cursief",
        "‘dat’ niet meer cursief",
    ]


def test_switching_between_text_and_runs_form_is_no_change(base):
    """`{"text"}` and `{"runs"}` without marks are the same paragraph; a mark is one change."""
    parts = runs("De Klantenservice Federatie", FIRST[27:])
    same = edited(base, lambda d: set_runs(d["body"][1], parts))
    assert diff_letters(base, same) == []
    assert diff_letters(same, base) == []
    marked = copy.deepcopy(same)
    marked["body"][1]["runs"][0]["italic"] = True
    changes = diff_letters(marked, base)
    assert [(c.path, c.kind) for c in changes] == [("body[1].text", "changed")]
    assert [m.describe() for m in changes[0].marks] == [
        "‘De Klantenservice Federatie’ niet meer cursief"
    ]


def test_a_v1_letter_compared_with_itself_as_v2_shows_no_change(base):
    v1 = json.loads(SAMPLE.read_text(encoding="utf-8"))
    v1["format"] = "composer-letter/1"
    v2 = letter_to_dict(letter_from_dict(copy.deepcopy(v1)))
    assert v2["format"] == "composer-letter/2"
    assert diff_letters(v1, v2) == [] and diff_letters(v2, v1) == []
    assert diff_letters(letter_from_dict(v1), load_letter(SAMPLE)) == []
    assert format_diff(diff_letters(v1, v2)) == "Geen verschillen."


# --- lists ----------------------------------------------------------------------------------------


def test_list_item_added_removed_and_changed_are_named_by_list_and_number(base):
    def edit(d: dict[str, Any]) -> None:
        items = d["body"][2]["items"]
        items[0]["text"] = "Wij nemen de telefoon binnen één minuut op."
        del items[2]
        items.append({"runs": runs("Wij ", ("luisteren", "italic"), " naar klachten.")})

    assert lines(diff_letters(base, edited(base, edit))) == [
        "Lijst (blok 3), punt 1: gewijzigd",
        "  Wij nemen de telefoon binnen [-twee minuten-]{+één minuut+} op.",
        "Lijst (blok 3), punt 3: verwijderd",
        "  [-Wij beantwoorden een e-mail binnen drie werkdagen.-]",
        "Lijst (blok 3), punt 3: toegevoegd",
        "  {+Wij luisteren naar klachten.+}",
    ]


def test_a_mark_in_a_list_item_is_named(base):
    new = edited(base, lambda d: d["body"][2]["items"][1]["runs"][1].pop("bold"))
    [change] = diff_letters(base, new)
    assert (change.path, change.label) == ("body[2].items[1]", "Lijst (blok 3), punt 2")
    assert [m.describe() for m in change.marks] == ["‘altijd’ niet meer vet"]


def test_bullets_becoming_numbers_is_named(base):
    [change] = diff_letters(base, edited(base, lambda d: d["body"][2].update(style="number")))
    assert (change.path, change.label, change.old, change.new) == (
        "body[2].style",
        "Lijst (blok 3)",
        "bullet",
        "number",
    )
    assert change.words == (
        WordChange("delete", "opsomming"),
        WordChange("insert", "genummerde lijst"),
    )
    assert lines([change]) == ["Lijst (blok 3): gewijzigd", "  [-opsomming-]{+genummerde lijst+}"]


def test_a_list_added_shows_its_items_as_lines(base):
    numbered = {"type": "list", "style": "number", "items": [{"text": "Eerst bellen."},
                {"runs": runs(("Dan", "bold"), " mailen.")}]}  # fmt: skip
    new = edited(base, lambda d: d["body"].append(numbered))
    assert lines(diff_letters(base, new)) == [
        f"Lijst (blok {len(new['body'])}): toegevoegd",
        "  {+Eerst bellen.",
        "  Dan mailen.+}",
    ]


def test_moving_a_list_is_still_a_move(base):
    def move(d: dict[str, Any]) -> None:
        d["body"].insert(6, d["body"].pop(2))

    changes = diff_letters(base, edited(base, move))
    assert [(c.path, c.label, c.kind) for c in changes] == [
        ("body[2]", "Lijst (blok 3)", "removed"),
        ("body[6]", "Lijst (blok 7)", "added"),
    ]
    assert changes[0].old == LIST and changes[1].new == LIST


# --- headings -------------------------------------------------------------------------------------


def test_a_heading_changed_added_and_removed(base):
    new = edited(base, lambda d: d["body"][0].update(text="Wat wij van u vragen"))
    assert lines(diff_letters(base, new)) == [
        "Kop (blok 1): gewijzigd",
        "  Wat wij van [-de opdrachtgevers-]{+u+} vragen",
    ]
    added = edited(base, lambda d: d["body"].insert(4, {"type": "heading", "text": "Tot slot"}))
    assert lines(diff_letters(base, added)) == ["Kop (blok 5): toegevoegd", "  {+Tot slot+}"]
    assert lines(diff_letters(added, base)) == ["Kop (blok 5): verwijderd", "  [-Tot slot-]"]


def test_a_paragraph_made_a_heading_is_one_block_that_changed_kind(base):
    new = edited(base, lambda d: d["body"][1].update(type="heading"))
    [change] = diff_letters(base, new)
    assert (change.path, change.label, change.old, change.new) == (
        "body[1].type",
        "Kop (blok 2)",
        "paragraph",
        "heading",
    )
    assert lines([change]) == ["Kop (blok 2): gewijzigd", "  [-alinea-]{+kop+}"]


# --- property: random edits of marks, lists and headings ---------------------------------------

RICH_EDITS = [
    "woorden gemarkeerd",
    "opmaak verwijderd",
    "lijst toegevoegd",
    "lijst verwijderd",
    "lijstpunt toegevoegd",
    "lijstpunt verwijderd",
    "lijstpunt gewijzigd",
    "lijstsoort gewijzigd",
    "kop toegevoegd",
    "alinea of kop",
    "woorden vervangen",
    "blok verplaatst",
]


@pytest.mark.parametrize("seed", range(60))
def test_random_edits_are_described_in_words_never_as_data(base, seed):
    """Every change names its block in Dutch; word runs rebuild both plain texts; the command
    line text holds no file syntax; the letter compared with itself has no change."""
    old, new, edits = random_versions(seed, base, RICH_EDITS)
    assert diff_letters(new, copy.deepcopy(new)) == []
    changes = diff_letters(old, new)
    text = format_diff(changes)
    for syntax in ('"runs"', "'runs'", "'bold'", "'text'", "{'", "True"):
        assert syntax not in text, (edits, text)
    for change in changes:
        assert change.label.split()[0] in LABEL_WORDS, (edits, change.label)
        renamed = change.path.endswith((".style", ".type"))  # in words: "opsomming", "kop"
        if change.words and change.kind == "changed" and not renamed:
            assert "".join(w.text for w in change.words if w.kind != "insert") == change.old
            assert "".join(w.text for w in change.words if w.kind != "delete") == change.new
        assert change.words or change.marks or change.kind != "changed" or change.old != change.new


LABEL_WORDS = {"Alinea", "Kop", "Lijst", "Citaat", "Servicebelofte", "Blok"}


# --- the command line -----------------------------------------------------------------------------


def test_letters_diff_and_redline_on_the_command_line(tmp_path):
    """A /1 letter file, then the same letter with a word made bold and a numbered list."""
    env = {**os.environ, "COMPOSER_DATABASE_URL": f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}"}

    def composer(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "composer", *args],
            cwd=REPO, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        return result.stdout

    first = json.loads(SAMPLE.read_text(encoding="utf-8"))
    first["format"] = "composer-letter/1"
    second = copy.deepcopy(first)
    second["format"] = "composer-letter/2"
    rest = first["body"][0]["text"][len("De Klantenservice Federatie") :]
    set_runs(second["body"][0], runs("De ", ("Klantenservice Federatie", "bold"), rest))
    items = [{"text": "Een code voor verantwoord marktgedrag."}, {"text": "Eerlijke tarieven."}]
    second["body"].insert(1, {"type": "list", "style": "number", "items": items})
    paths = [tmp_path / "versie-1.json", tmp_path / "versie-2.json"]
    for path, data in zip(paths, (first, second), strict=True):
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert composer("letters", "add", str(paths[0]), "--author", "Anna") == "1\n"
    assert (
        composer("letters", "save", "1", str(paths[1]), "--author", "Bert", "--base", "1") == "2\n"
    )
    assert composer("letters", "diff", "1", "1", "2").splitlines() == [
        "Alinea 1: gewijzigd",
        "  ‘Klantenservice Federatie’ vet gemaakt",
        "Lijst (blok 2): toegevoegd",
        "  {+Een code voor verantwoord marktgedrag.",
        "  Eerlijke tarieven.+}",
    ]
    out = tmp_path / "vergelijking.docx"
    composer("letters", "redline", "1", "1", "2", "-o", str(out))
    document = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    namespaces = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    [changed] = document.xpath("//w:r[w:rPr/w:rPrChange]", namespaces=namespaces)
    assert "".join(changed.xpath("w:t/text()", namespaces=namespaces)) == "Klantenservice Federatie"
    inserted = document.xpath("//w:p[w:pPr/w:numPr][w:pPr/w:rPr/w:ins]", namespaces=namespaces)
    assert len(inserted) == 2
