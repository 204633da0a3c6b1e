"""A test PKI made in the tests: a CA of the KSF and a signer certificate "Roel Masselink".

`signing_p12` is a fixture others can use: `(p12_bytes, password)`, the PKCS#12 a director
would be given (key, certificate and the CA certificate). `ksf_pki()` gives the CA certificate
too (DER, for `verify_pdf(..., trusted=[...])`); `other_pki()` is a second CA nobody trusts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SIGNER_NAME = "Roel Masselink"
ORGANISATION = "Klantenservice Federatie"
P12_PASSWORD = "geheim-wachtwoord-42"


@dataclass(frozen=True)
class TestPki:
    """The CA certificate (DER) and a signer's PKCS#12 with its password."""

    __test__ = False  # not a pytest test class

    ca_der: bytes
    p12: bytes
    password: str
    signer_name: str


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "NL"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANISATION),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def make_pki(
    signer_name: str = SIGNER_NAME,
    *,
    ca_name: str = "KSF Test CA",
    password: str = P12_PASSWORD,
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
) -> TestPki:
    """A fresh CA and a signer certificate issued by it, valid from `not_before` to `not_after`
    (by default from a day ago for a year)."""
    now = _now()
    ca_key = _key()
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(ca_name))
        .issuer_name(_name(ca_name))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=400))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    signer_key = _key()
    signer_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(signer_name))
        .issuer_name(ca_cert.subject)
        .public_key(signer_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before or now - dt.timedelta(days=1))
        .not_valid_after(not_after or now + dt.timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(signer_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        name=signer_name.encode("utf-8"),
        key=signer_key,
        cert=signer_cert,
        cas=[ca_cert],
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode("utf-8")),
    )
    return TestPki(
        ca_der=ca_cert.public_bytes(serialization.Encoding.DER),
        p12=p12,
        password=password,
        signer_name=signer_name,
    )


@cache
def ksf_pki() -> TestPki:
    """The KSF's test PKI, made once per test run (RSA keys take a moment)."""
    return make_pki()


@cache
def other_pki() -> TestPki:
    """A second, unrelated CA and signer: its certificate is trusted by nobody."""
    return make_pki("Iemand Anders", ca_name="Andere CA")


@cache
def expired_pki() -> TestPki:
    """A signer certificate that expired yesterday."""
    now = _now()
    return make_pki(not_before=now - dt.timedelta(days=366), not_after=now - dt.timedelta(days=1))


@pytest.fixture
def signing_p12(tmp_path: Path) -> tuple[bytes, str]:
    """Roel Masselink's PKCS#12 (bytes) and its password; also written to tmp_path/roel.p12."""
    pki = ksf_pki()
    (tmp_path / "roel.p12").write_bytes(pki.p12)
    return pki.p12, pki.password


def small_pdf(text: str = "Geachte heer Jansen,") -> bytes:
    """A one-page PDF with `text` on it (not PDF/A): for tests that need any PDF to sign."""
    from io import BytesIO

    import pikepdf

    pdf = pikepdf.new()
    font = pdf.make_indirect(
        pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont="/Helvetica"
        )
    )
    content = f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    page = pikepdf.Dictionary(
        Type=pikepdf.Name.Page,
        MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream(content),
    )
    pdf.pages.append(pikepdf.Page(page))
    output = BytesIO()
    pdf.save(output)
    return output.getvalue()
