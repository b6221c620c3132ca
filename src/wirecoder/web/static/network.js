// Actor network: nodes are actors, edges dyads weighted by events and coloured by mean PLOVER
// intensity. Data come from this page's JSON twin; every label is set with textContent.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var info = document.getElementById("network-info");
  if (!svg || !window.d3) {
    return;
  }
  var NS = "http://www.w3.org/2000/svg";
  var W = 960;
  var H = 620;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) {
      parent.appendChild(node);
    }
    return node;
  }

  // -10 (conflict, red) .. 0 (grey) .. +10 (cooperation, blue)
  function colour(intensity) {
    if (intensity === null || intensity === undefined) {
      return "#8a94a6";
    }
    var t = Math.max(-1, Math.min(1, intensity / 10));
    var grey = [138, 148, 166];
    var end = t < 0 ? [201, 42, 42] : [25, 113, 194];
    var a = Math.abs(t);
    var rgb = grey.map(function (g, i) { return Math.round(g + (end[i] - g) * a); });
    return "rgb(" + rgb.join(",") + ")";
  }

  function show(lines, link) {
    info.replaceChildren();
    lines.forEach(function (line, i) {
      var p = document.createElement("p");
      if (i === 0) {
        var b = document.createElement("b");
        b.textContent = line;
        p.appendChild(b);
      } else {
        p.textContent = line;
      }
      info.appendChild(p);
    });
    if (link) {
      var a = document.createElement("a");
      a.setAttribute("href", link.href);
      a.textContent = link.label;
      info.appendChild(a);
    }
  }

  function draw(data) {
    var nodes = data.nodes.map(function (n) { return Object.assign({}, n); });
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var links = data.edges.map(function (e) { return Object.assign({}, e); });
    if (!nodes.length) {
      var empty = el("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "empty" }, svg);
      empty.textContent = "No dyads match these filters.";
      return;
    }
    var maxEvents = Math.max.apply(null, links.map(function (l) { return l.events; }));
    var radius = function (n) { return 5 + 3 * Math.sqrt(n.events); };
    var sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id(function (n) { return n.id; }).distance(95))
      .force("charge", d3.forceManyBody().strength(-220))
      .force("x", d3.forceX(W / 2).strength(0.06))
      .force("y", d3.forceY(H / 2).strength(0.09))
      .force("collide", d3.forceCollide().radius(function (n) { return radius(n) + 12; }))
      .stop();
    // A fixed number of ticks: the same data always gives the same picture, and no animation
    // keeps the CPU quiet.
    for (var i = 0; i < 300; i++) {
      sim.tick();
    }
    // Fit the drawing: the view box is the layout's bounding box plus room for labels.
    var xs = nodes.map(function (n) { return n.x; });
    var ys = nodes.map(function (n) { return n.y; });
    var x0 = Math.min.apply(null, xs) - 30;
    var x1 = Math.max.apply(null, xs) + 150;
    var y0 = Math.min.apply(null, ys) - 30;
    var y1 = Math.max.apply(null, ys) + 30;
    var w = Math.max(x1 - x0, W * 0.6);
    var h = Math.max(y1 - y0, H * 0.6, w * H / W);
    svg.setAttribute("viewBox", [x0, y0, w, h].join(" "));

    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 -4 8 8", refX: 8, refY: 0,
      markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
    el("path", { d: "M0,-4L8,0L0,4", class: "arrowhead" }, marker);

    var edgeLayer = el("g", { class: "edges" }, svg);
    var nodeLayer = el("g", { class: "nodes" }, svg);
    var pairs = {};
    links.forEach(function (l) { pairs[l.source.id + ">" + l.target.id] = true; });
    links.forEach(function (l) {
      var dx = l.target.x - l.source.x;
      var dy = l.target.y - l.source.y;
      var len = Math.sqrt(dx * dx + dy * dy) || 1;
      var r = radius(l.target) + 2;
      // A dyad that goes both ways gets two parallel lines, each shifted to its right.
      var shift = pairs[l.target.id + ">" + l.source.id] ? 3 : 0;
      var ox = -dy / len * shift;
      var oy = dx / len * shift;
      var line = el("line", {
        x1: l.source.x + ox, y1: l.source.y + oy,
        x2: l.target.x - dx / len * r + ox, y2: l.target.y - dy / len * r + oy,
        stroke: colour(l.intensity), "stroke-width": 1 + 4 * l.events / maxEvents,
        "marker-end": "url(#arrow)", class: "edge",
      }, edgeLayer);
      var title = el("title", {}, line);
      title.textContent = l.source.name + " → " + l.target.name + ": " + l.events + " events";
      var describe = function () {
        show([l.source.name + " → " + l.target.name,
          l.events + " event(s): " + l.types.join(", "),
          "mean intensity " + (l.intensity === null ? "n/a" : l.intensity)],
        { href: "/events?dyad=" + encodeURIComponent(l.dyad), label: "these events »" });
      };
      line.addEventListener("mouseenter", describe);
      line.addEventListener("click", describe);
    });
    nodes.forEach(function (n) {
      var g = el("g", { class: "node", transform: "translate(" + n.x + "," + n.y + ")" }, nodeLayer);
      el("circle", { r: radius(n) }, g);
      var label = el("text", { x: radius(n) + 3, y: 4 }, g);
      label.textContent = n.name.length > 40 ? n.name.slice(0, 39) + "…" : n.name;
      var describe = function () {
        show([n.name + (n.country ? " (" + n.country + ")" : ""), n.events + " event(s) in these dyads"],
          { href: "/actors/" + encodeURIComponent(n.id), label: "actor page »" });
      };
      g.addEventListener("mouseenter", describe);
      g.addEventListener("click", function () { window.location.href = "/actors/" + encodeURIComponent(n.id); });
    });
    svg.setAttribute("data-ready", String(nodes.length));
  }

  var url = window.location.pathname.replace(/\/$/, "") + ".json" + window.location.search;
  fetch(url, { headers: { Accept: "application/json" } })
    .then(function (r) { return r.json(); })
    .then(draw);
})();
