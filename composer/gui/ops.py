"""The one way the window runs work: `Op(owner, fn)` runs `fn(workspace)` off the GUI thread.

Like Anki's CollectionOp/QueryOp:

    Op(self, lambda ws: ws.send(letter_id)).changes(letter_id, STATUS).success(done).run()

`fn` runs in a thread pool and must never touch a widget. The callbacks run in the GUI thread,
and only while `owner` still exists (a closed, deleted dialog gets none). Without `.failure()`,
a ComposerError is shown with the one `show_error`; any other exception (a programming error)
is raised in the GUI thread, where sys.excepthook logs and shows it (and a test fails). After
success, an op that declared `.changes(letter_id, what)` emits `changes().changed`, so every
panel refreshes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from composer.errors import ComposerError
from composer.gui.changes import changes

if TYPE_CHECKING:
    from composer.app.workspace import Workspace

T = TypeVar("T")  # not screen text


def _window_workspace(owner: QObject | None) -> Workspace | None:
    """The Workspace of the window `owner` is in: the nearest parent that has one."""
    from composer.app.workspace import Workspace

    widget = owner
    while widget is not None:
        found = getattr(widget, "workspace", None)
        if isinstance(found, Workspace):
            return found
        widget = widget.parent()
    return None


def workspace_of(owner: QObject | None) -> Workspace:
    """The Workspace of the window `owner` is in. A widget on its own (a dialog or panel in a
    test) gets one with the settings read from the file (ComposerError when unreadable)."""
    from composer.app.workspace import Workspace

    found = _window_workspace(owner)
    return found if found is not None else Workspace.load()


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, run: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._run = run
        self.relay = relay

    def run(self) -> None:  # worker thread
        run, self._run = self._run, None  # the Op keeps `fn`: its last reference goes in the GUI
        try:
            result = run()
        except BaseException as exc:  # reported in the GUI thread, where it is shown or raised
            self._report("failed", exc)
        else:
            self._report("succeeded", result)

    def _report(self, outcome: str, value: object) -> None:
        try:
            getattr(self.relay, outcome).emit(value)
        except RuntimeError:
            # The program is quitting and Qt has deleted the relay already: there is no one
            # left to tell (a read or an autosave that finished after the window closed).
            if shiboken6.isValid(self.relay):
                raise


_running: set[Op[Any]] = set()  # kept alive until their job has reported


class Op(Generic[T]):
    """`fn(workspace)` in the background; `.success()`, `.failure()`, `.changes()`, `.run()`."""

    def __init__(
        self,
        owner: QObject,
        fn: Callable[[Workspace], T],
        *,
        workspace: Workspace | None = None,
        pool: QThreadPool | None = None,
    ) -> None:
        self.owner = owner
        self.fn = fn
        self.workspace = workspace
        self.pool = pool or QThreadPool.globalInstance()
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._changed: tuple[int | Callable[[T], int], str] | None = None
        self._orphaned: Callable[[T], None] | None = None
        self._relay: _Relay | None = None

    def success(self, callback: Callable[[T], None]) -> Op[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Op[T]:
        """Called for every error; a programming error is raised afterwards all the same."""
        self._failure = callback
        return self

    def orphaned(self, callback: Callable[[T], None]) -> Op[T]:
        """Called with the result instead of `success` when the owner is gone (to close what
        the work opened, say)."""
        self._orphaned = callback
        return self

    def changes(self, letter_id: int | Callable[[T], int], what: str) -> Op[T]:
        """After success: `changes().changed.emit(letter_id, what)`; `letter_id` may be a
        function of the result (a new letter's id)."""
        self._changed = (letter_id, what)
        return self

    def run(self) -> Op[T]:
        workspace = self.workspace if self.workspace is not None else _window_workspace(self.owner)
        relay = self._relay = _Relay()
        relay.succeeded.connect(self._succeeded)
        relay.failed.connect(self._failed)
        _running.add(self)
        fn = self.fn

        def job() -> T:
            from composer.app.workspace import Workspace

            # A widget outside a window (a test): the settings are read here, off the GUI thread.
            return fn(workspace if workspace is not None else Workspace.load())

        self.pool.start(_Job(job, relay))
        return self

    # In the GUI thread

    def _alive(self) -> bool:
        return shiboken6.isValid(self.owner)

    def _done(self) -> None:
        _running.discard(self)
        relay, self._relay = self._relay, None
        if relay is not None:
            relay.deleteLater()

    def _succeeded(self, result: T) -> None:
        self._done()
        if self._changed is not None:
            letter_id, what = self._changed
            changes().changed.emit(letter_id(result) if callable(letter_id) else letter_id, what)
        if not self._alive():
            if self._orphaned is not None:
                self._orphaned(result)
        elif self._success is not None:
            self._success(result)

    def _failed(self, error: BaseException) -> None:
        self._done()
        alive = self._alive()
        if self._failure is not None and alive:
            self._failure(error)
        elif isinstance(error, ComposerError) and alive:
            from composer.gui.show_error import show_error

            owner = self.owner
            show_error(owner if isinstance(owner, QWidget) else None, error)
        if not isinstance(error, ComposerError):
            raise error
