"""Differences between two versions of a letter: field by field, with word runs inside texts."""

# Why difflib (here for aligning blocks, in diff_text.word_diff for the words): it is in the
# standard library (nothing to ship or audit), deterministic (the same runs on every machine) and it
# diffs any sequence, so it gets word tokens. Word tokens are what a Word redline needs (one
# w:ins/w:del per changed word); diff-match-patch works on characters and would need a word-mode
# wrapper. SequenceMatcher slows down on tokens that occur very often (the spaces), so a long
# text is first aligned by short chunks of words; only chunks that differ are compared word by word.

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from itertools import islice
from typing import Any, Literal

from composer.core.catalogues import SNAPSHOT_KEY
from composer.core.letterfile import letter_to_dict
from composer.core.models import Address, Letter, Person
from composer.core.validation import (
    ADDRESSEE_FIELD_LABELS,
    SIGNATORY_FIELD_LABELS,
    TOP_FIELD_LABELS,
    field_path,
)
from composer.history import diff_text
from composer.history.diff_marks import MarkChange, is_rich, mark_changes, rich_text
from composer.history.diff_text import WordChange, format_diff, word_diff
from composer.i18n import N_, _

__all__ = ["FieldChange", "MarkChange", "WordChange", "diff_letters", "format_diff", "word_diff"]

PathPart = str | int
_WORD = re.compile(r"\w+")  # not screen text


@dataclass(frozen=True)
class FieldChange:
    """One field that differs. For a block or list item added or removed, `path` names the item
    (`body[3]`, `body[3].items[1]`: index in the new version when added or changed, in the old
    one when removed). A paragraph or list item is one change for its text and its marks: `old`
    and `new` are its plain texts, `words` their word diff (empty when only marks changed),
    `marks` the words that gained or lost bold, italic or underline."""

    path: str
    label: str
    kind: Literal["changed", "added", "removed"]
    old: object | None
    new: object | None
    words: tuple[WordChange, ...] = ()  # empty when the text stayed the same
    marks: tuple[MarkChange, ...] = ()  # words made bold, no longer italic, …


# --- labels (the Dutch texts are the msgids) -----------------------------------------------------

_TOP_FIELDS = TOP_FIELD_LABELS
_PARENT = {f.name: "person" for f in fields(Person)} | {f.name: "address" for f in fields(Address)}
_ADDRESSEE_FIELDS = {  # ("address", "city"): "Plaats", from the one table of field names
    ((_PARENT[key], key) if key in _PARENT else (key,)): label
    for key, label in ADDRESSEE_FIELD_LABELS.items()
}
_SIGNATORY_FIELDS = SIGNATORY_FIELD_LABELS
SPEAKER = N_("Spreker")  # of a quote
TOPIC = N_("Onderwerp")  # of a service promise in the catalogue
FORMAT_KEY = "format"  # the file format: no change a person made (a /1 file is read as /2)
TEXT_BLOCKS = frozenset({"paragraph", "heading", "quote"})  # blocks with a text (or runs)
RETYPABLE = frozenset({"paragraph", "heading"})  # the editor turns one into the other
BLOCK_NAMES = {  # not screen text: the keys (the words are marked N_)
    "paragraph": N_("alinea"),
    "heading": N_("kop"),
    "quote": N_("citaat"),
    "list": N_("lijst"),
    "promise": N_("servicebelofte"),
}
LIST_STYLES = {"bullet": N_("opsomming"), "number": N_("genummerde lijst")}  # not screen text


def _bare(name: str) -> str:
    return name


@dataclass(frozen=True)
class Labeller:
    """Names the fields of one owner (an addressee, a block, …): `labeller(("address", "city"))`.

    `of_owner` names a field of the owner (`Plaats` → `Plaats van geadresseerde 1`), in the
    language of the screen; a key it does not know is named by that key: `kostenplaats van
    geadresseerde 1`. `fields` holds the labels of the keys it knows, already whole.
    """

    title: str
    of_owner: Callable[[str], str] = _bare
    fields: Mapping[tuple[PathPart, ...], str] = field(default_factory=dict)

    def __call__(self, sub: Sequence[PathPart]) -> str:
        sub = tuple(sub)
        if not sub:
            return self.title
        if sub in self.fields:
            return self.fields[sub]
        known = next((cut for cut in range(len(sub) - 1, 0, -1) if sub[:cut] in self.fields), 0)
        return self.of_owner(field_path(sub[known:]))


# The top-level labels stay the N_-marked msgids (the screen translates them with `_()`); every
# composed label is made with `_()` here, so it is in the language of the screen when it is made
# (Dutch on the command line). Applying `_()` once more to such a label changes nothing.
_TOP_LABELS = Labeller(N_("Brief"), _bare, {(key,): label for key, label in _TOP_FIELDS.items()})
_SNAPSHOT_LABELS = Labeller(
    N_("Catalogus"), lambda name: _("{field} (catalogus)").format(field=name)
)


def _item_labeller(list_key: str, number: int, item: Any) -> Labeller:
    """Names an item of a list of the letter; `number` counts from 1 (in the body every block)."""
    if list_key == "addressees":

        def of_addressee(name: str) -> str:
            return _("{field} van geadresseerde {number}").format(field=name, number=number)

        names = {sub: of_addressee(_(name)) for sub, name in _ADDRESSEE_FIELDS.items()}
        title = _("Geadresseerde {number}").format(number=number)
        return Labeller(title, of_addressee, names)
    if list_key == "signatories":

        def of_signatory(name: str) -> str:
            return _("{field} van ondertekenaar {number}").format(field=name, number=number)

        names = {(key,): of_signatory(_(name)) for key, name in _SIGNATORY_FIELDS.items()}
        title = _("Ondertekenaar {number}").format(number=number)
        return Labeller(title, of_signatory, names)
    if list_key == "attachments":
        return Labeller(
            _("Bijlage {number}").format(number=number),
            lambda name: _("{field} van bijlage {number}").format(field=name, number=number),
        )
    if list_key == "copies":
        return Labeller(
            _("Kopie aan (regel {number})").format(number=number),
            lambda name: _("{field} van kopie aan (regel {number})").format(
                field=name, number=number
            ),
        )
    block_type = item.get("type") if isinstance(item, dict) else None
    if block_type == "paragraph":
        title = _("Alinea {number}").format(number=number)
        return Labeller(
            title,
            lambda name: _("{field} van alinea {number}").format(field=name, number=number),
            {("text",): title},
        )
    if block_type == "heading":
        title = _("Kop (blok {number})").format(number=number)
        return Labeller(
            title,
            lambda name: _("{field} van kop (blok {number})").format(field=name, number=number),
            {("text",): title},
        )
    if block_type == "list":
        title = _("Lijst (blok {number})").format(number=number)
        return Labeller(
            title,
            lambda name: _("{field} van lijst (blok {number})").format(field=name, number=number),
            {("style",): title},
        )
    if block_type == "quote":

        def of_quote(name: str) -> str:
            return _("{field} van citaat (blok {number})").format(field=name, number=number)

        title = _("Citaat (blok {number})").format(number=number)
        names = {
            ("text",): title,
            ("speaker",): of_quote(_(SPEAKER)),
            ("role",): _("Functie bij citaat (blok {number})").format(number=number),
        }
        return Labeller(title, of_quote, names)
    if block_type == "promise":
        title = _("Servicebelofte (blok {number})").format(number=number)
        return Labeller(
            title,
            lambda name: _("{field} van servicebelofte (blok {number})").format(
                field=name, number=number
            ),
            {("number",): title},
        )
    return Labeller(
        _("Blok {number}").format(number=number),
        lambda name: _("{field} van blok {number}").format(field=name, number=number),
    )


def _snapshot_promise_labeller(number: object) -> Labeller:
    def of_promise(name: str) -> str:
        return _("{field} van servicebelofte {number} (catalogus)").format(
            field=name, number=number
        )

    title = _("Tekst van servicebelofte {number} (catalogus)").format(number=number)
    names = {("text",): title, ("topic",): of_promise(_(TOPIC))}
    return Labeller(title, of_promise, names)


# --- field level ---------------------------------------------------------------------------------


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _block_signature(block: Any) -> str:
    """Type and first words (a promise: its number), so an edit further on keeps the alignment;
    a list by the first words of its items, a paragraph by its text whether marked or not."""
    text = _block_text(block)
    if text is None:
        return _canonical(block)
    first_words = [match.group() for match in islice(_WORD.finditer(text), 8)]
    return _canonical([block.get("type"), first_words])


def _block_text(block: Any) -> str | None:
    """The plain text of a block with text or items (a list: its items as lines), else None."""
    if not isinstance(block, dict):
        return None
    if block.get("type") == "list" and isinstance(block.get("items"), list):
        return "\n".join(rich_text(item) for item in block["items"])
    if "runs" in block and is_rich(block):
        return rich_text(block)
    return block["text"] if isinstance(block.get("text"), str) else None


def _fields_signature(*keys: str) -> Callable[[Any], str]:
    def signature(item: Any) -> str:
        return _canonical([item.get(key) for key in keys] if isinstance(item, dict) else item)

    return signature


_SIGNATURES: dict[str, Callable[[Any], str]] = {  # not screen text
    "addressees": _fields_signature("organisation", "person"),
    "body": _block_signature,
    "signatories": _fields_signature("name"),
    "attachments": _canonical,
    "copies": _canonical,
}


def diff_letters(old: Letter | dict, new: Letter | dict) -> list[FieldChange]:
    """Every field that differs between two versions, in the order of the letter file.

    Blocks and list items are aligned first, so one inserted paragraph is one change. The
    catalogue snapshot is compared only for the promises both versions recorded.
    """
    old_data = letter_to_dict(old) if isinstance(old, Letter) else old
    new_data = letter_to_dict(new) if isinstance(new, Letter) else new
    changes: list[FieldChange] = []
    for key in _keys(old_data, new_data):
        if key in (SNAPSHOT_KEY, FORMAT_KEY):
            continue
        olds, news = old_data.get(key), new_data.get(key)
        both_lists = isinstance(olds or [], list) and isinstance(news or [], list)
        if key not in _SIGNATURES or not both_lists:
            changes.extend(_diff_value((), (key,), olds, news, _TOP_LABELS))
            continue
        olds, news = olds or [], news or []
        for i, j in _align(olds, news, _SIGNATURES[key]):
            index, item = (i, olds[i]) if j is None else (j, news[j])
            label = _item_labeller(key, index + 1, item)
            if i is None or j is None:
                kind = "removed" if j is None else "added"
                changes.append(_whole((key, index), label(()), kind, item))
            elif key == "body":
                changes.extend(_diff_block(j, olds[i], item, label))
            else:
                changes.extend(_diff_value((key, j), (), olds[i], item, label))
    changes.extend(_diff_snapshot(old_data.get(SNAPSHOT_KEY), new_data.get(SNAPSHOT_KEY)))
    return changes


def _keys(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    return [*old, *(key for key in new if key not in old)]


def _diff_snapshot(old: Any, new: Any) -> Iterator[FieldChange]:
    """The catalogue texts a saved version recorded (`snapshot.promises`), where both have one."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return
    old_promises, new_promises = old.get("promises"), new.get("promises")
    by_number = isinstance(old_promises, dict) and isinstance(new_promises, dict)
    for number in old_promises if by_number else ():
        if number in new_promises:
            owner, label = (SNAPSHOT_KEY, "promises", number), _snapshot_promise_labeller(number)
            yield from _diff_value(owner, (), old_promises[number], new_promises[number], label)
    for key in old:
        if key in new and not (by_number and key == "promises"):
            yield from _diff_value((SNAPSHOT_KEY,), (key,), old[key], new[key], _SNAPSHOT_LABELS)


def _diff_value(
    owner: tuple[PathPart, ...], sub: tuple[PathPart, ...], old: Any, new: Any, label: Labeller
) -> Iterator[FieldChange]:
    """Changes between two values of one owner (an addressee, a block, …), leaf by leaf.

    Absent, null and empty count as the same; one side absent or null is `added`/`removed`.
    """
    path = (*owner, *sub)
    if _blank(old) and _blank(new):
        return
    if old is None or new is None:
        kind, value = ("added", new) if old is None else ("removed", old)
        yield _whole(path, label(sub), kind, value)
    elif isinstance(old, dict) and isinstance(new, dict):
        for key in _keys(old, new):
            yield from _diff_value(owner, (*sub, key), old.get(key), new.get(key), label)
    elif isinstance(old, list) and isinstance(new, list):
        for i, j in _align(old, new, _canonical):
            if i is None or j is None:
                index, kind, value = (i, "removed", old[i]) if j is None else (j, "added", new[j])
                yield _whole((*path, index), label((*sub, index)), kind, value)
            else:
                yield from _diff_value(owner, (*sub, j), old[i], new[j], label)
    elif type(old) is not type(new) or old != new:
        texts = isinstance(old, str) and isinstance(new, str)
        words = tuple(word_diff(old, new)) if texts else ()
        yield FieldChange(field_path(path), label(sub), "changed", old, new, words)


def _whole(
    path: Sequence[PathPart], label: str, kind: Literal["added", "removed"], value: Any
) -> FieldChange:
    """A value or list item added or removed as a whole; its text, if any, as one run."""
    text = _block_text(value) if isinstance(value, dict) else value
    if isinstance(value, dict) and text is None and is_rich(value):
        text = rich_text(value)  # a list item
    words: tuple[WordChange, ...] = ()
    if isinstance(text, str) and text:
        words = (WordChange("insert" if kind == "added" else "delete", text),)
    old, new = (None, value) if kind == "added" else (value, None)
    return FieldChange(field_path(path), label, kind, old, new, words)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _align(
    old: Sequence[Any],
    new: Sequence[Any],
    signature: Callable[[Any], str],
    similar: Callable[[Any, Any], bool] | None = None,
) -> Iterator[tuple[int | None, int | None]]:
    """Pairs of (old index, new index); None on one side for an item only the other has."""
    similar = similar or _similar
    old_signatures, new_signatures = [signature(x) for x in old], [signature(x) for x in new]
    matcher = SequenceMatcher(None, old_signatures, new_signatures, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            yield from zip(range(i1, i2), range(j1, j2), strict=True)
        else:
            yield from diff_text.pair_in_order(
                range(i1, i2), range(j1, j2), lambda i, j: similar(old[i], new[j])
            )


def _similar(old: Any, new: Any) -> bool:
    """Two versions of one item: texts sharing half their words, blocks of one type with similar
    text, records agreeing on at least half of their filled-in fields."""
    if isinstance(old, str) and isinstance(new, str):
        return diff_text.texts_similar(old, new)
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return _canonical(old) == _canonical(new)
    types = {old.get("type"), new.get("type")}
    if types <= TEXT_BLOCKS and (len(types) == 1 or types <= RETYPABLE):
        return diff_text.texts_similar(_block_text(old) or "", _block_text(new) or "")
    if old.get("type") != new.get("type"):
        return False
    if isinstance(old.get("text"), str) and isinstance(new.get("text"), str):
        return diff_text.texts_similar(old["text"], new["text"])
    if "type" in old:
        return True  # a block of the same kind, such as a promise with another number
    filled = [key for key in _keys(old, new) if not (_blank(old.get(key)) and _blank(new.get(key)))]
    agreeing = sum(1 for key in filled if _canonical(old.get(key)) == _canonical(new.get(key)))
    return 2 * agreeing >= len(filled)


# --- blocks of the body: marked text, lists, headings --------------------------------------------


def _diff_block(j: int, old: Any, new: Any, label: Labeller) -> Iterator[FieldChange]:
    """Changes between two versions of the body block at `body[j]` (new index)."""
    owner: tuple[PathPart, ...] = ("body", j)
    if not (isinstance(old, dict) and isinstance(new, dict)):
        yield from _diff_value(owner, (), old, new, label)
        return
    old_type, new_type = old.get("type"), new.get("type")
    done: tuple[str, ...] = ("type",)
    if old_type != new_type:
        yield _renamed((*owner, "type"), label(()), old_type, new_type, BLOCK_NAMES)
    if old_type == new_type == "list":
        yield from _diff_list(owner, old, new, label)
        done = ("type", "style", "items")
    elif {old_type, new_type} <= TEXT_BLOCKS and is_rich(old) and is_rich(new):
        change = rich_change((*owner, "text"), label(("text",)), old, new)
        if change is not None:
            yield change
        done = ("type", "text", "runs")
    for key in _keys(old, new):
        if key not in done:
            yield from _diff_value(owner, (key,), old.get(key), new.get(key), label)


def _renamed(
    path: Sequence[PathPart], label: str, old: Any, new: Any, names: Mapping[str, str]
) -> FieldChange:
    """A kind that changed (a paragraph became a heading, bullets became numbers), in words."""
    words = tuple(
        WordChange(kind, _(names[value]) if value in names else str(value))
        for kind, value in (("delete", old), ("insert", new))
    )
    return FieldChange(field_path(path), label, "changed", old, new, words)


def rich_change(path: Sequence[PathPart], label: str, old: Any, new: Any) -> FieldChange | None:
    """The change of a paragraph or list item (`{"text"}` or `{"runs"}`): its plain text word by
    word and the words that gained or lost a mark; None when text and marks stayed the same."""
    if old == new:
        return None
    old_text, new_text = rich_text(old), rich_text(new)
    words = word_diff(old_text, new_text)
    marked = any(isinstance(item, dict) and "runs" in item for item in (old, new))
    marks = tuple(mark_changes(old, new, words)) if marked else ()
    if old_text == new_text and not marks:
        return None
    shown = tuple(words) if old_text != new_text else ()
    return FieldChange(field_path(path), label, "changed", old_text, new_text, shown, marks)


def _diff_list(
    owner: tuple[PathPart, ...], old: dict[str, Any], new: dict[str, Any], label: Labeller
) -> Iterator[FieldChange]:
    """Style of a list (`opsomming` → `genummerde lijst`) and its items, aligned by their text."""
    title = label(())
    old_style, new_style = old.get("style", "bullet"), new.get("style", "bullet")
    if old_style != new_style:
        yield _renamed((*owner, "style"), title, old_style, new_style, LIST_STYLES)
    olds, news = old.get("items"), new.get("items")
    if not (isinstance(olds, list) and isinstance(news, list)):
        yield from _diff_value(owner, ("items",), olds, news, label)
        return

    def signature(item: Any) -> str:
        return _canonical(rich_text(item)) if is_rich(item) else _canonical(item)

    def similar(a: Any, b: Any) -> bool:
        return diff_text.texts_similar(rich_text(a), rich_text(b))

    for i, j in _align(olds, news, signature, similar):
        index = i if j is None else j
        path = (*owner, "items", index)
        name = _("{list}, punt {number}").format(list=title, number=index + 1)
        if i is None or j is None:
            kind = "removed" if j is None else "added"
            yield _whole(path, name, kind, olds[i] if j is None else news[j])
            continue
        old_item, new_item = olds[i], news[j]
        if is_rich(old_item) and is_rich(new_item):
            change = rich_change(path, name, old_item, new_item)
            if change is not None:
                yield change
            old_item, new_item = _without_text(old_item), _without_text(new_item)
        item_label = Labeller(name, lambda field, name=name: f"{field} ({name})")
        yield from _diff_value(path, (), old_item, new_item, item_label)


def _without_text(item: Any) -> Any:
    if not isinstance(item, dict):
        return item
    return {key: value for key, value in item.items() if key not in ("text", "runs")}
