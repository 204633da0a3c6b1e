"""Private LibreOffice profiles in Composer's cache: one per running soffice, never the user's."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile
import threading
import weakref
from pathlib import Path

from composer.paths import cache_dir
from composer.render.pdf.process_group import process_alive

KINDS = ("profile", "work", "version")
_COUNTER = itertools.count(1)


def lo_root() -> Path:
    """The folder for profiles and work folders: `<cache>/libreoffice`."""
    root = cache_dir() / "libreoffice"
    root.mkdir(parents=True, exist_ok=True)
    return root


def user_installation(profile: Path) -> str:
    """The `-env:UserInstallation=…` argument that points soffice at `profile`."""
    return f"-env:UserInstallation={profile.resolve().as_uri()}"


def private_folder(kind: str, root: Path | None = None) -> Path:
    """A new empty folder `<kind>-<pid>-…` that only this process uses."""
    return Path(tempfile.mkdtemp(prefix=f"{kind}-{os.getpid()}-", dir=root or lo_root()))


def remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def sweep_stale(root: Path | None = None) -> None:
    """Remove folders left by Composer processes that no longer run (POSIX: on Windows
    os.kill(pid, 0) would terminate the process, so leftovers stay there)."""
    if sys.platform == "win32":
        return
    root = root or lo_root()
    for folder in root.iterdir():
        kind, _, rest = folder.name.partition("-")
        pid_text = rest.split("-", 1)[0]
        if kind not in KINDS or not pid_text.isdigit():
            continue
        pid = int(pid_text)
        if pid != os.getpid() and not process_alive(pid):
            remove(folder)


def _remove_all(folders: list[Path], owner: int | None = None) -> None:
    if owner is not None and owner != os.getpid():  # a forked child leaves the parent's alone
        return
    for folder in folders:
        remove(folder)
    folders.clear()


class ProfilePool:
    """Profiles for one engine. A profile is used by one soffice at a time: taken for a run of
    batches, then given back for the next run of this engine; removed on `close()` or exit."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._idle: list[Path] = []
        self._owner = os.getpid()
        self._lock = threading.Lock()
        self._finalizer = weakref.finalize(self, _remove_all, self._idle, self._owner)

    def take(self, worker: int) -> Path:
        with self._lock:
            if self._owner != os.getpid():  # forked: the parent may use these profiles
                self._idle.clear()
                self._owner = os.getpid()
            if self._idle:
                return self._idle.pop()
        return self.root / f"profile-{os.getpid()}-{worker}-{next(_COUNTER)}"

    def give_back(self, profile: Path) -> None:
        with self._lock:
            if self._owner == os.getpid():
                self._idle.append(profile)

    def replace(self, profile: Path, worker: int) -> Path:
        """Throw away a profile that a killed or crashed soffice may have left broken."""
        remove(profile)
        return self.root / f"profile-{os.getpid()}-{worker}-{next(_COUNTER)}"

    def close(self) -> None:
        with self._lock:
            _remove_all(self._idle)
