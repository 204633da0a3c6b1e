"""The send register: per addressee and send attempt, how a sent letter went out and the result.

One row per addressee when a letter is sent (channel 'post': archived, to be posted, with that
addressee's own PDF), and one per addressee each time it is mailed or written as .eml. Rows are
only ever added (triggers, as for archive_files): a retry adds rows, history is never rewritten.
Nothing else changes; letters sent before this migration simply have no rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_TABLE = "send_register"


def upgrade() -> None:
    op.create_table(
        _TABLE,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("letter_id", sa.Integer, sa.ForeignKey("letters.id"), nullable=False),
        sa.Column("version_number", sa.Integer, nullable=False),
        sa.Column("addressee_index", sa.Integer, nullable=False),
        sa.Column("addressee", sa.Text, nullable=False, server_default=""),
        sa.Column("email", sa.Text, nullable=False, server_default=""),
        sa.Column("channel", sa.Text, nullable=False),
        sa.Column("sent_at", sa.Text, nullable=False),
        sa.Column("message_id", sa.Text, nullable=False, server_default=""),
        sa.Column("attachment", sa.Text, nullable=False, server_default=""),
        sa.Column("attachment_sha256", sa.String(64), nullable=False, server_default=""),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("error", sa.Text, nullable=False, server_default=""),
        sa.Column("author", sa.Text, nullable=False),
        sa.ForeignKeyConstraint(
            ["letter_id", "version_number"], ["versions.letter_id", "versions.number"]
        ),
        sa.CheckConstraint("addressee_index >= 1", name="ck_send_register_addressee_index"),
        sa.CheckConstraint("channel IN ('post', 'email', 'eml')", name="ck_send_register_channel"),
        sa.CheckConstraint("result IN ('verzonden', 'mislukt')", name="ck_send_register_result"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_send_register_letter_id", _TABLE, ["letter_id"])
    if op.get_bind().dialect.name == "postgresql":
        # composer_refuse_change() is migration 0002's.
        op.execute(
            f"CREATE TRIGGER {_TABLE}_immutable BEFORE UPDATE OR DELETE ON {_TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION composer_refuse_change()"
        )
        return
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER {_TABLE}_immutable_{action.lower()} BEFORE {action} ON {_TABLE} "
            f"BEGIN SELECT RAISE(ABORT, 'composer: {_TABLE} is immutable, rows are only "
            "ever added'); END"
        )
