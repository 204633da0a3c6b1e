"""Whether each address fits the envelope window, for the editor to show while typing."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from composer.core.catalogues import catalogue_path, load_profile
from composer.core.models import Letter
from composer.errors import ComposerError
from composer.render.address_fit import address_fit_problems
from composer.render.docx import effective_layout
from composer.render.registry import TemplateInfo, find_template, template_folders
from composer.render.sender import sender_context
from composer.settings import Settings

Stamp = tuple[str, int, int]


def _stamp(path: Path) -> Stamp:
    """What changes when a file or folder changes: its path, modification time and size."""
    try:
        status = os.stat(path)
    except OSError:
        return (str(path), 0, 0)
    return (str(path), status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=8)
def _window_inputs(template: str, _files: tuple[Stamp, ...]) -> tuple[TemplateInfo, str]:
    """The template and the return line, read again only when one of `_files` changed."""
    return find_template(template), sender_context(load_profile())["return_line"]


def window_problems(letter: Letter, settings: Settings) -> list[tuple[str, str]]:
    """(path, problem) for every addressee whose address would wrap or not fit the window of
    the letter's template; [] when the template or profile cannot be read (the export says why).

    Runs on every keystroke: the manifest and the profile are read once per version of their
    files (the export itself always reads them afresh)."""
    if not letter.addressees:
        return []
    files = (
        _stamp(catalogue_path("organisatie")),
        *(_stamp(folder) for folder in template_folders()),
        *(_stamp(folder / f"{letter.template}.json") for folder in template_folders()),
    )
    try:
        info, return_line = _window_inputs(letter.template, files)
    except ComposerError:
        return []
    return address_fit_problems(letter, info, effective_layout(info, settings), return_line)
