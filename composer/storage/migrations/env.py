"""Alembic environment: runs the migrations on the connection Composer passes in."""

from __future__ import annotations

from alembic import context

from composer.storage.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "Composer migrates its library itself when it opens it (composer.storage.migrate); "
        "run the alembic command line only with a connection in config.attributes."
    )

# The caller has begun the transaction (BEGIN IMMEDIATE on SQLite, an advisory lock on
# PostgreSQL); Alembic then runs every step inside it, so an upgrade is all or nothing.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
