"""Plain dataclasses for a letter and the people and addresses in it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, Literal

FORMAT_V1 = "composer-letter/1"
FORMAT_V2 = "composer-letter/2"  # written today; a /1 file is read as /2 (docs/letter-format.md)
FORMATS = (FORMAT_V1, FORMAT_V2)

# "" means the form of address is not known: "Geachte heer of mevrouw …".
PersonForm = Literal["mevrouw", "heer", "neutraal", ""]


@dataclass
class Person:
    form: PersonForm = ""
    initials: str = ""
    first_name: str = ""
    infix: str = ""
    surname: str = ""
    # True for names written exactly as registered (Belgian names): infix kept as entered.
    name_as_registered: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Address:
    street: str = ""
    house_number: str = ""
    postbox: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "NL"  # ISO 3166-1 alpha-2
    region: str = ""  # state or province where a country needs it (US)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Addressee:
    organisation: str = ""
    department: str = ""
    person: Person | None = None
    role: str = ""
    email: str = ""  # where "Verzenden per e-mail" sends it; never printed in the letter
    address: Address = field(default_factory=Address)
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Run:
    """A stretch of text with the same marks. `rich_text` keeps runs canonical."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Paragraph:
    """An alinea. `text` is always its plain text; `runs` is None for unmarked text, else the
    marked runs whose texts join to `text` (build one with `rich_text.paragraph`)."""

    text: str = ""
    runs: list[Run] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    type: Literal["paragraph"] = "paragraph"


@dataclass
class ListItem:
    """One item of a list: plain `text`, with `runs` as in a Paragraph."""

    text: str = ""
    runs: list[Run] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


ListStyle = Literal["bullet", "number"]


@dataclass
class ListBlock:
    """A bulleted ("bullet") or numbered ("number": 1. 2. 3.) list."""

    style: ListStyle = "bullet"
    items: list[ListItem] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    type: Literal["list"] = "list"


@dataclass
class Heading:
    """A heading in the body (a Word heading style)."""

    text: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    type: Literal["heading"] = "heading"


def promise_number(value: Any) -> int | None:
    """The number of a servicebelofte as the letter file gives it: 4, or 4.0 (JSON does not
    tell them apart, so 4.0 is read as 4); None for anything else (4.5, "4", true)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def promise_number_of_key(key: Any) -> int | None:
    """The number a snapshot key stands for: "4" → 4; also "4.0", the key a version saved
    before 4.0 was read as 4 may carry; None for anything else."""
    text = str(key)
    whole, dot, fraction = text.partition(".")
    if whole.isdigit() and whole.isascii() and (not dot or (fraction and set(fraction) == {"0"})):
        return int(whole)
    return None


@dataclass
class Promise:
    number: int
    extra: dict[str, Any] = field(default_factory=dict)
    type: Literal["promise"] = "promise"


@dataclass
class Quote:
    text: str
    speaker: str = ""
    role: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    type: Literal["quote"] = "quote"


Block = Paragraph | Promise | Quote | ListBlock | Heading
RichText = Paragraph | ListItem  # text that may carry bold, italic and underline


@dataclass
class Signatory:
    name: str
    role: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Letter:
    template: str
    date: dt.date
    subject: str = ""
    place: str = ""
    our_reference: str = ""
    your_reference: str = ""
    addressees: list[Addressee] = field(default_factory=list)
    salutation: str = ""
    body: list[Block] = field(default_factory=list)
    closing: str = "Met vriendelijke groet,"
    signatories: list[Signatory] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)
    copies: list[str] = field(default_factory=list)
    format: str = FORMAT_V2
    # Keys this version of the program does not know; written back unchanged.
    extra: dict[str, Any] = field(default_factory=dict)


def field_names(cls: type) -> tuple[str, ...]:
    """The keys a dataclass has in the letter file, in its order; `extra` is not one of them."""
    return tuple(item.name for item in fields(cls) if item.name != "extra")


# The one list of each kind's keys: the letter file, merge lists, the address book and the
# renderer read these, so a field added to a dataclass reaches all of them.
PERSON_KEYS = field_names(Person)
PERSON_NAME_KEYS = tuple(key for key in PERSON_KEYS if key not in ("form", "name_as_registered"))
ADDRESS_KEYS = field_names(Address)
ADDRESSEE_KEYS = field_names(Addressee)
SIGNATORY_KEYS = field_names(Signatory)
RUN_KEYS = field_names(Run)
MARKS = ("bold", "italic", "underline")  # the marks a run may carry, in the file's order
LETTER_KEYS = field_names(Letter)
