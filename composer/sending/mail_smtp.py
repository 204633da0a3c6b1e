"""Sending the messages through the office's SMTP server: one connection, one message each.

A refused recipient fails only that message; a lost connection fails the ones not yet sent;
`cancelled()` is asked before each message and stops the rest. Errors are plain Dutch."""

from __future__ import annotations

import smtplib
import socket
import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import N_, _
from composer.sending.mail_message import OutgoingMail, envelope_recipients
from composer.sending.mail_settings import MailSettings, require_sender, sender_address

TIMEOUT_SECONDS = 30
Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
SETTINGS_PLACE = N_("Extra > Instellingen > E-mail")  # where the mail settings are, on screen


@dataclass(frozen=True)
class MailResult:
    addressee_index: int
    ok: bool
    message_id: str = ""
    error: str = ""  # Dutch, "" when ok
    path: Path | None = None  # the .eml file written (write_eml), else None


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _connection_problem(mail: MailSettings, exc: BaseException) -> str:
    """What went wrong while connecting, logging in or securing the connection."""
    where = {"host": mail.host, "port": mail.port, "settings": _(SETTINGS_PLACE)}
    if isinstance(exc, socket.gaierror):
        return _(
            "De mailserver ‘{host}’ is niet gevonden. Controleer de naam van de server onder "
            "{settings} en de verbinding met het netwerk."
        ).format(**where)
    if isinstance(exc, ConnectionRefusedError):
        return _(
            "De mailserver ‘{host}’ weigert de verbinding op poort {port}. Controleer de poort "
            "en de beveiliging onder {settings}."
        ).format(**where)
    if isinstance(exc, TimeoutError | socket.timeout):
        return _(
            "De mailserver ‘{host}’ antwoordt niet binnen {seconds} seconden. Controleer de "
            "server en de poort onder {settings}, of probeer het later opnieuw."
        ).format(seconds=TIMEOUT_SECONDS, **where)
    if isinstance(exc, ssl.SSLError):
        return _(
            "De beveiligde verbinding (TLS) met ‘{host}’ is mislukt: {reason}. Controleer of "
            "de beveiliging (STARTTLS of SSL) bij poort {port} past, onder {settings}."
        ).format(reason=getattr(exc, "reason", None) or exc, **where)
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        return _(
            "De mailserver weigert de aanmelding van ‘{user}’ ({reason}). Controleer de "
            "gebruikersnaam en het wachtwoord onder {settings}."
        ).format(user=mail.user, reason=_smtp_reason(exc), **where)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return _("De verbinding met de mailserver is verbroken. Probeer het later opnieuw.")
    if isinstance(exc, smtplib.SMTPResponseException):
        return _("De mailserver ‘{host}’ weigert de verbinding: {reason}.").format(
            reason=_smtp_reason(exc), **where
        )
    return _("De verbinding met de mailserver ‘{host}’ is mislukt: {reason}.").format(
        reason=getattr(exc, "strerror", None) or exc, **where
    )


def _smtp_reason(exc: smtplib.SMTPResponseException) -> str:
    return f"{exc.smtp_code} {_text(exc.smtp_error)}".strip()


def _no_starttls(mail: MailSettings) -> str:
    return _(
        "De mailserver ‘{host}’ biedt op poort {port} geen STARTTLS aan. Kies onder {settings} "
        "SSL/TLS (meestal poort 465), of Geen als de server op deze computer of in het "
        "kantoornetwerk staat."
    ).format(host=mail.host, port=mail.port, settings=_(SETTINGS_PLACE))


def _no_login(mail: MailSettings) -> str:
    return _(
        "De mailserver ‘{host}’ biedt geen aanmelding aan. Laat de gebruikersnaam leeg onder "
        "{settings}, of kies STARTTLS: veel servers vragen pas daarna om een wachtwoord."
    ).format(host=mail.host, settings=_(SETTINGS_PLACE))


def open_connection(mail: MailSettings, password: str | None) -> smtplib.SMTP:
    """A connected (and, with a user, logged in) SMTP session; a Dutch ComposerError if not."""
    if not mail.host:
        raise ComposerError(
            _("Er is geen mailserver ingesteld. Vul die in onder {settings}.").format(
                settings=_(SETTINGS_PLACE)
            )
        )
    if mail.user and not password:
        raise ComposerError(
            _(
                "Er is geen wachtwoord voor ‘{user}’ op ‘{host}’. Vul het in onder {settings}."
            ).format(user=mail.user, host=mail.host, settings=_(SETTINGS_PLACE))
        )
    connection: smtplib.SMTP | None = None
    try:
        if mail.security == "ssl":
            connection = smtplib.SMTP_SSL(
                mail.host, mail.port, timeout=TIMEOUT_SECONDS, context=ssl.create_default_context()
            )
        else:
            connection = smtplib.SMTP(mail.host, mail.port, timeout=TIMEOUT_SECONDS)
        connection.ehlo()
        if mail.security == "starttls":
            if not connection.has_extn("starttls"):
                raise ComposerError(_no_starttls(mail))
            connection.starttls(context=ssl.create_default_context())
            connection.ehlo()
        if mail.user:
            if not connection.has_extn("auth"):
                raise ComposerError(_no_login(mail))
            connection.login(mail.user, password or "")
    except (OSError, smtplib.SMTPException, ComposerError) as exc:
        if connection is not None:
            _close(connection)
        if isinstance(exc, ComposerError):
            raise
        raise ComposerError(_connection_problem(mail, exc)) from None
    return connection


def _close(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (OSError, smtplib.SMTPException):
        connection.close()


def check_connection(mail: MailSettings, password: str | None) -> None:
    """Connect and log in, then leave ("Testverbinding"); a Dutch ComposerError when it fails."""
    _close(open_connection(mail, password))


def _refusal(exc: smtplib.SMTPRecipientsRefused, address: str) -> str:
    code, reason = exc.recipients.get(address, next(iter(exc.recipients.values()), (0, b"")))
    return _("De mailserver weigert het adres {address}: {code} {reason}.").format(
        address=address, code=code, reason=_text(reason)
    )


def _send_one(
    connection: smtplib.SMTP, outgoing: OutgoingMail, mail: MailSettings, sender: str
) -> MailResult:
    """Send one message; a refusal of this message is its result, a lost connection raises."""
    recipients = envelope_recipients(outgoing, mail)
    try:
        refused = connection.send_message(
            outgoing.message, from_addr=sender_address(sender), to_addrs=recipients
        )
    except smtplib.SMTPRecipientsRefused as exc:
        return MailResult(outgoing.addressee_index, False, "", _refusal(exc, outgoing.to))
    except smtplib.SMTPSenderRefused as exc:
        reason = _("De mailserver weigert de afzender {sender}: {reason}.").format(
            sender=_text(exc.sender), reason=_smtp_reason(exc)
        )
        return MailResult(outgoing.addressee_index, False, "", reason)
    except smtplib.SMTPDataError as exc:
        reason = _("De mailserver weigert het bericht: {reason}.").format(reason=_smtp_reason(exc))
        return MailResult(outgoing.addressee_index, False, "", reason)
    if outgoing.to in refused:
        code, text = refused[outgoing.to]
        reason = _("De mailserver weigert het adres {address}: {code} {reason}.").format(
            address=outgoing.to, code=code, reason=_text(text)
        )
        return MailResult(outgoing.addressee_index, False, "", reason)
    return MailResult(outgoing.addressee_index, True, outgoing.message_id, "")


def _label(outgoing: OutgoingMail) -> str:
    """`N. van Liemt <n.vanliemt@wfc.voorbeeld.nl>` (no quotes: it is shown, not sent)."""
    addresses = getattr(outgoing.message["To"], "addresses", ())
    name = addresses[0].display_name if addresses else ""
    return f"{name} <{outgoing.to}>" if name else outgoing.to


def send_mails(
    mails: Sequence[OutgoingMail],
    mail: MailSettings,
    password: str | None,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[MailResult]:
    """Send every message over one connection; one MailResult per message, in order.

    A connection that cannot be made, or a login refused, fails them all with the reason.
    """
    if not mails:
        return []
    total = len(mails)
    try:
        sender = require_sender(mail)
        connection = open_connection(mail, password)
    except ComposerError as exc:
        return [MailResult(m.addressee_index, False, "", exc.message) for m in mails]
    results: list[MailResult] = []
    try:
        for done, outgoing in enumerate(mails):
            if cancelled is not None and cancelled():
                stopped = _("Niet verstuurd: het versturen is afgebroken.")
                results += [MailResult(m.addressee_index, False, "", stopped) for m in mails[done:]]
                break
            if progress is not None:
                progress(done, total, _label(outgoing))
            try:
                results.append(_send_one(connection, outgoing, mail, sender))
            except (OSError, smtplib.SMTPException):
                lost = _(
                    "De verbinding met de mailserver is verbroken; dit bericht is niet verstuurd. "
                    "Probeer het opnieuw."
                )
                results += [MailResult(m.addressee_index, False, "", lost) for m in mails[done:]]
                break
        else:
            if progress is not None:
                progress(total, total, "")
    finally:
        _close(connection)
    return results
