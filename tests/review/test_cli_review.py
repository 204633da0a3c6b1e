"""The review workflow from the command line, on SQLite and PostgreSQL, with a real PDF."""

from __future__ import annotations

import hashlib
import json
import sys
import types
from pathlib import Path

import pytest

from composer import cli
from composer.paths import config_dir, data_dir
from composer.review.service import ReviewService
from composer.storage.library import Library
from tests.conftest import SAMPLE_LETTER, pdf_text, run_composer


@pytest.fixture
def composer(database_url, monkeypatch, capsys):
    """`composer ARGS` in this process (fast); returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("COMPOSER_DATABASE_URL", database_url)

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # argparse: usage errors
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def refused(result: tuple[int, str, str]) -> str:
    code, _out, err = result
    assert code == 1 and err.startswith("composer: "), err
    return err


def edited(tmp_path: Path, subject: str) -> Path:
    data = json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))
    data["subject"] = subject
    path = tmp_path / "bewerkt.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_whole_review_from_the_command_line(composer, database_url, soffice, tmp_path):
    assert ok(composer("letters", "add", str(SAMPLE_LETTER), "--author", "Anna")) == "1\n"
    assert ok(composer("letters", "submit", "1", "--author", "Anna")) == (
        "Ter beoordeling (versie 1)\n"
    )
    comment_id = ok(
        composer(
            "letters", "comment", "1", "--version", "1", "--author", "Bert", "--block", "2",
            "Kan deze alinea korter?",
        )
    ).strip()  # fmt: skip
    assert ok(composer("letters", "approve", "1", "--version", "1", "--reviewer", "Bert")) == (
        "Goedgekeurd (versie 1)\n"
    )
    second = edited(tmp_path, "Handreiking aan alle partijen bij de cao")
    assert ok(composer("letters", "save", "1", str(second), "--author", "Anna")) == "2\n"
    status = ok(composer("letters", "status", "1")).splitlines()
    assert status[0] == "Concept (versie 2)"
    assert any(
        line.startswith("goedgekeurd (versie 1, vervallen door versie 2) door Bert")
        for line in status
    )

    ok(composer("letters", "submit", "1", "--author", "Anna"))
    stale = refused(composer("letters", "approve", "1", "--version", "1", "--reviewer", "Carla"))
    assert "Versie 1 is niet de laatste versie van brief 1; de laatste is versie 2" in stale
    assert ok(composer("letters", "approve", "1", "--version", "2", "--reviewer", "Carla")) == (
        "Goedgekeurd (versie 2)\n"
    )
    assert ok(composer("letters", "status", "1")).splitlines()[0] == "Goedgekeurd (versie 2)"

    # The comment on block 2 is still open: sending needs a reason, which is recorded.
    held = refused(composer("letters", "send", "1", "--author", "Anna"))
    assert "Bij brief 1 staat nog 1 opmerking open; er is niets verzonden." in held
    assert "--reason" in held and "composer letters comments 1" in held
    reason = "De alinea is besproken met Bert"
    files = [
        Path(line)
        for line in ok(
            composer("letters", "send", "1", "--author", "Anna", "--reason", reason)
        ).split()
    ]
    assert f"Verzonden met 1 open opmerking; reden: {reason}" in ok(
        composer("letters", "events", "1")
    )
    assert [f.suffix for f in files] == [".docx", ".pdf"]
    assert all(f.is_file() and f.parent == data_dir() / "archief" / "1" / "v3" for f in files)
    with Library.open(database_url) as library:
        recorded = ReviewService(library).archive_files(1)
        kenmerk = library.summary(1).kenmerk
    assert [(r.path, r.sha256) for r in recorded] == [
        (f.relative_to(data_dir()).as_posix(), hashlib.sha256(f.read_bytes()).hexdigest())
        for f in files
    ]
    assert recorded[1].engine.startswith("LibreOffice")
    text = pdf_text(files[1])
    assert "Geachte heer Van Liemt," in text and kenmerk in text
    status = ok(composer("letters", "status", "1")).splitlines()
    assert status[:2] == ["Verzonden (versie 3)", f"Kenmerk: {kenmerk}"]

    # In a separate process, as a user runs it: refused with exit 1, pointing to copy.
    env = {"COMPOSER_DATABASE_URL": database_url, "COMPOSER_DATA_DIR": str(data_dir())}
    save = run_composer("letters", "save", "1", str(second), "--author", "Anna", env=env)
    assert save.returncode == 1 and "Traceback" not in save.stderr
    assert "Brief 1 is verzonden" in save.stderr and "composer letters copy 1" in save.stderr

    assert ok(composer("letters", "copy", "1", "--author", "Anna")) == "2\n"
    assert ok(composer("letters", "status", "2")) == "Concept (versie 1)\n"
    copy = json.loads(ok(composer("letters", "show", "2")))
    assert copy["our_reference"] == "" and copy["subject"] == (
        "Handreiking aan alle partijen bij de cao"
    )

    comments = json.loads(ok(composer("letters", "comments", "1", "--json")))
    assert [(c["id"], c["version"], c["block"], c["author"], c["resolved"]) for c in comments] == [
        (int(comment_id), 1, 2, "Bert", False)
    ]
    ok(composer("letters", "resolve", "1", comment_id, "--author", "Anna"))
    listing = ok(composer("letters", "comments", "1"))
    assert "versie 1, blok 2" in listing and "afgehandeld door Anna" in listing

    events = json.loads(ok(composer("letters", "events", "1", "--json")))
    assert [(e["kind"], e["version"]) for e in events] == [
        ("submitted", 1),
        ("approved", 1),
        ("saved-after-approval", 2),
        ("submitted", 2),
        ("approved", 2),
        ("sent", 3),
        ("copied-to", 3),
    ]
    assert "goedgekeurd door Carla: versie 2" in events[5]["text"]

    assert ok(composer("verify")).startswith("De versiegeschiedenis klopt")
    files[1].write_bytes(files[1].read_bytes().replace(b"%%EOF", b"%%EOV", 1))
    code, _out, tampered = composer("verify")
    assert code == 1
    assert "Het archief van verzonden brieven klopt niet" in tampered
    assert f"‘archief/1/v3/{files[1].name}’ is veranderd" in tampered


def test_rejection_and_refused_steps_from_the_command_line(composer, tmp_path):
    (config_dir() / "settings.toml").write_text('author = "Dirk"\n', encoding="utf-8")
    ok(composer("letters", "add", str(SAMPLE_LETTER), "--author", "Anna"))
    not_yet = refused(composer("letters", "approve", "1", "--version", "1"))
    assert "staat niet ter beoordeling maar op Concept" in not_yet
    assert "niet goedgekeurd" in refused(composer("letters", "send", "1"))
    ok(composer("letters", "submit", "1"))
    assert ok(composer("letters", "reject", "1", "--reason", "Aanhef onjuist")) == (
        "Concept (versie 1)\n"
    )
    status = ok(composer("letters", "status", "1")).splitlines()
    assert status[1].startswith("Afgewezen door Dirk") and status[1].endswith(": Aanhef onjuist")
    events = json.loads(ok(composer("letters", "events", "1", "--json")))
    assert [(e["kind"], e["actor"], e["text"]) for e in events] == [
        ("submitted", "Dirk", ""),
        ("rejected", "Dirk", "Aanhef onjuist"),
    ]
    assert "Dirk             afgewezen: Aanhef onjuist" in ok(composer("letters", "events", "1"))
    code, _out, err = composer("letters", "comment", "1", "--version", "1", "--block", "0", "x")
    assert code == 2 and "geen nummer" in err
    assert "geen blok 99" in refused(
        composer("letters", "comment", "1", "--version", "1", "--block", "99", "Hier")
    )


def test_redline_writes_what_the_history_module_makes(composer, tmp_path, monkeypatch):
    calls = []

    def redline_docx(old, new, *, author, date, settings=None):
        calls.append((old.subject, new.subject, author, date))
        return b"PK-redline"

    fake = types.ModuleType("composer.history.redline")
    fake.redline_docx = redline_docx
    monkeypatch.setitem(sys.modules, "composer.history.redline", fake)

    ok(composer("letters", "add", str(SAMPLE_LETTER), "--author", "Anna"))
    second = edited(tmp_path, "Nieuw betreft")
    ok(composer("letters", "save", "1", str(second), "--author", "Bert"))
    out = tmp_path / "vergelijking.docx"
    ok(composer("letters", "redline", "1", "1", "2", "-o", str(out)))
    assert out.read_bytes() == b"PK-redline"
    (old_subject, new_subject, author, moment) = calls[0]
    assert (new_subject, author) == ("Nieuw betreft", "Bert") and old_subject != new_subject
    assert moment.tzinfo is not None

    code, _out, err = composer("letters", "redline", "1", "1", "2", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and ".docx" in err
    monkeypatch.setitem(sys.modules, "composer.history.redline", None)
    assert "letters diff 1 1 2" in refused(
        composer("letters", "redline", "1", "1", "2", "-o", str(out))
    )


def test_the_command_line_words_each_remedy_and_lists_the_allowed_steps(composer, tmp_path):
    ok(composer("letters", "add", str(SAMPLE_LETTER), "--author", "Anna"))
    steps = json.loads(ok(composer("letters", "status", "1", "--json")))["steps"]
    assert steps == ["submit", "save", "comment", "resolve", "copy"]
    not_yet = refused(composer("letters", "approve", "1", "--version", "1", "--reviewer", "Bo"))
    assert not_yet.rstrip().endswith("met ‘composer letters submit 1’.")
    assert "met ‘composer letters submit 1’" in refused(
        composer("letters", "send", "1", "--author", "Anna")
    )
    ok(composer("letters", "submit", "1", "--author", "Anna"))
    second = edited(tmp_path, "Toch anders")
    ok(composer("letters", "save", "1", str(second), "--author", "Anna"))
    ok(composer("letters", "submit", "1", "--author", "Anna"))
    stale = refused(composer("letters", "approve", "1", "--version", "1", "--reviewer", "Bo"))
    assert "‘composer letters approve 1 --version 2’" in stale
    steps = json.loads(ok(composer("letters", "status", "1", "--json")))["steps"]
    assert steps == ["approve", "reject", "save", "comment", "resolve", "copy"]
