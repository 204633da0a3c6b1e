"""E-mail for sending letters: the one place the rest of Composer imports it from.

- mail_settings: MailSettings and `mail_settings(settings, profile)`;
- mail_message: `build_mail(...)` → OutgoingMail (headers, Dutch cover text, the PDF);
- mail_cover: the cover text from templates/mail/begeleidende-tekst.txt (sandboxed Jinja);
- mail_smtp: `send_mails(...)` → MailResult per message, `check_connection` ("Testverbinding");
- mail_eml: `write_eml(...)`, .eml files ready to send from Outlook or Thunderbird;
- mail_password: the password in the operating system's keyring.
"""

from __future__ import annotations

from composer.sending.mail_eml import write_eml
from composer.sending.mail_message import (
    OutgoingMail,
    addressee_label,
    attachment_name,
    build_mail,
    recipient_address,
)
from composer.sending.mail_password import KEYRING_SERVICE, set_smtp_password, smtp_password
from composer.sending.mail_settings import MailSettings, address_list, mail_settings
from composer.sending.mail_smtp import MailResult, check_connection, send_mails

__all__ = [
    "KEYRING_SERVICE",
    "MailResult",
    "MailSettings",
    "OutgoingMail",
    "address_list",
    "addressee_label",
    "attachment_name",
    "build_mail",
    "check_connection",
    "mail_settings",
    "recipient_address",
    "send_mails",
    "set_smtp_password",
    "smtp_password",
    "write_eml",
]
