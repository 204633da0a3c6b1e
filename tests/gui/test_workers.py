"""Background work reports back on the GUI thread, errors included."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6")

from composer.errors import ComposerError
from composer.gui.workers import BackgroundTask


def test_result_arrives_on_the_gui_thread(qtbot):
    seen = {}

    def work():
        seen["worker"] = threading.current_thread()
        return 42

    done = []
    BackgroundTask(work).on_success(
        lambda value: done.append((value, threading.current_thread()))
    ).start()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done[0][0] == 42
    assert done[0][1] is threading.main_thread()
    assert seen["worker"] is not threading.main_thread()


def test_a_composer_error_reaches_the_error_callback(qtbot):
    errors = []

    def work():
        raise ComposerError("Er ging iets mis.")

    BackgroundTask(work).on_error(errors.append).start()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0].message == "Er ging iets mis."
