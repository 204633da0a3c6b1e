"""Turns database failures (full, read-only, unreachable, busy) into plain Dutch messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa

from composer.errors import ComposerError
from composer.i18n import _


class LibraryUnavailable(ComposerError):
    """The library file cannot be opened or created, or the server cannot be reached."""


class LibraryMissing(LibraryUnavailable):
    """The database server answers, but the database named in the address does not exist."""


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


# A failed connection has no SQLSTATE: libpq only passes on the server's text (English, or
# Dutch when the server speaks Dutch).
_NO_DATABASE = re.compile(r'database "(?P<name>[^"]*)" (does not exist|bestaat niet)')
_LOGIN_REFUSED = re.compile(
    r'role "[^"]*" (does not exist|bestaat niet)|password authentication failed|'
    r"no password supplied|no pg_hba\.conf entry|wachtwoord-authenticatie mislukt"
)


def _postgresql_kind(orig: BaseException) -> str:
    state = getattr(orig, "sqlstate", None) or ""
    if not state:
        text = " ".join(str(orig).split())
        if _NO_DATABASE.search(text):
            return "nodatabase"
        if _LOGIN_REFUSED.search(text):
            return "login"
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
    # Each message is one msgid with the whole text ("Er is niets opgeslagen …" included).
    if kind == "full":
        return LibraryFull(
            _(
                "De bibliotheek ({where}) kan niet worden bijgewerkt: de schijf of de database is "
                "vol. Er is niets opgeslagen en eerder opgeslagen versies zijn niet aangetast. "
                "Maak ruimte vrij (of vraag de beheerder om meer ruimte) en probeer het opnieuw."
            ).format(where=where)
        )
    if kind == "readonly":
        return LibraryReadOnly(
            _(
                "De bibliotheek ({where}) is alleen-lezen: Composer mag er niets in schrijven. "
                "Er is niets opgeslagen en eerder opgeslagen versies zijn niet aangetast. "
                "Vraag schrijfrechten voor de map en het bestand (of voor de database) en "
                "probeer het opnieuw."
            ).format(where=where)
        )
    if kind == "cantopen":
        return LibraryUnavailable(
            _(
                "De bibliotheek ‘{where}’ kan niet worden geopend of gemaakt. Controleer of de map "
                "bestaat en of u er schrijfrechten heeft, of kies met COMPOSER_DATABASE_URL een "
                "andere plek. Er is niets opgeslagen en eerder opgeslagen versies zijn niet "
                "aangetast."
            ).format(where=where)
        )
    if kind == "busy":
        return LibraryBusy(
            _(
                "De bibliotheek ({where}) is bezet door een ander programma of een andere "
                "gebruiker. Er is niets opgeslagen en eerder opgeslagen versies zijn niet "
                "aangetast. Probeer het over een ogenblik opnieuw."
            ).format(where=where)
        )
    if kind == "damaged":
        return LibraryDamaged(
            _(
                "Het bestand ‘{where}’ is geen leesbare Composer-bibliotheek (het is beschadigd "
                "of een ander soort bestand). Zet een reservekopie terug of kies een ander "
                "bestand; Composer heeft er niets in veranderd."
            ).format(where=where)
        )
    if kind == "ioerror":
        return LibraryUnavailable(
            _(
                "De schijf met de bibliotheek ({where}) gaf een lees- of schrijffout. Er is niets "
                "opgeslagen en eerder opgeslagen versies zijn niet aangetast. Controleer de "
                "schijf of de netwerkverbinding en probeer het opnieuw."
            ).format(where=where)
        )
    if kind == "login":
        return LibraryUnavailable(
            _(
                "De databaseserver ({where}) weigert de aanmelding: {reason}. Controleer "
                "gebruikersnaam en wachtwoord in COMPOSER_DATABASE_URL of vraag de beheerder."
            ).format(where=where, reason=_reason(orig))
        )
    if kind == "nodatabase":
        server, _slash, database = where.rpartition("/")
        found = _NO_DATABASE.search(" ".join(str(orig).split()))
        return LibraryMissing(
            _(
                "De database ‘{database}’ bestaat niet op de databaseserver {server}; de server "
                "zelf is wel bereikbaar. Laat de beheerder de database aanmaken (bijvoorbeeld met "
                "het commando ‘createdb {database}’ of met ‘CREATE DATABASE’ in psql); Composer "
                "maakt de tabellen daarna zelf aan. Of controleer de naam van de database in "
                "COMPOSER_DATABASE_URL."
            ).format(database=found.group("name") if found else database, server=server or where)
        )
    if kind == "unreachable":
        return LibraryUnavailable(
            _(
                "De databaseserver van de bibliotheek ({where}) is niet bereikbaar: {reason}. "
                "Er is niets opgeslagen en eerder opgeslagen versies zijn niet aangetast. "
                "Controleer de netwerkverbinding en het adres in COMPOSER_DATABASE_URL, of vraag "
                "de beheerder of de server draait."
            ).format(where=where, reason=_reason(orig))
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
            _(
                "De bibliotheek ({where}) gaf een fout: {reason}. Er is niets opgeslagen en "
                "eerder opgeslagen versies zijn niet aangetast."
            ).format(where=where, reason=_reason(orig))
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
