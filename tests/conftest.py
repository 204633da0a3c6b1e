"""Shared fixtures: every test gets its own data, config and cache folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "resources" / "samples"
SAMPLE_LETTER = SAMPLES / "brief-cao-onderhandelaars.json"
SAMPLE_PRESS_RELEASE = SAMPLES / "persbericht-handreiking-cao.json"

# Before pytest-qt's session-wide QApplication exists: GUI tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point every user folder into a temp dir, so tests never touch a real profile."""
    root = tmp_path_factory.mktemp("composer-home")
    for name in ("DATA", "CONFIG", "CACHE", "LOG"):
        folder = root / name.lower()
        folder.mkdir()
        monkeypatch.setenv(f"COMPOSER_{name}_DIR", str(folder))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    # The LibreOffice chosen in Instellingen lives in each Workspace's settings (no module
    # global to reset): a test's chosen program never reaches the next test.
    return root


def _required(variable: str) -> bool:
    return os.environ.get(variable, "") not in ("", "0")


def soffice_path() -> str | None:
    return (
        os.environ.get("COMPOSER_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    )


@pytest.fixture
def soffice() -> str:
    path = soffice_path()
    if not path:
        if _required("COMPOSER_REQUIRE_LIBREOFFICE"):
            pytest.fail("LibreOffice (soffice) ontbreekt, maar COMPOSER_REQUIRE_LIBREOFFICE=1")
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    return path


@pytest.fixture
def convert_to_pdf(soffice: str, tmp_path: Path):
    """Convert a DOCX with a real LibreOffice and a private profile; returns the PDF path."""

    def convert(docx: Path) -> Path:
        outdir = tmp_path / "pdf"
        outdir.mkdir(exist_ok=True)
        profile = (tmp_path / "lo-profile").as_uri()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        pdf = outdir / (docx.stem + ".pdf")
        assert pdf.is_file(), f"LibreOffice maakte geen PDF van {docx}"
        return pdf

    return convert


def run_composer(
    *args: str, cwd: Path = REPO, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """`python -m composer ARGS` in a separate process, as a person at a terminal runs it."""
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )


def pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)


def _postgres_admin_url() -> str | None:
    return os.environ.get("COMPOSER_TEST_POSTGRES_URL") or None


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty library database: a SQLite file, and a fresh PostgreSQL database per test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'bibliotheek.sqlite'}"
        return
    admin = _postgres_admin_url()
    if not admin:
        if _required("COMPOSER_REQUIRE_POSTGRES"):
            pytest.fail(
                "PostgreSQL ontbreekt (COMPOSER_TEST_POSTGRES_URL), maar "
                "COMPOSER_REQUIRE_POSTGRES=1"
            )
        pytest.skip("PostgreSQL niet beschikbaar: start er een met .ci/start-postgres")
    import uuid

    import sqlalchemy as sa

    name = f"composer_test_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(admin).set(database=name).render_as_string(hide_password=False)
    finally:
        with engine.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        engine.dispose()
