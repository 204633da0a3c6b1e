"""The recently opened letters (Bestand > Recent geopend): the last eight, per library.

Kept in a small JSON file in the config folder, written atomically; a list per library, keyed
by where the library is (`Library.location`: the SQLite file, or server/database without a
password). It is a convenience: a file that cannot be read is an empty list, one that cannot be
written is logged and left as it was; neither stops the work.

    recent = RecentLetters()
    recent.add(library.location, 12, "Uitnodiging jaarcongres")
    for letter_id, subject in recent.list(library.location, library):
        ...
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from composer.errors import ComposerError
from composer.fileio import make_folder, write_text_atomic
from composer.paths import config_dir

if TYPE_CHECKING:
    from composer.storage.library import Library

RECENT_FILE = "recent-geopend.json"
FORMAT = "composer-recent/1"
LIMIT = 8

_log = logging.getLogger(__name__)


class RecentLetter(NamedTuple):
    letter_id: int
    subject: str


class RecentLetters:
    """The recently opened letters of each library, newest first, at most LIMIT per library."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else config_dir() / RECENT_FILE

    def add(self, library_url: str, letter_id: int, subject: str) -> bool:
        """`letter_id` was opened: it goes to the top (once). False when the file could not be
        written (logged; the list stays as it was)."""
        libraries = self._read()
        entries = [e for e in libraries.get(library_url, []) if e.letter_id != letter_id]
        libraries[library_url] = [RecentLetter(int(letter_id), subject), *entries][:LIMIT]
        return self._write(libraries)

    def list(self, library_url: str, library: Library | None = None) -> list[RecentLetter]:
        """Newest first. With `library`: only the letters still in its list (not removed, not
        in the prullenbak), each with its subject as it is now."""
        entries = self._read().get(library_url, [])
        if library is None or not entries:
            return entries
        present = library.listed_letters(entry.letter_id for entry in entries)
        return [
            RecentLetter(entry.letter_id, present[entry.letter_id].subject)
            for entry in entries
            if entry.letter_id in present
        ]

    def clear(self, library_url: str) -> bool:
        """Forget the library's list (Lijst wissen); False when the file could not be written."""
        libraries = self._read()
        if libraries.pop(library_url, None) is None:
            return True
        return self._write(libraries)

    # The file

    def _read(self) -> dict[str, list[RecentLetter]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            _log.warning("recent geopende brieven niet gelezen uit %s: %s", self.path, exc)
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            data = {}
        found = data.get("libraries")
        if not isinstance(found, dict):
            _log.warning("recent geopende brieven: onbekende inhoud in %s", self.path)
            return {}
        return {str(url): entries for url, items in found.items() if (entries := _entries(items))}

    def _write(self, libraries: dict[str, list[RecentLetter]]) -> bool:
        data = {
            "format": FORMAT,
            "libraries": {
                url: [{"id": e.letter_id, "subject": e.subject} for e in entries]
                for url, entries in libraries.items()
            },
        }
        try:
            make_folder(self.path.parent)
            write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        except ComposerError as exc:
            _log.warning("recent geopende brieven niet bewaard: %s", exc)
            return False
        return True


def _entries(items: Any) -> list[RecentLetter]:
    """The well-formed entries of one library's list (anything else is left out)."""
    if not isinstance(items, list):
        return []
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        letter_id, subject = item.get("id"), item.get("subject", "")
        if type(letter_id) is int and letter_id >= 1 and isinstance(subject, str):
            entries.append(RecentLetter(letter_id, subject))
    return entries[:LIMIT]
