"""Errors a user can cause: each carries a message meant for the screen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from composer.i18n import _, ngettext


class RemedyAction(Enum):
    """What a user can do about an error. Each face says it in its own words: the command line
    names a command (`composer letters copy 3`), the window names a button ("Kopie maken")."""

    SEND = "send"  # the letter is approved: send it
    COPY = "copy"  # the letter is frozen (sent): start a new letter from it
    SUBMIT = "submit"  # offer the letter for review
    APPROVE_LATEST = "approve-latest"  # approve the newest version instead
    RESTORE_AND_SUBMIT = "restore-and-submit"  # restore an old version as new, then offer it
    GIVE_NAME = "give-name"  # say who you are (the author's name)
    GIVE_REVIEWER_NAME = "give-reviewer-name"  # say who you are, as the reviewer
    GIVE_REASON = "give-reason"  # say why the version is rejected
    GIVE_SEND_REASON = "give-send-reason"  # say why the letter goes with comments still open
    COMMENT_ON_LETTER = "comment-on-letter"  # a comment about the whole letter, not one block
    LIST_COMMENTS = "list-comments"  # look up the letter's comments (and their numbers)
    FIX_TEMPLATE = "fix-template"  # the template needs mending and checking
    SKIP_INVALID = "skip-invalid"  # mend the address list, or make only the valid letters
    OVERWRITE = "overwrite"  # choose another folder, or overwrite the existing files
    CHECK_ARCHIVE = "check-archive"  # check the archive and restore the file from a backup


@dataclass(frozen=True)
class Remedy:
    """A structured way out of an error; domain messages never carry command-line hints."""

    action: RemedyAction
    letter_id: int | None = None
    version: int | None = None


class ComposerError(Exception):
    """An error caused by input; `message` is shown to the user as is.

    The message is made with `_()` where the error is raised, so it is in the language of the
    screen (Dutch on the command line). `remedy`, when there is one, says what the user can do
    about it; the command line and the window each render it (`composer.cli_remedies`,
    `composer.gui.remedies`).
    """

    def __init__(self, message: str, remedy: Remedy | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.remedy = remedy

    def __str__(self) -> str:
        return self.message


class LetterValidationError(ComposerError):
    """A letter that does not meet the format; `problems` holds (path, message) pairs.

    The path is for a program (the window puts the message beside that field); the message
    names the field with `label(path)` (composer.core.validation.field_label), never the path.
    """

    def __init__(
        self,
        problems: list[tuple[str, str]],
        *,
        heading: str | None = None,
        label: Callable[[str], str] | None = None,
    ) -> None:
        self.problems = list(problems)
        lines = [
            _("{field}: {problem}").format(field=label(path), problem=message)
            if path and label is not None
            else message
            for path, message in self.problems
        ]
        count = len(self.problems)
        if heading is None:
            heading = ngettext("De brief bevat een fout:", "De brief bevat {count} fouten:", count)
            heading = heading.format(count=count)
        super().__init__("\n".join([heading, *(f"- {line}" for line in lines)]))


class AddressError(ComposerError):
    """An address that cannot be printed as a correct address block.

    `field` names the one field the problem is about (`address.postcode`, …) when there is one,
    so a program can show the message beside it whatever the language; None for the whole.
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class TemplateProblem(ComposerError):
    """A template that is broken or unsafe."""
