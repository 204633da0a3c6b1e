"""Copies the texts of the servicebeloften a letter uses into the version, under "snapshot"."""

from __future__ import annotations

from typing import Any

from composer.core.catalogues import ServicePromise, load_promises
from composer.core.models import promise_number, promise_number_of_key
from composer.errors import ComposerError

# Top-level key of a stored version: {"promises": {"4": {"number", "topic", "text", "source"}}}.
SNAPSHOT_KEY = "snapshot"
PROMISES_KEY = "promises"


def _current_promises() -> dict[int, ServicePromise]:
    try:
        return load_promises()
    except ComposerError:
        # A broken catalogue must not stop a save; the render reports the catalogue itself.
        return {}


def _earlier_entries(recorded: Any) -> dict[int, Any]:
    """The entries a letter already carried, by number; a "4.0" key (saved before numbers
    were normalised) counts as 4, and "4" wins over it."""
    if not isinstance(recorded, dict):
        return {}
    entries: dict[int, Any] = {}
    for key, entry in recorded.items():
        number = promise_number_of_key(key)
        if number is not None and (number not in entries or str(key) == str(number)):
            entries[number] = entry
    return entries


def with_promise_snapshot(content: dict[str, Any]) -> dict[str, Any]:
    """`content` (a letter-file dict) with the texts of its promise blocks stored in it.

    Keys are whole numbers as text ("4"): a block number 4.0 is the promise 4, and numbers
    that are not whole (4.5, "4", true) are left out (the letter check refuses them).
    Each promise the current catalogue has a text for is copied as it is now. A number the
    catalogue lacks, or has only as a placeholder, keeps the entry the letter already carried
    (from an earlier version), if any; otherwise it stays out and the render refuses it.
    Other keys under "snapshot" are kept.
    """
    numbers = sorted(
        {
            number
            for block in content.get("body", [])
            if isinstance(block, dict) and block.get("type") == "promise"
            for number in [promise_number(block.get("number"))]
            if number is not None
        }
    )
    existing = content.get(SNAPSHOT_KEY)
    existing = existing if isinstance(existing, dict) else {}
    earlier = _earlier_entries(existing.get(PROMISES_KEY))
    catalogue = _current_promises() if numbers else {}
    promises: dict[str, Any] = {}
    for number in numbers:
        promise = catalogue.get(number)
        if promise is not None and not promise.placeholder:
            promises[str(number)] = {
                "number": promise.number,
                "topic": promise.topic,
                "text": promise.text,
                "source": promise.source,
            }
        elif number in earlier:
            promises[str(number)] = earlier[number]
    snapshot = {key: value for key, value in existing.items() if key != PROMISES_KEY}
    if promises:
        snapshot[PROMISES_KEY] = promises
    result = {key: value for key, value in content.items() if key != SNAPSHOT_KEY}
    if snapshot:
        result[SNAPSHOT_KEY] = snapshot
    return result
