"""Export of the whole library to one zip (versions, register, catalogues, review, archive).

Reading it back is composer.storage.archive_import.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from composer.errors import ComposerError, Remedy, RemedyAction
from composer.fileio import write_bytes_atomic
from composer.i18n import _
from composer.storage import office_words
from composer.storage.schema import (
    approvals,
    archive_files,
    catalogue_versions,
    comments,
    drafts,
    events,
    kenmerk_register,
    kenmerk_sequences,
    letters,
    send_register,
    versions,
)
from composer.storage.timestamps import to_text, utc_now
from composer.storage.verify import archive_location

# /2 added the review history and the archived files; /3 the hash chain of the review
# (events, approvals, comments, archive records) and the heads of each letter's chains.
# /1 and /2 are read too: their chains are computed on import (composer.storage.review_chain).
EXPORT_FORMAT = "composer-library-export/3"
READABLE_FORMATS = ("composer-library-export/1", "composer-library-export/2", EXPORT_FORMAT)
MANIFEST = "bibliotheek.json"
DRAFTS = "concepten.json"
REGISTER = "kenmerkregister.json"
REVIEW = "beoordeling.json"
# In that order: events and the rest refer to letters and versions, nothing refers to them.
# The send register (schema 0007) is in beoordeling.json too; older exports have none.
REVIEW_TABLES = (events, approvals, comments, archive_files, send_register)
LETTER_FIELDS = (
    "id",
    "template",
    "status",
    "kenmerk",
    "subject",
    "addressees",
    "created_at",
    "created_by",
    "latest_version",
    "updated_at",
)
CHAIN_HEADS = ("head_hash", "last_event_hash")  # in brief.json from /3 on
# The prullenbak (migration 0005): in brief.json when present; absent in older exports.
BIN_FIELDS = ("deleted_at", "deleted_by")
VERSION_FIELDS = (
    "letter_id",
    "number",
    "parent_number",
    "author",
    "message",
    "created_at",
    "hash",
)
CATALOGUE_FIELDS = ("name", "number", "author", "created_at", "hash")


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # same bytes for same data
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def letter_folder(letter_id: int) -> str:
    return f"brieven/{letter_id:06d}"


def version_name(number: int) -> str:
    return f"versie-{number:04d}"


_CHECK_ARCHIVE = Remedy(RemedyAction.CHECK_ARCHIVE)


def _archived_bytes(root: Path, row: Any) -> bytes:
    """The archived file of `row`, checked against its sha256 (else refused: nothing exported)."""
    location = archive_location(root, row.path)
    where = {"path": row.path, "letter_id": row.letter_id, "version": row.version_number}
    if location is None:
        raise ComposerError(
            _(
                "Het archiefbestand ‘{path}’ van brief {letter_id}, versie {version} heeft een "
                "ongeldige plaats; er is niets geëxporteerd."
            ).format(**where),
            remedy=_CHECK_ARCHIVE,
        )
    try:
        data = location.read_bytes()
    except OSError as exc:
        raise ComposerError(
            _(
                "Het archiefbestand ‘{path}’ van brief {letter_id}, versie {version} is onleesbaar "
                "of ontbreekt ({reason}); er is niets geëxporteerd."
            ).format(reason=exc.strerror or exc, **where),
            remedy=_CHECK_ARCHIVE,
        ) from None
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise ComposerError(
            _(
                "Het archiefbestand ‘{path}’ van brief {letter_id}, versie {version} is veranderd "
                "(de sha256 past niet); er is niets geëxporteerd."
            ).format(**where),
            remedy=_CHECK_ARCHIVE,
        )
    return data


def _export_review(
    archive: zipfile.ZipFile, connection: Connection, root: Path, counts: dict[str, int]
) -> None:
    review: dict[str, list[dict[str, Any]]] = {}
    for table in REVIEW_TABLES:
        rows = connection.execute(sa.select(table).order_by(*table.primary_key.columns)).all()
        review[table.name] = [dict(row._mapping) for row in rows]
        counts[table.name] = len(rows)
        if table is archive_files:
            for row in rows:
                _add(archive, row.path, _archived_bytes(root, row))
    # Each addressee's own PDF, named by the send register (the joined one is in already).
    added = {row["path"] for row in review[archive_files.name]}
    for row in review[send_register.name]:
        if row["attachment"] and row["attachment"] not in added:
            added.add(row["attachment"])
            _add(archive, row["attachment"], _archived_bytes(root, register_file(row)))
    _add(archive, REVIEW, _json_bytes(review))


@dataclass(frozen=True)
class RegisterFile:
    """The archived file a send register row names, as the archive checks see a file."""

    path: str
    sha256: str
    letter_id: int
    version_number: int


def register_file(row: dict[str, Any]) -> RegisterFile:
    return RegisterFile(
        row["attachment"], row["attachment_sha256"], row["letter_id"], row["version_number"]
    )


def export_zip(connection: Connection, path: Path, *, schema: str, archive_root: Path) -> None:
    """Write the library in `connection`'s snapshot to `path` (atomically).

    The archived files of sent letters go in under their own path (`archief/…`), read from
    `archive_root` and checked against their sha256 first.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        counts = {"letters": 0, "versions": 0, "catalogue_versions": 0}
        for row in connection.execute(sa.select(letters).order_by(letters.c.id)):
            folder = letter_folder(row.id)
            _add(
                archive,
                f"{folder}/brief.json",
                _json_bytes(
                    {f: row._mapping[f] for f in (*LETTER_FIELDS, *CHAIN_HEADS, *BIN_FIELDS)}
                ),
            )
            counts["letters"] += 1
        query = sa.select(versions).order_by(versions.c.letter_id, versions.c.number)
        for row in connection.execute(query.execution_options(yield_per=200)):
            stem = f"{letter_folder(row.letter_id)}/{version_name(row.number)}"
            # The letter file exactly as stored (canonical JSON): the text the hash covers.
            _add(archive, f"{stem}.json", row.content.encode("utf-8"))
            meta = {f: row._mapping[f] for f in VERSION_FIELDS}
            _add(archive, f"{stem}.meta.json", _json_bytes(meta))
            counts["versions"] += 1
        query = sa.select(catalogue_versions).order_by(
            catalogue_versions.c.name, catalogue_versions.c.number
        )
        for row in connection.execute(query):
            stem = f"catalogi/{row.name}/{version_name(row.number)}"
            _add(archive, f"{stem}.json", row.content.encode("utf-8"))
            _add(
                archive,
                f"{stem}.meta.json",
                _json_bytes({f: row._mapping[f] for f in CATALOGUE_FIELDS}),
            )
            counts["catalogue_versions"] += 1
        sequences = connection.execute(sa.select(kenmerk_sequences).order_by("year"))
        entries = connection.execute(
            sa.select(kenmerk_register).order_by(kenmerk_register.c.year, kenmerk_register.c.seq)
        )
        register = {
            "sequences": [dict(row._mapping) for row in sequences],
            "entries": [dict(row._mapping) for row in entries],
        }
        _add(archive, REGISTER, _json_bytes(register))
        draft_rows = connection.execute(sa.select(drafts).order_by("letter_id", "author"))
        _add(archive, DRAFTS, _json_bytes([dict(row._mapping) for row in draft_rows]))
        _add(archive, office_words.EXPORT_FILE, _json_bytes(office_words.export_rows(connection)))
        _export_review(archive, connection, Path(archive_root), counts)
        manifest = {"format": EXPORT_FORMAT, "schema": schema, "exported_at": to_text(utc_now())}
        _add(archive, MANIFEST, _json_bytes({**manifest, "counts": counts}))
    write_bytes_atomic(Path(path), buffer.getvalue())
