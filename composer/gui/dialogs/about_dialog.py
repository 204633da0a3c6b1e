"""Over Brievencomposer: the version, the PDF engine, where the data and the library are."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from composer import __version__
from composer.gui.dialogs import program_info
from composer.gui.dialogs.common import add_button, error_text, hint_label
from composer.gui.ops import Op, workspace_of
from composer.i18n import N_, _
from composer.paths import data_dir
from composer.settings import Settings

TITLE = N_("Over Brievencomposer")


def _value_label(name: str, accessible_name: str, text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setAccessibleName(accessible_name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class AboutDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        library_location: str | None = None,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        settings = settings if settings is not None else workspace_of(parent).settings
        self.setObjectName("over")
        self.setWindowTitle(_(TITLE))
        self.resize(560, 260)
        layout = QVBoxLayout(self)
        heading = QLabel(_("<b>Brievencomposer</b> {version}").format(version=__version__))
        heading.setObjectName("kop")
        layout.addWidget(heading)
        layout.addWidget(
            hint_label(_("Brieven en persberichten van de organisatie, als DOCX en PDF."))
        )
        form = QFormLayout()
        self.version_label = _value_label("versie", _("versie"), __version__)
        self.engine_label = _value_label(
            "pdf_programma", _("pdf programma"), _("LibreOffice wordt gezocht…")
        )
        self.data_label = _value_label("gegevensmap", _("gegevensmap"), str(data_dir()))
        location = library_location or program_info.library_location(settings)
        self.library_label = _value_label("bibliotheek", _("bibliotheek"), location)
        form.addRow(_("Versie:"), self.version_label)
        form.addRow(_("PDF-programma:"), self.engine_label)
        form.addRow(_("Gegevensmap:"), self.data_label)
        form.addRow(_("Bibliotheek:"), self.library_label)
        layout.addLayout(form)
        layout.addStretch(1)
        box = QDialogButtonBox()
        close = add_button(box, _("S&luiten"), QDialogButtonBox.ButtonRole.RejectRole, "sluiten")
        close.setDefault(True)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        configured = settings.libreoffice_path
        Op(self, lambda _workspace: program_info.find_engine(configured)).success(
            self._engine_found
        ).failure(lambda error: self.engine_label.setText(error_text(error))).run()

    @classmethod
    def run(
        cls, parent: QWidget | None = None, *, library_location: str | None = None
    ) -> tuple[None, bool]:
        """Shows the dialog; there is nothing to return, so always (None, True)."""
        dialog = cls(parent, library_location=library_location)
        dialog.exec()
        dialog.deleteLater()
        return None, True

    def _engine_found(self, info: program_info.EngineInfo) -> None:
        if info.path is None:
            self.engine_label.setText(info.text)
        else:
            self.engine_label.setText(f"{info.text} ({info.path})")
