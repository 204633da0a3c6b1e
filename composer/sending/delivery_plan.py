"""Who a delivery of a sent letter is for, and the archived PDF of each (from the register)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from composer.core.models import Letter
from composer.i18n import _
from composer.storage.letter_rows import addressee_names
from composer.storage.send_register import SendRecord, post_rows, still_needed

if TYPE_CHECKING:
    from composer.storage.library import Library


@dataclass(frozen=True)
class DeliveryPlan:
    letter_id: int
    version: int  # the sent version (the latest)
    status: str
    kenmerk: str
    letter: Letter  # that version
    labels: dict[int, str]  # per addressee number (from 1): `Organisatie, de heer N. van Liemt`
    emails: dict[int, str]  # "" for an addressee without an address
    posted: dict[int, SendRecord]  # the 'post' row of each addressee: its archived PDF
    addressees: list[int]  # who this delivery is for, in order
    missing_reason: str = ""  # why an addressee without a 'post' row cannot get its PDF


def labels_of(letter: Letter) -> dict[int, str]:
    return {
        number: name or _("Geadresseerde {number} (zonder naam)").format(number=number)
        for number, name in enumerate(addressee_names(letter), start=1)
    }


def plan_delivery(library: Library, letter_id: int, *, only_failed: bool) -> DeliveryPlan:
    """Read the letter, its sent version and its register (nothing is written)."""
    summary = library.summary(letter_id)
    info = library.version_info(letter_id)
    letter = library.version(letter_id, info.number)
    register = library.send_register(letter_id)
    numbers = list(range(1, len(letter.addressees) + 1))
    if only_failed:
        needed = set(still_needed(register))
        numbers = [number for number in numbers if number in needed]
    return DeliveryPlan(
        letter_id=letter_id,
        version=info.number,
        status=summary.status,
        kenmerk=summary.kenmerk or "",
        letter=letter,
        labels=labels_of(letter),
        emails={
            number: str(getattr(addressee, "email", "") or "").strip()
            for number, addressee in enumerate(letter.addressees, start=1)
        },
        posted=post_rows(register),
        addressees=numbers,
        missing_reason=_(
            "de PDF voor deze geadresseerde staat niet in het verzendregister (de brief is "
            "verzonden voordat Composer per geadresseerde een PDF bewaarde); verstuur hem per "
            "post of maak een kopie en verzend die opnieuw"
        ),
    )
