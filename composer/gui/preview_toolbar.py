"""The small bar above the voorbeeld: the pages (▲ Pagina 1 van 2 ▼) and the zoom (− 55% +).

The zoom percentage opens a menu with the fit modes (Paginabreedte, Hele pagina) and a few
percentages. 100% is the page at its real size. In a fit mode QPdfView leaves `zoomFactor` as it
was, so the percentage shown (and the step Ctrl++ takes from it) is worked out from the page and
the view, as QPdfView lays it out."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence, QWheelEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSizePolicy, QToolButton, QWidget

from composer.i18n import _

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
MENU_ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
Zoom = QPdfView.ZoomMode


def zoom_in_step(current: float) -> float:
    """The next step up from `current` (the largest step at most)."""
    return next((step for step in ZOOM_STEPS if step > current * 1.01), ZOOM_STEPS[-1])


def zoom_out_step(current: float) -> float:
    """The next step down from `current` (the smallest step at least)."""
    return next((step for step in reversed(ZOOM_STEPS) if step < current / 1.01), ZOOM_STEPS[0])


def percent_text(zoom: float) -> str:
    return _("{percent}%").format(percent=round(zoom * 100))


def shown_zoom(view: QPdfView) -> float:
    """The zoom the page is shown at (1.0: real size), in a fit mode as well."""
    document = view.document()
    mode = view.zoomMode()
    if mode == Zoom.Custom or document is None or document.pageCount() == 0:
        return view.zoomFactor()
    page = min(max(0, view.pageNavigator().currentPage()), document.pageCount() - 1)
    size = document.pagePointSize(page)
    screen = QGuiApplication.primaryScreen()
    pixels_per_point = (screen.logicalDotsPerInch() if screen else 96.0) / 72.0
    if size.width() <= 0 or size.height() <= 0:
        return view.zoomFactor()
    margins = view.documentMargins()
    viewport = view.viewport()
    across = (viewport.width() - margins.left() - margins.right()) / (
        size.width() * pixels_per_point
    )
    if mode == Zoom.FitToWidth:
        return max(across, 0.01)
    down = (viewport.height() - margins.top() - margins.bottom()) / (
        size.height() * pixels_per_point
    )
    return max(min(across, down), 0.01)


def _tool_button(parent: QWidget, name: str, action: QAction) -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setDefaultAction(action)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    return button


class PreviewToolbar(QWidget):
    """Page navigation and zoom for `view`. Its actions carry the shortcuts (Ctrl++, Ctrl+-,
    PgUp, PgDn), active while the focus is in the widget they are added to (the panel)."""

    def __init__(self, view: QPdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voorbeeld_werkbalk")
        self.setAccessibleName(_("Werkbalk van het voorbeeld"))
        self.view = view
        self.navigator = view.pageNavigator()
        self._document: QPdfDocument | None = None
        self._make_actions()
        self._build()
        view.zoomFactorChanged.connect(self.update_state)
        view.zoomModeChanged.connect(self.update_state)
        view.documentChanged.connect(self._document_changed)
        self.navigator.currentPageChanged.connect(self.update_state)
        view.viewport().installEventFilter(self)
        self._document_changed(view.document())

    # -- building ---------------------------------------------------------------------------

    def _action(self, text: str, tip: str, slot, shortcuts=()) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setShortcuts([QKeySequence(key) for key in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        self.previous_page_action = self._action(
            _("Vorige pagina"), _("Vorige pagina (PgUp)"), self.previous_page, ["PgUp"]
        )
        self.next_page_action = self._action(
            _("Volgende pagina"), _("Volgende pagina (PgDn)"), self.next_page, ["PgDown"]
        )
        self.zoom_in_action = self._action(
            _("Inzoomen"),
            _("Inzoomen (Ctrl++ of Ctrl met het muiswiel)"),
            self.zoom_in,
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
        )
        self.zoom_out_action = self._action(
            _("Uitzoomen"),
            _("Uitzoomen (Ctrl+- of Ctrl met het muiswiel)"),
            self.zoom_out,
            [QKeySequence.StandardKey.ZoomOut],
        )
        self.fit_width_action = self._action(
            _("Paginabreedte"),
            _("De pagina zo breed als het voorbeeld"),
            lambda: self.set_zoom_mode(Zoom.FitToWidth),
        )
        self.fit_page_action = self._action(
            _("Hele pagina"),
            _("De hele pagina in beeld"),
            lambda: self.set_zoom_mode(Zoom.FitInView),
        )
        self.zoom_out_action.setIconText("\u2212")  # −: on the button; the words in a menu
        self.zoom_in_action.setIconText("+")
        modes = QActionGroup(self)
        for action in (self.fit_width_action, self.fit_page_action):
            action.setCheckable(True)
            modes.addAction(action)
        modes.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        self.actions_for_shortcuts = [
            self.previous_page_action,
            self.next_page_action,
            self.zoom_in_action,
            self.zoom_out_action,
        ]

    def _build(self) -> None:
        self.previous_button = _tool_button(self, "vorige_pagina", self.previous_page_action)
        self.previous_button.setArrowType(Qt.ArrowType.UpArrow)
        self.next_button = _tool_button(self, "volgende_pagina", self.next_page_action)
        self.next_button.setArrowType(Qt.ArrowType.DownArrow)
        self.page_label = QLabel("", self)
        self.page_label.setObjectName("voorbeeld_pagina_nummer")
        self.page_label.setAccessibleName(_("Paginanummer"))
        self.zoom_out_button = _tool_button(self, "uitzoomen", self.zoom_out_action)
        self.zoom_in_button = _tool_button(self, "inzoomen", self.zoom_in_action)
        self.zoom_menu = QMenu(self)
        self.zoom_menu.addAction(self.fit_width_action)
        self.zoom_menu.addAction(self.fit_page_action)
        self.zoom_menu.addSeparator()
        for zoom in MENU_ZOOMS:
            action = self.zoom_menu.addAction(percent_text(zoom))
            action.triggered.connect(lambda _checked=False, zoom=zoom: self.set_zoom(zoom))
        self.zoom_button = QToolButton(self)
        self.zoom_button.setObjectName("zoom")
        self.zoom_button.setAccessibleName(_("Zoom"))
        self.zoom_button.setMenu(self.zoom_menu)
        self.zoom_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.zoom_button.setAutoRaise(True)
        self.zoom_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for button, name in (
            (self.previous_button, _("Vorige pagina")),
            (self.next_button, _("Volgende pagina")),
            (self.zoom_out_button, _("Uitzoomen")),
            (self.zoom_in_button, _("Inzoomen")),
        ):
            button.setAccessibleName(name)
        self.buttons = [
            self.previous_button,
            self.next_button,
            self.zoom_out_button,
            self.zoom_button,
            self.zoom_in_button,
        ]
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(2)
        for widget in (self.previous_button, self.page_label, self.next_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_button, self.zoom_in_button):
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    # -- pages ------------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        document = self.view.document()
        ready = document is not None and document.status() == QPdfDocument.Status.Ready
        return document.pageCount() if ready else 0

    @property
    def current_page(self) -> int:
        """The page at the top of the view, from 0."""
        return min(max(0, self.navigator.currentPage()), max(0, self.page_count - 1))

    def go_to_page(self, page: int) -> None:
        if 0 <= page < self.page_count:
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
            self.update_state()

    def previous_page(self) -> None:
        self.go_to_page(self.current_page - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page + 1)

    # -- zoom -------------------------------------------------------------------------------

    def zoom_in(self) -> None:
        self.set_zoom(zoom_in_step(shown_zoom(self.view)))

    def zoom_out(self) -> None:
        self.set_zoom(zoom_out_step(shown_zoom(self.view)))

    def set_zoom(self, zoom: float) -> None:
        """Show the page at `zoom` (1.0: real size), keeping the place being read."""
        bar = self.view.verticalScrollBar()
        where = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self.view.setZoomMode(Zoom.Custom)
        self.view.setZoomFactor(zoom)
        bar.setValue(round(where * bar.maximum()))
        self.update_state()

    def set_zoom_mode(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self.update_state()

    # -- what the user sees -----------------------------------------------------------------

    def _document_changed(self, document: QPdfDocument | None) -> None:
        if self._document is not None:
            self._document.statusChanged.disconnect(self.update_state)
            self._document.pageCountChanged.disconnect(self.update_state)
        self._document = document
        if document is not None:
            document.statusChanged.connect(self.update_state)
            document.pageCountChanged.connect(self.update_state)
        self.update_state()

    def update_state(self, *_args) -> None:
        if not (shiboken6.isValid(self.view) and shiboken6.isValid(self.navigator)):
            return  # the panel is being deleted: its document says so on the way out
        count, page = self.page_count, self.current_page
        shown = bool(count)
        self.page_label.setText(
            _("Pagina {page} van {count}").format(page=page + 1, count=count) if shown else ""
        )
        self.previous_page_action.setEnabled(shown and page > 0)
        self.next_page_action.setEnabled(shown and page < count - 1)
        self.zoom_button.setEnabled(shown)
        zoom = shown_zoom(self.view)
        self.zoom_in_action.setEnabled(shown and zoom < ZOOM_STEPS[-1] / 1.01)
        self.zoom_out_action.setEnabled(shown and zoom > ZOOM_STEPS[0] * 1.01)
        mode = self.view.zoomMode()
        self.fit_width_action.setChecked(mode == Zoom.FitToWidth)
        self.fit_page_action.setChecked(mode == Zoom.FitInView)
        self.zoom_button.setText(percent_text(zoom) if shown else "")
        how = {
            Zoom.FitToWidth: _("paginabreedte"),
            Zoom.FitInView: _("hele pagina"),
        }.get(mode)
        tip = _("Zoom: {percent}").format(percent=percent_text(zoom))
        if how:
            tip = _("Zoom: {percent} ({how})").format(percent=percent_text(zoom), how=how)
        self.zoom_button.setToolTip(
            tip + "\n" + _("Kies paginabreedte, hele pagina of een percentage.")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl with the mouse wheel over the page zooms; a resized view updates the
        percentage of a fit mode."""
        if watched is self.view.viewport():
            if event.type() == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    delta = event.angleDelta().y()
                    if delta > 0 and self.page_count:
                        self.zoom_in()
                    elif delta < 0 and self.page_count:
                        self.zoom_out()
                    return True
            elif event.type() == QEvent.Type.Resize:
                self.update_state()
        return super().eventFilter(watched, event)
