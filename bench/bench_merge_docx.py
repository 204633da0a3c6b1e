"""DOCX mail merge of 500 addressees: `run_merge` against the naive loop, in one process.

Naive baseline: for every addressee a new DocxTemplate, render, save — on the same template and the
same context values. Also prints the peak memory of the merge for 100 and for 500 addressees
(tracemalloc), which should be flat in N: letters are streamed to disk, never collected.
"""

from __future__ import annotations

import copy
import os
import platform
import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docxtpl import DocxTemplate  # noqa: E402

from composer.core.catalogues import load_profile, load_promises  # noqa: E402
from composer.core.letterfile import load_letter  # noqa: E402
from composer.merge.rows import MergeRow  # noqa: E402
from composer.merge.service import MergeOptions, run_merge  # noqa: E402
from composer.render.context import RenderInputs, build_context  # noqa: E402
from composer.render.registry import find_template  # noqa: E402
from composer.render.sandbox import make_environment  # noqa: E402

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
COUNT = int(os.environ.get("COMPOSER_BENCH_MERGE_LETTERS", "500"))


def rows(letter, count: int) -> list[MergeRow]:
    result = []
    for number in range(count):
        addressee = copy.deepcopy(letter.addressees[0])
        addressee.person = replace(addressee.person, surname=f"Liemt{number}")
        result.append(MergeRow(f"rij {number + 2}", addressee))
    return result


def naive(letter, merge_rows, folder: Path) -> float:
    template = find_template(letter.template).path
    inputs = RenderInputs(load_profile(), load_promises())
    start = time.perf_counter()
    for index, row in enumerate(merge_rows):
        context = build_context(replace(letter, addressees=[row.addressee]), "brief", inputs)
        document = DocxTemplate(str(template))
        document.render(context, jinja_env=make_environment(), autoescape=True)
        document.save(str(folder / f"{index:04d}.docx"))
    return time.perf_counter() - start


def ours(letter, merge_rows, folder: Path) -> float:
    start = time.perf_counter()
    run_merge(letter, merge_rows, folder, MergeOptions(formats=("docx",)))
    return time.perf_counter() - start


def peak_memory(letter, count: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        merge_rows = rows(letter, count)
        tracemalloc.start()
        run_merge(letter, merge_rows, Path(folder), MergeOptions(formats=("docx",)))
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / 1e6


def main() -> None:
    letter = load_letter(SAMPLE)
    merge_rows = rows(letter, COUNT)
    run_merge(letter, rows(letter, 2), Path(tempfile.mkdtemp()), MergeOptions())  # warm-up
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        baseline = naive(letter, merge_rows, Path(a))
        measured = ours(letter, merge_rows, Path(b))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )
    print(f"DOCX merge of {COUNT} addressees")
    print(f"  naive loop (new DocxTemplate per letter): {baseline:6.2f} s")
    print(f"  composer merge                          : {measured:6.2f} s")
    print(f"  ratio                                   : {baseline / measured:6.1f}× faster")
    small, large = peak_memory(letter, 100), peak_memory(letter, COUNT)
    print(f"  peak memory of the merge: {small:5.1f} MB for 100, {large:5.1f} MB for {COUNT}")


if __name__ == "__main__":
    main()
