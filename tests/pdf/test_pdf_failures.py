"""LibreOffice hangs, crashes, is missing, or the user cancels: clear Dutch errors, no debris."""

from __future__ import annotations

import sys
import time

import pytest

from composer.paths import cache_dir
from composer.render.pdf import (
    CancelToken,
    ConversionCancelled,
    LibreOfficeMissing,
    PdfConversionError,
    PdfEngine,
    find_soffice,
    locate,
)
from composer.render.pdf.engine import plan_batches
from composer.render.pdf.locate import engine_version, parse_version
from tests.pdf.fake_pdfs import pdfa_bytes
from tests.pdf.pdf_helpers import alive, attempts, fake_soffice, sample_docx

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")


def leftovers() -> list[str]:
    root = cache_dir() / "libreoffice"
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


@posix_only
def test_hanging_libreoffice_is_killed_and_retried_once(tmp_path):
    soffice = fake_soffice(tmp_path, "sleep 600 &\necho $! >> " + str(tmp_path / "pids") + "\nwait")
    docx = sample_docx(tmp_path / "hangt.docx")
    target = tmp_path / "hangt.pdf"
    start = time.monotonic()
    with (
        PdfEngine(soffice, timeout_base=1, timeout_per_doc=0) as engine,
        pytest.raises(PdfConversionError) as caught,
    ):
        engine.convert(docx, target)
    assert time.monotonic() - start < 15
    message = str(caught.value)
    assert "hangt.docx" in message
    assert "na 1 seconde nog niet klaar" in message
    assert "tweede poging" in message
    assert caught.value.failed == [docx]
    assert attempts(tmp_path) == 2
    pids = [int(line) for line in (tmp_path / "pids").read_text().split()]
    assert len(pids) == 4  # per attempt: the script and its sleep
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in pids if alive(pid)] == []
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.suffix in (".pdf", ".tmp")] == []
    assert leftovers() == []


@posix_only
def test_crashing_libreoffice_gives_a_clear_error_after_one_retry(tmp_path):
    soffice = fake_soffice(tmp_path, "exit 1")
    docx = sample_docx(tmp_path / "stuk.docx")
    with PdfEngine(soffice) as engine, pytest.raises(PdfConversionError) as caught:
        engine.convert_many([(docx, tmp_path / "stuk.pdf")])
    assert attempts(tmp_path) == 2
    message = str(caught.value)
    assert "‘stuk.docx’" in message
    assert "vastgelopen (afsluitcode 1)" in message
    assert not (tmp_path / "stuk.pdf").exists()
    assert engine.version == "LibreOffice 9.9.9.9"


CRASH_AFTER_ONE = """out=""; prev=""; made=0
for arg in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$arg"; fi
  case "$arg" in *.docx)
    if [ $made = 1 ]; then exit 1; fi
    mkdir -p "$out"; cp "$(dirname "$0")/good.pdf" "$out/$(basename "$arg" .docx).pdf"; made=1;;
  esac
  prev="$arg"
done"""


@posix_only
def test_crash_midway_keeps_what_was_made_and_retries_the_rest(tmp_path):
    soffice = fake_soffice(tmp_path, CRASH_AFTER_ONE)
    (tmp_path / "good.pdf").write_bytes(pdfa_bytes())  # what the script copies: a sound PDF/A
    jobs = [(sample_docx(tmp_path / f"b{n}.docx"), tmp_path / f"b{n}.pdf") for n in range(3)]
    seen = []
    with PdfEngine(soffice, workers=1) as engine, pytest.raises(PdfConversionError) as caught:
        engine.convert_many(jobs, progress=lambda done, total: seen.append((done, total)))
    assert attempts(tmp_path) == 2  # [b0 b1 b2] made b0; the retry [b1 b2] made b1
    assert seen == [(1, 3), (2, 3)]
    assert [pdf.exists() for _, pdf in jobs] == [True, True, False]
    assert caught.value.failed == [jobs[2][0]]
    assert [result.pdf for result in caught.value.finished] == [jobs[0][1], jobs[1][1]]
    assert "‘b2.docx’" in str(caught.value) and "b1.docx" not in str(caught.value)


def test_batches_are_spread_over_the_workers():
    assert plan_batches(6, 2, 2) == [[0, 1], [2, 3], [4, 5]]
    assert [len(batch) for batch in plan_batches(100, 2, 25)] == [25] * 4
    assert [len(batch) for batch in plan_batches(30, 2, 25)] == [15, 15]
    assert plan_batches(1, 2, 25) == [[0]]


def test_missing_libreoffice_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.delenv("COMPOSER_SOFFICE", raising=False)
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setattr(locate, "STANDARD_PLACES", {})
    with pytest.raises(LibreOfficeMissing) as caught:
        find_soffice()
    assert "libreoffice.org" in str(caught.value)
    assert "DOCX" in str(caught.value)
    assert "sudo apt install libreoffice-writer-nogui" in str(caught.value)
    with pytest.raises(LibreOfficeMissing):
        PdfEngine()


def test_soffice_setting_that_points_nowhere_is_named(tmp_path, monkeypatch):
    wrong = tmp_path / "geen-soffice"
    monkeypatch.setenv("COMPOSER_SOFFICE", str(wrong))
    with pytest.raises(LibreOfficeMissing) as caught:
        find_soffice()
    assert str(wrong) in str(caught.value)
    assert "COMPOSER_SOFFICE" in str(caught.value)


def test_soffice_setting_wins_over_path(tmp_path, monkeypatch):
    soffice = fake_soffice(tmp_path, "exit 0")
    monkeypatch.setenv("COMPOSER_SOFFICE", str(soffice))
    assert find_soffice() == soffice
    assert engine_version(soffice) == "LibreOffice 9.9.9.9"


def test_version_line_is_shortened():
    assert parse_version("LibreOffice 7.4.7.2 40(Build:2)\n") == "LibreOffice 7.4.7.2"
    assert parse_version("Collabora Office 22.05.9.3 abc\n") == "Collabora Office 22.05.9.3"
    assert parse_version("") == "LibreOffice (versie onbekend)"


@pytest.mark.libreoffice
def test_cancel_after_the_first_batch_keeps_its_pdfs_only(soffice, tmp_path):
    jobs = [
        (sample_docx(tmp_path / f"brief-{n}.docx", f"Naam{n}"), tmp_path / f"brief-{n}.pdf")
        for n in range(4)
    ]
    token = CancelToken()
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))
        token.cancel()

    with PdfEngine(soffice, workers=1, restart_every=2) as engine:
        with pytest.raises(ConversionCancelled) as caught:
            engine.convert_many(jobs, progress=progress, cancel=token)
        assert str(caught.value) == "Afgebroken: 2 van 4 PDF's gemaakt."
        assert seen == [(2, 4)]
        assert [pdf.exists() for _, pdf in jobs] == [True, True, False, False]
        assert [r.pdf for r in caught.value.finished] == [jobs[0][1], jobs[1][1]]
    assert leftovers() == []


def test_cancelled_before_start_starts_nothing(tmp_path):
    token = CancelToken()
    token.cancel()
    engine = PdfEngine(fake_soffice(tmp_path, "exit 0"))
    docx = tmp_path / "a.docx"
    docx.write_bytes(b"x")
    with pytest.raises(ConversionCancelled) as caught:
        engine.convert_many([(docx, tmp_path / "a.pdf")], cancel=token)
    assert str(caught.value) == "Afgebroken: 0 van 1 PDF gemaakt."
    assert attempts(tmp_path) == 0
