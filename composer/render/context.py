"""Turns a Letter into the values a template sees: Dutch rules applied, user text cleaned."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from composer.core.catalogues import Profile, ServicePromise, promise_for_letter
from composer.core.models import (
    ADDRESS_KEYS,
    PERSON_NAME_KEYS,
    Addressee,
    Heading,
    Letter,
    ListBlock,
    Paragraph,
    Promise,
    Quote,
)
from composer.dutch.addresses import address_lines
from composer.dutch.dates import format_date, place_date_line, press_dateline
from composer.dutch.names import person_designation
from composer.dutch.salutations import closing_or_default, salutation_for
from composer.dutch.typography import attribution, nested_quotes
from composer.errors import AddressError, ComposerError
from composer.i18n import _
from composer.render.letter_size import check_letter_size
from composer.render.list_numbering import LIST_NUM_BASE
from composer.render.press_quotes import quotes_run_inline
from composer.render.rich_runs import run_dicts
from composer.render.sender import sender_context
from composer.render.usertext import Cleaner

PRESS_RELEASE_KIND = "persbericht"


@dataclass
class RenderInputs:
    """What besides the letter decides the page: catalogues and settings."""

    profile: Profile
    promises: dict[int, ServicePromise]
    group_salutation: str = "Geachte dames en heren,"
    warnings: list[str] = field(default_factory=list)


def _address_block(addressee: Addressee, index: int) -> str:
    try:
        return "\n".join(address_lines(addressee))
    except AddressError as exc:
        problem = _("Geadresseerde {number}: {problem}").format(
            number=index + 1, problem=exc.message
        )
        raise AddressError(f"addressees[{index}]: {problem}", field=exc.field) from None


def _distribution_line(addressee: Addressee) -> str:
    parts = [addressee.organisation]
    if addressee.person is not None:
        person = person_designation(addressee.person, start_of_line=not addressee.organisation)
        parts.append(f"{person}, {addressee.role}" if addressee.role else person)
    elif addressee.role:
        parts.append(addressee.role)
    return ", ".join(part for part in parts if part)


def _recipients(
    addressees: list[Addressee], salutation: str, inputs: RenderInputs
) -> list[dict[str, str]]:
    """One copy of the letter per addressee: its own window and its own aanhef.

    A salutation typed in the letter applies to every copy; else each is derived for its addressee.
    """
    return [
        {
            "address_block": _address_block(addressee, index),
            "salutation": salutation_for(
                [addressee], salutation, group_salutation=inputs.group_salutation
            ),
        }
        for index, addressee in enumerate(addressees)
    ]


def promise_label(number: int, text: str) -> str:
    """`Servicebelofte 4` above the text, or "" when the text already names it (said once)."""
    if re.search(rf"\bservicebelofte\s+{number}(?!\d)", text, re.IGNORECASE):
        return ""
    return f"Servicebelofte {number}"


def _clean_addressee(addressee: Addressee, where: str, clean: Cleaner) -> Addressee:
    """A copy of the addressee with every text field cleaned (the letter itself is untouched)."""
    person = addressee.person
    if person is not None:
        person = replace(
            person,
            **{
                name: clean(getattr(person, name), f"{where}.person.{name}")
                for name in PERSON_NAME_KEYS
            },
        )
    address = addressee.address
    address = replace(
        address,
        **{
            name: clean(getattr(address, name), f"{where}.address.{name}")
            for name in ADDRESS_KEYS
            if name != "country"  # a code, checked by the address rules
        },
    )
    return replace(
        addressee,
        organisation=clean(addressee.organisation, f"{where}.organisation"),
        department=clean(addressee.department, f"{where}.department"),
        role=clean(addressee.role, f"{where}.role"),
        person=person,
        address=address,
    )


def _list(block: ListBlock, where: str, number: int, clean: Cleaner) -> dict[str, Any]:
    """A list: its items with their runs as `entries` (in Jinja `block.items` would be the
    dict's method); `text` (the items as lines) for templates without lists; `num_id` the
    numbering of this list alone (composer/render/list_numbering.py)."""
    entries = [
        {"text": clean(item.text, f"{where}.items[{i}].text"), "runs": run_dicts(item)}
        for i, item in enumerate(block.items)
    ]
    return {
        "type": "list",
        "style": "number" if block.style == "number" else "bullet",
        "text": "\n".join(item["text"] for item in entries),
        "entries": entries,
        "num_id": LIST_NUM_BASE + number,
    }


def _body(letter: Letter, kind: str, inputs: RenderInputs, clean: Cleaner) -> list[dict[str, Any]]:
    """The body blocks; in a press release the quotes run inline (press_quotes).

    A paragraph has `text` (plain) and `runs` (with their marks, for `{{r block|wordml }}`);
    a list `style`, `entries` and `num_id`; a heading `text`.
    """
    blocks: list[dict[str, Any]] = []
    lists = 0
    for index, block in enumerate(letter.body):
        where = f"body[{index}]"
        if isinstance(block, Paragraph):
            text = clean(block.text, f"{where}.text")
            blocks.append({"type": "paragraph", "text": text, "runs": run_dicts(block)})
        elif isinstance(block, ListBlock):
            blocks.append(_list(block, where, lists, clean))
            lists += 1
        elif isinstance(block, Heading):
            blocks.append({"type": "heading", "text": clean(block.text, f"{where}.text")})
        elif isinstance(block, Promise):
            try:
                promise = promise_for_letter(inputs.promises, block.number)
            except ComposerError as exc:
                raise ComposerError(f"{where}.number: {exc.message}") from None
            blocks.append(
                {
                    "type": "promise",
                    "number": promise.number,
                    "label": promise_label(promise.number, promise.text),
                    "topic": promise.topic,
                    "text": promise.text,
                }
            )
        elif isinstance(block, Quote):
            speaker = clean(block.speaker, f"{where}.speaker")
            role = clean(block.role, f"{where}.role")
            blocks.append(
                {
                    "type": "quote",
                    "text": nested_quotes(clean(block.text, f"{where}.text")),
                    "speaker": speaker,
                    "role": role,
                    "attribution": attribution(speaker, role),
                }
            )
    if kind == PRESS_RELEASE_KIND:
        return quotes_run_inline(blocks)
    return blocks


def build_context(letter: Letter, kind: str, inputs: RenderInputs) -> dict[str, Any]:
    """The template context for `letter`; warnings about cleaned text go to `inputs.warnings`."""
    check_letter_size(letter)
    clean = Cleaner()
    addressees = [
        _clean_addressee(a, f"addressees[{i}]", clean) for i, a in enumerate(letter.addressees)
    ]
    if kind == "brief" and not addressees:
        raise ComposerError("addressees: Een brief heeft minstens één geadresseerde nodig.")
    salutation = clean(letter.salutation, "salutation")
    recipients = _recipients(addressees, salutation, inputs)
    distribution = [_distribution_line(a) for a in addressees] if len(addressees) > 1 else []
    place = clean(letter.place, "place") or inputs.profile.place
    attachments = [clean(t, f"attachments[{i}]") for i, t in enumerate(letter.attachments)]
    copies = [clean(t, f"copies[{i}]") for i, t in enumerate(letter.copies)]
    signatories = [
        {
            "name": clean(s.name, f"signatories[{i}].name"),
            "role": clean(s.role, f"signatories[{i}].role"),
        }
        for i, s in enumerate(letter.signatories)
    ]
    contact = dict(inputs.profile.press_contact)
    context = {
        "sender": sender_context(inputs.profile),
        "letter": {
            "subject": clean(letter.subject, "subject"),
            "our_reference": clean(letter.our_reference, "our_reference"),
            "your_reference": clean(letter.your_reference, "your_reference"),
            "date": format_date(letter.date),
            "place": place,
            "place_date": place_date_line(place, letter.date),
            "dateline": press_dateline(place, letter.date),
            # The first copy's aanhef (each copy has its own in `recipients`).
            "salutation": recipients[0]["salutation"]
            if recipients
            else salutation_for([], salutation, group_salutation=inputs.group_salutation),
            "closing": closing_or_default(clean(letter.closing, "closing")),
            "signature_organisation": inputs.profile.name,
        },
        "recipients": recipients,
        "address_block": recipients[0]["address_block"] if recipients else "",
        "distribution": distribution,
        "body": _body(letter, kind, inputs, clean),
        "signatories": signatories,
        "attachments": attachments,
        "attachments_label": "Bijlage" if len(attachments) == 1 else "Bijlagen",
        "copies": copies,
        "copies_label": "Kopie aan",
        "contact": {
            "name": contact.get("name", ""),
            "role": contact.get("role", ""),
            "phone": contact.get("phone", inputs.profile.phone),
            "email": contact.get("email", inputs.profile.email),
        },
    }
    inputs.warnings.extend(clean.warnings)
    return context
