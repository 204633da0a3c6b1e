"""Instellingen: author, kenmerk pattern, language, address position, LibreOffice, library,
organisation, e-mail."""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogue_editing import open_catalogue, save_catalogue
from composer.errors import ComposerError
from composer.gui.dialogs.common import (
    error_text,
    hint_label,
    labelled_rows,
    message_label,
    push_button,
    save_cancel_buttons,
)
from composer.gui.dialogs.profile_form import ProfileForm
from composer.gui.dialogs.programs_tab import ProgramsTab
from composer.gui.dialogs.settings_mail import MailTab
from composer.gui.ops import Op, workspace_of
from composer.gui.show_error import show_error
from composer.i18n import LANGUAGES, _
from composer.render.registry import find_template
from composer.settings import Settings
from composer.storage.kenmerken import InvalidPattern, check_pattern, format_kenmerk

if TYPE_CHECKING:
    from composer.storage.library import Library

TEMPLATE = "brief"  # not screen text
LAYOUT_KEYS = ("address_left_mm", "address_top_mm")  # not screen text
FALLBACK_LAYOUT = {"address_left_mm": 25.0, "address_top_mm": 50.0}  # not screen text


def template_layout() -> dict[str, float]:
    """The address position the brief template itself sets (millimetres)."""
    try:
        layout = find_template(TEMPLATE).layout
    except ComposerError:
        layout = {}
    return {key: float(layout.get(key, FALLBACK_LAYOUT[key])) for key in LAYOUT_KEYS}


def kenmerk_problem(pattern: str) -> str:
    try:
        check_pattern(pattern)
    except InvalidPattern as exc:
        return exc.in_form
    return ""


def _mm_box(name: str, accessible: str, maximum: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setRange(0.0, maximum)
    box.setDecimals(1)
    box.setSingleStep(0.5)
    box.setSuffix(_(" mm"))
    box.setMaximumWidth(140)
    return box


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        library: Library | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace_of(parent)  # saving goes through it: the window follows
        self.original = settings if settings is not None else self.workspace.settings
        self.library = library
        self.profile = open_catalogue("organisatie")
        self.defaults = template_layout()
        self.saved: Settings | None = None
        self.setObjectName("instellingen")
        self.setWindowTitle(_("Instellingen"))
        self.resize(680, 560)  # the E-mail tab is the tallest
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("tabbladen")
        self.tabs.addTab(self._general_tab(), _("Al&gemeen"))
        self.tabs.addTab(self._layout_tab(), _("Op&maak"))
        self.programs = ProgramsTab(
            self.original, library.location if library is not None else None
        )
        self.tabs.addTab(self.programs, _("&LibreOffice en bibliotheek"))
        self.profile_form = ProfileForm(self.profile)
        self.tabs.addTab(self.profile_form, _("O&rganisatie"))
        self.mail_tab = MailTab(self.original)
        self.tabs.addTab(self.mail_tab, _("&E-mail"))
        layout.addWidget(self.tabs)
        self.message_label = message_label("melding")
        layout.addWidget(self.message_label)
        self.buttons, self.ok_button, self.cancel_button = save_cancel_buttons(self)
        self.ok_button.setText(_("&OK"))
        self.ok_button.setAccessibleName(_("OK"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(self.original)
        self.programs.look_up_engine()

    @classmethod
    def run(
        cls,
        parent: QWidget | None = None,
        settings: Settings | None = None,
        *,
        library: Library | None = None,
    ) -> tuple[Settings | None, bool]:
        """The settings as saved, or (None, False) when the user cancelled."""
        try:
            dialog = cls(settings, parent, library=library)
        except ComposerError as exc:  # an unreadable organisation profile
            show_error(parent, exc)
            return None, False
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        saved = dialog.saved if accepted else None
        dialog.deleteLater()
        return saved, accepted

    # Tabs

    def _general_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.author_edit = QLineEdit()
        self.author_edit.setObjectName("auteur")
        self.pattern_edit = QLineEdit()
        self.pattern_edit.setObjectName("kenmerkpatroon")
        self.pattern_label = QLabel("")
        self.pattern_label.setObjectName("kenmerkvoorbeeld")
        self.pattern_label.setWordWrap(True)
        self.group_edit = QLineEdit()
        self.group_edit.setObjectName("groepsaanhef")
        self.language_box = QComboBox()
        self.language_box.setObjectName("taal")
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)  # each language by its own name: not translated
        rows = (
            (_("Uw &naam:"), self.author_edit),
            (_("&Kenmerkpatroon:"), self.pattern_edit),
            ("", self.pattern_label),
            (_("Aanhef &zonder persoon:"), self.group_edit),
        )
        labelled_rows(form, rows, spoken=True)
        form.addRow(hint_label(_("Uw naam staat bij elke versie die u opslaat.")))
        form.addRow(
            hint_label(
                _(
                    "In het kenmerkpatroon staat {yyyy} voor het jaar, {yy} voor het jaar in twee "
                    "cijfers en {seq} voor het volgnummer ({seq:04d}: met voorloopnullen)."
                )
            )
        )
        language_label = QLabel(_("&Taal:"))
        language_label.setBuddy(self.language_box)
        self.language_box.setAccessibleName(_("Taal"))
        form.addRow(language_label, self.language_box)
        self.language_note = hint_label(
            _("Een andere taal geldt vanaf de volgende start van Brievencomposer.")
        )
        self.language_note.setObjectName("taal_uitleg")
        form.addRow("", self.language_note)
        self.pattern_edit.textChanged.connect(self._show_kenmerk)
        return page

    def _layout_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(
            hint_label(_("Plaats van het adres in het venster van de envelop (sjabloon Brief)."))
        )
        self.left_box = _mm_box("adres_links", _("Adres vanaf links, in millimeters"), 150.0)
        self.top_box = _mm_box("adres_boven", _("Adres vanaf boven, in millimeters"), 200.0)
        for caption, box in (
            (_("Adres vanaf l&inks:"), self.left_box),
            (_("Adres vanaf &boven:"), self.top_box),
        ):
            label = QLabel(caption)
            label.setBuddy(box)
            form.addRow(label, box)
        left, top = (f"{self.defaults[key]:g}" for key in LAYOUT_KEYS)
        form.addRow(
            hint_label(
                _(
                    "Standaard van het sjabloon: {left} mm vanaf links, {top} mm vanaf boven."
                ).format(left=left, top=top)
            )
        )
        reset = push_button(_("&Standaard herstellen"), "standaard_herstellen")
        reset.clicked.connect(self._reset_layout)
        row = QHBoxLayout()
        row.addWidget(reset)
        row.addStretch(1)
        form.addRow("", row)
        return page

    # Values

    def _fill(self, settings: Settings) -> None:
        self.author_edit.setText(settings.author)
        self.pattern_edit.setText(settings.kenmerk_pattern)
        self.group_edit.setText(settings.group_salutation)
        self.language_box.setCurrentIndex(max(self.language_box.findData(settings.language), 0))
        layout = {**self.defaults, **settings.layout.get(TEMPLATE, {})}
        self.left_box.setValue(layout["address_left_mm"])
        self.top_box.setValue(layout["address_top_mm"])
        self._show_kenmerk()

    def _show_kenmerk(self) -> None:
        pattern = self.pattern_edit.text()
        problem = kenmerk_problem(pattern)
        if problem:
            self.pattern_label.setText(problem)
            self.pattern_label.setStyleSheet("color: #a00000;")
        else:
            example = format_kenmerk(pattern, dt.date.today().year, 1)
            self.pattern_label.setText(_("Voorbeeld: {example}").format(example=example))
            self.pattern_label.setStyleSheet("color: #555555;")

    def _reset_layout(self) -> None:
        self.left_box.setValue(self.defaults["address_left_mm"])
        self.top_box.setValue(self.defaults["address_top_mm"])

    def value(self) -> Settings:
        settings = copy.deepcopy(self.original)
        settings.author = self.author_edit.text().strip()
        settings.kenmerk_pattern = self.pattern_edit.text().strip()
        settings.group_salutation = self.group_edit.text().strip()
        settings.language = str(self.language_box.currentData())
        layout = dict(settings.layout.get(TEMPLATE, {}))
        for key, box in zip(LAYOUT_KEYS, (self.left_box, self.top_box), strict=True):
            if abs(box.value() - self.defaults[key]) < 0.05:
                layout.pop(key, None)  # the template's own value: follow the template
            else:
                layout[key] = round(box.value(), 1)
        settings.layout = {k: v for k, v in settings.layout.items() if k != TEMPLATE}
        if layout:
            settings.layout[TEMPLATE] = layout
        settings.libreoffice_path = self.programs.libreoffice_path()
        settings.database_url = self.programs.database_url()
        return self.mail_tab.value(settings)

    def problem(self) -> tuple[int, str]:
        """(tab, message) of the first thing to fix; message "" when all is well."""
        if not self.author_edit.text().strip():
            return 0, _("Vul uw naam in; die staat bij elke versie die u opslaat.")
        problem = kenmerk_problem(self.pattern_edit.text().strip())
        if problem:
            return 0, problem
        problem = self.programs.problem()
        if problem:
            return 2, problem
        problem = self.profile_form.problem()
        if problem:
            return 3, problem
        return 4, self.mail_tab.problem()

    # Saving

    def save(self) -> None:
        tab, problem = self.problem()
        self.message_label.setText(problem)
        if problem:
            self.tabs.setCurrentIndex(tab)
            return
        settings = self.value()
        profile = self.profile if self.profile_form.changed() else None
        if profile is not None:
            self.profile_form.apply()
        library, workspace = self.library, self.workspace
        store_password = self.mail_tab.password_job()
        self.ok_button.setEnabled(False)
        self.message_label.setText(_("Bezig met opslaan…"))

        def work(_workspace: object) -> Settings:
            if profile is not None:
                save_catalogue(profile, library=library, author=settings.author)
            if store_password is not None:
                store_password()  # in the keyring, never in settings.toml
            workspace.update_settings(settings)  # saved, and every listener told
            return settings

        Op(self, work, workspace=workspace).success(self._saved).failure(self._save_failed).run()

    def _saved(self, settings: Settings) -> None:
        self.saved = settings
        self.message_label.setText("")
        self.accept()

    def _save_failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.message_label.setText(error_text(error))
