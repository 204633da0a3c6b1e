"""The form of one addressee: organisation, person and address, each field bound to its path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QWidget

from composer.gui.editor.bindings import Binding, CheckBinding, ComboBinding, EditKeys, LineBinding
from composer.gui.editor.letter_form import add_marked_row, line_edit

if TYPE_CHECKING:
    from composer.gui.session import LetterSession

FORMS = [("mevrouw", "mevrouw"), ("heer", "heer"), ("neutraal", "neutraal"), ("onbekend", "")]

# (label, object name, path below the addressee)
_ORGANISATION_FIELDS = [
    ("Organisatie:", "organisatie", "organisation"),
    ("Afdeling:", "afdeling", "department"),
]
_PERSON_FIELDS = [
    ("Voorletters:", "voorletters", "person.initials"),
    ("Voornaam:", "voornaam", "person.first_name"),
    ("Tussenvoegsel:", "tussenvoegsel", "person.infix"),
    ("Achternaam:", "achternaam", "person.surname"),
    ("Functie:", "functie", "role"),
]
_ADDRESS_FIELDS = [
    ("Straat:", "straat", "address.street"),
    ("Huisnummer:", "huisnummer", "address.house_number"),
    ("Postbus:", "postbus", "address.postbox"),
    ("Postc&ode:", "postcode", "address.postcode"),
    ("Plaats:", "adres_plaats", "address.city"),
    ("Land:", "land", "address.country"),
]


class AddresseeForm(QWidget):
    """Edits `addressees[index]`; set_index points every field at another addressee."""

    def __init__(self, session: LetterSession, keys: EditKeys) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("geadresseerde_formulier")
        self.index: int | None = None
        self.fields: dict[str, QWidget] = {}
        self._bindings: list[tuple[str, Binding]] = []  # (sub path, binding)

        left, right = QFormLayout(), QFormLayout()
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        for text, name, sub in _ORGANISATION_FIELDS:
            self._add_line(left, text, name, sub, keys)
        self.form = QComboBox()
        for text, value in FORMS:
            self.form.addItem(text, value)
        mark = add_marked_row(left, "Aanspreekvorm:", self.form, "aanspreekvorm")
        self._add("person.form", ComboBinding(session, self.form, "", mark=mark))
        for text, name, sub in _PERSON_FIELDS:
            self._add_line(left, text, name, sub, keys)
        self.as_registered = QCheckBox("Naam precies zoals geregistreerd (Belgische namen)")
        self.as_registered.setObjectName("zoals_geregistreerd")
        left.addRow("", self.as_registered)
        self._add("person.name_as_registered", CheckBinding(session, self.as_registered, ""))
        for text, name, sub in _ADDRESS_FIELDS:
            self._add_line(right, text, name, sub, keys)
        country = self.fields["address.country"]
        country.setMaxLength(2)  # type: ignore[attr-defined]
        country.setPlaceholderText("NL")  # type: ignore[attr-defined]
        self.set_index(None)

    def _add_line(self, form: QFormLayout, text: str, name: str, sub: str, keys: EditKeys) -> None:
        edit = line_edit()
        mark = add_marked_row(form, text, edit, name)
        self._add(sub, LineBinding(self.session, edit, "", mark=mark, keys=keys))

    def _add(self, sub: str, binding: Binding) -> None:
        self._bindings.append((sub, binding))
        self.fields[sub] = binding.widget

    @property
    def bindings(self) -> list[Binding]:
        return [binding for _sub, binding in self._bindings] if self.index is not None else []

    def field(self, sub: str) -> QWidget:
        """The widget of a field below the addressee, e.g. `address.postcode`."""
        return self.fields[sub]

    def set_index(self, index: int | None) -> None:
        self.index = index
        self.setEnabled(index is not None)
        for sub, binding in self._bindings:
            binding.path = f"addressees[{index}].{sub}" if index is not None else ""
            if binding.mark is not None:
                binding.mark.show(None)
        self.sync()

    def sync(self) -> None:
        if self.index is None:
            for _sub, binding in self._bindings:
                binding.widget.blockSignals(True)
                if isinstance(binding, LineBinding):
                    binding.widget.clear()
                binding.widget.blockSignals(False)
            return
        for _sub, binding in self._bindings:
            binding.sync()
