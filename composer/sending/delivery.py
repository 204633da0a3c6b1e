"""Delivering a sent letter by e-mail or as .eml files, each addressee its own archived PDF.

`deliver(...)` takes the PDFs the send archived (the send register's 'post' rows name them,
with their sha256), builds one message per addressee (composer.sending.mail), sends them over
one SMTP connection or writes .eml files, and records every result in the send register: a
retry adds rows, nothing is overwritten. What a cancel stopped is neither sent nor recorded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from composer.core.statuses import STATUS_SENT
from composer.errors import ComposerError
from composer.i18n import N_, _
from composer.sending.delivery_plan import DeliveryPlan, plan_delivery
from composer.storage.send_register import (
    CHANNEL_EMAIL,
    CHANNEL_EML,
    RESULT_FAILED,
    RESULT_SENT,
    SendEntry,
    SendRecord,
)

if TYPE_CHECKING:
    from composer.settings import Settings
    from composer.storage.library import Library

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
CHANNELS = (CHANNEL_EMAIL, CHANNEL_EML)
# In the report, for an addressee a cancel stopped (no register row).
CANCELLED = N_("niet verzonden: geannuleerd")
NO_ADDRESS = N_("geen e-mailadres")


@dataclass(frozen=True)
class DeliveryReport:
    """What one delivery did: who got it, who did not and why, and the register rows added."""

    sent: list[str]  # addressee labels: `Organisatie, de heer N. van Liemt`
    failed: list[tuple[str, str]]  # (label, reason in Dutch); a cancel's are in `cancelled` too
    records: list[SendRecord]  # the rows this delivery added to the send register
    cancelled: list[str] = field(default_factory=list)
    channel: str = CHANNEL_EMAIL
    files: list[Path] = field(default_factory=list)  # the .eml files written

    @property
    def ok(self) -> bool:
        return not self.failed


class _CancelWatch:
    """Passes `cancelled` on and remembers at which message it first said yes."""

    def __init__(self, cancelled: Cancelled | None) -> None:
        self.inner = cancelled
        self.calls = 0
        self.stopped_at: int | None = None

    def __call__(self) -> bool:
        self.calls += 1
        if self.stopped_at is None and self.inner is not None and self.inner():
            self.stopped_at = self.calls - 1
        return self.stopped_at is not None


def _password(mail: Any, password: str | None) -> str | None:
    if password is not None or not mail.user:
        return password
    from composer.sending.mail import smtp_password

    return smtp_password(mail)


def _mail_settings(settings: Settings, channel: str) -> tuple[Any, Any]:
    from composer.core.catalogues import load_profile
    from composer.sending.mail import mail_settings

    profile = load_profile()
    mail = mail_settings(settings, profile)
    if channel == CHANNEL_EMAIL and not mail.host:
        raise ComposerError(
            _(
                "Er is geen mailserver ingesteld; er is niets verstuurd. Vul de mailserver in "
                "onder Extra > Instellingen > E-mail, of schrijf .eml-bestanden en verstuur die "
                "met uw e-mailprogramma."
            )
        )
    return mail, profile


def deliver(
    library: Library,
    letter_id: int,
    *,
    channel: str,
    author: str,
    settings: Settings,
    folder: Path | None = None,
    password: str | None = None,
    only_failed: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> DeliveryReport:
    """Mail (channel "email") or write as .eml into `folder` (channel "eml") the sent letter.

    Each addressee gets the PDF archived for it, checked against its sha256 first. With
    `only_failed` only the addressees whose latest e-mail/.eml attempt failed. An addressee
    without an e-mail address fails ("geen e-mailadres") before anything is sent; the others
    still go. `password`: the SMTP password (None: from the keyring when a user is set).
    Refused (ComposerError, nothing sent or recorded) for a letter that is not sent, without
    a mail server (e-mail) or folder (.eml).
    """
    if channel not in CHANNELS:
        raise ValueError(f"deliver: channel {channel!r} is not one of {CHANNELS}")
    if channel == CHANNEL_EML and folder is None:
        raise ValueError("deliver: channel 'eml' needs a folder")
    plan = plan_delivery(library, letter_id, only_failed=only_failed)
    if plan.status != STATUS_SENT:
        raise ComposerError(
            _(
                "Brief {letter_id} is nog niet verzonden; er is niets gemaild. Verzend de brief "
                "eerst (dan krijgt hij zijn kenmerk en staat de PDF in het archief)."
            ).format(letter_id=letter_id)
        )
    if not plan.addressees:
        return DeliveryReport(sent=[], failed=[], records=[], channel=channel)
    mail, profile = _mail_settings(settings, channel)
    entries: dict[int, SendEntry] = {}
    outgoing = []
    for number in plan.addressees:
        entry, message = _prepare(
            plan, number, channel, mail, profile, settings, library.data_folder
        )
        if entry is not None:
            entries[number] = entry
        else:
            outgoing.append(message)
    stopped: list[int] = []
    files: list[Path] = []
    if outgoing:
        watch = _CancelWatch(cancelled)
        if channel == CHANNEL_EMAIL:
            results = _send(outgoing, mail, password, progress, watch)
        else:
            results = _write(outgoing, Path(folder or "."), mail, progress, watch)
        for message, result in zip(outgoing, results, strict=True):
            number = message.addressee_index + 1
            position = outgoing.index(message)
            if watch.stopped_at is not None and position >= watch.stopped_at and not result.ok:
                stopped.append(number)
                continue
            if result.path is not None:
                files.append(result.path)
            entries[number] = _entry(plan, number, channel, message, result)
    ordered = [entries[number] for number in plan.addressees if number in entries]
    records = _record(library, plan, ordered, author) if ordered else []
    labels = plan.labels
    return DeliveryReport(
        sent=[labels[e.addressee_index] for e in ordered if e.result == RESULT_SENT],
        failed=[
            *((labels[e.addressee_index], e.error) for e in ordered if e.result == RESULT_FAILED),
            *((labels[number], _(CANCELLED)) for number in stopped),
        ],
        records=records,
        cancelled=[labels[number] for number in stopped],
        channel=channel,
        files=files,
    )


def _failed(plan: DeliveryPlan, number: int, channel: str, error: str) -> SendEntry:
    post = plan.posted.get(number)
    return SendEntry(
        addressee_index=number,
        addressee=plan.labels[number],
        channel=channel,
        result=RESULT_FAILED,
        email=plan.emails[number],
        attachment=post.attachment if post else "",
        attachment_sha256=post.attachment_sha256 if post else "",
        error=error,
    )


def _prepare(
    plan: DeliveryPlan,
    number: int,
    channel: str,
    mail: Any,
    profile: Any,
    settings: Settings,
    root: Path,
) -> tuple[SendEntry | None, Any]:
    """The message for addressee `number`, or the failed entry when it cannot be made."""
    from composer.sending.mail import build_mail

    if not plan.emails[number]:
        return _failed(plan, number, channel, _(NO_ADDRESS)), None
    post = plan.posted.get(number)
    if post is None:
        return _failed(plan, number, channel, plan.missing_reason), None
    problem, pdf = _archived_pdf(root, post)
    if pdf is None:
        return _failed(plan, number, channel, problem), None
    try:
        message = build_mail(
            plan.letter,
            number - 1,
            pdf,
            kenmerk=plan.kenmerk,
            profile=profile,
            mail=mail,
            group_salutation=settings.group_salutation,
        )
    except ComposerError as exc:
        return _failed(plan, number, channel, exc.message), None
    return None, message


def _archived_pdf(root: Path, post: SendRecord) -> tuple[str, bytes | None]:
    """The addressee's archived PDF, or why it cannot be sent (missing, changed)."""
    from composer.storage.verify import archive_location

    location = archive_location(root, post.attachment)
    try:
        data = location.read_bytes() if location is not None else None
    except OSError:
        data = None
    if data is None:
        return _("de PDF ‘{path}’ ontbreekt in het archief").format(path=post.attachment), None
    if hashlib.sha256(data).hexdigest() != post.attachment_sha256:
        return (
            _(
                "de PDF ‘{path}’ in het archief is veranderd sinds het verzenden (de sha256 past "
                "niet); controleer het archief met ‘Bibliotheek controleren’"
            ).format(path=post.attachment),
            None,
        )
    return "", data


def _send(outgoing: list[Any], mail: Any, password: str | None, progress, watch) -> list[Any]:
    from composer.sending.mail import send_mails

    return send_mails(outgoing, mail, _password(mail, password), progress=progress, cancelled=watch)


def _write(outgoing: list[Any], folder: Path, mail: Any, progress, watch) -> list[Any]:
    """One .eml at a time, so a cancel stops between files."""
    from composer.sending.mail import write_eml

    results = []
    for done, message in enumerate(outgoing):
        if watch():
            break
        if progress is not None:
            progress(done, len(outgoing), str(message.label or message.to))
        results.extend(write_eml([message], folder, mail))
    if progress is not None and len(results) == len(outgoing):
        progress(len(outgoing), len(outgoing), "")
    from composer.sending.mail import MailResult

    results += [MailResult(m.addressee_index, False, "", "") for m in outgoing[len(results) :]]
    return results


def _entry(plan: DeliveryPlan, number: int, channel: str, message: Any, result: Any) -> SendEntry:
    post = plan.posted[number]
    return SendEntry(
        addressee_index=number,
        addressee=plan.labels[number],
        channel=channel,
        result=RESULT_SENT if result.ok else RESULT_FAILED,
        email=message.to,
        message_id=result.message_id or (message.message_id if result.ok else ""),
        attachment=post.attachment,
        attachment_sha256=message.attachment_sha256,
        error="" if result.ok else result.error,
    )


def _record(
    library: Library, plan: DeliveryPlan, entries: list[SendEntry], author: str
) -> list[SendRecord]:
    register = library.record_sends(plan.letter_id, plan.version, entries, author=author)
    return register[-len(entries) :]  # the rows just added: the newest
