"""Text with bold, italic and underline: runs kept canonical, so equal text compares equal.

Canonical runs: no empty run, no two neighbours with the same marks, and no runs at all (None)
when nothing is marked. `paragraph(runs)` and `list_item(runs)` build blocks that way; every
reader (renderer, diff, spelling) can ask `runs_of(block)` and always gets at least the text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from composer.core.models import MARKS, ListBlock, ListItem, Paragraph, Run

T = TypeVar("T", Paragraph, ListItem)


def marks_of(run: Run) -> tuple[bool, bool, bool]:
    """(bold, italic, underline) of a run."""
    return (run.bold, run.italic, run.underline)


def is_marked(run: Run) -> bool:
    return any(marks_of(run))


def canonical_runs(runs: Iterable[Run]) -> list[Run] | None:
    """Neighbours with the same marks joined, empty runs dropped; None when nothing is marked.

    A run with keys of its own (`extra`) is never joined with another, so they survive."""
    result: list[Run] = []
    for run in runs:
        if not run.text and not run.extra:
            continue
        last = result[-1] if result else None
        if (
            last is not None
            and marks_of(last) == marks_of(run)
            and not last.extra
            and not run.extra
        ):
            result[-1] = replace(last, text=last.text + run.text)
        else:
            result.append(replace(run, extra=dict(run.extra)))
    if not any(is_marked(run) or run.extra for run in result):
        return None
    return result


def plain_text(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


def paragraph(runs: Iterable[Run], **extra: object) -> Paragraph:
    """A Paragraph of these runs, canonical (`text` their joined text)."""
    runs = list(runs)
    return Paragraph(text=plain_text(runs), runs=canonical_runs(runs), extra=dict(extra))


def list_item(runs: Iterable[Run]) -> ListItem:
    runs = list(runs)
    return ListItem(text=plain_text(runs), runs=canonical_runs(runs))


def runs_of(block: Paragraph | ListItem) -> list[Run]:
    """The runs of a paragraph or list item; one unmarked run for plain text ([] when empty)."""
    if block.runs is not None:
        return list(block.runs)
    return [Run(text=block.text)] if block.text else []


def with_text(block: T, text: str) -> T:
    """The block with plain text `text`: marks dropped only when the text itself changed."""
    if block.runs is not None and plain_text(block.runs) == text:
        return block
    return replace(block, text=text, runs=None)


def marked_words(block: Paragraph | ListItem) -> list[tuple[int, int, tuple[bool, bool, bool]]]:
    """(start, end, marks) of every marked run, offsets into `block.text`."""
    spans = []
    position = 0
    for run in runs_of(block):
        end = position + len(run.text)
        if is_marked(run):
            spans.append((position, end, marks_of(run)))
        position = end
    return spans


def list_text(block: ListBlock) -> str:
    """The items of a list as lines of plain text."""
    return "\n".join(item.text for item in block.items)


__all__ = [
    "MARKS",
    "canonical_runs",
    "is_marked",
    "list_item",
    "list_text",
    "marked_words",
    "marks_of",
    "paragraph",
    "plain_text",
    "runs_of",
    "with_text",
]
