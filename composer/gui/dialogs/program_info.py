"""What the settings and about dialogs tell about the program: LibreOffice and the library."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import N_, _
from composer.render.pdf.locate import LibreOfficeMissing, engine_version, find_soffice
from composer.settings import Settings
from composer.storage.engine import DATABASE_URL_VARIABLE, default_url, describe, normalised_url

NOT_FOUND = N_("LibreOffice niet gevonden")


@dataclass(frozen=True)
class EngineInfo:
    """The PDF engine: where it is (None: not found) and its version, or what is wrong."""

    path: Path | None
    text: str


def find_engine(configured: str = "") -> EngineInfo:
    """The chosen soffice when one is set, else the one Composer finds; runs `soffice --version`.

    Slow (a second or more): call it from a background task.
    """
    if configured.strip():
        path = Path(configured.strip()).expanduser()
        if not (path.is_file() and os.access(path, os.X_OK)):
            text = _("Op ‘{path}’ staat geen programma. Kies soffice of klik op Zoeken.")
            return EngineInfo(None, text.format(path=configured))
        return EngineInfo(path, engine_version(path))
    try:
        path = find_soffice()
    except LibreOfficeMissing:
        return EngineInfo(None, _(NOT_FOUND))
    return EngineInfo(path, engine_version(path))


def library_url(settings: Settings) -> str:
    """The library the program opens: COMPOSER_DATABASE_URL, else the setting, else the default."""
    configured = os.environ.get(DATABASE_URL_VARIABLE, "").strip()
    return configured or settings.database_url.strip() or default_url()


def library_location(settings: Settings) -> str:
    """The library's file or server/database as people read it (never a password)."""
    try:
        return describe(normalised_url(library_url(settings)))
    except ComposerError as exc:
        return exc.message


def sqlite_url(path: str) -> str:
    return f"sqlite:///{Path(path).expanduser()}"


def sqlite_path(url: str) -> str | None:
    """The file of a SQLite URL; None for another kind of database or a bad address."""
    try:
        parsed = normalised_url(url)
    except ComposerError:
        return None
    return parsed.database if parsed.get_backend_name() == "sqlite" else None
