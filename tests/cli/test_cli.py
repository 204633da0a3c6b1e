"""The command line as a user meets it: exit codes, Dutch messages, files written or left alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer import __version__
from composer.cli import main
from tests.conftest import run_composer
from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"


def broken_letter(tmp_path: Path) -> Path:
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["addressees"][0]["address"]["postcode"] = "25110 AB"
    path = tmp_path / "fout.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_version():
    result = run_composer("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"composer {__version__}"


def test_render_writes_the_docx(tmp_path):
    out = tmp_path / "brief.docx"
    result = run_composer("render", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "Geachte heer Van Liemt," in body_paragraphs(out)
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]  # no temp files left


def test_bad_input_is_a_dutch_message_without_traceback_and_no_file(tmp_path):
    out = tmp_path / "brief.docx"
    result = run_composer("render", str(broken_letter(tmp_path)), "-o", str(out))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "niet worden geëxporteerd" in result.stderr
    assert "Postcode van geadresseerde 1: De postcode is ongeldig (‘25110 AB’)" in result.stderr
    assert "addressees" not in result.stderr and "[0]" not in result.stderr
    assert not out.exists()


def test_an_existing_output_stays_untouched_on_bad_input(tmp_path):
    out = tmp_path / "brief.docx"
    out.write_bytes(b"vorige versie")
    assert main(["render", str(broken_letter(tmp_path)), "-o", str(out)]) == 1
    assert out.read_bytes() == b"vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.docx", "fout.json"]


def test_usage_errors_exit_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["render", str(SAMPLE)])
    assert caught.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "brief.odt")]) == 2
    assert "Gebruik .docx of .pdf" in capsys.readouterr().err


def test_render_pdf(tmp_path, soffice):
    from tests.conftest import pdf_text

    out = tmp_path / "brief.pdf"
    result = run_composer("render", str(SAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "PDF gemaakt met LibreOffice" in result.stderr
    assert "Geachte heer Van Liemt," in pdf_text(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.pdf"]


def test_render_pdf_without_libreoffice_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.delenv("COMPOSER_SOFFICE", raising=False)
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "brief.pdf"
    result = run_composer("render", str(SAMPLE), "-o", str(out))
    assert result.returncode == 1
    assert "libreoffice.org" in result.stderr and "DOCX" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    docx = run_composer("render", str(SAMPLE), "-o", str(tmp_path / "brief.docx"))
    assert docx.returncode == 0, docx.stderr  # DOCX export keeps working


def test_missing_letter_and_missing_folder(tmp_path, capsys):
    assert main(["render", str(tmp_path / "weg.json"), "-o", str(tmp_path / "x.docx")]) == 1
    assert "bestaat niet" in capsys.readouterr().err
    assert main(["render", str(SAMPLE), "-o", str(tmp_path / "geen" / "x.docx")]) == 1
    assert "De map" in capsys.readouterr().err


def test_templates_list_and_check(capsys):
    assert main(["templates", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [line.split()[:2] for line in listing] == [
        ["brief", "brief"],
        ["persbericht", "persbericht"],
    ]
    assert main(["templates", "check", str(REPO / "templates" / "brief.docx")]) == 0
    assert "is in orde" in capsys.readouterr().out


def test_templates_check_fails_on_an_unsafe_template(tmp_path):
    from tests.render.template_factory import docx_with

    template = docx_with(tmp_path / "kwaad.docx", [["{{ ''.__class__.__mro__ }}"]])
    result = run_composer("templates", "check", str(template))
    assert result.returncode == 1
    assert "‘__class__’ is niet toegestaan" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_dir_override_is_used(tmp_path, monkeypatch):
    monkeypatch.setenv("COMPOSER_DATA_DIR", str(tmp_path / "eigen"))
    from composer.paths import data_dir

    assert data_dir() == tmp_path / "eigen"
