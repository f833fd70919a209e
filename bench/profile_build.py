"""Profile the project's full build (every hook and feature on) over the synthetic corpus.

Copies the project to a temporary folder, adds N corpus notes (bench/corpus.py), then runs
`python -m cProfile -m mkdocs build --strict` twice in subprocesses: a cold build (no caches)
and a second build with nothing changed. Writes a readable summary of the top costs to
bench/out/profile.txt (gitignored), the raw profiles beside it, and prints the summary.

The summary groups time by owner (each hook file, MkDocs, Material, Markdown, pymdownx,
Jinja2, ...), lists each hook event's cumulative time, the top functions by own time and by
cumulative time, and the time spent in Korean analysis (hooks/korean_*.py) in both builds:
the second build should spend close to none there (its cache).

cProfile sees the build's own process only: the pages a forked copy converts ahead
(hooks/studysite/render_ahead.py) and the Korean search fields made in the field worker
(hooks/studysite/field_worker.py) run in other processes, so the cold profile shows fewer
conversions and the wait for the worker's fields, not their work.

`--nav generated` removes the copy's `nav:` so MkDocs generates the whole navigation
(build_bench.py's generated style); the default lists the corpus in nav (its explicit style).

Usage: python bench/profile_build.py [--n 1000] [--top 25] [--nav explicit|generated]
"""

from __future__ import annotations

import argparse
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import env, prepare_project  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"


def owner(filename: str, project: Path) -> str:
    """Who a function belongs to: a hook file, or the top-level package it comes from."""
    path = Path(filename)
    if project in path.parents:
        return str(path.relative_to(project))
    if "site-packages" in path.parts:
        parts = path.parts[path.parts.index("site-packages") + 1 :]
        return parts[0].removesuffix(".py") if parts else filename
    if filename.startswith("<") or filename == "~":
        return "builtins"
    return "stdlib"


def summarise(stats: pstats.Stats, project: Path, top: int) -> str:
    raw = stats.stats  # (file, line, name) -> (calls, primitive calls, own, cumulative, callers)
    total = stats.total_tt
    by_owner: dict[str, float] = defaultdict(float)
    for (filename, _, _), (_, _, own, _, _) in raw.items():
        by_owner[owner(filename, project)] += own
    out = io.StringIO()
    out.write(f"total {total:.2f} s (profiled; cProfile roughly doubles plain run time)\n\n")
    out.write("Own time by owner (hooks by file, libraries by package):\n")
    for name, seconds in sorted(by_owner.items(), key=lambda item: -item[1])[:top]:
        out.write(f"  {seconds:7.2f} s  {seconds / total:5.1%}  {name}\n")

    out.write("\nHook event functions (cumulative, includes what they call):\n")
    hooks = []
    for (filename, line, name), (calls, _, _, cumulative, _) in raw.items():
        if Path(filename).parent == project / "hooks" and name.startswith("on_"):
            hooks.append((cumulative, f"{Path(filename).name}:{line}({name})", calls))
    for cumulative, label, calls in sorted(hooks, reverse=True):
        out.write(f"  {cumulative:7.2f} s  {cumulative / total:5.1%}  {calls:6d} calls  {label}\n")

    for title, key in (("own time", 2), ("cumulative time", 3)):
        out.write(f"\nTop {top} functions by {title}:\n")
        rows = sorted(raw.items(), key=lambda item: -item[1][key])
        shown = 0
        for (filename, line, name), values in rows:
            if key == 3 and ("click" in filename or "runpy" in filename or name in ("<module>", "exec")):
                continue
            where = owner(filename, project)
            out.write(f"  {values[key]:7.2f} s  {values[0]:8d} calls  {where}:{line}({name})\n")
            shown += 1
            if shown == top:
                break
    return out.getvalue()


def korean_seconds(stats: pstats.Stats, project: Path) -> float:
    """Cumulative time of the Korean search hook's events (analysis, cache, index writing)."""
    return sum(
        values[3]
        for (filename, _, name), values in stats.stats.items()
        if Path(filename).parent in (project / "hooks", project / "hooks" / "studysite") and Path(filename).name.startswith("korean_")
        and name.startswith("on_")
    )


def profile_build(project: Path, output: Path, site: Path) -> tuple[pstats.Stats, float]:
    command = [sys.executable, "-m", "cProfile", "-o", str(output), "-m", "mkdocs", "build", "-q",
               "--strict", "-d", str(site)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env(), capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return pstats.Stats(str(output)), elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description="cProfile one full build (see bench/README.md).")
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--nav", choices=["explicit", "generated"], default="explicit")
    args = parser.parse_args()

    OUT.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    try:
        project = work / "project"
        prepare_project(project, args.n, args.nav)
        cold, cold_wall = profile_build(project, OUT / "profile-cold.prof", work / "site")
        warm, warm_wall = profile_build(project, OUT / "profile-warm.prof", work / "site")
        report = io.StringIO()
        report.write(f"Profile of `mkdocs build --strict`, project configuration, N = {args.n} corpus notes, "
                     f"{args.nav} navigation\n")
        report.write(f"(bench/profile_build.py --n {args.n} --nav {args.nav}; wall time under cProfile: cold {cold_wall:.1f} s, "
                     f"second build {warm_wall:.1f} s)\n\n")
        report.write(f"Korean search hook events: cold build {korean_seconds(cold, project):.2f} s, "
                     f"second build (nothing changed) {korean_seconds(warm, project):.2f} s\n\n")
        report.write("== Cold build ==\n")
        report.write(summarise(cold, project, args.top))
        report.write("\n== Second build, nothing changed ==\n")
        report.write(summarise(warm, project, args.top))
        text = report.getvalue()
        (OUT / "profile.txt").write_text(text, encoding="utf-8")
        print(text)
        print(f"written to {OUT / 'profile.txt'}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
