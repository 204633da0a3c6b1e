"""Advice while writing: Dutch spelling and B1 readability (never a block)."""
