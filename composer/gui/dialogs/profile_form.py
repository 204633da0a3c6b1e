"""The organisation profile (letterhead, press contact, registration numbers, logo) as a form in
the settings dialog."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogue_editing import CatalogueDocument
from composer.core.catalogues import LOGO_FILE, logo_file_name_problem, logo_path
from composer.dutch.postcodes import is_valid_dutch_postcode, normalise_postcode, postcode_problem
from composer.dutch.registration import (
    btw_problem,
    compact_iban,
    iban_problem,
    kvk_problem,
    normalise_btw,
    normalise_kvk,
)
from composer.errors import ComposerError
from composer.gui.dialogs.common import hint_label, message_label
from composer.gui.dialogs.profile_logo import LogoRow
from composer.i18n import N_, _

# (key in organisatie.json — "address." for the address —, label on the screen, translated
# where it is shown)
PROFILE_FIELDS = (
    ("name", N_("&Naam:")),  # not screen text: the key
    ("short_name", N_("A&fkorting:")),  # not screen text: the key
    ("address.street", N_("&Straat:")),  # not screen text: the key
    ("address.house_number", N_("&Huisnummer:")),  # not screen text: the key
    ("address.postcode", N_("Post&code:")),  # not screen text: the key
    ("address.city", N_("&Plaats:")),  # not screen text: the key
    ("phone", N_("&Telefoon:")),  # not screen text: the key
    ("email", N_("&E-mail:")),  # not screen text: the key
    ("website", N_("&Website:")),  # not screen text: the key
    ("kvk", N_("&KvK-nummer:")),  # not screen text: the key
    ("iban", N_("&IBAN:")),  # not screen text: the key
    ("btw", N_("&Btw-nummer:")),  # not screen text: the key
)
ABOUT = "about"  # not screen text: the key of the "Over de organisatie" text
LOGO = "logo"  # not screen text: the key of the logo's file name

# The fields checked as the user types: what a screen reader calls the problem under each.
CHECKED_FIELDS = {
    "address.postcode": N_("Probleem met de postcode"),  # not screen text: the key
    "kvk": N_("Probleem met het KvK-nummer"),  # not screen text: the key
    "iban": N_("Probleem met het IBAN"),  # not screen text: the key
    "btw": N_("Probleem met het btw-nummer"),  # not screen text: the key
}
# How a valid number is stored.
NORMALISE: dict[str, tuple[Callable[[str], str], Callable[[str], str]]] = {
    "kvk": (kvk_problem, normalise_kvk),  # not screen text: the key
    "iban": (iban_problem, compact_iban),  # not screen text: the key
    "btw": (btw_problem, normalise_btw),  # not screen text: the key
}


class ProfileForm(QWidget):
    """Shows the profile of `document`; `apply()` writes the fields back into its content (and
    a chosen logo into its files)."""

    def __init__(self, document: CatalogueDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.original = copy.deepcopy(document.content)
        self.fields: dict[str, QLineEdit] = {}
        self.problem_labels: dict[str, QLabel] = {}
        inner = QWidget()
        inner.setObjectName("organisatieprofiel")
        form = QFormLayout()
        column = QVBoxLayout(inner)
        column.addLayout(form)
        column.addStretch(1)  # room to spare goes below the form, not between its rows
        self._form = form
        form.addRow(
            hint_label(
                _(
                    "De afzender in het briefhoofd en onder persberichten. Wordt opgeslagen in "
                    "het organisatieprofiel."
                )
            )
        )
        for key, marked in PROFILE_FIELDS:
            if key == "kvk":
                form.addRow(
                    hint_label(
                        _(
                            "KvK-nummer, IBAN en btw-nummer zijn niet verplicht; wat is ingevuld "
                            "staat onderaan de eerste pagina. Een organisatie die in het "
                            "handelsregister staat, moet haar KvK-nummer op brieven vermelden "
                            "(Handelsregisterwet, artikel 27)."
                        )
                    )
                )
            self._add_field(key, _(marked))
            if key == "short_name":
                current, problem = self._current_logo()
                self.logo_row = LogoRow(
                    current, named=bool(self.original.get(LOGO)), problem=problem
                )
                form.addRow(QLabel(_("Logo:")), self.logo_row)
        self.about_edit = QPlainTextEdit(str(self.original.get(ABOUT) or ""))
        self.about_edit.setObjectName("organisatie.about")
        self.about_edit.setAccessibleName(_("Over de organisatie"))
        self.about_edit.setTabChangesFocus(True)
        self.about_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        about_label = QLabel(_("O&ver de organisatie:"))
        about_label.setBuddy(self.about_edit)
        form.addRow(about_label, self.about_edit)
        form.addRow(
            hint_label(
                _(
                    "De tekst ‘Over de organisatie’ staat onder elk persbericht, onder de kop "
                    "‘Over’ met de naam van de organisatie."
                )
            )
        )
        scroll = QScrollArea()
        scroll.setObjectName("organisatie.schuifvlak")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _add_field(self, key: str, caption: str) -> None:
        edit = QLineEdit(str(self._value(self.original, key)))
        edit.setObjectName(f"organisatie.{key}")
        edit.setAccessibleName(caption.replace("&", "").rstrip(":"))
        label = QLabel(caption)
        label.setBuddy(edit)
        self._form.addRow(label, edit)
        self.fields[key] = edit
        if key in CHECKED_FIELDS:
            name = key.removeprefix("address.")
            problem = message_label(f"organisatie.{name}.probleem", spoken=_(CHECKED_FIELDS[key]))
            self._form.addRow(problem)  # the whole width: a wrapped message gets its own height
            self._form.setRowVisible(problem, False)
            self.problem_labels[key] = problem
            edit.textChanged.connect(lambda _text, key=key: self._check(key))

    def _current_logo(self) -> tuple[Path | None, str]:
        """The saved logo's file, or what is wrong with the name the profile gives it."""
        try:
            return logo_path(self.original), ""
        except ComposerError as exc:
            return None, exc.message

    @staticmethod
    def _value(content: dict[str, Any], key: str) -> Any:
        if key.startswith("address."):
            address = content.get("address") or {}
            return address.get(key.split(".", 1)[1], "")
        return content.get(key, "") or ""

    def _check(self, key: str) -> None:
        problem = self.field_problem(key)
        label = self.problem_labels[key]
        label.setText(problem)
        self._form.setRowVisible(label, bool(problem))

    def field_problem(self, key: str) -> str:
        """What is wrong with the field `key` as typed ("" when nothing)."""
        text = self.fields[key].text()
        if key == "address.postcode":
            country = str((self.original.get("address") or {}).get("country") or "NL").upper()
            return postcode_problem(text) if country == "NL" and text.strip() else ""
        if key in NORMALISE:
            return NORMALISE[key][0](text)
        return ""

    def problem(self) -> str:
        """What must be fixed before saving ("" when nothing)."""
        problem = self.field_problem("address.postcode")
        if problem:
            return _("Organisatie: {problem}").format(problem=problem)
        if not self.fields["name"].text().strip():
            return _("Organisatie: de naam ontbreekt. Vul de naam van de organisatie in.")
        for key in NORMALISE:
            problem = self.field_problem(key)
            if problem:
                return _("Organisatie: {problem}").format(problem=problem)
        return ""

    def values(self) -> dict[str, str]:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        if is_valid_dutch_postcode(values["address.postcode"]):
            values["address.postcode"] = normalise_postcode(values["address.postcode"])
        for key, (problem, normalise) in NORMALISE.items():
            if not problem(values[key]):
                values[key] = normalise(values[key])
        values[ABOUT] = self.about_edit.toPlainText().strip()
        return values

    def changed(self) -> bool:
        return self.logo_row.changed() or any(
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
        if self.logo_row.changed():
            old = str(content.get(LOGO) or "")
            if self.logo_row.png is not None:
                content[LOGO] = LOGO_FILE
                self.document.files[LOGO_FILE] = self.logo_row.png
            else:
                content[LOGO] = ""
                if old and not logo_file_name_problem(old):
                    self.document.files[old] = None
