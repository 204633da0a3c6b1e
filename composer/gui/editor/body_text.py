"""The searchable texts of the body and replacing in them with the marks kept (no Qt).

A paragraph, Kop or citaat is searched as `body[i].text`, a list item as
`body[i].items[j].text`; a replacement takes the marks of the text it replaces, and the rest
of the paragraph keeps its own.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from composer.core import rich_text
from composer.core.models import Block, Heading, ListBlock, ListItem, Paragraph, Quote, Run


def body_text_paths(body: list[Block]) -> list[str]:
    """The paths of the body's texts, in reading order."""
    paths: list[str] = []
    for index, block in enumerate(body):
        if isinstance(block, ListBlock):
            paths += [f"body[{index}].items[{item}].text" for item in range(len(block.items))]
        elif isinstance(block, Paragraph | Heading | Quote):
            paths.append(f"body[{index}].text")
    return paths


def owner_path(path: str) -> str:
    """`body[2].items[1].text` → `body[2].items[1]`: the block or item that holds the text."""
    return path.rsplit(".", 1)[0]


def replace_span(owner: Any, start: int, end: int, new: str) -> Any:
    """`owner` (a Paragraph, ListItem, Heading or Quote) with `start`–`end` of its text
    replaced by `new`; the new text gets the marks of the first character it replaces."""
    if not isinstance(owner, Paragraph | ListItem) or owner.runs is None:
        return replace(owner, text=owner.text[:start] + new + owner.text[end:])
    runs: list[Run] = owner.runs
    position, chosen = 0, len(runs) - 1
    for number, run in enumerate(runs):
        if position <= start < position + len(run.text):
            chosen = number
            break
        position += len(run.text)
    pieces: list[Run] = []
    position = 0
    for number, run in enumerate(runs):
        first, last = position, position + len(run.text)
        position = last
        pieces.append(replace(run, text=run.text[: max(0, start - first)] if start > first else ""))
        if number == chosen:
            pieces.append(replace(run, text=new, extra={}))
        pieces.append(replace(run, text=run.text[max(0, end - first) :] if end < last else ""))
    if isinstance(owner, ListItem):
        item = rich_text.list_item(pieces)
        item.extra = dict(owner.extra)
        return item
    return rich_text.paragraph(pieces, **owner.extra)


def replace_all_spans(owner: Any, spans: list[tuple[int, int]], new: str) -> Any:
    """Every (start, end) of `spans` (in order, not overlapping) replaced by `new`."""
    for start, end in reversed(spans):
        owner = replace_span(owner, start, end, new)
    return owner
