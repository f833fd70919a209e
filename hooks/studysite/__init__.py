"""All logic of the study site's build (load, validate, generate, link, search); the MkDocs hooks in `hooks/*.py` call it."""
