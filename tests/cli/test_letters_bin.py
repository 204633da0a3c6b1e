"""`composer letters delete`, `restore ID` and `list --prullenbak`, as a user runs them."""

from __future__ import annotations

import json

from tests.cli.test_cli_letters import SAMPLE, composer, edited, ok  # noqa: F401  (fixture)


def test_delete_list_and_restore(composer, tmp_path):  # noqa: F811
    assert ok(composer("letters", "add", str(SAMPLE), "--author", "Anna")) == "1\n"
    second = edited(tmp_path, "Uitnodiging jaarcongres")
    assert ok(composer("letters", "add", str(second), "--author", "Anna")) == "2\n"

    deleted = composer("letters", "delete", "2", "--author", "Bert")
    assert ok(deleted) == ""
    assert "Brief 2 staat in de prullenbak" in deleted.stderr
    assert "composer letters restore 2" in deleted.stderr

    listed = json.loads(ok(composer("letters", "list", "--json")))
    assert [row["id"] for row in listed] == [1]
    binned = json.loads(ok(composer("letters", "list", "--prullenbak", "--json")))
    assert [(row["id"], row["subject"], row["deleted_by"]) for row in binned] == [
        (2, "Uitnodiging jaarcongres", "Bert")
    ]
    assert binned[0]["deleted_at"]
    text = ok(composer("letters", "list", "--prullenbak"))
    assert "Uitnodiging jaarcongres" in text and "Handreiking" not in text

    refused = composer("letters", "save", "2", str(second), "--author", "Anna")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "staat in de prullenbak" in refused.stderr

    restored = composer("letters", "restore", "2")
    assert ok(restored) == "" and "Brief 2 staat weer in de lijst" in restored.stderr
    assert [row["id"] for row in json.loads(ok(composer("letters", "list", "--json")))] == [2, 1]
    assert ok(composer("letters", "list", "--prullenbak", "--json")) == "[]\n"
    empty = composer("letters", "list", "--prullenbak")
    assert "Geen brieven in de prullenbak gevonden." in empty.stderr

    not_binned = composer("letters", "restore", "1")
    assert not_binned.returncode == 1 and "Traceback" not in not_binned.stderr
    assert "staat niet in de prullenbak" in not_binned.stderr
    # With a version number, restore is what it always was: a new version.
    assert ok(composer("letters", "restore", "1", "1", "--author", "Anna")) == "2\n"
    assert "klopt" in ok(composer("verify"))


def test_a_sent_letter_is_not_deleted(composer, database_url):  # noqa: F811
    import sqlalchemy as sa

    ok(composer("letters", "add", str(SAMPLE), "--author", "Anna"))
    assert ok(composer("letters", "finalize", "1", "--author", "Anna")).startswith("KSF/")
    engine = sa.create_engine(database_url)
    with engine.begin() as connection:  # as if it was sent (the archive is not needed here)
        connection.execute(sa.text("UPDATE letters SET status = 'verzonden' WHERE id = 1"))
    engine.dispose()
    refused = composer("letters", "delete", "1", "--author", "Anna")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert "is verzonden met kenmerk KSF/" in refused.stderr
    assert "staat in het archief" in refused.stderr
    assert [row["id"] for row in json.loads(ok(composer("letters", "list", "--json")))] == [1]
    missing = composer("letters", "delete", "99", "--author", "Anna")
    assert missing.returncode == 1 and "Brief 99 staat niet in de bibliotheek" in missing.stderr
