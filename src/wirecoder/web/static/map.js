// Map of event places on Natural Earth country shapes (shipped with the package; no tiles).
// Data come from this page's JSON twin; popups are built with textContent only.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  var info = document.getElementById("map-info");
  if (!svg || !window.d3 || !window.topojson) {
    return;
  }
  var NS = "http://www.w3.org/2000/svg";
  var W = 960;
  var H = 500;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  function show(point) {
    info.replaceChildren();
    var h = document.createElement("p");
    var b = document.createElement("b");
    b.textContent = point.name + (point.country ? " (" + point.country + ")" : "");
    h.appendChild(b);
    info.appendChild(h);
    var p = document.createElement("p");
    p.textContent = point.events + " event(s)";
    info.appendChild(p);
    var ul = document.createElement("ul");
    Object.keys(point.by_type).forEach(function (type) {
      var li = document.createElement("li");
      li.textContent = type + ": " + point.by_type[type];
      ul.appendChild(li);
    });
    info.appendChild(ul);
    var params = new URLSearchParams(window.location.search);
    params.delete("place");
    params.append("place", point.name);
    var a = document.createElement("a");
    a.setAttribute("href", "/events?" + params.toString());
    a.textContent = "these events »";
    info.appendChild(a);
  }

  function draw(world, data) {
    var projection = d3.geoNaturalEarth1().fitSize([W, H], { type: "Sphere" });
    var path = d3.geoPath(projection);
    el("path", { d: path({ type: "Sphere" }), class: "sphere" }, svg);
    el("path", { d: path(d3.geoGraticule10()), class: "graticule" }, svg);
    var countries = topojson.feature(world, world.objects.countries).features;
    var layer = el("g", { class: "countries" }, svg);
    countries.forEach(function (c) {
      var shape = el("path", { d: path(c), class: "country" }, layer);
      var title = el("title", {}, shape);
      title.textContent = (c.properties && c.properties.name) || "";
    });
    var pins = el("g", { class: "points" }, svg);
    var most = Math.max.apply(null, [1].concat(data.points.map(function (p) { return p.events; })));
    data.points.forEach(function (point) {
      var xy = projection([point.lon, point.lat]);
      if (!xy) {
        return;
      }
      var circle = el("circle", { cx: xy[0], cy: xy[1], r: 3 + 14 * Math.sqrt(point.events / most), class: "point" }, pins);
      var title = el("title", {}, circle);
      title.textContent = point.name + ": " + point.events + " event(s)";
      circle.addEventListener("click", function () { show(point); });
    });
    svg.setAttribute("data-ready", String(data.points.length));
  }

  var url = window.location.pathname.replace(/\/$/, "") + ".json" + window.location.search;
  Promise.all([
    fetch("/static/vendor/countries-110m.json").then(function (r) { return r.json(); }),
    fetch(url, { headers: { Accept: "application/json" } }).then(function (r) { return r.json(); }),
  ]).then(function (got) { draw(got[0], got[1]); });
})();
