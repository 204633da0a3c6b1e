"""Reads a template's DOCX (zip) package within fixed limits: no zip bombs, no odd member names."""

from __future__ import annotations

import re
import zipfile
import zlib
from pathlib import Path

from composer.errors import TemplateProblem
from composer.i18n import _

# A letter template has a few dozen members of a few kB to a few MB (a logo); these limits leave
# ample room for that and refuse what only a broken or hostile file has.
MAX_MEMBERS = 1000
MAX_PART_BYTES = 50 * 1024 * 1024  # one member, uncompressed
MAX_TOTAL_BYTES = 100 * 1024 * 1024  # all members together, uncompressed
_CHUNK = 1024 * 1024
_MB = 1024 * 1024

# A drive letter (C:), a URI scheme (file:) or a control character has no place in a member name.
_ODD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|[\x00-\x1f]")

Parts = list[tuple[zipfile.ZipInfo, bytes]]


def unsafe_member_name(name: str) -> bool:
    """True for names that point outside the package: absolute, `..`, backslashes, drives."""
    if not name or name.startswith("/") or "\\" in name or _ODD_NAME.search(name):
        return True
    return any(segment == ".." for segment in name.split("/"))


def _too_large(path: Path, name: str) -> TemplateProblem:
    return TemplateProblem(
        _(
            "Het onderdeel ‘{part}’ van sjabloon ‘{path}’ is uitgepakt groter dan {limit} MB. "
            "Maak het sjabloon kleiner, bijvoorbeeld door afbeeldingen te comprimeren."
        ).format(part=name, path=path.name, limit=MAX_PART_BYTES // _MB)
    )


def _total_too_large(path: Path) -> TemplateProblem:
    return TemplateProblem(
        _(
            "Het sjabloon ‘{path}’ is uitgepakt groter dan {limit} MB. Maak het kleiner, "
            "bijvoorbeeld door afbeeldingen te comprimeren."
        ).format(path=path.name, limit=MAX_TOTAL_BYTES // _MB)
    )


def _check_directory(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Everything the zip's table of contents says, before one byte is unpacked."""
    if len(infos) > MAX_MEMBERS:
        raise TemplateProblem(
            _(
                "Het sjabloon ‘{path}’ bestaat uit {count} onderdelen; meer dan {limit} is niet "
                "toegestaan. Sla het in Word opnieuw op als Word-document (.docx)."
            ).format(path=path.name, count=len(infos), limit=MAX_MEMBERS)
        )
    seen: set[str] = set()
    declared = 0
    for info in infos:
        name = info.filename
        if unsafe_member_name(name):
            raise TemplateProblem(
                _(
                    "Het sjabloon ‘{path}’ bevat een onderdeel met een onveilige naam (‘{part}’). "
                    "Sla het in Word opnieuw op als Word-document (.docx)."
                ).format(path=path.name, part=name[:80])
            )
        if name.lower() in seen:
            raise TemplateProblem(
                _(
                    "Het sjabloon ‘{path}’ bevat het onderdeel ‘{part}’ meer dan eens. "
                    "Sla het in Word opnieuw op als Word-document (.docx)."
                ).format(path=path.name, part=name)
            )
        seen.add(name.lower())
        if info.file_size > MAX_PART_BYTES:
            raise _too_large(path, name)
        declared += info.file_size
        if declared > MAX_TOTAL_BYTES:
            raise _total_too_large(path)


def _read_member(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, room: int) -> bytes:
    """The member's bytes, read in chunks; stops as soon as the real size passes a limit."""
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > MAX_PART_BYTES:
                raise _too_large(path, info.filename)
            if size > room:
                raise _total_too_large(path)
            chunks.append(chunk)
    return b"".join(chunks)


def read_package(path: Path) -> Parts:
    """Every member of the template with its bytes, in zip order; TemplateProblem if unsafe."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_directory(path, infos)
            parts: Parts = []
            room = MAX_TOTAL_BYTES
            for info in infos:
                data = _read_member(path, archive, info, room)
                room -= len(data)
                parts.append((info, data))
            return parts
    except FileNotFoundError:
        raise TemplateProblem(
            _("Het sjabloonbestand ‘{path}’ bestaat niet.").format(path=path)
        ) from None
    except TemplateProblem:
        raise
    # RuntimeError: a member protected with a password; NotImplementedError: an unknown
    # compression; zlib.error and EOFError: a damaged member; ValueError: a damaged directory.
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        RuntimeError,
        NotImplementedError,
        ValueError,
        OSError,
    ) as exc:
        raise TemplateProblem(
            _("‘{path}’ is geen geldig Word-document (.docx): {error}.").format(
                path=path, error=exc
            )
        ) from None
