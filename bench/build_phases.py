"""Where the wall-clock time of a build goes, phase by phase, without a profiler's overhead.

Copies the project and adds N corpus notes (as build_bench.py does), then runs `mkdocs build`
twice in subprocesses: cold (no `.cache/`) and warm (nothing changed). In each, every MkDocs
event is timed as it runs (`PluginCollection.run_event` is wrapped), and the table says when
each event first started and last ended, counted from the start of the process, and how long
the hooks and plugins took inside it. The time between one event and the next is MkDocs' own
work: reading the sources and converting them (`page_markdown` to `page_content`), or drawing
each page's template (`page_context` to `post_page`).

cProfile (profile_build.py) says which functions cost the most, but it roughly doubles the time
and sees only the build's own process; this shows the phases as they really run, with the
forked copy and the field worker working beside them.

Usage: python bench/build_phases.py [--n 1000] [--nav explicit|generated]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import NAV_STYLES, env, prepare_project  # noqa: E402

RECORD = "BUILD_PHASES_RECORD"  # where the timed build writes its events (a JSON file)


def phase_rows(events: dict[str, list[float]]) -> list[tuple[str, float, float, float, int]]:
    """(event, first start, last end, time inside, calls) for each event, in the order they began.

    `events` maps an event's name to [first start, time inside, calls, last end], in seconds
    from the start of the build's process.
    """
    rows = [(name, first, last, inside, int(calls)) for name, (first, inside, calls, last) in events.items()]
    return sorted(rows, key=lambda row: (row[1], row[2]))


def print_phases(title: str, rows: list[tuple], wall: float) -> None:
    print(f"{title}: {wall:.2f} s")
    print(f"{'event':<18}{'from (s)':>10}{'to (s)':>9}{'in hooks (s)':>14}{'calls':>7}")
    for name, first, last, inside, calls in rows:
        print(f"{name:<18}{first:>10.2f}{last:>9.2f}{inside:>14.2f}{calls:>7}")
    print()


def timed_build() -> None:
    """Run `mkdocs build` in this process with every event timed; write the times to $RECORD."""
    started = time.perf_counter()
    from mkdocs import plugins
    from mkdocs.__main__ import cli

    run_event = plugins.PluginCollection.run_event
    events: dict[str, list[float]] = {}

    def timed(self, name, item=None, **kwargs):
        begin = time.perf_counter()
        result = run_event(self, name, item, **kwargs)
        end = time.perf_counter()
        record = events.setdefault(name, [begin - started, 0.0, 0, 0.0])
        record[1] += end - begin
        record[2] += 1
        record[3] = end - started
        return result

    plugins.PluginCollection.run_event = timed
    try:
        cli(["build", "--quiet", "--strict"], standalone_mode=False)
    finally:
        Path(os.environ[RECORD]).write_text(json.dumps(events), encoding="utf-8")


def measure(project: Path, record: Path) -> tuple[float, list[tuple]]:
    begin = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--_timed-build"], cwd=project, check=True,
                   env=dict(env(), **{RECORD: str(record)}))
    wall = time.perf_counter() - begin
    return wall, phase_rows(json.loads(record.read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="corpus notes to add (default 1000)")
    parser.add_argument("--nav", choices=NAV_STYLES, default="explicit", help="navigation style (default explicit)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="build-phases-"))
    try:
        project = work / "project"
        prepare_project(project, args.n, args.nav)
        for kind in ("cold", "warm"):
            if kind == "cold":
                shutil.rmtree(project / ".cache", ignore_errors=True)
            wall, rows = measure(project, work / f"{kind}.json")
            print_phases(f"{kind} build, N = {args.n}, {args.nav} navigation", rows, wall)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":  # the field worker's spawned interpreter imports this file too: it must not build
    if sys.argv[1:] == ["--_timed-build"]:
        timed_build()
        sys.exit(0)
    sys.exit(main())
