"""Kenmerken: the next number per year, taken atomically, registered and never handed out twice."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from itertools import count, islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from composer.core.readiness import Action, require_complete
from composer.errors import ComposerError
from composer.i18n import _
from composer.storage import letter_bin
from composer.storage.hashing import canonical_json
from composer.storage.letter_rows import (
    append_version,
    letter_from_content,
    lock_letter,
    version_row,
)
from composer.storage.library_records import KenmerkEntry, record_from_row
from composer.storage.schema import (
    KENMERK_ASSIGNED,
    kenmerk_register,
    kenmerk_sequences,
    letters,
)

PATTERN_FIELDS = ("yyyy", "yy", "seq")
# If a changed pattern makes a number collide with an earlier kenmerk, skip ahead this far.
_MAX_SKIPS = 1000
# A kenmerk is one short line in the letter's reference line; the pattern and every kenmerk
# made from it stay within these lengths, and no width in a format ({seq:04d}) exceeds the last.
MAX_PATTERN_LENGTH = 50
MAX_KENMERK_LENGTH = 50
MAX_FORMAT_WIDTH = 20
_EXAMPLE = "KSF/{yyyy}/{seq:04d}"
# The check formats the pattern with a number this large, so a busy year still fits.
_LARGE_SEQ = 99_999
_CONVERSIONS = {"s": str, "r": repr, "a": ascii}


class InvalidPattern(ComposerError):
    """A kenmerk pattern that cannot number letters; `in_form` says it without the hint to edit
    settings.toml (for Instellingen, where the field is right there)."""

    def __init__(self, message: str, in_form: str) -> None:
        super().__init__(message)
        self.in_form = in_form


def _shown(pattern: str) -> str:
    """The pattern for a message: a very long one cut off, invisible characters as �."""
    shown = "".join(char if char.isprintable() else "\ufffd" for char in pattern)
    return shown if len(shown) <= MAX_PATTERN_LENGTH else shown[:MAX_PATTERN_LENGTH] + "…"


def _spec_problem(field: str, spec: str, conversion: str | None) -> str:
    """What is wrong with the format of one field (`{seq:04d}`), or ""."""
    shown = f"{{{field}}}"
    if "{" in spec or "}" in spec or (conversion is not None and conversion not in _CONVERSIONS):
        return _("de opmaak achter {field} is ongeldig").format(field=shown)
    for digits in re.findall(r"[0-9]+", spec):
        if len(digits.lstrip("0")) > 3 or int(digits) > MAX_FORMAT_WIDTH:
            return _("de breedte {width} bij {field} is te groot; ten hoogste {limit}").format(
                width=digits, field=shown, limit=MAX_FORMAT_WIDTH
            )
    value: object = {"yyyy": 2022, "yy": "22", "seq": 1}[field]
    if conversion is not None:
        value = _CONVERSIONS[conversion](value)
    try:
        format(value, spec)
    except (ValueError, TypeError):
        return _("de opmaak ‘{spec}’ bij {field} is ongeldig").format(spec=spec, field=shown)
    return ""


def _problem(pattern: str) -> str:
    """What is wrong with `pattern` as a Dutch phrase, or "" when it can number kenmerken."""
    if len(pattern) > MAX_PATTERN_LENGTH:
        return _("het patroon is {length} tekens lang; ten hoogste {limit} tekens").format(
            length=len(pattern), limit=MAX_PATTERN_LENGTH
        )
    if any(not char.isprintable() for char in pattern):
        return _("het patroon bevat een regelovergang of een ander onzichtbaar teken")
    try:
        parts = [
            (field, spec or "", conversion)
            for _text, field, spec, conversion in string.Formatter().parse(pattern)
            if field is not None
        ]
    except ValueError:
        return _(
            "een accolade staat los; schrijf {double_open} of {double_close} voor een accolade "
            "in het kenmerk"
        ).format(double_open="{{", double_close="}}")
    unknown = [field for field, _spec, _conversion in parts if field not in PATTERN_FIELDS]
    if unknown:
        return _("onbekend veld {field}").format(field=f"{{{unknown[0]}}}")
    if "seq" not in [field for field, _spec, _conversion in parts]:
        return _("het volgnummer {seq_field} ontbreekt").format(seq_field="{seq}")
    for field, spec, conversion in parts:
        problem = _spec_problem(field, spec, conversion)
        if problem:
            return problem
    length = len(format_kenmerk(pattern, 2022, _LARGE_SEQ))
    if length > MAX_KENMERK_LENGTH:
        return _(
            "een kenmerk volgens dit patroon wordt {length} tekens lang; ten hoogste {limit} tekens"
        ).format(length=length, limit=MAX_KENMERK_LENGTH)
    return ""


def check_pattern(pattern: str) -> None:
    """Refuse a pattern that is not valid or does not number the kenmerken."""
    problem = _problem(pattern)
    if problem:
        values = {
            "pattern": _shown(pattern),
            "problem": problem,
            "year_field": "{yyyy}",
            "seq_field": "{seq}",
            "example": _EXAMPLE,
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


def _too_long(kenmerk: str) -> ComposerError:
    return ComposerError(
        _(
            "Het kenmerk {kenmerk} zou langer worden dan {limit} tekens. Maak het "
            "kenmerkpatroon (de instelling kenmerk_pattern) korter."
        ).format(kenmerk=kenmerk[:MAX_KENMERK_LENGTH] + "…", limit=MAX_KENMERK_LENGTH)
    )


def _all_taken(pattern: str) -> ComposerError:
    return ComposerError(
        _(
            "Met het kenmerkpatroon ‘{pattern}’ komen alleen kenmerken uit die al zijn "
            "uitgegeven. Neem het jaar ({year_field}) en het volgnummer ({seq_field}) op in de "
            "instelling kenmerk_pattern."
        ).format(pattern=pattern, year_field="{yyyy}", seq_field="{seq}")
    )


def _first_free(
    connection: Connection, pattern: str, year: int, numbers: Iterator[int]
) -> tuple[str, int]:
    """The first of `numbers` whose kenmerk was never handed out (at most _MAX_SKIPS tried)."""
    check_pattern(pattern)
    for seq in islice(numbers, _MAX_SKIPS):
        kenmerk = format_kenmerk(pattern, year, seq)
        if len(kenmerk) > MAX_KENMERK_LENGTH:
            raise _too_long(kenmerk)
        if not _in_use(connection, kenmerk):
            return kenmerk, seq
    raise _all_taken(pattern)


def take_kenmerk(connection: Connection, pattern: str, year: int) -> tuple[str, int]:
    """A kenmerk that was never handed out, and its number (taken from the year's sequence)."""
    taking = (next_seq(connection, year) for _ in count())
    return _first_free(connection, pattern, year, taking)


def peek_kenmerk(connection: Connection, pattern: str, year: int) -> str:
    """The kenmerk take_kenmerk would hand out now, without taking a number: the same walk over
    the numbers after the year's last one, so as long as nobody takes a number in between,
    take_kenmerk gives this one."""
    last = connection.execute(
        sa.select(kenmerk_sequences.c.last_seq).where(kenmerk_sequences.c.year == year)
    ).scalar()
    return _first_free(connection, pattern, year, count((last or 0) + 1))[0]


class KenmerkChanged(ComposerError):
    """The kenmerk that would be issued is not the one the person confirmed; nothing changed."""


def kenmerk_changed(letter_id: int, expected: str, actual: str) -> KenmerkChanged:
    return KenmerkChanged(
        _(
            "Brief {letter_id} zou kenmerk {actual} krijgen, maar u hebt kenmerk {expected} "
            "bevestigd: intussen heeft een andere brief een nummer gekregen. Er is niets "
            "veranderd. Bekijk het nieuwe kenmerk en bevestig opnieuw."
        ).format(letter_id=letter_id, actual=actual, expected=expected)
    )


def register(connection: Connection, **values: Any) -> None:
    connection.execute(kenmerk_register.insert().values(status=KENMERK_ASSIGNED, **values))


def entries(connection: Connection, year: int | None = None) -> list[KenmerkEntry]:
    query = sa.select(kenmerk_register).order_by(kenmerk_register.c.year, kenmerk_register.c.seq)
    if year is not None:
        query = query.where(kenmerk_register.c.year == year)
    return [record_from_row(KenmerkEntry, row) for row in connection.execute(query)]


def finalize_letter(
    connection: Connection,
    letter_id: int,
    *,
    pattern: str,
    year: int,
    author: str,
    now: str,
    expected: str | None = None,
) -> str:
    """Finalize inside the caller's write transaction: give the letter the next kenmerk of
    `year` (an existing one stays) in a new version, and register it; returns the kenmerk.

    A letter with problems is refused before a number is taken. With `expected` (the kenmerk
    a person confirmed), any other kenmerk is refused with KenmerkChanged; the caller's
    transaction then rolls back and the number taken is given back.
    """
    locked = lock_letter(connection, letter_id)
    letter_bin.refuse_if_in_bin(locked)
    if locked.kenmerk:
        if expected is not None and expected != locked.kenmerk:
            raise kenmerk_changed(letter_id, expected, locked.kenmerk)
        return str(locked.kenmerk)
    content = version_row(connection, letter_id, None).content
    require_complete(letter_from_content(content), Action.FINALIZE)
    kenmerk, seq = take_kenmerk(connection, pattern, year)
    if expected is not None and expected != kenmerk:
        raise kenmerk_changed(letter_id, expected, kenmerk)
    data = json.loads(content)
    data["our_reference"] = kenmerk  # nothing else changes, the snapshot included
    number = append_version(
        connection,
        locked,
        canonical_json(data),
        author=author,
        message=f"Kenmerk {kenmerk} toegekend",
        created_at=now,
        kenmerk=kenmerk,
    )
    register(
        connection,
        kenmerk=kenmerk,
        year=year,
        seq=seq,
        letter_id=letter_id,
        version_number=number,
        assigned_at=now,
        assigned_by=author,
    )
    return kenmerk
