"""The Leesbaarheid panel: the letter's Flesch-Douma score in words, per block the B1 advice,
and how many words the spelling check marks. Advice only: nothing here is red or refuses.

```python
panel = ReadabilityPanel(session, editor.select_body_text)  # docked by the main window
```

The panel follows the session: shortly after typing stops (`DELAY_MS`) it takes a snapshot of
the letter's texts and checks it on a worker thread (the B1 checks of a long letter take tens of
milliseconds, the spelling more while the dictionary warms up); an answer for a letter that has
changed since is dropped. Double-click or Enter on an advice selects its words in the letter
(`select_text(block, start, end)`, offsets in the block's text as in `composer check --json`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from composer.i18n import N_, _, ngettext
from composer.writing.b1_advice import LetterAdvice
from composer.writing.findings import FORMAL_WORD, Finding, block_label
from composer.writing.letter_check import BlockText, LetterCheck, check_blocks, letter_blocks
from composer.writing.readability import Readability

_log = logging.getLogger(__name__)

DELAY_MS = 600  # after the last keystroke
TITLE = N_("Leesbaarheid")
NO_TEXT = N_("Nog geen tekst om te beoordelen.")
NO_ADVICE = N_("Geen adviezen: de brief is goed leesbaar.")
ADVICE_ONLY = N_("Dit is advies: u kunt de brief altijd bewaren en exporteren.")
LOADING = N_("Spelling: het woordenboek wordt nog geladen.")
WORKING = N_("Bezig met beoordelen…")
SelectText = Callable[[int, int, int], None]
# The place an advice points to, on its row: (block, start, end).
PLACE_ROLE = Qt.ItemDataRole.UserRole


def score_text(readability: Readability) -> str:
    """ "Leesbaarheid 58 (vrij moeilijk): 12 zinnen, 180 woorden." for the letter as a whole."""
    if readability.score is None:
        return _(NO_TEXT)
    counts = (
        ngettext("{count} zin", "{count} zinnen", readability.sentences).format(
            count=readability.sentences
        )
        + ", "
        + ngettext("{count} woord", "{count} woorden", readability.words).format(
            count=readability.words
        )
    )
    return _("Leesbaarheid {score} ({meaning}): {counts}.").format(
        score=round(readability.score), meaning=readability.meaning, counts=counts
    )


def spelling_text(check: LetterCheck) -> str:
    """ "3 mogelijke spelfouten", or why the spelling was not counted."""
    if not check.spelling_checked:
        if check.spelling_problem:
            return _("Spelling niet gecontroleerd: {reason}").format(reason=check.spelling_problem)
        return _(LOADING)
    count = len(check.spelling)
    if not count:
        return _("Geen spelfouten gevonden.")
    return ngettext("{count} mogelijke spelfout", "{count} mogelijke spelfouten", count).format(
        count=count
    )


def advice_text(finding: Finding, text: str) -> str:
    """One advice as its row says it: a formal word with its plainer alternative as
    "‘Derhalve’ → ‘Daarom’ (formeel woord)", the others in the words of the check. `text` is
    the block's checked text."""
    if finding.kind == FORMAL_WORD and finding.suggestions:
        word = text[finding.start : finding.end]
        plain = _(" of ").join(f"‘{item}’" for item in finding.suggestions)
        return _("‘{word}’ → {plain} (formeel woord)").format(word=word, plain=plain)
    return finding.message


class _Checker(QObject):
    """Checks snapshots on one worker thread; only the newest waiting snapshot is checked."""

    done = Signal(int, object)  # generation, LetterCheck

    def __init__(self, spell_checker: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spell_checker = spell_checker
        self._wanted: tuple[int, list[BlockText]] | None = None
        self._condition = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._work, name="composer-readability", daemon=True)
        self._thread.start()

    def request(self, generation: int, blocks: list[BlockText]) -> None:
        with self._condition:
            self._wanted = (generation, blocks)
            self._condition.notify()

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._condition.notify()

    def _work(self) -> None:
        while True:
            with self._condition:
                while self._wanted is None and not self._closed:
                    self._condition.wait()
                if self._closed:
                    return
                generation, blocks = self._wanted  # type: ignore[misc]
                self._wanted = None
            try:
                result = check_blocks(blocks, self.spell_checker)
            except Exception:  # one bad text must not end the panel's checking
                _log.exception("the readability check failed")
                continue
            try:
                self.done.emit(generation, result)
            except RuntimeError:  # the panel is gone
                return


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as high as their text wrapped to the column's width (Qt's own hint is one line)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        tree = self.parent()
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(80, tree.viewport().width() - tree.indentation() * (depth + 1) - 12)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bounds = option.fontMetrics.boundingRect(
            QRect(0, 0, width, 100_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, bounds.height() + 4)


class _AdviceTree(QTreeWidget):
    """The advice rows: wrapped to the panel's width, laid out again when it changes."""

    def __init__(self) -> None:
        super().__init__()
        self.setItemDelegate(_WrappingDelegate(self))
        self.setHeaderHidden(True)
        self.setWordWrap(True)  # a long advice wraps instead of being cut off
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()


class ReadabilityPanel(QWidget):
    """The Leesbaarheid panel of one session (see the module's docstring)."""

    updated = Signal()  # the panel shows the check of the current letter

    def __init__(
        self,
        session: Any,
        select_text: SelectText,
        spell_checker: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("readability_panel")
        self.session = session
        self.select_text = select_text
        if spell_checker is None:
            try:
                from composer.writing.spelling import shared_checker

                spell_checker = shared_checker()
            except ImportError:  # spelling not installed: the B1 advice still shows
                spell_checker = None
        self.check: LetterCheck | None = None
        self._generation = 0
        self._blocks: list[BlockText] = []

        self.score_label = QLabel(_(WORKING))
        self.score_label.setWordWrap(True)
        self.score_label.setObjectName("readability_score")
        font = self.score_label.font()
        font.setBold(True)
        self.score_label.setFont(font)
        self.spelling_label = QLabel("")
        self.spelling_label.setWordWrap(True)
        self.spelling_label.setObjectName("readability_spelling")
        self.tree = _AdviceTree()
        self.tree.setObjectName("readability_advice")
        self.tree.setAccessibleName(_("Adviezen per alinea"))
        self.tree.setToolTip(_("Dubbelklik of Enter op een advies: de woorden in de brief."))
        self.tree.itemActivated.connect(self._activated)
        footer = QLabel(_(ADVICE_ONLY))
        footer.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.score_label)
        layout.addWidget(self.spelling_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(footer)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._checker = _Checker(spell_checker, self)
        self._checker.done.connect(self._show, Qt.ConnectionType.QueuedConnection)
        closer = self._checker.close
        self.destroyed.connect(lambda *_args: closer())  # the worker ends with the panel
        session.changed.connect(self.schedule)
        session.loaded.connect(self.refresh)
        if spell_checker is not None:
            spell_checker.on_ready(self._dictionary_ready)
        self.refresh()

    def schedule(self) -> None:
        """Check again when typing has stopped for DELAY_MS."""
        self._timer.start()

    def refresh(self) -> None:
        """Check the letter as it is now (on the worker; `updated` when it shows)."""
        self._timer.stop()
        self._generation += 1
        self._blocks = letter_blocks(self.session.letter)
        self._checker.request(self._generation, self._blocks)

    def _dictionary_ready(self, _checker: Any) -> None:  # on the loading thread
        with contextlib.suppress(RuntimeError):  # the panel may be gone
            self._checker.done.emit(-1, None)  # a nudge: check again with the dictionary

    def _show(self, generation: int, check: LetterCheck | None) -> None:
        if generation == -1:
            self.refresh()
            return
        if generation != self._generation or check is None:
            return  # the letter changed since: a newer check is on its way
        self.check = check
        self.score_label.setText(score_text(check.advice.readability))
        self.spelling_label.setText(spelling_text(check))
        self._fill(check.advice, {block.index: block.text for block in self._blocks})
        self.updated.emit()

    def _fill(self, advice: LetterAdvice, texts: dict[int, str]) -> None:
        self.tree.clear()
        letter = self.session.letter
        for paragraph in advice.paragraphs:
            if not paragraph.findings or paragraph.block >= len(letter.body):
                continue
            label = block_label(letter, paragraph.block)
            if paragraph.readability.score is not None:
                label = _("{block}: leesbaarheid {score} ({meaning})").format(
                    block=label,
                    score=round(paragraph.readability.score),
                    meaning=paragraph.readability.meaning,
                )
            top = QTreeWidgetItem([label])
            top.setData(0, PLACE_ROLE, (paragraph.block, 0, 0))
            for finding in paragraph.findings:
                row = QTreeWidgetItem([advice_text(finding, texts.get(finding.block, ""))])
                row.setToolTip(0, finding.message)
                row.setData(0, PLACE_ROLE, (finding.block, finding.start, finding.end))
                top.addChild(row)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if not self.tree.topLevelItemCount() and advice.paragraphs:
            self.tree.addTopLevelItem(QTreeWidgetItem([_(NO_ADVICE)]))

    def rows(self) -> list[str]:
        """The texts of the panel's rows, in order (blocks and their advice)."""
        found = []
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            found.append(top.text(0))
            found += [top.child(child).text(0) for child in range(top.childCount())]
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        place = item.data(0, PLACE_ROLE)
        if place:
            block, start, end = place
            self.select_text(block, start, end)
