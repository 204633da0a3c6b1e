"""A separate process that uses the library, for the crash and concurrency tests.

python worker.py save-loop URL LETTER_ID            save versions forever; "saved N" after each
python worker.py save-once URL LETTER_ID BASE AT    at time AT save on BASE; "saved N" or "conflict"
python worker.py finalize URL AT ID [ID …]          at time AT finalize the letters; their kenmerken
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from composer.core.letterfile import load_letter  # noqa: E402
from composer.storage.library import Library, SaveConflict  # noqa: E402

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


def wait_until(moment: float) -> None:
    while time.time() < moment:
        time.sleep(0.001)


def main(mode: str, url: str, *rest: str) -> None:
    letter = load_letter(SAMPLE)
    with Library.open(url) as library:
        if mode == "save-loop":
            letter_id, counter = int(rest[0]), 0
            while True:
                counter += 1
                edited = replace(letter, subject=f"{letter.subject} ({counter})")
                number = library.save(letter_id, edited, author="lus", message=f"ronde {counter}")
                print(f"saved {number}", flush=True)
        elif mode == "save-once":
            letter_id, base, moment = int(rest[0]), int(rest[1]), float(rest[2])
            wait_until(moment)
            try:
                number = library.save(
                    letter_id,
                    replace(letter, subject="gelijktijdig"),
                    author=f"proces-{base}",
                    base=base,
                )
            except SaveConflict as exc:
                print(f"conflict {exc.message}", flush=True)
            else:
                print(f"saved {number}", flush=True)
        elif mode == "finalize":
            moment = float(rest[0])
            wait_until(moment)
            for letter_id in rest[1:]:
                print(library.finalize(int(letter_id), author="afronder"), flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
