"""Runs LibreOffice in a process group of its own, so a hung run is killed with all its children.

Every group is guarded (`lifetime`): it also dies when Composer itself is killed."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from composer.render.pdf import lifetime

POLL_SECONDS = 0.05
_WINDOWS = sys.platform == "win32"


@dataclass(frozen=True)
class RunOutcome:
    """How a run ended: `returncode` is None when Composer killed it (timeout or stop)."""

    returncode: int | None
    seconds: float
    timed_out: bool = False
    stopped: bool = False
    output: str = ""

    @property
    def killed(self) -> bool:
        return self.timed_out or self.stopped


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (POSIX; on Windows os.kill(pid, 0) would end it). When
    the answer is unclear (someone else's process, another error) it counts as running, so
    whoever asks keeps what belongs to it."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def start_group(args: Sequence[str], log: Path) -> subprocess.Popen[bytes]:
    """Start `args` (output to `log`) in a new process group that dies with Composer; end it
    with `kill_group` (or `run_group` does)."""
    if _WINDOWS:
        group = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.CREATE_NO_WINDOW}
    else:  # own session and process group: killpg also reaches soffice.bin and its helpers
        group = {"start_new_session": True}
    with open(log, "wb") as stream:
        process = subprocess.Popen(
            list(args), stdin=subprocess.DEVNULL, stdout=stream, stderr=stream, **group
        )
    lifetime.guard(process)
    return process


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the process and everything it started, then reap it."""
    if _WINDOWS:
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            capture_output=True,
            check=False,
            creationflags=subprocess.CREATE_NO_WINDOW,
        )
        with contextlib.suppress(OSError):
            process.kill()
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)
    if process.returncode is not None:  # else it stays guarded
        lifetime.release(process)


def _sweep_group(process: subprocess.Popen[bytes]) -> None:
    """After a normal exit: make sure no helper of the group stays behind (POSIX only)."""
    if not _WINDOWS:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    lifetime.release(process)


def _tail(log: Path, size: int = 2000) -> str:
    try:
        with open(log, "rb") as stream:
            stream.seek(max(0, log.stat().st_size - size))
            return stream.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""


def run_group(
    args: Sequence[str],
    *,
    timeout: float,
    log: Path,
    should_stop: Callable[[], bool] = lambda: False,
) -> RunOutcome:
    """Run `args`, output to `log`; kill the whole group after `timeout` s or on `should_stop`."""
    start = time.monotonic()
    process = start_group(args, log)
    deadline = start + timeout
    timed_out = stopped = False
    try:
        while True:
            try:
                process.wait(timeout=POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                pass
            if should_stop():
                stopped = True
            elif time.monotonic() >= deadline:
                timed_out = True
            if stopped or timed_out:
                kill_group(process)
                break
    except BaseException:
        kill_group(process)
        raise
    _sweep_group(process)
    return RunOutcome(
        returncode=None if (stopped or timed_out) else process.returncode,
        seconds=time.monotonic() - start,
        timed_out=timed_out,
        stopped=stopped,
        output=_tail(log),
    )
