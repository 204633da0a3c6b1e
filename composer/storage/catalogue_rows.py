"""Catalogues (servicebeloften, citaten, …) kept in the library with their own version history."""

from __future__ import annotations

import json
import re
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from composer.errors import ComposerError
from composer.i18n import _
from composer.storage.hashing import canonical_json, catalogue_meta, version_hash
from composer.storage.library_records import CatalogueVersionInfo, record_from_row
from composer.storage.schema import catalogue_versions

_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


def check_name(name: str) -> None:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ComposerError(
            _(
                "‘{name}’ is geen geldige catalogusnaam. Gebruik kleine letters, cijfers, - en _, "
                "zoals ‘servicebeloften’."
            ).format(name=name)
        )


def save(
    connection: Connection, name: str, content: dict[str, Any], *, author: str, created_at: str
) -> int:
    """Store `content` as the next version of catalogue `name`; returns its number."""
    check_name(name)
    if not isinstance(content, dict):
        raise ComposerError(
            _("De inhoud van catalogus ‘{name}’ moet een JSON-object zijn.").format(name=name)
        )
    text = canonical_json(content)
    if connection.dialect.name == "postgresql":
        # Two first saves of a new catalogue have no row to lock; serialise them per name.
        key = sa.func.hashtext(sa.literal(f"composer-catalogue:{name}"))
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))
    latest = connection.execute(
        sa.select(catalogue_versions.c.number, catalogue_versions.c.hash)
        .where(catalogue_versions.c.name == name)
        .order_by(catalogue_versions.c.number.desc())
        .limit(1)
    ).first()
    number = latest.number + 1 if latest else 1
    meta = catalogue_meta(name=name, number=number, author=author, created_at=created_at)
    digest = version_hash(latest.hash if latest else "", text, meta)
    connection.execute(catalogue_versions.insert().values(**meta, content=text, hash=digest))
    return number


def content(connection: Connection, name: str, number: int | None = None) -> dict[str, Any] | None:
    """The stored catalogue (None: the latest version); None when there is no such version."""
    query = sa.select(catalogue_versions.c.content).where(catalogue_versions.c.name == name)
    if number is None:
        query = query.order_by(catalogue_versions.c.number.desc()).limit(1)
    else:
        query = query.where(catalogue_versions.c.number == number)
    text = connection.execute(query).scalar()
    return None if text is None else json.loads(text)


def history(connection: Connection, name: str) -> list[CatalogueVersionInfo]:
    rows = connection.execute(
        sa.select(catalogue_versions)
        .where(catalogue_versions.c.name == name)
        .order_by(catalogue_versions.c.number)
    )
    return [record_from_row(CatalogueVersionInfo, row) for row in rows]


def names(connection: Connection) -> list[str]:
    query = sa.select(catalogue_versions.c.name).distinct().order_by(catalogue_versions.c.name)
    return list(connection.execute(query).scalars())
