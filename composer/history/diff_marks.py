"""Bold, italic and underline in a diff: which words gained or lost a mark between two versions.

Works on the file form of a paragraph or list item (`{"text": …}` or `{"runs": [...]}`), so a
paragraph that only switches between the two forms, with the same text and marks, has no change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from composer.history.diff_text import WordChange
from composer.i18n import N_, _

MARKS = ("bold", "italic", "underline")  # the order of the file and of the descriptions
_ADDED = {  # not screen text: the keys (the words are marked N_)
    "bold": N_("vet"),
    "italic": N_("cursief"),
    "underline": N_("onderstreept"),
}
_QUOTED_MAX = 60  # longer marked stretches are quoted by their start and end


@dataclass(frozen=True)
class MarkChange:
    """Words (`text`, as they stand in the new version) that gained (`added`) or lost marks."""

    text: str
    marks: tuple[str, ...]  # "bold", "italic", "underline" in that order
    added: bool
    start: int = 0  # offset of `text` in the new plain text, for ordering

    def describe(self) -> str:
        """`‘onmiddellijk’ vet gemaakt`, `‘onmiddellijk’ niet meer cursief`, in Dutch."""
        words = quoted(self.text)
        if not self.added:
            names = _joined([_(_ADDED[mark]) for mark in self.marks])
            return _("{words} niet meer {marks}").format(words=words, marks=names)
        made = [_(_ADDED[mark]) for mark in self.marks if mark != "underline"]
        if not made:
            return _("{words} onderstreept").format(words=words)
        if "underline" in self.marks:
            return _("{words} {marks} gemaakt en onderstreept").format(
                words=words, marks=_joined(made)
            )
        return _("{words} {marks} gemaakt").format(words=words, marks=_joined(made))


def _joined(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("{first} en {last}").format(first=", ".join(names[:-1]), last=names[-1])


def quoted(text: str) -> str:
    """Words in Dutch single quotes, a long stretch shortened to its start and end."""
    text = " ".join(text.split())
    if len(text) > _QUOTED_MAX:
        text = f"{text[: _QUOTED_MAX // 2].rstrip()} … {text[-_QUOTED_MAX // 3 :].lstrip()}"
    return f"‘{text}’"


def rich_text(item: Any) -> str:
    """The plain text of a paragraph or list item in file form: `text`, or its runs joined."""
    if not isinstance(item, dict):
        return item if isinstance(item, str) else ""
    runs = item.get("runs")
    if isinstance(runs, list):
        return "".join(run.get("text", "") for run in runs if isinstance(run, dict))
    text = item.get("text")
    return text if isinstance(text, str) else ""


def is_rich(item: Any) -> bool:
    """A paragraph or list item in file form whose text and runs this module understands."""
    if not isinstance(item, dict):
        return False
    runs = item.get("runs")
    if runs is None:
        return isinstance(item.get("text", ""), str)
    return isinstance(runs, list) and all(
        isinstance(run, dict) and isinstance(run.get("text"), str) for run in runs
    )


def _marks_per_character(item: Any) -> list[frozenset[str]]:
    runs = item.get("runs") if isinstance(item, dict) else None
    if not isinstance(runs, list):
        return [frozenset()] * len(rich_text(item))
    result: list[frozenset[str]] = []
    for run in runs:
        marks = frozenset(mark for mark in MARKS if run.get(mark) is True)
        result.extend([marks] * len(run.get("text", "")))
    return result


def mark_changes(old: Any, new: Any, words: Sequence[WordChange]) -> list[MarkChange]:
    """Marks gained or lost by text both versions have (the `equal` runs of `words`, the word
    diff of their plain texts), one change per stretch and direction, in text order."""
    old_marks, new_marks = _marks_per_character(old), _marks_per_character(new)
    new_text = rich_text(new)
    spans: dict[tuple[int, int, bool], list[str]] = {}
    for mark in MARKS:
        for start, end, added in _changed_spans(words, old_marks, new_marks, mark):
            spans.setdefault((start, end, added), []).append(mark)
    changes = []
    for (start, end, added), marks in spans.items():
        text = new_text[start:end]
        changes.append(MarkChange(text.strip() or text, tuple(marks), added, start))
    return sorted(changes, key=lambda change: (change.start, not change.added))


@dataclass
class _Span:
    start: int
    end: int
    added: bool


def _changed_spans(
    words: Sequence[WordChange], old: list[frozenset[str]], new: list[frozenset[str]], mark: str
) -> Iterator[tuple[int, int, bool]]:
    """(start, end, added) in the new text: stretches of kept text whose `mark` changed.

    Text typed in between that has the mark the stretch gained joins the stretch
    (`Wij [-begrijpen-]{+snappen+} dat` all made italic: one stretch `Wij snappen dat`)."""
    old_at = new_at = 0
    current: _Span | None = None
    bridge = -1  # where a stretch may go on after inserted text that fits it
    for run in words:
        size = len(run.text)
        if run.kind == "delete":
            old_at += size
            continue
        if run.kind == "insert":
            inserted = new[new_at : new_at + size]
            fits = current is not None and current.added and all(mark in m for m in inserted)
            if current is not None and not fits:
                yield current.start, current.end, current.added
                current = None
            new_at += size
            bridge = new_at if fits else -1
            continue
        for offset in range(size):
            was, now = mark in old[old_at + offset], mark in new[new_at + offset]
            position = new_at + offset
            if current is not None:
                goes_on = current.added == now and position in (current.end, bridge)
                if was != now and goes_on:
                    current.end = position + 1
                    continue
                yield current.start, current.end, current.added
            current = _Span(position, position + 1, now) if was != now else None
        bridge = -1
        old_at += size
        new_at += size
    if current is not None:
        yield current.start, current.end, current.added
