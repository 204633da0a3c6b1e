"""Reads JSON from outside within bounds: nesting depth, and numbers Python can convert."""

from __future__ import annotations

import json
import re
from typing import Any

from composer.i18n import _

# Far deeper than any letter, catalogue or template manifest needs (about 5 levels), and shallow
# enough that nothing that walks the data afterwards (the schema check, the
# canonical JSON of a version, comparing versions, copying) can hit Python's recursion limit.
MAX_DEPTH = 64

# A string (skipped whole, escapes included) or one bracket; everything else is not structure.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


class JsonLimitError(ValueError):
    """JSON beyond a bound; `reason` says which, as a Dutch phrase for inside a sentence."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def nesting_depth(text: str, stop_above: int = MAX_DEPTH) -> int:
    """How deep `[` and `{` are nested in `text` (strings not counted); the count stops just
    above `stop_above`, so a hostile file costs one pass and no more."""
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_above:
                    break
        elif token in ("]", "}"):
            depth -= 1
    return deepest


def too_deep_reason(limit: int = MAX_DEPTH) -> str:
    return _("de gegevens zijn meer dan {limit} niveaus diep in elkaar genest").format(limit=limit)


def loads_bounded(text: str, *, max_depth: int = MAX_DEPTH) -> Any:
    """`json.loads(text)`, refusing nesting deeper than `max_depth` before it is parsed.

    Raises `json.JSONDecodeError` for bad JSON as json.loads does, and `JsonLimitError` (also
    a ValueError) for JSON that is too deep or holds an integer too long to convert.
    """
    if nesting_depth(text, max_depth) > max_depth:
        raise JsonLimitError(too_deep_reason(max_depth))
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:  # cannot happen below the limit; kept as a last guard
        raise JsonLimitError(too_deep_reason(max_depth)) from None
    except ValueError:  # an integer beyond Python's conversion limit (4300 digits)
        raise JsonLimitError(_("een getal in het bestand heeft te veel cijfers")) from None
