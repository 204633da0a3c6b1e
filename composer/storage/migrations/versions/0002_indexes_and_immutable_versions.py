"""Indexes for the letter list and the kenmerk register; triggers that keep versions immutable."""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_IMMUTABLE = ("versions", "catalogue_versions")


def upgrade() -> None:
    op.create_index("ix_letters_updated_at", "letters", ["updated_at"])
    op.create_index("ix_letters_status", "letters", ["status"])
    op.create_index("ix_kenmerk_register_letter_id", "kenmerk_register", ["letter_id"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION composer_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'composer: % is immutable, rows are only ever added',
                    TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
            END $$
            """
        )
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
