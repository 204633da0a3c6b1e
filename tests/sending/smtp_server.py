"""A real SMTP server on localhost (aiosmtpd), started by the tests, that keeps what arrives.

`LocalSmtpServer.start(...)` runs one; the fixtures in tests/sending/conftest.py use it:
- `smtp_server`: no login, no TLS (MailSettings security "geen");
- `smtp_server_with_login`: AUTH PLAIN/LOGIN (user "kantoor", password SMTP_PASSWORD) without
  TLS (`auth_require_tls=False`).
Add an address to `server.refuse` and its RCPT gets "550 5.1.1"; set `server.drop_after = n`
and the connection is cut when message n + 1 arrives. `server.messages` are the received
messages parsed with `email.message_from_bytes(policy=default)`.
"""

from __future__ import annotations

import datetime as dt
import email
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

SMTP_USER = "kantoor"
SMTP_PASSWORD = "post-2022!"
SENDER = "Klantenservice Federatie <info@klantenservicefederatie.nl>"


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes
    login: str | None

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.content, policy=default)  # type: ignore[return-value]


@dataclass
class _Handler:
    refuse: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    drop_after: int | None = None

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.drop_after is not None and len(self.received) >= self.drop_after:
            server.transport.close()
            return "421 4.3.0 closing"
        auth = session.auth_data
        login = auth.login.decode() if isinstance(auth, LoginPassword) else None
        self.received.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), envelope.content, login)
        )
        return "250 Message accepted for delivery"


def _authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (
        auth_data.login == SMTP_USER.encode() and auth_data.password == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """(cert.pem, key.pem) for 127.0.0.1 and localhost, valid for a day."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def body_text(message: EmailMessage) -> str:
    """The plain-text body as a mail program shows it (line breaks as "\\n")."""
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


class LocalSmtpServer:
    host = "127.0.0.1"

    def __init__(self, controller: Controller, handler: _Handler, port: int) -> None:
        self.controller = controller
        self.handler = handler
        self.port = port

    @classmethod
    def start(
        cls, *, login: bool = False, starttls: Path | None = None, implicit_tls: Path | None = None
    ) -> LocalSmtpServer:
        """A running server; `starttls`/`implicit_tls`: a folder to make its certificate in."""
        handler = _Handler()
        port = free_port()
        options: dict[str, object] = {}
        if login:
            options.update(authenticator=_authenticator, auth_require_tls=False)
        if starttls is not None:
            cert, key = self_signed_certificate(starttls)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            options.update(tls_context=context, require_starttls=True)
        if implicit_tls is not None:
            cert, key = self_signed_certificate(implicit_tls)
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(cert, key)
            options.update(ssl_context=context, server_hostname="127.0.0.1")
        controller = Controller(handler, hostname=cls.host, port=port, **options)
        controller.start()
        return cls(controller, handler, port)

    def stop(self) -> None:
        self.controller.stop()

    @property
    def refuse(self) -> set[str]:
        return self.handler.refuse

    @property
    def drop_after(self) -> int | None:
        return self.handler.drop_after

    @drop_after.setter
    def drop_after(self, value: int | None) -> None:
        self.handler.drop_after = value

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    @property
    def messages(self) -> list[EmailMessage]:
        return [item.message for item in self.handler.received]

    def mail_settings(self, **changes: object):
        """MailSettings for this server (security "geen"; the KSF as sender), with `changes`."""
        from composer.sending.mail_settings import MailSettings

        values: dict[str, object] = {
            "host": self.host,
            "port": self.port,
            "security": "geen",
            "sender": SENDER,
        }
        values.update(changes)
        return MailSettings(**values)  # type: ignore[arg-type]
