"""Typed settings, read from `settings.toml` in the config dir; every key has a default."""

from __future__ import annotations

import getpass
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.errors import ComposerError
from composer.paths import config_dir

SETTINGS_FILE = "settings.toml"


def _default_author() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


@dataclass
class Settings:
    author: str = field(default_factory=_default_author)
    # Salutation for an organisation without a person, or several addressees.
    group_salutation: str = "Geachte dames en heren,"
    kenmerk_pattern: str = "KSF/{yyyy}/{seq:04d}"
    # Per template, millimetre overrides of the manifest's "layout", e.g.
    # [layout.brief] address_top_mm = 48
    layout: dict[str, dict[str, float]] = field(default_factory=dict)


def settings_path() -> Path:
    return config_dir() / SETTINGS_FILE


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.is_file():
        return Settings()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ComposerError(
            f"Het instellingenbestand ‘{path}’ kan niet worden gelezen: {exc}."
        ) from None
    settings = Settings()
    for key in ("author", "group_salutation", "kenmerk_pattern"):
        if key in data:
            if not isinstance(data[key], str):
                raise ComposerError(f"Instelling ‘{key}’ in ‘{path}’ moet tekst zijn.")
            setattr(settings, key, data[key])
    layout = data.get("layout", {})
    if not isinstance(layout, dict):
        raise ComposerError(f"Instelling ‘layout’ in ‘{path}’ moet een tabel zijn.")
    for template, values in layout.items():
        if not isinstance(values, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()
        ):
            raise ComposerError(
                f"Instelling ‘layout.{template}’ in ‘{path}’ moet millimeters (getallen) bevatten."
            )
        settings.layout[template] = {k: float(v) for k, v in values.items()}
    return settings
