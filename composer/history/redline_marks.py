"""Word revision marks for a redline: w:ins, w:del and w:pPrChange with author, date and id."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# Children of w:pPr that are not paragraph formatting proper: the mark's run properties, a
# section break and an earlier formatting change.
_NOT_BASE_PPR = frozenset({"rPr", "sectPr", "pPrChange"})
# Children of w:pPr that come after w:rPr (CT_PPr), so w:rPr is inserted before them.
_AFTER_RPR = frozenset({"sectPr", "pPrChange"})
# Children of w:trPr that come after its w:ins / w:del (CT_TrPr).
_AFTER_ROW_MARK = frozenset({"trPrChange"})


def w(tag: str) -> str:
    """`w("p")` → the Clark name `{…wordprocessingml…}p`."""
    return f"{{{W_NS}}}{tag}"


def local(element: etree._Element) -> str:
    """The local name of a WordprocessingML element; "" for anything else (comments, …)."""
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith(f"{{{W_NS}}}"):
        return ""
    return tag[len(W_NS) + 2 :]


def word_date(date: dt.datetime) -> str:
    """`2024-03-01T09:30:00Z`: an aware time converted to UTC, a naive one taken as UTC."""
    if date.tzinfo is not None:
        date = date.astimezone(dt.UTC)
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


def highest_id(*trees: etree._Element) -> int:
    """The highest numeric w:id already in the documents (bookmarks, comments, …), or -1."""
    ids = [-1]
    for tree in trees:
        ids.extend(int(v) for v in tree.xpath("//@w:id", namespaces={"w": W_NS}) if v.isdigit())
    return max(ids)


class Revisions:
    """Makes revision elements of one author and time, each with an id unique in the document,
    and counts the changes a reviewer sees (an inserted stretch of words or paragraph is one)."""

    def __init__(self, author: str, date: dt.datetime, first_id: int = 0) -> None:
        self.author = author
        self.date = word_date(date)
        self._next_id = first_id
        self.insertions = 0
        self.deletions = 0
        self.formatted = 0  # stretches of words whose bold, italic, … changed

    def mark(self, tag: str) -> etree._Element:
        """A new, empty `w:ins`, `w:del`, `w:pPrChange` or `w:rPrChange` carrying id, author
        and date."""
        element = etree.Element(w(tag))
        element.set(w("id"), str(self._next_id))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        self._next_id += 1
        return element

    def count(self, kind: str) -> None:
        if kind == "ins":
            self.insertions += 1
        elif kind == "rPrChange":
            self.formatted += 1
        else:
            self.deletions += 1

    def wrap(self, kind: str, runs: Iterable[etree._Element]) -> etree._Element:
        """One `w:ins` or `w:del` around runs: one change as the reviewer sees it."""
        element = self.mark(kind)
        element.extend(runs)
        self.count(kind)
        return element


def ppr_base(ppr: etree._Element | None) -> list[etree._Element]:
    """The paragraph formatting proper: w:pPr without the mark's run properties and section."""
    if ppr is None:
        return []
    return [child for child in ppr if local(child) not in _NOT_BASE_PPR]


def same_formatting(old: etree._Element | None, new: etree._Element | None) -> bool:
    def key(ppr: etree._Element | None) -> list[bytes]:
        return [etree.tostring(child) for child in ppr_base(ppr)]

    return key(old) == key(new)


def paragraph_properties(source: etree._Element | None) -> etree._Element:
    """A copy of a paragraph's w:pPr (an empty one when it has none), without earlier changes."""
    found = source.find(w("pPr")) if source is not None else None
    ppr = copy.deepcopy(found) if found is not None else etree.Element(w("pPr"))
    for change in ppr.findall(w("pPrChange")):
        ppr.remove(change)
    return ppr


def mark_paragraph_end(ppr: etree._Element, mark: etree._Element) -> None:
    """Marks the paragraph mark as inserted or deleted: `w:pPr/w:rPr/w:ins` (first in w:rPr)."""
    rpr = ppr.find(w("rPr"))
    if rpr is None:
        rpr = etree.Element(w("rPr"))
        after = [child for child in ppr if local(child) in _AFTER_RPR]
        if after:
            after[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    rpr.insert(0, mark)


def record_formatting_change(
    ppr: etree._Element, before: etree._Element | None, change: etree._Element
) -> None:
    """Adds `w:pPrChange` holding the formatting the paragraph had before (the old version)."""
    old = etree.SubElement(change, w("pPr"))
    old.extend(copy.deepcopy(child) for child in ppr_base(before))
    ppr.append(change)


def run_properties_changed(
    now: etree._Element | None, before: etree._Element | None, change: etree._Element
) -> etree._Element:
    """The run properties `now` (a copy) with `w:rPrChange` holding those it had `before`: a
    tracked formatting change Word can accept or reject (w:rPrChange is the last child)."""
    rpr = copy.deepcopy(now) if now is not None else etree.Element(w("rPr"))
    for earlier in rpr.findall(w("rPrChange")):
        rpr.remove(earlier)
    old = etree.SubElement(change, w("rPr"))
    if before is not None:
        old.extend(copy.deepcopy(child) for child in before if local(child) != "rPrChange")
    rpr.append(change)
    return rpr


def mark_row(row: etree._Element, mark: etree._Element) -> None:
    """Marks a table row as inserted or deleted: `w:trPr/w:ins` or `w:trPr/w:del`."""
    trpr = row.find(w("trPr"))
    if trpr is None:
        trpr = etree.Element(w("trPr"))
        before = row.find(w("tblPrEx"))
        row.insert(0 if before is None else row.index(before) + 1, trpr)
    after = [child for child in trpr if local(child) in _AFTER_ROW_MARK]
    if after:
        after[0].addprevious(mark)
    else:
        trpr.append(mark)


def as_deleted(run: etree._Element) -> etree._Element:
    """A run turned into deleted text: w:t → w:delText, w:instrText → w:delInstrText."""
    for renamed, tag in (("t", "delText"), ("instrText", "delInstrText")):
        for element in run.iter(w(renamed)):
            element.tag = w(tag)
    return run


def wrap_each_run(content: list[etree._Element], kind: str, revisions: Revisions) -> None:
    """Marks every run inside `content` (hyperlinks, fields, …) as inserted or deleted, in place.

    For a paragraph the generic run model does not cover; the change counts once.
    """
    for element in content:
        runs = [element] if local(element) == "r" else list(element.iter(w("r")))
        for run in runs:
            mark = revisions.mark(kind)
            run.addprevious(mark)
            mark.append(as_deleted(run) if kind == "del" else run)
    revisions.count(kind)
