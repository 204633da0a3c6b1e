"""The file name the window proposes when a letter is exported: kenmerk and betreft, safe."""

from __future__ import annotations

from composer.core.models import Letter
from composer.merge.filenames import safe_name

MAX_SUBJECT = 80  # characters of the betreft in the name: the start says what the letter is
DEFAULT_NAMES = {"persbericht": "persbericht"}  # not screen text: file names, per template


def export_file_name(letter: Letter, suffix: str) -> str:
    """`KSF-2026-0007-Nieuwe-cao-voor-klantcontact.pdf` (safe_name: as the merge names files);
    without a kenmerk the betreft alone;
    without either `brief.pdf` (`persbericht.pdf`)."""
    parts = [letter.our_reference.strip(), letter.subject.strip()[:MAX_SUBJECT]]
    text = " ".join(part for part in parts if part)
    name = safe_name(text) if text else DEFAULT_NAMES.get(letter.template, "brief")
    return f"{name}{suffix}"
