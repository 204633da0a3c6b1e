"""The office word list: words the spelling check accepts for everyone using the library.

One row per word ("Toevoegen aan woordenlijst"), with who added it and when. Nothing else
changes; the letters and their versions are untouched.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_words",
        sa.Column("word", sa.Text, primary_key=True),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.Column("added_at", sa.Text, nullable=False),
        sa.CheckConstraint("length(word) BETWEEN 1 AND 100", name="ck_office_words_word"),
    )
