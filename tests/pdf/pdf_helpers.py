"""Helpers for the PDF tests: letters as DOCX files, fake soffice scripts, process checks."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from composer.core.letterfile import load_letter, loads_letter
from composer.render.docx import render_docx
from tests.conftest import SAMPLE_LETTER
from tests.render.test_hostile_input import hostile_letter_json


def sample_docx(path: Path, surname: str | None = None) -> Path:
    """The sample letter as DOCX at `path`; `surname` replaces the addressee's surname."""
    letter = load_letter(SAMPLE_LETTER)
    if surname is not None:
        letter.addressees[0].person.surname = surname
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_docx(letter).data)
    return path


def hostile_docx(path: Path) -> Path:
    """The hostile letter (markup, entities, emoji as text), also in the address window: its
    address fields are hostile but short enough for the window."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(render_docx(loads_letter(hostile_letter_json())).data)
    return path


def fake_soffice(folder: Path, conversion: str) -> Path:
    """A shell script posing as soffice: `--version` answers at once; a conversion appends a
    line to `attempts`, its pid (and those of its children) to `pids`, then runs `conversion`."""
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'for arg in "$@"; do\n'
        '  if [ "$arg" = "--version" ]; then echo "LibreOffice 9.9.9.9 fake"; exit 0; fi\n'
        "done\n"
        f'echo started >> "{folder / "attempts"}"\n'
        f'echo $$ >> "{folder / "pids"}"\n'
        f"{conversion}\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return script


def logging_soffice(folder: Path, real: str) -> Path:
    """A wrapper that logs its arguments (one line per start) and then becomes the real soffice."""
    script = folder / "soffice"
    script.write_text(
        f'#!/bin/sh\necho "$@" >> "{folder / "calls"}"\nexec "{real}" "$@"\n', encoding="utf-8"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def attempts(folder: Path) -> int:
    log = folder / "attempts"
    return len(log.read_text().splitlines()) if log.exists() else 0


def alive(pid: int) -> bool:
    """True if `pid` runs; a zombie (dead, not yet reaped by init) counts as gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    if status.exists():
        try:
            return status.read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except (OSError, IndexError):
            return False
    return True


def profiles_used(calls: Path) -> list[str]:
    """The UserInstallation of every conversion the logging wrapper saw."""
    found = []
    for line in calls.read_text().splitlines():
        if "--convert-to" in line:
            found.append(line.split("-env:UserInstallation=", 1)[1].split()[0])
    return found


def normalised(text: str) -> str:
    return " ".join(text.split())
