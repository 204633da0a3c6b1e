"""Loading the director's certificate: the right password works, every wrong file says why."""

from __future__ import annotations

from io import BytesIO

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from composer.errors import ComposerError
from composer.sending.signing import load_signing_key, sign_pdf, verify_pdf
from tests.sending.pki import P12_PASSWORD, expired_pki, ksf_pki, signing_p12, small_pdf

__all__ = ["signing_p12"]  # the fixture, imported for the tests below


def test_the_right_password_opens_the_certificate(signing_p12):
    p12, password = signing_p12
    key = load_signing_key(p12, password)
    assert key.signer_name == "Roel Masselink"
    assert password not in repr(key)


def test_a_wrong_password_is_said_in_dutch():
    with pytest.raises(ComposerError) as caught:
        load_signing_key(ksf_pki().p12, "verkeerd")
    assert caught.value.message.startswith("Het wachtwoord van het certificaat klopt niet.")


def test_no_password_for_a_protected_file_is_a_wrong_password():
    with pytest.raises(ComposerError, match="wachtwoord van het certificaat klopt niet"):
        load_signing_key(ksf_pki().p12, "")


@pytest.mark.parametrize(
    "data",
    [b"", b"Dit is geen certificaat.", small_pdf(), b"0\x82\x01\x00" + bytes(300)],
    ids=["leeg", "tekst", "pdf", "kapotte-der"],
)
def test_a_file_that_is_no_pkcs12_is_said_in_dutch(data):
    with pytest.raises(ComposerError) as caught:
        load_signing_key(data, P12_PASSWORD)
    assert caught.value.message.startswith(
        "Dit bestand is geen certificaat met sleutel (PKCS#12, .p12 of .pfx)."
    )


def test_an_expired_certificate_is_refused_with_its_date():
    pki = expired_pki()
    with pytest.raises(ComposerError) as caught:
        load_signing_key(pki.p12, pki.password)
    assert caught.value.message.startswith("Het certificaat van Roel Masselink is verlopen op ")
    assert "Vraag een nieuw certificaat aan" in caught.value.message


def test_a_pkcs12_without_a_key_is_refused():
    from cryptography import x509

    pki = ksf_pki()
    certificate = x509.load_der_x509_certificate(pki.ca_der)
    only_certificate = pkcs12.serialize_key_and_certificates(
        name=b"ca",
        key=None,
        cert=None,
        cas=[certificate],
        encryption_algorithm=serialization.BestAvailableEncryption(b"geheim"),
    )
    with pytest.raises(ComposerError, match="bevat geen sleutel om mee te ondertekenen"):
        load_signing_key(only_certificate, "geheim")


def test_any_pdf_can_be_signed_and_checked(signing_p12):
    key = load_signing_key(*signing_p12)
    pdf = small_pdf()
    signed = sign_pdf(pdf, key)
    assert signed.startswith(pdf)
    assert verify_pdf(signed).intact


def test_a_broken_pdf_cannot_be_signed(signing_p12):
    key = load_signing_key(*signing_p12)
    with pytest.raises(ComposerError, match="kan niet worden ondertekend"):
        sign_pdf(b"%PDF-1.7\nkapot", key)


def test_a_file_that_is_no_pdf_cannot_be_checked():
    with pytest.raises(ComposerError, match="geen leesbaar PDF-bestand"):
        verify_pdf(b"Dit is geen PDF.")


def test_the_signature_is_pades_baseline_b(signing_p12):
    from asn1crypto import cms
    from pyhanko.pdf_utils.reader import PdfFileReader

    signed = sign_pdf(small_pdf(), load_signing_key(*signing_p12))
    (signature,) = PdfFileReader(BytesIO(signed)).embedded_signatures
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    content = cms.ContentInfo.load(bytes(signature.sig_object["/Contents"]))
    attributes = {
        attribute["type"].native
        for attribute in content["content"]["signer_infos"][0]["signed_attrs"]
    }
    # PAdES B-B: the signer's certificate bound by ESS signing-certificate-v2; the time is in
    # the signature dictionary (/M), never a CMS signing-time attribute
    assert {"content_type", "message_digest", "signing_certificate_v2"} <= attributes
    assert "signing_time" not in attributes
    assert str(signature.sig_object["/M"]).startswith("D:")


def test_a_damaged_signature_does_not_hold(signing_p12):
    signed = sign_pdf(small_pdf(), load_signing_key(*signing_p12))
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    damaged = signed[:start] + b"00" * 200 + signed[start + 400 :]
    check = verify_pdf(damaged)
    assert check.signed and not check.intact and not check.ok
    assert check.summary == "De handtekening klopt niet: ze is beschadigd en niet te lezen."


def test_the_visible_signature_is_dutch_whatever_the_screen(signing_p12, tmp_path):
    import subprocess

    from composer.i18n import set_language

    key = load_signing_key(*signing_p12)
    set_language("en")
    try:
        signed = sign_pdf(small_pdf(), key, visible=True)
    finally:
        set_language("nl")
    path = tmp_path / "brief.pdf"
    path.write_bytes(signed)
    text = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Digitaal ondertekend door Roel Masselink" in text
    assert " om " in text  # "op 3 december 2026 om 15:04", the letter's language
