"""The sample letters a first start fills an empty library with, so there is something real."""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.core.letterfile import load_letter
from composer.paths import resources_dir

if TYPE_CHECKING:
    from composer.storage.library import Library


def seed_samples(library: Library, author: str) -> list[int]:
    """Add the sample letters to an empty library; their ids (none when it was not empty)."""
    if library.letters(limit=1):
        return []
    return [
        library.add(load_letter(path), author=author, message="Voorbeeldbrief")
        for path in sorted((resources_dir() / "samples").glob("*.json"))
    ]
