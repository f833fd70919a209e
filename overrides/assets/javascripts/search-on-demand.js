// Download the search index when the reader turns to search, not with every page.
//
// Material requests search/search_index.json as soon as a page loads. Here it is the
// heaviest file a note page would transfer (the Korean forms make it larger), and most
// visits never search. This script runs before Material's bundle and holds back that one
// request until the search field first gets focus (a click, the / or s shortcut, or Tab),
// or at once when the page was opened with a query (?q=...). Until then Material's search
// shows its own "preparing" message, as it does on a slow network. Every other request
// passes straight through.
(() => {
  "use strict";

  const INDEX = /\/search\/search_index\.json$/;
  const FIELD = "[data-md-component=search-query]";

  let start;
  const wanted = new Promise((resolve) => {
    start = resolve;
  });

  // Material 9 requests the index with XMLHttpRequest: a request opened for the index is
  // sent once the reader wants it. (tests/test_accessibility.py fails if a Material update
  // fetches it some other way.)
  const held = new WeakSet();
  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (INDEX.test(new URL(String(url), location.href).pathname)) held.add(this);
    else held.delete(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (body) {
    if (!held.has(this)) return send.call(this, body);
    wanted.then(() => send.call(this, body));
  };

  document.addEventListener("focusin", (event) => {
    if (event.target instanceof Element && event.target.matches(FIELD)) start();
  });
  // A press on the search button starts the download a moment before the field has focus.
  document.addEventListener(
    "pointerdown",
    (event) => {
      if (event.target instanceof Element && event.target.closest("label[for=__search], .md-search")) start();
    },
    { capture: true },
  );
  if (new URLSearchParams(location.search).has("q")) start();
})();
