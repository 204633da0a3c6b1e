"""Composer's tests: a package, so `python -m tests.…` finds these and not a library's."""
