"""Helpers for the review-chain tests: a library with a whole review history, zip surgery."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from composer.review.service import ReviewService
from composer.storage.library import Library
from tests.review.review_helpers import FakeConverter, approved_letter
from tests.storage.storage_helpers import sample_letter

TODAY = date(2022, 10, 17)


def send(review: ReviewService, letter_id: int) -> None:
    """Send with a reason: the letters here keep a comment open on purpose."""
    converter = FakeConverter()
    review.send(
        letter_id,
        author="Anna",
        today=TODAY,
        converter=lambda: converter,
        reason="Bert schreef al Akkoord",
    )


def sent_letter(library: Library) -> int:
    """A letter approved by Bert (with a comment on it) and sent by Anna: versions 1 and 2."""
    review = ReviewService(library)
    letter_id = approved_letter(review, sample_letter())
    review.comment(letter_id, version=1, author="Bert", text="Akkoord", block=2)
    send(review, letter_id)
    return letter_id


def busy_library(library: Library) -> dict[str, int]:
    """Every kind of event: a lapsed approval, a sent letter, a rejection, a copy, comments."""
    review = ReviewService(library)
    letter = sample_letter()
    sent = approved_letter(review, letter)
    library.save(sent, replace(letter, subject="Na de goedkeuring"), author="Anna")  # lapses
    review.submit(sent, author="Anna")
    review.approve(sent, version=2, reviewer="Bert")
    review.comment(sent, version=2, author="Bert", text="Mooi zo", block=1)
    send(review, sent)
    rejected = library.add(replace(letter, subject="Afgewezen"), author="Carla")
    review.submit(rejected, author="Carla")
    library.save(rejected, replace(letter, subject="Tijdens de beoordeling"), author="Carla")
    review.submit(rejected, author="Carla")
    review.reject(rejected, reason="Te lang", reviewer="Bert")
    remark = review.comment(rejected, version=2, author="Bert", text="Korter")
    review.resolve(rejected, remark, by="Carla")
    copy = review.copy(sent, author="Anna")
    return {"sent": sent, "rejected": rejected, "copy": copy}


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def write_zip(path: Path, contents: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
    return path


def read_json(contents: dict[str, bytes], name: str) -> Any:
    return json.loads(contents[name])


def put_json(contents: dict[str, bytes], name: str, value: Any) -> None:
    contents[name] = json.dumps(value, ensure_ascii=False, indent=2).encode("utf-8")


def letter_file(letter_id: int) -> str:
    return f"brieven/{letter_id:06d}/brief.json"
