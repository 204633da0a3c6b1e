"""The Hunspell engine (spylls, pure Python) with the shipped OpenTaal Dutch dictionary.

Loading the dictionary takes about two seconds; `composer.writing.spelling.SpellChecker` does it
on a thread of its own. Looking a word up is pure and safe from any thread. Suggestions are
bounded in time: spylls tries every edit of a word as a compound, which for a long misspelt
compound can take a minute.
"""

from __future__ import annotations

import contextlib
import gc
import io
import math
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from composer.errors import ComposerError
from composer.i18n import _
from composer.paths import resources_dir

DICTIONARY_NAME = "nl"
_LONG_WORD = 12  # from this length a misspelt word is first mended as a compound
_MIN_PART = 4  # the shortest part of a compound that is kept or mended
_PART_SUGGESTIONS = 3
_LINKS = ("s", "en", "e", "n")  # the linking letters of Dutch compounds (tussenklanken)
_PART_SECONDS = 0.2  # at most this long for the suggestions of one part


def dictionary_dir() -> Path:
    """The folder of the shipped Dutch dictionary (nl.aff, nl.dic, LICENSE.txt, README.md)."""
    return resources_dir() / "dictionaries" / DICTIONARY_NAME


_LOAD_LOCK = threading.Lock()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while the dictionary's ~800,000 objects are made.

    With it on, loading takes 2.4× as long and each full collection on the way holds the GIL
    for up to 0.6 s (the window freezes). At the end `gc.freeze()` moves the dictionary (and
    everything else alive) out of the collector's sight: otherwise every later full collection
    walks it, 1.3 s with the GIL held, while the user types; and it comes before the collector
    is switched on again, whose first collection would otherwise walk every new object (0.1 s).
    The cost: cyclic garbage among the frozen objects is never collected, which is fine for a
    dictionary kept for the whole session.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()  # before enabling: else the first collection walks all that was made
    finally:
        if was_enabled:
            gc.enable()


def _read_dictionary(base: Path):
    """spylls' `Dictionary.from_files`, reading each file into memory in one go first.

    spylls reads line by line from an open file; every buffer refill releases the GIL for the
    read and takes it back at once, and a thread that keeps doing that starves a thread waiting
    for the GIL (the GIL's "convoy effect"): the window's event loop got no turn for 0.4 s at a
    time while the loader went on. Parsing from memory has no such release.
    """
    from spylls.hunspell import Dictionary, readers
    from spylls.hunspell.readers.file_reader import FileReader

    class InMemoryReader(FileReader):
        def _open(self, path, encoding):
            data = Path(path).read_bytes()
            return io.StringIO(data.decode(encoding, errors="surrogateescape"), newline=None)

    aff, context = readers.read_aff(InMemoryReader(str(base.with_suffix(".aff"))))
    dic_reader = InMemoryReader(str(base.with_suffix(".dic")), encoding=context.encoding)
    dic = readers.read_dic(dic_reader, aff=aff, context=context)
    return Dictionary(aff, dic)


class _TimeUp(Exception):
    """The time for suggestions has run out."""


class _Deadline:
    """A moment after which the suggester stops; `math.inf` when no search is running."""

    def __init__(self) -> None:
        self.at = math.inf

    def check(self) -> None:
        if time.monotonic() > self.at:
            raise _TimeUp


class _BoundedLookup:
    """spylls' Lookup as its suggester sees it: every candidate looked up first checks the time,
    and goes through the .aff file's ICONV table (ij → ĳ), which spylls' suggester skips: the
    dictionary stores "ĳ", so a candidate "hartelijk" made by an edit was never found."""

    def __init__(self, lookup, iconv, deadline: _Deadline) -> None:
        self._lookup = lookup
        self._iconv = iconv
        self._deadline = deadline

    def good_forms(self, word: str, *args, **kwargs):
        self._deadline.check()
        if self._iconv and ("ij" in word or "IJ" in word or "’" in word):
            word = self._iconv(word)
        return self._lookup.good_forms(word, *args, **kwargs)

    def __call__(self, *args, **kwargs):
        self._deadline.check()
        return self._lookup(*args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self._lookup, name)


class _BoundedWords(Sequence):
    """The dictionary's words as the n-gram search walks them, checking the time as it goes."""

    def __init__(self, words: list, deadline: _Deadline) -> None:
        self._words = words
        self._deadline = deadline

    def __len__(self) -> int:
        return len(self._words)

    def __getitem__(self, index):
        return self._words[index]

    def __iter__(self) -> Iterator:
        for index, word in enumerate(self._words):
            if index % 4096 == 0:
                self._deadline.check()
            yield word


class SpellEngine:
    """A loaded Hunspell dictionary: `known(word)` and time-bounded `suggest(word)`."""

    def __init__(self, folder: Path | None = None) -> None:
        """Reads the dictionary (seconds): call it off the GUI thread."""
        from spylls.hunspell.algo.suggest import Suggest

        folder = folder or dictionary_dir()
        base = folder / DICTIONARY_NAME
        if not base.with_suffix(".aff").is_file() or not base.with_suffix(".dic").is_file():
            raise ComposerError(
                _(
                    "Het Nederlandse woordenboek ontbreekt ({folder}); installeer Composer opnieuw."
                ).format(folder=folder)
            )
        try:
            with _LOAD_LOCK, _collector_paused():
                self._dictionary = _read_dictionary(base)
        except (OSError, UnicodeError, ValueError) as exc:
            raise ComposerError(
                _(
                    "Het Nederlandse woordenboek kan niet worden gelezen ({folder}): {reason}"
                ).format(folder=folder, reason=exc)
            ) from exc
        self._deadline = _Deadline()
        self._suggest_lock = threading.Lock()
        self._suggester = Suggest(
            self._dictionary.aff,
            self._dictionary.dic,
            _BoundedLookup(self._dictionary.lookuper, self._dictionary.aff.ICONV, self._deadline),
        )
        self._suggester.words_for_ngram = _BoundedWords(
            self._suggester.words_for_ngram, self._deadline
        )

    def known(self, word: str) -> bool:
        """Whether Hunspell accepts `word` (compounds, dashes and capitals by the .aff rules)."""
        return bool(self._dictionary.lookup(word))

    def suggest(self, word: str, limit: int = 5, seconds: float = 1.0) -> list[str]:
        """Up to `limit` corrections for `word`, best first; what was found within `seconds`.

        A long word is first mended as a compound: where it starts (or ends) with a known word,
        only the rest is corrected ("klantcontactmedewrker": "klantcontact" + "medewrker" →
        "medewerker"), which takes milliseconds where spylls' own search over the whole word
        takes ten seconds. When that finds nothing, spylls' search, in the time that is left.
        """
        found: list[str] = []
        with self._suggest_lock:
            self._suggest(word, found, limit, time.monotonic() + seconds)
        return found

    def _suggest(self, word: str, found: list[str], limit: int, until: float) -> None:
        if len(word) >= _LONG_WORD:
            self._mend_compound(word, found, limit, until)
        if not found:
            self._spylls(word, found, limit, until)

    def _spylls(self, word: str, found: list[str], limit: int, until: float) -> None:
        """spylls' suggestions for `word`, added to `found` until `limit` or `until`.

        The .aff file's ICONV table (ij → the ligature ĳ, ’ → ') is applied first: the dictionary
        stores those forms, and spylls' suggester skips that step, so without it no word with
        "ij" would ever be suggested ("onmiddelijk" found nothing).
        """
        aff = self._dictionary.aff
        query = aff.ICONV(word) if aff.ICONV else word
        if len(found) >= limit:
            return
        self._deadline.at = until
        try:
            for suggestion in self._suggester(query):
                if suggestion != word and suggestion not in found:
                    found.append(suggestion)
                    if len(found) >= limit:
                        break
        except _TimeUp:
            pass
        finally:
            self._deadline.at = math.inf

    def _mend_compound(self, word: str, found: list[str], limit: int, until: float) -> None:
        """Corrections of a long word that keep a known first (or last) part as it is; first a
        forgotten linking letter between two known parts (werknemer|zijde → werknemerszijde)."""
        size = len(word)
        for cut in range(_MIN_PART, size - _MIN_PART + 1):
            if time.monotonic() > until:
                return
            head, tail = word[:cut], word[cut:]
            if self.known(head) and self.known(tail.lower()):
                for link in _LINKS:
                    candidate = head + link + tail.lower()
                    if candidate not in found and self.known(candidate):
                        found.append(candidate)
        if found:
            return
        splits = [(cut, "head") for cut in range(size - _MIN_PART, _MIN_PART - 1, -1)]
        splits += [(cut, "tail") for cut in range(_MIN_PART, size - _MIN_PART + 1)]
        for cut, kept in splits:
            if len(found) >= limit or time.monotonic() > until:
                return
            head, tail = word[:cut], word[cut:]
            if kept == "head" and not self.known(head):
                continue
            if kept == "tail" and not self.known(tail):
                continue
            mended: list[str] = []
            part = tail if kept == "head" else head
            self._spylls(
                part, mended, _PART_SUGGESTIONS, min(until, time.monotonic() + _PART_SECONDS)
            )
            for fix in mended:
                candidate = head + fix.lower() if kept == "head" else fix + tail
                if " " not in fix and candidate not in found and self.known(candidate):
                    found.append(candidate)
            if found:
                return  # the longest known part gave an answer: enough
