"""What the catalogue dialogs share: open a catalogue, track changes, save in the background."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from composer.core.catalogue_editing import (
    CatalogueDocument,
    CatalogueRecorder,
    open_catalogue,
    save_catalogue,
)
from composer.errors import ComposerError
from composer.gui.dialogs.common import (
    ask_yes_no,
    error_text,
    message_label,
    save_cancel_buttons,
)
from composer.gui.ops import Op, workspace_of
from composer.gui.show_error import show_error
from composer.i18n import _


class CatalogueDialog(QDialog):
    """Base of the address book, service promises and quotes dialogs.

    Subclasses build their widgets in `build()`, call `mark_changed()` on every edit and may
    refuse saving with a Dutch message from `problem()`.
    """

    catalogue = ""  # "adresboek", "servicebeloften", "citaten"
    title = ""  # marked with N_() in the subclasses, translated where shown

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        library: CatalogueRecorder | None = None,
        author: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.document: CatalogueDocument = open_catalogue(self.catalogue)
        self.library = library
        self.author = author if author is not None else workspace_of(parent).settings.author
        self.changed = False
        self.saving = False
        # Replaceable in tests: the question before closing with unsaved changes.
        self.confirm_discard: Callable[[], bool] = lambda: ask_yes_no(
            self,
            _(self.title),
            _("U hebt wijzigingen die nog niet zijn opgeslagen. Wilt u ze weggooien?"),
        )
        self.setObjectName(self.catalogue)
        self.setWindowTitle(_(self.title))
        self.message_label = message_label("melding")
        self.buttons, self.save_button, self.cancel_button = save_cancel_buttons(self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.build()

    def build(self) -> None:
        """The subclass's widgets, with `message_label` and `buttons` placed at the bottom."""

    @classmethod
    def run(
        cls,
        parent: QWidget | None = None,
        *,
        library: CatalogueRecorder | None = None,
        author: str | None = None,
    ) -> tuple[list[dict[str, Any]] | None, bool]:
        """The catalogue's items as saved, and whether the user saved."""
        try:
            dialog = cls(parent, library=library, author=author)
        except ComposerError as exc:
            show_error(parent, exc)
            return None, False
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        items = dialog.document.items if accepted else None
        dialog.deleteLater()
        return items, accepted

    @property
    def items(self) -> list[dict[str, Any]]:
        return self.document.items

    def mark_changed(self) -> None:
        self.changed = True
        self.message_label.setText("")

    def problem(self) -> str:
        """Why the catalogue cannot be saved as it is ("" when it can)."""
        return ""

    def prepare(self) -> None:
        """Last touches to `self.document.content` before it is written."""

    def save(self) -> None:
        if self.saving:
            return
        if not self.changed:
            self.accept()
            return
        problem = self.problem()
        if problem:
            self.message_label.setText(problem)
            return
        self.prepare()
        self._set_saving(True)
        document, library, author = self.document, self.library, self.author
        Op(
            self, lambda _workspace: save_catalogue(document, library=library, author=author)
        ).success(self._saved).failure(self._save_failed).run()

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.save_button.setEnabled(not saving)
        self.cancel_button.setEnabled(not saving)
        if saving:
            self.message_label.setText(_("Bezig met opslaan…"))

    def _saved(self, _path: object) -> None:
        self._set_saving(False)
        self.changed = False
        self.message_label.setText("")
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        self.message_label.setText(error_text(error))

    def reject(self) -> None:
        if self.saving:
            return
        if self.changed and not self.confirm_discard():
            return
        super().reject()
