"""Sending over one SMTP connection to a real local server: refusals, a lost connection, cancel,
login, TLS, and the Dutch messages when the server cannot be reached."""

from __future__ import annotations

import pytest

from composer.errors import ComposerError
from composer.sending.mail import build_mail, check_connection, send_mails
from tests.sending.mail_letters import KENMERK, four_addressees, pdf_for, profile
from tests.sending.smtp_server import SMTP_PASSWORD, SMTP_USER, LocalSmtpServer, free_port

ADDRESSES = [
    "n.vanliemt@wfc.voorbeeld.nl",
    "e.heemskerk@fnv.voorbeeld.nl",
    "kim.verbeek@unie.voorbeeld.nl",
    "info@cnv.voorbeeld.nl",
]


def _mails(settings):
    letter = four_addressees()
    return [
        build_mail(letter, i, pdf_for(i), kenmerk=KENMERK, profile=profile(), mail=settings)
        for i in range(4)
    ]


def _to(server):
    return [m["To"].addresses[0].addr_spec for m in server.messages]


def test_cc_and_bcc_reach_the_server_but_bcc_is_in_no_header(smtp_server):
    settings = smtp_server.mail_settings(cc=("archief@ksf.voorbeeld.nl",), bcc=("dir@ksf.nl",))
    results = send_mails(_mails(settings)[:1], settings, None)
    assert results[0].ok
    [received] = smtp_server.received
    assert received.rcpt_tos == [ADDRESSES[0], "archief@ksf.voorbeeld.nl", "dir@ksf.nl"]
    assert received.mail_from == "info@klantenservicefederatie.nl"
    assert received.message["Cc"] == "archief@ksf.voorbeeld.nl"
    assert received.message["Bcc"] is None
    assert b"dir@ksf.nl" not in received.content


def test_a_refused_recipient_fails_only_that_message(smtp_server):
    smtp_server.refuse.add(ADDRESSES[1])
    settings = smtp_server.mail_settings()
    results = send_mails(_mails(settings), settings, None)
    assert [(r.addressee_index, r.ok) for r in results] == [
        (0, True),
        (1, False),
        (2, True),
        (3, True),
    ]
    assert results[1].error == (
        "De mailserver weigert het adres e.heemskerk@fnv.voorbeeld.nl: 550 5.1.1 Mailbox "
        "unavailable."
    )
    assert results[1].message_id == ""
    assert _to(smtp_server) == [ADDRESSES[0], ADDRESSES[2], ADDRESSES[3]]


def test_a_lost_connection_fails_the_messages_not_yet_sent(smtp_server):
    smtp_server.drop_after = 2
    settings = smtp_server.mail_settings()
    results = send_mails(_mails(settings), settings, None)
    assert [r.ok for r in results] == [True, True, False, False]
    assert all("De verbinding met de mailserver is verbroken" in r.error for r in results[2:])
    assert _to(smtp_server) == ADDRESSES[:2]


def test_progress_is_told_and_cancel_stops_before_the_next_message(smtp_server):
    settings = smtp_server.mail_settings()
    seen = []

    def progress(done, total, label):
        seen.append((done, total, label))

    results = send_mails(
        _mails(settings), settings, None, progress=progress, cancelled=lambda: len(seen) >= 2
    )
    assert seen == [
        (0, 4, "N. van Liemt <n.vanliemt@wfc.voorbeeld.nl>"),
        (1, 4, "E. Heemskerk <e.heemskerk@fnv.voorbeeld.nl>"),
    ]
    assert [r.ok for r in results] == [True, True, False, False]
    assert results[3].error == "Niet verstuurd: het versturen is afgebroken."
    assert _to(smtp_server) == ADDRESSES[:2]


def test_progress_reaches_the_end(smtp_server):
    settings = smtp_server.mail_settings()
    seen = []
    send_mails(_mails(settings), settings, None, progress=lambda *a: seen.append(a[:2]))
    assert seen == [(0, 4), (1, 4), (2, 4), (3, 4), (4, 4)]


def test_the_login_is_used_when_a_user_is_set(smtp_server_with_login):
    settings = smtp_server_with_login.mail_settings(user=SMTP_USER)
    results = send_mails(_mails(settings), settings, SMTP_PASSWORD)
    assert [r.ok for r in results] == [True] * 4
    assert [item.login for item in smtp_server_with_login.received] == [SMTP_USER] * 4
    check_connection(settings, SMTP_PASSWORD)


def test_a_wrong_password_fails_every_message_with_the_reason(smtp_server_with_login):
    settings = smtp_server_with_login.mail_settings(user=SMTP_USER)
    results = send_mails(_mails(settings), settings, "verkeerd")
    assert [r.ok for r in results] == [False] * 4
    assert results[0].error.startswith(f"De mailserver weigert de aanmelding van ‘{SMTP_USER}’")
    assert "Controleer de gebruikersnaam en het wachtwoord" in results[0].error
    assert smtp_server_with_login.received == []


def test_a_user_without_a_stored_password_is_told_where_to_fill_it_in(smtp_server):
    settings = smtp_server.mail_settings(user=SMTP_USER)
    with pytest.raises(ComposerError) as caught:
        check_connection(settings, None)
    assert caught.value.message == (
        f"Er is geen wachtwoord voor ‘{SMTP_USER}’ op ‘127.0.0.1’. Vul het in onder Extra > "
        "Instellingen > E-mail."
    )


def test_no_server_set(smtp_server):
    with pytest.raises(ComposerError, match="Er is geen mailserver ingesteld"):
        check_connection(smtp_server.mail_settings(host=""), None)


def test_a_port_where_nothing_listens_is_refused_in_dutch(smtp_server):
    port = free_port()
    with pytest.raises(ComposerError) as caught:
        check_connection(smtp_server.mail_settings(port=port), None)
    assert caught.value.message == (
        f"De mailserver ‘127.0.0.1’ weigert de verbinding op poort {port}. Controleer de poort "
        "en de beveiliging onder Extra > Instellingen > E-mail."
    )


def test_an_unknown_host_is_not_found(smtp_server):
    settings = smtp_server.mail_settings(host="mail.bestaat-niet.invalid")
    with pytest.raises(ComposerError, match=r"De mailserver ‘mail\.bestaat-niet\.invalid’ is niet"):
        check_connection(settings, None)


def test_starttls_to_a_server_with_an_untrusted_certificate_is_a_tls_error(tmp_path):
    server = LocalSmtpServer.start(starttls=tmp_path)
    try:
        settings = server.mail_settings(security="starttls")
        results = send_mails(_mails(settings)[:1], settings, None)
    finally:
        server.stop()
    assert not results[0].ok
    assert results[0].error.startswith("De beveiligde verbinding (TLS) met ‘127.0.0.1’ is mislukt")
    assert server.received == []


def test_starttls_and_ssl_with_a_trusted_certificate_deliver(tmp_path, monkeypatch):
    for security, option in (("starttls", "starttls"), ("ssl", "implicit_tls")):
        folder = tmp_path / security
        folder.mkdir()
        server = LocalSmtpServer.start(**{option: folder})
        monkeypatch.setenv("SSL_CERT_FILE", str(folder / "smtp-cert.pem"))
        try:
            settings = server.mail_settings(security=security)
            results = send_mails(_mails(settings)[:2], settings, None)
        finally:
            server.stop()
        assert [r.ok for r in results] == [True, True], results
        assert _to(server) == ADDRESSES[:2]


def test_starttls_against_a_server_without_it_says_what_to_choose(smtp_server):
    settings = smtp_server.mail_settings(security="starttls")
    with pytest.raises(ComposerError) as caught:
        check_connection(settings, None)
    assert caught.value.message == (
        f"De mailserver ‘127.0.0.1’ biedt op poort {smtp_server.port} geen STARTTLS aan. Kies "
        "onder Extra > Instellingen > E-mail SSL/TLS (meestal poort 465), of Geen als de server "
        "op deze computer of in het kantoornetwerk staat."
    )


def test_a_user_for_a_server_without_login_is_told_to_leave_it_empty(smtp_server):
    settings = smtp_server.mail_settings(user=SMTP_USER)
    results = send_mails(_mails(settings)[:2], settings, SMTP_PASSWORD)
    assert [r.ok for r in results] == [False, False]
    assert results[0].error.startswith("De mailserver ‘127.0.0.1’ biedt geen aanmelding aan.")
    assert smtp_server.received == []
