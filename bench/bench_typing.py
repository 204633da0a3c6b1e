"""Typing in the body: the longest event-loop stall per keystroke, against naive baselines.

The letter is two pages (about 900 words in 15 blocks: a Kop, paragraphs with bold words, a
bulleted list, a promise and a quote). About 200 characters are typed, one key at a time, into
the middle of the body of the letter editor, with the Dutch dictionary loaded. A 5 ms Qt timer
(bench/stall_ticker) measures the longest gap per keystroke: how long the window froze.
Three runs in the same process:
  (1) the editor as built: every keystroke read back into blocks (body_document) and made an
      undo step; spelling checked on a worker thread (spelling_support);
  (2) naive: the same editor, but spelling checked on the GUI thread by a highlighter that asks
      the checker about each changed paragraph (what a first version would do): the baseline;
  (3) for scale: a plain QTextEdit with the same text, no conversion, no undo step, no spelling.
Prints the longest and the median stall per run, the ratio naive / built, and the cost of one
conversion document → blocks of the two-page letter. The target for (1) is a longest stall of
at most 50 ms. No assertions. Run with `.venv/bin/python bench/bench_typing.py`.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SCRATCH = Path(tempfile.mkdtemp(prefix="composer-bench-typing-"))
for name in ("DATA", "CONFIG", "CACHE", "LOG"):
    (SCRATCH / name.lower()).mkdir()
    os.environ[f"COMPOSER_{name}_DIR"] = str(SCRATCH / name.lower())

from bench_spelling import OUR_PARAGRAPHS, two_page_letter  # noqa: E402
from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextCursor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QTextEdit  # noqa: E402
from stall_ticker import Ticker  # noqa: E402

from composer.core import rich_text  # noqa: E402
from composer.core.models import (  # noqa: E402
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Promise,
    Quote,
    Run,
)
from composer.gui.editor.body_document import fill_document, read_document  # noqa: E402
from composer.writing.spelling import shared_checker  # noqa: E402

TYPED = (
    " Wij vragen de onderhandelaars om voor de zomer een akkoord te sluiten, zodat de "
    "klantcontactmedewerkers weten waar zij aan toe zijn en de opdrachtgevers kunnen rekenen "
    "op een eerlijke prijs."
)
KEYSTROKE_MS = 25  # a quick typist: 40 keys a second
TARGET_MS = 50


def body() -> list:
    """15 blocks, about 900 words: bench_spelling's two pages as 11 paragraphs (the first
    with a bold word), a Kop, a list, a promise and a quote."""
    texts = [text for text in two_page_letter().split("\n") if text.strip()]
    texts = [" ".join(texts[: len(texts) - 10]), *texts[len(texts) - 10 :]]
    words = texts[0].split(" ")
    first = rich_text.paragraph(
        [Run(" ".join(words[:6]) + " "), Run(words[6], bold=True), Run(" " + " ".join(words[7:]))]
    )
    items = ["een voorspelbaar rooster", "ruimte om te groeien", "een eerlijke beloning"]
    quote = Quote(
        "Goed werkgeverschap en goed opdrachtgeverschap horen bij elkaar.",
        speaker="Roel Masselink",
        role="directeur",
    )
    return [
        Heading("Onze oproep aan de onderhandelaars"),
        first,
        *(Paragraph(text) for text in texts[1:5]),
        ListBlock("bullet", [ListItem(item) for item in items]),
        Promise(4),
        *(Paragraph(text) for text in texts[5:8]),
        quote,
        *(Paragraph(text) for text in texts[8:]),
    ]


def pump(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class NaiveHighlighter(QSyntaxHighlighter):
    """Spelling on the GUI thread: each changed paragraph is checked while Qt waits."""

    def __init__(self, document) -> None:
        super().__init__(document)
        self.checker = shared_checker()
        self.wrong = QTextCharFormat()
        self.wrong.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)

    def highlightBlock(self, text: str) -> None:
        for found in self.checker.misspellings(text):
            self.setFormat(found.start, found.end - found.start, self.wrong)


def type_into(edit: QTextEdit, ticker: Ticker) -> list[float]:
    """Type TYPED at the end of the body's fifth text block; the stall of each key (seconds)."""
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.setPosition(edit.document().findBlockByNumber(5).position())
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    edit.setTextCursor(cursor)
    stalls = []
    for character in TYPED:
        ticker.reset()
        QTest.keyClick(edit, character)
        pump(KEYSTROKE_MS)
        stalls.append(ticker.longest)
    pump(500)
    return stalls


def editor_run(naive: bool) -> tuple[list[float], int]:
    from composer.gui.editor import LetterEditor
    from composer.gui.session import LetterSession
    from composer.storage.library import Library

    library = Library.open(f"sqlite:///{SCRATCH / ('naive' if naive else 'built')}.sqlite")
    session = LetterSession(library, author="Marleen", drafts_folder=SCRATCH / "concepten")
    editor = LetterEditor(session)
    editor.resize(1000, 900)
    editor.show()
    session.new_from_template("brief")
    session.letter.body = body()
    editor.reload()
    edit = editor.blocks.edit
    if naive:
        editor.blocks.spelling.enabled = False
        highlighter = NaiveHighlighter(edit.document())
        highlighter.rehighlight()
    pump(1500)  # the first check of the whole letter is done (built: on the worker)
    ticker = Ticker()
    ticker.start()
    stalls = type_into(edit, ticker)
    ticker.stop()
    steps = session.undo_stack.count()
    session.close()
    editor.close()
    editor.deleteLater()
    pump(100)
    library.close()
    return stalls, steps


def plain_run() -> list[float]:
    edit = QTextEdit()
    edit.resize(1000, 900)
    edit.show()
    fill_document(edit.document(), body())
    pump(200)
    ticker = Ticker()
    ticker.start()
    stalls = type_into(edit, ticker)
    ticker.stop()
    edit.close()
    return stalls


def conversion_ms() -> tuple[float, float]:
    edit = QTextEdit()
    fill_document(edit.document(), body())
    rounds = 50
    start = time.perf_counter()
    for _ in range(rounds):
        read_document(edit.document())
    read = (time.perf_counter() - start) / rounds
    start = time.perf_counter()
    for _ in range(rounds):
        fill_document(edit.document(), body())
    fill = (time.perf_counter() - start) / rounds
    return read * 1000, fill * 1000


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setEffectEnabled(Qt.UIEffect.UI_AnimateCombo, False)
    checker = shared_checker()
    if not checker.wait(timeout=120):
        raise SystemExit("Het woordenboek is niet geladen.")
    blocks = body()
    words = sum(len(getattr(block, "text", "").split()) for block in blocks)
    words += sum(
        len(item.text.split())
        for block in blocks
        if isinstance(block, ListBlock)
        for item in block.items
    )
    built, steps = editor_run(naive=False)
    naive, _steps = editor_run(naive=True)
    plain = plain_run()
    read, fill = conversion_ms()
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}"
    )
    print(
        f"typing {len(TYPED)} characters into a letter of {len(blocks)} blocks, {words} words "
        f"({len(OUR_PARAGRAPHS)} paragraphs of our own), dictionary loaded"
    )
    for name, stalls in (
        ("editor as built (spelling on a worker)", built),
        ("naive: spelling on the GUI thread", naive),
        ("plain QTextEdit (no conversion, no undo)", plain),
    ):
        print(
            f"  {name:42}: longest {max(stalls) * 1000:6.1f} ms, "
            f"median {statistics.median(stalls) * 1000:5.1f} ms per keystroke"
        )
    print(f"  undo steps made by the typing           : {steps} (one: typing merges)")
    print(f"  conversion document → blocks            : {read:6.2f} ms")
    print(f"  conversion blocks → document (undo)     : {fill:6.2f} ms")
    ratio = max(naive) / max(built) if max(built) else float("inf")
    print(f"  ratio naive / built (longest stall)     : {ratio:6.1f}x")
    verdict = "within" if max(built) * 1000 <= TARGET_MS else "OVER"
    print(f"  target: longest stall ≤ {TARGET_MS} ms while typing: {verdict}")


if __name__ == "__main__":
    main()
