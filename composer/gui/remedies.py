"""The window's words for a remedy: buttons and menu items, never a command line."""

from __future__ import annotations

from composer.errors import Remedy, RemedyAction
from composer.i18n import N_, _

# What to click about each remedy, `{version}` filled in. A new RemedyAction needs words here
# (test_show_error checks every one).
_CLICKS = {
    RemedyAction.SEND: N_("Verzend hem met Verzenden in het paneel Beoordeling."),
    RemedyAction.COPY: N_(
        "Maak met Kopie maken in het paneel Beoordeling een nieuwe brief op basis van deze en "
        "wijzig die."
    ),
    RemedyAction.GIVE_SEND_REASON: N_(
        "Klik opnieuw op Verzenden… in het paneel Beoordeling en vul bij ‘Reden om toch te "
        "verzenden’ in waarom de brief toch weg moet, of handel de opmerkingen eerst af met "
        "Afgehandeld."
    ),
    RemedyAction.SUBMIT: N_(
        "Laat de auteur hem eerst aanbieden met Indienen in het paneel Beoordeling."
    ),
    RemedyAction.APPROVE_LATEST: N_(
        "Bekijk versie {version} in de Versiegeschiedenis en keur die goed met Goedkeuren in "
        "het paneel Beoordeling."
    ),
    RemedyAction.RESTORE_AND_SUBMIT: N_(
        "Kies versie {version} in de Versiegeschiedenis, zet hem terug met Herstellen en bied "
        "hem daarna aan met Indienen in het paneel Beoordeling."
    ),
    RemedyAction.GIVE_NAME: N_("Vul uw naam in onder Extra > Instellingen."),
    RemedyAction.GIVE_REVIEWER_NAME: N_(
        "Vul uw naam in bij Beoordelaar in het paneel Beoordeling."
    ),
    RemedyAction.GIVE_REASON: N_(
        "Kies opnieuw Afwijzen in het paneel Beoordeling en typ de reden bij ‘Waarom wijst u "
        "deze versie af?’."
    ),
    RemedyAction.COMMENT_ON_LETTER: N_(
        "Met Opmerking toevoegen in het paneel Beoordeling maakt u een opmerking over de hele "
        "brief."
    ),
    RemedyAction.LIST_COMMENTS: N_(
        "De opmerkingen staan onder ‘Opmerkingen bij deze brief’ in het paneel Beoordeling."
    ),
    RemedyAction.FIX_TEMPLATE: N_("Laat het sjabloon door beheer aanpassen en controleren."),
    RemedyAction.SKIP_INVALID: N_(
        "Verbeter de lijst, of zet ‘Ongeldige overslaan’ aan om alleen de geldige te maken."
    ),
    RemedyAction.OVERWRITE: N_(
        "Kies een andere map of zet ‘Bestaande bestanden overschrijven’ aan om ze te overschrijven."
    ),
    RemedyAction.CHECK_ARCHIVE: N_(
        "Laat beheer het archief controleren en het bestand terugzetten uit een reservekopie."
    ),
}


def remedy_text(remedy: Remedy | None) -> str:
    """What the user can do about an error, naming what they click in the window; "" for None."""
    if remedy is None:
        return ""
    words = _CLICKS.get(remedy.action)
    if words is None:
        raise AssertionError(f"no window words for {remedy.action}")
    return _(words).format(letter_id=remedy.letter_id, version=remedy.version)
