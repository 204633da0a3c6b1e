"""PDF speed: Composer's PdfEngine against a naive loop of one soffice process per letter.

Renders the sample letter N times (a different addressee surname each time) to DOCX, then makes
PDF/A-2b of all of them twice:
  (a) naive: one `soffice --convert-to` process per letter, one after the other, with a private
      profile that a first untimed run has already created (so the loop does not pay for that);
  (b) PdfEngine.convert_many: batches through a few warm processes, in parallel.
Both use the same PDF/A export filter. N is COMPOSER_BENCH_PDF_LETTERS (default 100).
Run with `.venv/bin/python bench/bench_pdf.py`.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from composer.core.letterfile import load_letter  # noqa: E402
from composer.render.docx import render_docx  # noqa: E402
from composer.render.pdf import PdfEngine, engine_version, find_soffice  # noqa: E402
from composer.render.pdf.batch import PDFA_FILTER, complete_pdf  # noqa: E402

SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
LETTERS = int(os.environ.get("COMPOSER_BENCH_PDF_LETTERS", "100"))


def render_letters(folder: Path, count: int) -> list[Path]:
    paths = []
    for number in range(count):
        letter = load_letter(SAMPLE)
        letter.addressees[0].person.surname = f"Liemt-{number:03d}"
        path = folder / f"brief-{number:03d}.docx"
        path.write_bytes(render_docx(letter).data)
        paths.append(path)
    return paths


def soffice_once(soffice: Path, profile: Path, docx: Path, outdir: Path) -> None:
    subprocess.run(
        [
            str(soffice),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            PDFA_FILTER,
            "--outdir",
            str(outdir),
            str(docx),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )


def naive(soffice: Path, docx_files: list[Path], work: Path) -> float:
    profile = work / "naive-profile"
    soffice_once(soffice, profile, docx_files[0], work / "warm-up")  # untimed: makes the profile
    outdir = work / "naive"
    start = time.perf_counter()
    for docx in docx_files:
        soffice_once(soffice, profile, docx, outdir)
    seconds = time.perf_counter() - start
    assert all(complete_pdf(outdir / f"{docx.stem}.pdf") for docx in docx_files)
    return seconds


def engine(soffice: Path, docx_files: list[Path], work: Path) -> tuple[float, PdfEngine]:
    outdir = work / "engine"
    outdir.mkdir()
    jobs = [(docx, outdir / f"{docx.stem}.pdf") for docx in docx_files]
    start = time.perf_counter()
    with PdfEngine(soffice) as pdf_engine:  # profiles start cold: their creation is timed
        pdf_engine.convert_many(jobs)
    seconds = time.perf_counter() - start
    assert all(complete_pdf(pdf) for _, pdf in jobs)
    return seconds, pdf_engine


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="composer-bench-pdf-") as temp:
        work = Path(temp)
        os.environ["COMPOSER_CACHE_DIR"] = str(work / "cache")  # profiles stay in the temp dir
        soffice = find_soffice()
        (work / "docx").mkdir()
        docx_files = render_letters(work / "docx", LETTERS)
        print(
            f"machine: {platform.machine()}, {os.cpu_count()} cores, "
            f"{platform.system()} {platform.release()}, Python {platform.python_version()}, "
            f"{engine_version(soffice)} ({soffice})"
        )
        print(f"PDF/A-2b of {LETTERS} letters of the sample (2 pages each)")
        ours, used = engine(soffice, docx_files, work)
        baseline = naive(soffice, docx_files, work)
        print(
            f"  naive: 1 soffice per letter : {baseline:7.1f} s ({baseline / LETTERS:.2f} s/letter)"
        )
        print(
            f"  PdfEngine.convert_many      : {ours:7.1f} s ({ours / LETTERS:.2f} s/letter; "
            f"{used.workers} workers, batches of at most {used.restart_every})"
        )
        print(f"  ratio                       : {baseline / ours:7.1f}× faster")


if __name__ == "__main__":
    main()
