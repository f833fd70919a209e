"""Every variant the glossary tells writers to avoid is still found by search, under its term."""

import re
from pathlib import Path

from studysite.glossary_data import load_glossary
from studysite.search_aliases import index_form, load_aliases

ROOT = Path(__file__).resolve().parent.parent


def test_avoided_variants_are_search_aliases_of_their_term():
    groups = [{index_form(word) for word in group} for group in load_aliases(ROOT).groups]
    missing = []
    for term in load_glossary(ROOT).translations:
        # `서버 주도 협상 / 에이전트 주도 협상`, `재전송 (재전송 공격)`: every name in it.
        preferred = {index_form(part) for part in re.split(r"[/(),]", term.ko) if part.strip()}
        for variant in getattr(term, "avoid", None) or ():
            if not any(index_form(variant) in group and group & preferred for group in groups):
                missing.append(f"{variant} ({term.ko})")
    assert missing == [], "add these to data/search_aliases.yml with their term: " + ", ".join(missing)
