"""The workflow rules: which step is allowed in which status, and why not when it is not."""

from __future__ import annotations

import json
from collections.abc import Iterable

from composer.errors import ComposerError
from composer.i18n import _
from composer.review.statuses import (  # noqa: F401  (re-exported for the callers)
    EVENT_LABELS,
    STATUS_APPROVED,
    STATUS_CONCEPT,
    STATUS_IN_REVIEW,
    STATUS_LABELS,
    STATUS_SENT,
)

# The only field finalize changes (it puts the kenmerk in "ons kenmerk").
REFERENCE_FIELD = "our_reference"

# What each event does to the status: the statuses it may follow and the status after it. A copy
# ("copied-from", "copied-to") leaves the status as it is. A letter starts as a concept.
TRANSITIONS: dict[str, tuple[tuple[str, ...], str]] = {
    "submitted": ((STATUS_CONCEPT,), STATUS_IN_REVIEW),
    "approved": ((STATUS_IN_REVIEW,), STATUS_APPROVED),
    "rejected": ((STATUS_IN_REVIEW,), STATUS_CONCEPT),
    "saved-during-review": ((STATUS_IN_REVIEW,), STATUS_CONCEPT),
    "saved-after-approval": ((STATUS_APPROVED,), STATUS_CONCEPT),
    "sent": ((STATUS_APPROVED,), STATUS_SENT),
}


def replay_status(kinds: Iterable[str]) -> tuple[str, int | None]:
    """The status a letter's events (their kinds, oldest first) give, starting from Concept.

    Also returns the position (from 0) of the first event that its status at that moment does
    not allow, or None; the replay stops there, with the status from before that event.
    """
    status = STATUS_CONCEPT
    for position, kind in enumerate(kinds):
        if kind in ("copied-from", "copied-to"):
            continue
        allowed, after = TRANSITIONS.get(kind, ((), status))
        if status not in allowed:
            return status, position
        status = after
    return status, None


class WorkflowError(ComposerError):
    """A step that the letter's status does not allow; nothing was changed."""


def status_label(status: str) -> str:
    """The label of a stored status in the language of the screen (Dutch on the command line)."""
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def check_submit(letter_id: int, status: str, latest: int) -> None:
    if status == STATUS_CONCEPT:
        return
    if status == STATUS_IN_REVIEW:
        raise WorkflowError(
            _(
                "Brief {letter_id} staat al ter beoordeling (versie {latest}). Wacht op de "
                "beoordelaar; wilt u nog iets veranderen, sla dan een nieuwe versie op en bied "
                "die opnieuw aan."
            ).format(letter_id=letter_id, latest=latest)
        )
    if status == STATUS_APPROVED:
        raise WorkflowError(
            _(
                "Brief {letter_id} is al goedgekeurd. Verzend hem met ‘composer letters send "
                "{letter_id}’; wilt u nog iets veranderen, sla dan een nieuwe versie op en bied "
                "die opnieuw aan."
            ).format(letter_id=letter_id)
        )
    raise WorkflowError(
        _(
            "Brief {letter_id} is al verzonden en kan niet opnieuw worden beoordeeld. Maak een "
            "nieuwe brief op basis van deze met ‘composer letters copy {letter_id}’ en wijzig "
            "die."
        ).format(letter_id=letter_id)
    )


def _not_in_review(letter_id: int, status: str, step: str) -> WorkflowError:
    """`step` is "approve" or "reject"; every case is one whole sentence, for the translation."""
    approve = step == "approve"
    if status == STATUS_CONCEPT:
        message = (
            _(
                "Brief {letter_id} staat niet ter beoordeling maar op Concept; alleen een brief "
                "die ter beoordeling staat kan worden goedgekeurd. Laat de auteur hem eerst "
                "aanbieden met ‘composer letters submit {letter_id}’."
            )
            if approve
            else _(
                "Brief {letter_id} staat niet ter beoordeling maar op Concept; alleen een brief "
                "die ter beoordeling staat kan worden afgewezen. Laat de auteur hem eerst "
                "aanbieden met ‘composer letters submit {letter_id}’."
            )
        )
    elif status == STATUS_APPROVED:
        message = (
            _(
                "Brief {letter_id} is al goedgekeurd en staat niet meer ter beoordeling; hij kan "
                "niet meer worden goedgekeurd. Moet er iets veranderen, sla dan een nieuwe versie "
                "op: de goedkeuring vervalt dan en de brief gaat terug naar Concept."
            )
            if approve
            else _(
                "Brief {letter_id} is al goedgekeurd en staat niet meer ter beoordeling; hij kan "
                "niet meer worden afgewezen. Moet er iets veranderen, sla dan een nieuwe versie "
                "op: de goedkeuring vervalt dan en de brief gaat terug naar Concept."
            )
        )
    else:
        message = (
            _(
                "Brief {letter_id} is al verzonden en kan niet meer worden goedgekeurd. Maak een "
                "nieuwe brief op basis van deze met ‘composer letters copy {letter_id}’ en "
                "wijzig die."
            )
            if approve
            else _(
                "Brief {letter_id} is al verzonden en kan niet meer worden afgewezen. Maak een "
                "nieuwe brief op basis van deze met ‘composer letters copy {letter_id}’ en "
                "wijzig die."
            )
        )
    return WorkflowError(message.format(letter_id=letter_id))


def check_approve(letter_id: int, status: str, version: int, latest: int) -> None:
    if status != STATUS_IN_REVIEW:
        raise _not_in_review(letter_id, status, "approve")
    if version != latest:
        raise WorkflowError(
            _(
                "Versie {version} is niet de laatste versie van brief {letter_id}; de laatste is "
                "versie {latest}. Een goedkeuring geldt alleen voor de laatste versie: bekijk "
                "versie {latest} en keur die goed met --version {latest}."
            ).format(version=version, letter_id=letter_id, latest=latest)
        )


def check_reject(letter_id: int, status: str, reason: str) -> None:
    if status != STATUS_IN_REVIEW:
        raise _not_in_review(letter_id, status, "reject")
    if not reason.strip():
        raise WorkflowError(
            _(
                "Geef bij het afwijzen een reden op (--reason), zodat de auteur weet wat er moet "
                "veranderen."
            )
        )


def check_send(letter_id: int, status: str, latest: int, kenmerk: str | None) -> None:
    if status == STATUS_APPROVED:
        return
    if status == STATUS_SENT:
        raise WorkflowError(
            _(
                "Brief {letter_id} is al verzonden (kenmerk {kenmerk}). De verzonden bestanden "
                "staan in het archief; Maak een nieuwe brief op basis van deze met ‘composer "
                "letters copy {letter_id}’ en wijzig die."
            ).format(letter_id=letter_id, kenmerk=kenmerk)
        )
    raise WorkflowError(
        _(
            "Brief {letter_id} is nog niet goedgekeurd (status: {status}). Alleen een "
            "goedgekeurde laatste versie kan worden verzonden: laat versie {latest} goedkeuren "
            "met ‘composer letters approve {letter_id} --version {latest}’."
        ).format(letter_id=letter_id, status=status_label(status), latest=latest)
    )


def approval_outdated(letter_id: int, approved: int | None, latest: int) -> WorkflowError:
    """Goedgekeurd, but no approval covers the latest version (changed outside the workflow)."""
    if approved is None:
        message = _(
            "Brief {letter_id} heeft geen geldige goedkeuring; er is niets verzonden. Laat de "
            "laatste versie opnieuw beoordelen: zet hem terug als nieuwe versie met ‘composer "
            "letters restore {letter_id} {latest}’ en bied hem aan met ‘composer letters submit "
            "{letter_id}’."
        )
    else:
        message = _(
            "Brief {letter_id} heeft een goedkeuring van versie {approved}, maar de laatste "
            "versie is {latest} en die verschilt daarvan in meer dan het kenmerk; er is niets "
            "verzonden. Laat de laatste versie opnieuw beoordelen: zet hem terug als nieuwe "
            "versie met ‘composer letters restore {letter_id} {latest}’ en bied hem aan met "
            "‘composer letters submit {letter_id}’."
        )
    return WorkflowError(message.format(letter_id=letter_id, approved=approved, latest=latest))


def only_reference_differs(approved_content: str, later_content: str) -> bool:
    """True when two stored versions are the same letter except for "ons kenmerk".

    This is exactly what finalize changes, so an approval of the first also covers the second.
    """
    approved, later = json.loads(approved_content), json.loads(later_content)
    approved.pop(REFERENCE_FIELD, None)
    later.pop(REFERENCE_FIELD, None)
    return approved == later


def check_comment(text: str, block: int | None, blocks: int, version: int) -> None:
    if not text.strip():
        raise WorkflowError(_("De opmerking is leeg. Typ de tekst van de opmerking."))
    if block is not None and blocks == 0:
        raise WorkflowError(
            _(
                "Versie {version} heeft geen tekstblokken. Laat --block weg voor een opmerking "
                "over de hele brief."
            ).format(version=version)
        )
    if block is not None and not 1 <= block <= blocks:
        raise WorkflowError(
            _(
                "Versie {version} heeft geen blok {block}: de tekst heeft {blocks} blokken "
                "(alinea’s, citaten, servicebeloften), geteld vanaf 1. Kies een blok van 1 tot en "
                "met {blocks}, of laat --block weg voor een opmerking over de hele brief."
            ).format(version=version, block=block, blocks=blocks)
        )
