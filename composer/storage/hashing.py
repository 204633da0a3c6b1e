"""Canonical JSON and the hash chain that makes every change to a saved version detectable."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from composer.errors import ComposerError
from composer.i18n import _


def canonical_json(value: Any) -> str:
    """Sorted keys, no spaces, characters as themselves: one text for one value."""
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ComposerError(
            _(
                "De tekst bevat een ongeldig teken (een losse UTF-16-surrogaat) dat niet kan "
                "worden opgeslagen. Typ het teken opnieuw of verwijder het."
            )
        ) from None
    return text


def version_meta(
    *,
    letter_id: int,
    number: int,
    parent_number: int | None,
    author: str,
    message: str,
    created_at: str,
) -> dict[str, Any]:
    """The metadata of a letter version that its hash covers (`created_at` as stored text)."""
    return {
        "letter_id": letter_id,
        "number": number,
        "parent_number": parent_number,
        "author": author,
        "message": message,
        "created_at": created_at,
    }


def catalogue_meta(*, name: str, number: int, author: str, created_at: str) -> dict[str, Any]:
    return {"name": name, "number": number, "author": author, "created_at": created_at}


def version_hash(parent_hash: str, content: str, meta: dict[str, Any]) -> str:
    """sha256 (hex) of UTF-8 `parent_hash \\n content \\n canonical_json(meta)`.

    `parent_hash` is "" for version 1. Canonical JSON never contains a raw newline, so the
    three parts cannot be shifted into one another.
    """
    payload = "\n".join((parent_hash, content, canonical_json(meta)))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# The review history: every row of a letter's events (and of its comments) carries the hash of
# the row before it; approvals and archive records carry the hash of the event that made them.
# The fields each hash covers, in the order of the stored columns:
EVENT_FIELDS = (
    "letter_id",
    "kind",
    "version_number",
    "version_hash",
    "actor",
    "at",
    "text",
    "related_letter_id",
    "prev_hash",
)
COMMENT_FIELDS = ("letter_id", "version_number", "block_index", "author", "text", "at", "prev_hash")
ARCHIVE_FIELDS = (
    "letter_id",
    "version_number",
    "kind",
    "path",
    "sha256",
    "size",
    "engine",
    "at",
    "event_hash",
)


def _record_hash(record: str, fields: tuple[str, ...], row: Mapping[str, Any]) -> str:
    payload = {"record": record, **{field: row[field] for field in fields}}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def event_hash(row: Mapping[str, Any]) -> str:
    """sha256 (hex) of the canonical JSON of an event's fields, `prev_hash` included."""
    return _record_hash("event", EVENT_FIELDS, row)


def comment_hash(row: Mapping[str, Any]) -> str:
    """sha256 of a comment as written (its resolution may come later and is not covered)."""
    return _record_hash("comment", COMMENT_FIELDS, row)


def archive_file_hash(row: Mapping[str, Any]) -> str:
    """sha256 of an archive record: the file's own sha256 and the 'sent' event it belongs to."""
    return _record_hash("archive_file", ARCHIVE_FIELDS, row)
