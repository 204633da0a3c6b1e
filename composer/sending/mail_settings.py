"""The mail server settings as sending needs them, from settings.toml and the organisation."""

from __future__ import annotations

from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import getaddresses
from typing import Literal

from composer.core.catalogues import Profile
from composer.errors import ComposerError
from composer.i18n import _
from composer.settings import MAIL_PORTS, MAIL_SECURITY, Settings

Security = Literal["starttls", "ssl", "geen"]


@dataclass(frozen=True)
class MailSettings:
    """Where and how mail is sent. `sender` is a full From header ("Naam <adres>")."""

    host: str = ""
    port: int = MAIL_PORTS["starttls"]
    security: Security = "starttls"
    user: str = ""
    sender: str = ""
    cc: tuple[str, ...] = ()
    bcc: tuple[str, ...] = ()


def checked_address(text: str, what: str) -> str:
    """`text` when it is one plain e-mail address (local@domain), else a Dutch ComposerError."""
    address = text.strip()
    local, at, domain = address.rpartition("@")
    if (
        not at
        or not local
        or "." not in domain.strip(".")
        or any(char.isspace() or char in '<>,;"()[]' for char in address)
    ):
        raise ComposerError(
            _(
                "{what}: ‘{address}’ is geen geldig e-mailadres. Gebruik de vorm naam@voorbeeld.nl."
            ).format(what=what, address=text.strip())
        )
    return address


def address_list(text: str, what: str) -> tuple[str, ...]:
    """The addresses in `text`, separated by commas or semicolons; each one checked."""
    parts = [part for part in text.replace(";", ",").split(",") if part.strip()]
    return tuple(checked_address(part, what) for part in parts)


def sender_header(name: str, address: str) -> str:
    """`Klantenservice Federatie <info@ksf.nl>`, quoted where the name needs it."""
    if not name.strip():
        return address
    return str(Address(display_name=" ".join(name.split()), addr_spec=address))


def sender_address(sender: str) -> str:
    """The bare address of a From header: `info@ksf.nl`."""
    pairs = getaddresses([sender])
    return pairs[0][1] if pairs and pairs[0][1] else sender.strip()


def mail_settings(settings: Settings, profile: Profile) -> MailSettings:
    """The mail settings; the sender defaults to the organisation's e-mail and name.

    A wrong value (an address, the security) is a ComposerError that names the setting.
    """
    security = settings.mail_security
    if security not in MAIL_SECURITY:
        raise ComposerError(
            _("De beveiliging van de mailserver is ‘{value}’; kies STARTTLS, SSL of geen.").format(
                value=security
            )
        )
    sender_text = settings.mail_sender.strip()
    if sender_text:
        name, address = getaddresses([sender_text])[0] if "<" in sender_text else ("", sender_text)
        address = checked_address(address, _("Afzender"))
        sender = sender_header(name or profile.name, address)
    elif profile.email.strip():
        address = checked_address(profile.email, _("E-mailadres van de organisatie"))
        sender = sender_header(profile.name, address)
    else:
        sender = ""
    return MailSettings(
        host=settings.mail_host.strip(),
        port=settings.mail_port,
        security=security,  # type: ignore[arg-type]
        user=settings.mail_user.strip(),
        sender=sender,
        cc=address_list(settings.mail_cc, _("Kopie aan (cc)")),
        bcc=address_list(settings.mail_bcc, _("Blinde kopie (bcc)")),
    )


def require_sender(mail: MailSettings) -> str:
    """The From header, or a Dutch error saying where to fill it in."""
    if not mail.sender:
        raise ComposerError(
            _(
                "Er is geen afzender voor de e-mail. Vul onder Extra > Instellingen > E-mail "
                "een afzender in, of onder Extra > Instellingen > Organisatie het e-mailadres van "
                "de organisatie."
            )
        )
    return mail.sender
