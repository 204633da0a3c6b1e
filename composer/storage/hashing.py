"""Canonical JSON and the hash chain that makes every change to a saved version detectable."""

from __future__ import annotations

import hashlib
import json
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
