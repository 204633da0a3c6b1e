"""Ongedaan maken / Opnieuw as actions over a session's undo stack, with translated texts."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from shiboken6 import isValid

from composer.i18n import N_, _

UNDO_TEXT = N_("&Ongedaan maken")
REDO_TEXT = N_("O&pnieuw")


def _action_text(prefix: str, command: str) -> str:
    """`&Ongedaan maken: betreft wijzigen`, or only the prefix when there is nothing to undo."""
    return _("{action}: {command}").format(action=prefix, command=command) if command else prefix


class _ActionText(QObject):
    """Sets the undo/redo action's text; a child of the action, so it goes when the action goes."""

    def __init__(self, action: QAction, prefix: str) -> None:
        super().__init__(action)
        self.action = action
        self.prefix = prefix

    def show(self, text: str) -> None:
        if not isValid(self.action):  # the owner is gone, the session's stack lives on
            return
        self.action.setText(_action_text(self.prefix, text))


def _stack_action(stack: QUndoStack, parent: QObject, *, undo: bool) -> QAction:
    if undo:
        prefix = _(UNDO_TEXT)
        action = stack.createUndoAction(parent, prefix)
        action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        text_changed, current = stack.undoTextChanged, stack.undoText
        action.setObjectName("ongedaan_maken")
    else:
        prefix = _(REDO_TEXT)
        action = stack.createRedoAction(parent, prefix)
        action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        text_changed, current = stack.redoTextChanged, stack.redoText
        action.setObjectName("opnieuw")
    # Qt writes "Ongedaan maken betreft wijzigen"; Dutch reads better with a colon
    # (the composition is a message of its own, so English may leave the colon out).
    # Connected after Qt's own slot, so this text is the one that stays.
    text_changed.connect(_ActionText(action, prefix).show)
    action.setText(_action_text(prefix, current()))
    return action


def undo_redo_actions(stack: QUndoStack, parent: QObject) -> tuple[QAction, QAction]:
    """(Ongedaan maken, Opnieuw) for `stack`, owned by `parent`, with the standard shortcuts."""
    return _stack_action(stack, parent, undo=True), _stack_action(stack, parent, undo=False)
