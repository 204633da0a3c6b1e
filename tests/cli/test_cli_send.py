"""`composer letters send ID --email|--eml MAP [--certificaat FILE.p12] [--opnieuw]` and
`composer letters register ID`: a letter to four addressees, signed, mailed to a real SMTP
server on localhost, each addressee its own PDF, and the send register."""

from __future__ import annotations

import email
import hashlib
import io
import json
import re
import subprocess
import sys
from email.policy import default
from pathlib import Path

import pytest

from composer import cli
from composer.paths import data_dir
from composer.sending.signing import verify_pdf
from composer.settings import Settings, save_settings
from tests.review.review_helpers import FakeConverter
from tests.review.send_helpers import EMAILS, LABELS, SURNAMES, four_addressee_file
from tests.sending.pki import ksf_pki
from tests.sending.smtp_server import LocalSmtpServer


@pytest.fixture
def smtp_server():
    server = LocalSmtpServer.start()
    yield server
    server.stop()


@pytest.fixture
def composer(tmp_path, monkeypatch, capsys, smtp_server):
    """`composer ARGS` in this process with `stdin` as standard input; (code, out, err)."""
    monkeypatch.setenv("COMPOSER_DATABASE_URL", f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}")
    save_settings(
        Settings(
            author="Anna",
            mail_host=smtp_server.host,
            mail_port=smtp_server.port,
            mail_security="geen",
        )
    )

    def run(*args: str, stdin: str = "") -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run


def ok(result: tuple[int, str, str]) -> str:
    code, out, err = result
    assert code == 0, err
    return out


def _approved(composer, tmp_path: Path) -> str:
    letter_id = ok(composer("letters", "add", str(four_addressee_file(tmp_path)))).strip()
    ok(composer("letters", "submit", letter_id))
    ok(composer("letters", "approve", letter_id, "--version", "1", "--reviewer", "Bert"))
    return letter_id


def _attachment(message) -> bytes:
    (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    return part.get_content()


def _pdftotext(pdf: bytes, folder: Path) -> str:
    path = folder / "bijlage.pdf"
    path.write_bytes(pdf)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _register(composer, letter_id: str) -> list[dict]:
    return json.loads(ok(composer("letters", "register", letter_id, "--json")))


def test_four_addressees_signed_and_mailed_each_with_its_own_pdf(
    composer, smtp_server, soffice, tmp_path
):
    pki = ksf_pki()
    certificate = tmp_path / "roel.p12"
    certificate.write_bytes(pki.p12)
    letter_id = _approved(composer, tmp_path)

    out = ok(
        composer(
            "letters", "send", letter_id, "--email", "--certificaat", str(certificate),
            stdin=pki.password + "\n",
        )
    )  # fmt: skip

    for label in LABELS:
        assert f"{label}: verzonden\n" in out
    messages = smtp_server.messages
    assert [m["To"].addresses[0].addr_spec for m in messages] == EMAILS
    rows = [r for r in _register(composer, letter_id) if r["channel"] == "email"]
    assert [(r["addressee_index"], r["result"]) for r in rows] == [
        (k, "verzonden") for k in range(1, 5)
    ]
    for number, (message, row) in enumerate(zip(messages, rows, strict=True)):
        pdf = _attachment(message)
        text = _pdftotext(pdf, tmp_path).split("Betreft")[0]  # the head: the address window
        assert re.search(rf"\b{SURNAMES[number]}\b", text)  # its own address window
        for other in SURNAMES[:number] + SURNAMES[number + 1 :]:
            assert not re.search(rf"\b{other}\b", text), (number, other, text)
        archived = data_dir().joinpath(*row["attachment"].split("/")).read_bytes()
        assert hashlib.sha256(pdf).hexdigest() == row["attachment_sha256"]
        assert archived == pdf
        assert row["message_id"] == message["Message-ID"]
        check = verify_pdf(pdf, trusted=[pki.ca_der])
        assert (check.signed, check.intact, check.signer, check.trusted) == (
            True,
            True,
            "Roel Masselink",
            True,
        )
    verified = composer("verify")
    assert verified[0] == 0 and "8 regels in het verzendregister" in verified[1] + verified[2]
    listed = ok(composer("letters", "register", letter_id))
    assert "[e-mail] verzonden" in listed and "[post] verzonden" in listed


def test_zichtbaar_puts_the_signature_box_on_the_last_page(
    composer, smtp_server, soffice, tmp_path
):
    pki = ksf_pki()
    certificate = tmp_path / "roel.p12"
    certificate.write_bytes(pki.p12)
    letter_id = _approved(composer, tmp_path)
    ok(
        composer(
            "letters", "send", letter_id, "--email", "--certificaat", str(certificate),
            "--zichtbaar", stdin=pki.password + "\n",
        )
    )  # fmt: skip
    pdf = _attachment(smtp_server.messages[0])
    assert "Digitaal ondertekend door Roel Masselink" in " ".join(_pdftotext(pdf, tmp_path).split())
    assert verify_pdf(pdf).intact


def test_zichtbaar_without_a_certificate_is_a_usage_error(composer, tmp_path):
    letter_id = _approved(composer, tmp_path)
    code, _out, err = composer("letters", "send", letter_id, "--zichtbaar")
    assert code == 2 and "--zichtbaar hoort bij --certificaat" in err


def test_a_refused_recipient_exits_1_and_opnieuw_sends_only_to_it(
    composer, smtp_server, soffice, tmp_path
):
    letter_id = _approved(composer, tmp_path)
    smtp_server.refuse.add(EMAILS[1])

    code, out, err = composer("letters", "send", letter_id, "--email")

    assert code == 1
    assert out.count(": verzonden\n") == 3
    assert f"{LABELS[1]}: mislukt: " in out and "550" in out
    assert LABELS[1] in err
    assert f"composer letters send {letter_id} --email --opnieuw" in err
    assert len(smtp_server.messages) == 3

    smtp_server.refuse.clear()
    out = ok(composer("letters", "send", letter_id, "--email", "--opnieuw"))
    assert out.splitlines() == [f"{LABELS[1]}: verzonden"]
    assert [m["To"].addresses[0].addr_spec for m in smtp_server.messages[3:]] == [EMAILS[1]]
    code, _out, err = composer("letters", "send", letter_id, "--email", "--opnieuw")
    assert code == 0 and "niets verstuurd" in err and len(smtp_server.messages) == 4


def test_eml_files_in_a_folder_parsed_back(composer, smtp_server, tmp_path, monkeypatch):
    converter = FakeConverter()  # no LibreOffice needed for the .eml files themselves
    monkeypatch.setattr(
        "composer.app.workspace.Workspace.pdf_engine", lambda self, **options: converter
    )
    letter_id = _approved(composer, tmp_path)
    folder = tmp_path / "concepten"

    out = ok(composer("letters", "send", letter_id, "--eml", str(folder)))

    assert out.count(": geschreven\n") == 4
    files = sorted(folder.glob("*.eml"))
    assert len(files) == 4
    rows = [r for r in _register(composer, letter_id) if r["channel"] == "eml"]
    parsed = {
        str(m["To"].addresses[0].addr_spec): m
        for m in (email.message_from_bytes(f.read_bytes(), policy=default) for f in files)
    }
    assert sorted(parsed) == sorted(EMAILS)
    for row in rows:
        message = parsed[row["email"]]
        assert hashlib.sha256(_attachment(message)).hexdigest() == row["attachment_sha256"]
        assert message["Message-ID"] == row["message_id"]
    assert smtp_server.messages == []


def test_opnieuw_needs_a_channel(composer, tmp_path):
    code, _out, err = composer("letters", "send", "1", "--opnieuw")
    assert code == 2 and "geef --email of --eml MAP" in err
