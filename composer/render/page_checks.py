"""Checks on the page before a document is written: what would be cut off or not printable."""

from __future__ import annotations

from typing import Any

from composer.render.address_fit import check_address_fit
from composer.render.glyph_check import glyph_warnings
from composer.render.registry import TemplateInfo


def check_page(context: dict[str, Any], info: TemplateInfo, layout: dict[str, float]) -> list[str]:
    """Warnings about the rendered page; raises ComposerError for what must be refused.

    `layout`: the template's millimetres with the user's settings applied. An address block
    that would not fit the envelope's window raises AddressError (composer.render.address_fit);
    characters the PDF's font lacks give a warning (composer.render.glyph_check).
    """
    return [*check_address_fit(context, info, layout), *glyph_warnings(context, info)]
