"""An op runs on the Workspace off the GUI thread, reports back on it, guards its owner, and
says what it changed."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QMessageBox, QWidget

from composer.app.workspace import Workspace
from composer.errors import ComposerError
from composer.gui.changes import SAVED, changes
from composer.gui.ops import Op, workspace_of
from composer.settings import Settings


@pytest.fixture
def owner(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_work_gets_the_workspace_and_the_result_arrives_on_the_gui_thread(qtbot, owner):
    workspace = Workspace(Settings(author="Anna"))
    seen = {}

    def work(given: Workspace) -> int:
        seen["workspace"], seen["thread"] = given, threading.current_thread()
        return 42

    done = []
    Op(owner, work, workspace=workspace).success(
        lambda value: done.append((value, threading.current_thread()))
    ).run()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [(42, threading.main_thread())]
    assert seen["workspace"] is workspace
    assert seen["thread"] is not threading.main_thread()


def test_the_workspace_is_the_window_s(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.workspace = Workspace(Settings(author="Bert"))
    owner = QWidget(window)
    assert workspace_of(owner) is window.workspace
    authors = []
    Op(owner, lambda workspace: workspace.settings.author).success(authors.append).run()
    qtbot.waitUntil(lambda: bool(authors), timeout=5000)
    assert authors == ["Bert"]


def test_a_composer_error_reaches_the_failure_callback(qtbot, owner):
    errors = []

    def work(_workspace):
        raise ComposerError("Er ging iets mis.")

    Op(owner, work).failure(errors.append).run()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors[0].message == "Er ging iets mis."


def test_without_a_failure_callback_the_error_is_shown_the_one_way(qtbot, owner, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, *args: shown.append(parent))

    def work(_workspace):
        raise ComposerError("De bibliotheek is weg.")

    Op(owner, work).run()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert shown == [owner]


def test_a_deleted_owner_gets_no_callback(qtbot):
    owner = QWidget()
    gate = threading.Event()
    called, left = [], []
    Op(owner, lambda _workspace: "klaar" if gate.wait(5) else "te laat").success(
        called.append
    ).orphaned(left.append).run()
    owner.deleteLater()
    qtbot.waitUntil(lambda: not _alive(owner), timeout=5000)
    gate.set()
    qtbot.waitUntil(lambda: bool(left), timeout=5000)
    assert called == [] and left == ["klaar"]


def test_a_declared_change_is_emitted_after_success(qtbot, owner):
    with qtbot.waitSignal(changes().changed, timeout=5000) as emitted:
        Op(owner, lambda _workspace: 7).changes(lambda result: result, SAVED).run()
    assert emitted.args == [7, SAVED]


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)
