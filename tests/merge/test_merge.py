"""Mail merge as a user meets it: one correct letter per addressee, or nothing at all."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from composer.core.letterfile import letter_from_dict, load_letter
from composer.merge.rows import rows_from_letter
from composer.merge.service import MergeOptions, MergeRefused, mark_unfit_rows, run_merge
from composer.render.pdf.cancel import CancelToken
from composer.settings import Settings
from tests.conftest import pdf_text, run_composer
from tests.docx_reading import body_paragraphs

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
HEADER = ";".join(
    [
        "organisatie",
        "aanhef",
        "voorletters",
        "tussenvoegsel",
        "achternaam",
        "functie",
        "straat",
        "huisnummer",
        "postcode",
        "plaats",
    ]
)
ROWS = [
    "WFC;heer;N.;van;Liemt;voorzitter;Voorbeeldstraat;12a;1234 AB;Voorbeeldstad",
    "FNV;mevrouw;E.;;Heemskerk;bestuurder;Proefweg;1;9999 ZX;Proefdorp",
    "Qlix;neutraal;R.;;Harmsen;;Testlaan;100-B;9997ZX;Voorbeeldstad",
]


def csv_file(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "adressen.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_each_addressee_gets_its_own_address_and_salutation(tmp_path):
    out = tmp_path / "uit"
    result = run_composer(
        "merge", str(SAMPLE), "--addressees", str(csv_file(tmp_path, ROWS)), "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == ["01-van-Liemt-WFC.docx", "02-Heemskerk-FNV.docx", "03-Harmsen-Qlix.docx"]
    first, second, third = (body_paragraphs(out / name) for name in names)
    assert "Geachte heer Van Liemt," in first
    assert "Geachte mevrouw Heemskerk," in second
    assert "Geachte R. Harmsen," in third
    assert any(p.startswith("FNV\nT.a.v. mevrouw E. Heemskerk, bestuurder") for p in second)
    assert any(p.endswith("9997 ZX  VOORBEELDSTAD") for p in third)
    assert "DOCX 3/3" in result.stderr
    assert "Klaar: 3 brieven geschreven." in result.stderr
    assert result.stdout.splitlines() == [str(out / name) for name in names]


def test_addressees_from_the_letter_itself(tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    second = json.loads(json.dumps(data["addressees"][0]))
    second["organisation"] = "CNV Vakmensen"
    second["person"].update(initials="R.", infix="", surname="Mol")
    data["addressees"].append(second)
    report = run_merge(
        letter_from_dict(data), rows_from_letter(letter_from_dict(data)), tmp_path / "uit"
    )
    assert [p.name for p in report.written] == [
        "01-van-Liemt-Werkgeversvereniging-Facilitaire-Contactcenters-(WFC).docx",
        "02-Mol-CNV-Vakmensen.docx",
    ]
    assert "Geachte heer Mol," in body_paragraphs(report.written[1])


def test_an_invalid_row_writes_nothing_and_names_row_and_field(tmp_path):
    rows = [*ROWS[:2], "Kapot;heer;K.;;Apot;;Straat;1;25110 AB;Stad"]
    out = tmp_path / "uit"
    result = run_composer(
        "merge", str(SAMPLE), "--addressees", str(csv_file(tmp_path, rows)), "-o", str(out)
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "rij 4" in result.stderr and "postcode" in result.stderr
    assert "‘25110 AB’" in result.stderr
    assert not out.exists()


def test_skip_invalid_writes_the_valid_ones_and_a_report(tmp_path):
    rows = [ROWS[0], "Kapot;heer;K.;;Apot;;Straat;1;25110 AB;Stad", ROWS[1]]
    out = tmp_path / "uit"
    result = run_composer(
        "merge",
        str(SAMPLE),
        "--addressees",
        str(csv_file(tmp_path, rows)),
        "-o",
        str(out),
        "--skip-invalid",
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "01-van-Liemt-WFC.docx",
        "02-Heemskerk-FNV.docx",
        "overgeslagen.txt",
    ]
    report = (out / "overgeslagen.txt").read_text(encoding="utf-8")
    assert "rij 3" in report and "‘25110 AB’" in report
    assert "1 geadresseerde(n) overgeslagen" in result.stderr


# Measured in Calibri 10.5 pt: 93.4 mm; the window of the envelope has room for 85 mm.
TOO_WIDE = "Afdeling Arbeidsvoorwaarden en Sociale Zaken voor de Sector"


def with_department(row: str, department: str) -> str:
    """A row of ROWS with an `afdeling` column (the header gets one in `csv_with_department`)."""
    return f"{row};{department}"


def csv_with_department(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "adressen.csv"
    path.write_text("\n".join([f"{HEADER};afdeling", *rows]) + "\n", encoding="utf-8")
    return path


def test_an_address_too_wide_for_the_window_is_refused_before_anything_is_written(tmp_path):
    rows = [
        with_department(ROWS[0], ""),
        with_department(ROWS[1], TOO_WIDE),
        with_department(ROWS[2], "Inkoop"),
    ]
    out = tmp_path / "uit"
    source = csv_with_department(tmp_path, rows)
    result = run_composer("merge", str(SAMPLE), "--addressees", str(source), "-o", str(out))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert "1 geadresseerde is ongeldig; er is niets geschreven." in result.stderr
    assert "rij 3: De adresregel ‘Afdeling Arbeidsvoorwaarden" in result.stderr
    assert "te lang voor het venster van de envelop" in result.stderr
    assert not out.exists()


def test_skip_invalid_skips_an_address_too_wide_for_the_window(tmp_path):
    rows = [
        with_department(ROWS[0], ""),
        with_department(ROWS[1], TOO_WIDE),
        with_department(ROWS[2], "Inkoop"),
    ]
    out = tmp_path / "uit"
    source = csv_with_department(tmp_path, rows)
    result = run_composer(
        "merge", str(SAMPLE), "--addressees", str(source), "-o", str(out), "--skip-invalid"
    )
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "01-van-Liemt-WFC.docx",
        "02-Harmsen-Qlix.docx",
        "overgeslagen.txt",
    ]
    report = (out / "overgeslagen.txt").read_text(encoding="utf-8")
    assert "rij 3: De adresregel ‘Afdeling Arbeidsvoorwaarden en Sociale Zaken" in report
    assert "Maak de regel korter" in report
    assert any(
        p.startswith("Qlix\nInkoop\n") for p in body_paragraphs(out / "02-Harmsen-Qlix.docx")
    )


def test_the_service_reports_the_too_wide_row_as_skipped(tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    wide = json.loads(json.dumps(data["addressees"][0]))
    wide["department"] = TOO_WIDE
    data["addressees"].append(wide)
    letter = letter_from_dict(data)
    report = run_merge(
        letter, rows_from_letter(letter), tmp_path / "uit", MergeOptions(skip_invalid=True)
    )
    assert [p.name for p in report.written] == [
        "01-van-Liemt-Werkgeversvereniging-Facilitaire-Contactcenters-(WFC).docx"
    ]
    assert len(report.skipped) == 1
    assert report.skipped[0].startswith("geadresseerde 2: De adresregel ‘Afdeling Arbeidsvoor")


def test_marking_rows_that_do_not_fit_twice_reports_each_problem_once():
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    wide = json.loads(json.dumps(data["addressees"][0]))
    wide["department"] = TOO_WIDE
    data["addressees"].append(wide)
    letter = letter_from_dict(data)
    rows = rows_from_letter(letter)
    for _ in range(2):
        mark_unfit_rows(letter, rows, Settings())
    assert [row.valid for row in rows] == [True, False]
    assert len(rows[1].problems) == 1
    assert "(94 mm, er past 85 mm)" in rows[1].problems[0]  # 93.4 mm, rounded up


def test_existing_files_need_force(tmp_path):
    out = tmp_path / "uit"
    out.mkdir()
    (out / "02-Heemskerk-FNV.docx").write_bytes(b"eigen werk")
    source = csv_file(tmp_path, ROWS)
    result = run_composer("merge", str(SAMPLE), "--addressees", str(source), "-o", str(out))
    assert result.returncode == 1
    assert "--force" in result.stderr and "02-Heemskerk-FNV.docx" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["02-Heemskerk-FNV.docx"]
    assert (out / "02-Heemskerk-FNV.docx").read_bytes() == b"eigen werk"
    forced = run_composer(
        "merge", str(SAMPLE), "--addressees", str(source), "-o", str(out), "--force"
    )
    assert forced.returncode == 0, forced.stderr
    assert "Geachte mevrouw Heemskerk," in body_paragraphs(out / "02-Heemskerk-FNV.docx")


def test_hostile_names_stay_inside_the_folder(tmp_path):
    rows = ["../../ontsnapt;heer;N.;;CON;;Straat;1;1234 AB;Stad"]
    out = tmp_path / "diep" / "uit"
    result = run_composer(
        "merge", str(SAMPLE), "--addressees", str(csv_file(tmp_path, rows)), "-o", str(out)
    )
    assert result.returncode == 0, result.stderr
    assert [p.name for p in out.iterdir()] == ["01-CON-ontsnapt.docx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adressen.csv", "diep"]


def test_cancel_keeps_finished_letters_and_leaves_no_half_file(tmp_path):
    letter = load_letter(SAMPLE)
    rows = rows_from_letter(letter) * 6
    cancel = CancelToken()
    seen = []

    def progress(stage, done, total):
        seen.append((stage, done, total))
        if done == 2:
            cancel.cancel()

    report = run_merge(letter, rows, tmp_path, MergeOptions(), progress=progress, cancel=cancel)
    assert report.cancelled
    assert [p.name for p in sorted(tmp_path.iterdir())] == [p.name for p in report.written]
    assert len(report.written) == 2 and seen[-1] == ("docx", 2, 6)


def test_no_addressees_is_refused():
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["template"] = "persbericht"
    data["addressees"] = []
    letter = letter_from_dict(data)
    with pytest.raises(MergeRefused, match="geen geadresseerden"):
        run_merge(letter, rows_from_letter(letter), Path("/nonexistent"))


def test_ctrl_c_stops_cleanly_with_a_summary(tmp_path):
    rows = [ROWS[i % 3] for i in range(400)]
    out = tmp_path / "uit"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "composer",
            "merge",
            str(SAMPLE),
            "--addressees",
            str(csv_file(tmp_path, rows)),
            "-o",
            str(out),
        ],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and len(os.listdir(out)) >= 3):
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    _, errors = process.communicate(timeout=60)
    assert process.returncode == 130, errors
    assert "Traceback" not in errors
    written = sorted(out.iterdir())
    assert 3 <= len(written) < 400
    assert f"Afgebroken: {len(written)} van 400 brieven" in errors
    assert all(p.suffix == ".docx" and not p.name.startswith(".") for p in written)
    assert all(body_paragraphs(p) for p in written)  # every file is a whole DOCX


def test_pdf_per_addressee_and_combined(tmp_path, soffice):
    out = tmp_path / "uit"
    result = run_composer(
        "merge",
        str(SAMPLE),
        "--addressees",
        str(csv_file(tmp_path, ROWS)),
        "-o",
        str(out),
        "--format",
        "docx,pdf",
        "--combined",
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "01-van-Liemt-WFC.docx",
        "01-van-Liemt-WFC.pdf",
        "02-Heemskerk-FNV.docx",
        "02-Heemskerk-FNV.pdf",
        "03-Harmsen-Qlix.docx",
        "03-Harmsen-Qlix.pdf",
        "alle-brieven.pdf",
    ]
    assert "Geachte mevrouw Heemskerk," in pdf_text(out / "02-Heemskerk-FNV.pdf")
    combined = pdf_text(out / "alle-brieven.pdf")
    positions = [
        combined.index(s)
        for s in ("Geachte heer Van Liemt,", "Geachte mevrouw Heemskerk,", "Harmsen")
    ]
    assert positions == sorted(positions)
    from pypdf import PdfReader

    pages = [len(PdfReader(str(out / n)).pages) for n in names if n.endswith(".pdf")]
    assert pages[-1] == sum(pages[:-1])
    from composer.render.pdf.output_check import pdf_problem

    assert pdf_problem((out / "alle-brieven.pdf").read_bytes(), pdfa=True) is None
    title = f"{load_letter(SAMPLE).subject} – alle brieven"
    assert PdfReader(str(out / "alle-brieven.pdf")).metadata.title == title


def test_two_merges_at_once_do_not_collide(tmp_path, soffice):
    source = csv_file(tmp_path, ROWS)
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "composer",
                "merge",
                str(SAMPLE),
                "--addressees",
                str(source),
                "-o",
                str(tmp_path / f"uit{n}"),
                "--format",
                "pdf",
            ],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in (1, 2)
    ]
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    for n in (1, 2):
        pdfs = sorted((tmp_path / f"uit{n}").glob("*.pdf"))
        assert len(pdfs) == 3
        assert "Geachte heer Van Liemt," in pdf_text(pdfs[0])


def test_pdf_without_libreoffice_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("COMPOSER_SOFFICE", raising=False)
    empty = tmp_path / "leeg"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "uit"
    result = run_composer("merge", str(SAMPLE), "-o", str(out), "--format", "docx,pdf")
    assert result.returncode == 1
    assert "libreoffice.org" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()
