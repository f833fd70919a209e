"""MkDocs hook: serve front-end libraries from the site itself instead of a CDN.

The files come from `node_modules/`, installed by `npm ci` from the pinned, integrity-checked
`package-lock.json`. Nothing is copied into the repository.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent

# Site path -> file inside node_modules.
VENDORED = {
    "assets/javascripts/mermaid.min.js": "mermaid/dist/mermaid.min.js",
}


def vendored_sources(node_modules: Path) -> dict[str, Path]:
    """Map each vendored site path to its installed file; fail clearly if one is missing."""
    sources = {site_path: node_modules / package_path for site_path, package_path in VENDORED.items()}
    missing = [str(path.relative_to(node_modules.parent)) for path in sources.values() if not path.is_file()]
    if missing:
        raise PluginError(f"missing front-end files: {', '.join(missing)}; run `npm ci` first")
    return sources


def on_config(config: MkDocsConfig) -> None:
    vendored_sources(ROOT / "node_modules")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for site_path, source in vendored_sources(ROOT / "node_modules").items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    return files
