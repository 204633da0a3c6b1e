"""Delivering a sent letter: each addressee its own (signed) PDF by e-mail to a real local SMTP
server or as .eml, every result in the send register; failures, retry and cancel."""

from __future__ import annotations

import email
import hashlib
from dataclasses import replace
from email.policy import default

import pytest

from composer.errors import ComposerError
from composer.paths import data_dir
from composer.review.service import ReviewService
from composer.sending.delivery import deliver
from composer.sending.signing import load_signing_key, verify_pdf
from composer.settings import Settings
from composer.storage.library import Library
from tests.review.review_helpers import approved_letter
from tests.review.send_helpers import EMAILS, LABELS, four_addressees, sent_letter
from tests.sending.pki import ksf_pki


@pytest.fixture
def review(database_url: str):
    with Library.open(database_url) as library:
        yield ReviewService(library)


def _settings(server) -> Settings:
    return Settings(mail_host=server.host, mail_port=server.port, mail_security="geen")


def _deliver(review, letter_id, server=None, **options):
    options.setdefault("channel", "email")
    settings = _settings(server) if server is not None else Settings()
    return deliver(review.library, letter_id, author="Anna", settings=settings, **options)


def _attachment(message) -> bytes:
    (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    return part.get_content()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_each_addressee_gets_its_own_signed_pdf_and_the_register_says_so(review, smtp_server):
    pki = ksf_pki()
    key = load_signing_key(pki.p12, pki.password)
    letter_id, result = sent_letter(review, signing_key=key)

    report = _deliver(review, letter_id, smtp_server)

    assert (report.sent, report.failed, report.ok) == (LABELS, [], True)
    messages = smtp_server.messages
    assert [m["To"].addresses[0].addr_spec for m in messages] == EMAILS
    register = review.library.send_register(letter_id)
    mailed = [r for r in register if r.channel == "email"]
    assert report.records == mailed
    assert [(r.addressee_index, r.result, r.email) for r in mailed] == [
        (k, "verzonden", EMAILS[k - 1]) for k in range(1, 5)
    ]
    for copy, message, row in zip(result.copies, messages, mailed, strict=True):
        pdf = _attachment(message)
        assert _sha(pdf) == row.attachment_sha256 == _sha(copy.location.read_bytes())
        assert row.attachment == copy.path
        assert row.message_id == message["Message-ID"]
        check = verify_pdf(pdf, trusted=[pki.ca_der])
        assert (check.signed, check.intact, check.signer, check.trusted) == (
            True,
            True,
            "Roel Masselink",
            True,
        )
    assert len({_sha(_attachment(m)) for m in messages}) == 4  # four different PDFs
    assert review.library.verify().ok


def test_a_refused_recipient_fails_alone_and_a_retry_goes_only_to_it(review, smtp_server):
    letter_id, _result = sent_letter(review)
    smtp_server.refuse.add(EMAILS[2])

    report = _deliver(review, letter_id, smtp_server)

    assert report.sent == [LABELS[0], LABELS[1], LABELS[3]]
    ((label, reason),) = report.failed
    assert label == LABELS[2] and "550" in reason
    assert len(smtp_server.messages) == 3
    failed = [r for r in review.library.send_register(letter_id) if r.result == "mislukt"]
    assert [(r.addressee_index, r.channel, r.error) for r in failed] == [(3, "email", reason)]

    smtp_server.refuse.clear()
    again = _deliver(review, letter_id, smtp_server, only_failed=True)
    assert (again.sent, again.failed) == ([LABELS[2]], [])
    assert [m["To"].addresses[0].addr_spec for m in smtp_server.messages[3:]] == [EMAILS[2]]
    rows = review.library.send_register(letter_id)
    assert [(r.addressee_index, r.result) for r in rows if r.channel == "email"] == [
        (1, "verzonden"),
        (2, "verzonden"),
        (3, "mislukt"),
        (4, "verzonden"),
        (3, "verzonden"),
    ]
    nothing = _deliver(review, letter_id, smtp_server, only_failed=True)
    assert (nothing.sent, nothing.failed, len(smtp_server.messages)) == ([], [], 4)


def test_an_addressee_without_an_address_fails_before_anything_is_sent(review, smtp_server):
    letter = four_addressees()
    letter.addressees[1] = replace(letter.addressees[1], email="")
    letter_id, _result = sent_letter(review, letter)

    report = _deliver(review, letter_id, smtp_server)

    assert report.failed == [(LABELS[1], "geen e-mailadres")]
    assert report.sent == [LABELS[0], LABELS[2], LABELS[3]]
    assert len(smtp_server.messages) == 3
    row = next(r for r in review.library.send_register(letter_id) if r.result == "mislukt")
    assert (row.addressee_index, row.email, row.message_id) == (2, "", "")


def test_a_cancel_stops_before_the_next_message_and_records_nothing_for_the_rest(
    review, smtp_server
):
    letter_id, _result = sent_letter(review)
    seen: list[str] = []

    report = _deliver(
        review,
        letter_id,
        smtp_server,
        progress=lambda done, total, label: seen.append(label),
        cancelled=lambda: len(seen) >= 1,  # "Annuleren" while the first one goes
    )

    assert report.sent == [LABELS[0]]
    assert report.cancelled == LABELS[1:]
    assert report.failed == [(label, "niet verzonden: geannuleerd") for label in LABELS[1:]]
    assert len(smtp_server.messages) == 1
    mailed = [r for r in review.library.send_register(letter_id) if r.channel == "email"]
    assert [(r.addressee_index, r.result) for r in mailed] == [(1, "verzonden")]


def test_eml_files_one_per_addressee_each_with_its_pdf(review, tmp_path):
    letter_id, result = sent_letter(review)
    folder = tmp_path / "uit"

    report = _deliver(review, letter_id, channel="eml", folder=folder)

    assert (report.sent, report.failed) == (LABELS, [])
    assert sorted(report.files) == sorted(folder.iterdir()) and len(report.files) == 4
    rows = [r for r in review.library.send_register(letter_id) if r.channel == "eml"]
    for path, copy, row in zip(report.files, result.copies, rows, strict=True):
        message = email.message_from_bytes(path.read_bytes(), policy=default)
        assert message["X-Unsent"] == "1"
        assert message["To"].addresses[0].addr_spec == row.email
        assert message["Message-ID"] == row.message_id
        assert _sha(_attachment(message)) == row.attachment_sha256 == copy.sha256


def test_a_changed_archived_pdf_is_not_sent(review, smtp_server):
    letter_id, result = sent_letter(review)
    copy = result.copies[3].location
    copy.write_bytes(copy.read_bytes() + b"\n")

    report = _deliver(review, letter_id, smtp_server)

    ((label, reason),) = report.failed
    assert label == LABELS[3] and "KSF-2022-0001-4.pdf" in reason and "veranderd" in reason
    assert len(smtp_server.messages) == 3


def test_a_letter_that_is_not_sent_or_without_a_server_is_refused(review, smtp_server):
    letter_id = approved_letter(review, four_addressees())
    with pytest.raises(ComposerError, match="nog niet verzonden"):
        _deliver(review, letter_id, smtp_server)
    sent_id, _result = sent_letter(review)
    with pytest.raises(ComposerError, match="geen mailserver ingesteld"):
        _deliver(review, sent_id)  # no server in the settings
    assert [r.channel for r in review.library.send_register(sent_id)] == ["post"] * 4
    assert smtp_server.messages == []
    assert (data_dir() / "archief" / str(letter_id)).exists() is False
