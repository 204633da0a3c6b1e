"""Initial library: letters, immutable versions, drafts, kenmerk register, catalogue versions."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letters",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("template", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="concept"),
        sa.Column("kenmerk", sa.Text, nullable=True),
        sa.Column("subject", sa.Text, nullable=False, server_default=""),
        sa.Column("addressees", sa.Text, nullable=False, server_default=""),
        sa.Column("search_text", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("latest_version", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
        sa.UniqueConstraint("kenmerk", name="uq_letters_kenmerk"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "versions",
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("parent_number", sa.Integer, nullable=True),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("message", sa.Text, nullable=False, server_default=""),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.CheckConstraint("number >= 1", name="ck_versions_number_positive"),
    )
    op.create_table(
        "drafts",
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), primary_key=True),
        sa.Column("author", sa.Text, primary_key=True),
        sa.Column("base_version", sa.Integer, nullable=True),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("updated_at", sa.Text, nullable=False),
    )
    op.create_table(
        "kenmerk_sequences",
        sa.Column("year", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_seq", sa.Integer, nullable=False),
    )
    op.create_table(
        "kenmerk_register",
        sa.Column("kenmerk", sa.Text, primary_key=True),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
        sa.Column("version_number", sa.Integer, nullable=False),
        sa.Column("assigned_at", sa.Text, nullable=False),
        sa.Column("assigned_by", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="toegekend"),
        sa.UniqueConstraint("year", "seq", name="uq_kenmerk_register_year_seq"),
        sa.CheckConstraint(
            "status IN ('toegekend', 'vervallen')", name="ck_kenmerk_register_status"
        ),
    )
    op.create_table(
        "catalogue_versions",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.Text, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.CheckConstraint("number >= 1", name="ck_catalogue_versions_number_positive"),
    )
