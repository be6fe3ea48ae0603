/* Filters and sorting for tables marked data-lc-filterable. Without JavaScript the table is
   simply complete; this only hides rows. Labels come from the table's data attributes, so the
   script has no words of its own in any language. */
(function () {
  "use strict";

  function text(cell) { return (cell.textContent || "").trim(); }

  function values(cell, multi) {
    var t = text(cell);
    if (!t) return [];
    return multi ? t.split(/\s*,\s*/) : [t];
  }

  function setup(table) {
    if (table.dataset.lcReady) return;
    table.dataset.lcReady = "1";
    var labels = JSON.parse(table.dataset.lcLabels || "{}");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var filters = [];
    var form = document.createElement("form");
    form.className = "lc-filters";
    form.setAttribute("role", "search");
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    var search = document.createElement("input");
    search.type = "search";
    search.setAttribute("aria-label", labels.search || "Filter");
    search.placeholder = labels.search || "";
    var searchLabel = document.createElement("label");
    searchLabel.appendChild(document.createTextNode(labels.search || ""));
    searchLabel.appendChild(search);
    form.appendChild(searchLabel);

    headers.forEach(function (th, index) {
      var kind = th.dataset.lcFilter;
      if (!kind) return;
      var multi = kind === "multi";
      var options = {};
      rows.forEach(function (row) {
        values(row.cells[index], multi).forEach(function (v) { options[v] = true; });
      });
      var select = document.createElement("select");
      var all = document.createElement("option");
      all.value = "";
      all.textContent = labels.all || "—";
      select.appendChild(all);
      Object.keys(options).sort(function (a, b) { return a.localeCompare(b, document.documentElement.lang); })
        .forEach(function (v) {
          var option = document.createElement("option");
          option.value = v;
          option.textContent = v;
          select.appendChild(option);
        });
      var label = document.createElement("label");
      label.appendChild(document.createTextNode(text(th)));
      label.appendChild(select);
      form.appendChild(label);
      filters.push({ index: index, multi: multi, select: select });
    });

    var status = document.createElement("p");
    status.className = "lc-filter-status";
    status.setAttribute("aria-live", "polite");

    function apply() {
      var query = search.value.trim().toLocaleLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var ok = !query || text(row).toLocaleLowerCase().indexOf(query) !== -1;
        filters.forEach(function (f) {
          if (ok && f.select.value) ok = values(row.cells[f.index], f.multi).indexOf(f.select.value) !== -1;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      status.textContent = (labels.shown || "{n} / {total}")
        .replace("{n}", String(shown)).replace("{total}", String(rows.length));
    }

    form.addEventListener("input", apply);
    form.addEventListener("change", apply);

    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "lc-sort";
      button.textContent = text(th);
      th.textContent = "";
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var result = text(a.cells[index]).localeCompare(text(b.cells[index]), document.documentElement.lang, { numeric: true });
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
      });
    });

    var wrap = table.closest(".lc-table-wrap") || table;
    wrap.parentNode.insertBefore(form, wrap);
    wrap.parentNode.insertBefore(status, wrap);
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-lc-filterable]"), setup);
  }
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);  // Material's page-change stream
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
