"""Finds LibreOffice (soffice) on this computer and tells which version it is."""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import N_, _
from composer.render.pdf.process_group import run_group
from composer.render.pdf.profiles import private_folder, remove, user_installation

ENV_VARIABLE = "COMPOSER_SOFFICE"
PATH_NAMES = ("soffice", "libreoffice")
STANDARD_PLACES: dict[str, tuple[str, ...]] = {
    "win32": (
        r"C:\Program Files\LibreOffice\program\soffice.exe",
        r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    ),
    "darwin": ("/Applications/LibreOffice.app/Contents/MacOS/soffice",),
}
# Kept in the archive with each PDF (as data), so not translated.
UNKNOWN_VERSION = "LibreOffice (versie onbekend)"
VERSION_TIMEOUT = 60.0

# Ends every LibreOfficeMissing message, as `how_to_install()`. DOCX_KEEPS_WORKING is its own
# msgid, so the preview panel can cut it out in any language: `message.replace(_(...), "")`.
HOW_TO_INSTALL = N_(
    "Installeer LibreOffice om PDF's te maken:\n"
    "- Windows en macOS: download het van https://www.libreoffice.org/download/\n"
    "- Debian/Ubuntu: sudo apt install libreoffice-writer-nogui\n"
    "Of zet de omgevingsvariabele {variable} op het pad van het programma soffice."
)
DOCX_KEEPS_WORKING = N_("DOCX-bestanden maken blijft gewoon werken.")


def how_to_install() -> str:
    """How to install LibreOffice (or point Composer at it), in the language of the screen."""
    return "\n".join([_(HOW_TO_INSTALL).format(variable=ENV_VARIABLE), _(DOCX_KEEPS_WORKING)])


class LibreOfficeMissing(ComposerError):
    """LibreOffice is needed for PDF and cannot be found (or COMPOSER_SOFFICE points nowhere)."""


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _configured(configured: str, problem: Callable[[], str]) -> Path | None:
    """The program at `configured` ("": none configured); LibreOfficeMissing with `problem()`
    and how to install LibreOffice when nothing there can be started."""
    configured = configured.strip()
    if not configured:
        return None
    path = Path(configured).expanduser()
    if not _executable(path):
        raise LibreOfficeMissing(f"{problem()}\n{how_to_install()}")
    return path


def _from_environment() -> Path | None:
    configured = os.environ.get(ENV_VARIABLE, "")
    return _configured(
        configured,
        lambda: _(
            "{variable} wijst naar ‘{path}’, maar daar staat geen programma dat Composer kan "
            "starten. Zet {variable} op het pad van soffice (bijvoorbeeld {example_posix} of "
            "{example_windows}) of verwijder de variabele."
        ).format(
            variable=ENV_VARIABLE,
            path=configured.strip(),
            example_posix="/usr/bin/soffice",
            example_windows=STANDARD_PLACES["win32"][0],
        ),
    )


_chosen = {"path": ""}  # the soffice chosen in Instellingen ("": look for it)


def choose_soffice(path: str) -> None:
    """Use `path` (the program chosen in Instellingen) from now on; "" looks for soffice again.

    $COMPOSER_SOFFICE still comes first: it is how an administrator or a test points Composer
    at one particular LibreOffice.
    """
    _chosen["path"] = path.strip()


def _chosen_in_settings() -> Path | None:
    chosen = _chosen["path"]
    return _configured(
        chosen,
        lambda: _(
            "In Instellingen is ‘{path}’ gekozen als LibreOffice, maar daar staat geen "
            "programma dat Composer kan starten. Kies in Instellingen > LibreOffice en "
            "bibliotheek het programma soffice, of maak het veld leeg om het te laten zoeken."
        ).format(path=chosen),
    )


def find_soffice() -> Path:
    """LibreOffice's soffice: $COMPOSER_SOFFICE, else the one chosen in Instellingen, else PATH,
    else the standard install places."""
    configured = _from_environment() or _chosen_in_settings()
    if configured:
        return configured
    for name in PATH_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    for place in STANDARD_PLACES.get(sys.platform, ()):
        if _executable(Path(place)):
            return Path(place)
    problem = _("Composer kan geen PDF maken: LibreOffice is niet gevonden.")
    raise LibreOfficeMissing(f"{problem}\n{how_to_install()}")


def parse_version(output: str) -> str:
    """'LibreOffice 7.4.7.2 40(Build:2)' → 'LibreOffice 7.4.7.2'."""
    for pattern in (r"\b[\w ]*Office\s+\d+(?:\.\d+)+", r"[A-Za-z][\w ]*?\s\d+(?:\.\d+)+"):
        for line in output.splitlines():
            match = re.search(pattern, line)
            if match:
                return match.group(0).strip()
    return UNKNOWN_VERSION


@functools.lru_cache(maxsize=8)
def _version(soffice: str, stamp: tuple[int, int]) -> str:
    folder = private_folder("version")
    try:
        outcome = run_group(
            [soffice, user_installation(folder / "profile"), "--headless", "--version"],
            timeout=VERSION_TIMEOUT,
            log=folder / "version.log",
        )
    except OSError:
        return UNKNOWN_VERSION
    finally:
        remove(folder)
    return parse_version(outcome.output) if outcome.returncode == 0 else UNKNOWN_VERSION


def engine_version(soffice: Path) -> str:
    """The product and version of `soffice`, e.g. 'LibreOffice 7.4.7.2'; cached per program."""
    try:
        stat = Path(soffice).stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        return UNKNOWN_VERSION
    return _version(str(soffice), stamp)
