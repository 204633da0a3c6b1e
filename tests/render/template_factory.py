"""Small hand-made templates for lint and sandbox tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from docx import Document

REPO = Path(__file__).resolve().parents[2]


def docx_with(path: Path, paragraphs: list[list[str]]) -> Path:
    """A .docx whose paragraphs consist of the given runs (one list item = one run)."""
    document = Document()
    for runs in paragraphs:
        paragraph = document.add_paragraph()
        for text in runs:
            paragraph.add_run(text)
    document.save(str(path))
    return path


def install_user_template(data_dir: Path, name: str, source: Path, kind: str = "brief") -> None:
    """Put a template in the user's template folder, as an office would."""
    folder = data_dir / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, folder / f"{name}.docx")
    manifest = {"name": name, "title": name.capitalize(), "kind": kind}
    (folder / f"{name}.json").write_text(json.dumps(manifest), encoding="utf-8")
