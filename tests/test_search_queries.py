"""The search bench's query files: every query is well formed and its expected pages exist."""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from search_bench import HELD_QUERIES, QUERIES, bootstrap_interval, load_queries, mrr, recall  # noqa: E402

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


def test_bootstrap_interval_brackets_the_figure_and_narrows_with_more_queries():
    ranks = [1, None, 2, 5, 1, 3, None, 1] * 5
    low, high = bootstrap_interval(ranks, recall)
    assert low < recall(ranks) < high
    assert bootstrap_interval(ranks, recall) == (low, high)  # a fixed seed: the same interval each run
    more_low, more_high = bootstrap_interval(ranks * 16, recall)
    assert more_high - more_low < (high - low) / 2  # 16 times the queries: about a quarter of the width
    low_mrr, high_mrr = bootstrap_interval(ranks, mrr)
    assert low_mrr < mrr(ranks) < high_mrr
    assert bootstrap_interval([1] * 10, recall) == (1.0, 1.0)
