"""`composer letters …`, `verify` and `library …` on SQLite and PostgreSQL, as a user runs them."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


@pytest.fixture
def composer(database_url):
    def run(*args: str, url: str | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "COMPOSER_DATABASE_URL": url or database_url}
        return subprocess.run(
            [sys.executable, "-m", "composer", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    return run


def edited(tmp_path: Path, subject: str) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["subject"] = subject
    path = tmp_path / f"{abs(hash(subject))}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def test_the_whole_cycle(composer, tmp_path):
    assert (
        ok(composer("letters", "add", str(SAMPLE), "--author", "Anna", "--message", "eerste opzet"))
        == "1\n"
    )
    second = edited(tmp_path, "Handreiking aan de partijen bij de cao")
    assert (
        ok(composer("letters", "save", "1", str(second), "--author", "Bert", "--base", "1"))
        == "2\n"
    )

    stale = composer("letters", "save", "1", str(second), "--author", "Carla", "--base", "1")
    assert stale.returncode == 1 and "Traceback" not in stale.stderr
    assert "Bert" in stale.stderr and "versie 2" in stale.stderr.lower()

    history = json.loads(ok(composer("letters", "history", "1", "--json")))
    assert [(h["version"], h["author"], h["message"]) for h in history] == [
        (1, "Anna", "eerste opzet"),
        (2, "Bert", ""),
    ]
    assert all(len(h["hash"]) == 64 and h["created_at"] for h in history)

    shown = json.loads(ok(composer("letters", "show", "1", "--version", "1")))
    shown.pop("snapshot", None)
    assert shown == json.loads(SAMPLE.read_text(encoding="utf-8"))

    difference = ok(composer("letters", "diff", "1", "1", "2"))
    assert "Betreft" in difference and "partijen bij de" in difference

    assert ok(composer("letters", "restore", "1", "1", "--author", "Anna")) == "3\n"
    restored = json.loads(ok(composer("letters", "show", "1")))
    assert restored["subject"] == json.loads(SAMPLE.read_text(encoding="utf-8"))["subject"]

    kenmerk = ok(composer("letters", "finalize", "1")).strip()
    assert kenmerk == f"KSF/{dt.date.today().year}/0001"
    assert json.loads(ok(composer("letters", "show", "1")))["our_reference"] == kenmerk
    assert ok(composer("letters", "finalize", "1")).strip() == kenmerk  # never a second one

    listing = json.loads(ok(composer("letters", "list", "--json")))
    assert [(row["id"], row["kenmerk"]) for row in listing] == [(1, kenmerk)]
    assert "Handreiking" in ok(composer("letters", "list", "--search", "handreiking"))
    assert json.loads(ok(composer("letters", "list", "--json", "--search", "bestaatniet"))) == []

    verified = composer("verify")
    assert verified.returncode == 0, verified.stderr

    archive = tmp_path / "bibliotheek.zip"
    ok(composer("library", "export", str(archive)))
    other = f"sqlite:///{tmp_path / 'andere.sqlite'}"
    ok(composer("library", "import", str(archive), url=other))
    again = json.loads(ok(composer("letters", "history", "1", "--json", url=other)))
    assert [h["hash"] for h in again] == [
        h["hash"] for h in json.loads(ok(composer("letters", "history", "1", "--json")))
    ]


def test_errors_are_dutch_and_exit_1(composer):
    missing = composer("letters", "show", "99")
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert "99" in missing.stderr
    usage = composer("letters", "show", "abc")
    assert usage.returncode == 2 and "geen briefnummer" in usage.stderr
