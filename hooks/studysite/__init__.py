"""The study site's logic: plain Python that the hooks in `hooks/` call and pytest tests."""
