"""The comments of a letter in the review panel: open ones to act on, resolved ones greyed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.i18n import _, screen_moment

if TYPE_CHECKING:
    from composer.storage.review_store import Comment


def comment_text(comment: Comment) -> str:
    """`v2, blok 3 · Jan (open): text`: one whole sentence per case, for the translation."""
    values = {
        "version": comment.version,
        "block": comment.block,
        "author": comment.author,
        "text": comment.text,
    }
    if comment.resolved_at is not None:
        values.update(name=comment.resolved_by or "", **screen_moment(comment.resolved_at))
        if comment.block is None:
            return _("v{version} · {author}: {text} (afgehandeld door {name} op {date})").format(
                **values
            )
        return _(
            "v{version}, blok {block} · {author}: {text} (afgehandeld door {name} op {date})"
        ).format(**values)
    if comment.block is None:
        return _("v{version} · {author} (open): {text}").format(**values)
    return _("v{version}, blok {block} · {author} (open): {text}").format(**values)


class CommentsBox(QWidget):
    """The list, "Opmerking toevoegen…" and "Afgehandeld" for the chosen open comment."""

    add_asked = Signal()
    resolve_asked = Signal(int)  # comment id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.open_label = QLabel(_("Opmerkingen bij deze brief:"))
        self.open_label.setObjectName("opmerkingen_kop")
        self.open_label.setWordWrap(True)
        layout.addWidget(self.open_label)
        self.list = QListWidget()
        self.list.setAccessibleName(_("Opmerkingen"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(lambda *_: self._follow_choice())
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_("&Opmerking toevoegen…"))
        self.add_button.clicked.connect(self.add_asked)
        self.resolve_button = QPushButton(_("Af&gehandeld"))
        self.resolve_button.setObjectName("afgehandeld")
        self.resolve_button.setToolTip(_("Markeer de gekozen opmerking als afgehandeld."))
        self.resolve_button.clicked.connect(self._resolve_clicked)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.resolve_button)
        layout.addLayout(buttons)
        self._may_resolve = False
        self._follow_choice()

    def show_comments(self, comments: list[Comment], *, may_resolve: bool) -> None:
        chosen = self.chosen_id()
        self._may_resolve = may_resolve
        self.list.clear()
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        open_count = 0
        for comment in comments:
            item = QListWidgetItem(comment_text(comment))
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, comment.resolved_at is not None)
            if comment.resolved_at is not None:
                item.setForeground(grey)
            else:
                open_count += 1
            self.list.addItem(item)
            if comment.id == chosen:
                self.list.setCurrentItem(item)
        if comments:
            self.open_label.setText(
                _("Opmerkingen bij deze brief ({open} open, {total} in totaal):").format(
                    open=open_count, total=len(comments)
                )
            )
        else:
            self.open_label.setText(_("Opmerkingen bij deze brief: nog geen."))
        self._follow_choice()

    def clear(self) -> None:
        self.show_comments([], may_resolve=False)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _chosen_is_open(self) -> bool:
        item = self.list.currentItem()
        return item is not None and not item.data(Qt.ItemDataRole.UserRole + 1)

    def _follow_choice(self) -> None:
        self.resolve_button.setEnabled(self._may_resolve and self._chosen_is_open())

    def _resolve_clicked(self) -> None:
        chosen = self.chosen_id()
        if chosen is not None and self._chosen_is_open():
            self.resolve_asked.emit(chosen)

    def set_enabled_for(self, *, may_comment: bool, may_resolve: bool) -> None:
        self.add_button.setEnabled(may_comment)
        self._may_resolve = may_resolve
        self._follow_choice()
