"""The command line's words for a remedy: the command to type."""

from __future__ import annotations

from composer.errors import ComposerError, Remedy, RemedyAction
from composer.i18n import _


def remedy_text(remedy: Remedy | None) -> str:
    """What the user can do about an error, as a command to type; "" for None."""
    if remedy is None:
        return ""
    action, letter_id, version = remedy.action, remedy.letter_id, remedy.version
    if action is RemedyAction.SEND:
        text = _("Verzend hem met ‘composer letters send {letter_id}’.")
    elif action is RemedyAction.COPY:
        text = _(
            "Maak een nieuwe brief op basis van deze met ‘composer letters copy {letter_id}’ en "
            "wijzig die."
        )
    elif action is RemedyAction.SUBMIT:
        text = _("Laat de auteur hem eerst aanbieden met ‘composer letters submit {letter_id}’.")
    elif action is RemedyAction.APPROVE_LATEST:
        text = _(
            "Bekijk versie {version} en keur die goed met ‘composer letters approve {letter_id} "
            "--version {version}’."
        )
    elif action is RemedyAction.RESTORE_AND_SUBMIT:
        text = _(
            "Zet hem terug als nieuwe versie met ‘composer letters restore {letter_id} {version}’ "
            "en bied hem aan met ‘composer letters submit {letter_id}’."
        )
    elif action is RemedyAction.GIVE_NAME:
        text = _("Geef uw naam met --author of stel die in onder Instellingen.")
    elif action is RemedyAction.GIVE_REVIEWER_NAME:
        text = _("Geef uw naam met --reviewer of stel die in onder Instellingen.")
    else:  # a new RemedyAction needs words here
        raise AssertionError(f"no command-line words for {action}")
    return text.format(letter_id=letter_id, version=version)


def error_text(error: ComposerError) -> str:
    """The message of `error` followed by its remedy, as the command line prints it."""
    remedy = remedy_text(error.remedy)
    return f"{error.message} {remedy}" if remedy else error.message
