// Group mode: keep one row per document (a passport scanned twice replaces its first row)
// and keep the counts in step with the lists.
(function () {
  "use strict";

  var scanned = 0;

  function count(selector) { return document.querySelectorAll(selector).length; }

  function setCount(name, value) {
    document.querySelectorAll('[data-count="' + name + '"]').forEach(function (el) {
      el.textContent = String(value);
    });
  }

  // Rows are added newest first: a later scan of the same document replaces the earlier
  // row, and a crossing shown twice (a replayed "record all") is shown once.
  function dedupe() {
    [["#group-clean [data-doc], #group-exceptions [data-doc]", "data-doc"],
     ["[data-crossing]", "data-crossing"]].forEach(function (pair) {
      var seen = {};
      document.querySelectorAll(pair[0]).forEach(function (row) {
        var key = row.getAttribute(pair[1]);
        if (seen[key]) { row.remove(); } else { seen[key] = true; }
      });
    });
  }

  function refresh() {
    dedupe();
    setCount("clean", count('#group-clean [data-member="clean"]'));
    setCount("exceptions", count('#group-exceptions [data-member="exception"]'));
    setCount("recorded", count('[data-member="recorded"]'));
    setCount("scanned", scanned);
    var note = document.querySelector("[data-empty-note]");
    if (note) { note.hidden = count("#group-exceptions li") > 0; }
    var record = document.querySelector("[data-record-clean]");
    if (record) { record.disabled = count('#group-clean input[name="mrz"]') === 0; }
  }

  document.body.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.elt && event.detail.elt.id === "last-scan" &&
        event.detail.elt.querySelector("[data-reset-scan]")) {
      scanned += 1;
    }
    refresh();
  });
  refresh();
})();
