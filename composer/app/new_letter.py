"""The rule for a new letter: a template, prefilled from the organisation profile."""

from __future__ import annotations

import datetime as dt

from composer.core.catalogues import load_profile
from composer.core.models import Letter, Paragraph, Signatory
from composer.render.registry import find_template

BRIEF_CLOSING = "Met vriendelijke groet,"  # not screen text: in the letter, always Dutch


def new_letter(template_name: str, *, today: dt.date | None = None) -> Letter:
    """A new letter from the template `template_name`, prefilled from the profile.

    A brief gets the closing "Met vriendelijke groet," and the profile's contact as
    ondertekenaar; a persbericht has neither (its contact is printed from the profile).
    """
    template = find_template(template_name)
    profile = load_profile()
    letter = Letter(
        template=template.name,
        date=today or dt.date.today(),
        place=profile.place,
        body=[Paragraph("")],
        closing="",
    )
    if template.kind == "brief":
        letter.closing = BRIEF_CLOSING
        contact = profile.press_contact
        if contact.get("name", "").strip():
            letter.signatories = [Signatory(contact["name"], contact.get("role", ""))]
    return letter
