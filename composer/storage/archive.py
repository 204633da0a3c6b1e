"""Export of the whole library to one zip (versions, register, catalogues, review) and back."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from composer.errors import ComposerError, LetterValidationError
from composer.fileio import write_bytes_atomic
from composer.i18n import _, ngettext
from composer.storage.letter_rows import letter_from_content, summary_values
from composer.storage.records import ImportReport
from composer.storage.schema import (
    STATUS_CONCEPT,
    STATUSES,
    approvals,
    archive_files,
    catalogue_versions,
    comments,
    drafts,
    events,
    kenmerk_register,
    kenmerk_sequences,
    letters,
    versions,
)
from composer.storage.timestamps import to_text, utc_now
from composer.storage.verify import archive_location, verify_library

# /2 adds the review history and the archived files; /1 (before the review workflow) is read too.
EXPORT_FORMAT = "composer-library-export/2"
READABLE_FORMATS = ("composer-library-export/1", EXPORT_FORMAT)
MANIFEST = "bibliotheek.json"
DRAFTS = "concepten.json"
REGISTER = "kenmerkregister.json"
REVIEW = "beoordeling.json"
# In that order: events and the rest refer to letters and versions, nothing refers to them.
_REVIEW_TABLES = (events, approvals, comments, archive_files)
_LETTER_FILE = re.compile(r"brieven/(\d+)/brief\.json")
_CATALOGUE_META = re.compile(r"catalogi/([a-z0-9_-]+)/versie-(\d+)\.meta\.json")
_LETTER_FIELDS = (
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
_VERSION_FIELDS = (
    "letter_id",
    "number",
    "parent_number",
    "author",
    "message",
    "created_at",
    "hash",
)
_CATALOGUE_FIELDS = ("name", "number", "author", "created_at", "hash")


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # same bytes for same data
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, data)


def _letter_folder(letter_id: int) -> str:
    return f"brieven/{letter_id:06d}"


def _version_name(number: int) -> str:
    return f"versie-{number:04d}"


@dataclass(frozen=True)
class LibraryImportReport(ImportReport):
    """An ImportReport that also counts the review history and the archived files."""

    events: int = 0
    approvals: int = 0
    comments: int = 0
    archive_files: int = 0

    @property
    def message(self) -> str:
        text = super().message
        if self.events or self.comments or self.archive_files:
            events = ngettext("{count} gebeurtenis", "{count} gebeurtenissen", self.events)
            approvals = ngettext("{count} goedkeuring", "{count} goedkeuringen", self.approvals)
            comments = ngettext("{count} opmerking", "{count} opmerkingen", self.comments)
            files = ngettext(
                "{count} gearchiveerd bestand",
                "{count} gearchiveerde bestanden",
                self.archive_files,
            )
            review = _("Beoordeling: {events}, {approvals}, {comments} en {files}.").format(
                events=events.format(count=self.events),
                approvals=approvals.format(count=self.approvals),
                comments=comments.format(count=self.comments),
                files=files.format(count=self.archive_files),
            )
            text += f" {review}"
        return text


def _archived_bytes(root: Path, row: Any) -> bytes:
    """The archived file of `row`, checked against its sha256 (else refused: nothing exported)."""
    location = archive_location(root, row.path)
    where = {"path": row.path, "letter_id": row.letter_id, "version": row.version_number}
    if location is None:
        raise ComposerError(
            _(
                "Het archiefbestand ‘{path}’ van brief {letter_id}, versie {version} heeft een "
                "ongeldige plaats; er is niets geëxporteerd. Controleer het archief met "
                "‘composer verify’ en zet het bestand terug uit een reservekopie."
            ).format(**where)
        )
    try:
        data = location.read_bytes()
    except OSError as exc:
        raise ComposerError(
            _(
                "Het archiefbestand ‘{path}’ van brief {letter_id}, versie {version} is onleesbaar "
                "of ontbreekt ({reason}); er is niets geëxporteerd. Controleer het archief met "
                "‘composer verify’ en zet het bestand terug uit een reservekopie."
            ).format(reason=exc.strerror or exc, **where)
        ) from None
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise ComposerError(
            _(
                "Het archiefbestand ‘{path}’ van brief {letter_id}, versie {version} is veranderd "
                "(de sha256 past niet); er is niets geëxporteerd. Controleer het archief met "
                "‘composer verify’ en zet het bestand terug uit een reservekopie."
            ).format(**where)
        )
    return data


def _export_review(
    archive: zipfile.ZipFile, connection: Connection, root: Path, counts: dict[str, int]
) -> None:
    review: dict[str, list[dict[str, Any]]] = {}
    for table in _REVIEW_TABLES:
        rows = connection.execute(sa.select(table).order_by(*table.primary_key.columns)).all()
        review[table.name] = [dict(row._mapping) for row in rows]
        counts[table.name] = len(rows)
        if table is archive_files:
            for row in rows:
                _add(archive, row.path, _archived_bytes(root, row))
    _add(archive, REVIEW, _json_bytes(review))


def export_zip(connection: Connection, path: Path, *, schema: str, archive_root: Path) -> None:
    """Write the library in `connection`'s snapshot to `path` (atomically).

    The archived files of sent letters go in under their own path (`archief/…`), read from
    `archive_root` and checked against their sha256 first.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        counts = {"letters": 0, "versions": 0, "catalogue_versions": 0}
        for row in connection.execute(sa.select(letters).order_by(letters.c.id)):
            folder = _letter_folder(row.id)
            _add(
                archive,
                f"{folder}/brief.json",
                _json_bytes({f: row._mapping[f] for f in _LETTER_FIELDS}),
            )
            counts["letters"] += 1
        query = sa.select(versions).order_by(versions.c.letter_id, versions.c.number)
        for row in connection.execute(query.execution_options(yield_per=200)):
            stem = f"{_letter_folder(row.letter_id)}/{_version_name(row.number)}"
            # The letter file exactly as stored (canonical JSON): the text the hash covers.
            _add(archive, f"{stem}.json", row.content.encode("utf-8"))
            meta = {f: row._mapping[f] for f in _VERSION_FIELDS}
            _add(archive, f"{stem}.meta.json", _json_bytes(meta))
            counts["versions"] += 1
        query = sa.select(catalogue_versions).order_by(
            catalogue_versions.c.name, catalogue_versions.c.number
        )
        for row in connection.execute(query):
            stem = f"catalogi/{row.name}/{_version_name(row.number)}"
            _add(archive, f"{stem}.json", row.content.encode("utf-8"))
            _add(
                archive,
                f"{stem}.meta.json",
                _json_bytes({f: row._mapping[f] for f in _CATALOGUE_FIELDS}),
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
        _export_review(archive, connection, Path(archive_root), counts)
        manifest = {"format": EXPORT_FORMAT, "schema": schema, "exported_at": to_text(utc_now())}
        _add(archive, MANIFEST, _json_bytes({**manifest, "counts": counts}))
    write_bytes_atomic(Path(path), buffer.getvalue())


class _Reader:
    """Reads the members of an export, with a clear message for anything missing or broken."""

    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive, self.path = archive, path
        self.names = set(archive.namelist())

    def text(self, name: str) -> str:
        try:
            return self.archive.read(name).decode("utf-8")
        except KeyError:
            raise self.broken(_("‘{name}’ ontbreekt").format(name=name)) from None
        except (UnicodeDecodeError, zipfile.BadZipFile, OSError) as exc:
            why = _("‘{name}’ is onleesbaar ({error})").format(name=name, error=exc)
            raise self.broken(why) from None

    def json(self, name: str) -> Any:
        try:
            return json.loads(self.text(name))
        except json.JSONDecodeError as exc:
            why = _("‘{name}’ is geen geldige JSON ({error})").format(name=name, error=exc.msg)
            raise self.broken(why) from None

    def broken(self, why: str) -> ComposerError:
        """`why`: a complete phrase, already translated."""
        return ComposerError(
            _(
                "‘{path}’ is geen bruikbare export van een Composer-bibliotheek: {why}. "
                "Er is niets geïmporteerd."
            ).format(path=self.path, why=why)
        )


def _require_empty(connection: Connection) -> None:
    counts = {
        table.name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
        for table in (letters, catalogue_versions, kenmerk_register, kenmerk_sequences)
    }
    if any(counts.values()):
        raise ComposerError(
            _(
                "De bibliotheek is niet leeg ({letters} brieven, {kenmerken} kenmerken, "
                "{catalogue_versions} catalogusversies). Importeer alleen in een nieuwe, lege "
                "bibliotheek, bijvoorbeeld met "
                "COMPOSER_DATABASE_URL=sqlite:////pad/naar/nieuwe-bibliotheek.sqlite. "
                "Er is niets geïmporteerd."
            ).format(
                letters=counts["letters"],
                kenmerken=counts["kenmerk_register"],
                catalogue_versions=counts["catalogue_versions"],
            )
        )


def _import_letter(connection: Connection, reader: _Reader, letter_id: int) -> int:
    folder = _letter_folder(letter_id)
    info = reader.json(f"{folder}/brief.json")
    latest = int(info["latest_version"])
    rows = []
    for number in range(1, latest + 1):
        stem = f"{folder}/{_version_name(number)}"
        meta = reader.json(f"{stem}.meta.json")
        rows.append(
            {**{f: meta[f] for f in _VERSION_FIELDS}, "content": reader.text(f"{stem}.json")}
        )
    status = STATUS_CONCEPT if info["status"] == "definitief" else info["status"]  # export /1
    if status not in STATUSES:
        raise reader.broken(
            _("brief {letter_id} heeft een onbekende status ‘{status}’").format(
                letter_id=letter_id, status=info["status"]
            )
        )
    try:
        summary = summary_values(letter_from_content(rows[-1]["content"]), info["kenmerk"])
    except LetterValidationError as exc:
        raise reader.broken(
            _("de laatste versie van brief {letter_id} is geen geldige brief\n{problems}").format(
                letter_id=letter_id, problems=exc
            )
        ) from None
    connection.execute(
        letters.insert().values(
            **{f: info[f] for f in _LETTER_FIELDS if f not in summary and f != "status"},
            **summary,
            status=status,
        )
    )
    connection.execute(versions.insert(), rows)
    return len(rows)


def import_zip(connection: Connection, path: Path, *, archive_root: Path) -> ImportReport:
    """Load an export into the (empty) library of `connection`; verified before it commits.

    Runs in the caller's write transaction: anything wrong and nothing is imported. The
    archived files are written into `archive_root` last, after every check.
    """
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ComposerError(_("Het bestand ‘{path}’ bestaat niet.").format(path=path)) from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise ComposerError(
            _("‘{path}’ is geen leesbaar zip-bestand ({error}).").format(path=path, error=exc)
        ) from None
    with archive:
        reader = _Reader(archive, Path(path))
        try:
            return _import(connection, archive, reader, Path(archive_root))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            why = _("onverwachte inhoud ({kind}: {error})").format(
                kind=type(exc).__name__, error=exc
            )
            raise reader.broken(why) from None
        except sa.exc.IntegrityError as exc:
            why = _("de gegevens spreken elkaar tegen ({error})").format(error=exc.orig)
            raise reader.broken(why) from None


def _import_review(connection: Connection, reader: _Reader, names: list[str]) -> dict[str, Any]:
    """The review history (none in an export of format /1); returns the rows per table."""
    review = reader.json(REVIEW) if REVIEW in names else {}
    rows = {table.name: review.get(table.name, []) for table in _REVIEW_TABLES}
    for table in _REVIEW_TABLES:
        if rows[table.name]:
            connection.execute(table.insert(), rows[table.name])
    for row in rows[archive_files.name]:
        if archive_location(Path("."), row["path"]) is None:
            raise reader.broken(
                _("‘{path}’ is geen plaats in het archief").format(path=row["path"])
            )
    return rows


def _restore_archive(reader: _Reader, rows: list[dict[str, Any]], root: Path) -> None:
    """Put the archived files in the data folder: all checked first, then written."""
    for row in rows:
        data = reader.archive.read(row["path"]) if row["path"] in reader.names else None
        if data is None:
            why = _("het archiefbestand ‘{path}’ ontbreekt").format(path=row["path"])
            raise reader.broken(why)
        if hashlib.sha256(data).hexdigest() != row["sha256"]:
            why = _("het archiefbestand ‘{path}’ past niet bij de sha256").format(path=row["path"])
            raise reader.broken(why)
        target = archive_location(root, row["path"])
        assert target is not None  # checked in _import_review
        if target.exists() and hashlib.sha256(target.read_bytes()).hexdigest() != row["sha256"]:
            raise ComposerError(
                _(
                    "In de gegevensmap staat al een ander bestand ‘{target}’. Verplaats het (of "
                    "kies met COMPOSER_DATA_DIR een lege gegevensmap) en importeer opnieuw. Er is "
                    "niets geïmporteerd."
                ).format(target=target)
            )
    for row in rows:
        target = archive_location(root, row["path"])
        assert target is not None
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes_atomic(target, reader.archive.read(row["path"]))


def _continue_numbering(connection: Connection, highest: dict[str, int]) -> None:
    """PostgreSQL: ids were given explicitly; new rows must come after the highest."""
    if connection.dialect.name != "postgresql":
        return
    for table, value in highest.items():
        if value:
            connection.execute(
                sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), :highest)"),
                {"highest": value},
            )


def _import(
    connection: Connection, archive: zipfile.ZipFile, reader: _Reader, root: Path
) -> ImportReport:
    manifest = reader.json(MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") not in READABLE_FORMATS:
        raise reader.broken(_("het formaat is niet ‘{format}’").format(format=EXPORT_FORMAT))
    _require_empty(connection)
    names = archive.namelist()
    letter_ids = sorted(int(m[1]) for n in names if (m := _LETTER_FILE.fullmatch(n)))
    version_count = sum(_import_letter(connection, reader, i) for i in letter_ids)
    register = reader.json(REGISTER)
    if register["sequences"]:
        connection.execute(kenmerk_sequences.insert(), register["sequences"])
    if register["entries"]:
        connection.execute(kenmerk_register.insert(), register["entries"])
    catalogue_rows = []
    for name in sorted(names):
        if _CATALOGUE_META.fullmatch(name):
            meta = reader.json(name)
            content = reader.text(name.removesuffix(".meta.json") + ".json")
            catalogue_rows.append({**{f: meta[f] for f in _CATALOGUE_FIELDS}, "content": content})
    if catalogue_rows:
        connection.execute(catalogue_versions.insert(), catalogue_rows)
    draft_rows = reader.json(DRAFTS)
    if draft_rows:
        connection.execute(drafts.insert(), draft_rows)
    review = _import_review(connection, reader, names)
    highest = {"letters": max(letter_ids, default=0)}
    for name in ("events", "approvals", "comments"):
        highest[name] = max((row["id"] for row in review[name]), default=0)
    _continue_numbering(connection, highest)
    report = verify_library(connection)
    if report.problem is not None:
        raise reader.broken(
            _("de versiegeschiedenis klopt niet: {problem}").format(problem=report.problem.message)
        )
    _restore_archive(reader, review["archive_files"], root)
    return LibraryImportReport(
        letters=len(letter_ids),
        versions=version_count,
        kenmerken=len(register["entries"]),
        catalogue_versions=len(catalogue_rows),
        drafts=len(draft_rows),
        events=len(review["events"]),
        approvals=len(review["approvals"]),
        comments=len(review["comments"]),
        archive_files=len(review["archive_files"]),
    )
