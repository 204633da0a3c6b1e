"""A letter's own text is refused before rendering when it is far too long to be a letter."""

# Word cannot hold more than 10 MB of text in one piece (lxml refuses it too); a letter never
# needs anything near these limits (100.000 characters are some forty pages in one field).

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from composer.core.models import Addressee, Heading, Letter, ListBlock, Paragraph, Quote
from composer.errors import ComposerError
from composer.i18n import N_, _
from composer.render.limits import dutch_number

MAX_FIELD_CHARS = 100_000  # one text field: a paragraph, a quote, the subject, …
MAX_LETTER_CHARS = 500_000  # all text of one letter together

_Label = Callable[[], str]  # made only when the message is needed


def _strings(item: object) -> Iterator[str]:
    """Every text field of a dataclass, also inside the dataclasses it holds (an addressee)."""
    for field in dataclasses.fields(item):  # type: ignore[arg-type]
        value = getattr(item, field.name)
        if isinstance(value, str):
            yield value
        elif dataclasses.is_dataclass(value):
            yield from _strings(value)


def _label(message: str, number: int = 0) -> _Label:
    """`message` (marked with N_, may hold {number}), translated only when it is shown."""
    return lambda: _(message).format(number=number)


def _addressee(number: int, addressee: Addressee) -> Iterator[tuple[_Label, str]]:
    for text in _strings(addressee):
        yield _label(N_("Een gegeven van geadresseerde {number}"), number), text


def _texts(letter: Letter) -> Iterator[tuple[_Label, str]]:
    yield _label(N_("Het onderwerp (Betreft)")), letter.subject
    yield _label(N_("De plaats")), letter.place
    yield _label(N_("Ons kenmerk")), letter.our_reference
    yield _label(N_("Uw kenmerk")), letter.your_reference
    yield _label(N_("De aanhef")), letter.salutation
    yield _label(N_("De slotformule")), letter.closing
    for number, addressee in enumerate(letter.addressees, start=1):
        yield from _addressee(number, addressee)
    for number, block in enumerate(letter.body, start=1):
        if isinstance(block, Paragraph):
            yield _label(N_("Alinea {number}"), number), block.text
        elif isinstance(block, Heading):
            yield _label(N_("De kop in blok {number}"), number), block.text
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield _label(N_("Een punt van de lijst in blok {number}"), number), item.text
        elif isinstance(block, Quote):
            yield _label(N_("Het citaat in blok {number}"), number), block.text
            yield _label(N_("De spreker bij het citaat in blok {number}"), number), block.speaker
            yield _label(N_("De functie bij het citaat in blok {number}"), number), block.role
    for number, signatory in enumerate(letter.signatories, start=1):
        yield _label(N_("De naam van ondertekenaar {number}"), number), signatory.name
        yield _label(N_("De functie van ondertekenaar {number}"), number), signatory.role
    for number, text in enumerate(letter.attachments, start=1):
        yield _label(N_("Bijlage {number}"), number), text
    for number, text in enumerate(letter.copies, start=1):
        yield _label(N_("Kopie aan, regel {number}"), number), text


def check_letter_size(letter: Letter) -> None:
    """Refuses a letter with a field over MAX_FIELD_CHARS or over MAX_LETTER_CHARS in all."""
    total = 0
    for label, text in _texts(letter):
        if len(text) > MAX_FIELD_CHARS:
            raise ComposerError(
                _(
                    "{field} is te lang: {count} tekens, meer dan de {maximum} die één tekstveld "
                    "mag hebben. Maak de tekst korter of verdeel hem over meer alinea's."
                ).format(
                    field=label(),
                    count=dutch_number(len(text)),
                    maximum=dutch_number(MAX_FIELD_CHARS),
                )
            )
        total += len(text)
    if total > MAX_LETTER_CHARS:
        raise ComposerError(
            _(
                "De brief is te lang: {count} tekens in totaal, meer dan de {maximum} die een "
                "brief mag hebben. Maak de brief korter of verdeel hem over meer brieven."
            ).format(count=dutch_number(total), maximum=dutch_number(MAX_LETTER_CHARS))
        )
