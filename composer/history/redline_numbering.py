"""Lists in a redline: the list numbers (`w:numId`) of the old version said in the new one's terms.

The redline is the new document, so its numbering.xml is the new version's. The renderer gives
every numbered list a `w:num` of its own, numbered in order (composer/render/list_numbering.py):
when a list is added or removed, the lists after it change number, and `w:numId="4"` of the old
version may be another list (or none) in the new one. Before comparing, each old list is given
the number of the new list it is (the one sharing most item texts, on the same list definition);
an old list with no counterpart gets a `w:num` of its own in the new numbering.xml, a copy of its
old definition. So deleted items and rejected changes number as they did, and an unchanged list
after an inserted one is no formatting change.
"""

from __future__ import annotations

import copy
from collections import Counter

from lxml import etree

from composer.history.redline_marks import W_NS, w

NUMBERING = "word/numbering.xml"
_NS = {"w": W_NS}


def align_numbering(
    old: etree._Element, new: etree._Element, old_numbering: bytes, new_numbering: bytes
) -> bytes | None:
    """Rewrites the numIds in the `old` document in place to those of `new`; returns the new
    numbering.xml when it needed a `w:num` more, else None."""
    old_nums, numbering = _nums(etree.fromstring(old_numbering)), etree.fromstring(new_numbering)
    new_nums = _nums(numbering)
    old_lists, new_lists = _lists(old), _lists(new)
    abstracts = {
        abstract.get(w("abstractNumId")) for abstract in numbering.iterfind("w:abstractNum", _NS)
    }
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for num_id, texts in old_lists.items():
        definition = old_nums.get(num_id)
        if definition is None:
            continue
        if _shared(definition) and _same(definition, new_nums.get(num_id)):
            mapping[num_id] = num_id  # a list definition of the template, such as the bullets
            continue
        match = _counterpart(definition, texts, new_lists, new_nums, taken)
        if match is not None:
            mapping[num_id] = match
            taken.add(match)
    next_id = max((int(key) for key in new_nums if key.isdigit()), default=0) + 1
    added = False
    for num_id in old_lists:
        definition = old_nums.get(num_id)
        if num_id in mapping or definition is None or _abstract(definition) not in abstracts:
            continue
        copied = copy.deepcopy(definition)
        copied.set(w("numId"), str(next_id))
        _append_num(numbering, copied)
        mapping[num_id] = str(next_id)
        next_id += 1
        added = True
    for num_id in old.iterfind(".//w:pPr/w:numPr/w:numId", _NS):
        value = num_id.get(w("val"), "")
        num_id.set(w("val"), mapping.get(value, value))
    if not added:
        return None
    return etree.tostring(numbering, xml_declaration=True, encoding="UTF-8", standalone=True)


def _nums(numbering: etree._Element) -> dict[str, etree._Element]:
    return {num.get(w("numId"), ""): num for num in numbering.iterfind("w:num", _NS)}


def _lists(document: etree._Element) -> dict[str, Counter[str]]:
    """Per numId, in order of appearance, the texts of its paragraphs."""
    lists: dict[str, Counter[str]] = {}
    for num_id in document.iterfind(".//w:p/w:pPr/w:numPr/w:numId", _NS):
        paragraph = num_id.getparent().getparent().getparent()
        text = "".join(paragraph.xpath(".//w:t/text()", namespaces=_NS))
        lists.setdefault(num_id.get(w("val"), ""), Counter())[text] += 1
    return lists


def _abstract(num: etree._Element) -> str | None:
    found = num.find("w:abstractNumId", _NS)
    return None if found is None else found.get(w("val"))


def _shared(num: etree._Element) -> bool:
    """A list definition that does not start again at 1 (the paragraphs of all lists share it)."""
    return num.find("w:lvlOverride/w:startOverride", _NS) is None


def _same(a: etree._Element, b: etree._Element | None) -> bool:
    return b is not None and etree.tostring(a) == etree.tostring(b)


def _counterpart(
    definition: etree._Element,
    texts: Counter[str],
    new_lists: dict[str, Counter[str]],
    new_nums: dict[str, etree._Element],
    taken: set[str],
) -> str | None:
    """The new list with most item texts in common, on the same list definition."""
    best, best_shared = None, 0
    for num_id, new_texts in new_lists.items():
        candidate = new_nums.get(num_id)
        if num_id in taken or candidate is None or _shared(candidate):
            continue
        if _abstract(candidate) != _abstract(definition):
            continue
        shared = (texts & new_texts).total()
        if shared > best_shared:
            best, best_shared = num_id, shared
    return best


def _append_num(numbering: etree._Element, num: etree._Element) -> None:
    """After the last `w:num` (CT_Numbering: abstractNum*, num*, numIdMacAtCleanup?)."""
    nums = numbering.findall("w:num", _NS)
    if nums:
        nums[-1].addnext(num)
        return
    cleanup = numbering.find("w:numIdMacAtCleanup", _NS)
    if cleanup is not None:
        cleanup.addprevious(num)
    else:
        numbering.append(num)
