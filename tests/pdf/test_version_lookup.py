"""`soffice --version` that hangs: given up after a short time, said once, not asked every time."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from composer.render.pdf import PdfEngine, locate
from composer.render.pdf.locate import UNKNOWN_VERSION
from tests.conftest import REPO
from tests.pdf.fake_pdfs import pdfa_bytes
from tests.pdf.pdf_helpers import alive, sample_docx

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")

LOOK_UP = """
import sys
from composer.render.pdf.locate import engine_version
print(engine_version(sys.argv[1]))
"""


def hanging_soffice(folder: Path) -> Path:
    """`--version` is noted in `asked` and then hangs; a conversion copies good.pdf."""
    (folder / "good.pdf").write_bytes(pdfa_bytes())
    script = folder / "soffice"
    script.write_text(
        "#!/bin/sh\n"
        'for arg in "$@"; do\n'
        '  if [ "$arg" = "--version" ]; then\n'
        f'    echo $$ >> "{folder / "asked"}"; exec sleep 600\n'
        "  fi\n"
        "done\n"
        'out=""; prev=""\n'
        'for arg in "$@"; do\n'
        '  if [ "$prev" = "--outdir" ]; then out="$arg"; fi\n'
        '  case "$arg" in *.docx)\n'
        f'    mkdir -p "$out"; cp "{folder / "good.pdf"}" "$out/$(basename "$arg" .docx).pdf";;\n'
        "  esac\n"
        '  prev="$arg"\n'
        "done\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def asked(folder: Path) -> list[int]:
    log = folder / "asked"
    return [int(line) for line in log.read_text().split()] if log.exists() else []


@posix_only
def test_a_hanging_version_check_is_given_up_soon_and_not_repeated_by_the_next_run(tmp_path):
    soffice = hanging_soffice(tmp_path)
    start = time.monotonic()
    try:
        for _run in range(2):  # two runs of Composer, e.g. two `composer render`
            done = subprocess.run(
                [sys.executable, "-c", LOOK_UP, str(soffice)],
                cwd=REPO,
                capture_output=True,
                text=True,
                timeout=40,
                check=False,
            )
            assert done.returncode == 0, done.stderr
            assert done.stdout.strip() == UNKNOWN_VERSION
        assert time.monotonic() - start < 25  # one short wait, not two long ones
        assert len(asked(tmp_path)) == 1
        assert not any(alive(pid) for pid in asked(tmp_path))
    finally:
        for pid in asked(tmp_path):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@posix_only
def test_a_hanging_version_check_is_said_once_and_the_pdfs_are_made(tmp_path, monkeypatch):
    monkeypatch.setattr(locate, "VERSION_TIMEOUT", 1.0)
    monkeypatch.setattr(locate, "_versions", {})
    soffice = hanging_soffice(tmp_path)
    docx = sample_docx(tmp_path / "brief.docx")
    with PdfEngine(soffice) as engine:
        first = engine.convert(docx, tmp_path / "eerste.pdf")
        second = engine.convert(docx, tmp_path / "tweede.pdf")
    assert first.engine == second.engine == UNKNOWN_VERSION
    said = [warning for warning in first.warnings if "versienummer" in warning]
    assert said == [
        f"LibreOffice (‘{soffice}’) gaf na 1 seconde nog geen versienummer en is gestopt. "
        "De PDF's worden wel gemaakt; als versie wordt ‘LibreOffice (versie onbekend)’ "
        "bewaard. Composer vraagt het pas over een dag opnieuw. Blijft dit gebeuren, kies dan "
        "in Instellingen > LibreOffice en bibliotheek een ander programma soffice of "
        "installeer LibreOffice opnieuw."
    ]
    assert not any("versienummer" in warning for warning in second.warnings)
    assert (tmp_path / "eerste.pdf").exists() and (tmp_path / "tweede.pdf").exists()
    assert len(asked(tmp_path)) == 1


@posix_only
def test_a_new_libreoffice_in_the_same_place_is_asked_again(tmp_path, monkeypatch):
    monkeypatch.setattr(locate, "VERSION_TIMEOUT", 1.0)
    soffice = hanging_soffice(tmp_path)
    assert locate.engine_version(soffice) == UNKNOWN_VERSION
    soffice.write_text(
        f'#!/bin/sh\necho $$ >> "{tmp_path / "asked"}"\necho "LibreOffice 24.2.1.2 abc"\n',
        encoding="utf-8",
    )
    assert locate.engine_version(soffice) == "LibreOffice 24.2.1.2"  # updated: asked again
    monkeypatch.setattr(locate, "_versions", {})  # as a new run of Composer
    assert locate.engine_version(soffice) == "LibreOffice 24.2.1.2"  # remembered
    assert len(asked(tmp_path)) == 2
