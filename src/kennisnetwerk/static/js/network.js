// The network picture of the atlas: a small force-directed layout in SVG, drawn from the JSON
// in #network-data. The page lists the same connections as text, so this only enhances it.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function draw() {
    var holder = document.getElementById("network-graph");
    var source = document.getElementById("network-data");
    if (!holder || !source) { return; }
    var graph = JSON.parse(source.textContent);
    if (!graph.elements.length) { return; }
    var width = holder.clientWidth || 800;
    var height = Math.max(360, Math.min(720, 120 + graph.elements.length * 12));
    var nodes = graph.elements.map(function (e, i) {
      var angle = (2 * Math.PI * i) / graph.elements.length;
      return { id: e.id, label: e.label, org: e.type === "Organisatie",
               x: width / 2 + Math.cos(angle) * width / 3, y: height / 2 + Math.sin(angle) * height / 3,
               vx: 0, vy: 0 };
    });
    var byId = {};
    nodes.forEach(function (n) { byId[n.id] = n; });
    var links = graph.connections.filter(function (c) { return byId[c.from] && byId[c.to]; })
      .map(function (c) { return { a: byId[c.from], b: byId[c.to], partner: c.type === "partner" }; });

    for (var step = 0; step < 300; step++) {
      var cooling = 1 - step / 300;
      for (var i = 0; i < nodes.length; i++) {
        for (var j = i + 1; j < nodes.length; j++) {
          var dx = nodes[j].x - nodes[i].x, dy = nodes[j].y - nodes[i].y;
          var d2 = Math.max(dx * dx + dy * dy, 25), f = 1800 / d2;
          var d = Math.sqrt(d2);
          nodes[i].vx -= f * dx / d; nodes[i].vy -= f * dy / d;
          nodes[j].vx += f * dx / d; nodes[j].vy += f * dy / d;
        }
      }
      links.forEach(function (l) {
        var dx = l.b.x - l.a.x, dy = l.b.y - l.a.y;
        var d = Math.max(Math.sqrt(dx * dx + dy * dy), 1), f = (d - 70) * 0.02;
        l.a.vx += f * dx / d; l.a.vy += f * dy / d; l.b.vx -= f * dx / d; l.b.vy -= f * dy / d;
      });
      nodes.forEach(function (n) {
        n.vx += (width / 2 - n.x) * 0.002; n.vy += (height / 2 - n.y) * 0.002;
        n.x = Math.min(width - 20, Math.max(20, n.x + n.vx * cooling));
        n.y = Math.min(height - 20, Math.max(20, n.y + n.vy * cooling));
        n.vx *= 0.6; n.vy *= 0.6;
      });
    }

    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    svg.setAttribute("class", "kn-network__svg");
    svg.setAttribute("aria-hidden", "true");
    var lines = links.map(function (l) {
      var line = document.createElementNS(SVG, "line");
      line.setAttribute("class", l.partner ? "kn-network__link kn-network__link--partner" : "kn-network__link");
      svg.appendChild(line);
      return line;
    });
    var shapes = nodes.map(function (n) {
      var g = document.createElementNS(SVG, "g");
      var shape = document.createElementNS(SVG, n.org ? "rect" : "circle");
      if (n.org) { shape.setAttribute("width", 14); shape.setAttribute("height", 14); shape.setAttribute("x", -7); shape.setAttribute("y", -7); }
      else { shape.setAttribute("r", 6); }
      shape.setAttribute("class", n.org ? "kn-network__org" : "kn-network__initiative");
      var title = document.createElementNS(SVG, "title");
      title.textContent = n.label;
      g.appendChild(shape); g.appendChild(title);
      if (n.org) {
        var text = document.createElementNS(SVG, "text");
        text.setAttribute("x", 10); text.setAttribute("y", 4);
        text.textContent = n.label.length > 32 ? n.label.slice(0, 30) + "…" : n.label;
        g.appendChild(text);
      }
      svg.appendChild(g);
      return g;
    });
    function render() {
      links.forEach(function (l, i) {
        lines[i].setAttribute("x1", l.a.x); lines[i].setAttribute("y1", l.a.y);
        lines[i].setAttribute("x2", l.b.x); lines[i].setAttribute("y2", l.b.y);
      });
      nodes.forEach(function (n, i) { shapes[i].setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); });
    }
    var dragging = null;
    shapes.forEach(function (g, i) {
      g.addEventListener("pointerdown", function (ev) { dragging = nodes[i]; g.setPointerCapture(ev.pointerId); });
      g.addEventListener("pointermove", function (ev) {
        if (dragging !== nodes[i]) { return; }
        var box = svg.getBoundingClientRect();
        dragging.x = (ev.clientX - box.left) * width / box.width;
        dragging.y = (ev.clientY - box.top) * height / box.height;
        render();
      });
      g.addEventListener("pointerup", function () { dragging = null; });
    });
    render();
    holder.appendChild(svg);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); }
  else { draw(); }
})();
