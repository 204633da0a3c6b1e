"""The voorbeeld panel: the exported PDF on screen, refreshed after typing, no stray LibreOffice."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdfWidgets")

from composer.core.letterfile import load_letter
from composer.gui.preview import DEBOUNCE_MS, UPDATING, WAITING, PreviewPanel
from composer.render.pdf import warm_office as preview_engine
from composer.render.pdf.output_check import pdf_problem
from composer.render.pdf.profiles import lo_root
from composer.render.pdf.warm_office import PreviewEngine, PreviewPdf, WarmOffice, sweep_orphans

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SCREENSHOTS = REPO / "docs" / "screenshots"
SUBJECT = "Handreiking aan de onderhandelaars cao Facilitaire Contactcenters"
WAIT = 60000


def processes_using(folder: Path) -> list[str]:
    """Command lines of running processes that mention `folder` (our soffice has it in its
    -env:UserInstallation), psutil when installed, else pgrep."""
    try:
        import psutil
    except ImportError:
        found = subprocess.run(["pgrep", "-af", str(folder)], capture_output=True, text=True)
        return [line for line in found.stdout.splitlines() if "pgrep" not in line]
    lines = []
    for process in psutil.process_iter(["cmdline", "status"]):
        cmdline = " ".join(process.info["cmdline"] or [])
        if str(folder) in cmdline and process.info["status"] != psutil.STATUS_ZOMBIE:
            lines.append(cmdline)
    return lines


def page_text(panel: PreviewPanel, page: int = 0) -> str:
    return panel.document.getAllText(page).text()


def up_to_date(panel: PreviewPanel) -> bool:
    return panel.status_label.text().startswith("Voorbeeld bijgewerkt om ")


@pytest.fixture
def panel(qtbot):
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 700)
    panel.show()
    yield panel
    panel.shutdown()


@pytest.fixture
def letter():
    return load_letter(SAMPLE)


# -- with LibreOffice ------------------------------------------------------------------------


def test_the_letter_appears_as_its_two_pdf_pages(soffice, qtbot, panel, letter):
    assert panel.available
    panel.show_letter(letter)
    qtbot.waitUntil(lambda: up_to_date(panel), timeout=WAIT)
    assert panel.document.pageCount() == 2
    assert panel.pages.currentWidget() is panel.view
    assert "Betreft" in page_text(panel) and SUBJECT in page_text(panel).replace("\n", " ")
    assert panel.status_label.text().count(":") == 2  # "… om 14:05:12"
    assert panel.engine.office is not None and panel.engine.office.alive  # kept warm
    if os.environ.get("COMPOSER_SCREENSHOTS") == "1":
        qtbot.wait(1500)  # QPdfView renders the pages asynchronously
        panel.grab().save(str(SCREENSHOTS / "voorbeeld.png"))


def test_two_quick_calls_convert_once_and_show_the_newest(soffice, qtbot, panel, letter):
    panel.show_letter(letter)
    letter.subject = "Tweede versie van het onderwerp"
    panel.show_letter(letter)
    letter.subject = "Gewijzigd na de aanroep"  # the panel took a copy: this is not shown
    qtbot.waitUntil(lambda: up_to_date(panel), timeout=WAIT)
    qtbot.wait(2 * DEBOUNCE_MS)
    assert panel.conversions == 1
    assert "Tweede versie van het onderwerp" in page_text(panel)
    assert "Gewijzigd" not in page_text(panel)


def test_a_refresh_after_typing_is_fast_and_warm(soffice, qtbot, panel, letter):
    panel.show_letter(letter)
    qtbot.waitUntil(lambda: up_to_date(panel), timeout=WAIT)
    letter.subject = "Nieuw onderwerp"
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT):
        panel.show_letter(letter)
    assert "Nieuw onderwerp" in page_text(panel)
    assert panel.conversions == 2
    assert panel.engine.warm_starts == 1  # the same LibreOffice made both pages


def test_an_invalid_letter_shows_the_message_and_keeps_the_page(soffice, qtbot, panel, letter):
    panel.show_letter(letter)
    qtbot.waitUntil(lambda: up_to_date(panel), timeout=WAIT)
    letter.addressees[0].address.postcode = "25110 AB"
    letter.subject = "Dit onderwerp mag niet verschijnen"
    with qtbot.waitSignal(panel.failed, timeout=WAIT):
        panel.show_letter(letter)
    assert "De postcode is ongeldig (‘25110 AB’)" in panel.status_label.text()
    assert "Gebruik vier cijfers en twee letters" in panel.status_label.text()
    assert panel.pages.currentWidget() is panel.view
    assert panel.document.pageCount() == 2
    assert SUBJECT in page_text(panel).replace("\n", " ")
    letter.addressees[0].address.postcode = "1234 AB"
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT):
        panel.show_letter(letter)
    assert "Dit onderwerp mag niet verschijnen" in page_text(panel)
    assert up_to_date(panel)


def test_closing_the_panel_stops_its_libreoffice(soffice, qtbot, panel, letter):
    panel.show_letter(letter)
    qtbot.waitUntil(lambda: up_to_date(panel), timeout=WAIT)
    folder = panel.engine.folder
    assert processes_using(folder), "the warm LibreOffice should be running"
    panel.close()
    assert processes_using(folder) == []
    assert not folder.exists()
    panel.show_letter(letter)  # after closing: ignored, nothing starts again
    qtbot.wait(2 * DEBOUNCE_MS)
    assert processes_using(lo_root()) == []


def test_a_libreoffice_that_died_is_started_again(soffice, qtbot, panel, letter):
    panel.show_letter(letter)
    qtbot.waitUntil(lambda: up_to_date(panel), timeout=WAIT)
    lost = panel.engine.office
    os.killpg(lost.process.pid, signal.SIGKILL)  # LibreOffice crashed
    lost.process.wait(timeout=30)
    letter.subject = "Na een vastgelopen LibreOffice"
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT):
        panel.show_letter(letter)
    assert "Na een vastgelopen LibreOffice" in page_text(panel)
    assert panel.engine.warm_starts == 2
    assert panel.engine.office is not lost and panel.engine.office.alive


def test_closing_during_the_first_conversion_leaves_nothing_running(soffice, qtbot, letter):
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    panel.show_letter(letter)
    qtbot.waitUntil(lambda: panel.status_label.text() == UPDATING, timeout=5000)
    qtbot.wait(300)  # LibreOffice is starting
    panel.close()
    qtbot.waitUntil(lambda: not panel._running, timeout=WAIT)
    assert processes_using(lo_root()) == []
    assert panel.status_label.text() == UPDATING  # no error shown for a closed panel


@pytest.mark.parametrize("where", ["windows", "sandboxed"])
def test_without_the_warm_path_each_refresh_uses_a_fresh_libreoffice(
    soffice, monkeypatch, tmp_path, where
):
    # Windows: no known pipe. A sandboxed LibreOffice (snap, flatpak): the pipe is not in /tmp.
    pipe = None if where == "windows" else tmp_path / "OSL_PIPE_elders"
    real_pipes = []

    def pipe_elsewhere(profile: Path) -> Path | None:
        real_pipes.append(real_pipe(profile))
        return pipe

    real_pipe = preview_engine.ipc_pipe
    monkeypatch.setattr(preview_engine, "ipc_pipe", pipe_elsewhere)
    monkeypatch.setattr(preview_engine, "PIPE_TIMEOUT", 1.0)
    engine = PreviewEngine()
    letter = load_letter(SAMPLE)
    try:
        for subject in ("Eerste", "Tweede"):
            letter.subject = subject
            pdf = engine.render(letter)
            assert not pdf.warm
            assert pdf.data.startswith(b"%PDF") and b"pdfaid:part>2<" in pdf.data
        assert engine.office is None and engine.conversions == 2
        assert engine.warm_starts == 1 and engine.warm_given_up  # tried once, not again
    finally:
        engine.close()
        for leftover in real_pipes:  # the socket of the office that this test killed
            leftover.unlink(missing_ok=True)
    assert processes_using(lo_root()) == []


def test_a_letter_to_two_addressees_shows_both_copies(soffice):
    """Each copy is converted on its own and the preview shows them one after the other."""
    import copy

    from pypdf import PdfReader

    letter = load_letter(SAMPLE)
    second = copy.deepcopy(letter.addressees[0])
    second.person.infix, second.person.surname = "", "Heemskerk"
    letter.addressees.append(second)
    engine = PreviewEngine()
    try:
        pdf = engine.render(letter)
    finally:
        engine.close()
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages]
    aanhefs = [i for i, text in enumerate(pages) if "Geachte heer" in text]
    assert len(aanhefs) == 2
    assert "Geachte heer Van Liemt," in pages[aanhefs[0]]
    assert "Geachte heer Heemskerk," in pages[aanhefs[1]]
    assert "pagina 2 van 2" in pages[aanhefs[0] + 1]  # the sample letter fills two pages
    assert pdf_problem(pdf.data) is None  # one sound PDF/A-2b


def test_a_crashed_composer_leaves_no_libreoffice_for_the_next_one(soffice, tmp_path):
    gone = subprocess.Popen(["true"])
    gone.wait()  # a pid that no longer runs: the Composer that "crashed"
    folder = lo_root() / f"preview-{gone.pid}-crashed"
    office = WarmOffice(Path(soffice), folder / "office-1")
    seed = preview_engine.seed_profile(Path(soffice), tmp_path, lambda: False)
    office.start(seed)
    try:
        office.wait_ready()
        assert processes_using(folder)
        sweep_orphans(lo_root())
        office.process.wait(timeout=30)
        assert processes_using(folder) == []
        assert not folder.exists()
        assert not office.pipe.exists()
    finally:
        office.stop()


# -- without LibreOffice ---------------------------------------------------------------------


def test_without_libreoffice_the_panel_explains_how_to_get_the_preview(qtbot, monkeypatch):
    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv("COMPOSER_SOFFICE", raising=False)
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    panel.show()
    assert not panel.available
    assert panel.pages.currentWidget() is panel.explanation
    text = panel.explanation.text()
    assert "LibreOffice is niet gevonden" in text
    assert "https://www.libreoffice.org/download/" in text
    assert "sudo apt install libreoffice-writer-nogui" in text
    assert text.endswith("DOCX-export werkt wel.")
    assert "DOCX-export werkt wel." in panel.status_label.text()
    panel.show_letter(load_letter(SAMPLE))  # no crash, nothing to do
    qtbot.wait(2 * DEBOUNCE_MS)
    assert panel.pages.currentWidget() is panel.explanation


# -- the refresh cycle, with a stand-in engine (no LibreOffice needed) -----------------------


def blank_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    stream = io.BytesIO()
    writer.write(stream)
    return stream.getvalue()


class GatedEngine:
    """Renders a letter with as many pages as its subject has words; the first render waits for
    `gate`, so a test can type while a conversion runs."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.rendered: list[str] = []
        self.running = 0
        self.most_at_once = 0
        self.conversions = 0
        self._lock = threading.Lock()

    def render(self, letter, settings=None) -> PreviewPdf:
        with self._lock:
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        if not self.rendered:
            self.gate.wait(30)
        with self._lock:
            self.running -= 1
            self.rendered.append(letter.subject)
            self.conversions += 1
        return PreviewPdf(blank_pdf(len(letter.subject.split())), (), True)

    def close(self) -> None:
        self.gate.set()


def test_typing_during_a_conversion_drops_the_old_page_and_shows_the_newest(qtbot):
    engine = GatedEngine()
    panel = PreviewPanel(engine=engine)
    qtbot.addWidget(panel)
    shown = []
    panel.refreshed.connect(lambda: shown.append(panel.document.pageCount()))
    letter = load_letter(SAMPLE)
    letter.subject = "een"
    panel.show_letter(letter)
    qtbot.waitUntil(lambda: panel.status_label.text() == UPDATING, timeout=5000)
    for subject in ("een twee", "een twee drie"):  # typing on while LibreOffice works
        letter.subject = subject
        panel.show_letter(letter)
        qtbot.wait(DEBOUNCE_MS + 100)
    engine.gate.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.wait(2 * DEBOUNCE_MS)
    assert engine.rendered == ["een", "een twee drie"]  # "een twee" never started
    assert shown == [3]  # the stale one-page result was dropped
    assert engine.most_at_once == 1
    assert up_to_date(panel)
    panel.shutdown()


class InstantEngine:
    """Renders every letter at once as a PDF of `pages` blank pages."""

    def __init__(self, pages: int) -> None:
        self.pages = pages
        self.conversions = 0

    def render(self, letter, settings=None) -> PreviewPdf:
        self.conversions += 1
        return PreviewPdf(blank_pdf(self.pages), ("Het lettertype ‘Carlito’ ontbreekt.",))

    def close(self) -> None:
        pass


def test_a_refresh_keeps_the_reading_position_and_shows_warnings(qtbot):
    panel = PreviewPanel(engine=InstantEngine(pages=4))
    qtbot.addWidget(panel)
    panel.resize(520, 600)
    panel.show()
    assert panel.pages.currentWidget() is panel.placeholder
    assert panel.placeholder.text() == WAITING
    letter = load_letter(SAMPLE)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter)
    assert panel.pages.currentWidget() is panel.view
    scrollbar = panel.view.verticalScrollBar()
    scrollbar.setValue(scrollbar.maximum() // 2)
    reading = scrollbar.value()
    assert reading > 0
    letter.subject = "Verder getypt"
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter)
    assert scrollbar.value() == reading
    lines = panel.status_label.text().splitlines()
    assert lines[0].startswith("Voorbeeld bijgewerkt om ")
    assert lines[1] == "Let op: Het lettertype ‘Carlito’ ontbreekt."
    panel.shutdown()
