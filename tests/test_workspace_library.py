"""The Workspace hands every library the review rules, and the command line opens it through it."""

from __future__ import annotations

import pytest

from composer import cli
from composer.app.workspace import Workspace
from composer.review.library_rules import REVIEW_RULES
from composer.settings import Settings
from composer.storage.library import Library
from tests.conftest import SAMPLE_LETTER


def test_a_library_handed_in_gets_the_review_rules(tmp_path):
    with Library.open(f"sqlite:///{tmp_path / 'een.sqlite'}") as first:
        assert first.rules is None  # opened as a GUI test or a bench does
        workspace = Workspace(Settings(author="Anna"), library=first)
        assert first.rules is REVIEW_RULES
        with Library.open(f"sqlite:///{tmp_path / 'twee.sqlite'}") as second:
            assert workspace.use_library(second) is first
            assert workspace.library is second and second.rules is REVIEW_RULES
            assert workspace.use_library(None) is second


def test_a_save_through_the_workspace_follows_the_workflow(tmp_path):
    """Without the rules a save of a letter under review would be refused by storage."""
    from composer.core.letterfile import load_letter

    with Library.open(f"sqlite:///{tmp_path / 'bieb.sqlite'}") as library:
        workspace = Workspace(Settings(author="Anna"), library=library)
        letter = load_letter(SAMPLE_LETTER)
        letter_id = library.add(letter, author="Anna", message="")
        workspace.review().submit(letter_id, author="Anna")
        assert library.save(letter_id, letter, author="Anna", message="", base=1) == 2
        assert workspace.review().status(letter_id).status == "concept"


@pytest.fixture
def opened(monkeypatch, tmp_path):
    monkeypatch.setenv("COMPOSER_DATABASE_URL", f"sqlite:///{tmp_path / 'bieb.sqlite'}")
    calls: list[Workspace] = []
    original = Workspace.open_library

    def open_library(self: Workspace, url: str | None = None) -> Library:
        calls.append(self)
        return original(self, url)

    monkeypatch.setattr(Workspace, "open_library", open_library)
    return calls


def test_the_command_line_opens_the_library_through_its_workspace(opened, capsys):
    assert cli.main(["letters", "add", str(SAMPLE_LETTER), "--author", "Anna"]) == 0
    assert cli.main(["letters", "list"]) == 0
    assert cli.main(["letters", "submit", "1", "--author", "Anna"]) == 0
    assert cli.main(["letters", "status", "1"]) == 0
    capsys.readouterr()
    assert len(opened) == 4
