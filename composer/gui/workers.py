"""The one way the GUI runs slow work: in a thread pool, results delivered on the GUI thread.

Like Anki's CollectionOp: `BackgroundTask(fn).on_success(cb).on_error(cb).start()`. The callbacks
run in the GUI thread (queued signal), so they may touch widgets; `fn` must never touch widgets.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from composer.errors import ComposerError


class _Relay(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.function = function
        self.relay = relay

    def run(self) -> None:  # worker thread
        try:
            result = self.function()
        except ComposerError as exc:
            self.relay.failed.emit(exc)
        except Exception as exc:  # a programming error: keep the traceback for the message box
            exc.composer_traceback = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit(exc)
        else:
            self.relay.succeeded.emit(result)


_running: set[_Relay] = set()  # keep relays alive until their job reported


class BackgroundTask:
    def __init__(self, function: Callable[[], Any], pool: QThreadPool | None = None) -> None:
        self.function = function
        self.pool = pool or QThreadPool.globalInstance()
        self._success: Callable[[Any], None] | None = None
        self._error: Callable[[BaseException], None] | None = None

    def on_success(self, callback: Callable[[Any], None]) -> BackgroundTask:
        self._success = callback
        return self

    def on_error(self, callback: Callable[[BaseException], None]) -> BackgroundTask:
        self._error = callback
        return self

    def start(self) -> None:
        relay = _Relay()
        _running.add(relay)

        def succeeded(result: object) -> None:
            _running.discard(relay)
            if self._success:
                self._success(result)

        def failed(error: object) -> None:
            _running.discard(relay)
            if self._error:
                self._error(error)  # type: ignore[arg-type]
            else:
                raise error  # type: ignore[misc]

        relay.succeeded.connect(succeeded)
        relay.failed.connect(failed)
        self.pool.start(_Job(self.function, relay))
