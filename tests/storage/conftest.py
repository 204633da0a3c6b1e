"""Fixtures for the library tests: an open library on each backend, the sample letter."""

from __future__ import annotations

import pytest

from composer.core.models import Letter
from composer.storage.library import Library
from tests.storage.storage_helpers import sample_letter


@pytest.fixture
def library(database_url: str):
    with Library.open(database_url) as opened:
        yield opened


@pytest.fixture
def letter() -> Letter:
    return sample_letter()
