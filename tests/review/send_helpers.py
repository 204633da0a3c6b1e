"""Helpers for the send register and delivery tests: a letter to four addressees, sent."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from composer.core.letterfile import addressee_from_dict
from composer.core.models import Letter
from composer.review.service import ReviewService
from tests.conftest import REPO, SAMPLE_LETTER
from tests.review.review_helpers import FakeConverter, approved_letter
from tests.storage.storage_helpers import sample_letter

TODAY = date(2022, 10, 17)
ADDRESS_BOOK = REPO / "resources" / "catalogues" / "adresboek.json"
# The labels the register and the reports use, in the letter's order.
LABELS = [
    "Werkgeversvereniging Facilitaire Contactcenters (WFC), de heer N. van Liemt",
    "FNV, mevrouw E. Heemskerk",
    "CNV Vakmensen, de heer R. Mol",
    "Qlix, R. Harmsen",
]
EMAILS = [
    "n.vanliemt@wfc.voorbeeld.nl",
    "e.heemskerk@fnv.voorbeeld.nl",
    "r.mol@cnvvakmensen.voorbeeld.nl",
    "r.harmsen@qlix.voorbeeld.nl",
]
SURNAMES = ["Liemt", "Heemskerk", "Mol", "Harmsen"]


def address_book_items() -> list[dict[str, Any]]:
    """FNV, CNV Vakmensen and Qlix: the address book's entries after the WFC."""
    items = json.loads(ADDRESS_BOOK.read_text(encoding="utf-8"))["items"]
    return [{k: v for k, v in item.items() if k != "id"} for item in items[1:4]]


def four_addressees(letter: Letter | None = None) -> Letter:
    """The sample letter (to the WFC) with three more addressees from the address book."""
    letter = letter or sample_letter()
    extra = [addressee_from_dict(item) for item in address_book_items()]
    return replace(letter, addressees=[*letter.addressees, *extra])


def four_addressee_file(folder: Path) -> Path:
    """The sample letter file with the three address book entries added (for the CLI)."""
    data = json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))
    data["addressees"] = [*data["addressees"], *address_book_items()]
    path = folder / "brief-vier-geadresseerden.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def sent_letter(
    review: ReviewService, letter: Letter | None = None, *, signing_key: Any = None, **send: Any
) -> tuple[int, Any]:
    """A letter approved and sent with the stand-in PDF engine; (id, SendResult)."""
    letter_id = approved_letter(review, letter or four_addressees())
    converter = FakeConverter()
    result = review.send(
        letter_id,
        author="Anna",
        today=TODAY,
        converter=lambda: converter,
        signing_key=signing_key,
        **send,
    )
    return letter_id, result
