"""Dutch spelling while you write: the checker the editor and `composer check` share.

```python
checker = shared_checker()  # one per process; starts loading the dictionary in the background
checker.set_extra_words(library_words)  # the office word list ("Toevoegen aan woordenlijst")
if checker.wait(timeout=10):  # or: checker.on_ready(callback), or poll checker.ready
    for found in checker.misspellings("Wij zijn onmiddelijk begonnen."):
        print(found.start, found.end, found.word, checker.suggestions(found.word))
```

Loading the dictionary takes about two seconds in spylls and never happens on the caller's
thread unless asked (`load()`, for the command line). Before the dictionary is ready,
`misspellings()` starts the loading if nobody did and returns an empty list at once: a text
checked too early has nothing underlined (never a false red line); the caller checks again when
`ready` (the editor on `on_ready`, the command line by `wait()` first). `suggestions()` likewise
returns [] until ready.

Checking is fast because every answer is kept: a word is looked up once per process (a dict of
results), and a whole token's verdict once until the office word list changes. Offsets are
Python string indices (code points); Qt counts UTF-16 units, which differ only after a
character outside the Basic Multilingual Plane (an emoji).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import _
from composer.writing.spell_engine import SpellEngine
from composer.writing.spell_words import judge, words

_log = logging.getLogger(__name__)
_MAX_KEPT = 200_000  # answers kept per process (a few tens of MB at most)


@dataclass(frozen=True)
class Misspelling:
    """A word the dictionary and the office word list do not know: text[start:end] == word."""

    start: int
    end: int
    word: str


class SpellChecker:
    """Hunspell with the OpenTaal Dutch dictionary, loaded in the background, plus an office word
    list kept in memory (the library keeps it on disk)."""

    def __init__(self, dictionary_folder: Path | None = None, extra_words: Iterable[str] = ()):
        self._folder = dictionary_folder
        self._engine: SpellEngine | None = None
        self._error: ComposerError | None = None
        self._loaded = threading.Event()
        self._start_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._callbacks: list[Callable[[SpellChecker], None]] = []
        self._known: dict[str, bool] = {}  # form -> dictionary verdict; never invalid
        self._verdicts: dict[str, tuple[int, int] | None] = {}  # token -> judge(); cleared
        self._suggested: dict[tuple[str, int], list[str]] = {}  # (word, limit) -> suggestions
        self._extra: frozenset[str] = frozenset()
        self._extra_lower: frozenset[str] = frozenset()
        self.set_extra_words(extra_words)

    # -- loading -------------------------------------------------------------------------------

    def load_async(self) -> None:
        """Start loading the dictionary on a thread of its own (once; later calls do nothing)."""
        with self._start_lock:
            if self._thread is not None or self._loaded.is_set():
                return
            self._thread = threading.Thread(
                target=self._load, name="composer-spelling-load", daemon=True
            )
            self._thread.start()

    def load(self) -> None:
        """Load the dictionary on this thread (the command line) and raise if that fails."""
        self.load_async()
        self._loaded.wait()
        if self._error is not None:
            raise self._error

    def _load(self) -> None:
        try:
            self._engine = SpellEngine(self._folder)
        except ComposerError as exc:
            self._error = exc
        except Exception as exc:  # a fault in spylls must not leave `wait()` hanging on nothing
            _log.exception("loading the Dutch dictionary failed")
            self._error = ComposerError(
                _("Het Nederlandse woordenboek kan niet worden geladen: {reason}").format(
                    reason=exc
                )
            )
        finally:
            with self._start_lock:
                self._loaded.set()
                callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback(self)

    @property
    def ready(self) -> bool:
        """Whether the dictionary is loaded and words can be checked."""
        return self._engine is not None

    @property
    def error(self) -> ComposerError | None:
        """Why loading failed (the dictionary is missing or unreadable); None otherwise."""
        return self._error

    def wait(self, timeout: float | None = None) -> bool:
        """Start loading if needed and wait at most `timeout` seconds; True when ready."""
        self.load_async()
        self._loaded.wait(timeout)
        return self.ready

    def on_ready(self, callback: Callable[[SpellChecker], None]) -> None:
        """Call `callback(checker)` once loading has ended (ready, or failed: see `error`).

        It runs on the loading thread (or at once, here, when loading has already ended): the
        window hands it on to the GUI thread with a signal.
        """
        with self._start_lock:
            if not self._loaded.is_set():
                self._callbacks.append(callback)
                return
        callback(self)

    # -- the office word list ------------------------------------------------------------------

    def set_extra_words(self, extra_words: Iterable[str]) -> None:
        """Accept these words as well (the office word list), replacing the previous list."""
        cleaned = frozenset(word.strip() for word in extra_words if word and word.strip())
        self._extra = cleaned
        self._extra_lower = frozenset(word.lower() for word in cleaned if word.islower())
        self._verdicts = {}

    def add_word(self, word: str) -> None:
        """Accept `word` from now on ("Toevoegen aan woordenlijst")."""
        self.set_extra_words({*self._extra, word})

    @property
    def extra_words(self) -> frozenset[str]:
        return self._extra

    def _in_word_list(self, word: str) -> bool:
        """Hunspell's rule for a word list: a word in lower case is accepted in lower case, with a
        capital and in capitals; a word with capitals (a name) as written or in capitals."""
        if word in self._extra:
            return True
        lower = word.lower()
        if lower in self._extra_lower and word in (
            lower,
            lower[:1].upper() + lower[1:],
            word.upper(),
        ):
            return True
        return word.isupper() and any(extra.upper() == word for extra in self._extra)

    # -- checking ------------------------------------------------------------------------------

    def is_correct(self, word: str) -> bool:
        """Whether `word` (one form, as it stands) is in the dictionary or the office word list.

        Raises RuntimeError before the dictionary is ready."""
        if self._in_word_list(word):
            return True
        verdict = self._known.get(word)
        if verdict is None:
            if self._engine is None:
                raise RuntimeError("the Dutch dictionary is not loaded yet")
            verdict = self._known[word] = self._engine.known(word)
        return verdict

    def misspellings(self, text: str) -> list[Misspelling]:
        """The misspelt words of `text` with their offsets; [] while the dictionary loads."""
        if not self.ready:
            self.load_async()
            return []
        if len(self._verdicts) > _MAX_KEPT or len(self._known) > _MAX_KEPT:
            self._verdicts, self._known, self._suggested = {}, {}, {}  # half-typed words
        verdicts = self._verdicts
        found = []
        for token in words(text):
            if token.text in verdicts:
                verdict = verdicts[token.text]
            else:
                verdict = verdicts[token.text] = judge(token.text, self.is_correct)
            if verdict is not None:
                start, end = token.start + verdict[0], token.start + verdict[1]
                found.append(Misspelling(start, end, text[start:end]))
        return found

    def suggestions(self, word: str, limit: int = 5, seconds: float = 1.0) -> list[str]:
        """Up to `limit` corrections for `word`, best first, found within about `seconds`."""
        if self._engine is None:
            return []
        key = (word, limit)
        if key not in self._suggested:  # the same typo twice in a letter: searched once
            self._suggested[key] = self._engine.suggest(word, limit=limit, seconds=seconds)
        return list(self._suggested[key])


_shared: SpellChecker | None = None
_shared_lock = threading.Lock()


def shared_checker() -> SpellChecker:
    """The process's one checker (the dictionary is loaded once); loading starts here."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = SpellChecker()
        _shared.load_async()
        return _shared
