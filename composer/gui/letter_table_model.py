"""The list of letters as a Qt table model: subject, addressees, status, changed, kenmerk; in the
prullenbak the changed column says when a letter was removed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from composer.i18n import N_, _
from composer.review.statuses import STATUS_LABELS
from composer.storage.library_records import LetterSummary

COLUMNS = (N_("Betreft"), N_("Geadresseerden"), N_("Status"), N_("Gewijzigd"), N_("Kenmerk"))
SUBJECT, ADDRESSEES, STATUS, CHANGED, KENMERK = range(len(COLUMNS))
DELETED_HEADER = N_("Verwijderd")  # the Gewijzigd column in the prullenbak
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
LETTER_ID_ROLE = Qt.ItemDataRole.UserRole + 2

# Pinned rather than CLDR's "MMM" (which says "nov" today and may change): Dutch abbreviations
# take a full stop, "mei" is not abbreviated. Marked N_: translated with _() where used.
_MONTHS = (N_("jan."), N_("feb."), N_("mrt."), N_("apr."), N_("mei"), N_("jun."), N_("jul."),
           N_("aug."), N_("sep."), N_("okt."), N_("nov."), N_("dec."))  # fmt: skip


def status_label(value: str) -> str:
    """The label of a stored status (in the language of the screen); an unknown value as it is
    stored."""
    return _(STATUS_LABELS[value]) if value in STATUS_LABELS else value


def format_moment(moment: datetime, now: datetime | None = None) -> str:
    """In local time: `vandaag 14:05`, `gisteren 09:30`, else `28 nov. 2026 14:05`."""
    local = moment.astimezone()
    today = (now or datetime.now()).astimezone().date()
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if local.date() == today:
        return _("vandaag {time}").format(time=clock)
    if local.date() == today - timedelta(days=1):
        return _("gisteren {time}").format(time=clock)
    month = _(_MONTHS[local.month - 1])
    return _("{day} {month} {year} {time}").format(
        day=local.day, month=month, year=local.year, time=clock
    )


class LetterTableModel(QAbstractTableModel):
    """Letter summaries as rows; `SORT_ROLE` gives sortable values, `LETTER_ID_ROLE` the id."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.letters: list[LetterSummary] = []
        self.in_bin = False  # the letters are the prullenbak's: Verwijderd instead of Gewijzigd

    def set_letters(self, letters: Sequence[LetterSummary], *, in_bin: bool = False) -> None:
        self.beginResetModel()
        self.letters = list(letters)
        self.in_bin = in_bin
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.letters)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == CHANGED and self.in_bin:
                return _(DELETED_HEADER)
            return _(COLUMNS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        letter = self.letters[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == SUBJECT:
            return self._summary(letter)  # the columns a narrow list leaves out
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(letter, column)
        if role == SORT_ROLE:
            if column == CHANGED:
                return self._moment(letter).timestamp()
            return self._text(letter, column).casefold()
        if role == LETTER_ID_ROLE:
            return letter.id
        return None

    @staticmethod
    def _moment(letter: LetterSummary) -> datetime:
        """When it was changed; in the prullenbak, when it was put there."""
        return getattr(letter, "deleted_at", None) or letter.updated_at

    def _text(self, letter: LetterSummary, column: int) -> str:
        if column == SUBJECT:
            return letter.subject or _("(geen betreft)")
        if column == ADDRESSEES:
            return letter.addressees
        if column == STATUS:
            return status_label(letter.status)
        if column == CHANGED:
            return format_moment(self._moment(letter))
        return letter.kenmerk or ""

    def _summary(self, letter: LetterSummary) -> str:
        lines = [self._text(letter, SUBJECT)]
        if letter.addressees:
            lines.append(_("Aan: {addressees}").format(addressees=letter.addressees))
        header = self.headerData(CHANGED, Qt.Orientation.Horizontal)
        lines.append(
            f"{self._text(letter, STATUS)} · {header} {self._text(letter, CHANGED)}"
            + (f" · {letter.kenmerk}" if letter.kenmerk else "")
        )
        return "\n".join(lines)

    def row_of(self, letter_id: int) -> int | None:
        return next((row for row, item in enumerate(self.letters) if item.id == letter_id), None)
