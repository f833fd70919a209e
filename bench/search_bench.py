"""Korean search benchmark: recall@3 of our search against stock Material search.

    python bench/search_bench.py                # build both sites into bench/out/, then measure
    python bench/search_bench.py --ours DIR     # measure an already built site instead of building

Both sites are built from the same notes: "ours" with mkdocs.yml as is, "stock" with the
korean_search hook removed and `plugins.search` reduced to `lang` (no morphs field, default
separator, Material's own lunr.ko.min.js). Each query in bench/search_queries.yml runs through
Material's installed search worker under Node (bench/search_worker.cjs), as in the browser; a
query counts as found when an expected page is among the first three result pages.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
QUERIES = BENCH / "search_queries.yml"
RUNNER = BENCH / "search_worker.cjs"
OUT = BENCH / "out"
K = 3


def material_worker() -> Path:
    import material

    workers = Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"
    (worker,) = workers.glob("search.*.min.js")
    return worker


def load_queries(path: Path = QUERIES) -> list[dict]:
    queries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    for q in queries:
        q["expect"] = [q["expect"]] if isinstance(q["expect"], str) else list(q["expect"])
    return queries


def build_ours(site: Path, config: Path = ROOT / "mkdocs.yml") -> None:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)]
    subprocess.run(command, cwd=config.parent, env=env, check=True)


def build_stock(site: Path, config: Path = ROOT / "mkdocs.yml") -> None:
    """Build in a child process: mkdocs.yml without the hook and with plain `search: {lang}`."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, __file__, "--_build-stock", str(site), str(config)]
    subprocess.run(command, cwd=config.parent, env=env, check=True)


def _build_stock_here(site: str, config_file: str) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as f:
        raw = yaml_load(f)
    hooks = [h for h in raw.get("hooks", []) if Path(h).stem != "korean_search"]
    plugins = []
    for plugin in raw["plugins"]:
        if plugin == "search" or (isinstance(plugin, dict) and "search" in plugin):
            options = plugin["search"] if isinstance(plugin, dict) else {}
            plugin = {"search": {"lang": options["lang"]} if "lang" in options else {}}
        plugins.append(plugin)
    build(load_config(config_file, site_dir=site, hooks=hooks, plugins=plugins, strict=False))


def search(site: Path, queries: list[str]) -> list[list[str]]:
    """Page URLs of the result groups of each query, from Material's worker under Node."""
    result = subprocess.run(
        ["node", str(RUNNER), str(site), str(material_worker())],
        input=json.dumps(queries, ensure_ascii=False),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def rank(pages: list[str], expect: list[str]) -> int | None:
    """1-based rank of the first expected page, or None."""
    for i, page in enumerate(pages, 1):
        if page in expect:
            return i
    return None


def recall(ranks: list[int | None], k: int = K) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ours", type=Path, help="a built site to measure (default: build into bench/out/ours)")
    parser.add_argument("--stock", type=Path, help="a stock build to compare (default: build into bench/out/stock)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--min-recall", type=float, default=None, help="exit 1 when ours is below this")
    parser.add_argument("--json", type=Path, help="also write the per-query results here")
    args = parser.parse_args(argv)

    queries = load_queries(args.queries)
    ours, stock = args.ours, args.stock
    if ours is None:
        ours = OUT / "ours"
        shutil.rmtree(ours, ignore_errors=True)
        build_ours(ours)
    if stock is None:
        stock = OUT / "stock"
        shutil.rmtree(stock, ignore_errors=True)
        build_stock(stock)

    texts = [q["query"] for q in queries]
    results = {"ours": search(ours, texts), "stock": search(stock, texts)}
    ranks = {name: [rank(pages, q["expect"]) for pages, q in zip(found, queries)] for name, found in results.items()}

    def cell(r: int | None) -> str:
        return "-" if r is None else str(r)

    width = max(len(t) for t in texts) + 2
    print(f"{'query':<{width}}{'expected page':<28}{'ours':>6}{'stock':>7}")
    for q, r_ours, r_stock in zip(queries, ranks["ours"], ranks["stock"]):
        print(f"{q['query']:<{width}}{q['expect'][0]:<28}{cell(r_ours):>6}{cell(r_stock):>7}")
    print()
    print(f"{'kind':<12}{'queries':>8}{'ours':>8}{'stock':>8}   recall@{K}")
    kinds = sorted({q.get("kind", "-") for q in queries})
    for kind in kinds + ["all"]:
        chosen = [i for i, q in enumerate(queries) if kind == "all" or q.get("kind", "-") == kind]
        r_ours = recall([ranks["ours"][i] for i in chosen])
        r_stock = recall([ranks["stock"][i] for i in chosen])
        print(f"{kind:<12}{len(chosen):>8}{r_ours:>8.2f}{r_stock:>8.2f}")
    for name, site in (("ours", ours), ("stock", stock)):
        size = (site / "search" / "search_index.json").stat().st_size
        print(f"search_index.json ({name}): {size / 1024:.0f} KiB")

    if args.json:
        rows = [
            {"query": q["query"], "expect": q["expect"], "ours": results["ours"][i][:K], "stock": results["stock"][i][:K]}
            for i, q in enumerate(queries)
        ]
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.min_recall is not None and recall(ranks["ours"]) < args.min_recall:
        print(f"recall@{K} of ours is below {args.min_recall}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--_build-stock":
        _build_stock_here(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main())
