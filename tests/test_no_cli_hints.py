"""Domain messages carry no command-line hints: a remedy says what to do, each face in its words."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import composer

PACKAGE = Path(composer.__file__).parent
TRANSLATED = {"_", "N_", "ngettext", "pgettext", "npgettext"}
# A command (`composer letters copy 3`) or an option name (`--author`, `(--reason)`).
HINT = re.compile(r"(?<![\w-])composer [a-z]|(^|[\s(‘'\"])--[a-z]")


def _command_line_modules(path: Path) -> bool:
    """The command line's own modules: there a hint is the point."""
    return path.parent == PACKAGE and path.name.startswith("cli")


def _translated_strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        if node.func.id not in TRANSLATED:
            continue
        for argument in node.args:
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append((node.lineno, argument.value))
    return found


def hints_in_messages() -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {text!r}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if not _command_line_modules(path)
        for line, text in _translated_strings(path)
        if HINT.search(text)
    ]


def test_the_pattern_finds_what_it_should():
    assert HINT.search("Geef hem mee met --author.")
    assert HINT.search("een reden op (--reason), zodat")
    assert HINT.search("met ‘composer letters comments 3’.")
    assert not HINT.search("Brief 3 — concept")
    assert not HINT.search("Bewaar de brief eerst als concept.")


def test_no_command_line_hints_in_domain_messages():
    assert hints_in_messages() == []
