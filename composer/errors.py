"""Errors a user can cause: each carries a message meant for the screen."""

from __future__ import annotations

from composer.i18n import _, ngettext


class ComposerError(Exception):
    """An error caused by input; `message` is shown to the user as is.

    The message is made with `_()` where the error is raised, so it is in the language of the
    screen (Dutch on the command line).
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class LetterValidationError(ComposerError):
    """A letter file that does not meet the format; `problems` holds (path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        lines = [
            _("{field}: {problem}").format(field=path, problem=message) if path else message
            for path, message in self.problems
        ]
        count = len(self.problems)
        head = ngettext("De brief bevat een fout:", "De brief bevat {count} fouten:", count)
        head = head.format(count=count)
        super().__init__("\n".join([head, *(f"- {line}" for line in lines)]))


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
