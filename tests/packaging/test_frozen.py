"""The PyInstaller build (composer.spec) runs without Python: version and a real render."""

from __future__ import annotations

import contextlib
import json
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
    # babel's Dutch locale data is bundled: the month is written out in the reference line
    assert "KSF/2022/0147\t–\t17 oktober 2022" in paragraphs
    # The spelling dictionary and the word frequencies are bundled: `check` reads the letter.
    checked = subprocess.run(
        [str(frozen_program), "check", str(SAMPLE)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
    assert "Leesbaarheid van de brief (Flesch-Douma)" in checked.stdout
    assert "spelling is niet gecontroleerd" not in checked.stderr
    bad = subprocess.run(
        [str(frozen_program), "render", str(elsewhere / "weg.json"), "-o", "x.docx"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1 and "bestaat niet" in bad.stderr and "Traceback" not in bad.stderr
    # The fonts in resources/fonts are bundled: the check for characters without a glyph works.
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["subject"] = "Handreiking \U0001f600"
    (elsewhere / "emoji.json").write_text(json.dumps(data), encoding="utf-8")
    emoji = subprocess.run(
        [str(frozen_program), "render", "emoji.json", "-o", "emoji.docx"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert emoji.returncode == 0, emoji.stderr
    assert "Waarschuwing: Het teken \U0001f600 (in Betreft)" in emoji.stderr


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
