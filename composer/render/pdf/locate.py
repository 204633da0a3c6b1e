"""Finds LibreOffice (soffice) on this computer and tells which version it is."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from composer.errors import ComposerError
from composer.fileio import write_text_atomic
from composer.i18n import N_, _, ngettext
from composer.paths import cache_dir
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
# `soffice --version` answers in 0.1-1 s; one that hangs is stopped after VERSION_TIMEOUT s,
# and (kept in VERSIONS_FILE in the cache) not asked again for VERSION_RETRY_AFTER s.
VERSION_TIMEOUT = 10.0
VERSION_RETRY_AFTER = 24 * 3600.0
VERSIONS_FILE = "soffice-versions.json"

# Ends every LibreOfficeMissing message, as `how_to_install()`; the error's `explanation` is the
# message without DOCX_KEEPS_WORKING, for the preview panel that says that in its own words.
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
    """LibreOffice is needed for PDF and cannot be found (or COMPOSER_SOFFICE points nowhere).

    `explanation`: the message without its last line, that making DOCX files keeps working."""

    def __init__(self, message: str, *, explanation: str | None = None) -> None:
        super().__init__(message)
        self.explanation = message if explanation is None else explanation

    @classmethod
    def because(cls, problem: str) -> LibreOfficeMissing:
        """`problem`, how to install LibreOffice, and that DOCX keeps working."""
        explanation = f"{problem}\n{_(HOW_TO_INSTALL).format(variable=ENV_VARIABLE)}"
        return cls(f"{problem}\n{how_to_install()}", explanation=explanation)


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
        raise LibreOfficeMissing.because(problem())
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


def _chosen_in_settings(chosen: str) -> Path | None:
    return _configured(
        chosen,
        lambda: _(
            "In Instellingen is ‘{path}’ gekozen als LibreOffice, maar daar staat geen "
            "programma dat Composer kan starten. Kies in Instellingen > LibreOffice en "
            "bibliotheek het programma soffice, of maak het veld leeg om het te laten zoeken."
        ).format(path=chosen.strip()),
    )


def find_soffice(chosen: str = "") -> Path:
    """LibreOffice's soffice: $COMPOSER_SOFFICE, else `chosen` (the program chosen in
    Instellingen; "": none), else PATH, else the standard install places.

    $COMPOSER_SOFFICE comes first: it is how an administrator or a test points Composer at one
    particular LibreOffice.
    """
    configured = _from_environment() or _chosen_in_settings(chosen)
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
    raise LibreOfficeMissing.because(problem)


def parse_version(output: str) -> str:
    """'LibreOffice 7.4.7.2 40(Build:2)' → 'LibreOffice 7.4.7.2'."""
    for pattern in (r"\b[\w ]*Office\s+\d+(?:\.\d+)+", r"[A-Za-z][\w ]*?\s\d+(?:\.\d+)+"):
        for line in output.splitlines():
            match = re.search(pattern, line)
            if match:
                return match.group(0).strip()
    return UNKNOWN_VERSION


def _stamp(soffice: Path) -> str | None:
    """The cache key of a program: its path, and its time and size (an update changes them)."""
    try:
        stat = Path(soffice).stat()
    except OSError:
        return None
    return f"{soffice}|{stat.st_mtime_ns}|{stat.st_size}"


def _versions_file() -> Path:
    return cache_dir() / VERSIONS_FILE


def _read_known() -> dict[str, dict[str, object]]:
    try:
        known = json.loads(_versions_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def _remember(key: str, version: str, hung: bool) -> None:
    """Kept for the next run of Composer too (a CLI render is a new process each time)."""
    known = {k: v for k, v in _read_known().items() if k.split("|")[0] != key.split("|")[0]}
    known[key] = {"version": version, "hung": hung, "checked": time.time()}
    with contextlib.suppress(ComposerError, OSError):
        _versions_file().parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(_versions_file(), json.dumps(known, indent=1, sort_keys=True))


def _known(key: str) -> str | None:
    """A version found before (by any Composer); a hang counts for VERSION_RETRY_AFTER s."""
    entry = _read_known().get(key)
    if not isinstance(entry, dict) or not isinstance(entry.get("version"), str):
        return None
    if entry.get("hung"):
        checked = entry.get("checked")
        if not isinstance(checked, (int, float)) or time.time() - checked > VERSION_RETRY_AFTER:
            return None
    return str(entry["version"])


def _ask(soffice: str) -> tuple[str, bool]:
    """`soffice --version`: the version, and whether it hung (killed after VERSION_TIMEOUT s)."""
    folder = private_folder("version")
    try:
        outcome = run_group(
            [soffice, user_installation(folder / "profile"), "--headless", "--version"],
            timeout=VERSION_TIMEOUT,
            log=folder / "version.log",
        )
    except OSError:
        return UNKNOWN_VERSION, False
    finally:
        remove(folder)
    if outcome.returncode == 0:
        return parse_version(outcome.output), False
    return UNKNOWN_VERSION, outcome.timed_out


def hung_message(soffice: Path | str) -> str:
    """Said once, by the conversion that found it: the version check hung."""
    seconds = round(VERSION_TIMEOUT)
    hung = ngettext(
        "LibreOffice (‘{path}’) gaf na {seconds} seconde nog geen versienummer en is gestopt.",
        "LibreOffice (‘{path}’) gaf na {seconds} seconden nog geen versienummer en is gestopt.",
        seconds,
    ).format(path=soffice, seconds=seconds)
    what_now = _(
        "De PDF's worden wel gemaakt; als versie wordt ‘{unknown}’ bewaard. Composer vraagt "
        "het pas over een dag opnieuw. Blijft dit gebeuren, kies dan in Instellingen > "
        "LibreOffice en bibliotheek een ander programma soffice of installeer LibreOffice opnieuw."
    ).format(unknown=UNKNOWN_VERSION)
    return f"{hung} {what_now}"


_versions: dict[str, str] = {}  # this process: key → version
_asking: dict[str, threading.Lock] = {}  # one look-up per program at a time
_asking_guard = threading.Lock()


def version_lookup(soffice: Path) -> tuple[str, str]:
    """The version of `soffice` (as `engine_version`) and, only for the call that found it,
    a Dutch message when `soffice --version` hung. Cached per program, path and time."""
    key = _stamp(soffice)
    if key is None:
        return UNKNOWN_VERSION, ""
    with _asking_guard:
        lock = _asking.setdefault(key, threading.Lock())
    with lock:  # a second caller waits for the first look-up instead of starting another
        if key in _versions:
            return _versions[key], ""
        version = _known(key)
        if version is not None:
            _versions[key] = version
            return version, ""
        version, hung = _ask(str(soffice))
        _versions[key] = version
        if version != UNKNOWN_VERSION or hung:
            _remember(key, version, hung)
        return version, hung_message(soffice) if hung else ""


def engine_version(soffice: Path) -> str:
    """The product and version of `soffice`, e.g. 'LibreOffice 7.4.7.2'; cached per program."""
    return version_lookup(soffice)[0]
