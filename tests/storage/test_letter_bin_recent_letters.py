"""composer.app.recent_letters: the last eight opened letters per library, in the config folder.

(Named after the prullenbak because a letter in it drops out of the recent list too.)"""

from __future__ import annotations

import json

from composer.app.recent_letters import LIMIT, RECENT_FILE, RecentLetter, RecentLetters
from composer.paths import config_dir
from composer.storage.library import Library
from tests.storage.storage_helpers import sample_letter


def test_newest_first_once_each_at_most_eight_per_library(tmp_path):
    recent = RecentLetters(tmp_path / "recent.json")
    assert recent.list("kantoor") == []
    for letter_id in range(1, 11):
        assert recent.add("kantoor", letter_id, f"Brief {letter_id}")
    recent.add("kantoor", 5, "Brief 5, herzien")
    recent.add("thuis.sqlite", 1, "Andere bibliotheek")
    assert LIMIT == 8
    assert recent.list("kantoor") == [
        (5, "Brief 5, herzien"),
        *((n, f"Brief {n}") for n in (10, 9, 8, 7, 6, 4)),
        (3, "Brief 3"),
    ]
    assert recent.list("thuis.sqlite") == [RecentLetter(1, "Andere bibliotheek")]
    # Kept in the file: a new RecentLetters (the next start) reads the same lists.
    assert RecentLetters(tmp_path / "recent.json").list("kantoor")[0] == (5, "Brief 5, herzien")
    assert recent.clear("kantoor") and recent.list("kantoor") == []
    assert recent.list("thuis.sqlite") == [(1, "Andere bibliotheek")]


def test_the_default_file_is_in_the_config_folder_and_written_whole():
    recent = RecentLetters()
    assert recent.path == config_dir() / RECENT_FILE
    recent.add("bibliotheek.sqlite", 3, "Uitnodiging ‘jaarcongres’")
    data = json.loads(recent.path.read_text(encoding="utf-8"))
    assert data == {
        "format": "composer-recent/1",
        "libraries": {"bibliotheek.sqlite": [{"id": 3, "subject": "Uitnodiging ‘jaarcongres’"}]},
    }
    assert [p.name for p in recent.path.parent.iterdir()] == [RECENT_FILE]  # no temp files left


def test_an_unreadable_or_strange_file_is_an_empty_list(tmp_path):
    path = tmp_path / "recent.json"
    path.write_text("{niet af", encoding="utf-8")
    recent = RecentLetters(path)
    assert recent.list("kantoor") == []
    assert recent.add("kantoor", 2, "Twee")  # and it is written anew
    assert recent.list("kantoor") == [(2, "Twee")]
    path.write_text(
        json.dumps(
            {
                "format": "composer-recent/1",
                "libraries": {"kantoor": [{"id": "2"}, {"id": 0}, 7, {"id": 4, "subject": "Vier"}]},
            }
        ),
        encoding="utf-8",
    )
    assert recent.list("kantoor") == [(4, "Vier")]
    path.write_text("[1, 2]", encoding="utf-8")
    assert recent.list("kantoor") == []


def test_a_file_that_cannot_be_written_leaves_the_list_as_it_was(tmp_path):
    blocked = tmp_path / "bestand"
    blocked.write_text("", encoding="utf-8")
    recent = RecentLetters(blocked / "recent.json")  # its folder is a file
    assert recent.add("kantoor", 1, "Een") is False
    assert recent.list("kantoor") == []


def test_with_the_library_only_letters_in_its_list_with_their_subject_now(database_url, tmp_path):
    recent = RecentLetters(tmp_path / "recent.json")
    with Library.open(database_url) as library:
        kept = library.add(sample_letter(subject="Blijft"), author="Anna")
        binned = library.add(sample_letter(subject="Prullenbak"), author="Anna")
        for letter_id, subject in ((kept, "Blijft"), (binned, "Prullenbak"), (99, "Weg")):
            recent.add(library.location, letter_id, subject)
        library.move_to_bin(binned, author="Anna")
        library.save(kept, sample_letter(subject="Blijft, herzien"), author="Anna")
        assert recent.list(library.location, library) == [(kept, "Blijft, herzien")]
        assert [e.letter_id for e in recent.list(library.location)] == [99, binned, kept]
        library.restore_from_bin(binned)  # back from the prullenbak: back in the list
        assert recent.list(library.location, library) == [
            (binned, "Prullenbak"),
            (kept, "Blijft, herzien"),
        ]
