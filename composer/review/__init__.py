"""Review: statuses, approvals bound to a version, comments, sending and the archive."""
