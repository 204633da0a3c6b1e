"""The difference between two versions of a letter: fields, aligned blocks, word runs, CLI text."""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from composer.core.letterfile import letter_to_dict, load_letter
from composer.history.diff import FieldChange, WordChange, diff_letters, format_diff, word_diff

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SUBJECT = "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"
PARTNER = {
    "organisation": "FNV Callcenters",
    "department": "",
    "role": "",
    "address": {"street": "Hertogswetering", "house_number": "159", "postbox": "",
                "postcode": "3543 AS", "city": "Utrecht", "country": "NL"},
}  # fmt: skip
PERSON = {"form": "heer", "initials": "N.", "first_name": "Norbert", "infix": "van",
          "surname": "Liemt", "name_as_registered": False}  # fmt: skip
NEW_PARAGRAPH = {"type": "paragraph", "text": "Eerst dit: wij zijn blij met uw inzet."}


@pytest.fixture(scope="module")
def base() -> dict[str, Any]:
    return letter_to_dict(load_letter(SAMPLE))


def edited(base: dict[str, Any], edit: Callable[[dict[str, Any]], object]) -> dict[str, Any]:
    new = copy.deepcopy(base)
    edit(new)
    return new


def summary(changes: list[FieldChange]) -> list[tuple[str, str, str, object, object]]:
    return [(c.path, c.label, c.kind, c.old, c.new) for c in changes]


def move_block(body: list[dict], old_index: int, new_index: int, text: str | None = None) -> None:
    block = body.pop(old_index)
    if text is not None:
        block["text"] = text
    body.insert(new_index, block)


def text_of(base: dict[str, Any], index: int) -> str:
    return base["body"][index]["text"]


FIELD_CASES = [
    (
        "subject changed",
        lambda d: d.update(subject="Handreiking aan de partijen cao Facilitaire Contactcenters"),
        lambda b: [
            (
                "subject",
                "Betreft",
                "changed",
                SUBJECT,
                SUBJECT.replace("onderhandelaars", "partijen"),
            )
        ],
    ),
    (
        "postcode changed",
        lambda d: d["addressees"][0]["address"].update(postcode="2511 AB"),
        lambda b: [
            (
                "addressees[0].address.postcode",
                "Postcode van geadresseerde 1",
                "changed",
                "1234 AB",
                "2511 AB",
            )
        ],
    ),
    (
        "addressee added",
        lambda d: d["addressees"].append(copy.deepcopy(PARTNER)),
        lambda b: [("addressees[1]", "Geadresseerde 2", "added", None, PARTNER)],
    ),
    (
        "person removed (absent)",
        lambda d: d["addressees"][0].pop("person"),
        lambda b: [
            ("addressees[0].person", "Persoon van geadresseerde 1", "removed", PERSON, None)
        ],
    ),
    (
        "person removed (null)",
        lambda d: d["addressees"][0].update(person=None),
        lambda b: [
            ("addressees[0].person", "Persoon van geadresseerde 1", "removed", PERSON, None)
        ],
    ),
    (
        "surname changed",
        lambda d: d["addressees"][0]["person"].update(surname="Liempt"),
        lambda b: [
            (
                "addressees[0].person.surname",
                "Achternaam van geadresseerde 1",
                "changed",
                "Liemt",
                "Liempt",
            )
        ],
    ),
    (
        "paragraph inserted at the top is one added block",
        lambda d: d["body"].insert(0, dict(NEW_PARAGRAPH)),
        lambda b: [("body[0]", "Alinea 1", "added", None, NEW_PARAGRAPH)],
    ),
    (
        "paragraph text changed",
        lambda d: d["body"][3].update(text=text_of(d, 3).replace("hand in hand", "samen")),
        lambda b: [
            (
                "body[3].text",
                "Alinea 4",
                "changed",
                text_of(b, 3),
                text_of(b, 3).replace("hand in hand", "samen"),
            )
        ],
    ),
    (
        "first words of a paragraph changed: still the same block",
        lambda d: d["body"][0].update(text=text_of(d, 0).replace("De Klantenservice", "Onze")),
        lambda b: [
            (
                "body[0].text",
                "Alinea 1",
                "changed",
                text_of(b, 0),
                text_of(b, 0).replace("De Klantenservice", "Onze"),
            )
        ],
    ),
    (
        "addressee inserted before one whose postcode changed",
        lambda d: (
            d["addressees"][0]["address"].update(postcode="2511 AB"),
            d["addressees"].insert(0, copy.deepcopy(PARTNER)),
        ),
        lambda b: [
            ("addressees[0]", "Geadresseerde 1", "added", None, PARTNER),
            (
                "addressees[1].address.postcode",
                "Postcode van geadresseerde 2",
                "changed",
                "1234 AB",
                "2511 AB",
            ),
        ],
    ),
    (
        "quote text changed",
        lambda d: d["body"][2].update(text=text_of(d, 2).replace("Nog meer", "Meer")),
        lambda b: [
            (
                "body[2].text",
                "Citaat (blok 3)",
                "changed",
                text_of(b, 2),
                text_of(b, 2).replace("Nog meer", "Meer"),
            )
        ],
    ),
    (
        "block moved",
        lambda d: move_block(d["body"], 1, 3),
        lambda b: [
            ("body[1]", "Alinea 2", "removed", b["body"][1], None),
            ("body[3]", "Alinea 4", "added", None, b["body"][1]),
        ],
    ),
    (
        "block moved and changed",
        lambda d: move_block(d["body"], 7, 0, "Wij spreken graag verder."),
        lambda b: [
            (
                "body[0]",
                "Alinea 1",
                "added",
                None,
                {"type": "paragraph", "text": "Wij spreken graag verder."},
            ),
            ("body[7]", "Alinea 8", "removed", b["body"][7], None),
        ],
    ),
    (
        "block removed",
        lambda d: d["body"].pop(4),
        lambda b: [("body[4]", "Alinea 5", "removed", b["body"][4], None)],
    ),
    (
        "promise number changed",
        lambda d: d["body"][5].update(number=6),
        lambda b: [("body[5].number", "Servicebelofte (blok 6)", "changed", 4, 6)],
    ),
    (
        "promise added",
        lambda d: d["body"].insert(7, {"type": "promise", "number": 7}),
        lambda b: [
            ("body[7]", "Servicebelofte (blok 8)", "added", None, {"type": "promise", "number": 7})
        ],
    ),
    (
        "quote speaker changed",
        lambda d: d["body"][2].update(speaker="Jan Jansen"),
        lambda b: [
            (
                "body[2].speaker",
                "Spreker van citaat (blok 3)",
                "changed",
                "Roel Masselink",
                "Jan Jansen",
            )
        ],
    ),
    (
        "attachment added",
        lambda d: d["attachments"].append("Code verantwoord marktgedrag"),
        lambda b: [("attachments[0]", "Bijlage 1", "added", None, "Code verantwoord marktgedrag")],
    ),
    (
        "copy removed",
        lambda d: d["copies"].remove("CNV Vakmensen"),
        lambda b: [("copies[1]", "Kopie aan (regel 2)", "removed", "CNV Vakmensen", None)],
    ),
    (
        "signatory role changed",
        lambda d: d["signatories"][0].update(role="algemeen directeur"),
        lambda b: [
            (
                "signatories[0].role",
                "Functie van ondertekenaar 1",
                "changed",
                "directeur",
                "algemeen directeur",
            )
        ],
    ),
    (
        "date, reference and salutation changed",
        lambda d: d.update(
            date="2022-10-18", our_reference="KSF/2022/0148", salutation="Beste Norbert,"
        ),
        lambda b: [
            ("date", "Datum", "changed", "2022-10-17", "2022-10-18"),
            ("our_reference", "Ons kenmerk", "changed", "KSF/2022/0147", "KSF/2022/0148"),
            ("salutation", "Aanhef", "changed", "", "Beste Norbert,"),
        ],
    ),
    (
        "unknown key changed",
        lambda d: d.update(kostenplaats="KSF-13"),
        lambda b: [("kostenplaats", "kostenplaats", "changed", "KSF-12", "KSF-13")],
    ),
    (
        "unknown key in an addressee added",
        lambda d: d["addressees"][0].update(klantnummer="0042"),
        lambda b: [
            ("addressees[0].klantnummer", "klantnummer van geadresseerde 1", "added", None, "0042")
        ],
    ),
    ("identical letters", lambda d: None, lambda b: []),
]


@pytest.mark.parametrize(
    ("edit", "expected"), [case[1:] for case in FIELD_CASES], ids=[case[0] for case in FIELD_CASES]
)
def test_field_changes(base, edit, expected):
    old = {**base, "kostenplaats": "KSF-12"}
    new = edited(old, edit)
    assert summary(diff_letters(old, new)) == expected(old)


def test_a_letter_and_its_letter_file_dict_are_the_same_version(base):
    letter = load_letter(SAMPLE)
    assert diff_letters(letter, base) == []
    assert diff_letters(letter, letter) == []


def test_a_changed_text_field_carries_its_word_runs(base):
    new = edited(base, lambda d: d.update(subject=SUBJECT.replace("onderhandelaars", "partijen")))
    (change,) = diff_letters(base, new)
    assert change.words == (
        WordChange("equal", "Handreiking aan de "),
        WordChange("delete", "onderhandelaars"),
        WordChange("insert", "partijen"),
        WordChange("equal", " cao Facilitaire Contactcenters"),
    )


def test_an_added_paragraph_is_one_inserted_run_and_a_promise_has_none(base):
    new = copy.deepcopy(base)
    new["body"].insert(0, NEW_PARAGRAPH)
    new["body"].append({"type": "promise", "number": 7})
    added_text, added_promise = diff_letters(base, new)
    assert added_text.words == (WordChange("insert", NEW_PARAGRAPH["text"]),)
    assert added_promise.words == ()


def with_snapshot(base: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    promises = {number: {"topic": "Medewerkers", "text": text} for number, text in texts.items()}
    return {**base, "snapshot": {"promises": promises}}


def test_snapshot_is_ignored_unless_a_recorded_text_differs(base):
    recorded = with_snapshot(base, {"4": "Wij zorgen goed voor onze medewerkers.", "5": "Eerlijk."})
    assert diff_letters(base, recorded) == []
    assert diff_letters(recorded, copy.deepcopy(recorded)) == []
    changed = with_snapshot(
        base, {"4": "Wij zorgen heel goed voor onze medewerkers.", "5": "Eerlijk."}
    )
    assert summary(diff_letters(recorded, changed)) == [
        (
            "snapshot.promises.4.text",
            "Tekst van servicebelofte 4 (catalogus)",
            "changed",
            "Wij zorgen goed voor onze medewerkers.",
            "Wij zorgen heel goed voor onze medewerkers.",
        )
    ]


WORD_CASES = [
    ("Handreiking aan de onderhandelaars cao", "Handreiking aan de partijen cao",
     [("equal", "Handreiking aan de "), ("delete", "onderhandelaars"), ("insert", "partijen"),
      ("equal", " cao")]),
    ("grote dilemma’s op tafel", "grote en lastige dilemma’s op tafel",
     [("equal", "grote "), ("insert", "en lastige "), ("equal", "dilemma’s op tafel")]),
    ("Wij spreken u graag verder.", "Wij spreken u verder.",
     [("equal", "Wij spreken u "), ("delete", "graag "), ("equal", "verder.")]),
    ("de oude tekst blijft", "het nieuwe tekst blijft",
     [("delete", "de oude"), ("insert", "het nieuwe"), ("equal", " tekst blijft")]),
    ("Toch, is het tijd.", "Toch is het tijd!",
     [("equal", "Toch"), ("delete", ","), ("equal", " is het tijd"), ("delete", "."),
      ("insert", "!")]),
    ("Wij begrijpen het.", "Wij begrijpen het niet.",
     [("equal", "Wij begrijpen het"), ("insert", " niet"), ("equal", ".")]),
    ("regel een\nregel twee", "regel een\nregel drie",
     [("equal", "regel een\nregel "), ("delete", "twee"), ("insert", "drie")]),
    ("Beste 👩‍👩‍👧 groet", "Beste 👍🏽 groet",
     [("equal", "Beste "), ("delete", "👩‍👩‍👧"), ("insert", "👍🏽"), ("equal", " groet")]),
    ("{{ naam }} & <b>", "{{ naam }} &amp; <b>",
     [("equal", "{{ naam }} &"), ("insert", "amp;"), ("equal", " <b>")]),
    ("", "Nieuw", [("insert", "Nieuw")]),
    ("Oud", "", [("delete", "Oud")]),
    ("Gelijk.", "Gelijk.", [("equal", "Gelijk.")]),
    ("", "", []),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "expected"), WORD_CASES)
def test_word_runs(old, new, expected):
    assert word_diff(old, new) == [WordChange(kind, text) for kind, text in expected]


def long_text(seed: int, words: int = 3200) -> str:
    vocabulary = "de het een cao keten klantcontact medewerker wij u en aan van voor " * 3
    vocabulary += "dilemma’s opdrachtgever Rotterdam 2022 ‘citaat’ & < > {{ x }} 👍🏽 שלום"
    rng = random.Random(seed)
    pieces = [rng.choice(vocabulary.split()) for _ in range(words)]
    text = "".join(p + rng.choice([" ", " ", " ", ". ", ", ", "\n"]) for p in pieces)
    return text[:20_000]


def mutated(text: str, seed: int, edits: int = 6) -> str:
    rng = random.Random(seed)
    pieces = text.split(" ")
    for _ in range(edits):
        at = rng.randrange(len(pieces)) if pieces else 0
        action = rng.choice(["insert", "delete", "replace"])
        if action == "insert" or not pieces:
            pieces.insert(at, rng.choice(["nieuw", "😀", "\n", "&amp;", "", "‏עברית"]))
        elif action == "delete":
            pieces.pop(at)
        else:
            pieces[at] = pieces[at][::-1] + "x"
    return " ".join(pieces)


HOSTILE = [
    "", " ", "\n", "\r\n", "\t", "\x0b", "a", "😀", "👩‍👩‍👧‍👦 familie", "🇳🇱 en 🇧🇪", "👍🏽👍🏿",
    "مرحبا بالعالم", "שלום עולם", "abc שלום def", "\u200f‏RTL\u200e", "& < > \" ' “ ” ’",
    "{{ naam }} {% if x %}ja{% endif %}", "café", "cafe\u0301", "a\x00b", "\ud800 los",
    "   spaties   rondom   ", "!!!???...", "werkgevers- en werknemerszijde", "1234 AB",
    "KSF/2022/0147", "info@ksf.nl", "ﬁets ß İstanbul", "日本語のテキスト", "Één\nTwee\n\nDrie",
]  # fmt: skip
LONG = [
    long_text(1),
    "x" * 20_000,
    "😀" * 20_000,
    ("ab " * 7_000)[:20_000],
    long_text(2) + "\ud83d",
]


def pairs() -> list[tuple[str, str]]:
    result = [(old, new) for old in HOSTILE for new in HOSTILE]
    result += [(text, mutated(text, seed)) for seed, text in enumerate(HOSTILE)]
    result += [(text, mutated(text, seed)) for seed, text in enumerate(LONG)]
    result += [(mutated(text, seed + 9), text) for seed, text in enumerate(LONG)]
    result += [(LONG[0], LONG[1]), (LONG[0], ""), ("", LONG[2]), (LONG[0], long_text(3))]
    result += [(LONG[0], LONG[0].replace(" de ", " het ")), (LONG[0], "Begin. " + LONG[0])]
    return result


def test_runs_rebuild_both_texts_exactly():
    for old, new in pairs():
        runs = word_diff(old, new)
        assert "".join(r.text for r in runs if r.kind != "insert") == old, (old[:40], new[:40])
        assert "".join(r.text for r in runs if r.kind != "delete") == new, (old[:40], new[:40])
        assert all(run.text for run in runs)
        kinds = [run.kind for run in runs]
        assert all(a != b for a, b in pairwise(kinds)), kinds
        assert ("insert", "delete") not in set(pairwise(kinds))
        if old == new:
            assert kinds in ([], ["equal"])


def test_format_diff_writes_the_changes_in_dutch(base):
    def edit(d: dict[str, Any]) -> None:
        d["subject"] = SUBJECT.replace("onderhandelaars", "partijen")
        d["addressees"][0].pop("person")
        d["body"].insert(3, {"type": "paragraph", "text": "Nieuwe tekst over de keten."})
        d["body"][6]["number"] = 6
        d["attachments"].append("Code verantwoord marktgedrag")

    assert format_diff(diff_letters(base, edited(base, edit))) == (
        "Betreft: gewijzigd\n"
        "  Handreiking aan de [-onderhandelaars-]{+partijen+} cao Facilitaire Contactcenters\n"
        "Persoon van geadresseerde 1: verwijderd\n"
        "  [-heer, N., Norbert, van, Liemt-]\n"
        "Alinea 4: toegevoegd\n"
        "  {+Nieuwe tekst over de keten.+}\n"
        "Servicebelofte (blok 7): gewijzigd\n"
        "  [-4-]{+6+}\n"
        "Bijlage 1: toegevoegd\n"
        "  {+Code verantwoord marktgedrag+}"
    )


def test_format_diff_shortens_long_unchanged_text_and_indents_line_breaks(base):
    def edit(d: dict[str, Any]) -> None:
        d["body"][0]["text"] = text_of(d, 0).replace("hele keten", "volledige keten")
        d["closing"] = "Met vriendelijke groet,\nook namens het bestuur,"

    assert format_diff(diff_letters(base, edited(base, edit))) == (
        "Alinea 1: gewijzigd\n"
        "  … en klantenservice vertegenwoordigen wij echter de [-hele-]{+volledige+} keten: "
        "inhouse contactcenters, facilitaire contactcenters …\n"
        "Slotformule: gewijzigd\n"
        "  Met vriendelijke groet,{+\n"
        "  ook namens het bestuur,+}"
    )


def test_format_diff_without_changes():
    assert format_diff([]) == "Geen verschillen."
