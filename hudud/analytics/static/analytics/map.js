/* The map of Iraq with every crossing point and its traffic, drawn with the vendored Leaflet
   from bundled GeoJSON (no tile server: posts have no internet). Marker area grows with the
   day's crossings; colour says how the day compares with its expected level. Popups are
   built as DOM nodes (never HTML strings) and name each point in both scripts. */
(function () {
  "use strict";
  var element = document.getElementById("bcp-map");
  if (!element || typeof L === "undefined") { return; }
  var data = JSON.parse(document.getElementById(element.dataset.source).textContent);
  var names = data.names;
  var arabic = document.documentElement.lang === "ar" || document.documentElement.dir === "rtl";
  // CLDR writes Arabic with Arabic-Indic digits for Iraq, as the tables do.
  var locale = document.documentElement.lang === "ar" ? "ar-IQ" : (document.documentElement.lang || "en");
  var number = new Intl.NumberFormat(locale);

  // No fading: a popup is readable the moment it opens.
  var map = L.map(element, { zoomSnap: 0.25, minZoom: 4.5, maxZoom: 10, fadeAnimation: false });
  map.attributionControl.setPrefix("Leaflet · Natural Earth");
  map.fitBounds([[29.0, 38.7], [37.4, 48.7]]);

  function colour(point) {
    if (!point.total) { return "#ffffff"; }
    // Traffic where none was expected is as unusual as a surge.
    if (point.deviation === null || point.deviation > 0.5) { return "#b3261e"; }
    if (point.deviation < -0.5) { return "#d08a00"; }
    return "#1d7a36";
  }

  function radius(total) {
    // Area in proportion to the count: a crossing point with four times the traffic has a
    // marker twice as wide.
    return total ? Math.max(5, Math.min(40, 3 * Math.sqrt(total))) : 4;
  }

  function add(parent, tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (className) { node.className = className; }
    parent.appendChild(node);
    return node;
  }

  function popup(point) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var title = add(box, "h3");
    var en = add(title, "span", point.name_en, "name-en");
    en.lang = "en"; en.dir = "ltr";
    var ar = add(title, "span", point.name_ar, "name-ar");
    ar.lang = "ar"; ar.dir = "rtl";
    add(box, "div", (names.kinds[point.kind] || point.kind) + " · " + (names.statuses[point.status] || point.status), "muted small");
    var facts = add(box, "dl");
    [["entries", point.entries], ["exits", point.exits], ["refusals", point.refusals],
     ["total", point.total], ["expected", point.expected]].forEach(function (pair) {
      add(facts, "dt", names[pair[0]]);
      add(facts, "dd", number.format(pair[1]));
    });
    var link = add(box, "a", names.open);
    link.href = point.url;
    return box;
  }

  function style(fill, line, weight) {
    return function () { return { color: line, weight: weight, fillColor: fill, fillOpacity: 1 }; };
  }

  function layer(url, options) {
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (geojson) { return L.geoJSON(geojson, options).addTo(map); });
  }

  var markers = L.featureGroup();
  layer(element.dataset.neighbours, { style: style("#eceae4", "#b9b4a8", 1), interactive: false })
    .then(function () { return layer(element.dataset.outline, { style: style("#ffffff", "#123b5c", 2), interactive: false }); })
    .then(function () {
      return layer(element.dataset.governorates, {
        style: function () { return { color: "#9aa4b0", weight: 1, fill: false }; },
        onEachFeature: function (feature, governorate) {
          var p = feature.properties;
          governorate.bindTooltip(arabic ? p.name_ar : p.name_en, { sticky: true });
        }
      });
    })
    .then(function () {
      data.points
        .slice()
        .sort(function (a, b) { return b.total - a.total; })  // small markers drawn on top
        .forEach(function (point) {
          var marker = L.circleMarker([point.lat, point.lon], {
            radius: radius(point.total), color: "#1b1f24", weight: 1,
            fillColor: colour(point), fillOpacity: 0.8
          });
          marker.bindPopup(popup(point));
          marker.bindTooltip(arabic ? point.name_ar : point.name_en);
          marker.on("add", function () {
            var path = marker.getElement();
            if (path) { path.setAttribute("data-point", point.code); }
          });
          markers.addLayer(marker);
        });
      markers.addTo(map);
      element.setAttribute("data-ready", "true");
    })
    .catch(function () { element.setAttribute("data-ready", "failed"); });

  var legend = L.control({ position: arabic ? "bottomleft" : "bottomright" });
  legend.onAdd = function () {
    var box = L.DomUtil.create("div", "map-legend");
    add(box, "strong", names.legend);
    [["above", names.above], ["usual", names.usual], ["below", names.below], ["none", names.none]]
      .forEach(function (pair) {
        var row = add(box, "div");
        add(row, "span", undefined, "swatch " + pair[0]);
        add(row, "span", pair[1]);
      });
    return box;
  };
  legend.addTo(map);
})();
