"""Red wavy underlines under misspelt words in a QTextEdit, and the spelling items of its menu.

```python
support = attach_spelling(edit, session)  # edit.menu_providers gets the spelling items
support.enabled = False  # Beeld > Spelling controleren off: no underlines
```

Typing never waits for the dictionary: the highlighter only reads a cache (block text → its
misspellings). A text not yet checked is queued to one worker thread; when its answer arrives,
the blocks with that text are highlighted again. Until the dictionary has loaded (in the
background, `shared_checker()`), nothing is underlined. Object characters (U+FFFC: a promise or
a quote in the body) and words inside `{{ }}` are never marked.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QMenu, QTextEdit

from composer.errors import ComposerError
from composer.i18n import N_, _
from composer.writing.spelling import SpellChecker, shared_checker

_log = logging.getLogger(__name__)

ADD_TO_WORD_LIST = N_("Toevoegen aan woordenlijst")
IGNORE = N_("Negeren")
CHECK_SPELLING = N_("&Spelling controleren")
NO_SUGGESTIONS = N_("(geen suggesties)")
SUGGESTION_LIMIT = 5
SUGGESTION_SECONDS = 0.8  # the menu waits at most this long for suggestions of a new typo
_CACHE_LIMIT = 4000  # block texts whose misspellings are kept
_PLACEHOLDER = re.compile(r"\{\{.*?\}\}", re.DOTALL)
_OBJECT = "\ufffc"
RED = QColor(220, 0, 0)

# A misspelling in a block: (start, end) in Qt's UTF-16 positions, and the word.
Span = tuple[int, int, str]
MenuProvider = Callable[[QTextCursor, QMenu], None]


def _utf16_offsets(text: str) -> list[int] | None:
    """Position in UTF-16 units of every code-point index of `text` (None: they are equal)."""
    if all(ord(char) < 0x10000 for char in text):
        return None
    offsets, position = [], 0
    for char in text:
        offsets.append(position)
        position += 2 if ord(char) >= 0x10000 else 1
    offsets.append(position)
    return offsets


def check_text(checker: SpellChecker, text: str) -> list[Span]:
    """The misspellings of one block's text in UTF-16 positions, outside `{{ }}` and objects."""
    skipped = [match.span() for match in _PLACEHOLDER.finditer(text)]
    offsets = _utf16_offsets(text)
    spans = []
    for wrong in checker.misspellings(text):
        if _OBJECT in wrong.word:
            continue
        if any(start < wrong.end and wrong.start < end for start, end in skipped):
            continue
        if offsets is None:
            spans.append((wrong.start, wrong.end, wrong.word))
        else:
            spans.append((offsets[wrong.start], offsets[wrong.end], wrong.word))
    return spans


class _Highlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, support: SpellingSupport) -> None:
        super().__init__(document)
        self._support = support
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(RED)

    def highlightBlock(self, text: str) -> None:
        for start, end, _word in self._support.shown_misspellings(text):
            self.setFormat(start, end - start, self._format)


class SpellingSupport(QObject):
    """The spelling of one QTextEdit: underlines (a highlighter) and the menu's spelling items."""

    checked = Signal(str, object)  # block text, list[Span]: from the worker to the GUI thread
    dictionary_ready = Signal()  # the dictionary has loaded (or failed to)
    words_changed = Signal()  # the office word list was loaded or a word added
    word_added = Signal(str)  # "Toevoegen aan woordenlijst" stored this word
    failed = Signal(str)  # a Dutch message: the word could not be stored in the library

    def __init__(
        self,
        edit: QTextEdit,
        session: Any = None,
        checker: SpellChecker | None = None,
    ) -> None:
        super().__init__(edit)
        self.edit = edit
        self.session = session
        self.checker = checker or shared_checker()
        self._enabled = True
        self._cache: dict[str, list[Span]] = {}
        self._queued: set[str] = set()
        self._ignored: set[str] = set()
        self._arrived: set[str] = set()
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._closed = False
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(0)
        self._refresh.timeout.connect(self._rehighlight_arrived)
        self.checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        self.dictionary_ready.connect(self.rehighlight, Qt.ConnectionType.QueuedConnection)
        self.words_changed.connect(self._on_words_changed, Qt.ConnectionType.QueuedConnection)
        self.highlighter = _Highlighter(edit.document(), self)
        self._worker = threading.Thread(
            target=self._work, name="composer-spelling-check", daemon=True
        )
        self._worker.start()
        jobs = self._jobs
        edit.destroyed.connect(lambda *_args: jobs.put(None))  # the worker stops with the edit
        self.reload_word_list()
        self.checker.on_ready(self._emit_ready)
        self.checker.load_async()  # once per process: shared_checker() started it already

    # -- the switch ----------------------------------------------------------------------------

    @property
    def enabled(self) -> bool:
        """Whether misspelt words are underlined and offered in the menu."""
        return self._enabled

    @enabled.setter
    def enabled(self, value: bool) -> None:
        if value != self._enabled:
            self._enabled = value
            self.rehighlight()

    def set_enabled(self, value: bool) -> None:
        """The same as `enabled = value`, for a menu item's toggled signal."""
        self.enabled = value

    # -- what is underlined --------------------------------------------------------------------

    def shown_misspellings(self, text: str) -> list[Span]:
        """The misspellings to underline in a block with `text`, from the cache; [] while it is
        not checked (the text goes to the worker) or while the dictionary loads."""
        if not self._enabled or not text or not self.checker.ready:
            return []
        spans = self._cache.get(text)
        if spans is None:
            self._queue_check(text)
            return []
        if not self._ignored:
            return spans
        return [span for span in spans if span[2] not in self._ignored]

    def misspelling_at(self, cursor: QTextCursor) -> tuple[QTextBlock, Span] | None:
        """The underlined word at `cursor` (the click), with its block; None if there is none."""
        block = cursor.block()
        position = cursor.positionInBlock()
        for span in self.shown_misspellings(block.text()):
            if span[0] <= position <= span[1]:
                return block, span
        return None

    def rehighlight(self) -> None:
        """Underline the whole document again (the dictionary arrived, a switch, a new word)."""
        if not self._closed:
            self.highlighter.rehighlight()

    def _queue_check(self, text: str) -> None:
        if text in self._queued or self._closed:
            return
        self._queued.add(text)
        self._jobs.put(lambda: self._check(text))

    def _check(self, text: str) -> None:  # on the worker
        try:
            spans = check_text(self.checker, text)
        except Exception:  # a fault in one text must not stop the worker
            _log.exception("checking the spelling of a paragraph failed")
            spans = []
        self._emit(self.checked, text, spans)

    def _on_checked(self, text: str, spans: list[Span]) -> None:
        self._queued.discard(text)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()  # texts of words half typed, mostly
        self._cache[text] = spans
        self._arrived.add(text)
        self._refresh.start()

    def _rehighlight_arrived(self) -> None:
        """Highlight again the blocks whose text has just been checked (one pass for many)."""
        arrived, self._arrived = self._arrived, set()
        if self._closed:
            return
        block = self.edit.document().begin()
        while block.isValid():
            if block.text() in arrived:
                self.highlighter.rehighlightBlock(block)
            block = block.next()

    # -- the menu ------------------------------------------------------------------------------

    def add_menu_items(self, cursor: QTextCursor, menu: QMenu) -> None:
        """At the top of `menu`: suggestions for the word at `cursor`, then Toevoegen aan
        woordenlijst and Negeren. Nothing when the word there is not underlined."""
        found = self.misspelling_at(cursor)
        if found is None:
            return
        block, (start, end, word) = found
        first = menu.actions()[0] if menu.actions() else None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            suggestions = self.checker.suggestions(
                word, limit=SUGGESTION_LIMIT, seconds=SUGGESTION_SECONDS
            )
        finally:
            QApplication.restoreOverrideCursor()
        items = []
        for suggestion in suggestions[:SUGGESTION_LIMIT]:
            action = menu.addAction(suggestion)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(
                lambda _checked=False, s=suggestion: self.replace(block, start, end, word, s)
            )
            items.append(action)
        if not suggestions:
            empty = menu.addAction(_(NO_SUGGESTIONS))
            empty.setEnabled(False)
            items.append(empty)
        add = menu.addAction(_(ADD_TO_WORD_LIST))
        add.triggered.connect(lambda _checked=False: self.add_to_word_list(word))
        ignore = menu.addAction(_(IGNORE))
        ignore.triggered.connect(lambda _checked=False: self.ignore(word))
        items += [add, ignore]
        if first is not None:
            for action in items:
                menu.removeAction(action)
            menu.insertActions(first, items)
            menu.insertSeparator(first)

    def replace(self, block: QTextBlock, start: int, end: int, word: str, new: str) -> bool:
        """Put `new` in place of `word` at [start, end) of `block`, as if typed (one undo step);
        False when the text there has changed since the menu opened."""
        if not block.isValid() or block.text()[start:end] != word:
            return False
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + start + 1)
        char_format = cursor.charFormat()  # the marks of the word (bold stays bold)
        cursor.setPosition(block.position() + start)
        cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
        seal = getattr(self.session, "seal_typing", None)  # not merged with typing around it
        if seal is not None:
            seal()
        self.edit.setTextCursor(cursor)
        edit_cursor = self.edit.textCursor()
        edit_cursor.insertText(new, char_format)
        self.edit.setTextCursor(edit_cursor)
        if seal is not None:
            seal()
        return True

    def ignore(self, word: str) -> None:
        """Underline `word` no more in this session (it stays out of the word list)."""
        self._ignored.add(word)
        self.rehighlight()

    def add_to_word_list(self, word: str) -> None:
        """Accept `word` from now on, for the whole office: the checker at once, the library in
        the background (a failure is reported by `failed`; the word stays accepted here)."""
        self.checker.add_word(word)
        self._cache.clear()
        self.rehighlight()
        library = getattr(self.session, "library", None)
        if library is None:
            return
        author = getattr(self.session, "author", "") or ""

        def store() -> None:
            from composer.app.office_words import store_office_word

            try:
                store_office_word(library, word, author=author)
            except ComposerError as exc:
                self._emit(self.failed, exc.message)
                return
            self._emit(self.word_added, word)

        self._jobs.put(store)

    # -- the worker ----------------------------------------------------------------------------

    def reload_word_list(self) -> None:
        """Read the office word list of the session's library again, in the background (the
        window calls this when it has opened a library)."""
        library = getattr(self.session, "library", None)
        if library is not None and not self._closed:
            self._jobs.put(lambda: self._load_office_words(library))

    def _load_office_words(self, library: Any) -> None:  # on the worker
        from composer.app.office_words import load_office_words

        try:
            load_office_words(library, self.checker)
        except ComposerError as exc:
            _log.warning("the office word list could not be read: %s", exc.message)
            return
        self._emit(self.words_changed)

    def _on_words_changed(self) -> None:
        self._cache.clear()
        self.rehighlight()

    def _emit_ready(self, _checker: SpellChecker) -> None:  # on the loading thread
        self._emit(self.dictionary_ready)

    def _emit(self, signal: Any, *args: Any) -> None:
        if self._closed:
            return
        try:
            signal.emit(*args)
        except RuntimeError:  # the edit (and this object) is gone
            self._closed = True

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job()

    def close(self) -> None:
        """Stop the worker (the edit is going away)."""
        if not self._closed:
            self._closed = True
            self._jobs.put(None)


def spelling_action(support: SpellingSupport, parent: QObject) -> QAction:
    """Beeld > "Spelling controleren": a check box that turns the underlines on and off."""
    action = QAction(_(CHECK_SPELLING), parent)
    action.setObjectName("spelling_controleren")
    action.setCheckable(True)
    action.setChecked(support.enabled)
    action.toggled.connect(support.set_enabled)
    return action


def attach_spelling(
    edit: QTextEdit, session: Any = None, checker: SpellChecker | None = None
) -> SpellingSupport:
    """Underline misspelt words in `edit` and add the spelling items to its context menu.

    `edit.menu_providers` (created if missing) gets the provider; `session` gives the library
    (the office word list is read from it and words are added to it) and the author.
    """
    support = SpellingSupport(edit, session, checker)
    providers: list[MenuProvider] | None = getattr(edit, "menu_providers", None)
    if providers is None:
        providers = []
        edit.menu_providers = providers  # type: ignore[attr-defined]
    providers.append(support.add_menu_items)
    edit.spelling = support  # type: ignore[attr-defined]
    return support
