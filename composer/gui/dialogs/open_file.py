"""Choosing a file to open, starting in the folder last used for that kind of file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from composer.app.last_folders import LastFolders


def open_file(parent: QWidget, title: str, kind: str, file_filter: str) -> Path | None:
    """The file the person chose (its folder remembered under `kind` for the next time), or
    None when cancelled. `title` and `file_filter` are screen texts, already translated."""
    folders = LastFolders()
    name, _chosen_filter = QFileDialog.getOpenFileName(
        parent, title, str(folders.get(kind)), file_filter
    )
    if not name:
        return None
    folders.remember(kind, Path(name).parent)
    return Path(name)
