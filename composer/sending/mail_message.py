"""One e-mail per addressee: headers, the Dutch cover text and the letter's PDF attached."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, localtime

from composer.core.catalogues import Profile
from composer.core.models import Addressee, Letter
from composer.dutch.names import address_name, salutation_name
from composer.dutch.salutations import (
    DEFAULT_GROUP_SALUTATION,
    closing_or_default,
    salutation_for,
)
from composer.errors import ComposerError
from composer.i18n import _
from composer.sending.mail_cover import render_cover
from composer.sending.mail_settings import (
    MailSettings,
    address_list,
    checked_address,
    require_sender,
    sender_address,
)

MAX_NAME_CHARS = 120  # an attachment or file name longer than this is cut (Windows paths)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')


@dataclass(frozen=True)
class OutgoingMail:
    addressee_index: int  # 0-based, into letter.addressees
    to: str  # the bare address
    message: EmailMessage
    message_id: str  # with its angle brackets, as in the header
    attachment_name: str
    attachment_sha256: str
    label: str = ""  # `geadresseerde 2 (N. van Liemt, WFC)`, for messages and progress
    file_stem: str = ""  # `02 Van Liemt WFC`, the name of its .eml file


def one_line(text: str) -> str:
    """`text` on one line: every run of whitespace (also line breaks) one space."""
    return " ".join(text.replace("\x0b", " ").split())


def safe_file_name(text: str) -> str:
    """`text` usable as a file name on Windows, macOS and Linux: no \\ / : * ? " < > |."""
    name = one_line(_UNSAFE.sub(" ", text)).strip(" .")
    return name[:MAX_NAME_CHARS].rstrip(" .")


def kenmerk_name(kenmerk: str) -> str:
    """`KSF/2022/0147` → `KSF-2022-0147`."""
    return re.sub(r"[^\w.-]+", "-", kenmerk).strip("-._")


def attachment_name(kenmerk: str, subject: str) -> str:
    """`KSF-2022-0147 Handreiking aan de onderhandelaars.pdf`."""
    stem = safe_file_name(" ".join(part for part in (kenmerk_name(kenmerk), subject) if part))
    return f"{stem or 'brief'}.pdf"


def person_name(addressee: Addressee) -> str:
    """The name as the address block writes it (`N. van Liemt`), else the organisation."""
    name = address_name(addressee.person) if addressee.person is not None else ""
    return one_line(name or addressee.organisation or addressee.department)


def addressee_label(letter: Letter, index: int) -> str:
    """`geadresseerde 2 (N. van Liemt, WFC)`: how a message names an addressee."""
    addressee = letter.addressees[index]
    parts = [person_name(addressee)]
    if addressee.organisation and parts[0] != one_line(addressee.organisation):
        parts.append(one_line(addressee.organisation))
    shown = ", ".join(part for part in parts if part)
    number = _("geadresseerde {number}").format(number=index + 1)
    return f"{number} ({shown})" if shown else number


def file_stem(letter: Letter, index: int) -> str:
    """`01 Van Liemt WFC`: the number, the surname as in the aanhef, the organisation."""
    addressee = letter.addressees[index]
    surname = salutation_name(addressee.person) if addressee.person is not None else ""
    name = " ".join(part for part in (surname, addressee.organisation) if part.strip())
    return safe_file_name(f"{index + 1:02d} {name or person_name(addressee)}")


def recipient_address(letter: Letter, index: int) -> str:
    """The addressee's e-mail address, checked; a Dutch error naming them when there is none."""
    addressee = letter.addressees[index]
    email = getattr(addressee, "email", "").strip()
    label = addressee_label(letter, index)
    if not email:
        raise ComposerError(
            _(
                "Voor {addressee} is geen e-mailadres ingevuld. Vul het in bij de geadresseerde, "
                "of verstuur deze brief per post."
            ).format(addressee=label)
        )
    return checked_address(email, _("Het e-mailadres van {addressee}").format(addressee=label))


def mail_subject(subject: str, kenmerk: str) -> str:
    """`Handreiking aan de onderhandelaars (ons kenmerk KSF/2022/0147)`."""
    subject = one_line(subject)
    if not kenmerk:
        return subject
    reference = f"(ons kenmerk {kenmerk})"  # letter text: Dutch, not translated
    return f"{subject} {reference}" if subject else reference


def _header_address(name: str, address: str) -> Address:
    local, _at, domain = address.rpartition("@")
    return Address(display_name=name, username=local, domain=domain)


def cover_context(
    letter: Letter, index: int, *, kenmerk: str, profile: Profile, group_salutation: str, pdf: str
) -> dict[str, object]:
    addressee = letter.addressees[index]
    return {
        "salutation": salutation_for(
            [addressee], letter.salutation, group_salutation=group_salutation
        ),
        "subject": one_line(letter.subject),
        # letter text: Dutch, not translated ("het persbericht", "de brief")
        "document": "ons persbericht" if letter.template == "persbericht" else "onze brief",
        "kenmerk": kenmerk,
        "closing": closing_or_default(letter.closing),
        "signatories": [
            {"name": one_line(s.name), "role": one_line(s.role)} for s in letter.signatories
        ],
        "organisation": profile.name,
        "addressee": person_name(addressee),
        "attachment": pdf,
    }


def build_mail(
    letter: Letter,
    addressee_index: int,
    pdf: bytes,
    *,
    kenmerk: str,
    profile: Profile,
    mail: MailSettings,
    pdf_name: str = "",
    group_salutation: str = DEFAULT_GROUP_SALUTATION,
    cover_source: str | None = None,
) -> OutgoingMail:
    """The message to addressee `addressee_index` (0-based) with `pdf` attached.

    `pdf_name` "" gives `<kenmerk> <betreft>.pdf`; `cover_source` replaces the shipped cover
    template (tests, a custom one). A ComposerError (Dutch) when the addressee has no valid
    e-mail address or no sender is set.
    """
    to = recipient_address(letter, addressee_index)
    sender = require_sender(mail)
    reply_to = profile.email.strip()
    if reply_to:
        reply_to = address_list(reply_to, _("E-mailadres van de organisatie"))[0]
    name = safe_file_name(pdf_name) if pdf_name else attachment_name(kenmerk, letter.subject)
    if not name.lower().endswith(".pdf"):
        name += ".pdf"
    domain = sender_address(sender).rpartition("@")[2] or "localhost"
    message_id = f"<{uuid.uuid4().hex}@{domain}>"  # short: the header stays on one line
    message = EmailMessage(policy=SMTP)
    message["From"] = sender
    message["To"] = _header_address(person_name(letter.addressees[addressee_index]), to)
    if mail.cc:
        message["Cc"] = ", ".join(mail.cc)
    if reply_to:
        message["Reply-To"] = _header_address(profile.name, reply_to)
    message["Subject"] = mail_subject(letter.subject, kenmerk)
    message["Date"] = format_datetime(localtime())
    message["Message-ID"] = message_id
    context = cover_context(
        letter,
        addressee_index,
        kenmerk=kenmerk,
        profile=profile,
        group_salutation=group_salutation,
        pdf=name,
    )
    cover = render_cover(context, cover_source)
    message.set_content(cover, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=name)
    message["Content-Language"] = "nl"  # after the attachment: it would move into the text part
    return OutgoingMail(
        addressee_index=addressee_index,
        to=to,
        message=message,
        message_id=message_id,
        attachment_name=name,
        attachment_sha256=hashlib.sha256(pdf).hexdigest(),
        label=addressee_label(letter, addressee_index),
        file_stem=file_stem(letter, addressee_index),
    )


def envelope_recipients(outgoing: OutgoingMail, mail: MailSettings) -> list[str]:
    """Who the server delivers to: the addressee, cc and bcc (bcc is in no header)."""
    return [outgoing.to, *mail.cc, *mail.bcc]
