"""Turns database failures (full, read-only, unreachable, busy) into plain Dutch messages."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from composer.errors import ComposerError

_NOTHING_LOST = "Er is niets opgeslagen en eerder opgeslagen versies zijn niet aangetast."


class LibraryUnavailable(ComposerError):
    """The library file cannot be opened or created, or the server cannot be reached."""


class LibraryFull(ComposerError):
    """The disk (or the database's quota) is full; the transaction was rolled back."""


class LibraryReadOnly(ComposerError):
    """The library may be read but not written."""


class LibraryBusy(ComposerError):
    """Another program held the write lock for longer than the busy timeout."""


class LibraryDamaged(ComposerError):
    """The file is not a (readable) SQLite database."""


def _sqlite_kind(orig: BaseException) -> str:
    name = getattr(orig, "sqlite_errorname", "") or ""
    text = str(orig).lower()
    if name.startswith("SQLITE_FULL") or "database or disk is full" in text:
        return "full"
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return "readonly"
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return "cantopen"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return "busy"
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")) or "not a database" in text:
        return "damaged"
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return "ioerror"
    return ""


def _postgresql_kind(orig: BaseException) -> str:
    state = getattr(orig, "sqlstate", None) or ""
    if state in ("53100", "53400"):  # disk_full, configuration_limit_exceeded
        return "full"
    if state in ("25006", "42501"):  # read_only_sql_transaction, insufficient_privilege
        return "readonly"
    if state in ("28000", "28P01"):  # invalid_authorization, invalid_password
        return "login"
    if state == "3D000":  # invalid_catalog_name: the database does not exist
        return "nodatabase"
    if state in ("55P03", "40P01", "40001"):  # lock_not_available, deadlock, serialization
        return "busy"
    if not state or state.startswith(("08", "57P")):  # connection failures, server shutdown
        return "unreachable"
    return ""


def _reason(orig: BaseException) -> str:
    text = " ".join(str(orig).split())
    return text[:300]


def _message(kind: str, where: str, orig: BaseException) -> ComposerError | None:
    if kind == "full":
        return LibraryFull(
            f"De bibliotheek ({where}) kan niet worden bijgewerkt: de schijf of de database is "
            f"vol. {_NOTHING_LOST} Maak ruimte vrij (of vraag de beheerder om meer ruimte) en "
            "probeer het opnieuw."
        )
    if kind == "readonly":
        return LibraryReadOnly(
            f"De bibliotheek ({where}) is alleen-lezen: Composer mag er niets in schrijven. "
            f"{_NOTHING_LOST} Vraag schrijfrechten voor de map en het bestand (of voor de "
            "database) en probeer het opnieuw."
        )
    if kind == "cantopen":
        return LibraryUnavailable(
            f"De bibliotheek ‘{where}’ kan niet worden geopend of gemaakt. Controleer of de map "
            "bestaat en of u er schrijfrechten heeft, of kies met COMPOSER_DATABASE_URL een "
            f"andere plek. {_NOTHING_LOST}"
        )
    if kind == "busy":
        return LibraryBusy(
            f"De bibliotheek ({where}) is bezet door een ander programma of een andere gebruiker. "
            f"{_NOTHING_LOST} Probeer het over een ogenblik opnieuw."
        )
    if kind == "damaged":
        return LibraryDamaged(
            f"Het bestand ‘{where}’ is geen leesbare Composer-bibliotheek (het is beschadigd of "
            "een ander soort bestand). Zet een reservekopie terug of kies een ander bestand; "
            "Composer heeft er niets in veranderd."
        )
    if kind == "ioerror":
        return LibraryUnavailable(
            f"De schijf met de bibliotheek ({where}) gaf een lees- of schrijffout. "
            f"{_NOTHING_LOST} Controleer de schijf of de netwerkverbinding en probeer het opnieuw."
        )
    if kind == "login":
        return LibraryUnavailable(
            f"De databaseserver ({where}) weigert de aanmelding: {_reason(orig)}. Controleer "
            "gebruikersnaam en wachtwoord in COMPOSER_DATABASE_URL of vraag de beheerder."
        )
    if kind == "nodatabase":
        return LibraryUnavailable(
            f"De database ‘{where}’ bestaat niet op de server. Laat de beheerder hem aanmaken "
            "of controleer de naam in COMPOSER_DATABASE_URL."
        )
    if kind == "unreachable":
        return LibraryUnavailable(
            f"De databaseserver van de bibliotheek ({where}) is niet bereikbaar: {_reason(orig)}. "
            f"{_NOTHING_LOST} Controleer de netwerkverbinding en het adres in "
            "COMPOSER_DATABASE_URL, of vraag de beheerder of de server draait."
        )
    return None


def translate(exc: sa.exc.DBAPIError, where: str) -> ComposerError | None:
    """The user's message for a database failure, or None for a programming error."""
    orig = exc.orig if exc.orig is not None else exc
    module = type(orig).__module__
    if module.startswith("sqlite3"):
        kind = _sqlite_kind(orig)
    elif module.startswith("psycopg"):
        kind = _postgresql_kind(orig)
    else:
        kind = ""
    if not kind and isinstance(exc, sa.exc.OperationalError):
        return LibraryUnavailable(
            f"De bibliotheek ({where}) gaf een fout: {_reason(orig)}. {_NOTHING_LOST}"
        )
    return _message(kind, where, orig) if kind else None


@contextmanager
def translated_errors(where: str) -> Iterator[None]:
    """Re-raise failures a user can do something about as ComposerError; bugs stay loud."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        translated = translate(exc, where)
        if translated is None:
            raise
        raise translated from exc
