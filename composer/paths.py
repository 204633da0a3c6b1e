"""Where Composer finds its templates and resources, and where it keeps the user's files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Composer"
APP_AUTHOR = "Composer"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """The read-only folder `name` ("templates", "resources" or "docs") shipped with the
    program."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller one-folder build
        return Path(frozen_root) / name
    source_tree = _PACKAGE_DIR.parent / name
    if (source_tree / ".composer-root").exists():  # running from a checkout
        return source_tree
    return _PACKAGE_DIR / "data" / name  # installed as package data


def templates_dir() -> Path:
    return _bundled("templates")


def resources_dir() -> Path:
    return _bundled("resources")


def user_guide() -> Path:
    """The user guide (Markdown; its screenshots in `screenshots/` beside it)."""
    return _bundled("docs") / "gebruikershandleiding.md"


def data_dir() -> Path:
    """The user's data: library, catalogue overrides. `COMPOSER_DATA_DIR` overrides it."""
    override = os.environ.get("COMPOSER_DATA_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def config_dir() -> Path:
    override = os.environ.get("COMPOSER_CONFIG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def cache_dir() -> Path:
    override = os.environ.get("COMPOSER_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def log_dir() -> Path:
    """Where the log file is kept (the platform's log folder). `COMPOSER_LOG_DIR` overrides it."""
    override = os.environ.get("COMPOSER_LOG_DIR")
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))
