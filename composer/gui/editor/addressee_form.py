"""The form of one addressee: organisation, person, e-mail address and address, each field bound
to its path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QVBoxLayout, QWidget

from composer.gui.editor.bindings import Binding, CheckBinding, ComboBinding, EditKeys, LineBinding
from composer.gui.editor.letter_form import add_marked_row, line_edit, reflowing_form
from composer.i18n import N_, _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession

# (label, value of person.form)
FORMS = [
    (N_("mevrouw"), "mevrouw"),  # not screen text: the value
    (N_("heer"), "heer"),  # not screen text: the value
    (N_("neutraal"), "neutraal"),  # not screen text: the value
    (N_("onbekend"), ""),
]

# (label, object name, path below the addressee)
_ORGANISATION_FIELDS = [
    (N_("Organisatie:"), "organisatie", "organisation"),  # not screen text: name, path
    (N_("Afdeling:"), "afdeling", "department"),  # not screen text: name, path
]
_PERSON_FIELDS = [
    (N_("Voorletters:"), "voorletters", "person.initials"),  # not screen text: name, path
    (N_("Voornaam:"), "voornaam", "person.first_name"),  # not screen text: name, path
    (N_("Tussenvoegsel:"), "tussenvoegsel", "person.infix"),  # not screen text: name, path
    (N_("Achternaam:"), "achternaam", "person.surname"),  # not screen text: name, path
    (N_("Functie:"), "functie", "role"),  # not screen text: name, path
]
# Where "Verzenden per e-mail" sends the letter; never printed in it.
_EMAIL_FIELD = (N_("E-mailadres:"), "e_mailadres", "email")  # not screen text: name, path
_ADDRESS_FIELDS = [
    (N_("Straat:"), "straat", "address.street"),  # not screen text: name, path
    (N_("Huisnummer:"), "huisnummer", "address.house_number"),  # not screen text: name, path
    (N_("Postbus:"), "postbus", "address.postbox"),  # not screen text: name, path
    (N_("Postc&ode:"), "postcode", "address.postcode"),  # not screen text: name, path
    (N_("Plaats:"), "adres_plaats", "address.city"),  # not screen text: name, path
    (N_("Land:"), "land", "address.country"),  # not screen text: name, path
    (N_("Staat of provincie:"), "regio", "address.region"),  # not screen text: name, path
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

        # One column, person above address: the form fits beside the preview on a laptop.
        left, right = reflowing_form(), reflowing_form()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(left)
        column.addLayout(right)

        for text, name, sub in _ORGANISATION_FIELDS:
            self._add_line(left, text, name, sub, keys)
        self.form = QComboBox()
        for text, value in FORMS:
            self.form.addItem(_(text), value)
        mark = add_marked_row(left, _("Aanspreekvorm:"), self.form, "aanspreekvorm")
        self._add("person.form", ComboBinding(session, self.form, "", mark=mark))
        for text, name, sub in _PERSON_FIELDS:
            self._add_line(left, text, name, sub, keys)
        self.as_registered = QCheckBox(_("Naam precies zoals geregistreerd (Belgische namen)"))
        self.as_registered.setObjectName("zoals_geregistreerd")
        left.addRow("", self.as_registered)
        self._add("person.name_as_registered", CheckBinding(session, self.as_registered, ""))
        self._add_line(left, *_EMAIL_FIELD, keys)
        self.fields["email"].setPlaceholderText(_("naam@organisatie.nl"))  # type: ignore[attr-defined]
        for text, name, sub in _ADDRESS_FIELDS:
            self._add_line(right, text, name, sub, keys)
        country = self.fields["address.country"]
        country.setMaxLength(2)  # type: ignore[attr-defined]
        country.setPlaceholderText("NL")  # type: ignore[attr-defined]  # not screen text: a code
        self.set_index(None)

    def _add_line(self, form: QFormLayout, text: str, name: str, sub: str, keys: EditKeys) -> None:
        edit = line_edit()
        mark = add_marked_row(form, _(text), edit, name)
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
        if self.index is None:  # no addressee: nothing of an earlier one stays in view
            for _sub, binding in self._bindings:
                binding.widget.blockSignals(True)
                if isinstance(binding, LineBinding):
                    binding.widget.clear()
                elif isinstance(binding, ComboBinding):
                    binding.widget.setCurrentIndex(binding.widget.findData(""))
                elif isinstance(binding, CheckBinding):
                    binding.widget.setChecked(False)
                binding.widget.blockSignals(False)
            return
        for _sub, binding in self._bindings:
            binding.sync()
