"""For test_signals: `composer gui` as a person runs it, then types in the open letter.

Once the typing is in the editor (and, unless `--zonder-voorbeeld`, the warm preview shows it)
it prints `klaar` and waits for the test's signal. Autosave is switched off: only the quit itself
can keep the typed text as a draft.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

TYPED = " (getypt vlak voor het afmelden)"


def run(argv: list[str]) -> int:
    from composer.cli import main as composer_main
    from composer.gui.dialogs.name_dialog import NameDialog
    from composer.gui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    wait_for_preview = "--zonder-voorbeeld" not in argv
    typed: list[bool] = []

    def look() -> None:
        window = next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)
        for dialog in window.findChildren(NameDialog) if window is not None else []:
            if dialog.isVisible():  # the first start asks the name
                dialog.name_field.setText("Marleen")
                dialog.accept()
        if window is None or window.session.letter_id is None or window.editor is None:
            return
        if not typed:
            window.session.autosave_interval_ms = 3_600_000
            field = window.editor.field("subject")
            field.setFocus()
            QTest.keyClicks(field, TYPED)
            typed.append(True)
            return
        if wait_for_preview:
            engine = getattr(window.preview, "engine", None)
            status = getattr(window.preview, "status_label", None)
            office = engine.office if engine is not None else None
            if office is None or not office.alive or status is None:
                return
            if not status.text().startswith("Voorbeeld bijgewerkt om "):
                return
        timer.stop()
        print("klaar", flush=True)

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(100)
    return composer_main(["gui"])


if __name__ == "__main__":
    raise SystemExit(run(sys.argv[1:]))
