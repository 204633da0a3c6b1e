"""The voorbeeld shows the right letter (never the previous one); pages and zoom for a reader."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdfWidgets")

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication

from composer.core.letterfile import load_letter
from composer.errors import ComposerError
from composer.gui.preview import MAKING, NOT_YET, WAITING, PreviewPanel
from composer.render.pdf.warm_office import PreviewPdf

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "resources" / "samples" / "brief-cao-onderhandelaars.json"
SAMPLE_KENMERK = "KSF/2022/0147"
WAIT = 60000


def text_pdf(*pages: str) -> bytes:
    """A PDF (Helvetica, A4) with one page per text; lines are split on newlines."""

    def escaped(line: str) -> str:
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "", "<< /Type /Font /Subtype /Type1 "]
    objects[2] += "/BaseFont /Helvetica >>"
    kids = []
    for text in pages:
        shown = " ".join(f"({escaped(line)}) Tj 0 -20 Td" for line in text.splitlines())
        content = f"BT /F1 14 Tf 72 770 Td {shown} ET"
        objects.append(f"<< /Length {len(content)} >>\nstream\n{content}\nendstream")
        contents = len(objects)
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents} 0 R "
            "/Resources << /Font << /F1 3 0 R >> >> >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    data = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(data)
    data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    data += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    data += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\n".encode()
    return data + f"startxref\n{xref}\n%%EOF\n".encode()


class TextEngine:
    """Stands in for LibreOffice: page 1 says the kenmerk and the subject, then `extra_pages`
    more. While `gate` is cleared a render waits for it (a slow LibreOffice); a subject that
    starts with "FOUT" fails as an invalid letter does."""

    def __init__(self, extra_pages: int = 0) -> None:
        self.extra_pages = extra_pages
        self.gate = threading.Event()
        self.gate.set()
        self.started: list[str] = []
        self.conversions = 0

    def render(self, letter, settings=None) -> PreviewPdf:
        self.started.append(letter.subject)
        self.gate.wait(30)
        self.conversions += 1
        if letter.subject.startswith("FOUT"):
            raise ComposerError("Het betreft klopt niet. Vul een onderwerp in.")
        first = f"Ons kenmerk {letter.our_reference}\nBetreft {letter.subject}"
        extra = [f"Vervolgpagina {number}" for number in range(2, self.extra_pages + 2)]
        return PreviewPdf(text_pdf(first, *extra))

    def close(self) -> None:
        self.gate.set()


def all_text(panel: PreviewPanel) -> str:
    document = panel.document
    return "\n".join(document.getAllText(page).text() for page in range(document.pageCount()))


def letter_with(subject: str, kenmerk: str = ""):
    letter = load_letter(SAMPLE)
    letter.subject = subject
    letter.our_reference = kenmerk
    return letter


def stand_in_panel(qtbot, engine: TextEngine, width: int = 380) -> PreviewPanel:
    panel = PreviewPanel(engine=engine)
    qtbot.addWidget(panel)
    panel.resize(width, 640)
    panel.show()
    return panel


@pytest.fixture
def office_panel(soffice, qtbot):
    """The voorbeeld with its own LibreOffice, as narrow as at 1024×700."""
    panel = PreviewPanel()
    qtbot.addWidget(panel)
    panel.resize(380, 640)
    panel.show()
    yield panel
    panel.shutdown()


@pytest.fixture
def engine():
    engine = TextEngine()
    yield engine
    engine.gate.set()


# -- another letter: never the previous letter's page ----------------------------------------


def test_another_letter_clears_the_page_at_once_and_shows_the_new_one(qtbot, engine):
    panel = stand_in_panel(qtbot, engine)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Brief A", "KSF/2024/0001"))
    assert "KSF/2024/0001" in all_text(panel)
    engine.gate.clear()  # LibreOffice takes its time over the new letter
    panel.start_letter(letter_with("Brief B"))
    assert panel.pages.currentWidget() is panel.placeholder
    assert panel.placeholder.text() == MAKING
    assert panel.document.pageCount() == 0
    assert panel.toolbar.page_label.text() == ""
    assert not panel.up_to_date
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        engine.gate.set()
    assert panel.pages.currentWidget() is panel.view
    assert "Brief B" in all_text(panel)
    assert "KSF/2024/0001" not in all_text(panel)
    panel.shutdown()


def test_a_page_still_being_made_for_the_previous_letter_is_dropped(qtbot, engine):
    panel = stand_in_panel(qtbot, engine)
    shown: list[str] = []
    panel.refreshed.connect(lambda: shown.append(all_text(panel)))
    engine.gate.clear()
    panel.show_letter(letter_with("Brief A", "KSF/2024/0001"))
    qtbot.waitUntil(lambda: engine.started == ["Brief A"], timeout=5000)
    panel.start_letter(letter_with("Brief B"))  # opened while A is being made
    assert panel.placeholder.text() == MAKING
    engine.gate.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    qtbot.wait(300)
    assert engine.started == ["Brief A", "Brief B"]
    assert len(shown) == 1 and "Brief B" in shown[0] and "KSF/2024/0001" not in shown[0]
    panel.shutdown()


def test_a_new_letter_that_cannot_be_shown_leaves_no_old_page(qtbot, engine):
    panel = stand_in_panel(qtbot, engine)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Brief A", "KSF/2024/0001"))
    with qtbot.waitSignal(panel.failed, timeout=5000):
        panel.start_letter(letter_with("FOUT in de nieuwe brief"))
    assert panel.pages.currentWidget() is panel.placeholder
    assert panel.placeholder.text() == NOT_YET
    assert panel.status_label.text() == "Het betreft klopt niet. Vul een onderwerp in."
    assert panel.document.pageCount() == 0
    panel.shutdown()


def test_the_first_letter_waits_with_the_plain_placeholder(qtbot, engine):
    panel = stand_in_panel(qtbot, engine)
    assert panel.placeholder.text() == WAITING
    assert not panel.toolbar.next_button.isEnabled()
    assert not panel.toolbar.zoom_button.isEnabled()
    panel.shutdown()


def test_a_new_letter_replaces_the_previous_one_with_libreoffice(qtbot, office_panel):
    panel = office_panel
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT):
        panel.show_letter(load_letter(SAMPLE))
    assert SAMPLE_KENMERK in all_text(panel)
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT):
        panel.start_letter(letter_with("Een nieuwe brief aan de leden"))
        assert panel.pages.currentWidget() is panel.placeholder
        assert panel.document.pageCount() == 0
    text = all_text(panel).replace("\n", " ")
    assert "Een nieuwe brief aan de leden" in text
    assert SAMPLE_KENMERK not in text


# -- pages -----------------------------------------------------------------------------------


def test_the_pages_are_counted_and_turned_with_the_buttons_and_page_keys(qtbot):
    panel = stand_in_panel(qtbot, TextEngine(extra_pages=2), width=380)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Drie pagina's"))
    bar = panel.toolbar
    assert bar.page_label.text() == "Pagina 1 van 3"
    assert not bar.previous_button.isEnabled() and bar.next_button.isEnabled()
    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.page_label.text() == "Pagina 2 van 3"
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_PageDown)
    assert bar.page_label.text() == "Pagina 3 van 3"
    assert not bar.next_button.isEnabled()
    assert panel.view.verticalScrollBar().value() > 0
    qtbot.keyClick(panel.view, Qt.Key.Key_PageUp)
    qtbot.keyClick(panel.view, Qt.Key.Key_PageUp)
    assert bar.page_label.text() == "Pagina 1 van 3"
    assert panel.view.verticalScrollBar().value() < 20
    bar.next_page()
    bar.next_page()
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Verder getypt"))  # the same letter: the reader stays
    assert bar.page_label.text() == "Pagina 3 van 3"
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.start_letter(letter_with("Een andere brief"))  # another letter: from the top
    assert bar.page_label.text() == "Pagina 1 van 3"
    assert panel.view.verticalScrollBar().value() < 20
    panel.shutdown()


def test_the_two_pages_of_the_sample_letter(qtbot, office_panel):
    panel = office_panel
    with qtbot.waitSignal(panel.refreshed, timeout=WAIT):
        panel.show_letter(load_letter(SAMPLE))
    assert panel.toolbar.page_label.text() == "Pagina 1 van 2"
    qtbot.mouseClick(panel.toolbar.next_button, Qt.MouseButton.LeftButton)
    assert panel.toolbar.page_label.text() == "Pagina 2 van 2"
    assert panel.view.verticalScrollBar().value() > 0
    assert "Met vriendelijke groet" in panel.document.getAllText(1).text()


# -- zoom ------------------------------------------------------------------------------------


def zoom_text(panel: PreviewPanel) -> str:
    return panel.toolbar.zoom_button.text()


def percent(text: str) -> int:
    assert text.endswith("%"), text
    return int(text[:-1])


def ctrl_wheel(panel: PreviewPanel, up: bool) -> None:
    viewport = panel.view.viewport()
    where = QPointF(40, 40)
    event = QWheelEvent(
        where,
        QPointF(viewport.mapToGlobal(QPoint(40, 40))),
        QPoint(),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def test_zooming_in_and_out_with_keys_wheel_and_buttons_shows_the_percentage(qtbot, engine):
    panel = stand_in_panel(qtbot, engine)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Zoomen"))
    view = panel.view
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    fitted = percent(zoom_text(panel))
    assert 30 < fitted < 60  # A4 across 380 pixels
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    assert view.zoomFactor() > fitted / 100
    larger = percent(zoom_text(panel))
    assert larger > fitted and larger == round(view.zoomFactor() * 100)
    ctrl_wheel(panel, up=True)
    assert percent(zoom_text(panel)) > larger
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert percent(zoom_text(panel)) == larger
    ctrl_wheel(panel, up=False)
    qtbot.mouseClick(panel.toolbar.zoom_out_button, Qt.MouseButton.LeftButton)
    assert percent(zoom_text(panel)) < fitted
    qtbot.mouseClick(panel.toolbar.zoom_in_button, Qt.MouseButton.LeftButton)
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    panel.shutdown()


def test_page_width_and_whole_page_from_the_zoom_menu(qtbot, engine):
    panel = PreviewPanel(engine=engine)
    qtbot.addWidget(panel)
    panel.resize(600, 500)  # wide and low: the whole page is smaller than the page width
    panel.show()
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Passend"))
    bar = panel.toolbar
    menu_texts = [action.text() for action in bar.zoom_button.menu().actions()]
    assert menu_texts[:2] == ["Paginabreedte", "Hele pagina"]
    assert "100%" in menu_texts
    width = percent(zoom_text(panel))
    assert bar.fit_width_action.isChecked()
    bar.fit_page_action.trigger()
    assert panel.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert bar.fit_page_action.isChecked() and not bar.fit_width_action.isChecked()
    assert percent(zoom_text(panel)) < width
    assert "hele pagina" in bar.zoom_button.toolTip()
    next(a for a in bar.zoom_button.menu().actions() if a.text() == "150%").trigger()
    assert zoom_text(panel) == "150%" and not bar.fit_page_action.isChecked()
    bar.fit_width_action.trigger()
    assert percent(zoom_text(panel)) == width
    panel.shutdown()


def test_the_bar_fits_a_narrow_preview(qtbot, engine):
    """At 1024×700 the preview is 320 to 380 pixels wide: the bar must not ask for more."""
    panel = stand_in_panel(qtbot, TextEngine(extra_pages=11), width=320)
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Twaalf pagina's"))
    bar = panel.toolbar
    bar.set_zoom(1.0)
    assert bar.page_label.text() == "Pagina 1 van 12"
    bar.go_to_page(11)
    assert bar.page_label.text() == "Pagina 12 van 12"
    QApplication.processEvents()  # the layout follows the longer text, as on the screen
    if os.environ.get("H4_GRAB"):
        panel.grab().save(os.environ["H4_GRAB"])
    assert panel.minimumSizeHint().width() <= 320
    assert bar.sizeHint().width() <= 320
    for widget in (bar.previous_button, bar.page_label, bar.next_button, bar.zoom_in_button):
        assert widget.isVisible()
        assert widget.geometry().right() <= bar.width()
    assert bar.page_label.width() >= bar.page_label.sizeHint().width()  # not cut off
    assert bar.zoom_button.width() >= bar.zoom_button.sizeHint().width()
    for widget in (bar.previous_button, bar.next_button, bar.zoom_in_button, bar.zoom_out_button):
        assert widget.toolTip() and widget.accessibleName()
    panel.shutdown()


def next_tab_stop(widget):
    widget = widget.nextInFocusChain()
    while not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        widget = widget.nextInFocusChain()
    return widget


def test_tab_goes_through_the_bar_and_then_to_the_page(qtbot, engine):
    panel = stand_in_panel(qtbot, TextEngine(extra_pages=2))
    with qtbot.waitSignal(panel.refreshed, timeout=5000):
        panel.show_letter(letter_with("Tab"))
    bar = panel.toolbar
    stops = [bar.previous_button]
    for _ in range(5):
        stops.append(next_tab_stop(stops[-1]))
    assert stops == [
        bar.previous_button,
        bar.next_button,
        bar.zoom_out_button,
        bar.zoom_button,
        bar.zoom_in_button,
        panel.view,
    ]
    panel.shutdown()
