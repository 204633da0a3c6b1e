"""Signing a letter's PDF/A with the director's certificate: PAdES B-B with pyHanko.

    key = load_signing_key(Path("directeur.p12").read_bytes(), password)  # never stored
    signed = sign_pdf(pdf, key, reason="Verzonden brief 2022-014")
    check = verify_pdf(signed)  # composer.sending.signing_check
    print(check.summary)

The signature is written as an incremental update: the original bytes stay as they were, and
the PDF stays PDF/A-2b (the XMP identification is kept; an invisible signature has a zero-size
widget, which PDF/A allows without an appearance; a visible one is drawn with an embedded font
from resources/fonts, see `composer.sending.signing_stamp`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from composer.errors import ComposerError
from composer.i18n import _
from composer.sending.signing_check import SignatureCheck, verify_pdf

__all__ = ["SignatureCheck", "SigningKey", "load_signing_key", "sign_pdf", "verify_pdf"]

FIELD_NAME = "Handtekening"


@dataclass(frozen=True)
class SigningKey:
    """A loaded certificate with its private key, ready to sign; lives only in memory."""

    signer_name: str
    valid_until: dt.datetime
    signer: Any = field(repr=False, compare=False)  # pyhanko.sign.signers.SimpleSigner
    # The person's choice for this send: a visible signature box on the last page as well.
    visible: bool = False


def load_signing_key(p12: bytes, password: str) -> SigningKey:
    """The key and certificate in a PKCS#12 file (.p12/.pfx) opened with `password`.

    Raises ComposerError (Dutch) when the file is not a PKCS#12, the password is wrong, it holds
    no key or certificate, or the certificate is not (yet, or any longer) valid.
    """
    from cryptography.hazmat.primitives.serialization import pkcs12

    if not _looks_like_pkcs12(p12):
        raise ComposerError(
            _(
                "Dit bestand is geen certificaat met sleutel (PKCS#12, .p12 of .pfx). Kies het "
                "certificaatbestand dat u van de certificaatleverancier hebt gekregen."
            )
        )
    try:
        key, certificate, others = pkcs12.load_key_and_certificates(p12, _secret(password))
    except ValueError:
        raise ComposerError(
            _(
                "Het wachtwoord van het certificaat klopt niet. Typ het wachtwoord opnieuw; let "
                "op hoofdletters."
            )
        ) from None
    if key is None or certificate is None:
        raise ComposerError(
            _(
                "Het certificaatbestand bevat geen sleutel om mee te ondertekenen. Kies het "
                "bestand met de persoonlijke sleutel (.p12 of .pfx), niet alleen het certificaat."
            )
        )
    name = _common_name(certificate)
    _check_validity(certificate, name)
    return SigningKey(
        signer_name=name,
        valid_until=certificate.not_valid_after_utc,
        signer=_pyhanko_signer(key, certificate, others),
    )


def sign_pdf(
    pdf: bytes,
    key: SigningKey,
    *,
    reason: str = "",
    location: str = "",
    visible: bool = False,
) -> bytes:
    """`pdf` with a PAdES B-B signature by `key` appended (the original bytes unchanged).

    `visible` draws the signer's name and the date at the foot of the last page; otherwise the
    signature has no appearance on the page. Raises ComposerError for a PDF that cannot be read.
    """
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign import fields, signers

    try:
        writer = _metadata_keeping_writer(pdf)
        field_name = _free_field_name(writer)
        meta = signers.PdfSignatureMetadata(
            field_name=field_name,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            reason=reason or None,
            location=location or None,
            name=key.signer_name,
        )
        stamp_style = None
        new_field_spec = None
        if visible:
            stamp_field, stamp_style_for = _stamp_tools()
            new_field_spec = stamp_field(writer, field_name)
            stamp_style = stamp_style_for(key.signer_name)
        pdf_signer = signers.PdfSigner(
            meta, signer=key.signer, stamp_style=stamp_style, new_field_spec=new_field_spec
        )
        output = BytesIO()
        pdf_signer.sign_pdf(writer, output=output)
    except (PdfError, ValueError, KeyError, TypeError) as exc:
        raise ComposerError(
            _(
                "Het PDF-bestand kan niet worden ondertekend, omdat het niet te lezen is "
                "({detail}). Maak de PDF opnieuw en probeer het nog eens."
            ).format(detail=exc)
        ) from exc
    return output.getvalue()


def _stamp_tools() -> tuple[Any, Any]:
    """The visible signature's helpers; they need pyHanko's OpenType support (uharfbuzz)."""
    try:
        from composer.sending.signing_font import EmbeddedFont  # noqa: F401  (uharfbuzz)
        from composer.sending.signing_stamp import stamp_field, stamp_style_for
    except ImportError as exc:
        raise ComposerError(
            _(
                "Een zichtbare handtekening kan niet worden gemaakt: een onderdeel ontbreekt "
                "({detail}). Onderteken zonder zichtbare handtekening, of installeer het "
                "programma opnieuw."
            ).format(detail=exc)
        ) from exc
    return stamp_field, stamp_style_for


def _metadata_keeping_writer(pdf: bytes) -> Any:
    """An incremental writer that leaves the document information and the XMP alone.

    pyHanko would add itself to /Producer in the information dictionary and rewrite the XMP with
    another pdf:Producer: the two would disagree, which PDF/A forbids. The signature needs
    neither, so the metadata stays byte for byte as LibreOffice wrote it (pdfaid part 2, B).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class MetadataKeepingWriter(IncrementalPdfFileWriter):
        def _update_meta(self) -> None:  # pyHanko 0.38: called before each write
            return None

    return MetadataKeepingWriter(BytesIO(pdf), strict=False)


def _looks_like_pkcs12(data: bytes) -> bool:
    """True if `data` is a DER PFX structure (PKCS#12), whatever its password."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return pfx["version"].native == "v3" and pfx["auth_safe"]["content"] is not None
    except (ValueError, TypeError, KeyError, OverflowError):
        return False


def _secret(password: str) -> bytes | None:
    return password.encode("utf-8") if password else None


def _common_name(certificate: Any) -> str:
    from cryptography.x509.oid import NameOID

    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    if names:
        return str(names[0].value).strip()
    return certificate.subject.rfc4514_string()


def _check_validity(certificate: Any, name: str) -> None:
    from composer.i18n import screen_date

    now = dt.datetime.now(dt.UTC)
    if certificate.not_valid_after_utc < now:
        raise ComposerError(
            _(
                "Het certificaat van {name} is verlopen op {date}. Vraag een nieuw certificaat aan "
                "bij de certificaatleverancier, of kies een ander certificaat."
            ).format(name=name, date=screen_date(certificate.not_valid_after_utc.date()))
        )
    if certificate.not_valid_before_utc > now:
        raise ComposerError(
            _(
                "Het certificaat van {name} is pas geldig vanaf {date}. Kies een ander certificaat "
                "of wacht tot die datum."
            ).format(name=name, date=screen_date(certificate.not_valid_before_utc.date()))
        )


def _pyhanko_signer(key: Any, certificate: Any, others: list[Any]) -> Any:
    from pyhanko.keys.internal import (
        translate_pyca_cryptography_cert_to_asn1,
        translate_pyca_cryptography_key_to_asn1,
    )
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    registry = SimpleCertificateStore()
    registry.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in others])
    return signers.SimpleSigner(
        signing_key=translate_pyca_cryptography_key_to_asn1(key),
        signing_cert=translate_pyca_cryptography_cert_to_asn1(certificate),
        cert_registry=registry,
    )


def _free_field_name(writer: Any) -> str:
    """ "Handtekening", or "Handtekening 2", … when the PDF is signed already."""
    from pyhanko.sign.fields import enumerate_sig_fields

    taken = {name for name, _value, _ref in enumerate_sig_fields(writer)}
    number = 1
    name = FIELD_NAME
    while name in taken:
        number += 1
        name = f"{FIELD_NAME} {number}"
    return name
