"""One piece of writing advice (`Finding`) and where the checked text of a letter comes from.

Both checks, spelling and B1 readability, speak in findings: a span of one body block's text
(`start`/`end` are offsets in the text `block_texts` gives for that block), a kind, a Dutch
message and suggestions. A finding is advice; nothing refuses to save or export because of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from composer.core.models import Letter
from composer.i18n import N_, _

# The kinds of finding (the `kind` in `composer check --json`).
LONG_SENTENCE = "long_sentence"
PASSIVE = "passive"
FORMAL_WORD = "formal_word"
RARE_WORD = "rare_word"
SPELLING = "spelling"
KINDS = (LONG_SENTENCE, PASSIVE, FORMAL_WORD, RARE_WORD, SPELLING)

# Blocks whose text is the writer's own prose, for the B1 advice. A quote is someone's words and
# a promise comes from the catalogue: neither is rewritten, so neither gets B1 advice. A quote's
# spelling is checked all the same (SPELLING_BLOCK_TYPES).
CHECKED_BLOCK_TYPES = ("paragraph", "heading", "list")
SPELLING_BLOCK_TYPES = (*CHECKED_BLOCK_TYPES, "quote")


@dataclass(frozen=True)
class Finding:
    """Advice on `text[start:end]` of body block `block` (0-based, as in the letter file)."""

    block: int
    start: int
    end: int
    kind: str
    message: str
    suggestions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The finding as `composer check --json` writes it."""
        return asdict(self)


def block_text(block: Any, types: tuple[str, ...] = CHECKED_BLOCK_TYPES) -> str | None:
    """The text of one body block as the checks see it; None for a block whose type is not in
    `types`.

    A paragraph or heading gives its `text`, or its runs joined (`runs: [{"text": …}]`, the
    letter file's rich text); a list gives its items, one per line.
    """
    if getattr(block, "type", None) not in types:
        return None
    items = getattr(block, "items", None)
    if items is not None:
        return "\n".join(block_text_of_item(item) for item in items)
    return block_text_of_item(block)


def block_text_of_item(item: Any) -> str:
    """The plain text of a paragraph, heading or list item: `text`, or its runs joined."""
    runs = item.get("runs") if isinstance(item, dict) else getattr(item, "runs", None)
    if runs:
        return "".join(_value(run, "text") for run in runs)
    return _value(item, "text")


def _value(item: Any, key: str) -> str:
    value = item.get(key, "") if isinstance(item, dict) else getattr(item, key, "")
    return value if isinstance(value, str) else ""


def block_texts(
    letter: Letter, types: tuple[str, ...] = CHECKED_BLOCK_TYPES
) -> Iterator[tuple[int, str]]:
    """(index in `letter.body`, text) for every body block of one of `types`, in order."""
    for index, block in enumerate(letter.body):
        text = block_text(block, types)
        if text is not None:
            yield index, text


_LABELS = {
    "paragraph": N_("Alinea {number}"),
    "heading": N_("Kop (blok {number})"),
    "list": N_("Lijst (blok {number})"),
    "quote": N_("Citaat (blok {number})"),
}


def block_label(letter: Letter, block: int) -> str:
    """How a report names a body block: "Alinea 2" (its place in the body, from 1)."""
    kind = getattr(letter.body[block], "type", "")
    return _(_LABELS.get(kind, N_("Blok {number}"))).format(number=block + 1)


def combined(advice: list[Finding], spelling: list[Finding]) -> list[Finding]:
    """The B1 advice and the spelling findings as one list in reading order (block, offset).

    A misspelt word is not also a rare word: the spelling finding says what to do with it.
    """
    misspelt = {(item.block, item.start, item.end) for item in spelling}
    kept = [
        item
        for item in advice
        if not (item.kind == RARE_WORD and (item.block, item.start, item.end) in misspelt)
    ]
    return sorted([*kept, *spelling], key=lambda item: (item.block, item.start))
