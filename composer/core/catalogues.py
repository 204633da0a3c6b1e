"""Catalogues as data: servicebeloften, director's quotes, organisation profile, address book."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.core.bounded_json import JsonLimitError, loads_bounded
from composer.core.models import promise_number_of_key
from composer.errors import ComposerError
from composer.i18n import _
from composer.paths import data_dir, resources_dir

CATALOGUE_FILES = {
    "servicebeloften": "servicebeloften.json",
    "citaten": "citaten.json",
    "organisatie": "organisatie.json",
    "adresboek": "adresboek.json",
}


def catalogue_path(name: str) -> Path:
    """The user's copy in the data dir when there is one, else the shipped one."""
    filename = CATALOGUE_FILES[name]
    own = data_dir() / "catalogues" / filename
    return own if own.is_file() else resources_dir() / "catalogues" / filename


def load_catalogue(name: str) -> dict[str, Any]:
    path = catalogue_path(name)
    try:
        return loads_bounded(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, JsonLimitError) as exc:
        raise ComposerError(
            _(
                "De catalogus ‘{name}’ ({path}) kan niet worden gelezen: {reason}. "
                "Herstel het bestand of verwijder het om de meegeleverde versie te gebruiken."
            ).format(
                name=name, path=path, reason=exc.reason if isinstance(exc, JsonLimitError) else exc
            )
        ) from None


@dataclass(frozen=True)
class ServicePromise:
    number: int
    topic: str
    text: str
    placeholder: bool
    source: str = ""


@dataclass(frozen=True)
class Profile:
    """The sending organisation, for the letterhead and the press contact."""

    name: str
    street: str
    house_number: str
    postcode: str
    city: str
    place: str
    phone: str
    email: str
    website: str
    press_contact: dict[str, str] = field(default_factory=dict)


def load_promises() -> dict[int, ServicePromise]:
    items = load_catalogue("servicebeloften")["items"]
    return {
        int(item["number"]): ServicePromise(
            number=int(item["number"]),
            topic=item.get("topic", ""),
            text=item.get("text", ""),
            placeholder=bool(item.get("placeholder")) or not item.get("text", "").strip(),
            source=item.get("source", ""),
        )
        for item in items
    }


def promise_for_letter(promises: dict[int, ServicePromise], number: int) -> ServicePromise:
    """The promise a letter refers to; placeholders and unknown numbers are refused."""
    promise = promises.get(number)
    if promise is None:
        if not promises:
            raise ComposerError(
                _(
                    "Servicebelofte {number} bestaat niet in de catalogus Servicebeloften "
                    "(bekend: geen)."
                ).format(number=number)
            )
        known = ", ".join(str(n) for n in sorted(promises))
        raise ComposerError(
            _(
                "Servicebelofte {number} bestaat niet in de catalogus Servicebeloften "
                "(bekend: {known})."
            ).format(number=number, known=known)
        )
    if promise.placeholder:
        raise ComposerError(
            _(
                "Servicebelofte {number} ({topic}) heeft nog geen tekst in de catalogus "
                "Servicebeloften. Vul de officiële tekst in of haal de servicebelofte uit de brief."
            ).format(number=number, topic=promise.topic)
        )
    return promise


SNAPSHOT_KEY = "snapshot"


def promises_for(
    letter_extra: dict[str, Any], promises: dict[int, ServicePromise]
) -> dict[int, ServicePromise]:
    """The catalogue, with the promise texts a saved version recorded taking precedence.

    A version in the library stores the promises it used (`snapshot.promises`), so an old letter
    renders as it was even after the catalogue changed.
    """
    recorded = letter_extra.get(SNAPSHOT_KEY, {})
    recorded = recorded.get("promises", {}) if isinstance(recorded, dict) else {}
    merged = dict(promises)
    exact: set[int] = set()  # "4" wins over "4.0", the key of a version saved before 4.0 was 4
    for key, item in recorded.items() if isinstance(recorded, dict) else []:
        number = promise_number_of_key(key)
        if not isinstance(item, dict) or number is None or number in exact:
            continue
        if str(key) == str(number):
            exact.add(number)
        text = str(item.get("text", ""))
        merged[number] = ServicePromise(
            number=number,
            topic=str(item.get("topic", "")),
            text=text,
            placeholder=bool(item.get("placeholder")) or not text.strip(),
            source=str(item.get("source", "")),
        )
    return merged


def load_profile() -> Profile:
    data = load_catalogue("organisatie")
    address = data.get("address", {})
    return Profile(
        name=data.get("name", ""),
        street=address.get("street", ""),
        house_number=address.get("house_number", ""),
        postcode=address.get("postcode", ""),
        city=address.get("city", ""),
        place=data.get("place", address.get("city", "")),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        website=data.get("website", ""),
        press_contact=dict(data.get("press_contact", {})),
    )


def load_quotes() -> list[dict[str, Any]]:
    return list(load_catalogue("citaten")["items"])


def load_address_book() -> list[dict[str, Any]]:
    return list(load_catalogue("adresboek")["items"])
