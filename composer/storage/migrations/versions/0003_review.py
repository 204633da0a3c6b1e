"""Review workflow: events, approvals, comments, archived files; 'definitief' is no status."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# Rows are only ever added; composer_refuse_change() (PostgreSQL) comes from migration 0002.
_IMMUTABLE = ("events", "archive_files")
_EVENT_KINDS = (
    "'submitted', 'approved', 'rejected', 'saved-after-approval', 'saved-during-review', "
    "'sent', 'copied-from', 'copied-to'"
)


def _version_key() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["letter_id", "version_number"], ["versions.letter_id", "versions.number"]
    )


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("version_number", sa.Integer, nullable=False),
        sa.Column("version_hash", sa.String(64), nullable=False),
        sa.Column("actor", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False, server_default=""),
        sa.Column("related_letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=True),
        _version_key(),
        sa.CheckConstraint(f"kind IN ({_EVENT_KINDS})", name="ck_events_kind"),
    )
    op.create_index("ix_events_letter_id", "events", ["letter_id"])
    op.create_table(
        "approvals",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
        sa.Column("version_number", sa.Integer, nullable=False),
        sa.Column("version_hash", sa.String(64), nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("status", sa.Text, nullable=False, server_default="geldig"),
        sa.Column("lapsed_by_version", sa.Integer, nullable=True),
        sa.Column("lapsed_at", sa.Text, nullable=True),
        _version_key(),
        sa.CheckConstraint("status IN ('geldig', 'vervallen')", name="ck_approvals_status"),
    )
    op.create_index("ix_approvals_letter_id", "approvals", ["letter_id"])
    op.create_table(
        "comments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
        sa.Column("version_number", sa.Integer, nullable=False),
        sa.Column("block_index", sa.Integer, nullable=True),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("resolved_at", sa.Text, nullable=True),
        sa.Column("resolved_by", sa.Text, nullable=True),
        _version_key(),
        sa.CheckConstraint("block_index >= 1", name="ck_comments_block_index"),
    )
    op.create_index("ix_comments_letter_id", "comments", ["letter_id"])
    op.create_table(
        "archive_files",
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), primary_key=True),
        sa.Column("version_number", sa.Integer, primary_key=True),
        sa.Column("kind", sa.Text, primary_key=True),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("engine", sa.Text, nullable=False, server_default=""),
        sa.Column("at", sa.Text, nullable=False),
        _version_key(),
        sa.UniqueConstraint("path", name="uq_archive_files_path"),
        sa.CheckConstraint("kind IN ('docx', 'pdf')", name="ck_archive_files_kind"),
    )
    # The workflow statuses are the only statuses now; a kenmerk stays on the letter.
    op.execute("UPDATE letters SET status = 'concept' WHERE status = 'definitief'")
    if op.get_bind().dialect.name == "postgresql":
        for table in _IMMUTABLE:
            op.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION composer_refuse_change()"
            )
        return
    for table in _IMMUTABLE:
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_immutable_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'composer: {table} is immutable, rows are only "
                "ever added'); END"
            )
