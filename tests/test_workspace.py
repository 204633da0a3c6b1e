"""The Workspace: the one reader of settings.toml; a change is saved and reaches the listeners,
the editor's aanhef placeholder and the LibreOffice the PDF engine uses."""

from __future__ import annotations

import ast
import os
import stat
from pathlib import Path

import pytest

from composer.app.workspace import Workspace
from composer.errors import ComposerError
from composer.settings import Settings, load_settings, settings_path
from composer.storage.library import DEFAULT_KENMERK_PATTERN

COMPOSER = Path(__file__).resolve().parent.parent / "composer"


def _names_used(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.alias):
            names.add(node.name.rsplit(".", 1)[-1])
    return names


def test_only_the_workspace_reads_settings_toml():
    allowed = {COMPOSER / "settings.py", *(COMPOSER / "app").glob("*.py")}
    readers = sorted(
        str(path.relative_to(COMPOSER))
        for path in COMPOSER.rglob("*.py")
        if path not in allowed and "load_settings" in _names_used(path)
    )
    assert readers == []


def test_the_locate_module_has_no_chosen_program_of_its_own():
    from composer.render.pdf import locate

    assert not hasattr(locate, "_chosen") and not hasattr(locate, "choose_soffice")


def test_load_reads_the_file_and_update_saves_and_tells_the_listeners():
    Path(os.environ["COMPOSER_CONFIG_DIR"], "settings.toml").write_text(
        'author = "Anna"\n', encoding="utf-8"
    )
    workspace = Workspace.load()
    assert workspace.settings.author == "Anna"
    heard = []
    unregister = workspace.on_settings_changed(lambda new, old: heard.append((new, old)))
    workspace.update_settings(Settings(author="Bert", group_salutation="Beste leden,"))
    assert load_settings().author == "Bert" and settings_path().is_file()
    assert [(new.author, old.author) for new, old in heard] == [("Bert", "Anna")]
    assert workspace.settings.group_salutation == "Beste leden,"
    unregister()
    workspace.update_settings(Settings(author="Cor"))
    assert len(heard) == 1


def test_a_lazy_workspace_reads_the_settings_only_when_asked():
    path = Path(os.environ["COMPOSER_CONFIG_DIR"], "settings.toml")
    path.write_text("author = 3\n", encoding="utf-8")
    workspace = Workspace.load(lazy=True)  # a command that needs no settings still works
    with pytest.raises(ComposerError, match="moet tekst zijn"):
        workspace.settings  # noqa: B018
    with pytest.raises(ComposerError):
        Workspace.load()


def test_the_chosen_libreoffice_lives_in_the_settings(tmp_path, monkeypatch):
    monkeypatch.delenv("COMPOSER_SOFFICE", raising=False)
    program = tmp_path / "soffice"
    program.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    chosen = Workspace(Settings(libreoffice_path=str(program)))
    assert chosen.soffice() == program
    from composer.render.pdf.locate import LibreOfficeMissing, find_soffice

    assert find_soffice(str(program)) == program
    with pytest.raises(LibreOfficeMissing, match="In Instellingen is ‘/nergens/soffice’"):
        Workspace(Settings(libreoffice_path="/nergens/soffice")).soffice()
    monkeypatch.setenv("COMPOSER_SOFFICE", str(program))  # the administrator's choice wins
    assert Workspace(Settings(libreoffice_path="/nergens/soffice")).soffice() == program


def test_the_default_kenmerk_pattern_of_storage_is_the_setting_s_default():
    assert Settings().kenmerk_pattern == DEFAULT_KENMERK_PATTERN


def test_the_aanhef_placeholder_follows_a_change_in_the_settings(qtbot, tmp_path):
    pytest.importorskip("PySide6")
    from composer.gui.editor.letter_editor import LetterEditor
    from composer.gui.session import LetterSession
    from composer.storage.library import Library

    with Library.open(f"sqlite:///{tmp_path / 'bieb.sqlite'}") as library:
        workspace = Workspace(Settings(author="Anna"), library=library)
        session = LetterSession(
            library, author="Anna", drafts_folder=tmp_path / "concepten", workspace=workspace
        )
        editor = LetterEditor(session)
        qtbot.addWidget(editor)
        session.new_from_template("brief")
        assert editor.salutation.edit.placeholderText() == "Geachte dames en heren,"
        workspace.update_settings(Settings(author="Anna", group_salutation="Beste leden,"))
        assert editor.salutation.edit.placeholderText() == "Beste leden,"
        session.close()
