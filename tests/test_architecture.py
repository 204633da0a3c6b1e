"""Who may import whom (the import contracts), no Qt outside composer.gui, ruff clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_core_packages_do_not_import_qt():
    code = (
        "import sys\n"
        "import composer.cli, composer.core.letterfile, composer.core.catalogues\n"
        "import composer.dutch, composer.render.docx, composer.render.lint\n"
        "import composer.settings, composer.paths\n"
        "assert 'PySide6' not in sys.modules, sorted(m for m in sys.modules if 'PySide6' in m)\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_no_pyside6_import_outside_gui():
    offenders = []
    for path in (REPO / "composer").rglob("*.py"):
        if "gui" in path.relative_to(REPO / "composer").parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "import PySide6" in text or "from PySide6" in text:
            offenders.append(str(path.relative_to(REPO)))
    assert offenders == []


def test_the_import_contracts_hold():
    """pyproject.toml [tool.importlinter]: the layers, the faces apart, Qt only in composer.gui."""
    pytest.importorskip("importlinter", reason="import-linter komt met de test-extra's")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports_command;"
            "sys.argv = ['lint-imports', '--no-cache']; lint_imports_command()",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    report = result.stdout + result.stderr
    summary = report[report.find("Contracts") :] if "Contracts" in report else report
    assert result.returncode == 0, summary


def test_code_is_ruff_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
