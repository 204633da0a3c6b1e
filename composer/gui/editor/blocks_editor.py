"""The body as a list of blocks: add an alinea, servicebelofte or citaat, move and remove them."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from composer.core.catalogues import ServicePromise, load_promises, load_quotes
from composer.core.models import Block, Paragraph, Promise, Quote
from composer.errors import ComposerError
from composer.gui.editor.bindings import Binding, EditKeys
from composer.gui.editor.block_widgets import BlockWidget, ParagraphBlock, PromiseBlock, QuoteBlock
from composer.gui.editor.commands import InsertBlockCommand, MoveBlockCommand, RemoveBlockCommand
from composer.gui.editor.validation_marks import PROBLEM_COLOUR
from composer.gui.tab_order import Positions, chain_positions, focusables
from composer.i18n import _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession

MAX_SPARES = 24  # per kind: more blocks than most letters have
SPARES_AHEAD = {"paragraph": 10, "promise": 3, "quote": 3}  # not screen text


def inserted_at(old: list[Block], new: list[Block]) -> int | None:
    """Where one block came into `old` to make `new` (added, or brought back by undo)."""
    if len(new) != len(old) + 1:
        return None
    index = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), len(old))
    return index if new[index + 1 :] == old[index:] else None


def _catalogues() -> tuple[dict[int, ServicePromise], list[dict[str, Any]], list[str]]:
    problems: list[str] = []
    try:
        promises = load_promises()
    except ComposerError as exc:
        promises = {}
        problems.append(exc.message)
    try:
        quotes = load_quotes()
    except ComposerError as exc:
        quotes = []
        problems.append(exc.message)
    return promises, quotes, problems


class BlocksEditor(QWidget):
    rebuilt = Signal()  # other block widgets now: the tab order needs putting right

    def __init__(self, session: LetterSession, keys: EditKeys) -> None:
        super().__init__()
        self.session = session
        self.keys = keys
        self.setObjectName("tekstblokken")
        self.promises, self.quotes, problems = _catalogues()
        self.blocks: list[BlockWidget] = []
        # Block widgets no longer shown, kept to show the next letter's blocks: opening a letter
        # refills widgets instead of building them (building is most of an opening's time).
        self._spare: dict[str, list[BlockWidget]] = {}
        self.current_index: int | None = None  # the block last worked in: new ones go after it
        self._shown: list[Block] = []  # the blocks as shown: a block that comes back is found

        self.block_layout = QVBoxLayout()
        self.block_layout.setContentsMargins(0, 0, 0, 0)
        self.add_paragraph_button = QPushButton(_("Alin&ea toevoegen"))
        self.add_paragraph_button.setObjectName("alinea_toevoegen")
        self.add_promise_button = QPushButton(_("&Servicebelofte toevoegen"))
        self.add_promise_button.setObjectName("servicebelofte_toevoegen")
        self.add_quote_button = QPushButton(_("&Citaat toevoegen"))
        self.add_quote_button.setObjectName("citaat_toevoegen")
        buttons = QHBoxLayout()
        for button in (self.add_paragraph_button, self.add_promise_button, self.add_quote_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.catalogue_message = QLabel("\n".join(problems))
        self.catalogue_message.setWordWrap(True)
        self.catalogue_message.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.catalogue_message.setVisible(bool(problems))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.catalogue_message)
        layout.addLayout(self.block_layout)
        layout.addLayout(buttons)

        self.add_paragraph_button.clicked.connect(lambda: self.add(Paragraph("")))
        self.add_promise_button.clicked.connect(lambda: self.add(Promise(self._first_promise())))
        self.add_quote_button.clicked.connect(lambda: self.add(Quote("")))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    @property
    def bindings(self) -> list[Binding]:
        return [binding for block in self.blocks for binding in block.bindings]

    def _first_promise(self) -> int:
        usable = [n for n, promise in sorted(self.promises.items()) if not promise.placeholder]
        return usable[0] if usable else 1

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        for block in self.blocks:
            if new is not None and (new is block or block.isAncestorOf(new)):
                self.current_index = block.index
                return

    # Commands

    def add(self, block: Block) -> None:
        count = len(self.session.letter.body)
        current = self.current_index
        index = current + 1 if current is not None and current < count else count
        self.session.apply(InsertBlockCommand(self.session, index, block))
        self.focus_block(index)

    def move(self, index: int, step: int) -> None:
        to = index + step
        if 0 <= to < len(self.session.letter.body):
            self.session.apply(MoveBlockCommand(self.session, index, to))
            self.focus_block(to)

    def remove(self, index: int) -> None:
        self.session.apply(RemoveBlockCommand(self.session, index))
        self.current_index = None

    def focus_block(self, index: int) -> None:
        """Put the cursor in block `index` and scroll the form to it."""
        if 0 <= index < len(self.blocks):
            self.current_index = index
            block = self.blocks[index]
            block.focus_target().setFocus()
            self._scroll_to(block)
            # Laid out at the next turn of the event loop: scroll again once it has its place.
            QTimer.singleShot(0, block, lambda: self._scroll_to(block))

    def _scroll_to(self, block: BlockWidget) -> None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None and block in self.blocks:
            content = parent.widget()
            if content is not None and content.layout() is not None:
                content.layout().activate()
            parent.ensureWidgetVisible(block, 0, 0)

    # Showing the model

    def _shape(self) -> list[str]:
        return [block.type for block in self.session.letter.body]

    def reload(self) -> None:
        self.current_index = None
        self._rebuild()
        self._shown = copy.deepcopy(self.session.letter.body)

    def sync(self) -> None:
        body = self.session.letter.body
        if [block.kind for block in self.blocks] != self._shape():
            self._rebuild()
            came = inserted_at(self._shown, body)
            self._shown = copy.deepcopy(body)
            if came is not None:  # added, or brought back by undo: in view, with the cursor
                self.focus_block(came)
            return
        for block in self.blocks:
            block.sync()
        self._shown = copy.deepcopy(body)

    def _rebuild(self) -> None:
        self.setUpdatesEnabled(False)
        try:
            self._rebuild_blocks()
        finally:
            self.setUpdatesEnabled(True)
        self.rebuilt.emit()

    def _rebuild_blocks(self) -> None:
        for block in self.blocks:
            self.block_layout.removeWidget(block)
            block.hide()
            self._spare.setdefault(block.kind, []).append(block)
        self.blocks = [self._take(index, kind) for index, kind in enumerate(self._shape())]
        for block in self.blocks:
            self.block_layout.addWidget(block)
            block.set_index(block.index, len(self.blocks))
            block.sync()
            block.show()
        for spares in self._spare.values():
            while len(spares) > MAX_SPARES:
                spares.pop().deleteLater()

    def make_spares(self, counts: dict[str, int]) -> None:
        """Build block widgets ahead, one per turn of the event loop, so the first letter
        opened finds them ready (at idle after start-up)."""
        wanted = [
            kind
            for kind, count in counts.items()
            for _n in range(max(0, count - len(self._spare.get(kind, []))))
        ]

        def next_one() -> None:
            if not wanted:
                return
            kind = wanted.pop()
            block = self._make(0, kind)
            block.hide()
            block.ensurePolished()  # its style worked out now, not when it is first shown
            self._spare.setdefault(kind, []).append(block)
            QTimer.singleShot(0, self, next_one)

        next_one()

    def tab_widgets(self, positions: Positions | None = None) -> list[QWidget]:
        """Tab's stops in reading order: block by block, then the buttons that add one."""
        positions = positions if positions is not None else chain_positions(self)
        widgets = [widget for block in self.blocks for widget in focusables(block, positions)]
        return [*widgets, self.add_paragraph_button, self.add_promise_button, self.add_quote_button]

    def _take(self, index: int, kind: str) -> BlockWidget:
        """A spare widget of this kind (refilled by sync) or a new one."""
        spares = self._spare.get(kind)
        if spares:
            block = spares.pop(0)
            block.index = index
            return block
        return self._make(index, kind)

    def _make(self, index: int, kind: str) -> BlockWidget:
        block: BlockWidget
        if kind == "paragraph":
            block = ParagraphBlock(self.session, index, self.keys)
        elif kind == "promise":
            block = PromiseBlock(self.session, index, self.keys, self.promises)
        else:
            block = QuoteBlock(self.session, index, self.keys, self.quotes)
        block.setParent(self)
        block.move_requested.connect(self.move)
        block.remove_requested.connect(self.remove)
        return block
