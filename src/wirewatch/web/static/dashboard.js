/* wirewatch dashboard charts: plain SVG from JSON embedded in each page. No libraries. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QUAD = ["q1", "q2", "q3", "q4"];
  var QCOL = { q1: "#74c69d", q2: "#2d6a4f", q3: "#f4a261", q4: "#c1121f" };
  var QNAME = { q1: "verbal coop.", q2: "material coop.", q3: "verbal conflict", q4: "material conflict" };

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function node(tag, attrs, parent) {
    var el = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(el);
    return el;
  }
  function text(parent, x, y, s, anchor) {
    var t = node("text", { x: x, y: y, "text-anchor": anchor || "start" }, parent);
    t.textContent = s;
    return t;
  }
  function canvas(el) {
    var w = el.clientWidth || 800, h = el.clientHeight || 220;
    el.innerHTML = "";
    var svg = node("svg", { viewBox: "0 0 " + w + " " + h, role: "img" }, el);
    return { svg: svg, w: w, h: h };
  }
  var tip = document.createElement("div");
  tip.className = "tip";
  document.body.appendChild(tip);
  function hover(el, html) {
    el.addEventListener("mousemove", function (e) {
      tip.innerHTML = html; tip.style.display = "block";
      tip.style.left = (e.clientX + 12) + "px"; tip.style.top = (e.clientY + 12) + "px";
    });
    el.addEventListener("mouseleave", function () { tip.style.display = "none"; });
  }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function addDays(iso, n) {
    var d = new Date(iso + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }
  function fillDays(rows) {
    if (!rows.length) return rows;
    var by = {}; rows.forEach(function (r) { by[r.day] = r; });
    var out = [], d = rows[0].day, last = rows[rows.length - 1].day, guard = 0;
    while (d <= last && guard++ < 20000) {
      out.push(by[d] || { day: d, q1: 0, q2: 0, q3: 0, q4: 0, events: 0 });
      d = addDays(d, 1);
    }
    return out;
  }
  function withFilters(path, extra) {
    var p = new URLSearchParams(window.location.search);
    ["cursor", "a", "b", "period", "edges", "mention"].forEach(function (k) { p.delete(k); });
    Object.keys(extra).forEach(function (k) { p.set(k, extra[k]); });
    return path + "?" + p.toString();
  }

  /* Stacked bars of quad classes per bucket, optional Goldstein line. */
  function stacked(el, rows, labelKey, goldKey) {
    var c = canvas(el), m = { l: 40, r: goldKey ? 40 : 10, t: 10, b: 22 };
    var iw = c.w - m.l - m.r, ih = c.h - m.t - m.b;
    if (!rows.length) { text(c.svg, c.w / 2, c.h / 2, "no events", "middle"); return; }
    var max = Math.max(1, Math.max.apply(null, rows.map(function (r) {
      return QUAD.reduce(function (s, q) { return s + (r[q] || 0); }, 0); })));
    var bw = iw / rows.length;
    node("line", { x1: m.l, x2: m.l + iw, y1: m.t + ih, y2: m.t + ih, stroke: "#ccc" }, c.svg);
    text(c.svg, m.l - 4, m.t + 8, String(max), "end");
    text(c.svg, m.l - 4, m.t + ih, "0", "end");
    rows.forEach(function (r, i) {
      var y = m.t + ih, g = node("g", { "class": "bar" }, c.svg);
      QUAD.forEach(function (q) {
        var v = r[q] || 0; if (!v) return;
        var h = v / max * ih; y -= h;
        node("rect", { x: m.l + i * bw + 0.5, y: y, width: Math.max(bw - 1, 0.8), height: h, fill: QCOL[q] }, g);
      });
      node("rect", { x: m.l + i * bw, y: m.t, width: bw, height: ih, fill: "transparent" }, g);
      hover(g, "<b>" + esc(r[labelKey]) + "</b><br>" + QUAD.map(function (q) {
        return QNAME[q] + ": " + (r[q] || 0); }).join("<br>") +
        (goldKey ? "<br>Goldstein sum: " + (r[goldKey] || 0).toFixed(1) : ""));
    });
    var ticks = [0, Math.floor(rows.length / 2), rows.length - 1];
    ticks.forEach(function (i, k) {
      text(c.svg, m.l + i * bw + (k === 2 ? bw : 0), c.h - 6, rows[i][labelKey], k === 0 ? "start" : k === 1 ? "middle" : "end");
    });
    if (goldKey) {
      var gmax = Math.max(1, Math.max.apply(null, rows.map(function (r) { return Math.abs(r[goldKey] || 0); })));
      var mid = m.t + ih / 2, pts = rows.map(function (r, i) {
        return (m.l + (i + 0.5) * bw).toFixed(1) + "," + (mid - (r[goldKey] || 0) / gmax * ih / 2).toFixed(1); });
      node("line", { x1: m.l, x2: m.l + iw, y1: mid, y2: mid, stroke: "#1d3557", "stroke-dasharray": "2,3", opacity: 0.4 }, c.svg);
      node("polyline", { points: pts.join(" "), fill: "none", stroke: "#1d3557", "stroke-width": 1.5 }, c.svg);
      text(c.svg, c.w - 4, m.t + 8, "+" + gmax.toFixed(0), "end");
      text(c.svg, c.w - 4, m.t + ih, "−" + gmax.toFixed(0), "end");
    }
  }

  function daily(el) {
    var rows = fillDays(data("daily-data") || []);
    stacked(el, rows, "day");
  }

  function trendRows(direction) {
    var t = data("trend-data");
    return (t ? t.points : []).filter(function (p) { return p.direction === direction; }).map(function (p) {
      return { period: p.period, q1: p.verbal_cooperation, q2: p.material_cooperation,
               q3: p.verbal_conflict, q4: p.material_conflict, goldstein: p.goldstein,
               index: p.conflict_index };
    });
  }

  function indexChart(el) {
    var t = data("trend-data"), rows = trendRows("both"), c = canvas(el);
    var m = { l: 40, r: 10, t: 8, b: 20 }, iw = c.w - m.l - m.r, ih = c.h - m.t - m.b;
    if (!rows.length) { text(c.svg, c.w / 2, c.h / 2, "no events", "middle"); return; }
    var bw = iw / rows.length, y = function (v) { return m.t + (1 - v) / 2 * ih; };
    (t.alerts || []).forEach(function (a) {
      rows.forEach(function (r, i) {
        var end = i + 1 < rows.length ? rows[i + 1].period : "9999";
        if (a.day < end && a.last_day >= r.period) {
          var s = node("rect", { x: m.l + i * bw, y: m.t, width: bw, height: ih, fill: "#c1121f", opacity: 0.15, "class": "alert-band" }, c.svg);
          hover(s, "escalation alert: " + esc(a.description));
        }
      });
    });
    node("line", { x1: m.l, x2: m.l + iw, y1: y(0), y2: y(0), stroke: "#bbb" }, c.svg);
    text(c.svg, m.l - 4, y(1) + 8, "+1", "end"); text(c.svg, m.l - 4, y(-1), "−1", "end");
    var path = "", pen = false;
    rows.forEach(function (r, i) {
      if (r.index === null || r.index === undefined) { pen = false; return; }
      var x = m.l + (i + 0.5) * bw;
      path += (pen ? "L" : "M") + x.toFixed(1) + "," + y(r.index).toFixed(1); pen = true;
      var dot = node("circle", { cx: x, cy: y(r.index), r: 2.5, fill: r.index > 0 ? "#c1121f" : "#2d6a4f" }, c.svg);
      hover(dot, esc(r.period) + ": index " + r.index.toFixed(2));
    });
    node("path", { d: path, fill: "none", stroke: "#555", "stroke-width": 1 }, c.svg);
    text(c.svg, m.l, c.h - 5, rows[0].period); text(c.svg, c.w - m.r, c.h - 5, rows[rows.length - 1].period, "end");
  }

  function toneColour(g) {
    if (g === null || g === undefined) return "#999";
    var t = Math.max(-1, Math.min(1, g / 6));
    var a = t < 0 ? [193, 18, 31] : [45, 106, 79], w = Math.abs(t);
    return "rgb(" + [0, 1, 2].map(function (i) { return Math.round(170 + (a[i] - 170) * w); }).join(",") + ")";
  }

  /* Force-directed layout, computed up front (a few hundred nodes at most). */
  function network(el) {
    var edges = data("network-data") || [], c = canvas(el);
    if (!edges.length) { text(c.svg, c.w / 2, c.h / 2, "no actor pairs match these filters", "middle"); return; }
    var nodes = {}, list = [];
    edges.forEach(function (e) {
      [e.source, e.target].forEach(function (k) {
        if (!nodes[k]) { nodes[k] = { id: k, volume: 0 }; list.push(nodes[k]); }
        nodes[k].volume += e.events;
      });
    });
    var n = list.length, W = c.w, H = c.h;
    list.forEach(function (p, i) {
      var a = 2 * Math.PI * i / n; p.x = W / 2 + Math.cos(a) * W / 3; p.y = H / 2 + Math.sin(a) * H / 3;
    });
    var k = Math.sqrt(W * H / Math.max(n, 1)) * 0.6, maxE = Math.max.apply(null, edges.map(function (e) { return e.events; }));
    for (var it = 0; it < 300; it++) {
      var temp = 0.1 * W * (1 - it / 300);
      list.forEach(function (p) { p.dx = 0; p.dy = 0; });
      for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
        var a = list[i], b = list[j], dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = k * k / d; a.dx += dx / d * f; a.dy += dy / d * f; b.dx -= dx / d * f; b.dy -= dy / d * f;
      }
      edges.forEach(function (e) {
        var a = nodes[e.source], b = nodes[e.target]; if (a === b) return;
        var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        var f = d * d / k * (0.3 + 0.7 * e.events / maxE);
        a.dx -= dx / d * f; a.dy -= dy / d * f; b.dx += dx / d * f; b.dy += dy / d * f;
      });
      list.forEach(function (p) {
        p.dx += (W / 2 - p.x) * 0.05; p.dy += (H / 2 - p.y) * 0.05;
        var d = Math.sqrt(p.dx * p.dx + p.dy * p.dy) || 1, s = Math.min(d, temp) / d;
        p.x = Math.max(30, Math.min(W - 30, p.x + p.dx * s)); p.y = Math.max(20, Math.min(H - 20, p.y + p.dy * s));
      });
    }
    var maxV = Math.max.apply(null, list.map(function (p) { return p.volume; }));
    edges.forEach(function (e) {
      var a = nodes[e.source], b = nodes[e.target];
      if (a === b) return;
      var mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.12, my = (a.y + b.y) / 2 - (b.x - a.x) * 0.12;
      var link = node("a", { href: withFilters("/pair", { a: e.source, b: e.target }), "class": "edge" }, c.svg);
      var p = node("path", { d: "M" + a.x + "," + a.y + " Q" + mx + "," + my + " " + b.x + "," + b.y,
        fill: "none", stroke: toneColour(e.goldstein_mean), "stroke-width": 1 + 7 * e.events / maxE, opacity: 0.75 }, link);
      hover(p, esc(e.source) + " → " + esc(e.target) + ": " + e.events + " events, " + e.conflict +
        " conflictual, mean Goldstein " + (e.goldstein_mean === null ? "—" : e.goldstein_mean));
    });
    list.forEach(function (p) {
      var g = node("a", { href: withFilters("/events", { actor: p.id }), "class": "node" }, c.svg);
      var r = 5 + 14 * Math.sqrt(p.volume / maxV);
      node("circle", { cx: p.x, cy: p.y, r: r, fill: "#1d3557", opacity: 0.85 }, g);
      text(g, p.x, p.y - r - 3, p.id, "middle");
      hover(g, esc(p.id) + ": " + p.volume + " events");
    });
  }

  function map(el) {
    var d = data("map-data") || { places: [], countries: {} };
    fetch(el.getAttribute("data-world")).then(function (r) { return r.json(); }).then(function (world) {
      var c = canvas(el), W = c.w, H = c.h, lat0 = 84, lat1 = -58;
      var s = Math.min(W / 360, H / (lat0 - lat1)), ox = (W - 360 * s) / 2, oy = (H - (lat0 - lat1) * s) / 2;
      var px = function (lon, lat) { return [ox + (lon + 180) * s, oy + (lat0 - lat) * s]; };
      var clip = node("clipPath", { id: "map-clip" }, node("defs", {}, c.svg));
      node("rect", { x: ox, y: oy, width: 360 * s, height: (lat0 - lat1) * s }, clip);
      var layer = node("g", { "clip-path": "url(#map-clip)" }, c.svg);
      var counts = d.countries || {}, maxC = Math.max.apply(null, [1].concat(Object.keys(counts).map(function (k) { return counts[k]; })));
      world.features.forEach(function (f) {
        var dd = "";
        f.geometry.coordinates.forEach(function (poly) {
          poly.forEach(function (ring) {
            ring.forEach(function (pt, i) { var p = px(pt[0], pt[1]); dd += (i ? "L" : "M") + p[0].toFixed(1) + "," + p[1].toFixed(1); });
            dd += "Z";
          });
        });
        var n = counts[f.properties.iso3] || 0, t = n ? 0.2 + 0.8 * Math.log(1 + n) / Math.log(1 + maxC) : 0;
        var shape = node("path", { d: dd, fill: n ? "rgba(29,53,87," + t.toFixed(2) + ")" : "#f8f9fa",
          stroke: "#9aa5b1", "stroke-width": 0.5, "class": "country", "data-iso3": f.properties.iso3 || "" }, layer);
        hover(shape, esc(f.properties.name) + ": " + n + " events");
        if (n && f.properties.iso3) shape.addEventListener("click", function () {
          window.location.href = withFilters("/events", { country: f.properties.iso3 });
        });
      });
      var maxP = Math.max.apply(null, [1].concat(d.places.map(function (p) { return p.events; })));
      d.places.forEach(function (p) {
        var q = px(p.lon, p.lat);
        var dot = node("circle", { cx: q[0], cy: q[1], r: 3 + 12 * Math.sqrt(p.events / maxP),
          fill: toneColour(p.goldstein_mean), stroke: "#fff", "stroke-width": 0.8, opacity: 0.85, "class": "place" }, c.svg);
        hover(dot, esc(p.name) + (p.country ? " (" + esc(p.country) + ")" : "") + ": " + p.events + " events");
      });
    });
  }

  document.querySelectorAll("nav a[data-nav]").forEach(function (a) {
    var path = a.getAttribute("href").split("?")[0];
    if (path === window.location.pathname) a.className = "active";
  });
  document.querySelectorAll("[data-chart]").forEach(function (el) {
    var kind = el.getAttribute("data-chart");
    if (kind === "daily") daily(el);
    else if (kind === "trend") stacked(el, trendRows(el.getAttribute("data-direction")), "period", "goldstein");
    else if (kind === "index") indexChart(el);
    else if (kind === "network") network(el);
    else if (kind === "map") map(el);
  });
})();
