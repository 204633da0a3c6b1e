"""The prullenbak: a letter can be set aside (deleted_at, deleted_by) and taken back; never erased.

Nothing of the letter is removed: its versions, review history, kenmerk and archived files stay.
A trigger refuses a sent letter in the prullenbak, whichever order it is tried in (a sent
letter is in the archive; a letter in the prullenbak is not sent).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_SENT = "verzonden"  # composer.core.statuses.STATUS_SENT on the day of this migration
_REFUSAL = "composer: a sent letter cannot be in the prullenbak"


def upgrade() -> None:
    op.add_column("letters", sa.Column("deleted_at", sa.Text, nullable=True))
    op.add_column("letters", sa.Column("deleted_by", sa.Text, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"""
            CREATE FUNCTION composer_refuse_sent_in_bin() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.deleted_at IS NOT NULL AND NEW.status = '{_SENT}' THEN
                    RAISE EXCEPTION '{_REFUSAL}'
                        USING ERRCODE = 'integrity_constraint_violation';
                END IF;
                RETURN NEW;
            END $$
            """
        )
        op.execute(
            "CREATE TRIGGER letters_sent_not_in_bin BEFORE INSERT OR UPDATE ON letters "
            "FOR EACH ROW EXECUTE FUNCTION composer_refuse_sent_in_bin()"
        )
        return
    for action in ("INSERT", "UPDATE"):
        op.execute(
            f"CREATE TRIGGER letters_sent_not_in_bin_{action.lower()} BEFORE {action} ON letters "
            f"WHEN NEW.deleted_at IS NOT NULL AND NEW.status = '{_SENT}' "
            f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END"
        )
