"""Drafts of letters not yet in the library: one JSON file each in `<data_dir>/concepten`.

A letter gets a row in the library only when the user saves it (a library letter is a version
history; an unsaved scribble must not become version 1). Until then its autosaved draft is a
file, written atomically, named `nieuw-<uuid>.json`, so several new letters never collide.
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from composer.core.letterfile import draft_letter, letter_to_dict  # draft: half-typed is fine
from composer.core.models import Letter
from composer.fileio import write_text_atomic
from composer.paths import data_dir

if TYPE_CHECKING:
    from composer.storage.library import Library

DRAFT_FORMAT = "composer-draft/1"  # not screen text
FOLDER_NAME = "concepten"  # not screen text: a folder name
_KEY = re.compile(r"nieuw-[0-9a-f]{32}")  # not screen text


@dataclass(frozen=True)
class FileDraft:
    key: str  # "nieuw-<uuid>", also the file name without .json
    path: Path
    author: str
    updated_at: datetime  # aware, UTC
    letter: Letter


def default_folder() -> Path:
    return data_dir() / FOLDER_NAME


def new_key() -> str:
    return f"nieuw-{uuid.uuid4().hex}"


def is_key(key: object) -> bool:
    return isinstance(key, str) and _KEY.fullmatch(key) is not None


def draft_path(folder: Path, key: str) -> Path:
    if not is_key(key):
        raise ValueError(f"not a draft key: {key!r}")
    return folder / f"{key}.json"


def write(folder: Path, key: str, letter: Letter, *, author: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = draft_path(folder, key)
    content = {
        "format": DRAFT_FORMAT,
        "author": author,
        "updated_at": datetime.now(UTC).isoformat(),
        "letter": letter_to_dict(letter),
    }
    write_text_atomic(path, json.dumps(content, ensure_ascii=False, indent=2) + "\n")
    return path


def read(path: Path) -> FileDraft | None:
    """The draft in `path`; None for a file that is not a readable draft (it is left alone)."""
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        if content.get("format") != DRAFT_FORMAT:
            return None
        letter = draft_letter(json.dumps(content["letter"]))
        updated_at = datetime.fromisoformat(content["updated_at"])
        return FileDraft(
            key=path.stem,
            path=path,
            author=str(content.get("author", "")),
            updated_at=updated_at,
            letter=letter,
        )
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return None


def of_author(folder: Path, author: str) -> list[FileDraft]:
    """The author's new-letter drafts in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [read(path) for path in folder.glob("nieuw-*.json") if is_key(path.stem)]
    mine = [draft for draft in found if draft is not None and draft.author == author]
    return sorted(mine, key=lambda draft: draft.updated_at, reverse=True)


def remove(folder: Path, key: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_path(folder, key).unlink()


@dataclass(frozen=True)
class DraftJob:
    """One state of the letter to keep as a draft (or whose draft goes: `keep` False), taken
    in the GUI thread and stored in any thread: in the library, or as a file (`write`)."""

    state: int
    letter: Letter
    letter_id: int | None
    base_version: int | None
    draft_key: str | None
    keep: bool
    author: str
    library: Library
    folder: Path

    def store(self) -> None:
        if self.letter_id is not None:
            if self.keep:
                self.library.save_draft(
                    self.letter_id, self.letter, author=self.author, base=self.base_version
                )
            else:
                self.library.discard_draft(self.letter_id, author=self.author)
        elif self.draft_key is not None:
            if self.keep:
                write(self.folder, self.draft_key, self.letter, author=self.author)
            else:
                remove(self.folder, self.draft_key)
