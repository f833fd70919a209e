"""Build benchmark: the project's full configuration against stock Material (and Zensical).

Variants, built over the same synthetic corpus (bench/corpus.py), alternating, each build in
its own subprocess:

- project: a copy of this repository (its mkdocs.yml with every hook, plugin and theme feature)
  with the corpus added under docs/bench/ and listed in the copy's nav; `mkdocs build --strict`.
- material: stock Material's defaults (theme material, language ko, search plugin, no hooks,
  no custom_dir, no nav) over the corpus alone; `mkdocs build`.
- zensical: the same stock configuration built by Zensical, when it is installed and runs.

The first build of each variant is reported as "cold" (fresh copy: no caches); the medians are
over the following --runs builds. Peak memory is the child's own ru_maxrss from os.wait4, i.e.
the resource usage of that one build process. --serve times `mkdocs serve` (and
`--dirty`) from a one-note edit until the changed page is served.

Usage (from the repository root):
    python bench/build_bench.py --n 1000 --runs 3 --serve
    python bench/build_bench.py --scaling            # N = 250, 500, 1000, 2000
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import NOTES_PER_TOPIC, note_path, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Not copied: build output, caches (the cold build must start without them), and node_modules
# (symlinked instead: large, and only read). .git is copied: page dates come from its history.
SKIP = {"node_modules", ".pytest_cache", ".benchmarks", "__pycache__", ".cache"}
SKIP_PATHS = {ROOT / "site", ROOT / "bench" / "out"}
STOCK_CONFIG = """\
site_name: 벤치마크
theme:
  name: material
  language: ko
plugins:
  - search
"""
TARGETS = {
    "project / material": 0.6,
    "project / zensical": 0.8,
    "t(2000) / t(1000)": 2.2,
    "serve rebuild / full build": 0.3,
    "peak memory project / material (N=2000)": 1.5,
}


@dataclass
class Variant:
    name: str
    cwd: Path
    command: list[str]
    cold: float | None = None
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak_cold_kb: int = 0
    peak_kb: int = 0  # over the measured runs (the cold build may load models or fill caches)
    error: str | None = None

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times else None

    @property
    def cpu_median(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None


def env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


def copy_project(target: Path) -> None:
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n in SKIP or Path(folder, n) in SKIP_PATHS]

    shutil.copytree(ROOT, target, ignore=ignore)
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)


def nav_yaml(paths: list[str]) -> list[str]:
    """The corpus as one nav section with a sub-section per topic folder (like the real nav)."""
    lines = ["  - 벤치마크:", "      - bench/index.md"]
    for start in range(0, len(paths), NOTES_PER_TOPIC):
        chunk = paths[start : start + NOTES_PER_TOPIC]
        lines.append(f"      - 주제 {start // NOTES_PER_TOPIC:02d}:")
        lines += [f"          - bench/{path}" for path in chunk]
    return lines


def add_to_nav(config: Path, paths: list[str]) -> None:
    """Insert the corpus at the end of the top-level `nav:` block, leaving the rest untouched."""
    lines = config.read_text(encoding="utf-8").splitlines()
    start = lines.index("nav:")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "-"))):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    lines[end:end] = nav_yaml(paths)
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")


def zensical_problem() -> str | None:
    """None if `zensical` imports and runs here, else why not (one line)."""
    probe = subprocess.run(
        [sys.executable, "-c", "import zensical.main"], capture_output=True, text=True, env=env()
    )
    if probe.returncode:
        return (probe.stderr.strip().splitlines() or ["import failed"])[-1]
    return None


def prepare(work: Path, n: int, with_zensical: bool) -> tuple[list[Variant], list[str]]:
    project = work / "project"
    copy_project(project)
    paths = write_corpus(project / "docs" / "bench", n)
    add_to_nav(project / "mkdocs.yml", paths)
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "-q"]
    variants = [
        Variant("project", project, mkdocs + ["--strict", "-d", str(work / "out-project")]),
    ]
    stock_dirs = {"material": work / "material"}
    if with_zensical:
        stock_dirs["zensical"] = work / "zensical"
    for name, folder in stock_dirs.items():
        write_corpus(folder / "docs", n)
        (folder / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    variants.append(Variant("material", stock_dirs["material"], mkdocs + ["-d", str(work / "out-material")]))
    if with_zensical:
        # Zensical writes to the config's site_dir (./site) and keeps its cache in ./.cache.
        command = [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"]
        variants.append(Variant("zensical", stock_dirs["zensical"], command))
    return variants, paths


def timed_build(variant: Variant) -> tuple[float, float, int]:
    """Run one build; return (wall seconds, CPU seconds, peak RSS in KiB) of that process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        variant.command, cwd=variant.cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
        raise RuntimeError(f"{variant.name} build failed ({process.returncode}): " + " | ".join(tail))
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(variants: list[Variant], runs: int, log) -> None:
    """One cold build per variant, then `runs` rounds, alternating variants in each round."""
    for round_ in range(runs + 1):
        for variant in variants:
            if variant.error:
                continue
            try:
                seconds, cpu, peak = timed_build(variant)
            except RuntimeError as error:
                variant.error = str(error)
                log(f"  {error}")
                continue
            if round_ == 0:
                variant.cold = seconds
                variant.peak_cold_kb = peak
            else:
                variant.times.append(seconds)
                variant.cpu.append(cpu)
                variant.peak_kb = max(variant.peak_kb, peak)
            label = "cold" if round_ == 0 else f"run {round_}"
            log(f"  {variant.name:9} {label:5}: {seconds:6.2f} s wall, {cpu:6.2f} s CPU, {peak / 1024:5.0f} MiB")


def ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}" if value and base else "–"


def build_table(n: int, variants: list[Variant]) -> str:
    by_name = {v.name: v for v in variants}
    stock = by_name["material"]
    rows = [
        f"N = {n} notes; median of {len(stock.times)} builds after one cold build.",
        "",
        "| variant | cold (s) | median (s) | × material | × zensical | CPU median (s) | CPU × material "
        "| peak MiB (cold) | peak MiB (runs) | memory × material (cold; runs) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    zensical = by_name.get("zensical")
    for v in variants:
        if v.error:
            rows.append(f"| {v.name} | failed: {v.error[:120]} | | | | | | | | |")
            continue
        rows.append(
            f"| {v.name} | {v.cold:.2f} | {v.median:.2f} | {ratio(v.median, stock.median)} | "
            f"{ratio(v.median, zensical.median) if zensical and not zensical.error else '–'} | "
            f"{v.cpu_median:.2f} | {ratio(v.cpu_median, stock.cpu_median)} | "
            f"{v.peak_cold_kb / 1024:.0f} | {v.peak_kb / 1024:.0f} | "
            f"{ratio(v.peak_cold_kb, stock.peak_cold_kb)}; {ratio(v.peak_kb, stock.peak_kb)} |"
        )
    return "\n".join(rows)


# --- mkdocs serve -----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition, timeout: float, interval: float = 0.05) -> float | None:
    """Poll until condition() is true; return the seconds it took, or None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def serve_rebuild(project: Path, note: str, dirty: bool, edits: int, timeout: float, log) -> list[float]:
    """Start `mkdocs serve`, edit one note `edits` times, time each edit until it is served."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    if dirty:
        # A dirty build warns that navigation may be inaccurate; under the project's
        # `strict: true` that warning aborts the build, so --dirty needs --no-strict.
        command += ["--dirty", "--no-strict"]
    server = subprocess.Popen(
        command, cwd=project, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    source = project / "docs" / "bench" / note
    # `mkdocs serve` serves the site under the path of site_url.
    match = re.search(r"^site_url:\s*(\S+)", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    prefix = urllib.parse.urlsplit(match.group(1)).path.rstrip("/") if match else ""
    url = f"http://127.0.0.1:{port}{prefix}/bench/{note.removesuffix('.md')}/"
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        def served(text=None) -> bool:
            if server.poll() is not None:
                raise RuntimeError(f"mkdocs serve exited with {server.returncode}")
            page = fetch(url)
            return page is not None and (text is None or text in page)

        if wait_for(served, timeout, 0.2) is None:
            raise RuntimeError("mkdocs serve did not serve the note in time")
        time.sleep(1.0)  # let the watcher settle after the first build
        for edit in range(edits):
            marker = f"벤치마크수정표시{edit}x{time.time_ns()}"
            source.write_text(original + f"\n{marker}\n", encoding="utf-8")
            took = wait_for(lambda: served(marker), timeout)
            if took is None:
                raise RuntimeError("the edited note was not served in time")
            times.append(took)
            log(f"  serve{' --dirty' if dirty else ''} edit {edit + 1}: {took:.2f} s")
            time.sleep(0.5)
    finally:
        source.write_text(original, encoding="utf-8")
        if server.poll() is None:
            os.killpg(server.pid, 15)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, 9)
                server.wait()
    return times


def serve_table(full_build: float, results: dict[str, list[float]]) -> str:
    rows = [
        f"One corpus note edited; time until `mkdocs serve` serves the new text (median of "
        f"{max(len(t) for t in results.values())} edits), against the project's full build "
        f"median {full_build:.2f} s.",
        "",
        "| command | rebuild (s) | × full build |",
        "| --- | ---: | ---: |",
    ]
    for name, times in results.items():
        median = statistics.median(times) if times else None
        rows.append(f"| `{name}` | {median:.2f} | {ratio(median, full_build)} |" if median else f"| `{name}` | failed | – |")
    return "\n".join(rows)


# --- main -------------------------------------------------------------------------------------

def run_once(n: int, runs: int, with_zensical: bool, serve: bool, edits: int, keep: bool, log):
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    try:
        log(f"N = {n}: preparing {work}")
        variants, paths = prepare(work, n, with_zensical)
        measure(variants, runs, log)
        result = {"n": n, "variants": variants, "serve": None}
        project = variants[0]
        if serve and project.median:
            note = paths[min(1, len(paths) - 1)]
            result["serve"] = {
                "mkdocs serve": serve_rebuild(project.cwd, note, False, edits, 600, log),
                "mkdocs serve --dirty": serve_rebuild(project.cwd, note, True, edits, 600, log),
            }
        return result
    finally:
        if keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description="MkDocs build benchmark (see bench/README.md).")
    parser.add_argument("--n", type=int, default=1000, help="corpus notes (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per variant after the cold one")
    parser.add_argument("--scaling", action="store_true", help="N = 250, 500, 1000, 2000")
    parser.add_argument("--serve", action="store_true", help="also time mkdocs serve rebuilds")
    parser.add_argument("--edits", type=int, default=3, help="edits per serve measurement")
    parser.add_argument("--no-zensical", action="store_true", help="skip Zensical even if installed")
    parser.add_argument("--keep", action="store_true", help="keep the temporary project copies")
    args = parser.parse_args()

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    with_zensical = False
    if not args.no_zensical:
        problem = zensical_problem()
        with_zensical = problem is None
        if problem:
            log(f"zensical skipped: {problem}")

    sizes = [250, 500, 1000, 2000] if args.scaling else [args.n]
    results = [run_once(n, args.runs, with_zensical, args.serve, args.edits, args.keep, log) for n in sizes]

    print()
    for result in results:
        print(build_table(result["n"], result["variants"]))
        print()
        if result["serve"]:
            print(serve_table(result["variants"][0].median, result["serve"]))
            print()
    if args.scaling:
        print(scaling_table(results))
        print()
    print("Targets: " + "; ".join(f"{k} ≤ {v}" for k, v in TARGETS.items()))


def scaling_table(results) -> str:
    names = [v.name for v in results[0]["variants"]]
    rows = [
        "| N | " + " | ".join(f"{name} (s)" for name in names) + " | project / material |",
        "| ---: | " + " | ".join("---:" for _ in names) + " | ---: |",
    ]
    medians = {}
    for result in results:
        by_name = {v.name: v for v in result["variants"]}
        medians[result["n"]] = {name: by_name[name].median for name in names}
        cells = " | ".join(f"{m:.2f}" if (m := medians[result['n']][name]) else "–" for name in names)
        rows.append(f"| {result['n']} | {cells} | {ratio(medians[result['n']]['project'], medians[result['n']]['material'])} |")
    if 1000 in medians and 2000 in medians:
        growth = " | ".join(ratio(medians[2000][name], medians[1000][name]) for name in names)
        rows.append(f"| t(2000) / t(1000) | {growth} | |")
    return "\n".join(rows)


if __name__ == "__main__":
    main()
