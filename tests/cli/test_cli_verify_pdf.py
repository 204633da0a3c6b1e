"""`composer verify-pdf FILE`: the sentence a person reads, and the exit codes a script reads."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import serialization

from composer import cli
from composer.cli_verify_pdf import add_verify_pdf_parser
from composer.sending.signing import load_signing_key, sign_pdf
from tests.conftest import run_composer
from tests.sending.pki import ksf_pki, other_pki, small_pdf


def _registered() -> bool:
    parser = cli._build_parser()
    return any(
        "verify-pdf" in action.choices
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )


@pytest.fixture
def composer(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`composer ARGS` in this process: (exit code, stdout, stderr). Until composer/cli.py
    registers `verify-pdf`, the command is added to its parser here (a stand-in)."""
    if not _registered():
        build = cli._build_parser

        def with_verify_pdf() -> argparse.ArgumentParser:
            parser = build()
            commands = next(
                action
                for action in parser._actions
                if isinstance(action, argparse._SubParsersAction)
            )
            add_verify_pdf_parser(commands)
            return parser

        monkeypatch.setattr(cli, "_build_parser", with_verify_pdf)

    def run(*args: str) -> tuple[int, str, str]:
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="module")
def signed_pdf() -> bytes:
    pki = ksf_pki()
    return sign_pdf(small_pdf(), load_signing_key(pki.p12, pki.password))


def _file(tmp_path: Path, data: bytes, name: str = "brief.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _pem(der: bytes) -> bytes:
    return x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)


def test_an_intact_signature_exits_0_with_the_sentence(composer, signed_pdf, tmp_path):
    code, out, err = composer("verify-pdf", str(_file(tmp_path, signed_pdf)))
    assert code == 0
    assert out.startswith("Ondertekend door Roel Masselink op ")
    assert out.endswith("; de handtekening is intact.\n")
    assert err == ""


def test_a_changed_file_exits_1(composer, signed_pdf, tmp_path):
    changed = signed_pdf.replace(b"/Helvetica", b"/Helvetico", 1)
    assert changed != signed_pdf
    code, out, _err = composer("verify-pdf", str(_file(tmp_path, changed)))
    assert code == 1
    assert out == "De handtekening klopt niet: het bestand is na het ondertekenen gewijzigd.\n"


def test_an_unsigned_pdf_exits_2(composer, tmp_path):
    code, out, _err = composer("verify-pdf", str(_file(tmp_path, small_pdf())))
    assert code == 2
    assert out == "Dit PDF-bestand is niet ondertekend.\n"


def test_a_file_that_is_no_pdf_exits_2_with_the_reason(composer, tmp_path):
    code, out, err = composer("verify-pdf", str(_file(tmp_path, b"Geen PDF.", "brief.txt")))
    assert code == 2 and out == ""
    assert err.startswith("composer: Dit bestand is geen leesbaar PDF-bestand")
    assert "Traceback" not in err


def test_a_missing_file_exits_2_with_its_name(composer, tmp_path):
    code, out, err = composer("verify-pdf", str(tmp_path / "weg.pdf"))
    assert code == 2 and out == ""
    assert "weg.pdf" in err and "bestaat niet" in err


def test_json_gives_every_field(composer, signed_pdf, tmp_path):
    code, out, _err = composer("verify-pdf", "--json", str(_file(tmp_path, signed_pdf)))
    assert code == 0
    result = json.loads(out)
    assert result["signed"] is True and result["intact"] is True
    assert result["whole_file"] is True and result["trusted"] is None
    assert result["signer"] == "Roel Masselink"
    assert result["signed_at"].endswith("+00:00")
    assert result["summary"].endswith("de handtekening is intact.")


def test_a_trusted_issuer_is_checked_when_given(composer, signed_pdf, tmp_path):
    pdf = str(_file(tmp_path, signed_pdf))
    ours = _file(tmp_path, _pem(ksf_pki().ca_der), "ksf-ca.pem")
    theirs = _file(tmp_path, other_pki().ca_der, "andere-ca.cer")  # DER works too
    code, out, _err = composer("verify-pdf", "--json", "--vertrouwd", str(ours), pdf)
    assert code == 0 and json.loads(out)["trusted"] is True
    code, out, _err = composer("verify-pdf", "--vertrouwd", str(theirs), pdf)
    assert code == 1
    assert "het certificaat komt niet van een vertrouwde uitgever" in out


@pytest.mark.skipif(not _registered(), reason="composer/cli.py registreert verify-pdf nog niet")
def test_the_command_runs_as_a_person_types_it(signed_pdf, tmp_path):
    result = run_composer("verify-pdf", str(_file(tmp_path, signed_pdf)))
    assert result.returncode == 0, result.stderr
    assert "Roel Masselink" in result.stdout
