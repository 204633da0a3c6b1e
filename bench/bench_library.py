"""The library on SQLite: one letter with 1,000 versions, and a search in 10,000 letters.

Targets: history, show, diff of two versions and save each ≤ 50 ms; search ≤ 100 ms. Each figure
is the median of repeated runs. Ratios compare with a naive baseline in the same process: reading
every stored letter file and parsing it in Python (what a file-per-version archive would do).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import sqlalchemy as sa  # noqa: E402

from composer.core.letterfile import letter_from_dict, load_letter  # noqa: E402
from composer.history.diff import diff_letters  # noqa: E402
from composer.storage.library import Library  # noqa: E402

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
VERSIONS = int(os.environ.get("COMPOSER_BENCH_VERSIONS", "1000"))
LETTERS = int(os.environ.get("COMPOSER_BENCH_LETTERS", "10000"))


def median_ms(action, repeat: int = 15) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def line(what: str, ms: float, target: float, naive: float | None = None) -> None:
    verdict = "ok" if ms <= target else "TE TRAAG"
    ratio = f"   naive {naive:8.1f} ms → {naive / ms:6.1f}× faster" if naive else ""
    print(f"  {what:<34} {ms:7.1f} ms  (doel ≤ {target:.0f} ms: {verdict}){ratio}")


def main() -> None:
    letter = load_letter(SAMPLE)
    folder = Path(tempfile.mkdtemp(prefix="composer-bench-"))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, SQLite "
        f"{__import__('sqlite3').sqlite_version}"
    )
    with Library.open(f"sqlite:///{folder / 'versies.sqlite'}") as library:
        letter_id = library.add(letter, author="bench")
        for number in range(2, VERSIONS + 1):
            library.save(
                letter_id, replace(letter, subject=f"{letter.subject} ({number})"), author="bench"
            )
        print(f"one letter with {VERSIONS} versions")

        def naive_history() -> None:
            with library.engine.connect() as connection:
                rows = connection.execute(
                    sa.text("SELECT content FROM versions WHERE letter_id = :id ORDER BY number"),
                    {"id": letter_id},
                ).all()
            [letter_from_dict(json.loads(row[0])) for row in rows]

        line(
            "history (list of versions)",
            median_ms(lambda: library.history(letter_id)),
            50,
            median_ms(naive_history, 3),
        )
        line("show (one version)", median_ms(lambda: library.version(letter_id, VERSIONS // 2)), 50)
        line(
            "diff of two versions",
            median_ms(
                lambda: diff_letters(
                    library.version(letter_id, VERSIONS // 3), library.version(letter_id, VERSIONS)
                )
            ),
            50,
        )
        counter = iter(range(10**6))
        line(
            "save (new version)",
            median_ms(
                lambda: library.save(
                    letter_id, replace(letter, subject=f"extra {next(counter)}"), author="bench"
                )
            ),
            50,
        )

    with Library.open(f"sqlite:///{folder / 'brieven.sqlite'}") as library:
        for number in range(LETTERS):
            addressee = replace(letter.addressees[0], organisation=f"Organisatie {number}")
            library.add(
                replace(letter, subject=f"Brief nummer {number}", addressees=[addressee]),
                author="bench",
            )
        print(f"a library of {LETTERS} letters")

        needle = f"organisatie {LETTERS * 47 // 100}"

        def naive_search() -> None:
            with library.engine.connect() as connection:
                rows = connection.execute(
                    sa.text(
                        "SELECT v.content FROM versions v JOIN letters l ON l.id = v.letter_id "
                        "AND l.latest_version = v.number"
                    )
                ).all()
            [row for row in rows if needle in row[0].lower()]

        found = library.letters(needle)
        assert [s.subject for s in found] == [f"Brief nummer {LETTERS * 47 // 100}"], found
        line(
            "search (addressee)",
            median_ms(lambda: library.letters(needle)),
            100,
            median_ms(naive_search, 3),
        )
        line("search (subject, many hits)", median_ms(lambda: library.letters("brief nummer")), 100)


if __name__ == "__main__":
    main()
