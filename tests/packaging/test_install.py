"""`pip install .` (not editable) works from any folder: templates and resources are data."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


@pytest.mark.slow
def test_installed_package_renders_from_another_folder(tmp_path):
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheels),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    # `make run` installs quietly: no screens of setuptools warnings about the data folders.
    assert "would be ignored" not in built.stdout + built.stderr
    (wheel,) = wheels.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # Dependencies come from the test environment; the composer package only from the wheel.
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    )
    Path(site.stdout.strip(), "test-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    elsewhere = tmp_path / "ergens"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import composer; print(composer.__file__)"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    )
    assert where.stdout.startswith(str(venv))
    shipped = subprocess.run(
        [
            str(python),
            "-c",
            "from composer.paths import user_guide as g; "
            "print(g().is_file(), (g().parent / 'screenshots' / 'hoofdvenster.png').is_file())",
        ],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    )
    assert shipped.stdout.split() == ["True", "True"]  # Help > Gebruikershandleiding works
    fonts = subprocess.run(
        [
            str(python),
            "-c",
            "from composer.render.font_metrics import fonts_dir, metrics_for as m; "
            "print(m('Calibri', bold=True).family, m('Arial').family.replace(' ', '_'), "
            "(fonts_dir() / 'LICENSE-Carlito.txt').is_file(), str(fonts_dir()))",
        ],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    )
    # The fonts the address window is measured with, and their licences, are in the wheel.
    assert fonts.stdout.split()[:3] == ["Carlito", "Liberation_Sans", "True"]
    assert fonts.stdout.split()[3].startswith(str(venv))
    result = subprocess.run(
        [str(venv / "bin" / "composer"), "render", str(SAMPLE), "-o", "brief.docx"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Geachte heer Van Liemt," in body_paragraphs(elsewhere / "brief.docx")
    listing = subprocess.run(
        [str(venv / "bin" / "composer"), "templates", "list"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "composer/data/templates/brief.docx" in listing.stdout
    cover = subprocess.run(
        [
            str(python),
            "-c",
            "from composer.sending.mail_cover import cover_template_path as p; "
            "print(p().read_text(encoding='utf-8'))",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Hierbij ontvangt u" in cover.stdout  # the e-mail's cover text is installed
    english = subprocess.run(
        [
            str(python),
            "-c",
            "from composer import i18n; i18n.set_language('en'); print(i18n._('&Instellingen…'))",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=True,
    )
    assert english.stdout.strip() == "&Settings…"  # the compiled catalogue is in the wheel
