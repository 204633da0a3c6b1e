"""Ongedaan maken / Opnieuw as actions over a session's undo stack, with Dutch texts."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from shiboken6 import isValid

UNDO_TEXT = "&Ongedaan maken"
REDO_TEXT = "&Opnieuw"


class _ActionText(QObject):
    """Sets the undo/redo action's text; a child of the action, so it goes when the action goes."""

    def __init__(self, action: QAction, prefix: str) -> None:
        super().__init__(action)
        self.action = action
        self.prefix = prefix

    def show(self, text: str) -> None:
        if not isValid(self.action):  # the owner is gone, the session's stack lives on
            return
        self.action.setText(f"{self.prefix}: {text}" if text else self.prefix)


def _stack_action(stack: QUndoStack, parent: QObject, *, undo: bool) -> QAction:
    if undo:
        action = stack.createUndoAction(parent, UNDO_TEXT)
        action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        prefix, text_changed, current = UNDO_TEXT, stack.undoTextChanged, stack.undoText
        action.setObjectName("ongedaan_maken")
    else:
        action = stack.createRedoAction(parent, REDO_TEXT)
        action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        prefix, text_changed, current = REDO_TEXT, stack.redoTextChanged, stack.redoText
        action.setObjectName("opnieuw")
    # Qt writes "Ongedaan maken betreft wijzigen"; Dutch reads better with a colon.
    # Connected after Qt's own slot, so this text is the one that stays.
    text_changed.connect(_ActionText(action, prefix).show)
    action.setText(f"{prefix}: {current()}" if current() else prefix)
    return action


def undo_redo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """(Ongedaan maken, Opnieuw) for `stack`, owned by `parent`, with the standard shortcuts."""
    return _stack_action(stack, parent, undo=True), _stack_action(stack, parent, undo=False)
