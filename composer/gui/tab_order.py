"""Tab order in reading order, also for widgets made later (letter blocks, the editor itself).

Qt's default tab order is the order in which widgets were made. A widget made later (a new
block in the letter, the editor built when the library opens) therefore lands at the end of the
chain, far from where it is on the screen. `chain()` puts a list back in order.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and widget.focusProxy() is None


def focusables(container: QWidget) -> list[QWidget]:
    """The widgets inside `container` that Tab stops at, in their current tab order."""
    found: list[QWidget] = []
    widget = container.nextInFocusChain()
    while widget is not container and widget not in found:
        if container.isAncestorOf(widget) and takes_tab(widget):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def chain(widgets: Iterable[QWidget]) -> list[QWidget]:
    """Make Tab go through `widgets` in this order; returns the ones it chained."""
    ordered = [widget for widget in widgets if takes_tab(widget)]
    for before, after in pairwise(ordered):
        QWidget.setTabOrder(before, after)
    return ordered
