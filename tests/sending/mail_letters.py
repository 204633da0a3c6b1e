"""Letters for the mail tests: the sample letter to four addressees, each with an e-mail."""

from __future__ import annotations

import copy

from composer.core.catalogues import load_profile
from composer.core.letterfile import load_letter
from composer.core.models import Address, Addressee, Letter, Person
from tests.conftest import SAMPLE_LETTER

KENMERK = "KSF/2022/0147"
SUBJECT = "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"


def four_addressees() -> Letter:
    """Van Liemt (WFC), mevrouw Heemskerk (FNV), Kim Verbeek (neutral), and CNV without person."""
    letter = load_letter(SAMPLE_LETTER)
    address = Address(street="Postweg", house_number="1", postcode="3511 AB", city="Utrecht")
    letter.addressees += [
        Addressee(
            organisation="FNV",
            person=Person(form="mevrouw", initials="E.", surname="Heemskerk"),
            email="e.heemskerk@fnv.voorbeeld.nl",
            address=copy.deepcopy(address),
        ),
        Addressee(
            organisation="De Unie",
            person=Person(form="neutraal", first_name="Kim", surname="Verbeek"),
            email="kim.verbeek@unie.voorbeeld.nl",
            address=copy.deepcopy(address),
        ),
        Addressee(organisation="CNV Vakmensen", email="info@cnv.voorbeeld.nl", address=address),
    ]
    return letter


def pdf_for(index: int) -> bytes:
    """A distinct stand-in PDF per addressee (the mail module does not read it)."""
    return f"%PDF-1.7\n% exemplaar {index + 1}\n".encode() + bytes(range(256)) + b"\n%%EOF\n"


def profile():
    return load_profile()
