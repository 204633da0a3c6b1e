"""One address-book entry: every field of an addressee, each problem shown beside its field."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogue_editing import (
    WHOLE_ENTRY,
    entry_problems,
    tidy_entry,
    with_kept_keys,
)
from composer.core.letterfile import addressee_from_dict
from composer.dutch.addresses import address_lines
from composer.errors import ComposerError
from composer.gui.dialogs.common import hint_label, message_label, save_cancel_buttons
from composer.i18n import N_, _

# (label on the screen, value in the entry); the values are data.
FORMS = (  # not screen text: the values
    (N_("mevrouw"), "mevrouw"),
    (N_("heer"), "heer"),
    (N_("neutraal"), "neutraal"),
    (N_("onbekend"), ""),
)
# (path in the entry, label on the screen); the path is also the widget's object name.
ORGANISATION_FIELDS = (  # not screen text: the paths
    ("organisation", N_("Or&ganisatie")),
    ("department", N_("Af&deling")),
)
PERSON_FIELDS = (  # not screen text: the paths
    ("person.initials", N_("&Voorletters")),
    ("person.first_name", N_("Voo&rnaam")),
    ("person.infix", N_("&Tussenvoegsel")),
    ("person.surname", N_("Achter&naam")),
    ("role", N_("&Functie")),
    ("email", N_("E-&mailadres")),
)
ADDRESS_FIELDS = (  # not screen text: the paths
    ("address.street", N_("&Straat")),
    ("address.house_number", N_("&Huisnummer")),
    ("address.postbox", N_("Post&bus")),
    ("address.postcode", N_("Post&code")),
    ("address.city", N_("&Plaats")),
    ("address.country", N_("&Land")),
)
TEXT_FIELDS = ORGANISATION_FIELDS + PERSON_FIELDS + ADDRESS_FIELDS


def _get(item: dict[str, Any], path: str) -> Any:
    value: Any = item
    for part in path.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value


class AddresseeEditDialog(QDialog):
    def __init__(self, item: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = copy.deepcopy(item) if item else {}
        self.setObjectName("geadresseerde_bewerken")
        self.setWindowTitle(_("Adres wijzigen") if item else _("Nieuw adres"))
        self.resize(880, 560)
        self.fields: dict[str, QLineEdit] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._form_of: dict[str, QFormLayout] = {}
        layout = QVBoxLayout(self)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._group(_("Organisatie"), ORGANISATION_FIELDS))
        left.addWidget(self._person_group())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._group(_("Adres"), ADDRESS_FIELDS))
        self.preview_label = QLabel("")
        self.preview_label.setObjectName("adresblok")
        self.preview_label.setAccessibleName(_("Adresblok zoals het op de envelop komt"))
        self.preview_label.setStyleSheet("font-family: monospace; padding: 6px;")
        preview_box = QGroupBox(_("Adresblok"))
        QVBoxLayout(preview_box).addWidget(self.preview_label)
        right.addWidget(preview_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout.addLayout(columns)
        self.message_label = message_label("melding")
        layout.addWidget(self.message_label)
        self.buttons, self.save_button, _cancel = save_cancel_buttons(self)
        self.save_button.setText(_("&OK"))
        self.save_button.setAccessibleName(_("OK"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill(self.original)
        self.check()

    @classmethod
    def run(
        cls, parent: QWidget | None = None, item: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any] | None, bool]:
        """The entry as edited (its id kept), or None when cancelled."""
        dialog = cls(item, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        value = dialog.value() if accepted else None
        dialog.deleteLater()
        return value, accepted

    def _add_field(self, form: QFormLayout, path: str, label: str) -> None:
        label = _(label)  # an N_() label of the *_FIELDS above
        edit = QLineEdit()
        edit.setObjectName(path)
        edit.setAccessibleName(label.replace("&", ""))
        spoken = _("Probleem bij {field}").format(field=label.replace("&", ""))
        problem = message_label(f"{path}.probleem", spoken=spoken)
        caption = QLabel(label + ":")
        caption.setBuddy(edit)
        form.addRow(caption, edit)
        form.addRow("", problem)
        form.setRowVisible(problem, False)
        edit.textChanged.connect(self.check)
        self.fields[path] = edit
        self.problem_labels[path] = problem
        self._form_of[path] = form

    def _group(self, title: str, fields: tuple[tuple[str, str], ...]) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for path, label in fields:
            self._add_field(form, path, label)
        if fields is ADDRESS_FIELDS:
            form.addRow(hint_label(_("Een postbus gaat voor de straat. Land: NL, BE, DE, …")))
        return box

    def _person_group(self) -> QGroupBox:
        box = QGroupBox(_("Persoon"))
        form = QFormLayout(box)
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("person.form")
        self.form_combo.setAccessibleName(_("Aanhef"))
        for text, value in FORMS:
            self.form_combo.addItem(_(text), value)
        caption = QLabel(_("Aanh&ef:"))
        caption.setBuddy(self.form_combo)
        form.addRow(caption, self.form_combo)
        for path, label in PERSON_FIELDS:
            self._add_field(form, path, label)
        self.registered_check = QCheckBox(_("Naam precies &zoals geregistreerd (Belgische namen)"))
        self.registered_check.setObjectName("person.name_as_registered")
        form.addRow(self.registered_check)
        self.form_combo.currentIndexChanged.connect(self.check)
        self.registered_check.toggled.connect(self.check)
        return box

    def _fill(self, item: dict[str, Any]) -> None:
        for path, edit in self.fields.items():
            edit.setText(str(_get(item, path) or ""))
        if not self.fields["address.country"].text():
            self.fields["address.country"].setText("NL")  # not screen text: data
        index = self.form_combo.findData(_get(item, "person.form") or "")
        self.form_combo.setCurrentIndex(max(index, 0))
        self.registered_check.setChecked(bool(_get(item, "person.name_as_registered")))

    def value(self) -> dict[str, Any]:
        """The entry in letter-file form (plus its id when it had one), tidied."""

        def text(path: str) -> str:
            return self.fields[path].text()

        item: dict[str, Any] = {}
        if "id" in self.original:
            item["id"] = self.original["id"]
        item["organisation"] = text("organisation")
        item["department"] = text("department")
        item["person"] = with_kept_keys(
            self.original.get("person"),
            {
                "form": self.form_combo.currentData(),
                "initials": text("person.initials"),
                "first_name": text("person.first_name"),
                "infix": text("person.infix"),
                "surname": text("person.surname"),
                "name_as_registered": self.registered_check.isChecked(),
            },
        )
        item["role"] = text("role")
        item["email"] = text("email")
        shown = {path.split(".")[1]: text(path) for path, _label in ADDRESS_FIELDS}
        item["address"] = with_kept_keys(self.original.get("address"), shown)
        extra = {k: v for k, v in self.original.items() if k not in item and k != "person"}
        return tidy_entry({**item, **extra})

    def problems(self) -> dict[str, str]:
        return entry_problems(self.value())

    def check(self) -> None:
        """Show each problem beside its field; OK only for an entry that makes a letter."""
        problems = self.problems()
        for path, label in self.problem_labels.items():
            label.setText(problems.get(path, ""))
            self._form_of[path].setRowVisible(label, path in problems)
        other = [msg for path, msg in problems.items() if path not in self.problem_labels]
        self.message_label.setText("\n".join(other))
        self.save_button.setEnabled(not problems)
        try:
            lines = address_lines(addressee_from_dict(self.value())) if not problems else []
        except ComposerError:
            lines = []
        self.preview_label.setText("\n".join(lines) if lines else _("(nog niet volledig)"))

    def problem_text(self, path: str = WHOLE_ENTRY) -> str:
        """The problem shown for field `path` ("" for the message below the fields)."""
        if path == WHOLE_ENTRY:
            return self.message_label.text()
        label = self.problem_labels[path]
        return label.text() if self._form_of[path].isRowVisible(label) else ""
