// Print folded blocks open: solutions, quizzes and questions are <details>, and a closed one
// prints only its summary. Before printing, every closed <details> is opened and remembered;
// after printing, exactly those are closed again, so the reader's page is as they left it.
// (site.css does the same with ::details-content where the browser supports it.)
(() => {
  "use strict";

  let opened = [];

  window.addEventListener("beforeprint", () => {
    // Added to, not replaced: a second beforeprint before afterprint must not lose the first.
    for (const details of document.querySelectorAll("details:not([open])")) {
      details.open = true;
      opened.push(details);
    }
  });

  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
})();
