"""The library's tables (SQLAlchemy Core) as of the newest migration; timestamps are UTC text."""

from __future__ import annotations

import sqlalchemy as sa

# Workflow statuses of a letter and the kinds of event (composer.core.statuses, with their Dutch
# labels). A kenmerk is not a status: finalize gives one without changing the status.
from composer.core.statuses import (  # noqa: F401  (re-exported for the storage modules)
    EVENT_KINDS,
    STATUS_APPROVED,
    STATUS_CONCEPT,
    STATUS_IN_REVIEW,
    STATUS_SENT,
    STATUSES,
)

# Kenmerk register states: assigned, or withdrawn (never handed out again either way).
KENMERK_ASSIGNED = "toegekend"
KENMERK_WITHDRAWN = "vervallen"
# An approval belongs to one version; a later save makes it lapse (it stays in the history).
APPROVAL_VALID = "geldig"
APPROVAL_LAPSED = "vervallen"
ARCHIVE_KINDS = ("docx", "pdf")

metadata = sa.MetaData()

letters = sa.Table(
    "letters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("template", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default=STATUS_CONCEPT),
    sa.Column("kenmerk", sa.Text, nullable=True),
    sa.Column("subject", sa.Text, nullable=False, server_default=""),
    # Shown in the list: "Organisatie, de heer N. van Liemt; …".
    sa.Column("addressees", sa.Text, nullable=False, server_default=""),
    # Lowercased subject, addressees, kenmerk and our reference: what the search looks in.
    sa.Column("search_text", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("latest_version", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
    # The heads of the letter's chains (migration 0004): the hash of version `latest_version`
    # and of the newest event ("" before the first), so a row taken off the end shows.
    sa.Column("head_hash", sa.String(64), nullable=False, server_default=""),
    sa.Column("last_event_hash", sa.String(64), nullable=False, server_default=""),
    # In the prullenbak since (UTC) and by whom (migration 0005); NULL: in the list. A letter
    # in the prullenbak keeps everything and can be taken back; a sent one is never in it.
    sa.Column("deleted_at", sa.Text, nullable=True),
    sa.Column("deleted_by", sa.Text, nullable=True),
    sa.UniqueConstraint("kenmerk", name="uq_letters_kenmerk"),
    sa.Index("ix_letters_updated_at", "updated_at"),
    sa.Index("ix_letters_status", "status"),
    sqlite_autoincrement=True,
)

# Immutable: rows are only ever inserted (triggers refuse UPDATE and DELETE, migration 0002).
versions = sa.Table(
    "versions",
    metadata,
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("parent_number", sa.Integer, nullable=True),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("message", sa.Text, nullable=False, server_default=""),
    sa.Column("created_at", sa.Text, nullable=False),
    # The letter file (composer-letter/2; older versions /1) as canonical JSON, exactly the
    # text that is hashed.
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.CheckConstraint("number >= 1", name="ck_versions_number_positive"),
)

# The autosave: one per letter and author, replaced each time; not part of the history.
drafts = sa.Table(
    "drafts",
    metadata,
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), primary_key=True),
    sa.Column("author", sa.Text, primary_key=True),
    sa.Column("base_version", sa.Integer, nullable=True),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("updated_at", sa.Text, nullable=False),
)

kenmerk_sequences = sa.Table(
    "kenmerk_sequences",
    metadata,
    sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("last_seq", sa.Integer, nullable=False),
)

kenmerk_register = sa.Table(
    "kenmerk_register",
    metadata,
    sa.Column("kenmerk", sa.Text, primary_key=True),
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
    sa.Column("version_number", sa.Integer, nullable=False),
    sa.Column("assigned_at", sa.Text, nullable=False),
    sa.Column("assigned_by", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default=KENMERK_ASSIGNED),
    sa.UniqueConstraint("year", "seq", name="uq_kenmerk_register_year_seq"),
    sa.CheckConstraint(
        f"status IN ('{KENMERK_ASSIGNED}', '{KENMERK_WITHDRAWN}')",
        name="ck_kenmerk_register_status",
    ),
    sa.Index("ix_kenmerk_register_letter_id", "letter_id"),
)

# Immutable like versions: each save of a catalogue is a new numbered version.
catalogue_versions = sa.Table(
    "catalogue_versions",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("created_at", sa.Text, nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
    sa.CheckConstraint("number >= 1", name="ck_catalogue_versions_number_positive"),
)


def _quoted(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _version_key() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["letter_id", "version_number"], ["versions.letter_id", "versions.number"]
    )


def _chain_columns() -> tuple[sa.Column, sa.Column]:
    """`prev_hash` (the row before it of the same letter; "" for the first) and its own `hash`."""
    return (
        sa.Column("prev_hash", sa.String(64), nullable=False, server_default=""),
        sa.Column("hash", sa.String(64), nullable=False, server_default=""),
    )


# The review history: who did what to which version, when. Immutable (triggers, migration 0003).
# Each event carries the hash of the event before it (composer.storage.hashing.event_hash).
events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("version_number", sa.Integer, nullable=False),
    sa.Column("version_hash", sa.String(64), nullable=False),
    sa.Column("actor", sa.Text, nullable=False),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    # The other letter of a copy ("copied-from" / "copied-to").
    sa.Column("related_letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=True),
    *_chain_columns(),
    _version_key(),
    sa.CheckConstraint(f"kind IN ({_quoted(EVENT_KINDS)})", name="ck_events_kind"),
    sa.Index("ix_events_letter_id", "letter_id"),
)

# One row per approval; only `status` and the lapse columns ever change (geldig -> vervallen).
approvals = sa.Table(
    "approvals",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
    sa.Column("version_number", sa.Integer, nullable=False),
    sa.Column("version_hash", sa.String(64), nullable=False),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("status", sa.Text, nullable=False, server_default=APPROVAL_VALID),
    sa.Column("lapsed_by_version", sa.Integer, nullable=True),
    sa.Column("lapsed_at", sa.Text, nullable=True),
    # The hash of the 'approved' event that gave it: no approval without its event.
    sa.Column("event_hash", sa.String(64), nullable=False, server_default=""),
    _version_key(),
    sa.CheckConstraint(
        f"status IN ('{APPROVAL_VALID}', '{APPROVAL_LAPSED}')", name="ck_approvals_status"
    ),
    sa.Index("ix_approvals_letter_id", "letter_id"),
)

# Remarks on a version, optionally on one body block (counted from 1, as the diff shows it).
comments = sa.Table(
    "comments",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
    sa.Column("version_number", sa.Integer, nullable=False),
    sa.Column("block_index", sa.Integer, nullable=True),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("at", sa.Text, nullable=False),
    sa.Column("resolved_at", sa.Text, nullable=True),
    sa.Column("resolved_by", sa.Text, nullable=True),
    *_chain_columns(),  # covers the comment as written, not its resolution
    _version_key(),
    sa.CheckConstraint("block_index >= 1", name="ck_comments_block_index"),
    sa.Index("ix_comments_letter_id", "letter_id"),
)

# The files of a sent letter, as archived in the data folder. Immutable (triggers, 0003).
archive_files = sa.Table(
    "archive_files",
    metadata,
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), primary_key=True),
    sa.Column("version_number", sa.Integer, primary_key=True),
    sa.Column("kind", sa.Text, primary_key=True),
    # Relative to the data folder, with forward slashes: archief/12/v3/KSF-2022-0001.pdf.
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size", sa.Integer, nullable=False),
    # The program that made the file, e.g. "LibreOffice 7.4.7.2" for the PDF; "" for the DOCX.
    sa.Column("engine", sa.Text, nullable=False, server_default=""),
    sa.Column("at", sa.Text, nullable=False),
    # The hash of the 'sent' event the file belongs to, and the record's own hash.
    sa.Column("event_hash", sa.String(64), nullable=False, server_default=""),
    sa.Column("hash", sa.String(64), nullable=False, server_default=""),
    _version_key(),
    sa.UniqueConstraint("path", name="uq_archive_files_path"),
    sa.CheckConstraint(f"kind IN ({_quoted(ARCHIVE_KINDS)})", name="ck_archive_files_kind"),
)

# The office word list (migration 0006): words the spelling check accepts for everyone using
# this library ("Toevoegen aan woordenlijst"), with who added each and when.
office_words = sa.Table(
    "office_words",
    metadata,
    sa.Column("word", sa.Text, primary_key=True),
    sa.Column("added_by", sa.Text, nullable=False),
    sa.Column("added_at", sa.Text, nullable=False),
    sa.CheckConstraint("length(word) BETWEEN 1 AND 100", name="ck_office_words_word"),
)

# The send register (migration 0007): per addressee and send attempt, how the letter went out
# (post: archived to be posted; email; eml: a file to send by hand), the attachment (its path
# in the archive and sha256) and the result. Immutable (triggers): a retry adds rows.
SEND_CHANNELS = ("post", "email", "eml")
SEND_RESULTS = ("verzonden", "mislukt")
send_register = sa.Table(
    "send_register",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
    sa.Column("version_number", sa.Integer, nullable=False),
    sa.Column("addressee_index", sa.Integer, nullable=False),  # counted from 1
    sa.Column("addressee", sa.Text, nullable=False, server_default=""),  # the label
    sa.Column("email", sa.Text, nullable=False, server_default=""),
    sa.Column("channel", sa.Text, nullable=False),
    sa.Column("sent_at", sa.Text, nullable=False),
    sa.Column("message_id", sa.Text, nullable=False, server_default=""),
    # Relative to the data folder (archief/12/v3/KSF-2022-0001-2.pdf); "" when none was sent.
    sa.Column("attachment", sa.Text, nullable=False, server_default=""),
    sa.Column("attachment_sha256", sa.String(64), nullable=False, server_default=""),
    sa.Column("result", sa.Text, nullable=False),
    sa.Column("error", sa.Text, nullable=False, server_default=""),
    sa.Column("author", sa.Text, nullable=False),
    _version_key(),
    sa.CheckConstraint("addressee_index >= 1", name="ck_send_register_addressee_index"),
    sa.CheckConstraint(f"channel IN ({_quoted(SEND_CHANNELS)})", name="ck_send_register_channel"),
    sa.CheckConstraint(f"result IN ({_quoted(SEND_RESULTS)})", name="ck_send_register_result"),
    sa.Index("ix_send_register_letter_id", "letter_id"),
    sqlite_autoincrement=True,
)

REVIEW_TABLES = ("events", "approvals", "comments", "archive_files")
LIBRARY_TABLES = ("letters", "versions", "drafts", "kenmerk_sequences", "kenmerk_register")
ALL_TABLES = (
    *LIBRARY_TABLES,
    "catalogue_versions",
    *REVIEW_TABLES,
    "office_words",
    "send_register",
)
