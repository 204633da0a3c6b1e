"""Checks on the page before a document is written: what would be cut off or not printable."""

from __future__ import annotations

from typing import Any

from composer.render.registry import TemplateInfo


def check_page(context: dict[str, Any], info: TemplateInfo) -> list[str]:
    """Warnings about the rendered page; raises ComposerError for what must be refused."""
    return []
