"""UTC timestamps stored as fixed-width ISO text, identical on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_text(moment: datetime) -> str:
    """`2026-11-28T13:05:00.000000+00:00`: sorts as text, hashes the same on every backend."""
    if moment.tzinfo is None:
        raise ValueError("a stored moment needs a time zone")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_text(text: str) -> datetime:
    """An aware datetime in UTC."""
    return datetime.fromisoformat(text).astimezone(UTC)
