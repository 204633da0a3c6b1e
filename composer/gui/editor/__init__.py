"""The letter editor: widgets over a LetterSession, every edit an undoable command.

`LetterEditor` is imported on first use (PEP 562): the session imports this package's small
modules (commands, drafts) without loading every editor widget at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.gui.editor.letter_editor import LetterEditor

__all__ = ["LetterEditor"]


def __getattr__(name: str) -> Any:
    if name != "LetterEditor":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from composer.gui.editor.letter_editor import LetterEditor

    return LetterEditor
