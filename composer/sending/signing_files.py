"""Reading the files of signing (a PDF, a PKCS#12, a trusted certificate) with Dutch errors."""

from __future__ import annotations

from pathlib import Path

from composer.fileio import read_problems
from composer.i18n import _

# A letter's PDF is a few hundred kilobytes; a certificate a few kilobytes.
MAX_PDF_BYTES = 200 * 1024 * 1024
MAX_CERTIFICATE_BYTES = 1024 * 1024


def read_signing_file(path: Path, *, limit: int = MAX_PDF_BYTES) -> bytes:
    """The bytes of `path`; ComposerError (Dutch) when it is missing, a folder, not readable
    or larger than `limit`."""
    from composer.errors import ComposerError

    with read_problems(
        path,
        missing=_("Het bestand ‘{path}’ bestaat niet. Controleer de naam en de map."),
        folder=_("‘{path}’ is een map, geen bestand. Kies een bestand."),
        no_access=_("U mag ‘{path}’ niet lezen. Vraag toegang of kies een ander bestand."),
        unreadable=_("‘{path}’ kan niet worden gelezen: {reason}."),
    ):
        size = path.stat().st_size
        if size > limit:
            raise ComposerError(
                _("‘{path}’ is te groot ({megabytes} MB) voor dit soort bestand.").format(
                    path=path, megabytes=size // (1024 * 1024)
                )
            )
        return path.read_bytes()
