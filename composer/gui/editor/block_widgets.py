"""One widget per body block: an alinea, a servicebelofte (picked by number) or a citaat."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogues import ServicePromise, promises_for
from composer.core.models import Quote
from composer.gui.editor.bindings import Binding, ComboBinding, EditKeys, LineBinding, TextBinding
from composer.gui.editor.commands import SetValueCommand
from composer.gui.editor.letter_form import reflowing_form
from composer.gui.editor.validation_marks import PROBLEM_COLOUR
from composer.i18n import N_, _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession

_TITLES = {
    "paragraph": N_("Alinea"),  # not screen text: the key
    "promise": N_("Servicebelofte"),  # not screen text: the key
    "quote": N_("Citaat"),  # not screen text: the key
}


def narrow_combo(combo: QComboBox) -> QComboBox:
    """A choice whose long item texts do not widen the form (they show in the open list)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    return combo


def placeholder_message(number: int, promise: ServicePromise | None) -> str:
    if promise is None:
        return _(
            "Servicebelofte {number} bestaat niet in de catalogus. Kies een servicebelofte uit "
            "de lijst."
        ).format(number=number)
    return _(
        "Servicebelofte {number} heeft nog geen tekst in de catalogus. Vul de officiële tekst "
        "in bij Servicebeloften of kies een andere servicebelofte."
    ).format(number=number)


class GrowingTextEdit(QPlainTextEdit):
    """A text box as high as its text (3 to 16 lines), so the page scrolls, not the box."""

    MIN_LINES, MAX_LINES = 3, 16

    def __init__(self) -> None:
        super().__init__()
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        lines = int(self.document().documentLayout().documentSize().height())
        lines = max(self.MIN_LINES, min(self.MAX_LINES, lines))
        margins = self.contentsMargins()
        frame = int(self.document().documentMargin() * 2) + margins.top() + margins.bottom()
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + frame + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class BlockWidget(QFrame):
    """Header (number, kind, move and remove buttons) above the block's own fields."""

    move_requested = Signal(int, int)  # index, step
    remove_requested = Signal(int)

    def __init__(self, session: LetterSession, index: int, kind: str) -> None:
        super().__init__()
        self.session = session
        self.index = index
        self.kind = kind
        self.bindings: list[Binding] = []
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName(f"blok_{index}")
        self.title = QLabel()
        self.title.setObjectName("blok_titel")
        self.up_button = QPushButton(_("Omhoog"))
        self.down_button = QPushButton(_("Omlaag"))
        self.remove_button = QPushButton(_("Verwijderen"))
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        for button in (self.up_button, self.down_button, self.remove_button):
            header.addWidget(button)
        self.body = QVBoxLayout(self)
        self.body.addLayout(header)
        self.up_button.clicked.connect(lambda: self.move_requested.emit(self.index, -1))
        self.down_button.clicked.connect(lambda: self.move_requested.emit(self.index, 1))
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.index))

    def set_index(self, index: int, count: int) -> None:
        self.index = index
        self.setObjectName(f"blok_{index}")
        name = _("{number}. {kind}").format(number=index + 1, kind=_(_TITLES[self.kind]))
        self.title.setText(f"<b>{name}</b>")  # not screen text: markup around a translated text
        self.setAccessibleName(name)
        self.up_button.setAccessibleName(_("{block} omhoog").format(block=name))
        self.down_button.setAccessibleName(_("{block} omlaag").format(block=name))
        self.remove_button.setAccessibleName(_("{block} verwijderen").format(block=name))
        self.up_button.setEnabled(index > 0)
        self.down_button.setEnabled(index < count - 1)
        for binding in self.bindings:
            binding.path = f"body[{index}].{binding.path.rsplit('.', 1)[-1]}"

    def focus_target(self) -> QWidget:
        return self.bindings[0].widget if self.bindings else self

    def sync(self) -> None:
        for binding in self.bindings:
            binding.sync()


class ParagraphBlock(BlockWidget):
    def __init__(self, session: LetterSession, index: int, keys: EditKeys) -> None:
        super().__init__(session, index, "paragraph")
        self.text = GrowingTextEdit()
        self.text.setObjectName("alinea_tekst")
        self.text.setAccessibleName(_("Tekst van de alinea"))
        self.text.setTabChangesFocus(True)
        self.body.addWidget(self.text)
        self.bindings.append(TextBinding(session, self.text, f"body[{index}].text", keys=keys))


class PromiseBlock(BlockWidget):
    def __init__(
        self,
        session: LetterSession,
        index: int,
        keys: EditKeys,
        promises: dict[int, ServicePromise],
    ) -> None:
        super().__init__(session, index, "promise")
        self.catalogue = promises
        self.number = narrow_combo(QComboBox())
        self.number.setObjectName("servicebelofte_nummer")
        self.number.setAccessibleName(_("Nummer van de servicebelofte"))
        self.text = QLabel()
        self.text.setObjectName("servicebelofte_tekst")
        self.text.setWordWrap(True)
        form = reflowing_form()
        form.addRow(_("Nummer:"), self.number)
        form.addRow(_("Tekst:"), self.text)
        self.body.addLayout(form)
        self.bindings.append(ComboBinding(session, self.number, f"body[{index}].number"))

    def promises(self) -> dict[int, ServicePromise]:
        # A saved version carries the texts it used; those win over today's catalogue.
        return promises_for(self.session.letter.extra, self.catalogue)

    def sync(self) -> None:
        promises = self.promises()
        number = self.session.value(f"body[{self.index}].number")
        numbers = sorted({*promises, number})
        labels = [
            f"{n} – {promises[n].topic}"
            if n in promises
            else _("{number} – niet in de catalogus").format(number=n)
            for n in numbers
        ]
        if [self.number.itemText(i) for i in range(self.number.count())] != labels:
            self.number.blockSignals(True)
            self.number.clear()
            for n, label in zip(numbers, labels, strict=True):
                self.number.addItem(label, n)
            self.number.blockSignals(False)
        super().sync()
        promise = promises.get(number)
        if promise is None or promise.placeholder:
            self.text.setText(placeholder_message(number, promise))
            self.text.setStyleSheet(f"color: {PROBLEM_COLOUR}; font-weight: bold;")
        else:
            self.text.setText(promise.text)
            self.text.setStyleSheet("")


def _quote_label(entry: dict[str, Any]) -> str:
    text = str(entry.get("text", ""))
    short = text if len(text) <= 60 else text[:60].rsplit(" ", 1)[0] + " …"
    return f"{entry.get('speaker', '')}: ‘{short}’"


class QuoteBlock(BlockWidget):
    OWN = N_("Eigen citaat (vul hieronder in)")

    def __init__(
        self,
        session: LetterSession,
        index: int,
        keys: EditKeys,
        quotes: list[dict[str, Any]],
    ) -> None:
        super().__init__(session, index, "quote")
        self.quotes = quotes
        self.bank = narrow_combo(QComboBox())
        self.bank.setObjectName("citatenbank")
        self.bank.setAccessibleName(_("Citaat uit de citatenbank"))
        self.bank.addItem(_(self.OWN), -1)
        for number, entry in enumerate(quotes):
            self.bank.addItem(_quote_label(entry), number)
        self.text = GrowingTextEdit()
        self.text.setObjectName("citaat_tekst")
        self.text.setAccessibleName(_("Tekst van het citaat"))
        self.text.setTabChangesFocus(True)
        self.speaker = QLineEdit()
        self.speaker.setObjectName("citaat_spreker")
        self.speaker.setAccessibleName(_("Spreker"))
        self.role = QLineEdit()
        self.role.setObjectName("citaat_functie")
        self.role.setAccessibleName(_("Functie van de spreker"))
        form = reflowing_form()
        form.addRow(_("Uit de citatenbank:"), self.bank)
        form.addRow(_("Citaat:"), self.text)
        form.addRow(_("Spreker:"), self.speaker)
        form.addRow(_("Functie:"), self.role)
        self.body.addLayout(form)
        self.bindings += [
            TextBinding(session, self.text, f"body[{index}].text", keys=keys),
            LineBinding(session, self.speaker, f"body[{index}].speaker", keys=keys),
            LineBinding(session, self.role, f"body[{index}].role", keys=keys),
        ]
        self.bank.activated.connect(self._chosen)

    def focus_target(self) -> QWidget:
        return self.bank

    def _chosen(self, row: int) -> None:
        number = self.bank.itemData(row)
        if number is None or number < 0:
            return
        entry = self.quotes[number]
        path = f"body[{self.index}]"
        old = self.session.value(path)
        new = Quote(
            text=str(entry.get("text", "")),
            speaker=str(entry.get("speaker", "")),
            role=str(entry.get("role", "")),
            extra=copy.deepcopy(old.extra),
        )
        if new != old:
            self.session.apply(SetValueCommand(self.session, path, new, text=_("citaat kiezen")))

    def sync(self) -> None:
        super().sync()
        block = self.session.value(f"body[{self.index}]")
        row = 0
        for number, entry in enumerate(self.quotes):
            if entry.get("text") == block.text and entry.get("speaker", "") == block.speaker:
                row = number + 1
                break
        if self.bank.currentIndex() != row:
            self.bank.blockSignals(True)
            self.bank.setCurrentIndex(row)
            self.bank.blockSignals(False)
