"""Kenmerken: the next number per year, taken atomically, registered and never handed out twice."""

from __future__ import annotations

import string
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from composer.errors import ComposerError
from composer.i18n import _
from composer.storage.records import KenmerkEntry
from composer.storage.schema import (
    KENMERK_ASSIGNED,
    kenmerk_register,
    kenmerk_sequences,
    letters,
)
from composer.storage.timestamps import from_text

PATTERN_FIELDS = ("yyyy", "yy", "seq")
# If a changed pattern makes a number collide with an earlier kenmerk, skip ahead this far.
_MAX_SKIPS = 1000


class InvalidPattern(ComposerError):
    """A kenmerk pattern that cannot number letters; `in_form` says it without the hint to edit
    settings.toml (for Instellingen, where the field is right there)."""

    def __init__(self, message: str, in_form: str) -> None:
        super().__init__(message)
        self.in_form = in_form


def check_pattern(pattern: str) -> None:
    """Refuse a pattern that is not valid or does not number the kenmerken."""
    problem = ""
    try:
        fields = [
            field
            for _text, field, _spec, _conv in string.Formatter().parse(pattern)
            if field is not None
        ]
    except ValueError as exc:
        fields, problem = [], str(exc)
    unknown = [field for field in fields if field not in PATTERN_FIELDS]
    if unknown:
        problem = _("onbekend veld {field}").format(field=f"{{{unknown[0]}}}")
    elif not problem and "seq" not in fields:
        problem = _("het volgnummer {seq_field} ontbreekt").format(seq_field="{seq}")
    if not problem:
        try:
            format_kenmerk(pattern, 2022, 1)
        except (ValueError, TypeError) as exc:
            problem = str(exc)
    if problem:
        values = {
            "pattern": pattern,
            "problem": problem,
            "year_field": "{yyyy}",
            "seq_field": "{seq}",
            "example": "KSF/{yyyy}/{seq:04d}",
        }
        raise InvalidPattern(
            _(
                "Het kenmerkpatroon ‘{pattern}’ is ongeldig ({problem}). Gebruik {year_field} "
                "voor het jaar en {seq_field} voor het volgnummer, zoals {example}; pas de "
                "instelling kenmerk_pattern aan."
            ).format(**values),
            _(
                "Het kenmerkpatroon ‘{pattern}’ is ongeldig ({problem}). Gebruik {year_field} "
                "voor het jaar en {seq_field} voor het volgnummer, zoals {example}."
            ).format(**values),
        )


def format_kenmerk(pattern: str, year: int, seq: int) -> str:
    return pattern.format(yyyy=year, yy=f"{year % 100:02d}", seq=seq)


def _insert(connection: Connection) -> Any:
    dialect = postgresql if connection.dialect.name == "postgresql" else sqlite
    return dialect.insert


def next_seq(connection: Connection, year: int) -> int:
    """Take the next number of `year` inside the caller's write transaction.

    The year row is created without a race (INSERT … ON CONFLICT DO NOTHING); the UPDATE …
    RETURNING locks it, so concurrent transactions get consecutive, different numbers. A
    rolled-back transaction gives its number back; a committed one never does.
    """
    connection.execute(
        _insert(connection)(kenmerk_sequences)
        .values(year=year, last_seq=0)
        .on_conflict_do_nothing(index_elements=["year"])
    )
    return connection.execute(
        kenmerk_sequences.update()
        .where(kenmerk_sequences.c.year == year)
        .values(last_seq=kenmerk_sequences.c.last_seq + 1)
        .returning(kenmerk_sequences.c.last_seq)
    ).scalar_one()


def _in_use(connection: Connection, kenmerk: str) -> bool:
    registered = sa.select(kenmerk_register.c.kenmerk).where(kenmerk_register.c.kenmerk == kenmerk)
    on_letter = sa.select(letters.c.kenmerk).where(letters.c.kenmerk == kenmerk)
    return connection.execute(registered.union_all(on_letter).limit(1)).first() is not None


def take_kenmerk(connection: Connection, pattern: str, year: int) -> tuple[str, int]:
    """A kenmerk that was never handed out, and its number."""
    check_pattern(pattern)
    for _attempt in range(_MAX_SKIPS):
        seq = next_seq(connection, year)
        kenmerk = format_kenmerk(pattern, year, seq)
        if not _in_use(connection, kenmerk):
            return kenmerk, seq
    raise ComposerError(
        _(
            "Met het kenmerkpatroon ‘{pattern}’ komen alleen kenmerken uit die al zijn "
            "uitgegeven. Neem het jaar ({year_field}) en het volgnummer ({seq_field}) op in de "
            "instelling kenmerk_pattern."
        ).format(pattern=pattern, year_field="{yyyy}", seq_field="{seq}")
    )


def register(connection: Connection, **values: Any) -> None:
    connection.execute(kenmerk_register.insert().values(status=KENMERK_ASSIGNED, **values))


def entries(connection: Connection, year: int | None = None) -> list[KenmerkEntry]:
    query = sa.select(kenmerk_register).order_by(kenmerk_register.c.year, kenmerk_register.c.seq)
    if year is not None:
        query = query.where(kenmerk_register.c.year == year)
    return [
        KenmerkEntry(
            kenmerk=row.kenmerk,
            year=row.year,
            seq=row.seq,
            letter_id=row.letter_id,
            version_number=row.version_number,
            assigned_at=from_text(row.assigned_at),
            assigned_by=row.assigned_by,
            status=row.status,
        )
        for row in connection.execute(query)
    ]
