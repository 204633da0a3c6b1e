"""The office word list between the library and the spelling checker.

```python
load_office_words(library, shared_checker())  # when the library opens
add_office_word(library, shared_checker(), "Öztürk", author="Anna")  # Toevoegen aan woordenlijst
```
"""

from __future__ import annotations

from composer.storage import office_words
from composer.storage.library import Library
from composer.writing.spelling import SpellChecker


def office_word_list(library: Library) -> list[str]:
    """The words of the library's office word list."""
    return [item.word for item in office_words.list_words(library.engine)]


def load_office_words(library: Library, checker: SpellChecker) -> list[str]:
    """Let `checker` accept the library's office word list (replacing any earlier list)."""
    words = office_word_list(library)
    checker.set_extra_words(words)
    return words


def store_office_word(library: Library, word: str, *, author: str) -> bool:
    """Store `word` in the library's list; False when it was there already."""
    return office_words.add_word(library.engine, word, author=author, at=library.clock())


def add_office_word(library: Library, checker: SpellChecker, word: str, *, author: str) -> bool:
    """Store `word` in the library and let `checker` accept it at once; False when the library
    had it already. Raises ComposerError (nothing changes) for no word or a library error."""
    added = store_office_word(library, word, author=author)
    checker.add_word(word.strip())
    return added
