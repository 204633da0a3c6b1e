"""Without a mail server: one .eml file per addressee that Outlook or Thunderbird opens as a
message ready to send (`X-Unsent: 1`)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from email.policy import SMTP
from pathlib import Path

from composer.errors import ComposerError
from composer.fileio import make_folder, write_bytes_atomic
from composer.sending.mail_message import OutgoingMail
from composer.sending.mail_settings import MailSettings
from composer.sending.mail_smtp import MailResult

MAX_COPIES = 999  # "name (2).eml" … "name (999).eml"


def free_path(folder: Path, stem: str, suffix: str = ".eml") -> Path:
    """`folder/stem.eml`, or `stem (2).eml`, `stem (3).eml`, … when that is taken."""
    path = folder / f"{stem}{suffix}"
    number = 2
    while path.exists() and number <= MAX_COPIES:
        path = folder / f"{stem} ({number}){suffix}"
        number += 1
    return path


def eml_bytes(outgoing: OutgoingMail, mail: MailSettings | None = None) -> bytes:
    """The message as a draft: `X-Unsent: 1`, and Bcc in the header (the mail program sends it)."""
    message = copy.deepcopy(outgoing.message)
    message["X-Unsent"] = "1"
    if mail is not None and mail.bcc and "Bcc" not in message:
        message["Bcc"] = ", ".join(mail.bcc)
    return message.as_bytes(policy=SMTP)


def write_eml(
    mails: Sequence[OutgoingMail], folder: Path, mail: MailSettings | None = None
) -> list[MailResult]:
    """Write one .eml per message into `folder` (made when needed); never over an existing file.

    Each file is written whole or not at all; a file that cannot be written fails only its own
    MailResult (the reason in Dutch).
    """
    folder = Path(folder)
    make_folder(folder)
    results = []
    for outgoing in mails:
        stem = outgoing.file_stem or f"{outgoing.addressee_index + 1:02d}"
        path = free_path(folder, stem)
        try:
            write_bytes_atomic(path, eml_bytes(outgoing, mail))
        except ComposerError as exc:
            results.append(MailResult(outgoing.addressee_index, False, "", exc.message))
            continue
        results.append(MailResult(outgoing.addressee_index, True, outgoing.message_id, "", path))
    return results
