"""The folder a file dialog starts in: the one last chosen for that kind of file (Word's habit).

Kept in `mappen.json` in the config folder (not in settings.toml: it is where the user was, not a
setting). A missing or unreadable file, or a folder that is gone, means: the Documents folder.
"""

from __future__ import annotations

import json
from pathlib import Path

import platformdirs

from composer.errors import ComposerError
from composer.fileio import write_text_atomic
from composer.paths import config_dir

FILE_NAME = "mappen.json"  # not screen text
# The kinds of file dialog (not screen text: keys in the file): exporting a letter, the merge's
# folder, the comparison document, reading a file in (an address list, a letter file).
EXPORT, MERGE, REDLINE, IMPORT = "export", "samenvoegen", "vergelijking", "inlezen"


def documents_folder() -> Path:
    return Path(platformdirs.user_documents_dir())


class LastFolders:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / FILE_NAME

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return {}
        if not isinstance(data, dict):
            return {}
        return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}

    def get(self, kind: str) -> Path:
        """The folder last chosen for `kind`, if it is still there; else the Documents folder."""
        folder = self._read().get(kind)
        if folder and Path(folder).is_dir():
            return Path(folder)
        return documents_folder()

    def remember(self, kind: str, folder: Path) -> None:
        """Best effort: a folder that cannot be remembered is no reason to bother the user."""
        data = self._read()
        data[kind] = str(folder)
        try:
            write_text_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        except (ComposerError, OSError):  # the export itself went fine
            return
