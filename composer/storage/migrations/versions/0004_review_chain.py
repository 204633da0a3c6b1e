"""Review history in a hash chain: events and comments linked, approvals and archive bound."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from composer.storage.review_chain import link_review

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Table: the chain columns it gets (all sha256 hex, "" until filled in below).
_COLUMNS = {
    "letters": ("head_hash", "last_event_hash"),
    "events": ("prev_hash", "hash"),
    "approvals": ("event_hash",),
    "comments": ("prev_hash", "hash"),
    "archive_files": ("event_hash", "hash"),
}
_KEYS = {
    "letters": ("id",),
    "events": ("id",),
    "approvals": ("id",),
    "comments": ("id",),
    "archive_files": ("letter_id", "version_number", "kind"),
}
# Immutable since 0003; their triggers are lifted only while the new columns are filled in.
_IMMUTABLE = ("events", "archive_files")


def _drop_triggers(postgresql: bool) -> None:
    for table in _IMMUTABLE:
        if postgresql:
            op.execute(f"DROP TRIGGER {table}_immutable ON {table}")
        else:
            op.execute(f"DROP TRIGGER {table}_immutable_update")
            op.execute(f"DROP TRIGGER {table}_immutable_delete")


def _create_triggers(postgresql: bool) -> None:
    for table in _IMMUTABLE:
        if postgresql:
            op.execute(
                f"CREATE TRIGGER {table}_immutable BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION composer_refuse_change()"
            )
            continue
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_immutable_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'composer: {table} is immutable, rows are only "
                "ever added'); END"
            )


def _rows(connection: sa.Connection, table: str) -> list[dict]:
    return [dict(row) for row in connection.execute(sa.text(f"SELECT * FROM {table}")).mappings()]


def _backfill(connection: sa.Connection) -> None:
    """Link the existing rows in the order they were written, as the program does now."""
    rows = {table: _rows(connection, table) for table in _COLUMNS}
    heads = connection.execute(
        sa.text(
            "SELECT letters.id, versions.hash FROM letters JOIN versions ON "
            "versions.letter_id = letters.id AND versions.number = letters.latest_version"
        )
    ).all()
    link_review(
        rows["letters"],
        dict(heads),
        events=rows["events"],
        approvals=rows["approvals"],
        comments=rows["comments"],
        archive_files=rows["archive_files"],
    )
    for table, columns in _COLUMNS.items():
        if not rows[table]:
            continue
        assignments = ", ".join(f"{column} = :{column}" for column in columns)
        where = " AND ".join(f"{key} = :{key}" for key in _KEYS[table])
        connection.execute(
            sa.text(f"UPDATE {table} SET {assignments} WHERE {where}"),
            [{k: row[k] for k in (*columns, *_KEYS[table])} for row in rows[table]],
        )


def upgrade() -> None:
    for table, columns in _COLUMNS.items():
        for column in columns:
            op.add_column(
                table, sa.Column(column, sa.String(64), nullable=False, server_default="")
            )
    connection = op.get_bind()
    postgresql = connection.dialect.name == "postgresql"
    _drop_triggers(postgresql)
    _backfill(connection)
    _create_triggers(postgresql)
