"""Composer (Brievencomposer): Dutch letters and press releases as DOCX and PDF."""

__version__ = "0.1.0"
