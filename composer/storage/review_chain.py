"""Links review rows made before the chain existed (migration 0004, an export /1 or /2)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from composer.storage.hashing import archive_file_hash, comment_hash, event_hash

Row = dict[str, Any]


def _by_letter(rows: list[Row]) -> dict[int, list[Row]]:
    """Rows per letter, oldest (lowest id) first."""
    grouped: dict[int, list[Row]] = defaultdict(list)
    for row in sorted(rows, key=lambda row: (row["letter_id"], row["id"])):
        grouped[row["letter_id"]].append(row)
    return grouped


def _chain(rows: list[Row], digest: Any) -> str:
    """Give each row (of one letter, in order) its `prev_hash` and `hash`; returns the last."""
    previous = ""
    for row in rows:
        row["prev_hash"] = previous
        row["hash"] = previous = digest(row)
    return previous


def _approval_event(approval: Row, events: list[Row], used: set[str]) -> str:
    """The 'approved' event written together with `approval` (same version, reviewer, time)."""
    for event in events:
        if (
            event["kind"] == "approved"
            and event["hash"] not in used
            and event["version_number"] == approval["version_number"]
            and event["actor"] == approval["reviewer"]
            and event["at"] == approval["at"]
        ):
            used.add(event["hash"])
            return event["hash"]
    return ""  # none: verify reports the approval


def _sent_event(record: Row, events: list[Row]) -> str:
    for event in reversed(events):
        if event["kind"] == "sent" and event["version_number"] == record["version_number"]:
            return event["hash"]
    return ""  # none: verify reports the archive record


def link_review(
    letters: list[Row],
    head_hashes: Mapping[int, str],
    *,
    events: list[Row],
    approvals: list[Row],
    comments: list[Row],
    archive_files: list[Row],
) -> None:
    """Fill in every chain column in place, in the order the rows were written (by id).

    `head_hashes` is the hash of each letter's latest version. Approvals and archive records
    are bound to the event that was written with them; one without such an event gets "", so
    that `composer verify` names it instead of the link hiding it.
    """
    events_of = _by_letter(events)
    last_event = {letter_id: _chain(rows, event_hash) for letter_id, rows in events_of.items()}
    for letter in letters:
        letter["head_hash"] = head_hashes.get(letter["id"], "")
        letter["last_event_hash"] = last_event.get(letter["id"], "")
    used: set[str] = set()
    for approval in sorted(approvals, key=lambda row: row["id"]):
        approval["event_hash"] = _approval_event(
            approval, events_of.get(approval["letter_id"], []), used
        )
    for rows in _by_letter(comments).values():
        _chain(rows, comment_hash)
    for record in archive_files:
        record["event_hash"] = _sent_event(record, events_of.get(record["letter_id"], []))
        record["hash"] = archive_file_hash(record)
