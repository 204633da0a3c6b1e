"""Before a save: say what it does to the review (withdrawn, an approval lapses) and ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from composer.errors import ComposerError
from composer.i18n import _
from composer.review.transitions import on_save

if TYPE_CHECKING:
    from composer.storage.library import Library


def confirm_save(parent: QWidget, library: Library, letter_id: int) -> bool:
    """True when saving may go ahead: nothing happens to the review, or the person chose
    "Opslaan en beoordeling intrekken". A sent letter is not saved (said, not asked)."""
    from composer.review.service import ReviewService

    service = ReviewService(library)
    try:
        effect = service.save_effect(letter_id)
        frozen = on_save(service.status(letter_id).status).frozen
    except ComposerError:
        return True  # the save itself reports what is wrong
    if not effect:
        return True
    if frozen:
        QMessageBox.information(parent, _("Opslaan"), effect)
        return False
    from composer.gui.dialogs.common import ask_confirmation

    return ask_confirmation(parent, _("Opslaan"), effect, _("Opslaan en beoordeling intrekken"))
