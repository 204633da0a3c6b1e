"""Every LibreOffice that Composer starts dies with Composer, even when Composer is killed.

POSIX (Linux, macOS): one small watchdog per Composer process, a `/bin/sh` loop in a session of
its own that ignores HUP, INT and TERM. It reads `+<group>` and `-<group>` lines from a pipe whose
write end only Composer holds. However Composer ends (quit, crash, SIGKILL) the kernel closes that
pipe; the watchdog then kills every process group still listed, and exits. Each LibreOffice runs
in a process group of its own, so this reaches soffice, the soffice.bin it forks and their
helpers; it works for processes started from any thread and in the frozen build (no Python).

Why not prctl(PR_SET_PDEATHSIG) (Linux only): it fires when the *thread* that started the child
ends, so the preview's warm LibreOffice, started from a pool thread, would die with that thread;
and it is not inherited through fork, so it stops soffice (oosplash) but not soffice.bin.

Windows: every process is put in one Job object that kills its processes when its last handle
closes; only Composer holds that handle, so this too holds for a killed Composer. A child that
soffice.exe starts before it is put in the job is not covered (a few milliseconds).

If the watchdog cannot start (no /bin/sh), or dies, LibreOffice runs as before: `guard` is a
safety net, stopping the processes normally stays the caller's work (`kill_group`).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import threading

_WINDOWS = sys.platform == "win32"
SHELL = "/bin/sh"
# The watchdog: collects group ids until its input closes, then kills the groups still listed.
WATCHDOG_SCRIPT = """\
trap '' HUP INT TERM
groups=' '
while IFS= read -r line; do
  group=${line#?}
  case $group in ''|*[!0-9]*) continue ;; esac
  case $line in
    +*) groups="$groups$group " ;;
    -*) kept=' '
        for listed in $groups; do [ "$listed" = "$group" ] || kept="$kept$listed "; done
        groups=$kept ;;
  esac
done
for listed in $groups; do kill -s KILL -- "-$listed" 2>/dev/null; done
"""


class _Watchdog:
    """The watchdog of this process (POSIX): runs while at least one group is listed."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.process: subprocess.Popen[bytes] | None = None
        self.pipe: int | None = None  # our (write) end of the watchdog's input
        self.groups: set[int] = set()
        self.failed = False  # /bin/sh cannot be started here: do not try on every run

    def _start(self) -> bool:
        if self.failed:
            return False
        read_end, write_end = os.pipe()  # both not inherited by the processes we start
        try:
            self.process = subprocess.Popen(
                [SHELL, "-c", WATCHDOG_SCRIPT],
                stdin=read_end,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                cwd="/",
                start_new_session=True,  # a Ctrl+C or hang-up for Composer does not reach it
            )
        except OSError:
            os.close(write_end)
            self.failed = True
            return False
        finally:
            os.close(read_end)
        self.pipe = write_end
        return True

    def _write(self, text: str) -> bool:
        if self.pipe is None:
            return False
        try:
            os.write(self.pipe, text.encode("ascii"))  # short lines: one atomic write
        except OSError:  # the watchdog is gone (killed by hand?)
            self._stop()
            return False
        return True

    def _stop(self) -> None:
        """Close our end: the watchdog kills what is still listed (nothing, normally), ends."""
        pipe, process = self.pipe, self.process
        self.pipe = self.process = None
        if pipe is not None:
            with contextlib.suppress(OSError):
                os.close(pipe)
        if process is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=5)

    def add(self, group: int) -> None:
        with self.lock:
            self.groups.add(group)
            if self._write(f"+{group}\n"):
                return
            if self._start():  # the first group, or the watchdog was lost: tell it them all
                self._write("".join(f"+{listed}\n" for listed in sorted(self.groups)))

    def remove(self, group: int) -> None:
        with self.lock:
            if group not in self.groups:
                return
            self.groups.discard(group)
            self._write(f"-{group}\n")
            if not self.groups:  # no LibreOffice runs: no watchdog either
                self._stop()

    def after_fork(self) -> None:
        """In a forked child: the parent's pipe must not keep the parent's watchdog waiting."""
        self.lock = threading.Lock()
        self.groups = set()
        if self.pipe is not None:
            with contextlib.suppress(OSError):
                os.close(self.pipe)
        self.pipe = self.process = None


def _kernel32():  # Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = wintypes.HANDLE
    kernel32.CreateJobObjectW.argtypes = [ctypes.c_void_p, wintypes.LPCWSTR]
    kernel32.CreateJobObjectW.restype = handle
    kernel32.SetInformationJobObject.argtypes = [
        handle,
        ctypes.c_int,
        ctypes.c_void_p,
        wintypes.DWORD,
    ]
    kernel32.SetInformationJobObject.restype = wintypes.BOOL
    kernel32.AssignProcessToJobObject.argtypes = [handle, handle]
    kernel32.AssignProcessToJobObject.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = [handle]
    return kernel32


class _Job:
    """Windows: one Job object, killing its processes when Composer's handle to it closes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.handle: int | None = None
        self.failed = False

    def _create(self) -> int | None:
        import ctypes
        from ctypes import wintypes

        class BasicLimits(ctypes.Structure):
            _fields_ = [
                ("PerProcessUserTimeLimit", ctypes.c_int64),
                ("PerJobUserTimeLimit", ctypes.c_int64),
                ("LimitFlags", wintypes.DWORD),
                ("MinimumWorkingSetSize", ctypes.c_size_t),
                ("MaximumWorkingSetSize", ctypes.c_size_t),
                ("ActiveProcessLimit", wintypes.DWORD),
                ("Affinity", ctypes.c_size_t),
                ("PriorityClass", wintypes.DWORD),
                ("SchedulingClass", wintypes.DWORD),
            ]

        class IoCounters(ctypes.Structure):
            _fields_ = [(name, ctypes.c_uint64) for name in ("R", "W", "O", "RB", "WB", "OB")]

        class ExtendedLimits(ctypes.Structure):
            _fields_ = [
                ("BasicLimitInformation", BasicLimits),
                ("IoInfo", IoCounters),
                ("ProcessMemoryLimit", ctypes.c_size_t),
                ("JobMemoryLimit", ctypes.c_size_t),
                ("PeakProcessMemoryUsed", ctypes.c_size_t),
                ("PeakJobMemoryUsed", ctypes.c_size_t),
            ]

        kernel32 = _kernel32()
        job = kernel32.CreateJobObjectW(None, None)
        if not job:
            return None
        limits = ExtendedLimits()
        limits.BasicLimitInformation.LimitFlags = 0x2000  # JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
        extended_limit_information = 9
        if not kernel32.SetInformationJobObject(
            job, extended_limit_information, ctypes.byref(limits), ctypes.sizeof(limits)
        ):
            kernel32.CloseHandle(job)
            return None
        return int(job)  # never closed: Windows closes it when Composer ends, however it ends

    def add(self, process: subprocess.Popen[bytes]) -> None:
        with self.lock:
            if self.handle is None and not self.failed:
                try:
                    self.handle = self._create()
                except (OSError, AttributeError):
                    self.handle = None
                self.failed = self.handle is None
            if self.handle is None:
                return
        _kernel32().AssignProcessToJobObject(self.handle, int(process._handle))  # type: ignore[attr-defined]


_WATCHDOG = _Watchdog()
_JOB = _Job()
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_WATCHDOG.after_fork)


def guard(process: subprocess.Popen[bytes]) -> None:
    """Make `process` and its process group (POSIX: started with start_new_session) die with
    Composer. Call `release` once the group has been killed or has ended."""
    if _WINDOWS:
        with contextlib.suppress(Exception):  # a safety net: never a reason not to convert
            _JOB.add(process)
    else:
        _WATCHDOG.add(process.pid)


def release(process: subprocess.Popen[bytes]) -> None:
    """The group of `process` is gone: the watchdog forgets it (its id may be used again)."""
    if not _WINDOWS:
        _WATCHDOG.remove(process.pid)


def watchdog_pid() -> int | None:
    """The running watchdog's process id (POSIX); None while no LibreOffice is guarded."""
    process = _WATCHDOG.process
    return process.pid if process is not None and process.poll() is None else None
