/* kg: label placement and date-precision text, one implementation for both views: kg serve's app loads
   this file (/static/labels.js) and the static graph.html inlines it (kg/outputs/viz.py).

   kgLabels.place(candidates, obstacles, bounds): candidates are label boxes {x1, y1, x2, y2, id} in screen
   pixels, most important first; a candidate is kept when it lies inside bounds ({width, height}, or null for
   no bound) and overlaps no label kept before it and no obstacle (a node's body {x1, y1, x2, y2, id}) other
   than its own node's. Returns the indices of the kept candidates, in order. So labels never overlap: the
   less important one is left out (its name still shows on hover) and comes back when zooming makes room.
   A candidate may list other places for its label (alts: boxes, e.g. above, right or left of the node): the
   first free one is taken, and the box used is left in candidate.at. A candidate with over: true may cover
   nodes (a hovered link's label, drawn on top like a tooltip); it still never covers another label.
   A uniform grid keeps this linear in the number of boxes (10,000 nodes place in a few milliseconds). */
(function (root) {
  "use strict";
  var CELL = 48;

  function Grid() { this.cells = new Map(); }
  Grid.prototype.key = function (cx, cy) { return (cx + 32768) * 65536 + (cy + 32768); };
  Grid.prototype.add = function (box) {
    var x0 = Math.floor(box.x1 / CELL), x1 = Math.floor(box.x2 / CELL), y0 = Math.floor(box.y1 / CELL), y1 = Math.floor(box.y2 / CELL);
    for (var cx = x0; cx <= x1; cx++) for (var cy = y0; cy <= y1; cy++) {
      var k = this.key(cx, cy), list = this.cells.get(k);
      if (list) list.push(box); else this.cells.set(k, [box]);
    }
  };
  Grid.prototype.hits = function (box, skipId) {
    var x0 = Math.floor(box.x1 / CELL), x1 = Math.floor(box.x2 / CELL), y0 = Math.floor(box.y1 / CELL), y1 = Math.floor(box.y2 / CELL);
    for (var cx = x0; cx <= x1; cx++) for (var cy = y0; cy <= y1; cy++) {
      var list = this.cells.get(this.key(cx, cy));
      if (!list) continue;
      for (var i = 0; i < list.length; i++) {
        var b = list[i];
        if (skipId !== undefined && b.id === skipId) continue;
        if (box.x1 < b.x2 && box.x2 > b.x1 && box.y1 < b.y2 && box.y2 > b.y1) return true;
      }
    }
    return false;
  };

  function inside(box, bounds) {
    return !bounds || (box.x1 >= 0 && box.y1 >= 0 && box.x2 <= bounds.width && box.y2 <= bounds.height);
  }

  function place(candidates, obstacles, bounds) {
    var bodies = new Grid(), taken = new Grid(), kept = [];
    (obstacles || []).forEach(function (b) {
      if (!bounds || (b.x2 >= 0 && b.y2 >= 0 && b.x1 <= bounds.width && b.y1 <= bounds.height)) bodies.add(b);
    });
    for (var i = 0; i < candidates.length; i++) {
      var c = candidates[i], boxes = c.alts ? [c].concat(c.alts) : [c], got = null;
      for (var k = 0; k < boxes.length && !got; k++) {
        var b = boxes[k];
        if (inside(b, bounds) && !taken.hits(b) && (c.over || !bodies.hits(b, c.id))) got = b;
      }
      if (!got) continue;
      taken.add(got);
      c.at = got;
      kept.push(i);
    }
    return kept;
  }

  function overlaps(a, b) { return a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1; }

  // "2024-05 ~month", "2024 ~year": a date known to the month or year only is never shown as a day
  function dateText(date, precision) {
    if (!date) return "undated";
    if (!precision) precision = date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
    return date + (precision === "month" ? " ~month" : precision === "year" ? " ~year" : "");
  }

  root.kgLabels = {
    place: place,
    overlaps: overlaps,
    dateText: dateText,
    EDGE_LABEL_ZOOM: 1.4,  // edge labels from this zoom on, relative to the zoom that fits the graph
  };
})(typeof window !== "undefined" ? window : this);
