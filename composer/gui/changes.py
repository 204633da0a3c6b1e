"""One relay for what changed: panels listen to it and refresh themselves; none refreshes another.

`changes().changed.emit(letter_id, what)` after work that changed a letter (an op declares it,
see ops.py); `letter_id` 0 means "the list of letters" (a letter added, a library opened).
`settings_changed(workspace)` follows every Workspace.update_settings, in the GUI thread even
when the settings were saved from a worker.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from composer.app.workspace import Workspace

# What changed (the `what` of `changed`).
SAVED = "saved"  # not screen text: a new version (save, restore, kenmerk)
STATUS = "status"  # not screen text: the review status (submit, approve, reject, send)
ADDED = "added"  # not screen text: a letter joined the library
LIBRARY = "library"  # not screen text: another library was opened: everything


class Changes(QObject):
    changed = Signal(int, str)  # letter id (0: the list), what
    settings_changed = Signal(object)  # the Workspace whose settings changed


_relay: Changes | None = None
_watched: weakref.WeakSet[Workspace] = weakref.WeakSet()


def changes() -> Changes:
    """The one relay of this program (made on first use, in the GUI thread)."""
    global _relay
    if _relay is None:
        _relay = Changes()
    return _relay


def watch(workspace: Workspace) -> None:
    """Relay `workspace`'s settings changes as `settings_changed` (once per workspace)."""
    if workspace in _watched:
        return
    _watched.add(workspace)
    relay = changes()
    workspace.on_settings_changed(lambda _new, _previous: relay.settings_changed.emit(workspace))
