// Keyboard and screen-reader fixes to markup that Material writes or creates at run time.
//
// Give every navigation landmark Material draws a distinct name (axe: landmark-unique), so a
// screen-reader user's list of landmarks tells them apart. Material leaves some unnamed:
// - each code block's copy-button bar is a <nav> made by Material's script at run time: it is
//   a toolbar, not navigation, so it stops being a landmark (role="none" is allowed on <nav>);
// - with navigation.indexes, a section's <nav> is labelled by an icon-only <label>: it takes
//   the section title it already shows instead;
// - the tag list, the blog post sidebar and the blog index's "continue reading" and author
//   bars have no name at all.
// Material adds code blocks after this script runs, and again on each instant navigation, so
// the names are set again in what is added to the page. Only the added elements are looked at:
// scanning the whole document on every change cost a long note hundreds of milliseconds on a
// slow phone, because Material and Mermaid change the page many times while it loads.
(() => {
  "use strict";

  const text = (element) => (element ? element.textContent.replace(/\s+/g, " ").trim() : "");

  // The elements matching `selector` in `root`'s subtree, `root` itself included.
  function within(root, selector) {
    const found = [...root.querySelectorAll(selector)];
    if (root.matches && root.matches(selector)) found.unshift(root);
    return found;
  }

  function nameLandmarks(root) {
    for (const nav of within(root, "nav.md-code__nav:not([role])")) {
      nav.setAttribute("role", "none");
    }
    for (const nav of within(root, "nav[aria-labelledby]")) {
      const label = document.getElementById(nav.getAttribute("aria-labelledby"));
      const title = text(nav.querySelector(":scope > .md-nav__title"));
      if (!text(label) && title) {
        nav.removeAttribute("aria-labelledby");
        nav.setAttribute("aria-label", title);
      }
    }
    for (const nav of within(root, "nav.md-tags:not([aria-label])")) {
      nav.setAttribute("aria-label", "태그");
    }
    for (const nav of within(root, ".md-post > nav.md-nav--primary:not([aria-label])")) {
      // Not "글 정보": that is the title of the metadata section inside this sidebar.
      nav.setAttribute("aria-label", "글 메뉴");
    }
    // Blog index: each excerpt's "계속 읽기" link and author list; the post title makes them unique.
    for (const post of within(root, "article.md-post--excerpt")) {
      const title = text(post.querySelector(".md-post__content h2, .md-post__content h1"));
      const read = post.querySelector("nav.md-post__action:not([aria-label])");
      if (read) read.setAttribute("aria-label", title ? `${title}: 계속 읽기` : "계속 읽기");
      const authors = post.querySelector("nav.md-post__authors:not([aria-label])");
      if (authors) authors.setAttribute("aria-label", title ? `${title}: 글쓴이` : "글쓴이");
    }
    // Blog post sidebar sections ("메타데이터", "참고 자료"): named by their visible heading.
    for (const nav of within(root, ".md-post__meta nav.md-nav:not([aria-label])")) {
      const title = text(nav.parentElement.querySelector(":scope > .md-post__title"));
      if (title) nav.setAttribute("aria-label", title);
    }
  }

  // Material's search results box is a tab stop (tabindex="0"), but Material closes the search
  // as soon as focus leaves the search field, so Tab from the field lands on a box that has
  // just collapsed to nothing: a tab stop without anything visible. Results stay reachable
  // with the arrow keys from the field, which is how Material's search is meant to be used.
  function skipCollapsedSearchResults(root) {
    for (const box of within(root, '.md-search__scrollwrap[tabindex="0"]')) {
      box.setAttribute("tabindex", "-1");
    }
  }

  function fix(root) {
    nameLandmarks(root);
    skipCollapsedSearchResults(root);
  }

  fix(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) fix(node);
      }
    }
  }).observe(document.body, {
    childList: true,
    subtree: true,
  });
})();
