"""Nothing saved is ever lost: kill -9 during saves, concurrent saves and finalizes."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from composer.core.letterfile import load_letter
from composer.storage.library import Library

REPO = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "worker.py"
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
KILLS = 25


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WORKER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def sqlite_integrity(url: str) -> str:
    import sqlite3

    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]


@pytest.mark.slow
def test_kill_9_while_saving_never_loses_a_reported_save(database_url):
    with Library.open(database_url) as library:
        letter_id = library.add(load_letter(SAMPLE), author="start")
    reported: set[int] = set()
    rng = random.Random(20221017)
    for _ in range(KILLS):
        process = start("save-loop", database_url, str(letter_id))
        first = process.stdout.readline()  # the loop is running: a save has completed
        assert first.startswith("saved "), process.stderr.read()
        reported.add(int(first.split()[1]))
        time.sleep(rng.uniform(0, 0.15))
        process.send_signal(signal.SIGKILL)
        rest, _ = process.communicate(timeout=30)
        reported.update(
            int(line.split()[1]) for line in rest.splitlines() if line.startswith("saved ")
        )
    if database_url.startswith("sqlite"):
        assert sqlite_integrity(database_url) == "ok"
    with Library.open(database_url) as library:
        numbers = [v.number for v in library.history(letter_id)]
        assert reported <= set(numbers)
        assert numbers == list(range(1, len(numbers) + 1))
        report = library.verify()
        assert report.ok, report.message
    assert len(reported) >= KILLS


def test_two_processes_saving_on_the_same_base(database_url):
    with Library.open(database_url) as library:
        letter_id = library.add(load_letter(SAMPLE), author="start")
    moment = time.time() + 1.5  # both processes are up and connected by then
    processes = [
        start("save-once", database_url, str(letter_id), "1", str(moment)) for _ in range(2)
    ]
    outputs = [p.communicate(timeout=60)[0].strip() for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    assert sorted(o.split()[0] for o in outputs) == ["conflict", "saved"], outputs
    conflict = next(o for o in outputs if o.startswith("conflict"))
    assert "versie 2" in conflict.lower() and "proces-1" in conflict
    with Library.open(database_url) as library:
        assert [v.number for v in library.history(letter_id)] == [1, 2]
        assert library.verify().ok


def test_two_processes_finalizing_at_once_get_different_kenmerken(database_url):
    with Library.open(database_url) as library:
        ids = [library.add(load_letter(SAMPLE), author="start") for _ in range(8)]
    moment = time.time() + 1.5
    processes = [
        start("finalize", database_url, str(moment), *map(str, ids[half::2])) for half in (0, 1)
    ]
    outputs = [p.communicate(timeout=60) for p in processes]
    assert all(p.returncode == 0 for p in processes), outputs
    kenmerken = [line for out, _ in outputs for line in out.split()]
    assert len(kenmerken) == 8 and len(set(kenmerken)) == 8
    sequence = sorted(int(k.rsplit("/", 1)[1]) for k in kenmerken)
    assert sequence == list(range(1, 9))
    assert all(k.startswith("KSF/") for k in kenmerken)
