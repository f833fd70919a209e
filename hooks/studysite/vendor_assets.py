"""Front-end libraries served from the site itself instead of a CDN (behind `hooks/vendor_assets.py`).

The files come from `node_modules/`, installed by `npm ci` from the pinned, integrity-checked
`package-lock.json`. Nothing is copied into the repository.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

# Site folder -> (package folder inside node_modules, files in it as glob patterns).
# Mermaid's ES module build: a small entry module that imports only the chunks a page's
# diagram types need (see overrides/assets/javascripts/mermaid-lazy.js).
VENDORED = {
    "assets/javascripts/mermaid": ("mermaid/dist", ("mermaid.esm.min.mjs", "chunks/mermaid.esm.min/*.mjs")),
}


def vendored_sources(node_modules: Path) -> dict[str, Path]:
    """Map each vendored site path to its installed file; fail clearly if one is missing."""
    sources: dict[str, Path] = {}
    missing: list[str] = []
    for site_dir, (package_dir, patterns) in VENDORED.items():
        base = node_modules / package_dir
        for pattern in patterns:
            found = sorted(base.glob(pattern))
            if not found:
                missing.append(str((base / pattern).relative_to(node_modules.parent)))
            for path in found:
                sources[f"{site_dir}/{path.relative_to(base).as_posix()}"] = path
    if missing:
        raise PluginError(f"missing front-end files: {', '.join(missing)}; run `npm ci` first")
    return sources


def add_vendored(files: Files, config: MkDocsConfig, node_modules: Path) -> Files:
    """Each vendored file, served at its site path from `node_modules/`."""
    for site_path, source in vendored_sources(node_modules).items():
        files.append(File.generated(config, site_path, abs_src_path=str(source)))
    return files
