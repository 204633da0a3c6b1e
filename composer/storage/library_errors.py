"""Errors of the letter library a user can run into, with Dutch messages that say what to do."""

from __future__ import annotations

from composer.dutch.dates import format_date
from composer.errors import ComposerError
from composer.storage.records import VersionInfo


class LetterNotFound(ComposerError):
    def __init__(self, letter_id: int) -> None:
        super().__init__(
            f"Brief {letter_id} staat niet in de bibliotheek. Zoek het juiste briefnummer op "
            "in de lijst met brieven."
        )
        self.letter_id = letter_id


class VersionNotFound(ComposerError):
    def __init__(self, letter_id: int, number: int, latest: int) -> None:
        super().__init__(
            f"Brief {letter_id} heeft geen versie {number}; de versies lopen van 1 tot en met "
            f"{latest}. Bekijk de versiegeschiedenis voor de juiste versie."
        )
        self.letter_id, self.number, self.latest = letter_id, number, latest


class SaveConflict(ComposerError):
    """Someone saved a newer version after the one the changes were based on; nothing written."""

    def __init__(self, latest: VersionInfo, base: int) -> None:
        local = latest.created_at.astimezone()
        super().__init__(
            f"Versie {latest.number} van deze brief is intussen opgeslagen door "
            f"{latest.author} op {format_date(local.date())} om {local:%H:%M}; uw wijzigingen "
            f"gaan uit van versie {base}. Bekijk de verschillen en sla opnieuw op."
        )
        self.latest = latest
        self.base = base
