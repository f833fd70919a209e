"""Heading permalinks are named for screen readers, not given tooltips (behind `hooks/permalinks.py`).

The `toc` extension writes each heading's `¶` link with `title="이 부분의 링크"`
(`permalink_title` in mkdocs.yml). With `content.tooltips`, Material turns every `title` in
the content into a tooltip it sets up while the page loads: a long note has a dozen or more
headings, and setting those up was a visible part of its blocking time (bench/README.md). A
permalink needs a name, not a tooltip, so the title becomes an `aria-label` with the same words.
"""

from __future__ import annotations

import html
import re

from mkdocs.config.defaults import MkDocsConfig


def permalink_title(config: MkDocsConfig) -> str:
    """The `permalink_title` the toc extension is configured with ("" when there is none)."""
    return str((config.mdx_configs.get("toc") or {}).get("permalink_title") or "")


def label_permalinks(content: str, title: str) -> str:
    """Replace `title` by `aria-label` on the toc extension's headerlinks in `content`."""
    if not title:
        return content
    escaped = html.escape(title)
    pattern = re.compile(rf'(<a class="headerlink" href="[^"]*") title="{re.escape(escaped)}">')
    return pattern.sub(lambda link: f'{link.group(1)} aria-label="{escaped}">', content)
