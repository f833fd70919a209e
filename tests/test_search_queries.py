"""The search bench's query files: every query is well formed and its expected pages exist."""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from search_bench import HELD_QUERIES, QUERIES, load_queries  # noqa: E402

KINDS = {"particle", "ending", "spacing", "compound", "loanword", "english", "phrase", "question", "typo"}


@pytest.mark.parametrize("path, split", [(QUERIES, "tune"), (HELD_QUERIES, "held")])
def test_query_files_are_well_formed(path, split):
    queries = load_queries(path)
    assert len(queries) >= 150
    assert {q["split"] for q in queries} == {split}
    assert {q["kind"] for q in queries} <= KINDS
    texts = [q["query"].strip() for q in queries]
    assert all(texts) and len(set(texts)) == len(texts)


def test_held_out_queries_are_not_tuning_queries():
    def key(query):
        return "".join(query["query"].split()).lower()

    tuning = {key(q) for q in load_queries(QUERIES)}
    assert [q["query"] for q in load_queries(HELD_QUERIES) if key(q) in tuning] == []


def test_every_expected_page_is_in_the_built_site(built_site):
    missing = sorted(
        {page for path in (QUERIES, HELD_QUERIES) for q in load_queries(path) for page in q["expect"]
         if not (built_site / page / "index.html").is_file()}
    )
    assert missing == []
