"""A PostgreSQL server that answers but lacks the database: say so, and how to create it."""

from __future__ import annotations

import uuid

import pytest
import sqlalchemy as sa

from composer.storage.database_errors import LibraryUnavailable
from composer.storage.library import Library
from tests.conftest import _postgres_admin_url, _required, run_composer


@pytest.fixture
def missing_database_url() -> str:
    admin = _postgres_admin_url()
    if not admin:
        if _required("COMPOSER_REQUIRE_POSTGRES"):
            pytest.fail(
                "PostgreSQL ontbreekt (COMPOSER_TEST_POSTGRES_URL), maar "
                "COMPOSER_REQUIRE_POSTGRES=1"
            )
        pytest.skip("PostgreSQL niet beschikbaar: start er een met .ci/start-postgres")
    name = f"composer_bestaat_niet_{uuid.uuid4().hex[:8]}"
    return sa.make_url(admin).set(database=name).render_as_string(hide_password=False)


def _expected(url: str) -> str:
    parsed = sa.make_url(url)
    return (
        f"De database ‘{parsed.database}’ bestaat niet op de databaseserver "
        f"{parsed.host}:{parsed.port}; de server zelf is wel bereikbaar. Laat de beheerder de "
        f"database aanmaken (bijvoorbeeld met het commando ‘createdb {parsed.database}’"
    )


def test_a_missing_database_is_not_called_unreachable(missing_database_url):
    with pytest.raises(LibraryUnavailable) as caught:
        Library.open(missing_database_url)
    assert caught.value.message.startswith(_expected(missing_database_url))
    assert "niet bereikbaar" not in caught.value.message


def test_the_command_line_says_it_too(missing_database_url):
    result = run_composer("letters", "list", env={"COMPOSER_DATABASE_URL": missing_database_url})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"composer: {_expected(missing_database_url)}")
    assert "COMPOSER_DATABASE_URL" in result.stderr


def test_a_server_that_speaks_dutch_is_understood_too():
    import psycopg

    from composer.storage.database_errors import LibraryMissing, translate

    orig = psycopg.OperationalError(
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: FATAL:  '
        'database "brieven" bestaat niet'
    )
    error = sa.exc.OperationalError("SELECT 1", {}, orig)
    translated = translate(error, "10.0.0.5:5432/brieven")
    assert isinstance(translated, LibraryMissing)
    assert translated.message.startswith(
        "De database ‘brieven’ bestaat niet op de databaseserver 10.0.0.5:5432;"
    )
