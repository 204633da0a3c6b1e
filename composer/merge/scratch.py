"""Scratch folders of a merge (`composer-merge-<pid>-…` in the temp folder), and the sweep that
removes those a killed merge left behind."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from composer.render.pdf.process_group import process_alive

PREFIX = "composer-merge-"
# Where the owner cannot be asked (Windows: os.kill would end the process; or a folder of an
# older Composer without a pid in its name), a folder this old is left over.
STALE_AFTER_SECONDS = 24 * 60 * 60


def scratch_folder() -> Path:
    """A new empty folder for this process: `composer-merge-<pid>-<random>`."""
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-"))


def _owner(folder: Path) -> int | None:
    pid_text = folder.name[len(PREFIX) :].split("-", 1)[0]
    return int(pid_text) if pid_text.isdigit() else None


def _old(folder: Path) -> bool:
    try:
        return time.time() - folder.stat().st_mtime > STALE_AFTER_SECONDS
    except OSError:
        return False


def _stale(folder: Path) -> bool:
    pid = _owner(folder)
    if pid == os.getpid():
        return False  # another merge of this program may be running in a thread
    if pid is None or sys.platform == "win32":
        return _old(folder)
    return not process_alive(pid)


def sweep_stale(root: Path | None = None) -> None:
    """Remove the scratch folders of merges whose process no longer runs."""
    root = Path(root or tempfile.gettempdir())
    try:
        folders = [
            path for path in root.glob(f"{PREFIX}*") if path.is_dir() and not path.is_symlink()
        ]
    except OSError:
        return
    for folder in folders:
        if _stale(folder):
            shutil.rmtree(folder, ignore_errors=True)
