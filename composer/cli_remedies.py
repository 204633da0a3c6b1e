"""The command line's words for a remedy: the command to type."""

from __future__ import annotations

from composer.errors import ComposerError, Remedy, RemedyAction
from composer.i18n import N_, _

# What to type about each remedy, `{letter_id}` and `{version}` filled in. A new RemedyAction
# needs words here (tests/cli/test_remedy_words.py checks every one).
_COMMANDS = {
    RemedyAction.SEND: N_("Verzend hem met ‘composer letters send {letter_id}’."),
    RemedyAction.COPY: N_(
        "Maak een nieuwe brief op basis van deze met ‘composer letters copy {letter_id}’ en "
        "wijzig die."
    ),
    RemedyAction.SUBMIT: N_(
        "Laat de auteur hem eerst aanbieden met ‘composer letters submit {letter_id}’."
    ),
    RemedyAction.APPROVE_LATEST: N_(
        "Bekijk versie {version} en keur die goed met ‘composer letters approve {letter_id} "
        "--version {version}’."
    ),
    RemedyAction.RESTORE_AND_SUBMIT: N_(
        "Zet hem terug als nieuwe versie met ‘composer letters restore {letter_id} {version}’ "
        "en bied hem aan met ‘composer letters submit {letter_id}’."
    ),
    RemedyAction.GIVE_NAME: N_("Geef uw naam met --author of stel die in onder Instellingen."),
    RemedyAction.GIVE_REVIEWER_NAME: N_(
        "Geef uw naam met --reviewer of stel die in onder Instellingen."
    ),
    RemedyAction.GIVE_REASON: N_("Geef de reden mee met --reason."),
    RemedyAction.GIVE_SEND_REASON: N_(
        "Bekijk ze met ‘composer letters comments {letter_id}’, of geef met --reason de reden "
        "om toch te verzenden."
    ),
    RemedyAction.COMMENT_ON_LETTER: N_("Laat --block weg voor een opmerking over de hele brief."),
    RemedyAction.LIST_COMMENTS: N_(
        "Bekijk de opmerkingen met ‘composer letters comments {letter_id}’."
    ),
    RemedyAction.FIX_TEMPLATE: N_(
        "Pas het sjabloon aan en controleer het met ‘composer templates check’."
    ),
    RemedyAction.SKIP_INVALID: N_(
        "Verbeter de lijst, of gebruik --skip-invalid om alleen de geldige te maken."
    ),
    RemedyAction.OVERWRITE: N_("Kies een andere map of gebruik --force om ze te overschrijven."),
    RemedyAction.CHECK_ARCHIVE: N_(
        "Controleer het archief met ‘composer verify’ en zet het bestand terug uit een "
        "reservekopie."
    ),
}


def remedy_text(remedy: Remedy | None) -> str:
    """What the user can do about an error, as a command to type; "" for None."""
    if remedy is None:
        return ""
    words = _COMMANDS.get(remedy.action)
    if words is None:
        raise AssertionError(f"no command-line words for {remedy.action}")
    return _(words).format(letter_id=remedy.letter_id, version=remedy.version)


def error_text(error: ComposerError) -> str:
    """The message of `error` followed by its remedy, as the command line prints it: on the same
    line, or on a line of its own after a message of several lines (a list of problems)."""
    remedy = remedy_text(error.remedy)
    if not remedy:
        return error.message
    separator = "\n" if "\n" in error.message else " "
    return f"{error.message}{separator}{remedy}"
