"""The comparison of two versions names a changed e-mail address as a person reads it."""

from __future__ import annotations

import copy
from pathlib import Path

from composer.core.letterfile import load_letter
from composer.history.diff import diff_letters

SAMPLE = (
    Path(__file__).resolve().parents[2] / "resources" / "samples" / "brief-cao-onderhandelaars.json"
)


def test_a_changed_email_address_is_one_named_change():
    old = load_letter(SAMPLE)
    new = copy.deepcopy(old)
    new.addressees[0].email = "voorzitter@wfc.voorbeeld.nl"
    [change] = diff_letters(old, new)
    assert (change.label, change.kind) == ("E-mailadres van geadresseerde 1", "changed")
    assert (change.old, change.new) == (
        "n.vanliemt@wfc.voorbeeld.nl",
        "voorzitter@wfc.voorbeeld.nl",
    )
