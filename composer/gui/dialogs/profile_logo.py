"""The logo row of the organisation profile: a preview, "Logo kiezen…" and "Logo verwijderen"."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from composer.core.catalogue_editing import logo_png_from_file
from composer.core.catalogues import read_logo
from composer.errors import ComposerError
from composer.gui.dialogs.common import hint_label, message_label, push_button
from composer.i18n import N_, _

LOGO_FILTER = N_("Afbeeldingen (*.png *.jpg *.jpeg);;Alle bestanden (*)")
PREVIEW_HEIGHT = 48  # pixels on the screen
PREVIEW_MAX_WIDTH = 200
SMOOTH = Qt.TransformationMode.SmoothTransformation


class LogoRow(QWidget):
    """Shows the logo and lets the user choose or remove one; nothing is saved here.

    `png` is the logo as it will be saved (None: no logo); `changed()` tells whether the user
    chose or removed one. `choose_file` asks for the image (tests put a stand-in there).
    """

    edited = Signal()

    def __init__(
        self,
        current: Path | None,
        parent: QWidget | None = None,
        *,
        named: bool = False,
        problem: str = "",
    ) -> None:
        """`current`: the saved logo's file; `named`: the profile names a logo, perhaps one that
        cannot be used (`problem` says why), which "Logo verwijderen" can then clear."""
        super().__init__(parent)
        self.png: bytes | None = None
        self.named = named or current is not None
        self.touched = False
        self.choose_file: Callable[[], Path | None] = self._ask_file
        self.preview = QLabel()
        self.preview.setObjectName("organisatie.logo.voorbeeld")
        self.preview.setAccessibleName(_("Voorbeeld van het logo"))
        self.preview.setMinimumHeight(PREVIEW_HEIGHT)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose_button = push_button(_("Logo kie&zen…"), "logo_kiezen")
        self.remove_button = push_button(_("Logo verwij&deren"), "logo_verwijderen")
        self.problem_label = message_label(
            "organisatie.logo.probleem", spoken=_("Probleem met het logo")
        )
        self.problem_label.setVisible(False)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.preview)
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(buttons)
        column.addWidget(self.problem_label)
        column.addWidget(
            hint_label(
                _(
                    "Een PNG- of JPEG-afbeelding van hoogstens 5 MB en 4000 × 4000 pixels. Het "
                    "logo staat 15 mm hoog (hoogstens 60 mm breed) in het briefhoofd en boven "
                    "persberichten."
                )
            )
        )
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        if problem:
            self._show_problem(problem)
        if current is not None:
            try:
                self.png = read_logo(current).png
            except ComposerError as exc:
                self._show_problem(exc.message)
        self._show()

    def changed(self) -> bool:
        return self.touched

    def _ask_file(self) -> Path | None:
        name, _selected = QFileDialog.getOpenFileName(
            self, _("Logo kiezen"), str(Path.home()), _(LOGO_FILTER)
        )
        return Path(name) if name else None

    def choose(self) -> None:
        path = self.choose_file()
        if path is None:
            return
        try:
            png = logo_png_from_file(path)
        except ComposerError as exc:
            self._show_problem(exc.message)  # the logo shown (if any) stays as it was
            return
        self.png, self.touched = png, True
        self._show_problem("")
        self._show()
        self.edited.emit()

    def remove(self) -> None:
        self.png, self.touched = None, True
        self._show_problem("")
        self._show()
        self.edited.emit()

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    def _show(self) -> None:
        pixmap = QPixmap()
        if self.png is not None and pixmap.loadFromData(self.png):
            scaled = pixmap.scaledToHeight(
                PREVIEW_HEIGHT, Qt.TransformationMode.SmoothTransformation
            )
            if scaled.width() > PREVIEW_MAX_WIDTH:
                scaled = pixmap.scaledToWidth(PREVIEW_MAX_WIDTH, SMOOTH)
            self.preview.setPixmap(scaled)
            self.preview.setToolTip(_("Het logo van de organisatie"))
        else:
            self.preview.clear()
            self.preview.setText(_("Geen logo"))
            self.preview.setToolTip("")
        self.remove_button.setEnabled(self.png is not None or (self.named and not self.touched))
