"""Errors of the letter library a user can run into, with Dutch messages that say what to do."""

from __future__ import annotations

from composer.errors import ComposerError
from composer.i18n import _, screen_moment
from composer.storage.library_records import VersionInfo


class LetterNotFound(ComposerError):
    def __init__(self, letter_id: int) -> None:
        super().__init__(
            _(
                "Brief {letter_id} staat niet in de bibliotheek. Zoek het juiste briefnummer op "
                "in de lijst met brieven."
            ).format(letter_id=letter_id)
        )
        self.letter_id = letter_id


class VersionNotFound(ComposerError):
    def __init__(self, letter_id: int, number: int, latest: int) -> None:
        super().__init__(
            _(
                "Brief {letter_id} heeft geen versie {number}; de versies lopen van 1 tot en met "
                "{latest}. Bekijk de versiegeschiedenis voor de juiste versie."
            ).format(letter_id=letter_id, number=number, latest=latest)
        )
        self.letter_id, self.number, self.latest = letter_id, number, latest


class SaveConflict(ComposerError):
    """Someone saved a newer version after the one the changes were based on; nothing written."""

    def __init__(self, latest: VersionInfo, base: int) -> None:
        super().__init__(
            _(
                "Versie {number} van deze brief is intussen opgeslagen door {author} op {date} om "
                "{time}; uw wijzigingen gaan uit van versie {base}. Bekijk de verschillen en sla "
                "opnieuw op."
            ).format(
                number=latest.number,
                author=latest.author,
                **screen_moment(latest.created_at),
                base=base,
            )
        )
        self.latest = latest
        self.base = base
