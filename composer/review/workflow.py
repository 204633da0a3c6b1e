"""The workflow rules: which step is allowed in which status, in Dutch when it is not."""

from __future__ import annotations

import json

from composer.errors import ComposerError
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


class WorkflowError(ComposerError):
    """A step that the letter's status does not allow; nothing was changed."""


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def _copy_hint(letter_id: int) -> str:
    return (
        f"Maak een nieuwe brief op basis van deze met ‘composer letters copy {letter_id}’ en "
        "wijzig die."
    )


def check_submit(letter_id: int, status: str, latest: int) -> None:
    if status == STATUS_CONCEPT:
        return
    if status == STATUS_IN_REVIEW:
        raise WorkflowError(
            f"Brief {letter_id} staat al ter beoordeling (versie {latest}). Wacht op de "
            "beoordelaar; wilt u nog iets veranderen, sla dan een nieuwe versie op en bied die "
            "opnieuw aan."
        )
    if status == STATUS_APPROVED:
        raise WorkflowError(
            f"Brief {letter_id} is al goedgekeurd. Verzend hem met ‘composer letters send "
            f"{letter_id}’; wilt u nog iets veranderen, sla dan een nieuwe versie op en bied die "
            "opnieuw aan."
        )
    raise WorkflowError(
        f"Brief {letter_id} is al verzonden en kan niet opnieuw worden beoordeeld. "
        + _copy_hint(letter_id)
    )


def _not_in_review(letter_id: int, status: str, what: str) -> WorkflowError:
    if status == STATUS_CONCEPT:
        return WorkflowError(
            f"Brief {letter_id} staat niet ter beoordeling maar op Concept; alleen een brief "
            f"die ter beoordeling staat kan worden {what}. Laat de auteur hem eerst aanbieden "
            f"met ‘composer letters submit {letter_id}’."
        )
    if status == STATUS_APPROVED:
        return WorkflowError(
            f"Brief {letter_id} is al goedgekeurd en staat niet meer ter beoordeling; hij kan "
            f"niet meer worden {what}. Moet er iets veranderen, sla dan een nieuwe versie op: de "
            "goedkeuring vervalt dan en de brief gaat terug naar Concept."
        )
    return WorkflowError(
        f"Brief {letter_id} is al verzonden en kan niet meer worden {what}. "
        + _copy_hint(letter_id)
    )


def check_approve(letter_id: int, status: str, version: int, latest: int) -> None:
    if status != STATUS_IN_REVIEW:
        raise _not_in_review(letter_id, status, "goedgekeurd")
    if version != latest:
        raise WorkflowError(
            f"Versie {version} is niet de laatste versie van brief {letter_id}; de laatste is "
            f"versie {latest}. Een goedkeuring geldt alleen voor de laatste versie: bekijk "
            f"versie {latest} en keur die goed met --version {latest}."
        )


def check_reject(letter_id: int, status: str, reason: str) -> None:
    if status != STATUS_IN_REVIEW:
        raise _not_in_review(letter_id, status, "afgewezen")
    if not reason.strip():
        raise WorkflowError(
            "Geef bij het afwijzen een reden op (--reason), zodat de auteur weet wat er moet "
            "veranderen."
        )


def check_send(letter_id: int, status: str, latest: int, kenmerk: str | None) -> None:
    if status == STATUS_APPROVED:
        return
    if status == STATUS_SENT:
        raise WorkflowError(
            f"Brief {letter_id} is al verzonden (kenmerk {kenmerk}). De verzonden bestanden "
            "staan in het archief; " + _copy_hint(letter_id)
        )
    raise WorkflowError(
        f"Brief {letter_id} is nog niet goedgekeurd (status: {status_label(status)}). Alleen "
        "een goedgekeurde laatste versie kan worden verzonden: laat versie "
        f"{latest} goedkeuren met ‘composer letters approve {letter_id} --version {latest}’."
    )


def approval_outdated(letter_id: int, approved: int | None, latest: int) -> WorkflowError:
    """Goedgekeurd, but no approval covers the latest version (changed outside the workflow)."""
    what = (
        "heeft geen geldige goedkeuring"
        if approved is None
        else (
            f"heeft een goedkeuring van versie {approved}, maar de laatste versie is {latest} en "
            "die verschilt daarvan in meer dan het kenmerk"
        )
    )
    return WorkflowError(
        f"Brief {letter_id} {what}; er is niets verzonden. Laat de laatste versie opnieuw "
        f"beoordelen: zet hem terug als nieuwe versie met ‘composer letters restore {letter_id} "
        f"{latest}’ en bied hem aan met ‘composer letters submit {letter_id}’."
    )


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
        raise WorkflowError("De opmerking is leeg. Typ de tekst van de opmerking.")
    if block is not None and blocks == 0:
        raise WorkflowError(
            f"Versie {version} heeft geen tekstblokken. Laat --block weg voor een opmerking over "
            "de hele brief."
        )
    if block is not None and not 1 <= block <= blocks:
        raise WorkflowError(
            f"Versie {version} heeft geen blok {block}: de tekst heeft {blocks} blokken "
            f"(alinea’s, citaten, servicebeloften), geteld vanaf 1. Kies een blok van 1 tot en "
            f"met {blocks}, of laat --block weg voor een opmerking over de hele brief."
        )
