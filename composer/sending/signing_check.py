"""Checking a PDF's signature: intact, who signed, when, the whole file, trusted.

    check = verify_pdf(Path("2022-014.pdf").read_bytes())
    check.summary  # "Ondertekend door Roel Masselink op 17 oktober 2022 om 14:05; de …"

`intact`: the signed bytes are unchanged and the signature belongs to the certificate in it.
`whole_file`: nothing was added after signing (the signature covers the file up to its end).
`trusted`: the certificate chains to one of the `trusted` roots (DER or PEM); None when no roots
are given, since an office's own certificate need not chain to a public root. The check never
goes on the internet (no revocation look-ups).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from composer.errors import ComposerError
from composer.i18n import _, screen_moment


@dataclass(frozen=True)
class SignatureCheck:
    """What a signature check found; `summary` is one Dutch sentence for the screen or CLI."""

    signed: bool
    intact: bool
    signer: str
    signed_at: dt.datetime | None
    whole_file: bool
    trusted: bool | None
    summary: str

    @property
    def ok(self) -> bool:
        """Signed, intact and nothing changed after signing (`composer verify-pdf` exit 0)."""
        return self.signed and self.intact and self.whole_file

    def to_dict(self) -> dict[str, object]:
        """For `--json`: the fields, the time as ISO 8601."""
        return {
            "signed": self.signed,
            "intact": self.intact,
            "signer": self.signer,
            "signed_at": self.signed_at.isoformat() if self.signed_at else None,
            "whole_file": self.whole_file,
            "trusted": self.trusted,
            "summary": self.summary,
        }


def verify_pdf(pdf: bytes, trusted: list[bytes] | None = None) -> SignatureCheck:
    """Check the signatures in `pdf`; the last one names the signer and the time.

    Raises ComposerError (Dutch) when `pdf` is not a readable PDF.
    """
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        filled = _filled_signature_fields(reader)
    except (PdfError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise ComposerError(
            _(
                "Dit bestand is geen leesbaar PDF-bestand ({detail}). Kies het PDF-bestand van de "
                "brief."
            ).format(detail=exc)
        ) from exc
    try:
        embedded = list(reader.embedded_signatures)  # signatures and document timestamps
    except (PdfError, ValueError, KeyError, TypeError, IndexError):
        embedded = []
    signatures = [signature for signature in embedded if signature.sig_object_type == "/Sig"]
    if filled and len(embedded) < filled:  # a signature that cannot even be read
        return SignatureCheck(
            signed=True,
            intact=False,
            signer=_signer_name(signatures[-1]) if signatures else "",
            signed_at=None,
            whole_file=False,
            trusted=False if trusted is not None else None,
            summary=_("De handtekening klopt niet: ze is beschadigd en niet te lezen."),
        )
    if not signatures:
        return SignatureCheck(
            signed=False,
            intact=False,
            signer="",
            signed_at=None,
            whole_file=False,
            trusted=None,
            summary=_("Dit PDF-bestand is niet ondertekend."),
        )
    statuses = [_status(signature, trusted) for signature in signatures]
    last_signature, last = signatures[-1], statuses[-1]
    intact = all(status is not None and status.intact and status.valid for status in statuses)
    whole_file = _covers_whole_file(embedded[-1])  # a later document timestamp may cover it
    signer = _signer_name(last_signature)
    signed_at = _signing_time(last_signature)
    is_trusted = None if trusted is None else bool(last is not None and last.trusted)
    return SignatureCheck(
        signed=True,
        intact=intact,
        signer=signer,
        signed_at=signed_at,
        whole_file=whole_file,
        trusted=is_trusted,
        summary=_summary(intact, whole_file, signer, signed_at, is_trusted),
    )


def _signing_time(signature: Any) -> dt.datetime | None:
    """The time the signer gives (/M, or a signing-time attribute); None when unreadable."""
    try:
        return signature.self_reported_timestamp
    except (ValueError, KeyError, TypeError):
        return None


def _filled_signature_fields(reader: Any) -> int:
    """How many signature fields hold a signature (whether or not it can be parsed)."""
    from pyhanko.sign.fields import enumerate_sig_fields

    return sum(1 for _field in enumerate_sig_fields(reader, filled_status=True))


def _status(signature: Any, trusted: list[bytes] | None) -> Any:
    """pyHanko's status of one signature, or None when the signature cannot be evaluated."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    roots = [_certificate(data) for data in trusted or ()]
    context = ValidationContext(
        trust_roots=roots, allow_fetching=False, revocation_mode="soft-fail"
    )
    try:
        with _quiet_path_building():
            return validate_pdf_signature(signature, signer_validation_context=context)
    except (SignatureValidationError, PdfError, ValueError, KeyError, TypeError):
        return None


class _NoPathErrors(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("Failed to build path")


@contextlib.contextmanager
def _quiet_path_building() -> Iterator[None]:
    """A certificate that does not chain to a trusted root is an answer (`trusted` False or
    None), not an error: pyHanko's traceback for it stays out of the log."""
    logger = logging.getLogger("pyhanko.sign.validation.generic_cms")
    quiet = _NoPathErrors()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)


def _certificate(data: bytes) -> Any:
    from asn1crypto import pem, x509

    if pem.detect(data):
        _kind, _headers, data = pem.unarmor(data)
    try:
        return x509.Certificate.load(data)
    except ValueError as exc:
        raise ComposerError(
            _("Een vertrouwd certificaat is niet te lezen ({detail}).").format(detail=exc)
        ) from exc


def _covers_whole_file(signature: Any) -> bool:
    from pyhanko.sign.validation import SignatureCoverageLevel

    try:
        return signature.evaluate_signature_coverage() == SignatureCoverageLevel.ENTIRE_FILE
    except (ValueError, KeyError, TypeError):
        return False


def _signer_name(signature: Any) -> str:
    try:
        subject = signature.signer_cert.subject
    except (ValueError, KeyError, TypeError):
        return ""
    name = subject.native.get("common_name")
    return str(name).strip() if name else subject.human_friendly


def signed_on(moment: dt.datetime) -> str:
    """`17 oktober 2022 om 14:05` on the computer's clock, in the language of the screen."""
    return _("{date} om {time}").format(**screen_moment(_aware(moment)))


def _aware(moment: dt.datetime) -> dt.datetime:
    """A naive time (a PDF date without zone) is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _summary(
    intact: bool,
    whole_file: bool,
    signer: str,
    signed_at: dt.datetime | None,
    trusted: bool | None,
) -> str:
    if not intact:
        return _("De handtekening klopt niet: het bestand is na het ondertekenen gewijzigd.")
    who = signer or _("onbekend")
    if signed_at is not None:
        by = _("Ondertekend door {signer} op {date} om {time}").format(
            signer=who, **screen_moment(_aware(signed_at))
        )
    else:
        by = _("Ondertekend door {signer}").format(signer=who)
    if not whole_file:
        return _(
            "{signed_by}, maar het bestand is daarna nog gewijzigd: wat u ziet, is niet wat is "
            "ondertekend."
        ).format(signed_by=by)
    if trusted is False:
        return _(
            "{signed_by}; de handtekening is intact, maar het certificaat komt niet van een "
            "vertrouwde uitgever."
        ).format(signed_by=by)
    return _("{signed_by}; de handtekening is intact.").format(signed_by=by)
