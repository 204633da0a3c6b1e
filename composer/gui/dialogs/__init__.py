"""The dialogs of the desktop program, one per module, each opened through a `run` classmethod."""
