"""The study site's build logic, importable without MkDocs; hooks/*.py are thin adapters."""
