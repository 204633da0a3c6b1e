"""Two conversions at once, in two threads or two processes, each with its own profile."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from composer.paths import cache_dir
from composer.render.pdf import PdfEngine
from tests.conftest import REPO, pdf_text
from tests.pdf.pdf_helpers import logging_soffice, profiles_used, sample_docx

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(sys.platform == "win32", reason="the logging wrapper is a shell script"),
]


def _jobs(folder: Path, names: list[str]) -> list[tuple[Path, Path]]:
    return [(sample_docx(folder / f"{name}.docx", name), folder / f"{name}.pdf") for name in names]


def _check_profiles(calls: Path, conversions: int) -> None:
    profiles = profiles_used(calls)
    assert len(profiles) == conversions
    assert len(set(profiles)) == conversions, profiles
    lines = calls.read_text().splitlines()
    assert all("-env:UserInstallation=file://" in line for line in lines)  # never the user's
    root = (cache_dir() / "libreoffice").resolve().as_uri()
    assert all(profile.startswith(root + "/profile-") for profile in profiles), profiles


def test_two_engines_in_two_threads(soffice, tmp_path):
    wrapper = logging_soffice(tmp_path, soffice)
    groups = [_jobs(tmp_path / "a", ["Alfa", "Bravo"]), _jobs(tmp_path / "b", ["Charlie"])]
    for jobs in groups:
        jobs[0][0].parent.mkdir(exist_ok=True)
    start = threading.Barrier(2)
    outcomes: dict[int, object] = {}

    def convert(number: int) -> None:
        engine = PdfEngine(wrapper, workers=1)
        start.wait()
        try:
            outcomes[number] = engine.convert_many(groups[number])
        except Exception as exc:
            outcomes[number] = exc
        finally:
            engine.close()

    threads = [threading.Thread(target=convert, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(isinstance(outcome, list) for outcome in outcomes.values()), outcomes
    assert len(outcomes) == 2
    for jobs in groups:
        for docx, pdf in jobs:
            assert docx.stem in pdf_text(pdf)
    _check_profiles(tmp_path / "calls", conversions=2)


def test_one_engine_shared_by_two_threads(soffice, tmp_path):
    wrapper = logging_soffice(tmp_path, soffice)
    jobs = _jobs(tmp_path, ["Delta", "Echo"])
    engine = PdfEngine(wrapper, workers=1)
    errors: list[BaseException] = []

    def convert(job: tuple[Path, Path]) -> None:
        try:
            engine.convert(*job)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=convert, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    engine.close()
    assert errors == []
    assert all(pdf.is_file() for _, pdf in jobs)
    _check_profiles(tmp_path / "calls", conversions=2)


CHILD = """
import sys
from pathlib import Path
from composer.render.pdf import PdfEngine
with PdfEngine() as engine:
    print(engine.convert(Path(sys.argv[1]), Path(sys.argv[2])).engine)
"""


def test_two_processes_share_a_cache_folder(soffice, tmp_path):
    wrapper = logging_soffice(tmp_path, soffice)
    jobs = _jobs(tmp_path, ["Foxtrot", "Golf"])
    env = {**os.environ, "COMPOSER_SOFFICE": str(wrapper)}  # COMPOSER_CACHE_DIR: this test's
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(docx), str(pdf)],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for docx, pdf in jobs
    ]
    for process in processes:
        out, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
        assert out.startswith("LibreOffice ")
    for docx, pdf in jobs:
        assert docx.stem in pdf_text(pdf)
    _check_profiles(tmp_path / "calls", conversions=2)
    assert list((cache_dir() / "libreoffice").iterdir()) == []
