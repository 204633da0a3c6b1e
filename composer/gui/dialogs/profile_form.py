"""The organisation profile (letterhead and press contact) as a form in the settings dialog."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from composer.core.catalogue_editing import CatalogueDocument
from composer.dutch.postcodes import is_valid_dutch_postcode, normalise_postcode, postcode_problem
from composer.gui.dialogs.common import hint_label, message_label
from composer.i18n import N_, _

# (key in organisatie.json — "address." for the address —, label on the screen, translated
# where it is shown)
PROFILE_FIELDS = (
    ("name", N_("&Naam:")),  # not screen text: the key
    ("address.street", N_("&Straat:")),  # not screen text: the key
    ("address.house_number", N_("&Huisnummer:")),  # not screen text: the key
    ("address.postcode", N_("Post&code:")),  # not screen text: the key
    ("address.city", N_("&Plaats:")),  # not screen text: the key
    ("phone", N_("&Telefoon:")),  # not screen text: the key
    ("email", N_("&E-mail:")),  # not screen text: the key
    ("website", N_("&Website:")),  # not screen text: the key
)


class ProfileForm(QWidget):
    """Shows the profile of `document`; `apply()` writes the fields back into its content."""

    def __init__(self, document: CatalogueDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.original = copy.deepcopy(document.content)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.addRow(
            hint_label(
                _(
                    "De afzender in het briefhoofd en onder persberichten. Wordt opgeslagen in "
                    "het organisatieprofiel."
                )
            )
        )
        for key, marked in PROFILE_FIELDS:
            caption = _(marked)
            edit = QLineEdit(str(self._value(self.original, key)))
            edit.setObjectName(f"organisatie.{key}")
            edit.setAccessibleName(caption.replace("&", "").rstrip(":"))
            label = QLabel(caption)
            label.setBuddy(edit)
            form.addRow(label, edit)
            self.fields[key] = edit
            if key == "address.postcode":
                self.postcode_problem = message_label(
                    "organisatie.postcode.probleem", spoken=_("Probleem met de postcode")
                )
                form.addRow("", self.postcode_problem)
                form.setRowVisible(self.postcode_problem, False)
                edit.textChanged.connect(self._check_postcode)
        self._form = form

    @staticmethod
    def _value(content: dict[str, Any], key: str) -> Any:
        if key.startswith("address."):
            address = content.get("address") or {}
            return address.get(key.split(".", 1)[1], "")
        return content.get(key, "")

    def _check_postcode(self) -> None:
        problem = self.problem()
        self.postcode_problem.setText(problem)
        self._form.setRowVisible(self.postcode_problem, bool(problem))

    def problem(self) -> str:
        """What must be fixed before saving ("" when nothing)."""
        postcode = self.fields["address.postcode"].text()
        country = str((self.original.get("address") or {}).get("country") or "NL").upper()
        if country == "NL" and postcode.strip():
            problem = postcode_problem(postcode)
            if problem:
                return _("Organisatie: {problem}").format(problem=problem)
        if not self.fields["name"].text().strip():
            return _("Organisatie: de naam ontbreekt. Vul de naam van de organisatie in.")
        return ""

    def values(self) -> dict[str, str]:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        if is_valid_dutch_postcode(values["address.postcode"]):
            values["address.postcode"] = normalise_postcode(values["address.postcode"])
        return values

    def changed(self) -> bool:
        return any(
            value != str(self._value(self.original, key)) for key, value in self.values().items()
        )

    def apply(self) -> None:
        """Write the fields into the document; the place follows the city unless set apart."""
        content = self.document.content
        address = content.setdefault("address", {})
        old_city = address.get("city", "")
        for key, value in self.values().items():
            if key.startswith("address."):
                address[key.split(".", 1)[1]] = value
            else:
                content[key] = value
        if content.get("place", old_city) in ("", old_city):
            content["place"] = address["city"]
