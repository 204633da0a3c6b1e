"""Files for the user: atomic writes (a temp file, then replace) and read errors in Dutch."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import _

# "No space left on device" and "disk quota exceeded": both mean the user must make room.
DISK_FULL_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT})


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def disk_full(path: Path) -> ComposerError:
    """The message when `path` could not be written because the disk (or quota) is full."""
    return ComposerError(
        _(
            "De schijf is vol: ‘{path}’ kon niet worden geschreven. Maak ruimte vrij en probeer "
            "het opnieuw; een eerder bestand met deze naam is niet veranderd."
        ).format(path=path)
    )


def write_problem(path: Path, exc: OSError) -> ComposerError:
    """The message for an OSError while writing `path` (disk full, read-only, no access, …)."""
    if exc.errno in DISK_FULL_ERRORS:
        return disk_full(path)
    if exc.errno == errno.EROFS:
        return ComposerError(
            _(
                "‘{path}’ kon niet worden geschreven: de schijf is alleen-lezen. Kies een andere "
                "map."
            ).format(path=path)
        )
    if isinstance(exc, PermissionError):
        return ComposerError(
            _("Geen toegang tot ‘{path}’. Is het bestand nog open in Word?").format(path=path)
        )
    return ComposerError(
        _("Kan ‘{path}’ niet schrijven: {reason}.").format(path=path, reason=exc.strerror or exc)
    )


@contextlib.contextmanager
def read_problems(
    path: Path, *, missing: str, folder: str, no_access: str, unreadable: str | None = None
) -> Iterator[None]:
    """Turn the OSError of reading `path` into a ComposerError with the caller's message.

    Each message is translated text with `{path}`; `unreadable` also has `{reason}`. Without
    `unreadable`, any other OSError passes unchanged.
    """
    try:
        yield
    except FileNotFoundError:
        raise ComposerError(missing.format(path=path)) from None
    except IsADirectoryError:
        raise ComposerError(folder.format(path=path)) from None
    except PermissionError:
        raise ComposerError(no_access.format(path=path)) from None
    except OSError as error:
        if unreadable is None:
            raise
        raise ComposerError(unreadable.format(path=path, reason=error.strerror)) from None


def make_folder(folder: Path) -> None:
    """Make `folder` (and its parents) when it is not there; a Dutch message when that fails."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ComposerError(
            _("De map ‘{folder}’ kan niet worden gemaakt: {reason}.").format(
                folder=folder, reason=exc.strerror
            )
        ) from None


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
        if exc.errno in DISK_FULL_ERRORS or exc.errno == errno.EROFS:
            raise write_problem(path, exc) from None
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
        raise write_problem(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_work_file(path: Path, data: bytes) -> None:
    """Write a scratch file (in a temporary folder) plainly; a full disk is a Dutch message."""
    try:
        Path(path).write_bytes(data)
    except OSError as exc:
        raise write_problem(Path(path), exc) from None
