/* Charts of the dashboard and of a crossing point's page, drawn with the vendored Chart.js
   from the JSON the page carries in <script type="application/json" id="chart-data">.
   No inline script, no eval: the page's CSP allows scripts from this site only. */
(function () {
  "use strict";
  var source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") { return; }
  var data = JSON.parse(source.textContent);
  var names = data.names;
  var rtl = document.documentElement.dir === "rtl";
  // CLDR writes Arabic with Arabic-Indic digits for Iraq, as the tables do.
  var locale = document.documentElement.lang === "ar" ? "ar-IQ" : (document.documentElement.lang || "en");
  var colours = { entries: "#123b5c", exits: "#5b8fb9", refusals: "#b3261e", expected: "#d08a00" };

  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.locale = locale;
  Chart.defaults.animation = false;  // figures appear at once; nothing moves on a busy post

  function base(extra) {
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      locale: locale,
      plugins: { legend: { rtl: rtl, position: "bottom" }, tooltip: { rtl: rtl } },
      scales: { x: { reverse: rtl }, y: { beginAtZero: true, position: rtl ? "right" : "left", ticks: { precision: 0 } } }
    };
    return Object.assign(options, extra || {});
  }

  function draw(id, config) {
    var canvas = document.getElementById(id);
    if (canvas) { new Chart(canvas, config); }
  }

  if (data.days) {
    var d = data.days;
    var options = base();
    options.scales.x.stacked = true;
    options.scales.y.stacked = true;  // the bars stack; the expected line has a stack of its own
    draw("chart-days", {
      data: {
        labels: d.labels,
        datasets: [
          { type: "line", label: names.expected, data: d.expected, borderColor: colours.expected,
            borderDash: [6, 4], pointRadius: 0, borderWidth: 2, order: 0, stack: "expected" },
          { type: "bar", label: names.entries, data: d.entries, backgroundColor: colours.entries, stack: "c", order: 1 },
          { type: "bar", label: names.exits, data: d.exits, backgroundColor: colours.exits, stack: "c", order: 1 },
          { type: "bar", label: names.refusals, data: d.refusals, backgroundColor: colours.refusals, stack: "c", order: 1 }
        ]
      },
      options: options
    });
  }

  if (data.points) {
    draw("chart-points", {
      type: "bar",
      data: {
        labels: data.points.labels,
        datasets: [
          { label: names.yesterday, data: data.points.yesterday, backgroundColor: colours.entries },
          { label: names.expected, data: data.points.expected, backgroundColor: colours.expected }
        ]
      },
      options: base()
    });
  }

  if (data.reasons && data.reasons.length) {
    var reasonOptions = base({ indexAxis: "y" });
    reasonOptions.plugins.legend.display = false;
    reasonOptions.scales = { x: { beginAtZero: true, reverse: rtl, ticks: { precision: 0 } }, y: { position: rtl ? "right" : "left" } };
    draw("chart-reasons", {
      type: "bar",
      data: {
        labels: data.reasons.map(function (r) { return r.code; }),
        datasets: [{ label: names.refusals, data: data.reasons.map(function (r) { return r.count; }),
          backgroundColor: colours.refusals }]
      },
      options: reasonOptions
    });
  }

  if (data.nationalities && data.nationalities.length) {
    var natOptions = base({ indexAxis: "y" });
    natOptions.scales = { x: { stacked: true, beginAtZero: true, reverse: rtl, ticks: { precision: 0 } },
      y: { stacked: true, position: rtl ? "right" : "left" } };
    var rows = data.nationalities;
    draw("chart-nationalities", {
      type: "bar",
      data: {
        labels: rows.map(function (n) { return n.name; }),
        datasets: [
          { label: names.entries, data: rows.map(function (n) { return n.entries; }), backgroundColor: colours.entries },
          { label: names.exits, data: rows.map(function (n) { return n.exits; }), backgroundColor: colours.exits },
          { label: names.refusals, data: rows.map(function (n) { return n.refusals; }), backgroundColor: colours.refusals }
        ]
      },
      options: natOptions
    });
  }
})();
