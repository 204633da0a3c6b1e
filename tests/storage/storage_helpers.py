"""Helpers for the library tests: the sample letter, own catalogues, tampering with versions."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from composer.core.letterfile import letter_from_dict, letter_to_dict
from composer.core.models import Letter

REPO = Path(__file__).resolve().parents[2]
SAMPLE_LETTER = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SHIPPED_PROMISES = REPO / "resources" / "catalogues" / "servicebeloften.json"


def sample_dict() -> dict[str, Any]:
    return json.loads(SAMPLE_LETTER.read_text(encoding="utf-8"))


def sample_letter(**changes: Any) -> Letter:
    data = sample_dict()
    data.update(changes)
    return letter_from_dict(data)


def without_snapshot(letter: Letter) -> dict[str, Any]:
    data = letter_to_dict(letter)
    data.pop("snapshot", None)
    return data


def write_promises(data_dir: Path, texts: dict[int, str]) -> None:
    """Put an own servicebeloften catalogue in the data folder with these texts."""
    catalogue = json.loads(SHIPPED_PROMISES.read_text(encoding="utf-8"))
    catalogue = copy.deepcopy(catalogue)
    for item in catalogue["items"]:
        if item["number"] in texts:
            item["text"] = texts[item["number"]]
            item["placeholder"] = False
    folder = data_dir / "catalogues"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "servicebeloften.json").write_text(
        json.dumps(catalogue, ensure_ascii=False), encoding="utf-8"
    )


def tamper(engine: sa.Engine, statement: str, *, table: str = "versions", **params: Any) -> None:
    """Change stored rows behind Composer's back: first lift the immutability triggers."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.exec_driver_sql(f"ALTER TABLE {table} DISABLE TRIGGER {table}_immutable")
        else:
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_immutable_update")
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_immutable_delete")
        connection.execute(sa.text(statement), params)


def read_only_url(database_url: str) -> str:
    """The same library, opened so that nothing can be written: a read-only SQLite URI, or a
    PostgreSQL database whose transactions are read-only."""
    url = sa.make_url(database_url)
    if database_url.startswith("sqlite"):
        return f"sqlite:///file:{url.database}?mode=ro&uri=true"
    admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(
            f'ALTER DATABASE "{url.database}" SET default_transaction_read_only = on'
        )
    admin.dispose()
    return database_url
