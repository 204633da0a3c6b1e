"""Typed settings, read from and written to `settings.toml` in the config dir; all have defaults."""

from __future__ import annotations

import getpass
import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from composer.errors import ComposerError
from composer.fileio import write_text_atomic
from composer.i18n import LANGUAGES, _
from composer.paths import config_dir

SETTINGS_FILE = "settings.toml"
# Millimetre values a template or settings.toml may give: 0 up to this (A3 is 420 mm long).
MAX_LAYOUT_MM = 500
# How the connection to the office's mail server is secured, and each one's usual port.
MAIL_SECURITY = ("starttls", "ssl", "geen")
MAIL_PORTS = {"starttls": 587, "ssl": 465, "geen": 25}


def valid_millimetres(value: object) -> bool:
    """A number (not a bool, not NaN or infinite) from 0 to MAX_LAYOUT_MM."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if isinstance(value, float) and not math.isfinite(value):
        return False
    return 0 <= value <= MAX_LAYOUT_MM


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
    # The soffice program chosen by the user; "" means: look for it (COMPOSER_SOFFICE, PATH, …).
    libreoffice_path: str = ""
    # The library: sqlite:///… or postgresql://…; "" means the SQLite file in the data folder.
    # Instellingen opens another library at once.
    database_url: str = ""
    # The language of the screen (composer.i18n.LANGUAGES); letters are always Dutch.
    language: str = "nl"
    # E-mail (composer/sending/mail_settings.py): the office's SMTP server. The password is kept
    # in the operating system's keyring, never here. `mail_sender` "" means the organisation
    # profile's e-mail; `mail_cc` and `mail_bcc` are addresses separated by commas.
    mail_host: str = ""
    mail_port: int = 587
    mail_security: str = "starttls"  # one of MAIL_SECURITY
    mail_user: str = ""
    mail_sender: str = ""
    mail_cc: str = ""
    mail_bcc: str = ""
    # Not a setting but where `author` came from: True while it is only the login name (no name
    # in settings.toml yet), so the window asks for the user's name on its first start.
    author_from_login: bool | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.author_from_login is None:
            self.author_from_login = self.author == _default_author()


TEXT_KEYS = (
    "author",
    "group_salutation",
    "kenmerk_pattern",
    "libreoffice_path",
    "database_url",
    "language",
    "mail_host",
    "mail_security",
    "mail_user",
    "mail_sender",
    "mail_cc",
    "mail_bcc",
)


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
            _("Het instellingenbestand ‘{path}’ kan niet worden gelezen: {reason}.").format(
                path=path, reason=exc
            )
        ) from None
    settings = Settings()
    for key in TEXT_KEYS:
        if key in data:
            if not isinstance(data[key], str):
                raise ComposerError(
                    _("Instelling ‘{key}’ in ‘{path}’ moet tekst zijn.").format(key=key, path=path)
                )
            setattr(settings, key, data[key])
    settings.author_from_login = "author" not in data
    if settings.language not in LANGUAGES:
        names = ", ".join(f"‘{code}’" for code in LANGUAGES)
        raise ComposerError(
            _("Instelling ‘language’ in ‘{path}’ is ‘{value}’; kies uit {choices}.").format(
                path=path, value=settings.language, choices=names
            )
        )
    _load_mail_port(settings, data, path)
    if settings.mail_security not in MAIL_SECURITY:
        names = ", ".join(f"‘{code}’" for code in MAIL_SECURITY)
        raise ComposerError(
            _("Instelling ‘mail_security’ in ‘{path}’ is ‘{value}’; kies uit {choices}.").format(
                path=path, value=settings.mail_security, choices=names
            )
        )
    layout = data.get("layout", {})
    if not isinstance(layout, dict):
        raise ComposerError(
            _("Instelling ‘layout’ in ‘{path}’ moet een tabel zijn.").format(path=path)
        )
    for template, values in layout.items():
        if not isinstance(values, dict) or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in values.values()
        ):
            raise ComposerError(
                _(
                    "Instelling ‘layout.{template}’ in ‘{path}’ moet millimeters (getallen) "
                    "bevatten."
                ).format(template=template, path=path)
            )
        for key, value in values.items():
            if not valid_millimetres(value):
                raise ComposerError(_layout_problem(template, key, value, path))
        settings.layout[template] = {k: float(v) for k, v in values.items()}
    return settings


def valid_port(value: object) -> bool:
    """A whole number from 1 to 65535 (not a bool)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 65535


def _load_mail_port(settings: Settings, data: dict[str, Any], path: Path) -> None:
    if "mail_port" not in data:
        return
    if not valid_port(data["mail_port"]):
        raise ComposerError(
            _(
                "Instelling ‘mail_port’ in ‘{path}’ moet een poortnummer van 1 tot en met 65535 "
                "zijn, zoals 587."
            ).format(path=path)
        )
    settings.mail_port = data["mail_port"]


def _layout_problem(template: str, key: str, value: object, path: Path | None = None) -> str:
    """The message for a millimetre setting that is not a number from 0 to MAX_LAYOUT_MM."""
    if isinstance(value, int) and abs(value) >= 10**15:
        shown = _("een getal van meer dan 15 cijfers")
    else:
        shown = str(value)
    values = {"setting": f"layout.{template}.{key}", "value": shown, "maximum": MAX_LAYOUT_MM}
    if path is None:
        return _(
            "Instelling ‘{setting}’ is {value}; gebruik een getal van 0 tot en met {maximum} "
            "(millimeter)."
        ).format(**values)
    return _(
        "Instelling ‘{setting}’ in ‘{path}’ is {value}; gebruik een getal van 0 tot en met "
        "{maximum} (millimeter)."
    ).format(path=path, **values)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _toml_string(text: str) -> str:
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    out = []
    for char in text:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


def _toml_number(template: str, key: str, value: float) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ComposerError(
            _("Instelling ‘layout.{template}.{key}’ moet een getal zijn.").format(
                template=template, key=key
            )
        )
    if not valid_millimetres(value):
        raise ComposerError(_layout_problem(template, key, value))
    return repr(float(value))


def settings_text(settings: Settings) -> str:
    """The settings as TOML: the text keys, then one `[layout.<template>]` table per template."""
    lines = ["# Instellingen van Brievencomposer (geschreven door het programma).", ""]
    lines += [f"{key} = {_toml_string(getattr(settings, key))}" for key in TEXT_KEYS]
    if not valid_port(settings.mail_port):
        raise ComposerError(
            _("De poort van de mailserver moet een getal van 1 tot en met 65535 zijn, zoals 587.")
        )
    lines.append(f"mail_port = {settings.mail_port}")
    for template, values in sorted(settings.layout.items()):
        if not values:
            continue
        lines += ["", f"[layout.{_toml_key(template)}]"]
        lines += [
            f"{_toml_key(key)} = {_toml_number(template, key, value)}"
            for key, value in sorted(values.items())
        ]
    return "\n".join(lines) + "\n"


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write the settings atomically (the config folder is made when needed); returns the file."""
    path = path or settings_path()
    text = settings_text(settings)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ComposerError(
            _(
                "Een instelling bevat een ongeldig teken dat niet kan worden opgeslagen. Typ de "
                "tekst opnieuw."
            )
        ) from None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ComposerError(
            _("De map voor de instellingen (‘{folder}’) kan niet worden gemaakt: {reason}.").format(
                folder=path.parent, reason=exc.strerror
            )
        ) from None
    write_text_atomic(path, text)
    return path
