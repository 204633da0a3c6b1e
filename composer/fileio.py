"""Writes files for the user atomically: a temp file in the same folder, then replace."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import _


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the whole new one, never half."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise ComposerError(
            _("De map ‘{folder}’ bestaat niet. Kies een bestaande map.").format(folder=folder)
        )
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except PermissionError:
        raise ComposerError(
            _("Geen schrijfrechten in de map ‘{folder}’.").format(folder=folder)
        ) from None
    except OSError as exc:
        raise ComposerError(
            _("Kan niet schrijven in de map ‘{folder}’: {reason}.").format(
                folder=folder, reason=exc.strerror
            )
        ) from None
    try:
        os.chmod(temp_name, 0o666 & ~_current_umask())
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(exc, PermissionError):
            raise ComposerError(
                _("Geen toegang tot ‘{path}’. Is het bestand nog open in Word?").format(path=path)
            ) from None
        raise ComposerError(
            _("Kan ‘{path}’ niet schrijven: {reason}.").format(path=path, reason=exc.strerror)
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))
