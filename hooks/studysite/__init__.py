"""All logic of the study site's build: loading, validation, generation, linking, search (no MkDocs events)."""
