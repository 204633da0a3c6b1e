"""Rendering speed: Composer's compile-once renderer against a naive docxtpl loop, same process.

The naive baseline is what a script would do: a new DocxTemplate per letter, render, save.
Prints the time per letter for both and the ratio. Run with `make bench`.
"""

from __future__ import annotations

import io
import platform
import sys
import time
from pathlib import Path

from docxtpl import DocxTemplate

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from composer.core.letterfile import load_letter  # noqa: E402
from composer.render.docx import render_docx  # noqa: E402
from composer.render.registry import find_template  # noqa: E402
from composer.render.sandbox import make_environment  # noqa: E402

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
LETTERS = 100


def naive(letter, context) -> float:
    template_path = find_template(letter.template).path
    start = time.perf_counter()
    for _ in range(LETTERS):
        document = DocxTemplate(str(template_path))
        document.render(context, jinja_env=make_environment(), autoescape=True)
        document.save(io.BytesIO())
    return (time.perf_counter() - start) / LETTERS


def composer_renderer(letter) -> float:
    render_docx(letter)  # first call checks and compiles the template
    start = time.perf_counter()
    for _ in range(LETTERS):
        render_docx(letter)
    return (time.perf_counter() - start) / LETTERS


def main() -> None:
    from composer.core.catalogues import load_profile, load_promises
    from composer.render.context import RenderInputs, build_context

    letter = load_letter(SAMPLE)
    context = build_context(letter, "brief", RenderInputs(load_profile(), load_promises()))
    ours = composer_renderer(letter)
    baseline = naive(letter, context)
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
    print(f"render DOCX, {LETTERS} letters of the sample")
    print(f"  naive docxtpl loop : {baseline * 1000:7.1f} ms per letter")
    print(f"  composer renderer  : {ours * 1000:7.1f} ms per letter (context building included)")
    print(f"  ratio              : {baseline / ours:7.1f}× faster")


if __name__ == "__main__":
    main()
