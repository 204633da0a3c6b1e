"""Editing catalogues: the user's JSON copy, a library version, the address-book rules."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from composer.core.catalogues import (
    CATALOGUE_FILES,
    LOGO_MAX_BYTES,
    load_catalogue,
    logo_file_name_problem,
)
from composer.core.letterfile import addressee_from_dict
from composer.core.models import PERSON_NAME_KEYS, Person
from composer.core.validation import addressee_problems
from composer.dutch.addresses import address_lines
from composer.dutch.names import address_name, capitalise_name_start
from composer.dutch.postcodes import is_valid_dutch_postcode, normalise_postcode
from composer.errors import AddressError, ComposerError
from composer.fileio import make_folder, read_problems, write_bytes_atomic, write_text_atomic
from composer.i18n import N_, _
from composer.paths import data_dir

# What an entry without a name or organisation is called in lists.
_NO_NAME = N_("(zonder naam)")
WHOLE_ENTRY = ""  # the key of a problem that is about the entry as a whole


class CatalogueRecorder(Protocol):
    """What the library offers for catalogues (composer.storage.library.Library)."""

    def save_catalogue(self, name: str, content: dict[str, Any], *, author: str) -> int: ...


class CatalogueChanged(ComposerError):
    """The user's catalogue file was changed by someone else since it was opened."""


def user_catalogue_path(name: str) -> Path:
    """Where the user's own copy of catalogue `name` lives (it may not exist yet)."""
    return data_dir() / "catalogues" / CATALOGUE_FILES[name]


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ComposerError(
            _("‘{path}’ kan niet worden gelezen: {reason}.").format(path=path, reason=exc.strerror)
        ) from None


@dataclass
class CatalogueDocument:
    """A catalogue opened for editing; `digest` is the user's file as it was when opened.

    `files`: files to write beside the catalogue when it is saved (file name → bytes; None:
    remove the file), such as the organisation's logo.
    """

    name: str
    content: dict[str, Any]
    digest: str | None
    files: dict[str, bytes | None] = field(default_factory=dict)

    @property
    def items(self) -> list[dict[str, Any]]:
        return self.content.setdefault("items", [])


def open_catalogue(name: str) -> CatalogueDocument:
    """The catalogue as the program uses it now (the user's copy, else the shipped one)."""
    digest = _digest(user_catalogue_path(name))
    return CatalogueDocument(name, copy.deepcopy(load_catalogue(name)), digest)


def catalogue_text(content: dict[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


def save_catalogue(
    document: CatalogueDocument,
    *,
    library: CatalogueRecorder | None = None,
    author: str = "",
) -> Path:
    """Record the catalogue as a library version (when a library is given), then write the file.

    Refused, with nothing changed, when the user's file changed on disk since it was opened.
    """
    path = user_catalogue_path(document.name)
    if _digest(path) != document.digest:
        raise CatalogueChanged(
            _(
                "De catalogus ‘{name}’ ({path}) is intussen buiten dit venster gewijzigd; "
                "er is niets opgeslagen. Sluit het venster zonder opslaan en open het opnieuw."
            ).format(name=document.name, path=path)
        )
    text = catalogue_text(document.content)
    for name in document.files:
        if logo_file_name_problem(name):
            raise ValueError(f"not a plain file name: {name!r}")  # a programming error
    if library is not None:
        library.save_catalogue(document.name, document.content, author=author)
    make_folder(path.parent)
    for name, data in document.files.items():  # first the files the catalogue will name …
        if data is not None:
            write_bytes_atomic(path.parent / name, data)
    write_text_atomic(path, text)
    for name, data in document.files.items():  # … and only then away with what it no longer names
        if data is None:
            with contextlib.suppress(OSError):
                (path.parent / name).unlink()
    document.files.clear()
    document.digest = _digest(path)
    return path


# The organisation's logo

LOGO_MAX_PIXELS = 4000  # the chosen image, width and height
LOGO_STORED_WIDTH = 1000  # wider: scaled down, so the documents stay small


def logo_png_from_file(path: Path) -> bytes:
    """The image at `path` (PNG or JPEG) as the logo the profile stores: a PNG at most
    1000 pixels wide. A Dutch message for another kind of file, a broken or a too large one."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    with read_problems(
        path,
        missing=_("Het bestand ‘{path}’ bestaat niet. Kies een ander bestand."),
        folder=_("‘{path}’ is een map. Kies een afbeelding."),
        no_access=_("Geen toegang tot ‘{path}’. Kies een ander bestand."),
        unreadable=_("‘{path}’ kan niet worden gelezen: {reason}."),
    ):
        size = path.stat().st_size
        if size > LOGO_MAX_BYTES:
            raise ComposerError(
                _(
                    "De afbeelding ‘{path}’ is {size} MB; een logo mag hoogstens 5 MB zijn. "
                    "Kies een kleinere afbeelding."
                ).format(path=path, size=f"{size / 1024 / 1024:.1f}".replace(".", ","))
            )
        data = path.read_bytes()
    not_an_image = ComposerError(
        _("‘{path}’ is geen PNG- of JPEG-afbeelding. Kies een logo als PNG of JPEG.").format(
            path=path
        )
    )
    too_large = _(
        "De afbeelding ‘{path}’ is {width} × {height} pixels; een logo mag hoogstens "
        "4000 × 4000 pixels zijn. Kies een kleinere afbeelding."
    )
    try:
        image = Image.open(io.BytesIO(data), formats=("PNG", "JPEG"))
    except Image.DecompressionBombError:
        raise ComposerError(too_large.format(path=path, width="…", height="…")) from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise not_an_image from None
    with image:
        width, height = image.size
        if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS or not (width and height):
            raise ComposerError(too_large.format(path=path, width=width, height=height))
        try:
            image.load()
            logo = ImageOps.exif_transpose(image)
            transparent = logo.mode in ("RGBA", "LA", "PA") or "transparency" in logo.info
            logo = logo.convert("RGBA" if transparent else "RGB")
        except (OSError, ValueError, SyntaxError):
            raise ComposerError(
                _(
                    "De afbeelding ‘{path}’ is beschadigd en kan niet worden gelezen. Kies een "
                    "ander bestand."
                ).format(path=path)
            ) from None
    if logo.width > LOGO_STORED_WIDTH:
        height = max(1, round(logo.height * LOGO_STORED_WIDTH / logo.width))
        logo = logo.resize((LOGO_STORED_WIDTH, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    logo.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].strip("-")


def unique_id(text: str, taken: Iterable[str]) -> str:
    """`Werkgeversvereniging WFC` → `werkgeversvereniging-wfc`, `-2` … when already taken.

    An entry without a name (`entry_label` gives "(zonder naam)" in the language of the screen)
    gets the same id whatever that language: `zonder-naam`.
    """
    used = set(taken)
    if text == _(_NO_NAME):
        text = _NO_NAME
    base = _slug(text) or "item"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


# The address book


def entry_name(item: dict[str, Any]) -> str:
    """The person's name as an address shows it: `N. van Liemt`; "" without a person."""
    person = item.get("person")
    if not isinstance(person, dict):
        return ""
    if not all(isinstance(person.get(key, ""), str) for key in ("form", *PERSON_NAME_KEYS)):
        return ""  # a row with wrong types (shown in an import preview): no name to show
    name = address_name(Person(**{key: person.get(key, "") for key in PERSON_NAME_KEYS}))
    return capitalise_name_start(name)  # standing alone: `De Boer`, as at the start of a line


def entry_label(item: dict[str, Any]) -> str:
    """What the entry is called in lists and ids: `N. van Liemt (WFC)`, or what there is."""
    name = entry_name(item)
    organisation = item.get("organisation", "")
    organisation = organisation if isinstance(organisation, str) else ""
    if name and organisation:
        return f"{name} ({organisation})"
    return name or organisation or _(_NO_NAME)


def _folded(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in plain if not unicodedata.combining(char))


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)


def entry_matches(item: dict[str, Any], query: str) -> bool:
    """Every word of `query` occurs in some field; case and accents do not matter."""
    haystack = _folded(" ".join(_strings({k: v for k, v in item.items() if k != "id"})))
    return all(word in haystack for word in _folded(query).split())


def _missing_dutch_fields(data: dict[str, Any]) -> dict[str, str]:
    """Each empty field a Dutch address needs, so every one is shown beside its own field."""
    address = data.get("address")
    if not isinstance(address, dict) or str(address.get("country") or "NL").upper() != "NL":
        return {}

    def empty(key: str) -> bool:
        value = address.get(key, "")
        return isinstance(value, str) and not value.strip()

    missing = {}
    if empty("street") and empty("postbox"):
        missing["address.street"] = _("De straat (of de postbus) ontbreekt. Vul er een van in.")
    if empty("city"):
        missing["address.city"] = _("De plaats ontbreekt. Vul de plaats in.")
    return missing


def entry_problems(item: dict[str, Any]) -> dict[str, str]:
    """Problems per field (`address.postcode`, …; WHOLE_ENTRY for the entry as a whole)."""
    data = {key: value for key, value in item.items() if key != "id"}
    problems: dict[str, str] = {}
    for path, message in addressee_problems(data):
        problems.setdefault(path, message)
    problems.update(_missing_dutch_fields(data))
    if problems:
        return problems
    try:
        address_lines(addressee_from_dict(data))
    except AddressError as error:
        problems[error.field or WHOLE_ENTRY] = error.message
    return problems


def tidy_entry(item: dict[str, Any]) -> dict[str, Any]:
    """Fields stripped, a valid Dutch postcode written as `1234 AB`, no empty person."""
    tidy: dict[str, Any] = {}
    for key, value in item.items():
        if isinstance(value, str):
            tidy[key] = value.strip()
        elif isinstance(value, dict):
            tidy[key] = {k: v.strip() if isinstance(v, str) else v for k, v in value.items()}
        else:
            tidy[key] = value
    address = tidy.get("address", {})
    country = (address.get("country") or "NL").upper()
    address["country"] = country
    if country == "NL" and is_valid_dutch_postcode(address.get("postcode", "")):
        address["postcode"] = normalise_postcode(address["postcode"])
    person = tidy.get("person")
    if isinstance(person, dict) and not any(person.get(key) for key in PERSON_NAME_KEYS):
        tidy.pop("person")
    return tidy


def with_kept_keys(original: Any, shown: dict[str, Any]) -> dict[str, Any]:
    """`shown` (the fields a form edits) over the keys of `original` it does not show (an
    address's `region`, keys of a newer program), so editing an entry loses nothing."""
    return {**(original if isinstance(original, dict) else {}), **shown}


def new_entries(rows: Iterable[dict[str, Any]], existing: list[dict[str, Any]]) -> list[dict]:
    """Address-book items (each with a fresh id) for imported addressees in letter-file form."""
    taken = {str(item.get("id", "")) for item in existing}
    items = []
    for data in rows:
        item = tidy_entry(copy.deepcopy(data))
        item_id = unique_id(entry_label(item), taken)
        taken.add(item_id)
        items.append({"id": item_id, **item})
    return items


# Quotes


def quote_approved(item: dict[str, Any]) -> bool:
    """Only approved quotes are offered in a letter; the shipped ones (no field) are approved."""
    return bool(item.get("approved", True))


def approved_quotes(items: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [item for item in items if quote_approved(item)]
