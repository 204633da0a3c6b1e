"""Importing into the address book: which contact an imported addressee is, and what changes.

The rule that says an imported row and a contact in the address book are the same (documented for
users in docs/merge.md, "Importeren in het adresboek"):

- Names are compared *normalised*: case, accents, dots, apostrophes and spaces do not count, and
  a tussenvoegsel counts as part of the surname wherever it was typed (`van der` + `Aa` is
  `Van der Aa`). A Dutch postcode is compared without its space (`1234AB` is `1234 AB`), a house
  number without spaces and hyphens (`12-a` is `12 A`). The e-mail address plays no part in
  matching: a person who changed address is the same person.
- **A person** (a row with a surname) is the same as a contact with a person when
  - the surnames, with their tussenvoegsels, are the same;
  - the given names agree: first names equal where both have one, initials equal where both have
    them, and the first letter equal where one has only initials and the other only a first name.
    A row without initials or first name matches only a contact without them, and the other way
    round (`Aa` alone is not taken to be `J. van der Aa`);
  - the organisation is the same, or the row has none (a list without an organisation column does
    not make everyone someone else). A row *with* an organisation is never matched to a contact
    without one, or with another one: that is a new contact.
- **An organisation without a person** is the same as a contact without a person when the
  organisation is the same, the departments do not differ (where both have one) and the address is
  the same place (postcode and house number, or postcode and postbus). The same organisation at
  another place is *twijfel*: another branch, or a move? Composer does not guess.
- When a row matches two or more contacts, the one at the same place is chosen; when that does not
  leave exactly one, the row is *twijfel*.
- A row that matches a contact an earlier row of the same list already matched (or an earlier row
  that is new) is *ongewijzigd* when it says nothing else, and *twijfel* when it differs.

Twijfel is never imported on its own: only when the user chooses it is the row added as a new
contact (`ImportPlan.add_as_new`, by row index); otherwise it is skipped.

What an update changes: a field that is empty in the import never erases a filled one. The address
is one whole: when the row has a street or a postbus, its street, house number, postbus, postcode,
place, country and region replace the contact's (a new street with the old postcode would be a
wrong address); only without a street and postbus are its filled address fields taken one by one.
A value that differs only in case or spacing (`UTRECHT`, `1234AB`, `12 A`) is no change: the
address book's writing stays. The surname and tussenvoegsel of a matched person stay as the
address book writes them (they matched, so at most the spelling differs); initials and first name
are filled in where the contact has none; the form of address is taken when the row gives one;
department, function and e-mail address are taken when the row gives them (a new e-mail address
is an update; one that differs only in case is none).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from composer.core.catalogue_editing import new_entries, tidy_entry
from composer.core.models import PERSON_NAME_KEYS
from composer.dutch.names import normalised_initials
from composer.dutch.postcodes import normalise_postcode
from composer.i18n import N_, _


class Outcome(Enum):
    NEW = "nieuw"  # not screen text: the values are keys
    UPDATE = "bijwerken"
    UNCHANGED = "ongewijzigd"
    DOUBT = "twijfel"


# (path, label): the fields of a contact an import may change, in the order they are shown.
# The organisation is not among them: a row that matched has the same one (or none).
_DEPARTMENT_FIELD = ("department", N_("Afdeling"))  # not screen text: the path
_PERSON_FIELDS = (  # not screen text: the paths
    ("form", N_("Aanhef")),
    ("initials", N_("Voorletters")),
    ("first_name", N_("Voornaam")),
)
_ROLE_FIELD = ("role", N_("Functie"))  # not screen text: the path
_EMAIL_FIELD = ("email", N_("E-mailadres"))  # not screen text: the path
# The address: street and house number are shown together, as on an envelope.
_LOCATION_KEYS = ("street", "house_number", "postbox", "postcode", "city", "country", "region")
_ADDRESS_LABELS = (  # not screen text: the keys
    ("street", N_("Straat")),
    ("postbox", N_("Postbus")),
    ("postcode", N_("Postcode")),
    ("city", N_("Plaats")),
    ("country", N_("Land")),
    ("region", N_("Regio")),
)
_FORM_NAMES = {"mevrouw": N_("mevrouw"), "heer": N_("heer"), "neutraal": N_("neutraal")}
_EMPTY = N_("(leeg)")


@dataclass(frozen=True)
class FieldChange:
    """One field an update changes, as the user knows it: `Straat: Kerkstraat 1 → Dorpsweg 2`."""

    label: str  # marked with N_(), translated where shown
    old: str
    new: str

    def text(self) -> str:
        return _("{field}: {old} → {new}").format(
            field=_(self.label), old=self.old or _(_EMPTY), new=self.new or _(_EMPTY)
        )


@dataclass
class PlannedRow:
    """What the import does with one imported row."""

    index: int  # the row's position in the imported rows
    outcome: Outcome
    data: dict[str, Any]  # the imported addressee, tidied
    target: str = ""  # UPDATE, UNCHANGED: the id of the matched contact ("" for a row of the list)
    contact: dict[str, Any] | None = None  # UPDATE: the contact as it will be
    matched: dict[str, Any] | None = None  # UPDATE: the contact as it is (the very object)
    changes: tuple[FieldChange, ...] = ()
    resembles: tuple[dict[str, Any], ...] = ()  # DOUBT: the contacts it may be
    repeats: int | None = None  # the index of an earlier row of the list it is the same as
    add_as_new: bool = False  # DOUBT: the user chose to add it as a new contact


@dataclass
class ImportPlan:
    """Every imported row with its outcome; `add_as_new` holds the doubtful rows the user chose."""

    imported: list[dict[str, Any]]
    rows: list[PlannedRow]
    add_as_new: frozenset[int] = frozenset()

    def count(self, outcome: Outcome) -> int:
        return sum(1 for row in self.rows if row.outcome is outcome)

    @property
    def added(self) -> int:
        """Contacts the import adds: new rows and the doubtful ones the user chose."""
        return sum(1 for row in self.rows if row.outcome is Outcome.NEW or row.add_as_new)

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.count(Outcome.UPDATE))


@dataclass(frozen=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    doubts_skipped: int


# Normalising


def _text(item: Any, *path: str) -> str:
    value = item
    for key in path:
        value = value.get(key, "") if isinstance(value, dict) else ""
    return value.strip() if isinstance(value, str) else ""


def _fold(text: str) -> str:
    """`Van der Aa`, `van  der aa` → `van der aa`; `Qlix B.V.` → `qlix bv`; `’t Hart` → `t hart`."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    plain = re.sub(r"[.'’‘`´]", "", plain)
    plain = re.sub(r"\s*-\s*", "-", plain)
    plain = re.sub(r"[^\w\-]+", " ", plain)
    return " ".join(plain.split())


def _compact(text: str) -> str:
    """`1234 ab` → `1234ab`; `12 - A` → `12a`: for postcodes, house numbers and postbus numbers."""
    return re.sub(r"[\s\-]+", "", _fold(text))


def _person(item: dict[str, Any]) -> dict[str, Any] | None:
    person = item.get("person")
    if not isinstance(person, dict) or not any(_text(person, key) for key in PERSON_NAME_KEYS):
        return None
    return person


def _surname(person: dict[str, Any]) -> str:
    return _fold(f"{_text(person, 'infix')} {_text(person, 'surname')}")


def _initials(person: dict[str, Any]) -> str:
    return re.sub(r"[^\w]", "", _fold(_text(person, "initials")))


def _given_names_agree(a: dict[str, Any], b: dict[str, Any]) -> bool:
    a_initials, b_initials = _initials(a), _initials(b)
    a_first, b_first = _fold(_text(a, "first_name")), _fold(_text(b, "first_name"))
    a_any, b_any = a_initials or a_first, b_initials or b_first
    if not a_any or not b_any:
        return not a_any and not b_any
    if a_first and b_first and a_first != b_first:
        return False
    if a_initials and b_initials and a_initials != b_initials:
        return False
    if (a_first and b_first) or (a_initials and b_initials):
        return True
    return a_any[0] == b_any[0]  # initials on one side, a first name on the other


def _place(item: dict[str, Any]) -> tuple[str, str]:
    """(postcode, house number or `postbus N`), compared without spaces and case."""
    postbox = _compact(_text(item, "address", "postbox"))
    where = f"postbus{postbox}" if postbox else _compact(_text(item, "address", "house_number"))
    return _compact(_text(item, "address", "postcode")), where


def _same_person(row: dict[str, Any], contact: dict[str, Any]) -> bool:
    row_person, contact_person = _person(row), _person(contact)
    if row_person is None or contact_person is None or not _surname(row_person):
        return False
    if _surname(row_person) != _surname(contact_person):
        return False
    if not _given_names_agree(row_person, contact_person):
        return False
    organisation = _fold(_text(row, "organisation"))
    return not organisation or organisation == _fold(_text(contact, "organisation"))


def _same_organisation(row: dict[str, Any], contact: dict[str, Any]) -> bool:
    """An organisation without a person: same name, departments that do not differ."""
    if _person(row) is not None or _person(contact) is not None:
        return False
    organisation = _fold(_text(row, "organisation"))
    if not organisation or organisation != _fold(_text(contact, "organisation")):
        return False
    departments = _fold(_text(row, "department")), _fold(_text(contact, "department"))
    return not all(departments) or departments[0] == departments[1]


def matching_contacts(
    row: dict[str, Any], contacts: Iterable[dict[str, Any]]
) -> tuple[list[dict[str, Any]], bool]:
    """The contacts `row` may be, and whether that is certain (exactly one, by the rule above)."""
    if _person(row) is not None:
        found = [contact for contact in contacts if _same_person(row, contact)]
        needs_place = False
    else:
        found = [contact for contact in contacts if _same_organisation(row, contact)]
        needs_place = True  # an organisation without a person is also its place
    if len(found) > 1 or (needs_place and found):
        at_place = [contact for contact in found if _place(contact) == _place(row)]
        if len(at_place) == 1:
            return at_place, True
        return found, False
    return found, len(found) == 1


# Merging


def _equivalent(key: str, old: str, new: str) -> bool:
    if key == "postcode":
        return normalise_postcode(old).upper() == normalise_postcode(new).upper()
    if key == "initials":
        return normalised_initials(old) == normalised_initials(new)
    if key in ("house_number", "postbox"):
        return _compact(old) == _compact(new)
    return " ".join(old.casefold().split()) == " ".join(new.casefold().split())


def _street_line(address: dict[str, Any]) -> str:
    return " ".join(p for p in (_text(address, "street"), _text(address, "house_number")) if p)


def _merged_address(
    old: dict[str, Any], new: dict[str, Any]
) -> tuple[dict[str, Any], list[FieldChange]]:
    merged = dict(old)
    if _text(new, "street") or _text(new, "postbox"):  # a whole address: it replaces the old one
        for key in _LOCATION_KEYS:
            value = _text(new, key)
            if _equivalent(key, _text(old, key), value):
                continue
            if value or key != "region":
                merged[key] = value
            else:
                merged.pop(key, None)  # as the letter file: a region only when given
    else:
        for key in _LOCATION_KEYS:
            value = _text(new, key)
            if value and not _equivalent(key, _text(old, key), value):
                merged[key] = value
    changes = []
    for key, label in _ADDRESS_LABELS:
        if key == "street":
            before, after = _street_line(old), _street_line(merged)
        else:
            before, after = _text(old, key), _text(merged, key)
        if before != after:
            changes.append(FieldChange(label, before, after))
    return merged, changes


def _form_text(form: str) -> str:
    return _(_FORM_NAMES[form]) if form in _FORM_NAMES else form


def merge_contact(
    contact: dict[str, Any], row: dict[str, Any]
) -> tuple[dict[str, Any], tuple[FieldChange, ...]]:
    """The contact with what the row adds or changes, and the changes as the user reads them."""
    merged = copy.deepcopy(contact)
    changes: list[FieldChange] = []

    def take(target: dict[str, Any], key: str, label: str, value: str, shown=str) -> None:
        old = _text(target, key)
        if value and not _equivalent(key, old, value):
            target[key] = value
            changes.append(FieldChange(label, shown(old), shown(value)))

    take(merged, *_DEPARTMENT_FIELD, _text(row, _DEPARTMENT_FIELD[0]))
    row_person, person = _person(row), merged.get("person")
    if row_person is not None and isinstance(person, dict):
        for key, label in _PERSON_FIELDS:
            if key == "form":
                take(person, key, label, _text(row_person, key), _form_text)
            elif not _text(person, key):  # given names only fill in: they matched
                take(person, key, label, _text(row_person, key))
        if row_person.get("name_as_registered") is True and not person.get("name_as_registered"):
            person["name_as_registered"] = True
            changes.append(FieldChange(N_("Naam zoals geregistreerd"), _("nee"), _("ja")))
    take(merged, *_ROLE_FIELD, _text(row, _ROLE_FIELD[0]))
    take(merged, *_EMAIL_FIELD, _text(row, _EMAIL_FIELD[0]))
    old_address = contact.get("address") if isinstance(contact.get("address"), dict) else {}
    new_address = row.get("address") if isinstance(row.get("address"), dict) else {}
    merged["address"], address_changes = _merged_address(old_address, new_address)
    changes.extend(address_changes)
    return merged, tuple(changes)


# The plan


def _bucket(item: dict[str, Any]) -> tuple[str, str] | None:
    """Only contacts in the same bucket can match: a person's surname, else the organisation."""
    person = _person(item)
    if person is not None:
        surname = _surname(person)
        return ("person", surname) if surname else None
    organisation = _fold(_text(item, "organisation"))
    return ("organisation", organisation) if organisation else None


class _Pool:
    """The contacts as the rows so far leave them (with the new rows), found by bucket; each
    entry is [id of the contact or "" for a row of the list, the contact, the row that claimed it].
    """

    def __init__(self, contacts: Iterable[dict[str, Any]]) -> None:
        self.entries: list[list[Any]] = []
        self.buckets: dict[tuple[str, str], list[int]] = {}
        for contact in contacts:
            self.add(str(contact.get("id", "")), contact, None)

    def add(self, target: str, contact: dict[str, Any], claimed_by: int | None) -> None:
        key = _bucket(contact)
        if key is not None:
            self.buckets.setdefault(key, []).append(len(self.entries))
        self.entries.append([target, contact, claimed_by])

    def match(self, row: dict[str, Any]) -> tuple[list[int], bool]:
        """The positions of the contacts `row` may be, and whether that is certain."""
        key = _bucket(row)
        positions = self.buckets.get(key, []) if key is not None else []
        found, certain = matching_contacts(row, [self.entries[i][1] for i in positions])
        chosen = {id(contact) for contact in found}
        return [i for i in positions if id(self.entries[i][1]) in chosen], certain


def plan_import(
    rows: Sequence[dict[str, Any]],
    contacts: Sequence[dict[str, Any]],
    *,
    add_as_new: Collection[int] = (),
) -> ImportPlan:
    """What importing `rows` (addressees in letter-file form, valid) into `contacts` would do.

    Rows are taken in order: a row sees the contacts as the earlier rows left them, and the rows
    before it that are new (so a list that names someone twice adds them once).
    """
    chosen = frozenset(add_as_new)
    pool = _Pool(contacts)
    planned = []
    for index, raw in enumerate(rows):
        data = tidy_entry(copy.deepcopy(raw))
        positions, certain = pool.match(data)
        if not positions:
            planned.append(PlannedRow(index, Outcome.NEW, data))
            pool.add("", data, index)
            continue
        found = [pool.entries[i][1] for i in positions]
        if not certain:
            planned.append(_doubt(index, data, found, None, chosen, pool))
            continue
        target, contact, claimed_by = pool.entries[positions[0]]
        merged, changes = merge_contact(contact, data)
        if claimed_by is not None:  # an earlier row of this list is this contact already
            if changes:
                planned.append(_doubt(index, data, found, claimed_by, chosen, pool))
            else:
                planned.append(
                    PlannedRow(index, Outcome.UNCHANGED, data, target, repeats=claimed_by)
                )
            continue
        pool.entries[positions[0]] = [target, merged if changes else contact, index]
        if changes:
            planned.append(
                PlannedRow(index, Outcome.UPDATE, data, target, merged, contact, changes)
            )
        else:
            planned.append(PlannedRow(index, Outcome.UNCHANGED, data, target))
    return ImportPlan([dict(row) for row in rows], planned, chosen)


def _doubt(
    index: int,
    data: dict[str, Any],
    found: list[dict[str, Any]],
    repeats: int | None,
    chosen: frozenset[int],
    pool: _Pool,
) -> PlannedRow:
    row = PlannedRow(
        index,
        Outcome.DOUBT,
        data,
        resembles=tuple(found),
        repeats=repeats,
        add_as_new=index in chosen,
    )
    if row.add_as_new:
        pool.add("", data, index)
    return row


def apply_import(plan: ImportPlan, contacts: list[dict[str, Any]]) -> ImportResult:
    """Update and extend `contacts` in place, in one step, as the plan says.

    The plan is made again against `contacts` (with the user's choices), so what is applied
    follows the rule even when the list differs from the one the preview showed.
    """
    fresh = plan_import(plan.imported, contacts, add_as_new=plan.add_as_new)
    updated = {id(row.matched): row.contact for row in fresh.rows if row.outcome is Outcome.UPDATE}
    result = [updated.get(id(contact), contact) for contact in contacts]
    additions = [row.data for row in fresh.rows if row.outcome is Outcome.NEW or row.add_as_new]
    result.extend(new_entries(additions, result))
    contacts[:] = result
    return ImportResult(
        added=len(additions),
        updated=len(updated),
        unchanged=fresh.count(Outcome.UNCHANGED),
        doubts_skipped=sum(
            1 for row in fresh.rows if row.outcome is Outcome.DOUBT and not row.add_as_new
        ),
    )
