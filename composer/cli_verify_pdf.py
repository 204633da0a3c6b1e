"""`composer verify-pdf FILE [--json] [--vertrouwd CA.pem …]`: is a PDF's signature intact?

Prints one Dutch sentence (who signed, when, whether the signature is intact) on stdout, or
with `--json` an object with signed, intact, signer, signed_at (ISO 8601), whole_file, trusted
and summary. `--vertrouwd` names a certificate (PEM or DER) of a trusted issuer; it may be
given more than once. Without it, `trusted` is null: an office's own certificate need not chain
to a public root.

Exit codes:
  0  signed, the signature intact, nothing changed after signing (and, with --vertrouwd, the
     certificate chains to a trusted issuer);
  1  signed, but the signature does not hold: the file was changed, something was added after
     signing, or (with --vertrouwd) the certificate is not from a trusted issuer;
  2  not signed, or not a readable PDF file (the reason on stderr); also for a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from composer.errors import ComposerError

EXIT_OK, EXIT_NOT_INTACT, EXIT_UNSIGNED = 0, 1, 2


def add_verify_pdf_parser(commands: argparse._SubParsersAction) -> None:
    verify = commands.add_parser(
        "verify-pdf",
        help="controleer de digitale handtekening van een PDF-bestand",
        description=(
            "Controleer of de handtekening in een PDF intact is en wie hem heeft gezet. "
            "Afsluitcode 0: intact; 1: de handtekening klopt niet; "
            "2: niet ondertekend of geen leesbare PDF."
        ),
    )
    verify.add_argument("pdf", type=Path, metavar="BESTAND.pdf", help="het PDF-bestand")
    verify.add_argument(
        "--json", action="store_true", help="de uitkomst als JSON (een object) op stdout"
    )
    verify.add_argument(
        "--vertrouwd",
        type=Path,
        action="append",
        default=[],
        metavar="CA.pem",
        help="certificaat van een vertrouwde uitgever (PEM of DER); mag vaker",
    )
    verify.set_defaults(handler=run_verify_pdf)


def run_verify_pdf(args: argparse.Namespace) -> int:
    from composer.sending.signing_check import verify_pdf
    from composer.sending.signing_files import MAX_CERTIFICATE_BYTES, read_signing_file

    try:
        trusted = [
            read_signing_file(path, limit=MAX_CERTIFICATE_BYTES) for path in args.vertrouwd
        ] or None
        check = verify_pdf(read_signing_file(args.pdf), trusted)
    except ComposerError as exc:
        print(f"composer: {exc.message}", file=sys.stderr)
        return EXIT_UNSIGNED
    if args.json:
        json.dump(check.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(check.summary)
    if not check.signed:
        return EXIT_UNSIGNED
    if not check.ok or check.trusted is False:
        return EXIT_NOT_INTACT
    return EXIT_OK
