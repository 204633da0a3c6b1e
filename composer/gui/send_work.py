"""The work behind sending from the window, as plain functions an Op runs off the GUI thread.

They call the sending package (composer.sending: signing, mail, delivery) and the library's send
register, each imported when first used. No widgets here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.errors import ComposerError
from composer.i18n import _

if TYPE_CHECKING:
    from composer.app.workspace import Workspace
    from composer.review.review_records import SendResult
    from composer.settings import Settings
    from composer.storage.library import Library

POST, EMAIL, EML = "post", "email", "eml"  # not screen text: the register's channels
SENT, FAILED = "verzonden", "mislukt"  # not screen text: the register's results


@dataclass(frozen=True)
class SendChoice:
    """How the sender chose to send: the channel, the .eml folder, the signing key (or None)."""

    channel: str = POST
    folder: Path | None = None
    signing_key: Any = None  # composer.sending.signing.SigningKey


@dataclass(frozen=True)
class AddresseeLine:
    label: str  # "FNV, mevrouw E. Heemskerk"
    email: str  # "" when the addressee has none


def mail_server(settings: Settings) -> Any:
    """The MailSettings when a mail server is set in Instellingen; None when none is."""
    try:
        from composer.sending.mail import mail_settings
    except ImportError:
        return None
    from composer.core.catalogues import load_profile

    mail = mail_settings(settings, load_profile())
    return mail if getattr(mail, "host", "") else None


def addressee_lines(library: Library, letter_id: int) -> list[AddresseeLine]:
    """Each addressee of the latest version with its e-mail address ("" for none)."""
    from composer.storage.letter_rows import addressee_names

    letter = library.version(letter_id)
    names = addressee_names(letter)
    lines = []
    for number, (addressee, name) in enumerate(zip(letter.addressees, names, strict=True), 1):
        label = name or _("Geadresseerde {number} (zonder naam)").format(number=number)
        lines.append(AddresseeLine(label, str(getattr(addressee, "email", "") or "").strip()))
    return lines


def archive_send(
    workspace: Workspace,
    letter_id: int,
    *,
    author: str,
    reason: str,
    expected_kenmerk: str | None,
    signing_key: Any = None,
) -> SendResult:
    """Verzenden as before (kenmerk, DOCX and PDF in the archive); with a key every PDF is
    signed before it is archived."""
    return workspace.send(
        letter_id,
        author=author,
        reason=reason,
        expected_kenmerk=expected_kenmerk,
        signing_key=signing_key,
    )


def stored_password(mail: Any) -> str | None:
    """The mail server's password from the system's password vault (None when not there)."""
    from composer.sending.mail import smtp_password

    return smtp_password(mail)


def keep_password(mail: Any, password: str) -> None:
    from composer.sending.mail import set_smtp_password

    set_smtp_password(mail, password)


def deliver_letter(
    workspace: Workspace,
    letter_id: int,
    *,
    channel: str,
    author: str,
    folder: Path | None = None,
    password: str | None = None,
    only_failed: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Any:
    """Send the archived PDFs by e-mail or write them as .eml files; a DeliveryReport."""
    from composer.sending.delivery import deliver

    return deliver(
        workspace.require_library(),
        letter_id,
        channel=channel,
        author=author or workspace.settings.author,
        settings=workspace.settings,
        folder=folder,
        password=password,
        only_failed=only_failed,
        progress=progress,
        cancelled=cancelled,
    )


def read_register(library: Library, letter_id: int) -> list[Any]:
    """The send register's rows of a letter (oldest first); [] before the register exists."""
    read = getattr(library, "send_register", None)
    return list(read(letter_id)) if read is not None else []


def still_to_deliver(records: list[Any]) -> tuple[str, list[int]]:
    """The e-mail/.eml channel last used and the addressees that still need the letter on it:
    the failed ones and those a cancelled round did not reach (the register's `still_needed`)."""
    from composer.storage.send_register import still_needed

    channel = ""
    for record in records:
        if record.channel in (EMAIL, EML):
            channel = record.channel
    return channel, still_needed(records) if channel else []


@dataclass(frozen=True)
class SignatureLine:
    text: str  # "Handtekening: intact, ondertekend door Roel Masselink."
    detail: str  # the verifier's own sentence, for the tooltip
    good: bool


def check_signature(pdf: Path) -> SignatureLine | None:
    """What the archived PDF's signature says; None when signatures cannot be checked here."""
    try:
        from composer.sending.signing import verify_pdf
    except ImportError:
        return None
    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise ComposerError(
            _("De PDF ‘{name}’ in het archief kan niet worden gelezen: {reason}.").format(
                name=pdf.name, reason=exc.strerror or exc
            )
        ) from None
    check = verify_pdf(data)
    if not check.signed:
        return SignatureLine(_("Handtekening: de PDF is niet ondertekend."), check.summary, False)
    if check.intact and check.whole_file:
        text = _("Handtekening: intact, ondertekend door {name}.").format(name=check.signer)
        return SignatureLine(text, check.summary, True)
    return SignatureLine(check.summary, check.summary, False)  # "De handtekening klopt niet: …"
