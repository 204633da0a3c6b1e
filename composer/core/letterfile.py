"""Reads and writes the letter file (JSON, `composer-letter/2`; `/1` is read as `/2`); unknown keys
survive."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from composer.core.bounded_json import JsonLimitError, loads_bounded
from composer.core.models import (
    ADDRESS_KEYS,
    ADDRESSEE_KEYS,
    FORMAT_V2,
    LETTER_KEYS,
    PERSON_KEYS,
    RUN_KEYS,
    SIGNATORY_KEYS,
    Address,
    Addressee,
    Block,
    Heading,
    Letter,
    ListBlock,
    ListItem,
    Paragraph,
    Person,
    Promise,
    Quote,
    Run,
    Signatory,
    field_names,
    promise_number,
)
from composer.core.rich_text import canonical_runs, plain_text
from composer.core.validation import broken_problems, field_label, letter_problems
from composer.errors import ComposerError, LetterValidationError
from composer.fileio import read_problems
from composer.i18n import N_, _

_BLOCK_KEYS = {
    kind.type: field_names(kind) for kind in (Paragraph, Promise, Quote, ListBlock, Heading)
}
_ITEM_KEYS = field_names(ListItem)


def _extra(data: dict[str, Any], known: tuple[str, ...] | list[str]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in known}


def _person(data: dict[str, Any] | None) -> Person | None:
    if data is None:
        return None
    blank = Person()
    values = {key: data.get(key, getattr(blank, key)) for key in PERSON_KEYS}
    return Person(**values, extra=_extra(data, PERSON_KEYS))


def _address(data: dict[str, Any]) -> Address:
    values = {key: data.get(key, "") for key in ADDRESS_KEYS}
    values["country"] = (values["country"] or "NL").upper()
    return Address(**values, extra=_extra(data, ADDRESS_KEYS))


def addressee_from_dict(data: dict[str, Any]) -> Addressee:
    """An Addressee from its letter-file form (validate first with addressee_problems)."""
    return Addressee(
        organisation=data.get("organisation", ""),
        department=data.get("department", ""),
        person=_person(data.get("person")),
        role=data.get("role", ""),
        email=data.get("email", ""),
        address=_address(data.get("address", {})),
        extra=_extra(data, ADDRESSEE_KEYS),
    )


def _run(data: dict[str, Any]) -> Run:
    return Run(
        text=data["text"],
        bold=bool(data.get("bold", False)),
        italic=bool(data.get("italic", False)),
        underline=bool(data.get("underline", False)),
        extra=_extra(data, RUN_KEYS),
    )


def _rich(data: dict[str, Any]) -> tuple[str, list[Run] | None]:
    """(text, runs) of a paragraph or list item: `runs` when the file has them, else `text`."""
    if "runs" in data:
        runs = [_run(item) for item in data["runs"]]
        return plain_text(runs), canonical_runs(runs)
    return data.get("text", ""), None


def _item(data: dict[str, Any]) -> ListItem:
    text, runs = _rich(data)
    return ListItem(text=text, runs=runs, extra=_extra(data, _ITEM_KEYS))


def _block(data: dict[str, Any]) -> Block:
    kind = data["type"]
    extra = _extra(data, _BLOCK_KEYS[kind])
    if kind == "paragraph":
        text, runs = _rich(data)
        return Paragraph(text=text, runs=runs, extra=extra)
    if kind == "list":
        style = data.get("style", "bullet")
        return ListBlock(style=style, items=[_item(item) for item in data["items"]], extra=extra)
    if kind == "heading":
        return Heading(text=data["text"], extra=extra)
    if kind == "promise":
        number = promise_number(data["number"])
        return Promise(number=data["number"] if number is None else number, extra=extra)
    return Quote(
        text=data["text"], speaker=data.get("speaker", ""), role=data.get("role", ""), extra=extra
    )


def letter_from_dict(data: Any, *, complete: bool = False) -> Letter:
    """The `Letter` in a decoded letter file; raises `LetterValidationError` listing every
    problem when it is broken (not a letter, wrong types: docs/letter-format.md).

    An unfinished letter (a half-typed postcode, an empty Betreft) is read as it is: a draft may
    be anything the model holds. `complete=True` refuses those problems as well.
    """
    problems = letter_problems(data) if complete else broken_problems(data)
    if problems:
        raise LetterValidationError(problems, label=lambda path: field_label(path, data))
    return Letter(
        format=FORMAT_V2,  # a /1 file is a /2 file without runs, lists and headings
        template=data["template"],
        date=dt.date.fromisoformat(data["date"]),
        place=data.get("place", ""),
        our_reference=data.get("our_reference", ""),
        your_reference=data.get("your_reference", ""),
        subject=data["subject"],
        addressees=[addressee_from_dict(item) for item in data.get("addressees", [])],
        salutation=data.get("salutation", ""),
        body=[_block(item) for item in data["body"]],
        closing=data.get("closing", "Met vriendelijke groet,"),
        signatories=[
            Signatory(name=s["name"], role=s.get("role", ""), extra=_extra(s, SIGNATORY_KEYS))
            for s in data.get("signatories", [])
        ],
        attachments=list(data.get("attachments", [])),
        copies=list(data.get("copies", [])),
        extra=_extra(data, LETTER_KEYS),
    )


def _person_dict(person: Person) -> dict[str, Any]:
    return {**{key: getattr(person, key) for key in PERSON_KEYS}, **person.extra}


def addressee_to_dict(addressee: Addressee) -> dict[str, Any]:
    address = addressee.address
    result: dict[str, Any] = {
        "organisation": addressee.organisation,
        "department": addressee.department,
    }
    if addressee.person is not None:
        result["person"] = _person_dict(addressee.person)
    result["role"] = addressee.role
    if addressee.email:  # only when filled: older letters stay byte for byte as they were
        result["email"] = addressee.email
    address_dict = {key: getattr(address, key) for key in ADDRESS_KEYS if key != "region"}
    if address.region:
        address_dict["region"] = address.region
    result["address"] = {**address_dict, **address.extra}
    return {**result, **addressee.extra}


def _run_dict(run: Run) -> dict[str, Any]:
    result: dict[str, Any] = {"text": run.text}
    for mark in ("bold", "italic", "underline"):
        if getattr(run, mark):
            result[mark] = True
    return {**result, **run.extra}


def _rich_dict(item: Paragraph | ListItem) -> dict[str, Any]:
    """`{"text": …}` for plain text, `{"runs": [...]}` when something is marked."""
    if item.runs is None:
        return {"text": item.text}
    return {"runs": [_run_dict(run) for run in item.runs]}


def _block_dict(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", **_rich_dict(block), **block.extra}
    if isinstance(block, ListBlock):
        items = [{**_rich_dict(item), **item.extra} for item in block.items]
        return {"type": "list", "style": block.style, "items": items, **block.extra}
    if isinstance(block, Heading):
        return {"type": "heading", "text": block.text, **block.extra}
    if isinstance(block, Promise):
        return {"type": "promise", "number": block.number, **block.extra}
    quote = {"type": "quote", "text": block.text, "speaker": block.speaker, "role": block.role}
    return {**quote, **block.extra}


def letter_to_dict(letter: Letter) -> dict[str, Any]:
    return {
        "format": letter.format,
        "template": letter.template,
        "date": letter.date.isoformat(),
        "place": letter.place,
        "our_reference": letter.our_reference,
        "your_reference": letter.your_reference,
        "subject": letter.subject,
        "addressees": [addressee_to_dict(a) for a in letter.addressees],
        "salutation": letter.salutation,
        "body": [_block_dict(b) for b in letter.body],
        "closing": letter.closing,
        "signatories": [{"name": s.name, "role": s.role, **s.extra} for s in letter.signatories],
        "attachments": list(letter.attachments),
        "copies": list(letter.copies),
        **letter.extra,
    }


def dumps_letter(letter: Letter) -> str:
    """The letter file text: UTF-8 JSON, two-space indent, characters written as themselves."""
    return json.dumps(letter_to_dict(letter), ensure_ascii=False, indent=2) + "\n"


def loads_letter(text: str, *, source: str = "") -> Letter:
    try:
        data = loads_bounded(text)
    except JsonLimitError as exc:
        if source:
            message = _(
                "Het briefbestand ({source}) kan niet worden gelezen: {reason}. "
                "Controleer of dit het juiste briefbestand is."
            )
        else:
            message = _(
                "Het briefbestand kan niet worden gelezen: {reason}. "
                "Controleer of dit het juiste briefbestand is."
            )
        raise ComposerError(message.format(source=source, reason=exc.reason)) from None
    except json.JSONDecodeError as exc:
        if source:
            message = _(
                "Het briefbestand ({source}) is geen geldige JSON: regel {line}, kolom {column}: "
                "{reason}."
            )
        else:
            message = _(
                "Het briefbestand is geen geldige JSON: regel {line}, kolom {column}: {reason}."
            )
        reason = _json_reason(exc.msg)
        raise ComposerError(
            message.format(source=source, line=exc.lineno, column=exc.colno, reason=reason)
        ) from None
    return letter_from_dict(data)


# What Python's JSON reader says (the start of its message) → what it means, for the screen.
_JSON_REASONS = {
    "Expecting value": N_("hier wordt een waarde verwacht"),
    "Expecting property name enclosed in double quotes": N_(
        "hier wordt een veldnaam tussen dubbele aanhalingstekens verwacht"
    ),
    "Expecting ',' delimiter": N_("hier ontbreekt een komma"),
    "Expecting ':' delimiter": N_("hier ontbreekt een dubbele punt"),
    "Unterminated string starting at": N_('een tekst is niet afgesloten met "'),
    "Extra data": N_("na het einde van de brief staat nog tekst"),
    "Invalid control character at": N_("een tekst bevat een ongeldig stuurteken"),
}


def _json_reason(msg: str) -> str:
    for start, reason in _JSON_REASONS.items():
        if msg.startswith(start):
            return _(reason)
    return msg


def load_letter(path: Path) -> Letter:
    with read_problems(
        path,
        missing=_("Het briefbestand ‘{path}’ bestaat niet."),
        folder=_("‘{path}’ is een map, geen briefbestand."),
        no_access=_("Geen toegang tot het briefbestand ‘{path}’."),
    ):
        raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ComposerError(
            _("Het briefbestand ‘{path}’ is geen UTF-8-tekst. Sla het op als UTF-8.").format(
                path=path
            )
        ) from None
    return loads_letter(text, source=str(path))


def draft_letter(content: str) -> Letter:
    """A draft comes back even when it breaks a rule (a half-typed postcode), for the editor."""
    return letter_from_dict(json.loads(content))
