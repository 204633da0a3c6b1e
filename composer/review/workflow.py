"""Why a step is refused: the Dutch message and its remedy for each status the table refuses.

Which step is allowed in which status is `composer.review.transitions`; this module only words
the refusals. Messages carry no command-line hints: the way out is a Remedy that each face words.
"""

from __future__ import annotations

import json

from composer.errors import ComposerError, Remedy, RemedyAction
from composer.i18n import _, ngettext
from composer.review.statuses import (  # noqa: F401  (re-exported for the callers)
    EVENT_LABELS,
    STATUS_APPROVED,
    STATUS_CONCEPT,
    STATUS_IN_REVIEW,
    STATUS_LABELS,
    STATUS_SENT,
    status_label,
)
from composer.review.transitions import Step, allowed, on_save

# The only field finalize changes (it puts the kenmerk in "ons kenmerk").
REFERENCE_FIELD = "our_reference"


class WorkflowError(ComposerError):
    """A step that the letter's status does not allow; nothing was changed."""


def _copy(letter_id: int) -> Remedy:
    return Remedy(RemedyAction.COPY, letter_id=letter_id)


def check_submit(letter_id: int, status: str, latest: int) -> None:
    if allowed(status, Step.SUBMIT):
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
                "Brief {letter_id} is al goedgekeurd. Wilt u nog iets veranderen, sla dan een "
                "nieuwe versie op en bied die opnieuw aan."
            ).format(letter_id=letter_id),
            remedy=Remedy(RemedyAction.SEND, letter_id=letter_id),
        )
    raise WorkflowError(
        _("Brief {letter_id} is al verzonden en kan niet opnieuw worden beoordeeld.").format(
            letter_id=letter_id
        ),
        remedy=_copy(letter_id),
    )


def _not_in_review(letter_id: int, status: str, step: str) -> WorkflowError:
    """`step` is "approve" or "reject"; every case is one whole sentence, for the translation."""
    approve = step == "approve"
    remedy = None
    if status == STATUS_CONCEPT:
        remedy = Remedy(RemedyAction.SUBMIT, letter_id=letter_id)
        message = (
            _(
                "Brief {letter_id} staat niet ter beoordeling maar op Concept; alleen een brief "
                "die ter beoordeling staat kan worden goedgekeurd."
            )
            if approve
            else _(
                "Brief {letter_id} staat niet ter beoordeling maar op Concept; alleen een brief "
                "die ter beoordeling staat kan worden afgewezen."
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
        remedy = _copy(letter_id)
        message = (
            _("Brief {letter_id} is al verzonden en kan niet meer worden goedgekeurd.")
            if approve
            else _("Brief {letter_id} is al verzonden en kan niet meer worden afgewezen.")
        )
    return WorkflowError(message.format(letter_id=letter_id), remedy=remedy)


def check_approve(letter_id: int, status: str, version: int, latest: int) -> None:
    if not allowed(status, Step.APPROVE):
        raise _not_in_review(letter_id, status, "approve")
    if version != latest:
        raise WorkflowError(
            _(
                "Versie {version} is niet de laatste versie van brief {letter_id}; de laatste is "
                "versie {latest}. Een goedkeuring geldt alleen voor de laatste versie."
            ).format(version=version, letter_id=letter_id, latest=latest),
            remedy=Remedy(RemedyAction.APPROVE_LATEST, letter_id=letter_id, version=latest),
        )


def check_reject(letter_id: int, status: str, reason: str) -> None:
    if not allowed(status, Step.REJECT):
        raise _not_in_review(letter_id, status, "reject")
    if not reason.strip():
        raise WorkflowError(
            _("Geef bij het afwijzen een reden op, zodat de auteur weet wat er moet veranderen."),
            remedy=Remedy(RemedyAction.GIVE_REASON, letter_id=letter_id),
        )


def check_send(letter_id: int, status: str, latest: int, kenmerk: str | None) -> None:
    if allowed(status, Step.SEND):
        return
    if status == STATUS_SENT:
        raise WorkflowError(
            _(
                "Brief {letter_id} is al verzonden (kenmerk {kenmerk}). De verzonden bestanden "
                "staan in het archief."
            ).format(letter_id=letter_id, kenmerk=kenmerk),
            remedy=_copy(letter_id),
        )
    # The way to Goedgekeurd from here: offer it for review, or have it approved.
    remedy = (
        Remedy(RemedyAction.SUBMIT, letter_id=letter_id)
        if allowed(status, Step.SUBMIT)
        else Remedy(RemedyAction.APPROVE_LATEST, letter_id=letter_id, version=latest)
    )
    raise WorkflowError(
        _(
            "Brief {letter_id} is nog niet goedgekeurd (status: {status}). Alleen een "
            "goedgekeurde laatste versie kan worden verzonden."
        ).format(letter_id=letter_id, status=status_label(status)),
        remedy=remedy,
    )


def approval_outdated(letter_id: int, approved: int | None, latest: int) -> WorkflowError:
    """Goedgekeurd, but no approval covers the latest version (changed outside the workflow)."""
    if approved is None:
        message = _(
            "Brief {letter_id} heeft geen geldige goedkeuring; er is niets verzonden. Laat de "
            "laatste versie opnieuw beoordelen."
        )
    else:
        message = _(
            "Brief {letter_id} heeft een goedkeuring van versie {approved}, maar de laatste "
            "versie is {latest} en die verschilt daarvan in meer dan het kenmerk; er is niets "
            "verzonden. Laat de laatste versie opnieuw beoordelen."
        )
    return WorkflowError(
        message.format(letter_id=letter_id, approved=approved, latest=latest),
        remedy=Remedy(RemedyAction.RESTORE_AND_SUBMIT, letter_id=letter_id, version=latest),
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
        raise WorkflowError(_("De opmerking is leeg. Typ de tekst van de opmerking."))
    whole_letter = Remedy(RemedyAction.COMMENT_ON_LETTER, version=version)
    if block is not None and blocks == 0:
        raise WorkflowError(
            _("Versie {version} heeft geen tekstblokken.").format(version=version),
            remedy=whole_letter,
        )
    if block is not None and not 1 <= block <= blocks:
        raise WorkflowError(
            _(
                "Versie {version} heeft geen blok {block}: de tekst heeft {blocks} blokken "
                "(alinea’s, citaten, servicebeloften), geteld vanaf 1. Kies een blok van 1 tot en "
                "met {blocks}."
            ).format(version=version, block=block, blocks=blocks),
            remedy=whole_letter,
        )


def check_open_comments(letter_id: int, open_comments: int, reason: str) -> None:
    """Open comments block sending unless the sender says why it goes anyway."""
    if open_comments and not reason.strip():
        raise WorkflowError(
            ngettext(
                "Bij brief {letter_id} staat nog {count} opmerking open; er is niets verzonden. "
                "Handel de opmerking af, of geef een reden om toch te verzenden.",
                "Bij brief {letter_id} staan nog {count} opmerkingen open; er is niets "
                "verzonden. Handel de opmerkingen af, of geef een reden om toch te verzenden.",
                open_comments,
            ).format(letter_id=letter_id, count=open_comments),
            remedy=Remedy(RemedyAction.GIVE_SEND_REASON, letter_id=letter_id),
        )


def sent_reason(open_comments: int, reason: str) -> str:
    """The sender's reason as the 'sent' event records it (stored as data: always Dutch)."""
    if not reason:
        return ""
    if open_comments == 1:
        return f"Verzonden met 1 open opmerking; reden: {reason}"
    if open_comments:
        return f"Verzonden met {open_comments} open opmerkingen; reden: {reason}"
    return f"Reden: {reason}"


def save_warning(status: str, approved_version: int | None) -> str | None:
    """What a save does to a letter in `status` (from the transition table), as one sentence
    for before the save; None when the review stays as it is."""
    effect = on_save(status)
    if effect.frozen:
        return _(
            "Deze brief is verzonden en kan niet meer worden opgeslagen. Maak een kopie om verder "
            "te schrijven."
        )
    if effect.status_after is None and not effect.lapse_approvals:
        return None
    back_to = status_label(effect.status_after or status)
    if effect.lapse_approvals and approved_version is not None:
        return _(
            "Opslaan trekt de beoordeling in: de brief gaat terug naar {status} en de goedkeuring "
            "van versie {version} vervalt."
        ).format(status=back_to, version=approved_version)
    return _(
        "Opslaan trekt de beoordeling in: de brief gaat terug naar {status} en moet opnieuw "
        "worden aangeboden."
    ).format(status=back_to)
