"""The SMTP password, kept in the operating system's keyring (never in settings.toml).

Service "Composer SMTP", username "user@host": one password per account and server."""

from __future__ import annotations

import contextlib

from composer.errors import ComposerError
from composer.i18n import _
from composer.sending.mail_settings import MailSettings

KEYRING_SERVICE = "Composer SMTP"  # not screen text


def keyring_username(mail: MailSettings) -> str:
    return f"{mail.user}@{mail.host}"


def _keyring_problem(exc: Exception) -> ComposerError:
    return ComposerError(
        _(
            "De wachtwoordkluis van het besturingssysteem is niet bereikbaar ({reason}). Het "
            "wachtwoord kan niet worden bewaard of gelezen."
        ).format(reason=exc)
    )


def smtp_password(mail: MailSettings) -> str | None:
    """The stored password of `mail.user` on `mail.host`; None when there is none (or no user)."""
    if not mail.user or not mail.host:
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_username(mail))
    except (KeyringError, RuntimeError, OSError) as exc:  # NoKeyringError: none available
        raise _keyring_problem(exc) from None


def set_smtp_password(mail: MailSettings, password: str) -> None:
    """Store `password` for `mail.user` on `mail.host`; an empty password removes it."""
    if not mail.user or not mail.host:
        raise ComposerError(
            _("Vul eerst de mailserver en de gebruikersnaam in; daarna het wachtwoord.")
        )
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, keyring_username(mail), password)
        else:
            with contextlib.suppress(PasswordDeleteError):  # there was none
                keyring.delete_password(KEYRING_SERVICE, keyring_username(mail))
    except (KeyringError, RuntimeError, OSError) as exc:  # NoKeyringError: none available
        raise _keyring_problem(exc) from None
