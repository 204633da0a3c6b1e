"""Catalogues as data: servicebeloften, director's quotes, organisation profile, address book."""

from __future__ import annotations

import functools
import io
import json
import struct
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


# The organisation's logo: a PNG beside the organisation catalogue, named in its "logo" key.
LOGO_FILE = "organisatie-logo.png"  # not screen text: a file name
LOGO_MAX_BYTES = 5 * 1024 * 1024
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Logo:
    """The logo as the documents carry it: PNG bytes and the size in pixels."""

    png: bytes
    width: int
    height: int


@dataclass(frozen=True)
class Profile:
    """The sending organisation, for the letterhead and the press contact.

    `kvk`, `iban` (compact) and `btw` are "" when not filled; `logo_path` is None without logo.
    """

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
    short_name: str = ""
    kvk: str = ""
    iban: str = ""
    btw: str = ""
    about: str = ""
    logo_path: Path | None = None


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


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    return value if isinstance(value, str) else ""


def logo_file_name_problem(name: str) -> str:
    """ "" when `name` is a plain file name (no folder), else what is wrong with it."""
    if name in (".", "..") or Path(name).name != name or "\\" in name or "/" in name:
        return _(
            "De catalogus ‘organisatie’ noemt als logo ‘{name}’, maar dat moet de naam van een "
            "bestand naast de catalogus zijn. Kies het logo opnieuw onder Extra > Instellingen > "
            "Organisatie."
        ).format(name=name)
    return ""


def logo_path(data: dict[str, Any]) -> Path | None:
    """Where the logo the organisation catalogue `data` names is (beside the catalogue)."""
    name = _text(data, "logo").strip()
    if not name:
        return None
    problem = logo_file_name_problem(name)
    if problem:
        raise ComposerError(problem)
    return catalogue_path("organisatie").parent / name


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's header; ValueError when it is not a PNG."""
    if len(png) < 24 or not png.startswith(_PNG_SIGNATURE) or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")  # not screen text: turned into a message by read_logo
    return struct.unpack(">II", png[16:24])


def read_logo(path: Path) -> Logo:
    """The logo file, checked: a whole PNG. A Dutch message when it is missing or broken."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise _logo_unreadable(path, _("het bestand bestaat niet")) from None
    except OSError as exc:
        raise _logo_unreadable(path, exc.strerror or str(exc)) from None
    return _read_logo(str(path), stat.st_mtime_ns, stat.st_size)


def _logo_unreadable(path: Path, reason: str) -> ComposerError:
    return ComposerError(
        _(
            "Het logo van de organisatie (‘{path}’) kan niet worden gelezen: {reason}. Kies het "
            "logo opnieuw of verwijder het onder Extra > Instellingen > Organisatie."
        ).format(path=path, reason=reason)
    )


@functools.lru_cache(maxsize=4)
def _read_logo(path: str, _mtime_ns: int, size: int) -> Logo:
    """Read once per version of the file (a merge renders many letters with one logo)."""
    if size > LOGO_MAX_BYTES:
        raise _logo_unreadable(Path(path), _("het bestand is groter dan 5 MB"))
    try:
        png = Path(path).read_bytes()
    except OSError as exc:
        raise _logo_unreadable(Path(path), exc.strerror or str(exc)) from None
    try:
        width, height = png_size(png)
        from PIL import Image

        with Image.open(io.BytesIO(png)) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds of error for a damaged file
        raise _logo_unreadable(Path(path), _("het is geen geldige PNG-afbeelding")) from None
    if not (width and height):
        raise _logo_unreadable(Path(path), _("de afbeelding is leeg"))
    return Logo(png=png, width=width, height=height)


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
        short_name=_text(data, "short_name"),
        kvk=_text(data, "kvk").strip(),
        iban=_text(data, "iban").strip(),
        btw=_text(data, "btw").strip(),
        about=_text(data, "about").strip(),
        logo_path=logo_path(data),
    )


def load_quotes() -> list[dict[str, Any]]:
    return list(load_catalogue("citaten")["items"])


def load_address_book() -> list[dict[str, Any]]:
    return list(load_catalogue("adresboek")["items"])
