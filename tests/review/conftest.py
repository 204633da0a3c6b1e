"""Fixtures for the review tests: a library and its review service on each backend."""

from __future__ import annotations

import pytest

from composer.core.models import Letter
from composer.review.service import ReviewService
from composer.storage.library import Library
from tests.storage.storage_helpers import sample_letter


@pytest.fixture
def library(database_url: str):
    with Library.open(database_url) as opened:
        yield opened


@pytest.fixture
def review(library: Library) -> ReviewService:
    return ReviewService(library)


@pytest.fixture
def letter() -> Letter:
    return sample_letter()
