// The network drawing of the atlas (ecosystem/network.html), drawn with Cytoscape.js from the
// JSON in #network-data: zoom (buttons, wheel, pinch), pan (drag), names that never overlap,
// a legend (in the page) and filters by theme and kind. The page lists the same connections
// as text; without JavaScript the figure stays hidden and the list is all there is.
//
// State for the browser tests and for anyone looking in the console: the canvas element
// carries data-zoom, data-visible-nodes and data-labels (names shown), and its `cy` property
// is the Cytoscape instance.
(function () {
  "use strict";

  var ZOOM_STEP = 1.4;

  function debounce(fn, wait) {
    var timer = null;
    return function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fn, wait);
    };
  }

  function overlaps(a, b) {
    return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  }

  function start() {
    var figure = document.getElementById("network");
    var holder = document.getElementById("network-graph");
    var source = document.getElementById("network-data");
    if (!figure || !holder || !source || typeof window.cytoscape !== "function") { return; }
    var data = JSON.parse(source.textContent);
    if (!data.nodes.length) { return; }
    figure.hidden = false;

    var css = window.getComputedStyle(figure);
    var colour = function (name, fallback) { return css.getPropertyValue(name).trim() || fallback; };
    var font = window.getComputedStyle(document.body).fontFamily || "sans-serif";
    var degree = {};
    data.edges.forEach(function (e) {
      degree[e.source] = (degree[e.source] || 0) + 1;
      degree[e.target] = (degree[e.target] || 0) + 1;
    });
    var elements = data.nodes.map(function (n) {
      var organisation = n.type === "organisatie";
      return {
        group: "nodes",
        classes: n.type,
        data: {
          id: n.id,
          label: n.label,
          kind: n.kind,
          themes: n.themes,
          degree: degree[n.id] || 0,
          colour: organisation ? colour("--kn-network-organisation", "#1f2937")
            : colour("--kn-kind-" + n.kind, "#9ca3af"),
          size: organisation ? Math.min(40, 16 + 3 * (degree[n.id] || 0)) : 14,
          fontSize: organisation ? 13 : 11,
          textWidth: 160,
          textMargin: 2
        }
      };
    }).concat(data.edges.map(function (e, index) {
      return { group: "edges", classes: e.relation, data: { id: "e" + index, source: e.source, target: e.target } };
    }));

    // Names keep the same size on screen at every zoom (their sizes in the drawing are set
    // from the zoom, see sizeLabels), so zooming in makes room between them.
    var cy = window.cytoscape({
      container: holder,
      elements: elements,
      minZoom: 0.05,
      maxZoom: 5,
      boxSelectionEnabled: false,
      style: [
        { selector: "node", style: {
          "background-color": "data(colour)", "border-width": 1, "border-color": "#1b1b1b",
          width: "data(size)", height: "data(size)",
          label: "data(label)", "font-family": font, "font-size": "data(fontSize)",
          color: "#1b1b1b", "text-wrap": "wrap", "text-max-width": "data(textWidth)",
          "text-valign": "bottom", "text-margin-y": "data(textMargin)",
          "text-background-color": "#ffffff", "text-background-opacity": 0.85
        } },
        { selector: "node.organisatie", style: { shape: "round-rectangle", "font-weight": "bold" } },
        { selector: "node.label-hidden", style: { "text-opacity": 0, "text-background-opacity": 0 } },
        { selector: "node.focus", style: {
          "text-opacity": 1, "text-background-opacity": 0.95, "z-index": 20, "border-width": 3
        } },
        { selector: "edge", style: { width: 1.2, "line-color": colour("--kn-network-edge", "#6b7280"), "curve-style": "straight" } },
        { selector: "edge.partner", style: { "line-style": "dashed" } },
        { selector: "edge.focus", style: { width: 3, "line-color": "#1b1b1b" } },
        { selector: ".faded", style: { opacity: 0.2 } },
        { selector: ".filtered", style: { display: "none" } }
      ],
      layout: {
        name: "cose", animate: false, randomize: true, fit: false,
        idealEdgeLength: function () { return 40; }, nodeRepulsion: function () { return 4000; },
        componentSpacing: 30, gravity: 1.5, numIter: 1000
      }
    });
    holder.cy = cy;

    function sizeLabels() {
      var zoom = cy.zoom();
      cy.batch(function () {
        cy.nodes().forEach(function (node) {
          node.data({
            fontSize: (node.hasClass("organisatie") ? 13 : 11) / zoom,
            textWidth: 160 / zoom,
            textMargin: 2 / zoom
          });
        });
      });
    }

    // Names are shown from the most connected parties down. A name that would cover one
    // already shown, or that would not fit in the frame, waits until zooming or moving the
    // drawing makes room: a name is shown whole or not at all. Pointing at a node shows it.
    function placeLabels() {
      var zoom = cy.zoom();
      var frame = cy.extent();
      var shown = [];
      sizeLabels();
      var nodes = cy.nodes(":visible").sort(function (a, b) {
        var org = (b.hasClass("organisatie") ? 1 : 0) - (a.hasClass("organisatie") ? 1 : 0);
        return org || b.data("degree") - a.data("degree") || (a.data("label") < b.data("label") ? -1 : 1);
      });
      cy.batch(function () {
        nodes.forEach(function (node) {
          var box = node.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
          var inside = box.x1 >= frame.x1 && box.x2 <= frame.x2 && box.y1 >= frame.y1 && box.y2 <= frame.y2;
          var free = inside && !shown.some(function (other) { return overlaps(box, other); });
          node.toggleClass("label-hidden", !free);
          if (free) { shown.push(box); }
        });
      });
      holder.dataset.labels = String(shown.length);
      holder.dataset.zoom = zoom.toFixed(3);
    }

    function fitVisible() {
      var visible = cy.elements(":visible");
      sizeLabels();
      if (visible.length) { cy.fit(visible.nodes(), 32); }
      holder.dataset.visibleNodes = String(cy.nodes(":visible").length);
      placeLabels();
    }

    var theme = document.getElementById("network-theme");
    var kind = document.getElementById("network-kind");
    function applyFilters() {
      cy.batch(function () {
        cy.nodes(".initiatief").forEach(function (node) {
          var keep = (!theme.value || node.data("themes").indexOf(theme.value) >= 0)
            && (!kind.value || node.data("kind") === kind.value);
          node.toggleClass("filtered", !keep);
        });
        cy.nodes(".organisatie").forEach(function (node) {
          var keep = node.neighborhood("node.initiatief").some(function (i) { return !i.hasClass("filtered"); });
          node.toggleClass("filtered", !keep);
        });
      });
      fitVisible();
    }
    theme.addEventListener("change", applyFilters);
    kind.addEventListener("change", applyFilters);

    figure.querySelectorAll("[data-zoom]").forEach(function (button) {
      button.addEventListener("click", function () {
        var action = button.getAttribute("data-zoom");
        if (action === "fit") { fitVisible(); return; }
        cy.zoom({
          level: cy.zoom() * (action === "in" ? ZOOM_STEP : 1 / ZOOM_STEP),
          renderedPosition: { x: holder.clientWidth / 2, y: holder.clientHeight / 2 }
        });
      });
    });

    cy.on("zoom pan", debounce(placeLabels, 60));
    cy.on("mouseover tapstart", "node", function (event) {
      var node = event.target;
      cy.elements().addClass("faded");
      node.closedNeighborhood().removeClass("faded");
      node.addClass("focus");
      node.connectedEdges().addClass("focus");
    });
    cy.on("mouseout tapend", "node", function () {
      cy.elements().removeClass("faded focus");
    });
    window.addEventListener("resize", debounce(function () { cy.resize(); fitVisible(); }, 150));
    fitVisible();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
