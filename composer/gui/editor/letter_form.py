"""The fields at the top of the letter (sjabloon, datum, plaats, kenmerken, betreft) and the
single-line fields aanhef and slotformule."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from composer.dutch.salutations import salutation_for
from composer.errors import ComposerError
from composer.gui.changes import changes, watch
from composer.gui.editor.bindings import Binding, DateBinding, EditKeys, LineBinding
from composer.gui.editor.validation_marks import FieldMark, marked_field
from composer.i18n import N_, _
from composer.render.registry import find_template

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.gui.session import LetterSession

KENMERK_PLACEHOLDER = N_("wordt toegekend bij definitief maken")
KENMERK_LOCKED = N_(
    "Het kenmerk is toegekend en staat in het kenmerkregister; het verandert niet meer."
)


def add_marked_row(form: QFormLayout, text: str, field: QWidget, name: str) -> FieldMark:
    """A form row `text: field [problem]`; the label's mnemonic jumps to the field itself.

    `text` is already translated; without `&` and colon it is the field's accessible name."""
    field.setObjectName(name)
    field.setAccessibleName(text.replace("&", "").rstrip(":"))
    row, mark = marked_field(field, name)
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, row)
    return mark


def reflowing_form() -> QFormLayout:
    """A form whose rows put the field under its label when the editor is narrow."""
    form = QFormLayout()
    form.setContentsMargins(0, 0, 0, 0)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def line_edit(placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    return edit


class LetterForm(QWidget):
    """Sjabloon, datum (with the date written out), plaats, ons/uw kenmerk and betreft."""

    def __init__(self, session: LetterSession, keys: EditKeys) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("briefgegevens")
        form = reflowing_form()
        self.setLayout(form)

        self.template_label = QLabel()
        self.template_label.setObjectName("sjabloon")
        self.template_label.setAccessibleName(_("Sjabloon"))
        form.addRow(_("Sjabloon:"), self.template_label)

        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d-M-yyyy")
        self.long_date = QLabel()
        self.long_date.setObjectName("datum_voluit")
        date_row = QWidget()
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.date_edit)
        date_layout.addWidget(self.long_date, 1)
        self.date_edit.setObjectName("datum")
        self.date_edit.setAccessibleName(_("Datum"))
        date_label = QLabel(_("&Datum:"))
        date_label.setBuddy(self.date_edit)
        form.addRow(date_label, date_row)

        self.place = line_edit()
        self.our_reference = line_edit(_(KENMERK_PLACEHOLDER))
        self.your_reference = line_edit()
        self.subject = line_edit(_("Waar gaat de brief over?"))
        rows = [
            (_("&Plaats:"), self.place, "plaats", "place"),
            (_("Ons &kenmerk:"), self.our_reference, "ons_kenmerk", "our_reference"),
            (_("&Uw kenmerk:"), self.your_reference, "uw_kenmerk", "your_reference"),
            (_("Be&treft:"), self.subject, "betreft", "subject"),
        ]
        self.bindings: list[Binding] = [DateBinding(session, self.date_edit, "date", keys=keys)]
        for text, edit, name, path in rows:
            mark = add_marked_row(form, text, edit, name)
            self.bindings.append(LineBinding(session, edit, path, mark=mark, keys=keys))

    def reload(self) -> None:
        letter = self.session.letter
        try:
            title = find_template(letter.template).title
        except ComposerError:
            title = _("{template} (onbekend sjabloon)").format(template=letter.template)
        self.template_label.setText(title)
        locked = self.session.reference_assigned
        self.our_reference.setReadOnly(locked)
        self.our_reference.setToolTip(_(KENMERK_LOCKED) if locked else "")
        self.our_reference.setPlaceholderText("" if locked else _(KENMERK_PLACEHOLDER))
        self.sync()

    def sync(self) -> None:
        for binding in self.bindings:
            binding.sync()
        self.long_date.setText(long_date(self.session.letter.date))


_DUTCH = QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands)


def long_date(day: dt.date) -> str:
    """`28 november 2026`, as composer.dutch.dates.format_date prints it in the letter (a test
    holds the two together). Qt's own Dutch calendar data: no babel at program start."""
    return _DUTCH.toString(QDate(day.year, day.month, day.day), "d MMMM yyyy")


class SingleLineField(QWidget):
    """One labelled line (aanhef, slotformule) in its own small form."""

    def __init__(
        self, session: LetterSession, keys: EditKeys, text: str, name: str, path: str
    ) -> None:
        super().__init__()
        self.session = session
        form = reflowing_form()
        self.setLayout(form)
        self.edit = line_edit()
        mark = add_marked_row(form, text, self.edit, name)
        self.bindings: list[Binding] = [LineBinding(session, self.edit, path, mark=mark, keys=keys)]

    def reload(self) -> None:
        self.sync()

    def sync(self) -> None:
        for binding in self.bindings:
            binding.sync()


class SalutationField(SingleLineField):
    """The aanhef: empty means the derived one, shown as the placeholder; typing overrides it.

    The group salutation comes from the Workspace's settings: a change in Instellingen shows
    in the placeholder at once."""

    def __init__(self, session: LetterSession, keys: EditKeys) -> None:
        super().__init__(session, keys, _("&Aanhef:"), "aanhef", "salutation")
        self.edit.setToolTip(_("Leeg laten voor de aanhef die bij de geadresseerde hoort."))
        watch(session.workspace)
        changes().settings_changed.connect(self._settings_changed)

    @property
    def group_salutation(self) -> str:
        return self.session.workspace.settings.group_salutation

    def _settings_changed(self, workspace: Workspace) -> None:
        if workspace is self.session.workspace:
            self.edit.setPlaceholderText(self.derived())

    def derived(self) -> str:
        """The aanhef the letter gets when the field is left empty; with several addressees
        each copy gets its own, so the first one is shown as an example."""
        addressees = self.session.letter.addressees
        first = salutation_for(addressees[:1], group_salutation=self.group_salutation)
        if len(addressees) > 1:
            return _("Per geadresseerde, bijvoorbeeld: {aanhef}").format(aanhef=first)
        return first

    def sync(self) -> None:
        super().sync()
        self.edit.setPlaceholderText(self.derived())
