"""Build benchmark: the project's full configuration against stock Material and Zensical.

Variants, built over the same synthetic corpus (bench/corpus.py), each build in its own
subprocess:

- project: a copy of this repository (its mkdocs.yml with every hook, plugin and theme feature)
  with the corpus added under docs/bench/; `mkdocs build --strict`.
- material: stock Material's defaults (theme material, language ko, search plugin, no hooks,
  no custom_dir) over the corpus alone; `mkdocs build`.
- zensical: the same stock configuration built by Zensical (`zensical build`, which reads
  mkdocs.yml), when it is installed (bench/requirements.txt).

Navigation styles (--nav):

- explicit: the corpus is listed in `nav` as one "벤치마크" section with a sub-section per 50
  notes (the project's copy keeps its own nav and gains that section; the stock configurations
  get the same section as their whole nav).
- generated: no `nav` at all (the project's copy loses its `nav:` key), so MkDocs and Zensical
  generate the navigation from the folders.

Each case (variant x navigation style) has its own folder. A round builds each case in turn
cold (its build output and caches removed: `.cache/`, `site/` and anything else a build left in
the folder) and then warm (the same folder built again, nothing changed, caches present). Times,
CPU time (user + sys) and peak memory (ru_maxrss) are the child's own rusage from os.wait4; the
tables show the median over --runs rounds, with ratios against stock Material and Zensical of the
same navigation style and the same kind of build (cold against cold, warm against warm).
--serve times `mkdocs serve` (and `--dirty`) from a one-note edit until the changed page is served.

Usage (from the repository root):
    python bench/build_bench.py --n 1000 --runs 3 --serve
    python bench/build_bench.py --n 50 --runs 1 --nav both     # a quick check that it all works
    python bench/build_bench.py --scaling --runs 1             # N = 250, 500, 1000, 2000, 5000
    python bench/build_bench.py --scaling --sizes 1000,5000 --variants project,zensical
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
VARIANTS = ("project", "material", "zensical")
NAV_STYLES = ("explicit", "generated")
KINDS = ("cold", "warm")
SCALING_SIZES = (250, 500, 1000, 2000, 5000)
# Issue 18's targets, at N = 1000 for either navigation style: (kind, metric, against, at most).
TARGETS = [
    ("cold", "wall", "material", 0.6),
    ("cold", "wall", "zensical", 0.8),
    ("warm", "wall", "material", 0.4),
    ("warm", "wall", "zensical", 1.0),
    ("cold", "peak_kb", "material", 2.0),
]
GROWTH_ROWS = ((5000, 1000), (2000, 1000))  # t(N) / t(1000), printed under the scaling tables
GROWTH_TARGET = 5.5  # issue 18: t(5000) / t(1000) of the project, cold and warm


# --- configurations (pure) --------------------------------------------------------------------

def nav_yaml(paths: list[str], prefix: str = "bench/") -> list[str]:
    """The corpus as one nav section with a sub-section per topic folder (like the real nav)."""
    lines = ["  - 벤치마크:", f"      - {prefix}index.md"]
    for start in range(0, len(paths), NOTES_PER_TOPIC):
        chunk = paths[start : start + NOTES_PER_TOPIC]
        lines.append(f"      - 주제 {start // NOTES_PER_TOPIC:02d}:")
        lines += [f"          - {prefix}{path}" for path in chunk]
    return lines


def nav_block(lines: list[str]) -> tuple[int, int] | None:
    """(first, end) line indexes of the top-level `nav:` block, trailing blank lines excluded."""
    if "nav:" not in lines:
        return None
    start = lines.index("nav:")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "-"))):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    return start, end


def with_corpus_nav(config: str, paths: list[str]) -> str:
    """The config text with the corpus section appended to its top-level `nav:` block."""
    lines = config.splitlines()
    block = nav_block(lines)
    if block is None:
        raise ValueError("the configuration has no top-level `nav:` block")
    lines[block[1] : block[1]] = nav_yaml(paths)
    return "\n".join(lines) + "\n"


def without_nav(config: str) -> str:
    """The config text without its top-level `nav:` block (MkDocs then generates the nav)."""
    lines = config.splitlines()
    block = nav_block(lines)
    if block is None:
        return config
    start, end = block
    while end < len(lines) and not lines[end].strip():
        end += 1  # the blank lines that separated the block from the next key
    del lines[start:end]
    return "\n".join(lines) + "\n"


def stock_config(paths: list[str] | None) -> str:
    """Stock Material's configuration; with `paths`, an explicit nav of the corpus at docs/."""
    if paths is None:
        return STOCK_CONFIG
    return STOCK_CONFIG + "nav:\n" + "\n".join(nav_yaml(paths, prefix="")) + "\n"


def prepare_project(project: Path, n: int, nav: str) -> list[str]:
    """Copy the repository to `project` with N corpus notes under docs/bench/ in the nav style."""
    copy_project(project)
    paths = write_corpus(project / "docs" / "bench", n)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = with_corpus_nav(text, paths) if nav == "explicit" else without_nav(text)
    config.write_text(text, encoding="utf-8")
    return paths


# --- measuring --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + sys seconds
    peak_kb: int  # ru_maxrss, KiB


@dataclass
class Case:
    """One variant in one navigation style: its folder, its command and what it measured."""

    variant: str
    nav: str
    cwd: Path
    command: list[str]
    strict: bool | None = None  # the project's strict mode; None for the stock configurations
    samples: dict[str, list[Sample]] = field(default_factory=lambda: {kind: [] for kind in KINDS})
    error: str | None = None
    prepared: frozenset[str] = frozenset()  # the folder's entries before any build

    @property
    def label(self) -> str:
        return f"{self.variant} (strict off)" if self.strict is False else self.variant

    def median(self, kind: str, metric: str) -> float | None:
        values = [getattr(sample, metric) for sample in self.samples[kind]]
        return statistics.median(values) if values else None


def env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


def copy_project(target: Path) -> None:
    def ignore(folder: str, names: list[str]) -> list[str]:
        return [n for n in names if n in SKIP or Path(folder, n) in SKIP_PATHS]

    shutil.copytree(ROOT, target, ignore=ignore)
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)


def zensical_problem() -> str | None:
    """None if `zensical` imports and runs here, else why not (one line)."""
    probe = subprocess.run(
        [sys.executable, "-c", "import zensical.main"], capture_output=True, text=True, env=env()
    )
    if probe.returncode:
        return (probe.stderr.strip().splitlines() or ["import failed"])[-1]
    return None


def mkdocs_command(strict: bool | None) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    if strict is not None:
        command.append("--strict" if strict else "--no-strict")
    return command


def prepare(work: Path, n: int, variants: list[str], navs: list[str]) -> list[Case]:
    """A folder per case under `work`; every build writes into its own folder's site/."""
    cases = []
    for nav in navs:
        for variant in variants:
            folder = work / f"{variant}-{nav}"
            if variant == "project":
                prepare_project(folder, n, nav)
                case = Case(variant, nav, folder, mkdocs_command(True), strict=True)
            else:
                paths = write_corpus(folder / "docs", n)
                config = stock_config(paths if nav == "explicit" else None)
                (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
                if variant == "material":
                    case = Case(variant, nav, folder, mkdocs_command(None))
                else:
                    # Zensical writes to the config's site_dir (./site) and keeps its cache in ./.cache.
                    case = Case(variant, nav, folder, [sys.executable, "-m", "zensical", "build", "-f", "mkdocs.yml"])
            case.prepared = frozenset(entry.name for entry in folder.iterdir())
            assert not case.prepared & {".cache", "site"}, f"{folder} has build output before any build"
            cases.append(case)
    return cases


def make_cold(case: Case) -> list[str]:
    """Remove everything a build added to the case's folder (site/, .cache/, ...); return the names."""
    removed = []
    for entry in sorted(case.cwd.iterdir()):
        if entry.name in case.prepared:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
        removed.append(entry.name)
    return removed


class BuildFailed(RuntimeError):
    def __init__(self, case: Case, code: int, stderr: str):
        self.stderr = stderr
        tail = stderr.strip().splitlines()[-5:]
        super().__init__(f"{case.variant}-{case.nav} build failed ({code}): " + " | ".join(tail))


def timed_build(case: Case) -> Sample:
    """Run one build; return its wall time, CPU time and peak RSS (of that process and its children)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        case.command, cwd=case.cwd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise BuildFailed(case, process.returncode, stderr.decode("utf-8", "replace"))
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def strict_warnings(stderr: str) -> list[str]:
    """The WARNING lines of a failed strict build (what made it abort)."""
    return [line.strip() for line in stderr.splitlines() if line.lstrip().startswith("WARNING")]


def build(case: Case, kind: str, strict_fallback: bool, log) -> None:
    if kind == "cold":
        make_cold(case)
    try:
        sample = timed_build(case)
    except BuildFailed as error:
        warnings = strict_warnings(error.stderr)
        if not (strict_fallback and case.strict and kind == "cold" and warnings):
            case.error = str(error)
            log(f"  {error}")
            return
        # The generated navigation may warn where the explicit one does not; the issue's own
        # numbers were taken with strict off, so the case continues without strict.
        log(f"  {case.variant}-{case.nav}: --strict aborted on {len(warnings)} warning(s), e.g. {warnings[0]}")
        log(f"  {case.variant}-{case.nav}: building with --no-strict from now on")
        case.strict = False
        case.command = ["--no-strict" if part == "--strict" else part for part in case.command]
        build(case, kind, False, log)
        return
    case.samples[kind].append(sample)
    run = len(case.samples[kind])
    log(f"  {case.variant:8} {case.nav:9} {kind} {run}: {sample.wall:7.2f} s wall, {sample.cpu:7.2f} s CPU, "
        f"{sample.peak_kb / 1024:5.0f} MiB")


def measure(cases: list[Case], runs: int, log) -> None:
    """`runs` rounds; each builds every case in turn cold and then warm (the same folder again).

    A stock site renders the whole navigation into every page: at N = 5000 one site and
    Zensical's cache take several GB each. So the stock cases' output is removed after their
    warm build; the project's (small) stays for --serve.
    """
    for _ in range(runs):
        for case in cases:
            for kind in KINDS:
                if not case.error:
                    build(case, kind, case.variant == "project" and case.nav == "generated", log)
            if case.variant != "project":
                make_cold(case)


# --- tables (pure) ----------------------------------------------------------------------------

def ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}" if value and base else "–"


def seconds(value: float | None) -> str:
    return f"{value:.2f}" if value is not None else "–"


def mib(value_kb: float | None) -> str:
    return f"{value_kb / 1024:.0f}" if value_kb is not None else "–"


def find(cases: list[Case], variant: str, nav: str) -> Case | None:
    for case in cases:
        if case.variant == variant and case.nav == nav and not case.error:
            return case
    return None


def build_table(n: int, cases: list[Case], runs: int) -> str:
    """One row per navigation style x kind of build x variant, with ratios like against like."""
    rows = [
        f"N = {n} notes; median of {runs} cold and {runs} warm builds per row. Ratios compare the same "
        "navigation style and the same kind of build (cold with cold, warm with warm).",
        "",
        "| variant | nav | build | time (s) | × material | × zensical | CPU (s) | CPU × material "
        "| peak MiB | memory × material |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    navs = [nav for nav in NAV_STYLES if any(case.nav == nav for case in cases)]
    for nav in navs:
        material, zensical = find(cases, "material", nav), find(cases, "zensical", nav)
        for kind in KINDS:
            for case in (c for c in cases if c.nav == nav):
                if case.error:
                    if kind == KINDS[0]:
                        rows.append(f"| {case.label} | {nav} | | failed: {case.error[:160]} | | | | | | |")
                    continue

                def base(other: Case | None, metric: str) -> float | None:
                    return other.median(kind, metric) if other else None

                wall, cpu, peak = (case.median(kind, metric) for metric in ("wall", "cpu", "peak_kb"))
                rows.append(
                    f"| {case.label} | {nav} | {kind} | {seconds(wall)} | {ratio(wall, base(material, 'wall'))} | "
                    f"{ratio(wall, base(zensical, 'wall'))} | {seconds(cpu)} | {ratio(cpu, base(material, 'cpu'))} | "
                    f"{mib(peak)} | {ratio(peak, base(material, 'peak_kb'))} |"
                )
    return "\n".join(rows)


def growth(times: dict[int, float | None], n: int, base: int = 1000) -> float | None:
    """t(n) / t(base), or None when either is missing."""
    value, reference = times.get(n), times.get(base)
    return value / reference if value and reference else None


def scaling_table(results: list[dict], nav: str) -> str:
    """Median wall time per N for every variant (cold and warm) of one navigation style."""
    names = [case.variant for case in results[0]["cases"] if case.nav == nav]
    columns = [(name, kind) for name in names for kind in KINDS]
    rows = [
        f"Navigation `{nav}`: median wall time (s) per N.",
        "",
        "| N | " + " | ".join(f"{name} {kind}" for name, kind in columns) + " |",
        "| ---: | " + " | ".join("---:" for _ in columns) + " |",
    ]
    times: dict[tuple[str, str], dict[int, float | None]] = {column: {} for column in columns}
    for result in results:
        for name, kind in columns:
            case = find(result["cases"], name, nav)
            times[(name, kind)][result["n"]] = case.median(kind, "wall") if case else None
        cells = " | ".join(seconds(times[column][result["n"]]) for column in columns)
        rows.append(f"| {result['n']} | {cells} |")
    for n, base in GROWTH_ROWS:
        if any(growth(times[column], n, base) for column in columns):
            cells = " | ".join(
                f"{value:.2f}" if (value := growth(times[column], n, base)) else "–" for column in columns
            )
            rows.append(f"| t({n}) / t({base}) | {cells} |")
    return "\n".join(rows)


def target_table(results: list[dict]) -> str:
    """Issue 18's targets for the project, met or not, from whatever was measured ("" without it)."""
    by_n = {result["n"]: result["cases"] for result in results}
    n = 1000 if 1000 in by_n else max(by_n)
    if not any(case.variant == "project" for case in by_n[n]):
        return ""
    rows = [
        f"Targets (issue 18) for the project at N = {n}" + ("" if n == 1000 else " (the targets are set for N = 1000)")
        + ":",
        "",
        "| nav | target | value | met |",
        "| --- | --- | ---: | --- |",
    ]
    metric_names = {"wall": "time", "peak_kb": "peak memory"}
    for nav in NAV_STYLES:
        project = find(by_n[n], "project", nav)
        if not project:
            continue
        for kind, metric, against, limit in TARGETS:
            other = find(by_n[n], against, nav)
            value = project.median(kind, metric)
            base = other.median(kind, metric) if other else None
            text = f"{kind} {metric_names[metric]} ≤ {limit} × {against} {kind}"
            if value and base:
                rows.append(f"| {nav} | {text} | {value / base:.2f} | {'yes' if value / base <= limit else 'no'} |")
            else:
                rows.append(f"| {nav} | {text} | – | not measured |")
        for kind in KINDS:
            times = {}
            for size, cases in by_n.items():
                case = find(cases, "project", nav)
                times[size] = case.median(kind, "wall") if case else None
            value = growth(times, 5000, 1000)
            if value is not None:
                met = "yes" if value <= GROWTH_TARGET else "no"
                rows.append(f"| {nav} | {kind} t(5000) / t(1000) ≤ {GROWTH_TARGET} | {value:.2f} | {met} |")
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
        f"{max(len(t) for t in results.values())} edits), against the project's warm full build "
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

def run_once(n: int, runs: int, variants: list[str], navs: list[str], serve: bool, edits: int, keep: bool, log):
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-"))
    try:
        log(f"N = {n}: preparing {work}")
        cases = prepare(work, n, variants, navs)
        measure(cases, runs, log)
        result = {"n": n, "cases": cases, "serve": None}
        project = next((case for case in cases if case.variant == "project" and not case.error), None)
        if serve and project and project.samples["warm"]:
            note = note_path(min(1, n - 1))
            result["serve_case"] = project
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


def choices(text: str, allowed: tuple[str, ...], what: str) -> list[str]:
    """A comma-separated list of names from `allowed`, in `allowed`'s order."""
    names = {name.strip() for name in text.split(",") if name.strip()}
    unknown = names - set(allowed)
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"{what}: choose from {', '.join(allowed)} (got {text!r})")
    return [name for name in allowed if name in names]


def sizes(text: str) -> list[int]:
    try:
        values = sorted({int(part) for part in text.split(",") if part.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"sizes: comma-separated note counts (got {text!r})") from None
    if not values or values[0] < 1:
        raise argparse.ArgumentTypeError(f"sizes: comma-separated note counts (got {text!r})")
    return values


def main() -> None:
    parser = argparse.ArgumentParser(description="MkDocs build benchmark (see bench/README.md).")
    parser.add_argument("--n", type=int, default=1000, help="corpus notes (default 1000)")
    parser.add_argument("--runs", type=int, default=3, help="cold and warm builds per case (default 3)")
    parser.add_argument("--nav", choices=["explicit", "generated", "both"], default="both",
                        help="navigation style: the corpus listed in nav, or no nav (default both)")
    parser.add_argument("--variants", type=lambda text: choices(text, VARIANTS, "variants"),
                        default=list(VARIANTS), help="comma-separated, default project,material,zensical")
    parser.add_argument("--scaling", action="store_true", help="N = " + ", ".join(map(str, SCALING_SIZES)))
    parser.add_argument("--sizes", type=sizes, help="comma-separated N for the scaling series")
    parser.add_argument("--serve", action="store_true", help="also time mkdocs serve rebuilds")
    parser.add_argument("--edits", type=int, default=3, help="edits per serve measurement")
    parser.add_argument("--no-zensical", action="store_true", help="same as leaving zensical out of --variants")
    parser.add_argument("--keep", action="store_true", help="keep the temporary project copies")
    args = parser.parse_args()
    if args.runs < 1 or args.n < 1:
        parser.error("--runs and --n must be at least 1")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    variants = [v for v in args.variants if not (v == "zensical" and args.no_zensical)]
    if "zensical" in variants and (problem := zensical_problem()):
        log(f"zensical skipped: {problem} (pip install -r bench/requirements.txt)")
        variants.remove("zensical")
    navs = list(NAV_STYLES) if args.nav == "both" else [args.nav]

    series = args.sizes or (list(SCALING_SIZES) if args.scaling else [args.n])
    results = [run_once(n, args.runs, variants, navs, args.serve, args.edits, args.keep, log) for n in series]

    print()
    for result in results:
        print(build_table(result["n"], result["cases"], args.runs))
        print()
        if result["serve"]:
            case = result["serve_case"]
            print(f"`mkdocs serve` on the project with the `{case.nav}` navigation:")
            print()
            print(serve_table(case.median("warm", "wall"), result["serve"]))
            print()
    if len(results) > 1:
        for nav in navs:
            print(scaling_table(results, nav))
            print()
    if targets := target_table(results):
        print(targets)


if __name__ == "__main__":
    main()
