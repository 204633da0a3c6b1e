"""Storage writes rows and never imports the review workflow; status values sit below both."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from composer.review.library_rules import REVIEW_RULES
from composer.review.service import ReviewService
from composer.storage.library import Library
from composer.storage.review_rules import NoReviewRules

COMPOSER = Path(__file__).resolve().parents[2] / "composer"


def _imported(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("folder", ["storage", "core"])
def test_no_storage_or_core_module_imports_review(folder):
    offenders = {
        str(path.relative_to(COMPOSER)): sorted(
            name for name in _imported(path) if name.startswith("composer.review")
        )
        for path in (COMPOSER / folder).rglob("*.py")
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_loading_storage_and_verifying_loads_no_review_module():
    code = (
        "import sys\n"
        "from composer.storage.library import Library\n"
        "import composer.storage.archive_import, composer.storage.verify\n"
        "with Library.open('sqlite://') as library:\n"
        "    assert library.verify().ok\n"
        "print(sorted(m for m in sys.modules if m.startswith('composer.review')))\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert found.strip() == "[]"


def test_a_library_without_the_rules_refuses_what_needs_them(letter):
    with Library.open("sqlite://") as bare:
        letter_id = bare.add(letter, author="Anna")
        assert bare.save(letter_id, letter, author="Anna") == 2  # a concept needs no rules
        assert bare.verify().ok
        bare.use_rules(REVIEW_RULES)
        ReviewService(bare).submit(letter_id, author="Anna")
        unruled = Library(bare.engine)  # the same database, opened without the rules
        with pytest.raises(NoReviewRules):
            unruled.save(letter_id, letter, author="Anna")
        with pytest.raises(NoReviewRules):
            unruled.verify()
        assert bare.verify().ok
