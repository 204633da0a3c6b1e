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


Positions = dict[QWidget, int]


def chain_positions(widget: QWidget) -> Positions:
    """Where each widget of `widget`'s window stands in the focus chain: one walk of it.

    Pass the result to several `focusables` calls made before the order changes, so ordering a
    letter's many blocks walks the chain once, not once per block.
    """
    positions: Positions = {}
    current = widget.window()
    while current not in positions:
        positions[current] = len(positions)
        current = current.nextInFocusChain()
    return positions


def focusables(container: QWidget, positions: Positions | None = None) -> list[QWidget]:
    """The widgets inside `container` that Tab stops at, in their current tab order (the chain
    followed from `container` on)."""
    positions = positions if positions is not None else chain_positions(container)
    start, size = positions.get(container, 0), len(positions)
    inside = [
        widget
        for widget in container.findChildren(QWidget)
        if widget in positions and takes_tab(widget)
    ]
    return sorted(inside, key=lambda widget: (positions[widget] - start) % size)


def chain(widgets: Iterable[QWidget]) -> list[QWidget]:
    """Make Tab go through `widgets` in this order; returns the ones it chained."""
    ordered = [widget for widget in widgets if takes_tab(widget)]
    for before, after in pairwise(ordered):
        QWidget.setTabOrder(before, after)
    return ordered
