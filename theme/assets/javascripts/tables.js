/* Filters and sorting for tables marked data-lc-filterable. The filter form is written into
   the page by the generator (so nothing moves when this script arrives) and is hidden by CSS
   where no script runs: without JavaScript the table is simply complete. This only hides and
   reorders rows; its words all come from the page, so it has none of its own in any language. */
(function () {
  "use strict";

  var lang = document.documentElement.lang;

  function text(cell) { return cell ? (cell.textContent || "").trim() : ""; }

  function values(cell, multi) {
    var t = text(cell);
    if (!t) return [];
    return multi ? t.split(/\s*,\s*/) : [t];
  }

  function byReaderOrder(a, b) { return a.localeCompare(b, lang, { numeric: true }); }

  /* The build sorts the choices by code point; a reader expects their own alphabet's order
     (Thai leading vowels sort by the consonant after them). */
  function sortChoices(select) {
    var options = Array.prototype.slice.call(select.options, 1);
    options.sort(function (a, b) { return byReaderOrder(a.textContent, b.textContent); })
      .forEach(function (option) { select.appendChild(option); });
  }

  function setup(form) {
    var table = document.getElementById(form.dataset.lcFiltersFor);
    if (!table || table.dataset.lcReady) return;
    table.dataset.lcReady = "1";
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var search = form.querySelector("input[type=search]");
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-lc-column]"));
    var status = form.nextElementSibling;
    if (!status || !status.classList.contains("lc-filter-status")) status = null;
    selects.forEach(sortChoices);
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    function apply() {
      var query = search ? search.value.trim().toLocaleLowerCase() : "";
      var shown = 0;
      rows.forEach(function (row) {
        var ok = !query || text(row).toLocaleLowerCase().indexOf(query) !== -1;
        selects.forEach(function (select) {
          if (!ok || !select.value) return;
          var cell = row.cells[Number(select.dataset.lcColumn)];
          ok = values(cell, select.hasAttribute("data-lc-multi")).indexOf(select.value) !== -1;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (status) {
        status.textContent = (status.dataset.lcShown || "{n} / {total}")
          .replace("{n}", String(shown)).replace("{total}", String(rows.length));
      }
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);

    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    /* Each header's label (a span of class lc-sort, laid out like the button: nothing moves
       if the reader sees the page before this runs) becomes a button, words and all. */
    headers.forEach(function (th, index) {
      var label = th.querySelector("span.lc-sort") || th;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "lc-sort";
      while (label.firstChild) button.appendChild(label.firstChild);
      if (label === th) th.appendChild(button); else label.replaceWith(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var result = byReaderOrder(text(a.cells[index]), text(b.cells[index]));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });
    apply();  // a reload keeps what the reader had typed or chosen
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-lc-filters-for]"), setup);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);  // Material's page-change stream
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
