"""Runs the desktop program's `main()` in the test's QApplication until a letter is open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QApplication

from composer.gui import app as gui_app
from composer.gui.dialogs.name_dialog import NameDialog
from composer.gui.main_window import MainWindow

Look = Callable[[MainWindow], None]


def run_main(
    qtbot,
    monkeypatch,
    *args,
    on_shown: Look | None = None,
    on_ready: Look | None = None,
    name: str = "Marleen",
) -> int:
    """`composer.gui.app.main(*args)`; instead of waiting for the user, the event loop runs until
    the library is open and a letter is shown. `on_shown(window)` looks at the window as it first
    appears, `on_ready(window)` once the letter is there; then the window is closed. On a first
    start the question for the user's name is answered with `name` (after `on_shown`)."""
    before = QApplication.topLevelWidgets()

    def exec_until_ready() -> int:
        window = next(
            widget
            for widget in QApplication.topLevelWidgets()
            if isinstance(widget, MainWindow) and widget not in before
        )
        if on_shown is not None:
            on_shown(window)
        for dialog in window.findChildren(NameDialog):
            if dialog.isVisible():
                dialog.name_field.setText(name)
                dialog.accept()
        qtbot.waitUntil(lambda: window.session.letter_id is not None, timeout=30000)
        if on_ready is not None:
            on_ready(window)
        window.session.close()
        shutdown = getattr(window.preview, "shutdown", None)
        if shutdown is not None:
            shutdown()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(exec_until_ready))
    return gui_app.main(*args)
