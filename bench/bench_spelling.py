"""Spelling speed: Composer's checker against a naive spylls loop, same process.

The letter is two pages (about 900 words): the bodies of the two sample letters and four
paragraphs of our own, with a few typos. The naive baseline is what a script would do: split the
text into words and ask spylls about each one, every time. Composer keeps every answer, so the
first check of a letter pays for each distinct word once and checking again (after a keystroke)
pays only for the words that changed.

It also measures what the window feels: the longest gap of a 5 ms Qt timer (bench/stall_ticker)
while the dictionary loads in the background and while a letter is checked on a worker thread
(both are pure Python: they share the GIL with the event loop). And the underlines in a text
edit (composer.gui.editor.spelling_support: a cache read by the highlighter, a worker for
what is new) against a naive highlighter that checks each paragraph on the GUI thread: the
longest stall when the letter is shown, and per keystroke while typing. Run with `make bench`.
"""

from __future__ import annotations

import json
import platform
import re
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from spylls.hunspell import Dictionary  # noqa: E402

from composer.writing.spell_engine import dictionary_dir  # noqa: E402
from composer.writing.spelling import SpellChecker  # noqa: E402

SAMPLES = REPO / "resources" / "samples"
ROUNDS = 5
OUR_PARAGRAPHS = [
    "Graag informeren wij u over de uitkomsten van het overleg dat wij de afgelopen maanden met "
    "onze leden hebben gevoerd. In totaal spraken wij met ruim zestig organisaties, van kleine "
    "contactcenters met twintig medewerkers tot grote klantenservices met meer dan duizend "
    "mensen aan de telefoon, in de chat en op sociale media. Zij vertelden ons allemaal "
    "hetzelfde: het werk is de laatste jaren zwaarder geworden, de vragen van klanten zijn "
    "ingewikkelder en de verwachtingen zijn hoger dan ooit. Tegelijk is het moeilijk om goede "
    "mensen te vinden en vooral om ze te houden. Het verloop in de branche ligt nog altijd boven "
    "de dertig procent per jaar, en elke medewerker die vertrekt neemt kennis en ervaring mee die "
    "de organisatie daarna opnieuw moet opbouwen.",
    "Wat houdt medewerkers vast? Uit onze gesprekken komen drie dingen naar voren. Ten eerste "
    "een rooster dat voorspelbaar is en ruimte laat voor het leven naast het werk: wie pas op "
    "vrijdag hoort wanneer hij de week erna moet werken, kan geen afspraken maken met familie "
    "of vrienden. Ten tweede de mogelijkheid om te groeien, bijvoorbeeld door een opleiding tot "
    "specialist, coach of teamleider, of door mee te werken aan de verbetering van processen. "
    "Ten derde een beloning die past bij wat het werk vraagt, met een eerlijke toeslag voor "
    "avonden en weekenden. Onze leden zijn bereid daarin te investeren, maar zij vragen ook om "
    "afspraken die werkbaar zijn voor organisaties van elke omvang. Een regeling die voor een "
    "groot contactcenter goed uitpakt, kan een kleine organisatie onmiddelijk in de problemen "
    "brengen.",
    "Daarnaast vragen wij aandacht voor de rol van de opdrachtgevers. Veel contactcenters werken "
    "voor andere bedrijven, zoals energieleveranciers, verzekeraars, gemeenten en webwinkels. "
    "Zij bepalen voor een groot deel de prijs van het werk en daarmee de ruimte voor goede "
    "arbeidsvoorwaarden. Wij roepen hen op om bij de inkoop van klantcontact niet alleen naar "
    "de prijs per gesprek te kijken, maar ook naar de kwaliteit en naar de omstandigheden "
    "waarin het werk wordt gedaan. Een opdrachgever die meebetaalt aan goede roosters en "
    "opleidingen, krijgt daar betere gesprekken en tevredener klanten voor terug. Wij zijn "
    "graag bereid om daarover met opdrachtgevers en hun brancheorganisaties in gesprek te gaan.",
    "Tot slot willen wij u bedanken voor de open gesprekken van de afgelopen periode. Wij "
    "hebben waardering voor de inzet van alle partijen aan tafel en wij begrijpen dat het niet "
    "eenvoudig is om tot een akkoord te komen dat voor iedereen goed voelt. Toch vragen wij u "
    "om de onderhandelingen zo snel mogelijk af te ronden, zodat werkgevers en werknemers weten "
    "waar zij aan toe zijn. Mocht u vragen hebben over deze brief of over de uitkomsten van ons "
    "overleg, dan kunt u contact opnemen met onze beleidsadviseur via info@ksf.nl of kijken op "
    "https://www.ksf.nl/cao. Wij horen graag van u en wensen u veel succes met de laatste "
    "stappen naar een nieuwe cao voor de klantcontactmedewrkers in onze branche.",
]


def two_page_letter() -> str:
    paragraphs = []
    for sample in sorted(SAMPLES.glob("*.json")):
        body = json.loads(sample.read_text(encoding="utf-8"))["body"]
        paragraphs += [block["text"] for block in body if block.get("text")]
    return "\n".join(paragraphs + OUR_PARAGRAPHS)


def naive(dictionary, text: str) -> float:
    start = time.perf_counter()
    for _ in range(ROUNDS):
        for word in re.findall(r"[\w’'-]+", text):
            dictionary.lookup(word)
    return (time.perf_counter() - start) / ROUNDS


def longest_stall(work) -> float:
    """The longest gap of a 5 ms Qt timer while `work()` runs on another thread and the event
    loop runs as in the window (in Qt, calling Python only for the timer)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    from bench.stall_ticker import Ticker

    app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 (the loop needs it)
    ticker = Ticker()
    worker = threading.Thread(target=work)
    loop = QEventLoop()
    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    ticker.start()
    worker.start()
    watcher.start()
    loop.exec()
    watcher.stop()
    ticker.stop()
    return ticker.longest


def _wait(app, condition, seconds: float = 30.0) -> None:
    deadline = time.perf_counter() + seconds
    while not condition() and time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.001)


def underline_stalls(text: str) -> dict[str, float]:
    """Longest event-loop stalls of a QTextEdit with the letter: shown, then typed into; with
    Composer's spelling support and with a naive highlighter (both with cold answers)."""
    from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextCursor
    from PySide6.QtWidgets import QApplication, QTextEdit

    from bench.stall_ticker import Ticker
    from composer.gui.editor.spelling_support import attach_spelling

    app = QApplication.instance()

    class NaiveHighlighter(QSyntaxHighlighter):
        def __init__(self, document, checker):
            super().__init__(document)
            self.checker = checker
            self.wavy = QTextCharFormat()
            self.wavy.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)

        def highlightBlock(self, block_text: str) -> None:
            for wrong in self.checker.misspellings(block_text):
                self.setFormat(wrong.start, wrong.end - wrong.start, self.wavy)

    def measure(attach) -> tuple[float, float]:
        checker = SpellChecker()
        checker.load()
        edit = QTextEdit()
        support = attach(edit, checker)
        ticker = Ticker()
        ticker.start()
        _wait(app, lambda: False, 0.05)
        ticker.reset()
        edit.setPlainText(text)
        _wait(app, lambda: support is None or not support._queued, 30)
        _wait(app, lambda: False, 0.1)
        shown = ticker.longest
        cursor = edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        typing = 0.0
        for char in " Wij schrijven u onmiddelijk terug over de klantcontactmedewerkers.":
            ticker.reset()
            edit.insertPlainText(char)
            _wait(app, lambda: False, 0.01)
            typing = max(typing, ticker.longest)
        ticker.stop()
        edit.deleteLater()
        return shown, typing

    composer = measure(lambda edit, checker: attach_spelling(edit, None, checker))
    naive_result = measure(
        lambda edit, checker: NaiveHighlighter(edit.document(), checker) and None
    )
    return {
        "shown": composer[0],
        "typing": composer[1],
        "naive_shown": naive_result[0],
        "naive_typing": naive_result[1],
    }


def main() -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841 (widgets need it)
    text = two_page_letter()
    checker = SpellChecker()
    start = time.perf_counter()
    load_stall = longest_stall(checker.load)
    loaded = time.perf_counter() - start
    start = time.perf_counter()
    found = checker.misspellings(text)
    first = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(ROUNDS):
        checker.misspellings(text)
    again = (time.perf_counter() - start) / ROUNDS
    edited = text.replace("Graag informeren", "Graag berichten", 1)
    start = time.perf_counter()
    checker.misspellings(edited)
    one_edit = time.perf_counter() - start
    other = SpellChecker()  # a second checker: its first check is cold again
    other.load()
    check_stall = longest_stall(lambda: other.misspellings(text))
    baseline = naive(Dictionary.from_files(str(dictionary_dir() / "nl")), text)

    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
    print(f"spelling of a two-page letter: {len(text.split())} words, {len(found)} typos found")
    print(f"  load the dictionary (background) : {loaded * 1000:7.0f} ms")
    print(f"  naive spylls loop                : {baseline * 1000:7.1f} ms per check")
    print(f"  composer, first check            : {first * 1000:7.1f} ms (target ≤ 100 ms)")
    print(f"  composer, after one edit         : {one_edit * 1000:7.1f} ms")
    print(f"  composer, same text again        : {again * 1000:7.1f} ms")
    print(f"  ratio (naive / first check)      : {baseline / first:7.1f}× faster")
    print(f"  ratio (naive / after one edit)   : {baseline / one_edit:7.1f}× faster")
    print(f"  event-loop stall while loading   : {load_stall * 1000:7.1f} ms (target ≤ 50 ms)")
    print(f"  event-loop stall while checking  : {check_stall * 1000:7.1f} ms (target ≤ 50 ms)")
    edit = underline_stalls(text)
    print("red underlines in a text edit (cold answers), longest event-loop stall:")
    print(f"  naive, letter shown              : {edit['naive_shown'] * 1000:7.1f} ms")
    print(f"  composer, letter shown           : {edit['shown'] * 1000:7.1f} ms")
    print(f"  naive, per keystroke             : {edit['naive_typing'] * 1000:7.1f} ms")
    print(f"  composer, per keystroke          : {edit['typing'] * 1000:7.1f} ms (target ≤ 50 ms)")
    ratio = edit["naive_shown"] / max(edit["shown"], 1e-6)
    print(f"  ratio (naive / composer, shown)  : {ratio:7.1f}× shorter")


if __name__ == "__main__":
    main()
