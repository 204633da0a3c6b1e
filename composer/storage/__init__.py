"""The letter library: SQLAlchemy Core tables, Alembic migrations, the library service."""
