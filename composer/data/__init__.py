"""Installed copies of the top-level templates/ and resources/ folders (package data)."""
