"""Errors a user can cause: each carries a Dutch message meant for the screen."""

from __future__ import annotations


class ComposerError(Exception):
    """An error caused by input; `message` is Dutch and shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class LetterValidationError(ComposerError):
    """A letter file that does not meet the format; `problems` holds (path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        lines = [f"{path}: {message}" if path else message for path, message in self.problems]
        count = len(self.problems)
        head = "De brief bevat een fout:" if count == 1 else f"De brief bevat {count} fouten:"
        super().__init__("\n".join([head, *(f"- {line}" for line in lines)]))


class AddressError(ComposerError):
    """An address that cannot be printed as a correct address block."""


class TemplateProblem(ComposerError):
    """A template that is broken or unsafe."""
