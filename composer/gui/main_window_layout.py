"""The main window's layout: library | letter | preview in a splitter, history and review as
docks, arranged for the screen it is on (a 1024×700 laptop starts with the docks collapsed).
MainWindow builds on it (it provides `library_panel`, `editor_area` and `preview`)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDockWidget, QSplitter, QWidget

from composer.gui.main_window_dialogs import WindowDialogs
from composer.gui.tab_order import chain, chain_positions, focusables
from composer.i18n import _

WINDOW_SIZE = QSize(1400, 860)  # on a screen with room for it
SMALL_WIDTH, SMALL_HEIGHT = 1280, 820  # below this the side panels start collapsed


def fitting_size(widget: QWidget) -> QSize:
    """WINDOW_SIZE, or the screen's free area when that is smaller (a 1024×700 laptop)."""
    screen = widget.screen()
    if screen is None:
        return WINDOW_SIZE
    return WINDOW_SIZE.boundedTo(screen.availableGeometry().size())


class WindowLayout(WindowDialogs):
    """The splitter and the docks, and the order Tab goes through them."""

    def _add_zoom_to_view_menu(self) -> None:
        """Beeld: the preview's zoom (its shortcuts work while the preview has the focus)."""
        toolbar = getattr(self.preview, "toolbar", None)
        if toolbar is None or not hasattr(self, "view_menu"):
            return
        self.view_menu.addSeparator()
        self.view_menu.addActions(
            [
                toolbar.zoom_in_action,
                toolbar.zoom_out_action,
                toolbar.fit_width_action,
                toolbar.fit_page_action,
            ]
        )

    def _build_layout(self) -> None:
        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.library_panel)
        splitter.addWidget(self.editor_area)
        splitter.addWidget(self.preview)
        splitter.setSizes([250, 800, 450])  # fit_panels puts them right for the window's size
        self.setCentralWidget(splitter)
        self.history_dock = self._dock(_("&Versiegeschiedenis"), QWidget(), "versies")
        self.review_dock = self._dock(_("Be&oordeling"), QWidget(), "beoordelingsdock")
        self.readability_dock = self._dock(_("&Leesbaarheid"), QWidget(), "leesbaarheid")
        self.tabifyDockWidget(self.history_dock, self.review_dock)
        self.tabifyDockWidget(self.review_dock, self.readability_dock)
        self.history_dock.raise_()
        # The page and the editor matter most: the docks start low.
        self.resizeDocks([self.history_dock], [230], Qt.Orientation.Vertical)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self.fit_panels()

    def fit_panels(self) -> None:
        """Arrange the panels for the window's size: on a small screen the history and review
        docks start collapsed (Beeld opens them; Vergelijken shows the history), and the list of
        letters and the page take less room, so the letter fits without scrolling sideways."""
        size = self.size()
        small_height = size.height() < SMALL_HEIGHT
        for dock in (self.history_dock, self.review_dock, self.readability_dock):
            dock.setVisible(not small_height)
        if not small_height:
            self.history_dock.raise_()
        width = size.width()
        if width < SMALL_WIDTH:
            library, preview = round(width * 0.2), round(width * 0.32)
            self.splitter.setSizes([library, width - library - preview, preview])
        else:
            self.splitter.setSizes([250, width - 250 - 450, 450])

    def _build_writing_aids(self) -> None:
        """With the editor: the Leesbaarheid panel in its dock and Beeld > Spelling controleren."""
        from composer.gui.editor.spelling_support import spelling_action
        from composer.gui.readability_panel import ReadabilityPanel

        self.readability_panel = ReadabilityPanel(self.session, self._select_body_text)
        placeholder = self.readability_dock.widget()
        self.readability_dock.setWidget(self.readability_panel)
        placeholder.deleteLater()
        self.view_menu.addAction(spelling_action(self.editor.blocks.spelling, self))

    def _select_body_text(self, block: int, start: int, end: int) -> None:
        """An advice in the Leesbaarheid panel chosen: its words selected in the letter."""
        if self.editor is not None:
            self.editor.select_body_text(block, start, end)

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title.replace("&", ""), self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        return dock

    @property
    def tab_order_pending(self) -> bool:
        """Blocks came or went and the tab chain is put right once they are painted (not in
        the same stall as building them; several changes are ordered once)."""
        return self._tab_order_timer.isActive()

    def order_tabs(self) -> None:
        """Tab goes left to right, top to bottom: library, letter, preview, then the docks."""
        positions = chain_positions(self)  # one walk of the chain for all of it
        editor = self.editor.tab_widgets(positions) if self.editor is not None else []
        readability = getattr(self, "readability_panel", None)
        shown = (self.preview, self.history_panel, self.review_panel, readability)
        panels = [p for p in shown if p is not None]
        chain(
            [
                *focusables(self.library_panel, positions),
                *editor,
                *(widget for panel in panels for widget in focusables(panel, positions)),
            ]
        )
