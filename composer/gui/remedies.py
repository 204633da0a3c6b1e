"""The window's words for a remedy: buttons and menu items, never a command line."""

from __future__ import annotations

from composer.errors import Remedy, RemedyAction
from composer.i18n import _


def remedy_text(remedy: Remedy | None) -> str:
    """What the user can do about an error, naming what they click in the window; "" for None."""
    if remedy is None:
        return ""
    action = remedy.action
    if action is RemedyAction.SEND:
        return _("Verzend hem met Verzenden in het paneel Beoordeling.")
    if action is RemedyAction.COPY:
        return _(
            "Wilt u iets veranderen, begin dan een nieuwe brief met Bestand > Nieuw en neem "
            "daarin over wat u van deze brief nodig hebt."
        )
    if action is RemedyAction.SUBMIT:
        return _("Laat de auteur hem eerst aanbieden met Indienen in het paneel Beoordeling.")
    if action is RemedyAction.APPROVE_LATEST:
        return _(
            "Bekijk versie {version} in de Versiegeschiedenis en keur die goed met Goedkeuren in "
            "het paneel Beoordeling."
        ).format(version=remedy.version)
    if action is RemedyAction.RESTORE_AND_SUBMIT:
        return _(
            "Kies versie {version} in de Versiegeschiedenis, zet hem terug met Herstellen en bied "
            "hem daarna aan met Indienen in het paneel Beoordeling."
        ).format(version=remedy.version)
    if action is RemedyAction.GIVE_NAME:
        return _("Vul uw naam in onder Extra > Instellingen.")
    if action is RemedyAction.GIVE_REVIEWER_NAME:
        return _("Vul uw naam in bij Beoordelaar in het paneel Beoordeling.")
    raise AssertionError(f"no window words for {action}")  # a new RemedyAction needs words here
