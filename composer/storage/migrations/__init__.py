"""Alembic migrations of the library database (applied at open, forward only)."""
