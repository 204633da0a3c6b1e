"""The letter editor: widgets over a LetterSession, every edit an undoable command."""

from __future__ import annotations

from composer.gui.editor.letter_editor import LetterEditor

__all__ = ["LetterEditor"]
