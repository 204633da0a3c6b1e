"""After Ctrl+C the summary counts only what was written; a killed merge's scratch folder is
removed by the next merge."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import composer.render.pdf as pdf_package
from composer.cli import main
from composer.core.letterfile import load_letter
from composer.fileio import write_bytes_atomic
from composer.merge import scratch
from composer.merge.rows import rows_from_letter
from composer.merge.service import MergeOptions, run_merge
from composer.render.pdf.cancel import ConversionCancelled

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
HEADER = "organisatie;voorletters;achternaam;straat;huisnummer;postcode;plaats"
ROWS = [
    "WFC;N.;Liemt;Voorbeeldstraat;12;1234 AB;Voorbeeldstad",
    "FNV;E.;Heemskerk;Proefweg;1;9999 ZX;Proefdorp",
    "Qlix;R.;Harmsen;Testlaan;100;9997 ZX;Voorbeeldstad",
]


class OnePdfThenCtrlC:
    """Stands in for LibreOffice: makes the first PDF, then the user presses Ctrl+C."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        pass

    def font_warnings(self, docx):
        return []

    def convert_many(self, jobs, *, progress=None, cancel=None):
        _docx, pdf = jobs[0]
        write_bytes_atomic(pdf, b"%PDF-1.7 nieuw")
        signal.raise_signal(signal.SIGINT)  # composer merge's handler sets the cancel token
        assert cancel is not None and cancel.cancelled
        raise ConversionCancelled(1, len(jobs))


def test_ctrl_c_summary_counts_only_the_pdfs_really_written(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf_package, "find_soffice", lambda chosen="": "soffice")
    monkeypatch.setattr(pdf_package, "PdfEngine", OnePdfThenCtrlC)
    source = tmp_path / "adressen.csv"
    source.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    out = tmp_path / "uit"
    out.mkdir()
    names = ["01-Liemt-WFC.pdf", "02-Heemskerk-FNV.pdf", "03-Harmsen-Qlix.pdf"]
    for name in names:  # last week's letters, overwritten with --force
        (out / name).write_bytes(b"%PDF-1.7 oud")
    argv = ["merge", str(SAMPLE), "--addressees", str(source), "-o", str(out)]
    code = main([*argv, "--format", "pdf", "--force"])
    printed = capsys.readouterr()
    assert code == 130
    assert "Afgebroken: 1 van 3 brieven zijn geschreven" in printed.err
    assert printed.out.splitlines() == [str(out / names[0])]
    assert (out / names[0]).read_bytes() == b"%PDF-1.7 nieuw"
    assert (out / names[1]).read_bytes() == b"%PDF-1.7 oud"


def test_ctrl_c_during_pdfs_says_how_many_pdfs_were_made(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pdf_package, "find_soffice", lambda chosen="": "soffice")
    monkeypatch.setattr(pdf_package, "PdfEngine", OnePdfThenCtrlC)
    source = tmp_path / "adressen.csv"
    source.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    out = tmp_path / "uit"
    argv = ["merge", str(SAMPLE), "--addressees", str(source), "-o", str(out)]
    assert main([*argv, "--format", "docx,pdf"]) == 130
    errors = capsys.readouterr().err
    assert "Afgebroken: 3 van 3 brieven zijn geschreven" in errors
    assert "Als PDF geschreven: 1 van 3." in errors


def dead_pid() -> int:
    finished = subprocess.Popen([sys.executable, "-c", "pass"])
    finished.wait()
    return finished.pid


def test_a_killed_merges_scratch_folder_is_removed_at_the_next_merge(tmp_path, monkeypatch):
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    dead = temp / f"composer-merge-{dead_pid()}-k1ll3d"
    (dead / "sub").mkdir(parents=True)
    (dead / "sub" / "01-Liemt-WFC.docx").write_bytes(b"half")
    running = temp / f"composer-merge-{os.getppid()}-bezig"  # pytest's parent still runs
    running.mkdir()
    own = temp / f"composer-merge-{os.getpid()}-zelf"  # a merge in another thread of this one
    own.mkdir()
    other = temp / "iets-anders-123"
    other.mkdir()

    letter = load_letter(SAMPLE)
    report = run_merge(letter, rows_from_letter(letter), tmp_path / "uit", MergeOptions())
    assert len(report.written) == 1
    assert sorted(path.name for path in temp.iterdir()) == sorted(
        [running.name, own.name, other.name]
    )


def test_scratch_folders_carry_the_process_id(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    folder = scratch.scratch_folder()
    assert folder.parent == tmp_path
    assert folder.name.startswith(f"composer-merge-{os.getpid()}-")
    scratch.sweep_stale()
    assert folder.exists()  # its own process is alive
