"""Shared fixtures of the sending tests: a local SMTP server and an in-memory keyring."""

from __future__ import annotations

import keyring
import keyring.core
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from tests.sending.smtp_server import LocalSmtpServer


@pytest.fixture
def smtp_server():
    """A running SMTP server on 127.0.0.1 (no login, no TLS) that keeps what arrives."""
    server = LocalSmtpServer.start()
    yield server
    server.stop()


@pytest.fixture
def smtp_server_with_login():
    """As `smtp_server`, with AUTH (user SMTP_USER, password SMTP_PASSWORD) and no TLS."""
    server = LocalSmtpServer.start(login=True)
    yield server
    server.stop()


class MemoryKeyring(KeyringBackend):
    """A keyring in a dict: tests never touch the real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.passwords:
            raise PasswordDeleteError("no such password")
        del self.passwords[(service, username)]


@pytest.fixture
def memory_keyring():
    """The keyring replaced by a MemoryKeyring for the test (its `passwords` dict can be read)."""
    previous = getattr(keyring.core, "_keyring_backend", None)
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.core._keyring_backend = previous
