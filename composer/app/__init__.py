"""The application layer (no Qt): the Workspace both faces share, drafts, the new-letter rule."""
