"""What sending a letter will do, for the confirmation before it: the kenmerk it gives, the
addressees, the open comments and whatever still refuses it. Nothing is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from composer.core.readiness import problem_lines, send_problems
from composer.errors import ComposerError
from composer.i18n import _
from composer.storage import kenmerken
from composer.storage import review_store as store
from composer.storage.engine import read_transaction
from composer.storage.letter_rows import (
    addressee_names,
    letter_from_content,
    letter_row,
    version_row,
)
from composer.storage.library import DEFAULT_KENMERK_PATTERN, Library

if TYPE_CHECKING:
    from composer.review.service import ReviewService


@dataclass(frozen=True)
class SendPlan:
    letter_id: int
    kenmerk: str  # the kenmerk sending will give (or already has); "" when none can be made
    kenmerk_is_new: bool  # True when sending will issue it now
    addressees: list[str]  # one line per addressee, as the letter list shows them
    open_comments: int
    problems: list[str]  # plain Dutch; sending is refused while not empty

    @property
    def can_send(self) -> bool:
        """No problems; open comments still need a reason."""
        return not self.problems


def send_plan(
    service_or_library: ReviewService | Library,
    letter_id: int,
    *,
    pattern: str | None = None,
    today: date | None = None,
) -> SendPlan:
    """The plan for sending `letter_id` now (pattern: the settings' kenmerk pattern)."""
    if isinstance(service_or_library, Library):
        from composer.review.service import ReviewService

        service = ReviewService(service_or_library)
    else:
        service = service_or_library
    pattern = DEFAULT_KENMERK_PATTERN if pattern is None else pattern
    year = (today or date.today()).year
    problems: list[str] = []
    with read_transaction(service.library.engine) as connection:
        try:
            service.sendable(connection, letter_id)
        except ComposerError as exc:  # not approved, already sent, approval outdated
            problems.append(exc.message)
        row = version_row(connection, letter_id, None)
        letter = letter_from_content(row.content)
        locked_kenmerk = letter_row(connection, letter_id).kenmerk
        kenmerk = locked_kenmerk or ""
        if not kenmerk:
            try:
                kenmerk = kenmerken.peek_kenmerk(connection, pattern, year)
            except ComposerError as exc:
                problems.append(exc.message)
        remarks = store.comment_list(connection, letter_id)
    problems.extend(problem_lines(send_problems(letter), letter))
    names = [
        name or _("Geadresseerde {number} (zonder naam)").format(number=number)
        for number, name in enumerate(addressee_names(letter), start=1)
    ]
    return SendPlan(
        letter_id=letter_id,
        kenmerk=kenmerk,
        kenmerk_is_new=not locked_kenmerk,
        addressees=names,
        open_comments=sum(1 for remark in remarks if not remark.resolved),
        problems=problems,
    )
