"""The PyInstaller build (composer.spec) runs without Python: version and a real render."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


@pytest.fixture(scope="module")
def frozen_program(tmp_path_factory) -> Path:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    if not pyinstaller:
        if os.environ.get("COMPOSER_REQUIRE_FROZEN", "") not in ("", "0"):
            pytest.fail("PyInstaller ontbreekt, maar COMPOSER_REQUIRE_FROZEN=1")
        pytest.skip("PyInstaller is niet geïnstalleerd (pip install '.[dist]')")
    work = tmp_path_factory.mktemp("frozen")
    subprocess.run(
        [
            pyinstaller,
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(work / "dist"),
            "--workpath",
            str(work / "build"),
            str(REPO / "composer.spec"),
        ],
        check=True,
        capture_output=True,
        cwd=REPO,
        timeout=900,
    )
    program = work / "dist" / "composer" / "composer"
    assert program.is_file()
    return program


@pytest.mark.slow
def test_frozen_version(frozen_program):
    from composer import __version__

    result = subprocess.run(
        [str(frozen_program), "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"composer {__version__}"


@pytest.mark.slow
def test_frozen_render_from_another_folder(frozen_program, tmp_path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(frozen_program), "render", str(SAMPLE), "-o", "brief.docx"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    paragraphs = body_paragraphs(elsewhere / "brief.docx")
    assert "Geachte heer Van Liemt," in paragraphs
    assert "Doorn, 17 oktober 2022" in paragraphs  # babel's Dutch locale data is bundled
    bad = subprocess.run(
        [str(frozen_program), "render", str(elsewhere / "weg.json"), "-o", "x.docx"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1 and "bestaat niet" in bad.stderr and "Traceback" not in bad.stderr


@pytest.mark.slow
def test_frozen_desktop_program_starts(frozen_program, tmp_path):
    from composer.settings import Settings, save_settings

    desktop = frozen_program.with_name("brievencomposer")
    assert desktop.is_file()
    save_settings(Settings(author="Marleen"))  # the name was given at an earlier start
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    process = subprocess.Popen(
        [str(desktop), "gui", str(SAMPLE)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Still running after a few seconds: the window is up and waiting for the user.
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=8)
    finally:
        process.kill()
        _, errors = process.communicate()
        _kill_processes_using(os.environ["COMPOSER_CACHE_DIR"])
    assert "Traceback" not in errors
    # It opened the library behind the window: the two samples and the letter file given.
    listing = subprocess.run(
        [str(frozen_program), "letters", "list"], capture_output=True, text=True, check=False
    )
    assert listing.returncode == 0, listing.stderr
    assert len([line for line in listing.stdout.splitlines() if "Concept" in line]) == 3


def _kill_processes_using(folder: str) -> None:
    """The killed program could not stop its warm LibreOffice (the preview's): stop it here."""
    import signal

    for entry in Path("/proc").glob("[0-9]*"):
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="ignore")
        except OSError:
            continue
        if folder in command and "soffice" in command:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(int(entry.name), signal.SIGKILL)
