"""Logging to a rotating file in the platform's log folder, so an error leaves a trace."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from composer.paths import log_dir

LOG_FILE_NAME = "composer.log"
MAX_BYTES = 1_000_000  # one file of 1 MB …
BACKUP_COUNT = 5  # … and five older ones
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

log = logging.getLogger("composer")


def log_file() -> Path:
    """The current log file (it need not exist yet)."""
    return log_dir() / LOG_FILE_NAME


def _our_handler() -> logging.handlers.RotatingFileHandler | None:
    for handler in log.handlers:
        if getattr(handler, "composer_log", False):
            return handler  # type: ignore[return-value]
    return None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log `composer.*` to the rotating file; again for another folder replaces the handler.

    Returns the log file, or None when the folder cannot be written (the program runs on).
    """
    path = log_file()
    handler = _our_handler()
    if handler is not None:
        if Path(handler.baseFilename) == path.resolve():
            return path
        log.removeHandler(handler)
        handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
    except OSError:
        return None
    handler.composer_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(FORMAT))
    log.addHandler(handler)
    if log.level == logging.NOTSET or log.level > level:
        log.setLevel(level)
    return path


def stop_logging() -> None:
    """Close the log file (tests; a program that ends closes it itself)."""
    handler = _our_handler()
    if handler is not None:
        log.removeHandler(handler)
        handler.close()
