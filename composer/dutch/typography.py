"""How a quote's speaker is named under it: `Roel Masselink, directeur van de KSF`."""

from __future__ import annotations


def attribution(speaker: str, role: str) -> str:
    """`Roel Masselink, directeur van de KSF`; only the one present when the other is blank."""
    return ", ".join(part for part in (speaker.strip(), role.strip()) if part)
