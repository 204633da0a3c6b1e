"""Jinja tag delimiters in template text, found in linear time (no regex that backtracks)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

# Above this many stray delimiters in one part, the part is refused before docxtpl's cleaning
# and Jinja see it: their regexes scan to the end of the part for each one, so thousands of
# them (a template with 40,000 lone `{%`) would take minutes. A few are left to Jinja, which
# names the paragraph and the error.
MAX_STRAY_DELIMITERS = 20

_DELIMITER = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_PARAGRAPH_START = re.compile(r"<w:p[ >]")
# docxtpl's `{%p …%}`-style tags and table tags, each cleaned up to its element's closing tag.
_ELEMENT_TAGS = {y: re.compile(r"(?:\{%|\{\{|\{#)" + y + r" ") for y in ("tr", "tc", "p", "r")}
_TABLE_TAGS = re.compile(r"\{%\s*(?:colspan|cellbg|vm|hm)\b")


def stray_delimiters(xml: str) -> list[int]:
    """Positions of delimiters that open no tag of their own, close none, or never close.

    `{{ a }}` and `{% if %}…{% endif %}` have none; `{{ {{`, a lone `%}` or a `{%` without end
    each count once. docxtpl's `{%p …%}` and table tags after their element's last closing
    tag count too (docxtpl searches the rest of the part for that closing tag).
    """
    stray: list[int] = []
    open_kind, open_at = "", 0
    for match in _DELIMITER.finditer(xml):
        token = match.group()
        if token in _CLOSER and not open_kind:
            open_kind, open_at = token, match.start()
        elif open_kind and token == _CLOSER[open_kind]:
            open_kind = ""
        else:
            stray.append(match.start())
    if open_kind:
        stray.append(open_at)
    for y, pattern in _ELEMENT_TAGS.items():
        stray += [m.start() for m in pattern.finditer(xml, xml.rfind(f"</w:{y}>") + 1)]
    stray += [m.start() for m in _TABLE_TAGS.finditer(xml, xml.rfind("</w:tc>") + 1)]
    return sorted(stray)


def paragraph_at(xml: str, position: int) -> int:
    """The number (from 1) of the paragraph of the part's XML that `position` falls in."""
    starts = [m.start() for m in _PARAGRAPH_START.finditer(xml, 0, position)]
    return max(len(starts), 1)


def tag_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each `{{ … }}`, `{% … %}` and `{# … #}` on one line of text.

    The same spans as `re.finditer(r"\\{\\{.*?\\}\\}|\\{%.*?%\\}|\\{#.*?#\\}", text)`, which
    scans to the end of the line for every opener without a closer (quadratic).
    """

    def positions(pair: str) -> list[int]:  # overlapping: "}}}" has "}}" at 0 and 1
        return [m.start() for m in re.finditer(f"(?={re.escape(pair)})", text)]

    closers = {opener: positions(closer) for opener, closer in _CLOSER.items()}
    newlines = [m.start() for m in re.finditer("\n", text)]
    openers = sorted((p, o) for o in _CLOSER for p in positions(o))
    resume = 0
    for start, opener in openers:
        if start < resume:
            continue
        ends = closers[opener]
        index = bisect_left(ends, start + 2)
        if index == len(ends):
            continue
        end = ends[index]
        line_end = bisect_right(newlines, start)
        if line_end < len(newlines) and newlines[line_end] < end:
            continue
        resume = end + 2
        yield start, resume
