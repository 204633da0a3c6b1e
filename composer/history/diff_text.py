"""Differences in text: word runs between two strings, and a letter diff as plain text."""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import groupby
from typing import TYPE_CHECKING, Any, Literal

from composer.i18n import N_, _

if TYPE_CHECKING:
    from composer.history.diff import FieldChange


@dataclass(frozen=True)
class WordChange:
    """One run of a word-level diff; its text includes the whitespace and punctuation in it."""

    kind: Literal["equal", "insert", "delete"]
    text: str


_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_SYMBOL_TAIL = "\ufe0e\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f" + _COMBINING
# `\w+|\s+|[^\w\s]`, keeping accents, emoji modifiers, ZWJ sequences and flags with their character.
_TOKEN = re.compile(
    "[\U0001f1e6-\U0001f1ff]{2}"
    rf"|\w[\w{_COMBINING}]*"
    r"|\s+"
    rf"|[^\w\s][{_SYMBOL_TAIL}]*(?:\u200d[^\w\s][{_SYMBOL_TAIL}]*)*"
)
_WORD = re.compile(r"\w+")
_DIRECT_LIMIT = 10_000  # token pairs SequenceMatcher compares directly, without chunks first
_CHUNK_ENDS = frozenset(".!?;:,")
_CHUNK_SPREAD = 8  # besides punctuation, about one word in eight ends a chunk (chosen by content)
_CHUNK_MAX = 48
_CHUNK_LOOKAHEAD = 8

Runs = list[tuple[str, Sequence[str]]]
Chunk = tuple[str, ...]


def word_diff(old: str, new: str) -> list[WordChange]:
    """Runs that rebuild `old` (equal + delete) and `new` (equal + insert) exactly."""
    if old == new:
        return [WordChange("equal", old)] if old else []
    old_tokens, new_tokens = _TOKEN.findall(old), _TOKEN.findall(new)
    same_start, shorter = 0, min(len(old_tokens), len(new_tokens))
    while same_start < shorter and old_tokens[same_start] == new_tokens[same_start]:
        same_start += 1
    same_end = 0  # counted from the end, not overlapping the common start
    while same_end < shorter - same_start and old_tokens[~same_end] == new_tokens[~same_end]:
        same_end += 1
    old_end, new_end = len(old_tokens) - same_end, len(new_tokens) - same_end
    runs: Runs = [("equal", old_tokens[:same_start])]
    _diff_tokens(old_tokens[same_start:old_end], new_tokens[same_start:new_end], runs)
    runs.append(("equal", old_tokens[old_end:]))
    return _tidy(runs)


def _diff_tokens(old: list[str], new: list[str], runs: Runs) -> None:
    """Long texts are aligned by chunks first; only differing chunks are compared word by word."""
    if len(old) * len(new) <= _DIRECT_LIMIT:
        _diff_directly(old, new, runs)
        return
    old_chunks, new_chunks = _chunks(old), _chunks(new)
    matcher = SequenceMatcher(None, old_chunks, new_chunks, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        old_tokens = [token for chunk in old_chunks[i1:i2] for token in chunk]
        new_tokens = [token for chunk in new_chunks[j1:j2] for token in chunk]
        if tag == "equal":
            runs.append(("equal", old_tokens))
        elif len(old_tokens) * len(new_tokens) <= _DIRECT_LIMIT:
            _diff_directly(old_tokens, new_tokens, runs)
        else:
            _diff_chunk_pairs(old_chunks[i1:i2], new_chunks[j1:j2], runs)


def _diff_chunk_pairs(old: list[Chunk], new: list[Chunk], runs: Runs) -> None:
    """A long stretch that differs throughout: pair similar chunks, compare each pair."""
    old_words, new_words = [_word_counts(c) for c in old], [_word_counts(c) for c in new]

    def similar(i: int, j: int) -> bool:
        return _counts_similar(old_words[i], new_words[j])

    for i, j in pair_in_order(range(len(old)), range(len(new)), similar, _CHUNK_LOOKAHEAD):
        if j is None:
            runs.append(("delete", old[i]))
        elif i is None:
            runs.append(("insert", new[j]))
        else:
            _diff_directly(list(old[i]), list(new[j]), runs)


def _diff_directly(old: list[str], new: list[str], runs: Runs) -> None:
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("equal", old[i1:i2]))
        else:
            runs.extend((("delete", old[i1:i2]), ("insert", new[j1:j2])))


def _chunks(tokens: list[str]) -> list[Chunk]:
    """Short runs of tokens whose ends depend on the words, so an insertion moves no boundary."""
    ends = {token: _ends_chunk(token) for token in set(tokens)}
    chunks: list[Chunk] = []
    start = 0
    for index, token in enumerate(tokens, start=1):
        if ends[token] or index - start >= _CHUNK_MAX:
            chunks.append(tuple(tokens[start:index]))
            start = index
    if start < len(tokens):
        chunks.append(tuple(tokens[start:]))
    return chunks


def _ends_chunk(token: str) -> bool:
    if token.isspace():
        return "\n" in token
    checksum = zlib.crc32(token.encode("utf-8", "surrogatepass"))
    return token in _CHUNK_ENDS or checksum % _CHUNK_SPREAD == 0


def _tidy(runs: Runs) -> list[WordChange]:
    """Joins the runs; within one changed stretch the deletion comes first, then the insertion.

    Whitespace alone between two changes joins them: `[-de oude-]{+het nieuwe+}`.
    """
    pieces = [(kind, "".join(tokens)) for kind, tokens in runs if tokens]
    for index in range(1, len(pieces) - 1):
        kind, text = pieces[index]
        between_changes = "equal" not in (pieces[index - 1][0], pieces[index + 1][0])
        if kind == "equal" and text.isspace() and between_changes:
            pieces[index] = ("both", text)
    result: list[WordChange] = []
    for is_equal, group in groupby(pieces, key=lambda piece: piece[0] == "equal"):
        stretch = list(group)
        if is_equal:
            result.append(WordChange("equal", "".join(text for _, text in stretch)))
            continue
        deleted = "".join(text for kind, text in stretch if kind != "insert")
        inserted = "".join(text for kind, text in stretch if kind != "delete")
        result.extend(WordChange(k, t) for k, t in (("delete", deleted), ("insert", inserted)) if t)
    return _starting_at_words(result)


def _starting_at_words(runs: list[WordChange]) -> list[WordChange]:
    """`grote{+ en lastige+} dilemma’s` becomes `grote {+en lastige +}dilemma’s`: a lone insertion
    or deletion slides past the space it starts with, when the text after it starts with it too."""
    for index in range(1, len(runs) - 1):
        before, change, after = runs[index - 1 : index + 2]
        space = change.text[0]
        lone_change = before.kind == "equal" and after.kind == "equal" and change.kind != "equal"
        if lone_change and space.isspace() and after.text[0] == space and len(after.text) > 1:
            runs[index - 1] = WordChange("equal", before.text + space)
            runs[index] = WordChange(change.kind, change.text[1:] + space)
            runs[index + 1] = WordChange("equal", after.text[1:])
    return runs


def _word_counts(text: str | Sequence[str]) -> Counter[str]:
    if isinstance(text, str):
        return Counter(_WORD.findall(text.casefold()))
    return Counter(token.casefold() for token in text if not token.isspace())


def _counts_similar(old: Counter[str], new: Counter[str]) -> bool:
    total = old.total() + new.total()
    return total == 0 or 4 * (old & new).total() >= total


def texts_similar(old: str, new: str) -> bool:
    """At least half of the words in common (Dice coefficient ≥ 0.5)."""
    return _counts_similar(_word_counts(old), _word_counts(new))


def pair_in_order(
    olds: range, news: range, similar: Callable[[int, int], bool], lookahead: int | None = None
) -> Iterator[tuple[int | None, int | None]]:
    """Pairs each old item with the next similar new one; the rest are removed or added."""
    next_new = news.start
    for i in olds:
        stop = news.stop if lookahead is None else min(news.stop, next_new + lookahead)
        match = next((j for j in range(next_new, stop) if similar(i, j)), None)
        if match is None:
            yield i, None
            continue
        yield from ((None, j) for j in range(next_new, match))
        yield i, match
        next_new = match + 1
    yield from ((None, j) for j in range(next_new, news.stop))


# --- plain text for the command line -----------------------------------------------------------

_KIND_WORDS = {  # not screen text: the keys (the words are marked N_)
    "changed": N_("gewijzigd"),
    "added": N_("toegevoegd"),
    "removed": N_("verwijderd"),
}
_CONTEXT_CHARS = 60  # a longer unchanged stretch keeps only this much next to each change


def format_diff(changes: Sequence[FieldChange]) -> str:
    """Plain text (Dutch on the command line): per field its label and `[-weg-]{+erbij+}` marks
    in the text."""
    if not changes:
        return _("Geen verschillen.")
    lines: list[str] = []
    for change in changes:
        kind = _(_KIND_WORDS[change.kind])
        lines.append(_("{field}: {change}").format(field=_(change.label), change=kind))
        marks = change.marks
        if change.words or not marks:
            marked = _marked(change)
            for line_break in ("\r\n", "\r", "\x0b"):
                marked = marked.replace(line_break, "\n")
            lines.append("  " + marked.replace("\n", "\n  "))
        lines.extend(f"  {mark.describe()}" for mark in marks)
    return "\n".join(lines)


def _marked(change: FieldChange) -> str:
    if change.words:
        last = len(change.words) - 1
        return "".join(_marked_run(run, index, last) for index, run in enumerate(change.words))
    if change.kind == "added":
        return f"{{+{show_value(change.new)}+}}"
    if change.kind == "removed":
        return f"[-{show_value(change.old)}-]"
    return f"[-{show_value(change.old)}-]{{+{show_value(change.new)}+}}"


def _marked_run(run: WordChange, index: int, last: int) -> str:
    if run.kind == "delete":
        return f"[-{run.text}-]"
    if run.kind == "insert":
        return f"{{+{run.text}+}}"
    return shortened(run.text, keep_head=index > 0, keep_tail=index < last)


def shortened(text: str, *, keep_head: bool, keep_tail: bool, width: int = _CONTEXT_CHARS) -> str:
    """An unchanged stretch between changes: only the whole words within `width` characters of
    a change (`keep_head`: one before it, `keep_tail`: one after it), `…` between; a short
    stretch, or one next to no change, is kept whole."""
    if len(text) <= 2 * width + 20 or not (keep_head or keep_tail):
        return text
    head = _whole_words_head(text[:width]) if keep_head else ""
    tail = _whole_words_tail(text[-width:]) if keep_tail else ""
    return f"{head}…{tail}"


def _whole_words_head(piece: str) -> str:
    cut = piece.rfind(" ")
    return piece[: cut + 1] if cut > 0 else piece


def _whole_words_tail(piece: str) -> str:
    cut = piece.find(" ")
    return piece[cut:] if cut >= 0 else piece


def show_value(value: Any) -> str:
    """A value as a reviewer reads it: texts as typed, a promise by its number, `(leeg)`."""
    if value is None or value == "":
        return _("(leeg)")
    if isinstance(value, bool):
        return _("waar") if value else _("onwaar")
    if isinstance(value, dict):
        if value.get("type") == "promise" and "number" in value:
            return _("Servicebelofte {number}").format(number=value["number"])
        if value.get("type") == "list" and isinstance(value.get("items"), list):
            return "\n".join(show_value(item) for item in value["items"]) or _("(leeg)")
        if isinstance(value.get("runs"), list):  # marked text: the words as they read
            runs = value["runs"]
            return "".join(str(r.get("text", "")) for r in runs if isinstance(r, dict)) or _(
                "(leeg)"
            )
        filled = [v for k, v in value.items() if k != "type" and _filled(v)]
        return ", ".join(show_value(item) for item in filled) or _("(leeg)")
    if isinstance(value, list):
        return ", ".join(show_value(item) for item in value) or _("(leeg)")
    return str(value)


def _filled(value: Any) -> bool:
    return value is not False and value not in (None, "", [], {})
