// Filter the status-code overview by class and by text (code, reason phrase, Korean title).
//
// The overview is one table per class, each under a heading whose id is the class ("4xx").
// The form in the page is `hidden` until this script runs, so without JavaScript the reader
// sees the full tables and no control that does nothing. The result count is announced
// through a status region (aria-live). Nothing here is sent anywhere: filtering happens in
// the page only.
(() => {
  "use strict";

  const form = document.getElementById("status-filter");
  if (!form) return;
  const select = document.getElementById("status-filter-class");
  const input = document.getElementById("status-filter-text");
  const count = document.getElementById("status-filter-count");

  // Lower case, and without spaces, so "찾을수" finds "찾을 수" and "notfound" finds "Not Found".
  const normalise = (text) => text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");

  // The elements from one class heading up to the next heading: Material wraps each table in
  // containers after this script runs, so they are looked up again on every change.
  function section(heading) {
    const parts = [];
    for (let next = heading.nextElementSibling; next && !/^H[12]$/.test(next.tagName); next = next.nextElementSibling) {
      parts.push(next);
    }
    return parts;
  }

  function apply() {
    const klass = select.value;
    const query = normalise(input.value);
    let shown = 0;
    for (const heading of form.parentElement.querySelectorAll("h2[id$='xx']")) {
      const inClass = !klass || heading.id.startsWith(klass);
      let rowsShown = 0;
      const parts = section(heading);
      for (const part of parts) {
        for (const row of part.querySelectorAll("tbody tr")) {
          const cells = [...row.cells].slice(0, 3).map((cell) => cell.textContent).join(" ");
          const match = inClass && (!query || normalise(cells).includes(query));
          row.hidden = !match;
          if (match) rowsShown++;
        }
      }
      heading.hidden = rowsShown === 0;
      for (const part of parts) part.hidden = rowsShown === 0;
      shown += rowsShown;
    }
    count.textContent = shown ? `상태 코드 ${shown}개를 보여 줍니다.` : "조건에 맞는 상태 코드가 없습니다.";
  }

  form.addEventListener("submit", (event) => event.preventDefault());
  select.addEventListener("change", apply);
  input.addEventListener("input", apply);
  form.hidden = false;
})();
