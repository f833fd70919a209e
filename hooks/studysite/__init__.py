"""The study site's build logic: pure functions that the hooks in `hooks/` call (no MkDocs import)."""
