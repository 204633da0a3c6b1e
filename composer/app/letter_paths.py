"""Field paths into a Letter (`addressees[0].address.postcode`): read, write and list access."""

from __future__ import annotations

import re
from typing import Any

from composer.core.models import Letter, Person

_PART = re.compile(r"([A-Za-z_]\w*)((?:\[\d+\])*)")  # not screen text
_INDEX = re.compile(r"\[(\d+)\]")  # not screen text

PathPart = str | int


def parse_path(path: str) -> list[PathPart]:
    """`addressees[0].address.postcode` → `["addressees", 0, "address", "postcode"]`.

    The same notation as composer.core.validation.field_path, so a problem's path names the
    field that is edited through it.
    """
    parts: list[PathPart] = []
    for piece in path.split("."):
        match = _PART.fullmatch(piece)
        if match is None:
            raise ValueError(f"not a field path: {path!r}")
        parts.append(match[1])
        parts.extend(int(index) for index in _INDEX.findall(match[2]))
    return parts


def _step(container: Any, part: PathPart) -> Any:
    return container[part] if isinstance(part, int) else getattr(container, part)


def get_value(letter: Letter, path: str) -> Any:
    """The value at `path`; a field of a missing person reads as that field's default."""
    value: Any = letter
    for part in parse_path(path):
        if value is None:  # only `person` may be None: read through a blank one
            value = Person()
        value = _step(value, part)
    return value


def _is_blank(person: Person) -> bool:
    return person == Person()


def set_value(letter: Letter, path: str, value: Any) -> None:
    """Put `value` at `path`.

    Typing into a field of an addressee without a person creates the person; a person whose
    fields are all empty again becomes no person (so undo returns exactly to the start, and
    the aanhef becomes the group's again).
    """
    parts = parse_path(path)
    owner: Any = letter
    people: list[tuple[Any, str]] = []  # (addressee, "person") crossed on the way
    for part in parts[:-1]:
        child = _step(owner, part)
        if child is None and part == "person":
            child = Person()
            setattr(owner, part, child)
        if isinstance(child, Person) and isinstance(part, str):
            people.append((owner, part))
        owner = child
    last = parts[-1]
    if isinstance(last, int):
        owner[last] = value
    else:
        setattr(owner, last, value)
    for addressee, name in people:
        person = getattr(addressee, name)
        if isinstance(person, Person) and _is_blank(person):
            setattr(addressee, name, None)


def get_list(letter: Letter, path: str) -> list[Any]:
    items = get_value(letter, path)
    if not isinstance(items, list):
        raise TypeError(f"{path!r} is not a list")
    return items
