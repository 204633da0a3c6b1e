"""Whether a letter is finished: a draft may be anything the model holds, but finalize, export,
merge and send refuse a letter with problems, listing them in plain Dutch, before doing anything.

Two kinds of problem (docs/letter-format.md): *broken* (not a letter, wrong types; refused where
a file is read) and *unfinished* (a half-typed postcode, an empty Betreft: fine in a draft). This
module is about the unfinished ones; sending also needs a Betreft, some text and an addressee.
"""

from __future__ import annotations

from enum import Enum

from composer.core.letterfile import letter_to_dict
from composer.core.models import Heading, Letter, ListBlock, Paragraph, Promise, Quote
from composer.core.validation import field_label, letter_problems
from composer.errors import LetterValidationError
from composer.i18n import N_, _


class Action(Enum):
    """What a finished letter is needed for; the value is the heading of the refusal."""

    FINALIZE = N_("De brief is nog niet af en krijgt daarom nog geen kenmerk:")
    EXPORT = N_("De brief is nog niet af en kan daarom niet worden geëxporteerd:")
    MERGE = N_("De brief is nog niet af en kan daarom niet worden samengevoegd:")
    SEND = N_("De brief is nog niet af en kan daarom niet worden verzonden:")


class LetterNotReady(LetterValidationError):
    """A letter with problems where a finished one is needed; nothing was done."""

    def __init__(self, problems: list[tuple[str, str]], action: Action, letter: Letter) -> None:
        data = letter_to_dict(letter)
        super().__init__(
            problems, heading=_(action.value), label=lambda path: field_label(path, data)
        )
        self.action = action
        self.message += "\n" + _("Vul de brief aan en probeer het daarna opnieuw.")
        self.args = (self.message,)


def has_text(letter: Letter) -> bool:
    """True when the body says anything: a paragraph, heading, list item or quote with text, or
    a servicebelofte."""
    for block in letter.body:
        if isinstance(block, Promise):
            return True
        if isinstance(block, Paragraph | Quote | Heading) and block.text.strip():
            return True
        if isinstance(block, ListBlock) and any(item.text.strip() for item in block.items):
            return True
    return False


def problems(letter: Letter) -> list[tuple[str, str]]:
    """What keeps `letter` from being finalized, exported or merged: (field path, message)."""
    return letter_problems(letter_to_dict(letter))


def send_problems(letter: Letter) -> list[tuple[str, str]]:
    """What keeps `letter` from being sent: its problems, and an empty Betreft, body or list of
    addressees."""
    found: list[tuple[str, str]] = []
    if not letter.subject.strip():
        found.append(("subject", _("Vul het onderwerp (Betreft) in.")))
    if not has_text(letter):
        found.append(("body", _("De brief heeft nog geen tekst. Schrijf ten minste één alinea.")))
    if not letter.addressees:
        found.append(("addressees", _("Voeg ten minste één geadresseerde toe.")))
    return found + problems(letter)


def problem_lines(found: list[tuple[str, str]], letter: Letter | None = None) -> list[str]:
    """Each problem as one line for a list: `Postcode van geadresseerde 1: De postcode …`
    (`letter` tells which kind each block is: `Tekst van alinea 3`)."""
    data = letter_to_dict(letter) if letter is not None else None
    return [
        _("{field}: {problem}").format(field=field_label(path, data), problem=message)
        if path
        else message
        for path, message in found
    ]


def action_problems(letter: Letter, action: Action) -> list[tuple[str, str]]:
    """What keeps `letter` from `action`. Sending also needs the essentials; a merge brings its
    own addressees (from the list), so the letter's own addressees do not count there."""
    if action is Action.SEND:
        return send_problems(letter)
    found = problems(letter)
    if action is Action.MERGE:
        found = [(path, message) for path, message in found if not path.startswith("addressees")]
    return found


def require_complete(letter: Letter, action: Action) -> None:
    """Refuse (LetterNotReady) a letter with problems before `action` does anything."""
    found = action_problems(letter, action)
    if found:
        raise LetterNotReady(found, action, letter)
