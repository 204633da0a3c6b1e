"""Garbage with Qt objects in it is freed in the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from composer.gui.garbage import MainThreadGarbageCollector
from composer.gui.ops import Op
from tests.gui.run_main import run_main


class _Marker:
    def __init__(self, freed_in: list) -> None:
        self.freed_in = freed_in  # stands in for a closed dialog (a real one would crash the run)
        self.cycle = self  # only the cycle collector can free this

    def __del__(self) -> None:
        self.freed_in.append(threading.current_thread())


def test_a_worker_that_allocates_does_not_free_gui_garbage(qtbot):
    collector = MainThreadGarbageCollector(interval_ms=50)
    freed_in: list = []
    _Marker(freed_in)

    def allocate():  # enough live containers to pass every collection threshold many times over
        return [[n] for n in range(20 * sum(gc.get_threshold()))]

    done = []
    owner = QObject()
    Op(owner, lambda _workspace: allocate()).success(done.append).run()
    qtbot.waitUntil(lambda: bool(done), timeout=10000)
    qtbot.waitUntil(lambda: bool(freed_in), timeout=5000)
    collector.stop()
    assert freed_in == [threading.main_thread()]
    assert not gc.isenabled()  # the test fixture's collector still holds collection


def test_stop_hands_collection_back():
    gc.enable()
    collector = MainThreadGarbageCollector()
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
    gc.disable()  # as the fixture left it


def test_the_program_collects_in_the_gui_thread(qtbot, monkeypatch):
    seen = []

    def shown(window):
        collectors = QApplication.instance().findChildren(MainThreadGarbageCollector)
        seen.append([collector for collector in collectors if collector.timer.isActive()])

    run_main(qtbot, monkeypatch, on_shown=shown)
    assert seen and len(seen[0]) == 1
