"""Whether each address fits the envelope window, for the editor to show while typing."""

from __future__ import annotations

from composer.core.catalogues import load_profile
from composer.core.models import Letter
from composer.errors import ComposerError
from composer.render.address_fit import address_fit_problems
from composer.render.docx import effective_layout
from composer.render.registry import find_template
from composer.render.sender import sender_context
from composer.settings import Settings


def window_problems(letter: Letter, settings: Settings) -> list[tuple[str, str]]:
    """(path, problem) for every addressee whose address would wrap or not fit the window of
    the letter's template; [] when the template or profile cannot be read (the export says why).
    """
    if not letter.addressees:
        return []
    try:
        info = find_template(letter.template)
        return_line = sender_context(load_profile())["return_line"]
    except ComposerError:
        return []
    return address_fit_problems(letter, info, effective_layout(info, settings), return_line)
