"""The letter editor: every part of the letter as fields, edits as undoable commands."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import SIGNAL, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from composer.core.letterfile import letter_to_dict
from composer.core.validation import field_label
from composer.gui.editor.addressees_editor import AddresseesEditor
from composer.gui.editor.bindings import Binding, EditKeys
from composer.gui.editor.blocks_editor import BlocksEditor
from composer.gui.editor.find_replace import FindReplaceBar
from composer.gui.editor.letter_form import LetterForm, SalutationField, SingleLineField
from composer.gui.editor.list_fields import attachments_table, copies_table, signatories_table
from composer.gui.editor.read_only import set_read_only
from composer.gui.editor.undo_actions import undo_redo_actions
from composer.gui.editor.validation_marks import PROBLEM_COLOUR, group_by_path
from composer.gui.tab_order import Positions, chain, chain_positions, focusables
from composer.i18n import _

if TYPE_CHECKING:
    from composer.gui.session import LetterSession


BODY_PATH = re.compile(r"body(?:\[(\d+)\].*)?")  # not screen text: the body's problems


def _group(title: str, name: str, content: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    layout.addWidget(content)
    return box


class LetterEditor(QWidget):
    """Shows the session's letter; the session, not this widget, owns the letter."""

    tab_order_changed = Signal()  # blocks came or went: the window puts its own order right

    def __init__(
        self,
        session: LetterSession,
        parent: QWidget | None = None,
        *,
        undo_redo: tuple[QAction, QAction] | None = None,
    ) -> None:
        """`undo_redo`: the window's Ongedaan maken / Opnieuw (else the editor makes its own)."""
        super().__init__(parent)
        self.session = session
        self.setObjectName("briefeditor")
        self.setAccessibleName(_("Brief bewerken"))
        self.keys = EditKeys(session, self)
        self.letter_form = LetterForm(session, self.keys)
        self.addressees = AddresseesEditor(session, self.keys)
        self.salutation = SalutationField(session, self.keys)
        self.blocks = BlocksEditor(session, self.keys)
        self.closing = SingleLineField(
            session, self.keys, _("Slot&formule:"), "slotformule", "closing"
        )
        self.signatories = signatories_table(session)
        self.attachments = attachments_table(session)
        self.copies = copies_table(session)
        self.sections = [
            self.letter_form,
            self.addressees,
            self.salutation,
            self.blocks,
            self.closing,
            self.signatories,
            self.attachments,
            self.copies,
        ]

        self.problem_summary = QLabel()
        self.problem_summary.setObjectName("problemen")
        self.problem_summary.setWordWrap(True)
        self.problem_summary.setStyleSheet(f"color: {PROBLEM_COLOUR};")
        self.problem_summary.setVisible(False)

        content = QWidget()
        content.setObjectName("briefinhoud")
        column = QVBoxLayout(content)
        column.addWidget(self.letter_form)
        column.addWidget(_group(_("Geadresseerden"), "groep_geadresseerden", self.addressees))
        column.addWidget(self.salutation)
        column.addWidget(_group(_("Tekst"), "groep_tekst", self.blocks))
        column.addWidget(self.closing)
        column.addWidget(_group(_("Ondertekenaars"), "groep_ondertekenaars", self.signatories))
        column.addWidget(_group(_("Bijlagen"), "groep_bijlagen", self.attachments))
        column.addWidget(_group(_("Kopie aan"), "groep_kopie_aan", self.copies))
        column.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("briefeditor_scroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields; it follows
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.find_bar = FindReplaceBar(session, self.bindings, self._show_widget)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.problem_summary)
        layout.addWidget(self.scroll, 1)
        self.read_only = False
        self._body_problems: dict[str, str] = {}  # shown under the body
        # In the window another letter's blocks are filled in the next turn of the event loop,
        # so filling the form and filling the blocks are two short stalls, not one long one;
        # meanwhile the block area is off (nothing can be typed into the previous letter's).
        self.defer_blocks = False
        self._blocks_timer = QTimer(self)
        self._blocks_timer.setSingleShot(True)
        self._blocks_timer.setInterval(0)
        self._blocks_timer.timeout.connect(self._fill_blocks)
        self._find, self._replace = self._find_actions()
        self.addActions([self._find, self._replace])

        if undo_redo is None:  # on its own (tests, a dialog): its own actions and shortcuts
            undo_redo = undo_redo_actions(session.undo_stack, self)
            self.addActions(list(undo_redo))
        self._undo, self._redo = undo_redo

        session.loaded.connect(self.reload)
        session.changed.connect(self.sync)
        session.problems_changed.connect(self.show_problems)
        self.addressees.shown_changed.connect(lambda: self.show_problems(session.problems))
        self.blocks.rebuilt.connect(self.order_tabs)
        self.reload()
        self.show_problems(session.problems)
        self.order_tabs()

    # Tab goes through the letter from top to bottom

    def tab_widgets(self, positions: Positions | None = None) -> list[QWidget]:
        """The fields and buttons Tab stops at, in the order they are on the screen."""
        positions = positions if positions is not None else chain_positions(self)
        widgets: list[QWidget] = []
        for section in self.sections:
            own = getattr(section, "tab_widgets", None)
            widgets += own(positions) if own is not None else focusables(section, positions)
        return widgets

    def order_tabs(self) -> None:
        """Blocks came or went. Inside a window that orders its whole chain (it listens to
        `tab_order_changed`), ordering the editor's part first would only be done twice."""
        if self.receivers(SIGNAL("tab_order_changed()")) == 0:
            chain(self.tab_widgets())
        self.tab_order_changed.emit()

    # Undo and redo for the main window's menu

    def _find_actions(self) -> tuple[QAction, QAction]:
        find = QAction(_("&Zoeken…"), self)
        find.setObjectName("zoeken")
        find.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Find))
        find.triggered.connect(lambda: self.find_bar.open_bar(replace=False))
        replace = QAction(_("&Vervangen…"), self)
        replace.setObjectName("vervangen")
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Replace)
        replace.setShortcuts(keys or [QKeySequence("Ctrl+H")])  # not screen text: a key
        replace.triggered.connect(lambda: self.find_bar.open_bar(replace=True))
        return find, replace

    def find_action(self) -> QAction:
        """Zoeken (Ctrl+F), for the Bewerken menu."""
        return self._find

    def replace_action(self) -> QAction:
        """Vervangen (Ctrl+H), for the Bewerken menu."""
        return self._replace

    def _show_widget(self, widget: QWidget) -> None:
        if widget is self.blocks.edit:  # taller than the page: its cursor, not its middle
            self.blocks.show_cursor()
        else:
            self.scroll.ensureWidgetVisible(widget)

    # Read-only: a sent letter

    def set_read_only(self, read_only: bool) -> None:
        """Show the letter read-only (every field, choice and button) or editable again."""
        if read_only == self.read_only:
            return  # nothing to change (every letter opened asks): no walk over every widget
        self.read_only = read_only
        self.find_bar.set_read_only(read_only)
        self.blocks.set_read_only(read_only)
        self._replace.setEnabled(not read_only)
        set_read_only(self.scroll.widget(), read_only)
        if not read_only:  # which buttons apply (Omhoog on the first, …) and the locked kenmerk
            self.reload_buttons()

    def reload_buttons(self) -> None:
        self.letter_form.reload()
        self.addressees.sync()
        self.addressees.picker.filter(self.addressees.picker.search.text())
        for table in (self.signatories, self.attachments, self.copies):
            table.sync()

    def undo_action(self) -> QAction:
        return self._undo

    def redo_action(self) -> QAction:
        return self._redo

    # Showing the session's letter

    def bindings(self) -> list[Binding]:
        found: list[Binding] = []
        for section in self.sections:
            found.extend(getattr(section, "bindings", []))
        return found

    @property
    def blocks_pending(self) -> bool:
        """The blocks of the letter just loaded are filled at the next turn of the event loop."""
        return self._blocks_timer.isActive()

    def reload(self) -> None:
        """Another letter: fill every field (signals blocked, so no command is made)."""
        for section in self.sections:
            if section is self.blocks and self.defer_blocks:
                self.blocks.setEnabled(False)
                self.blocks.binding.stale = True  # it shows the previous letter until then
                self._blocks_timer.start()
                continue
            section.reload()
        if self.read_only:
            set_read_only(self.scroll.widget(), True)

    def _fill_blocks(self) -> None:
        self.blocks.reload()
        self.blocks.setEnabled(True)
        if self.read_only:
            set_read_only(self.blocks, True)
            self.blocks.set_read_only(True)
        self.show_problems(self.session.problems)  # the block fields' own marks

    def sync(self) -> None:
        """An edit, undo or redo: refill only the fields whose value differs from the letter."""
        if self.blocks_pending:  # an edit before the blocks were shown: show them now
            self._blocks_timer.stop()
            self._fill_blocks()
        for section in self.sections:
            section.sync()
        if self.read_only:
            set_read_only(self.scroll.widget(), True)

    def show_problems(self, problems: list[tuple[str, str]]) -> None:
        """Mark each field with a problem; problems of fields not on screen go in the summary."""
        grouped = group_by_path(problems)
        for binding in self.bindings():
            if binding.mark is not None:
                binding.mark.show(grouped.pop(binding.path, None))
        data = letter_to_dict(self.session.letter) if grouped else {}
        self._body_problems = {
            path: message for path, message in grouped.items() if BODY_PATH.fullmatch(path)
        }
        self.blocks.show_problems(
            [
                _("• {field}: {message}").format(field=field_label(path, data), message=message)
                for path, message in self._body_problems.items()
            ]
        )
        for path in self._body_problems:
            grouped.pop(path)
        if grouped:  # not beside a field on screen: say which field each is about
            lines = "\n".join(
                _("• {field}: {message}").format(field=field_label(path, data), message=message)
                for path, message in grouped.items()
            )
            self.problem_summary.setText(_("Nog te verbeteren:\n{problems}").format(problems=lines))
        else:
            self.problem_summary.clear()
        self.problem_summary.setVisible(bool(grouped))

    # Finding fields (tests, and the main window jumping to a problem)

    def binding(self, path: str) -> Binding | None:
        for binding in self.bindings():
            if binding.path == path:
                return binding
        return None

    def field(self, path: str) -> QWidget | None:
        """The widget showing `path`; selects the addressee when the path is inside one."""
        if path.startswith("addressees["):
            index = int(path[len("addressees[") : path.index("]")])
            if index < len(self.session.letter.addressees) and self.addressees.current() != index:
                self.addressees.select(index)
        if BODY_PATH.fullmatch(path):
            return self.blocks.edit
        binding = self.binding(path)
        return binding.widget if binding is not None else None

    def problem_text(self, path: str) -> str:
        """The message beside the field at `path` ("" when the field shows no problem)."""
        if BODY_PATH.fullmatch(path):
            return self._body_problems.get(path, "")
        binding = self.binding(path)
        if binding is None or binding.mark is None or binding.mark.label.isHidden():
            return ""
        return binding.mark.message

    def focus_field(self, path: str) -> bool:
        found = BODY_PATH.fullmatch(path)
        if found and found[1] is not None:
            self.blocks.focus_block(int(found[1]))
            return True
        widget = self.field(path)
        if widget is None:
            return False
        self.scroll.ensureWidgetVisible(widget)
        widget.setFocus()
        return True

    def select_body_text(self, block: int, start: int, end: int) -> None:
        """Select `start`–`end` of body block `block` (a list: of its items joined by "\\n";
        a paragraph or Kop: of its text), scroll to it and put the focus in the body."""
        self.blocks.select_text(block, start, end)
