"""The library's tables (SQLAlchemy Core) as of the newest migration; timestamps are UTC text."""

from __future__ import annotations

import sqlalchemy as sa

# Kenmerk register states: assigned, or withdrawn (never handed out again either way).
KENMERK_ASSIGNED = "toegekend"
KENMERK_WITHDRAWN = "vervallen"
STATUS_CONCEPT = "concept"
STATUS_FINAL = "definitief"

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
    # The letter file (composer-letter/1) as canonical JSON, exactly the text that is hashed.
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

LIBRARY_TABLES = ("letters", "versions", "drafts", "kenmerk_sequences", "kenmerk_register")
ALL_TABLES = (*LIBRARY_TABLES, "catalogue_versions")
