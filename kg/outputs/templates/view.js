/* kg event-graph view (graph.html): the page's script, inlined by kg/outputs/viz.py after labels.js.
   Every piece of article text goes on the page with textContent or onto the canvas with fillText: never markup. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  function unpack(t) {  // viz._columns: columns back to one object per item
    var out = new Array(t.n), keys = Object.keys(t.cols), i, k;
    for (i = 0; i < t.n; i++) { var o = {}; for (k = 0; k < keys.length; k++) o[keys[k]] = t.cols[keys[k]][i]; out[i] = o; }
    Object.keys(t.sparse).forEach(function (key) { var m = t.sparse[key]; for (var j in m) out[+j][key] = m[j]; });
    return out;
  }
  ["nodes", "edges", "records"].forEach(function (k) { DATA[k] = unpack(DATA[k]); });
  window.kgData = DATA;
  var R = DATA.records, LAB = DATA.labels, S = DATA.sentences, DOCS = DATA.docs, E = DATA.edges, NODES = DATA.nodes;
  var QC = {}; DATA.quads.forEach(function (q) { QC[q.quad] = q.color; });
  var SHAPE_CHAR = { dot: "\u25CF", diamond: "\u25C6", square: "\u25A0", star: "\u2605", triangle: "\u25B2", triangleDown: "\u25BC" };
  var NODE_FONT = "12px system-ui, 'Noto Sans', sans-serif", EDGE_FONT = "11px system-ui, 'Noto Sans', sans-serif";
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function fold(s) { return String(s || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  function dayToIso(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }
  function isoToDay(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    return m ? Math.round(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000) : null;
  }
  var hasDates = DATA.dayMin !== null && DATA.dayMin !== undefined;
  if (hasDates) {
    DATA.dateMin = dayToIso(DATA.dayMin); DATA.dateMax = dayToIso(DATA.dayMax);
    DATA.dateMid = dayToIso(Math.round((DATA.dayMin + DATA.dayMax) / 2));
  }
  $("heading").textContent = DATA.title;
  if (DATA.notice) { $("notice").textContent = DATA.notice; $("notice").title = DATA.notice; $("notice").hidden = false; }

  // ---------------------------------------------------------------- the model: nodes and links as flat arrays
  var NN = NODES.length, nodeIdx = {}, nodeById = {}, edgeById = {};
  var X = new Float64Array(NN), Y = new Float64Array(NN), RAD = new Float32Array(NN), NVIS = new Uint8Array(NN), LABW = new Float32Array(NN);
  var GROUPS = [], groupKey = {}, NG = new Uint16Array(NN);
  NODES.forEach(function (n, i) {
    nodeIdx[n.id] = i; nodeById[n.id] = n; X[i] = n.x || 0; Y[i] = n.y || 0; RAD[i] = n.size || 10;
    var k = n.color + "|" + n.shape;
    if (!(k in groupKey)) { groupKey[k] = GROUPS.length; GROUPS.push({ color: n.color, shape: n.shape }); }
    NG[i] = groupKey[k];
  });
  var ORDER = Array.from({ length: NN }, function (_, i) { return i; });  // label priority: most active first
  ORDER.sort(function (a, b) { return NODES[b].nev - NODES[a].nev || (NODES[a].label < NODES[b].label ? -1 : 1); });
  var LINKS = [], linkById = {}, LINKS_BY_EDGE = [];
  E.forEach(function (e) {
    edgeById[e.id] = e;
    var l = { id: e.id, e: e, parent: null, rec: -1, kind: e.kind, f: nodeIdx[e.from], t: nodeIdx[e.to], bend: e.bend || 0,
              arrow: e.kind !== "place", vis: false, color: e.kind === "place" ? DATA.placeColor : QC[e.quad] || "#999999", w: 1,
              dash: e.kind === "place", label: "", n: e.ev.length };
    LINKS.push(l); linkById[e.id] = l; LINKS_BY_EDGE.push(l);
  });

  // ---------------------------------------------------------------- controls
  var rootBoxes = {}, quadBoxes = {};
  DATA.quads.forEach(function (q) {
    var lab = el("label"), cb = el("input"); cb.type = "checkbox"; cb.checked = true; cb.id = "quad-" + q.quad;
    var sw = el("i", "sw"); sw.style.background = q.color;
    lab.appendChild(cb); lab.appendChild(sw); lab.appendChild(document.createTextNode(q.quad + " " + q.label));
    $("quads").appendChild(lab); quadBoxes[q.quad] = cb; cb.addEventListener("change", refresh);
  });
  DATA.roots.forEach(function (r) {
    var lab = el("label"), cb = el("input"); cb.type = "checkbox"; cb.checked = true; cb.id = "root-" + r.root;
    lab.appendChild(cb); lab.appendChild(document.createTextNode(r.root + " " + (r.label || "") + " (" + r.n + ")"));
    $("roots").appendChild(lab); rootBoxes[r.root] = cb; cb.addEventListener("change", refresh);
  });
  function setAllRoots(v) { Object.keys(rootBoxes).forEach(function (k) { rootBoxes[k].checked = v; }); refresh(); }
  $("roots-all").addEventListener("click", function () { setAllRoots(true); });
  $("roots-none").addEventListener("click", function () { setAllRoots(false); });

  var legend = $("legend"), kinds = el("div", "kinds");
  DATA.kinds.forEach(function (k) {
    var row = el("span", "legend-row"), sh = el("span", "shape", SHAPE_CHAR[k.shape] || "\u25CF");
    sh.style.color = k.color; row.appendChild(sh); row.appendChild(document.createTextNode(k.label)); kinds.appendChild(row);
  });
  legend.appendChild(kinds);
  [["size", "events of the actor"], ["arrow", "colour: main quad class; width: events"], ["dashed", "no asserted event shown"],
   ["grey dashed", "place of an event"], ["~month, ~year", "date known to the month or year only (bands on the timeline)"],
   ["labels", "busiest actors first; link labels on hover and from a closer zoom"]].forEach(function (p) {
    var row = el("span", "legend-row small"); row.appendChild(el("b", null, p[0] + ": ")); row.appendChild(document.createTextNode(p[1]));
    legend.appendChild(row);
  });
  var hl = el("span", "legend-row small"); ["trigger", "source", "target"].forEach(function (r) {
    hl.appendChild(el("mark", "hl-" + r, r)); hl.appendChild(document.createTextNode(" "));
  }); hl.appendChild(document.createTextNode("in the sentences")); legend.appendChild(hl);

  // the date inputs always show the range in force; the data's whole range at first
  var since = $("since"), until = $("until"), rFrom = $("range-from"), rTo = $("range-to");
  function setRange(a, b) {
    if (!hasDates) return;
    a = Math.max(DATA.dayMin, Math.min(DATA.dayMax, a)); b = Math.max(a, Math.min(DATA.dayMax, b));
    since.value = dayToIso(a); until.value = dayToIso(b); rFrom.value = a; rTo.value = b;
  }
  if (hasDates) {
    [since, until].forEach(function (i) { i.min = DATA.dateMin; i.max = DATA.dateMax; });
    [rFrom, rTo].forEach(function (r) { r.min = DATA.dayMin; r.max = DATA.dayMax; r.step = 1; });
    setRange(DATA.dayMin, DATA.dayMax);
  } else {
    [since, until, rFrom, rTo].forEach(function (i) { i.disabled = true; });
  }
  var pending = false;
  function refreshSoon() { if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; refresh(); }); } }
  rFrom.addEventListener("input", function () { var a = +rFrom.value; setRange(a, Math.max(a, +rTo.value)); refreshSoon(); });
  rTo.addEventListener("input", function () { var b = +rTo.value; setRange(Math.min(b, +rFrom.value), b); refreshSoon(); });
  [since, until].forEach(function (i) {
    i.addEventListener("change", function () {
      var a = isoToDay(since.value), b = isoToDay(until.value);
      setRange(a === null ? DATA.dayMin : a, b === null ? DATA.dayMax : b); refresh();
    });
  });
  function allDates() { setRange(DATA.dayMin, DATA.dayMax); refresh(); }
  $("dates-clear").addEventListener("click", allDates);
  $("asserted-only").addEventListener("change", refresh);

  // ---------------------------------------------------------------- the graph canvas
  var box = $("graph"), canvas = $("canvas"), ctx = canvas.getContext("2d");
  var layer = document.createElement("canvas"), lctx = layer.getContext("2d");
  var W = 0, H = 0, dpr = 1, view = { s: 1, tx: 0, ty: 0 }, fitScale = 1;
  var dataVer = 1, layerVer = 0, layerView = null, lastRenderMs = 0, raf = 0, interacting = false, idleTimer = null;
  var hover = null, selected = null, placed = [], placedKey = "", drag = null, focusSet = null;

  function resize() {
    var w = box.clientWidth, h = box.clientHeight, d = window.devicePixelRatio || 1;
    if (w === W && h === H && d === dpr) return false;
    W = w; H = h; dpr = d;
    canvas.width = layer.width = Math.max(1, Math.round(W * dpr)); canvas.height = layer.height = Math.max(1, Math.round(H * dpr));
    canvas.style.width = W + "px"; canvas.style.height = H + "px";
    layerView = null;
    return true;
  }
  function toScreenX(x) { return x * view.s + view.tx; }
  function toScreenY(y) { return y * view.s + view.ty; }
  function curve(l) {  // endpoints and, for a bent link, the control point of its quadratic curve
    var x1 = X[l.f], y1 = Y[l.f], x2 = X[l.t], y2 = Y[l.t], c = null;
    if (l.bend) { var dx = x2 - x1, dy = y2 - y1; c = [(x1 + x2) / 2 - dy * l.bend, (y1 + y2) / 2 + dx * l.bend]; }
    return [x1, y1, x2, y2, c];
  }
  function midpoint(l) {
    var g = curve(l);
    return g[4] ? [(g[0] + 2 * g[4][0] + g[2]) / 4, (g[1] + 2 * g[4][1] + g[3]) / 4] : [(g[0] + g[2]) / 2, (g[1] + g[3]) / 2];
  }
  function nodePath(p, shape, x, y, r) {  // screen coordinates
    if (shape === "dot" || shape === undefined) {
      if (r < 2) p.rect(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r); else { p.moveTo(x + r, y); p.arc(x, y, r, 0, 6.283185307); }
    } else if (shape === "square") { p.rect(x - r, y - r, 2 * r, 2 * r); }
    else if (shape === "diamond") { p.moveTo(x, y - r * 1.2); p.lineTo(x + r * 1.2, y); p.lineTo(x, y + r * 1.2); p.lineTo(x - r * 1.2, y); p.closePath(); }
    else if (shape === "triangle") { p.moveTo(x, y - r * 1.15); p.lineTo(x + r, y + r * 0.6); p.lineTo(x - r, y + r * 0.6); p.closePath(); }
    else if (shape === "triangleDown") { p.moveTo(x, y + r * 1.15); p.lineTo(x + r, y - r * 0.6); p.lineTo(x - r, y - r * 0.6); p.closePath(); }
    else if (shape === "star") {
      for (var k = 0; k < 10; k++) {
        var a = -Math.PI / 2 + k * Math.PI / 5, rr = k % 2 ? r * 0.5 : r * 1.2;
        if (k) p.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a)); else p.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
      }
      p.closePath();
    } else { p.moveTo(x + r, y); p.arc(x, y, r, 0, 6.283185307); }
  }
  var COLORS = {};
  function colorIndex(c) { var k = COLORS[c]; if (k === undefined) k = COLORS[c] = Object.keys(COLORS).length; return k; }
  function radiusOn(i) { return Math.max(RAD[i], 1.3 / view.s); }  // never under ~1.3 px on screen

  // The graph layer (links, arrows, nodes) is painted in batches, one path per colour and width, culled to
  // the view, in screen coordinates (stroking under a scaling transform is 10-20 times slower in Chromium's
  // software canvas), into an offscreen bitmap that later frames reuse until the view or the data change.
  function renderLayer() {
    var t0 = performance.now(), s = view.s, tx = view.tx, ty = view.ty;
    lctx.setTransform(1, 0, 0, 1, 0, 0); lctx.clearRect(0, 0, layer.width, layer.height);
    lctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    var m = 40, groups = [], arrows = {}, i, l;
    for (var j = 0; j < LINKS.length; j++) {
      l = LINKS[j];
      if (!l.vis) continue;
      var x1 = X[l.f] * s + tx, y1 = Y[l.f] * s + ty, x2 = X[l.t] * s + tx, y2 = Y[l.t] * s + ty;
      if (!l.bend && ((x1 < -m && x2 < -m) || (x1 > W + m && x2 > W + m) || (y1 < -m && y2 < -m) || (y1 > H + m && y2 > H + m))) continue;
      if (Math.abs(x2 - x1) + Math.abs(y2 - y1) < 1) continue;  // under a pixel: nothing to see
      var qi = Math.min(40, Math.max(2, Math.round(l.w * s * 2))), key = (colorIndex(l.color) * 41 + qi) * 2 + (l.dash ? 1 : 0);
      var g = groups[key]; if (!g) { g = groups[key] = { color: l.color, q: qi / 2, dash: l.dash, path: new Path2D() }; }
      var p = g.path, cx = 0, cy = 0;
      p.moveTo(x1, y1);
      if (l.bend) {
        cx = (x1 + x2) / 2 - (y2 - y1) * l.bend; cy = (y1 + y2) / 2 + (x2 - x1) * l.bend;
        p.quadraticCurveTo(cx, cy, x2, y2);
      } else p.lineTo(x2, y2);
      if (!l.arrow) continue;
      var al = Math.max(7, 2.5 * l.w) * s;  // an arrowhead where the link meets its target, if big enough to see
      if (al < 4) continue;
      var fx = l.bend ? cx : x1, fy = l.bend ? cy : y1, dx = x2 - fx, dy = y2 - fy, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var rt = radiusOn(l.t) * s;
      if (d < rt + 2 * al) continue;
      var ux = dx / d, uy = dy / d, px = x2 - ux * rt, py = y2 - uy * rt, bx = px - ux * al, by = py - uy * al;
      var a = arrows[l.color]; if (!a) a = arrows[l.color] = new Path2D();
      a.moveTo(px, py); a.lineTo(bx - uy * al * 0.45, by + ux * al * 0.45); a.lineTo(bx + uy * al * 0.45, by - ux * al * 0.45); a.closePath();
    }
    lctx.globalAlpha = 0.85; lctx.lineCap = "butt";
    groups.forEach(function (g) {  // (a sparse array: only the groups in use)
      lctx.strokeStyle = g.color; lctx.lineWidth = g.q;
      lctx.setLineDash(g.dash ? [5, 4] : []);
      lctx.stroke(g.path);
    });
    lctx.setLineDash([]); lctx.globalAlpha = 1;
    Object.keys(arrows).forEach(function (color) { lctx.fillStyle = color; lctx.fill(arrows[color]); });
    var fills = GROUPS.map(function () { return new Path2D(); }), borders = new Path2D(), anyBorder = false;
    for (i = 0; i < NN; i++) {
      if (!NVIS[i]) continue;
      var x = X[i] * s + tx, y = Y[i] * s + ty, r = radiusOn(i) * s;
      if (x + r < -m || x - r > W + m || y + r < -m || y - r > H + m) continue;
      nodePath(fills[NG[i]], GROUPS[NG[i]].shape, x, y, r);
      if (r >= 3.5) { nodePath(borders, GROUPS[NG[i]].shape, x, y, r); anyBorder = true; }
    }
    fills.forEach(function (p, k) { lctx.fillStyle = GROUPS[k].color; lctx.fill(p); });
    if (anyBorder) { lctx.strokeStyle = "rgba(0,0,0,.55)"; lctx.lineWidth = 1; lctx.stroke(borders); }
    layerView = { s: view.s, tx: view.tx, ty: view.ty, W: W, H: H }; layerVer = dataVer;
    lastRenderMs = performance.now() - t0;
  }
  function layerFresh() {
    return layerView && layerVer === dataVer && layerView.s === view.s && layerView.tx === view.tx && layerView.ty === view.ty && layerView.W === W && layerView.H === H;
  }

  // one frame: the layer (re-painted, or while the view moves the last one moved along), highlights, labels
  function frame() {
    raf = 0;
    var t0 = performance.now();
    resize();
    ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!layerFresh()) {
      if (interacting && layerView && layerVer === dataVer && layerView.W === W && lastRenderMs > 12) {
        var k = view.s / layerView.s;
        ctx.drawImage(layer, dpr * (view.tx - layerView.tx * k), dpr * (view.ty - layerView.ty * k), layer.width * k, layer.height * k);
      } else renderLayer();
    }
    if (layerFresh()) ctx.drawImage(layer, 0, 0);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawHighlights();
    drawLabels();
    window.kgFrameMs = performance.now() - t0;
    if (!window.kgDrawn) {
      ctx.getImageData(0, 0, 1, 1);  // the first frame is painted, not only recorded
      window.kgDrawnAt = performance.now(); window.kgDrawn = true;
    }
  }
  function requestFrame() { if (!raf) raf = requestAnimationFrame(frame); }
  function moving() {  // the view moves: cheap frames now, a sharp one once it rests
    interacting = true; clearTimeout(idleTimer);
    idleTimer = setTimeout(function () { interacting = false; requestFrame(); }, 160);
    requestFrame();
  }
  function strokeLink(l, width, color) {
    var c = curve(l);
    ctx.beginPath(); ctx.moveTo(toScreenX(c[0]), toScreenY(c[1]));
    if (c[4]) ctx.quadraticCurveTo(toScreenX(c[4][0]), toScreenY(c[4][1]), toScreenX(c[2]), toScreenY(c[3]));
    else ctx.lineTo(toScreenX(c[2]), toScreenY(c[3]));
    ctx.lineWidth = width; ctx.strokeStyle = color; ctx.stroke();
  }
  function ringNode(i, color) {
    ctx.beginPath(); ctx.arc(toScreenX(X[i]), toScreenY(Y[i]), radiusOn(i) * view.s + 3, 0, 6.283185307);
    ctx.lineWidth = 2.5; ctx.strokeStyle = color; ctx.stroke();
  }
  function drawHighlights() {
    [selected, hover].forEach(function (h, k) {
      if (!h) return;
      var color = k ? "rgba(30,100,200,.9)" : "#111";
      if (h.type === "link" && linkById[h.id] && linkById[h.id].vis) {
        var l = linkById[h.id]; strokeLink(l, Math.max(3, l.w * view.s + 2), "rgba(255,255,255,.8)"); strokeLink(l, Math.max(2, l.w * view.s), k ? color : l.color);
      } else if (h.type === "node" && h.id in nodeIdx && NVIS[nodeIdx[h.id]]) ringNode(nodeIdx[h.id], color);
    });
    if (focusSet) Object.keys(focusSet).forEach(function (id) { if (id in nodeIdx && NVIS[nodeIdx[id]]) ringNode(nodeIdx[id], "#111"); });
  }

  // labels: node names at one size on screen, busiest first, never overlapping (kgLabels.place, shared with
  // kg serve); a link's whole label on hover, and from kgLabels.EDGE_LABEL_ZOOM times the fitting zoom on
  // widths as the sum of each character's width, measured once per character: never narrower than the
  // drawn text (kerning and joining only narrow it), and 10,000 names cost no 10,000 measureText calls
  var charWidths = { node: new Map(), edge: new Map() };
  function textWidth(text, kind) {
    var cache = charWidths[kind], w = 0;
    for (var ch of text) {
      var c = cache.get(ch);
      if (c === undefined) { ctx.font = kind === "node" ? NODE_FONT : EDGE_FONT; c = ctx.measureText(ch).width; cache.set(ch, c); }
      w += c;
    }
    return w;
  }
  function labelWidth(i) {
    if (!LABW[i]) LABW[i] = textWidth(NODES[i].label, "node") + 1;
    return LABW[i];
  }
  function computeLabels() {
    var key = [view.s, view.tx, view.ty, W, H, dataVer, hover && hover.id, selected && selected.id].join("|");
    if (key === placedKey) return;
    placedKey = key;
    var cands = [], obstacles = [], first = [], i, sx, sy, r;
    if (hover && hover.type === "link" && linkById[hover.id] && linkById[hover.id].vis) first.push(linkById[hover.id]);
    if (selected && selected.type === "link" && linkById[selected.id] && linkById[selected.id].vis) first.push(linkById[selected.id]);
    first.forEach(function (l) {  // the hovered or selected link's label comes first, moved inside the view if need be
      var c = edgeCand(l); if (!c) return;
      var dx = Math.max(0, -c.x1) - Math.max(0, c.x2 - W), dy = Math.max(0, -c.y1) - Math.max(0, c.y2 - H);
      c.x1 += dx; c.x2 += dx; c.y1 += dy; c.y2 += dy; c.over = true; cands.push(c);
    });
    var pri = [];
    [selected, hover].forEach(function (h) { if (h && h.type === "node" && h.id in nodeIdx) pri.push(nodeIdx[h.id]); });
    if (focusSet) Object.keys(focusSet).forEach(function (id) { if (id in nodeIdx) pri.push(nodeIdx[id]); });
    var order = pri.concat(ORDER);
    var seen = new Uint8Array(NN);
    for (var k = 0; k < order.length; k++) {
      i = order[k];
      if (seen[i] || !NVIS[i]) continue;
      seen[i] = 1;
      sx = toScreenX(X[i]); sy = toScreenY(Y[i]); r = radiusOn(i) * view.s;
      if (sx < -200 || sx > W + 200 || sy < -40 || sy > H + 40) continue;
      if (r >= 4) obstacles.push({ x1: sx - r, y1: sy - r, x2: sx + r, y2: sy + r, id: "n" + i });
      var w = labelWidth(i), top = sy + r + 2;  // below the node, else above, right or left of it
      cands.push({ x1: sx - w / 2 - 2, x2: sx + w / 2 + 2, y1: top, y2: top + 15, id: "n" + i, kind: "node", i: i, text: NODES[i].label,
                   alts: [{ x1: sx - w / 2 - 2, x2: sx + w / 2 + 2, y1: sy - r - 17, y2: sy - r - 2 },
                          { x1: sx + r + 3, x2: sx + r + w + 7, y1: sy - 7.5, y2: sy + 7.5 },
                          { x1: sx - r - w - 7, x2: sx - r - 3, y1: sy - 7.5, y2: sy + 7.5 }] });
    }
    if (view.s >= fitScale * kgLabels.EDGE_LABEL_ZOOM - 1e-9) {
      var ls = [];
      for (var j = 0; j < LINKS.length; j++) {
        var l = LINKS[j];
        if (!l.vis || l.kind === "place") continue;
        var mp = midpoint(l), mx = toScreenX(mp[0]), my = toScreenY(mp[1]);
        if (mx < 0 || mx > W || my < 0 || my > H) continue;
        ls.push(l);
      }
      ls.sort(function (a, b) { return b.n - a.n; });
      ls.slice(0, 3000).forEach(function (l) { var c = edgeCand(l); if (c) cands.push(c); });
    }
    placed = kgLabels.place(cands, obstacles, { width: W, height: H }).map(function (k) { return cands[k]; });
  }
  function edgeCand(l) {
    var text = linkLabel(l);
    if (!text) return null;
    if (l.lwText !== text) { l.lw = textWidth(text, "edge"); l.lwText = text; }
    var mp = midpoint(l), mx = toScreenX(mp[0]), my = toScreenY(mp[1]), w = l.lw + 8;
    return { x1: mx - w / 2, x2: mx + w / 2, y1: my - 8, y2: my + 8, id: "l" + l.id, kind: "edge", link: l, text: text };
  }
  function drawLabels() {
    computeLabels();
    ctx.textAlign = "center";
    placed.forEach(function (c) {
      var b = c.at || c;
      if (c.kind === "edge") {
        ctx.font = EDGE_FONT; ctx.textBaseline = "middle";
        ctx.fillStyle = "rgba(255,255,255,.92)"; ctx.fillRect(c.x1, c.y1, c.x2 - c.x1, c.y2 - c.y1);
        ctx.strokeStyle = c.link.color; ctx.lineWidth = 1; ctx.strokeRect(c.x1 + 0.5, c.y1 + 0.5, c.x2 - c.x1 - 1, c.y2 - c.y1 - 1);
        ctx.fillStyle = "#222"; ctx.fillText(c.text, (c.x1 + c.x2) / 2, (c.y1 + c.y2) / 2 + 0.5);
      } else {
        ctx.font = NODE_FONT; ctx.textBaseline = "top";
        ctx.lineJoin = "round"; ctx.lineWidth = 3; ctx.strokeStyle = "#fff"; ctx.strokeText(c.text, (b.x1 + b.x2) / 2, b.y1 + 1);
        ctx.fillStyle = "#222"; ctx.fillText(c.text, (b.x1 + b.x2) / 2, b.y1 + 1);
      }
    });
  }

  // view: fit, zoom around the pointer, pan
  function bounds(ids) {
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity, any = false;
    function take(i) { var r = RAD[i]; any = true; x0 = Math.min(x0, X[i] - r); y0 = Math.min(y0, Y[i] - r); x1 = Math.max(x1, X[i] + r); y1 = Math.max(y1, Y[i] + r); }
    if (ids) ids.forEach(function (id) { if (id in nodeIdx) take(nodeIdx[id]); });
    else for (var i = 0; i < NN; i++) if (NVIS[i]) take(i);
    return any ? [x0, y0, x1, y1] : null;
  }
  function scaleFor(b) { return Math.min((W - 60) / Math.max(1, b[2] - b[0]), (H - 60) / Math.max(1, b[3] - b[1]), 1.5); }
  function fit(ids) {  // the view that shows ids (default: every node shown); fitScale is always the whole graph's
    resize();
    var all = bounds(null) || [-100, -100, 100, 100], b = (ids && bounds(ids)) || all, s = scaleFor(b);
    fitScale = scaleFor(all);
    view.s = s; view.tx = W / 2 - (b[0] + b[2]) / 2 * s; view.ty = H / 2 - (b[1] + b[3]) / 2 * s;
    requestFrame();
  }
  function zoomAt(px, py, factor) {
    var s = Math.max(fitScale * 0.2, Math.min(Math.max(fitScale * 80, 4), view.s * factor)), k = s / view.s;
    view.tx = px - (px - view.tx) * k; view.ty = py - (py - view.ty) * k; view.s = s;
    hideTip(); moving();
  }

  // hit testing: a node within its radius (at least 5 px), else the nearest link within 5 px
  function nodeAt(px, py) {
    var best = -1, bd = Infinity;
    for (var i = 0; i < NN; i++) {
      if (!NVIS[i]) continue;
      var dx = toScreenX(X[i]) - px, dy = toScreenY(Y[i]) - py, r = Math.max(5, radiusOn(i) * view.s + 1), d = dx * dx + dy * dy;
      if (d <= r * r && d < bd) { bd = d; best = i; }
    }
    return best;
  }
  function segDist(px, py, x1, y1, x2, y2) {
    var dx = x2 - x1, dy = y2 - y1, L = dx * dx + dy * dy, t = L ? Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / L)) : 0;
    var ex = x1 + t * dx - px, ey = y1 + t * dy - py;
    return Math.sqrt(ex * ex + ey * ey);
  }
  function linkAt(px, py) {
    var best = null, bd = 5;
    for (var j = 0; j < LINKS.length; j++) {
      var l = LINKS[j];
      if (!l.vis) continue;
      var c = curve(l), x1 = toScreenX(c[0]), y1 = toScreenY(c[1]), x2 = toScreenX(c[2]), y2 = toScreenY(c[3]), d;
      if (!c[4]) {
        if ((px < x1 - 5 && px < x2 - 5) || (px > x1 + 5 && px > x2 + 5) || (py < y1 - 5 && py < y2 - 5) || (py > y1 + 5 && py > y2 + 5)) continue;
        d = segDist(px, py, x1, y1, x2, y2);
      } else {
        var cx = toScreenX(c[4][0]), cy = toScreenY(c[4][1]), lx = x1, ly = y1; d = Infinity;
        for (var k = 1; k <= 10; k++) {
          var t = k / 10, u = 1 - t, qx = u * u * x1 + 2 * u * t * cx + t * t * x2, qy = u * u * y1 + 2 * u * t * cy + t * t * y2;
          d = Math.min(d, segDist(px, py, lx, ly, qx, qy)); lx = qx; ly = qy;
        }
      }
      if (d < bd) { bd = d; best = l; }
    }
    return best;
  }
  function pointer(ev) { var r = canvas.getBoundingClientRect(); return { x: ev.clientX - r.left, y: ev.clientY - r.top }; }
  function hitAt(p) {
    var i = nodeAt(p.x, p.y);
    if (i >= 0) return { type: "node", id: NODES[i].id };
    var l = linkAt(p.x, p.y);
    return l ? { type: "link", id: l.id } : null;
  }
  var hoverRaf = 0, lastMove = null;
  function updateHover() {
    hoverRaf = 0;
    if (!lastMove || drag) return;
    var h = hitAt(lastMove), same = (h && hover && h.id === hover.id && h.type === hover.type) || (!h && !hover);
    box.classList.toggle("over", !!h);
    if (same) return;
    hover = h;
    if (!h) hideTip(); else showTip(h.type === "node" ? nodeInfo(h.id, false) : edgeInfo(h.id, 3, false), lastMove);
    requestFrame();
  }
  canvas.addEventListener("pointerdown", function (ev) {
    if (ev.button !== 0) return;
    var p = pointer(ev), i = nodeAt(p.x, p.y);
    drag = { x: p.x, y: p.y, node: i, moved: false, tx: view.tx, ty: view.ty };
    canvas.setPointerCapture(ev.pointerId);
  });
  canvas.addEventListener("pointermove", function (ev) {
    var p = pointer(ev);
    if (drag) {
      if (!drag.moved && Math.abs(p.x - drag.x) + Math.abs(p.y - drag.y) < 4) return;
      if (!drag.moved) { drag.moved = true; hideTip(); hover = null; }
      if (drag.node >= 0) {
        X[drag.node] = (p.x - view.tx) / view.s; Y[drag.node] = (p.y - view.ty) / view.s; dataVer++; requestFrame();
      } else {
        box.classList.add("pan"); view.tx = drag.tx + p.x - drag.x; view.ty = drag.ty + p.y - drag.y; moving();
      }
      return;
    }
    lastMove = p;
    if (!hoverRaf) hoverRaf = requestAnimationFrame(updateHover);
  });
  canvas.addEventListener("pointerup", function (ev) {
    var d = drag; drag = null; box.classList.remove("pan");
    if (!d) return;
    if (!d.moved) onClick(hitAt(pointer(ev)));
  });
  canvas.addEventListener("pointerleave", function () { if (!drag) { lastMove = null; hover = null; hideTip(); box.classList.remove("over"); requestFrame(); } });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = pointer(ev), dy = ev.deltaY * (ev.deltaMode === 1 ? 16 : ev.deltaMode === 2 ? 400 : 1);
    zoomAt(p.x, p.y, Math.exp(-dy * 0.0015));
  }, { passive: false });
  canvas.addEventListener("dblclick", function (ev) {
    var h = hitAt(pointer(ev));
    if (h && h.type === "link") {
      var l = linkById[h.id], id = l.parent || l.id;
      if (edgeById[id] && edgeById[id].kind !== "place" && edgeById[id].ev.length > 1) toggleExpand(id);
    }
  });
  if (window.ResizeObserver) new ResizeObserver(function () { if (resize()) { placedKey = ""; requestFrame(); } }).observe(box);

  // physics on demand: a bounded force relaxation of the nodes shown (springs along the links shown)
  var phys = null;
  function setPhysics(on) {
    $("physics").checked = !!on;
    phys = null;
    if (!on) return;
    var idx = []; for (var i = 0; i < NN; i++) if (NVIS[i]) idx.push(i);
    if (idx.length > 3000) { $("physics").checked = false; $("focus-line").textContent = "physics works on up to 3,000 actors shown: focus on an actor first"; return; }
    phys = { idx: idx, step: 0, steps: 240, until: performance.now() + (DATA.big ? 8000 : 20000), k: 110 };
    requestAnimationFrame(physicsFrame);
  }
  function physicsFrame() {
    if (!phys) return;
    var P = phys, n = P.idx.length, k = P.k, cell = 2 * k, fx = new Float64Array(NN), fy = new Float64Array(NN), grid = new Map();
    P.idx.forEach(function (i) { var key = Math.floor(X[i] / cell) * 73856093 ^ Math.floor(Y[i] / cell) * 19349663; var g = grid.get(key); if (g) g.push(i); else grid.set(key, [i]); });
    P.idx.forEach(function (i) {
      var gx = Math.floor(X[i] / cell), gy = Math.floor(Y[i] / cell);
      for (var a = -1; a <= 1; a++) for (var b = -1; b <= 1; b++) {
        var g = grid.get((gx + a) * 73856093 ^ (gy + b) * 19349663); if (!g) continue;
        for (var q = 0; q < g.length; q++) {
          var j = g[q]; if (j === i) continue;
          var dx = X[i] - X[j], dy = Y[i] - Y[j], d2 = dx * dx + dy * dy + 0.01;
          if (d2 > cell * cell) continue;
          var f = k * k / d2; fx[i] += dx * f; fy[i] += dy * f;
        }
      }
    });
    LINKS.forEach(function (l) {
      if (!l.vis || l.parent) return;
      var dx = X[l.t] - X[l.f], dy = Y[l.t] - Y[l.f], d = Math.sqrt(dx * dx + dy * dy) + 0.01, f = d / k;
      fx[l.f] += dx * f; fy[l.f] += dy * f; fx[l.t] -= dx * f; fy[l.t] -= dy * f;
    });
    var cx = 0, cy = 0; P.idx.forEach(function (i) { cx += X[i] / n; cy += Y[i] / n; });
    var temp = 60 * (1 - P.step / P.steps) + 2, moved = 0;
    P.idx.forEach(function (i) {
      if (drag && drag.node === i) return;
      fx[i] -= (X[i] - cx) * 0.02; fy[i] -= (Y[i] - cy) * 0.02;
      var d = Math.sqrt(fx[i] * fx[i] + fy[i] * fy[i]) || 1, step = Math.min(d, temp);
      X[i] += fx[i] / d * step; Y[i] += fy[i] / d * step; moved += step;
    });
    P.step++; dataVer++; requestFrame();
    if (P.step >= P.steps || moved / n < 0.3 || performance.now() > P.until) setPhysics(false);
    else requestAnimationFrame(physicsFrame);
  }
  $("physics").addEventListener("change", function () { setPhysics($("physics").checked); });
  $("fit").addEventListener("click", function () { fit(); });

  // the canvas's API (tests, the benchmark, the console)
  window.kgGraph = {
    fit: function (ids) { fit(ids ? [].concat(ids) : null); },
    getScale: function () { return view.s; },
    fitScale: function () { return fitScale; },
    moveTo: function (o) {
      if (o.scale) { var p = o.position || { x: (W / 2 - view.tx) / view.s, y: (H / 2 - view.ty) / view.s }; view.s = o.scale; view.tx = W / 2 - p.x * o.scale; view.ty = H / 2 - p.y * o.scale; }
      requestFrame();
    },
    canvasToDOM: function (p) { return { x: toScreenX(p.x), y: toScreenY(p.y) }; },
    DOMtoCanvas: function (p) { return { x: (p.x - view.tx) / view.s, y: (p.y - view.ty) / view.s }; },
    getPositions: function (ids) { var o = {}; (ids || NODES.map(function (n) { return n.id; })).forEach(function (id) { if (id in nodeIdx) o[id] = { x: X[nodeIdx[id]], y: Y[nodeIdx[id]] }; }); return o; },
    visibleNodes: function () { return NODES.filter(function (n, i) { return NVIS[i]; }).map(function (n) { return n.id; }); },
    visibleEdges: function () { return LINKS.filter(function (l) { return l.vis; }).map(function (l) { return l.id; }); },
    edgeMidpoints: function () {  // page coordinates of the middle of every link shown
      var r = canvas.getBoundingClientRect();
      return LINKS.filter(function (l) { return l.vis; }).map(function (l) { var m = midpoint(l); return { id: l.id, x: r.left + toScreenX(m[0]), y: r.top + toScreenY(m[1]) }; });
    },
    labels: function () {  // the labels on screen: their text and box (screen px)
      computeLabels();
      return placed.map(function (c) { var b = c.at || c; return { kind: c.kind, id: c.kind === "node" ? NODES[c.i].id : c.link.id, text: c.text, x1: b.x1, y1: b.y1, x2: b.x2, y2: b.y2 }; });
    },
    nodeAt: function (x, y) { var i = nodeAt(x, y); return i < 0 ? null : NODES[i].id; },
    linkAt: function (x, y) { var l = linkAt(x, y); return l ? l.id : null; },
    select: function (h) { selected = h || null; requestFrame(); },
    redraw: function () {  // a full repaint (layer and labels), finished on the canvas; returns ms
      var t = performance.now(); layerView = null; placedKey = ""; frame(); ctx.getImageData(0, 0, 1, 1); return performance.now() - t;
    },
    frame: function () { var t = performance.now(); placedKey = ""; frame(); ctx.getImageData(0, 0, 1, 1); return performance.now() - t; },
    lastRenderMs: function () { return lastRenderMs; },
    physics: setPhysics,
  };
  window.kgPhysics = setPhysics;

  // the read API of the earlier page (a subset of vis-network's), for scripts and notebooks written against it
  function linkView(l) {
    var e = l.parent ? edgeById[l.parent] : l.e;
    return { id: l.id, from: e.from, to: e.to, kind: l.parent ? "event" : l.kind, ev: l.parent ? [l.rec] : e.ev, hidden: !l.vis,
             label: linkLabel(l), color: l.color, width: l.w, dashes: l.dash, parent: l.parent || undefined };
  }
  function nodeView(n, i) { return { id: n.id, label: n.label, kind: n.kind, code: n.code, x: X[i], y: Y[i], size: n.size, hidden: !NVIS[i] }; }
  function dataView(all, byId) {
    return {
      get: function (q) {
        if (typeof q === "string") return byId(q);
        var items = all(); return q && q.filter ? items.filter(q.filter) : items;
      },
      getIds: function (q) { return this.get(q || {}).map(function (x) { return x.id; }); },
      get length() { return all().length; },
    };
  }
  window.edges = dataView(function () { return LINKS.map(linkView); }, function (id) { return linkById[id] ? linkView(linkById[id]) : null; });
  window.nodes = dataView(function () { return NODES.map(nodeView); }, function (id) { return id in nodeIdx ? nodeView(nodeById[id], nodeIdx[id]) : null; });
  window.network = Object.assign({}, window.kgGraph, {
    body: { get nodeIndices() { return window.kgGraph.visibleNodes(); }, get edgeIndices() { return window.kgGraph.visibleEdges(); } },
    emit: function (name, p) { if (name === "click") onClick(p.nodes && p.nodes.length ? { type: "node", id: p.nodes[0] } : p.edges && p.edges.length ? { type: "link", id: p.edges[0] } : null); },
  });

  // ---------------------------------------------------------------- filtering
  var focus = (DATA.focus || []).slice(), hops = DATA.hops || 1;
  $("hops").value = String(hops);
  var expanded = {};
  var recDate = new Uint8Array(R.length), recOther = new Uint8Array(R.length), recShown = new Uint8Array(R.length);
  var hood = null;

  function filters() {
    var a = isoToDay(since.value), b = isoToDay(until.value);
    var f = { since: hasDates && a !== null && a > DATA.dayMin ? a : null, until: hasDates && b !== null && b < DATA.dayMax ? b : null,
              asserted: $("asserted-only").checked, quads: {}, roots: {} };
    Object.keys(quadBoxes).forEach(function (q) { f.quads[q] = quadBoxes[q].checked; });
    Object.keys(rootBoxes).forEach(function (r) { f.roots[r] = rootBoxes[r].checked; });
    return f;
  }
  function edgeLabel(recs) {
    if (!recs.length) return "";
    var c = {}, best = null;
    recs.forEach(function (i) { var l = LAB[R[i].l]; c[l] = (c[l] || 0) + 1; if (best === null || c[l] > c[best] || (c[l] === c[best] && l < best)) best = l; });
    return recs.length === 1 ? best : best + " (" + recs.length + ")";
  }
  var filterVer = 0;
  function linkLabel(l) {  // the dyad's most common event type under the filters, and how many events: worked out when shown
    if (l.parent || l.kind === "place") return l.label;
    if (l.labelVer !== filterVer) { l.label = edgeLabel(l.e.ev.filter(function (i) { return recShown[i]; })); l.labelVer = filterVer; }
    return l.label;
  }

  function refresh() {
    var t0 = performance.now();
    var f = filters(), dated = f.since !== null || f.until !== null;
    for (var i = 0; i < R.length; i++) {
      var r = R[i], ok = true;
      if (f.asserted && r.mod !== "asserted") ok = false;
      else if (f.quads[r.quad] === false || f.roots[r.root] === false) ok = false;
      recOther[i] = ok ? 1 : 0;
      var d = true;
      if (dated) {
        if (r.d0 === null) d = false;
        else if (f.since !== null && r.d1 < f.since) d = false;
        else if (f.until !== null && r.d0 > f.until) d = false;
      }
      recDate[i] = d ? 1 : 0;
      recShown[i] = ok && d ? 1 : 0;
    }
    var nShown = new Int32Array(E.length), quadOf = new Uint8Array(E.length), assertedOf = new Uint8Array(E.length), qc = [0, 0, 0, 0, 0];
    for (var j = 0; j < E.length; j++) {
      var ev = E[j].ev, n = 0, as = 0;
      qc[0] = qc[1] = qc[2] = qc[3] = qc[4] = 0;
      for (var a = 0; a < ev.length; a++) { var ri = ev[a]; if (recShown[ri]) { n++; qc[R[ri].quad] = (qc[R[ri].quad] || 0) + 1; if (R[ri].mod === "asserted") as = 1; } }
      var best = 0; for (var q = 1; q <= 4; q++) if (qc[q] > qc[best]) best = q;
      nShown[j] = n; quadOf[j] = best; assertedOf[j] = as;
    }
    filterVer++;
    // neighbourhood of the focused actor(s) over the links that pass the filters
    hood = null;
    if (focus.length) {
      var adj = {};
      E.forEach(function (e, j) {
        if (!nShown[j]) return;
        (adj[e.from] = adj[e.from] || []).push(e.to);
        if (e.kind !== "place") (adj[e.to] = adj[e.to] || []).push(e.from);
      });
      hood = {}; var frontier = focus.slice(); focus.forEach(function (n) { hood[n] = 0; });
      for (var h = 1; h <= hops; h++) {
        var next = [];
        frontier.forEach(function (n) { (adj[n] || []).forEach(function (m) {
          if (!(m in hood)) { hood[m] = h; if (!nodeById[m] || nodeById[m].kind !== "place") next.push(m); }
        }); });
        frontier = next;
      }
    }
    var shown = 0, nodeHas = new Uint8Array(NN), parentShown = {};
    for (j = 0; j < E.length; j++) {
      var e = E[j], l = LINKS_BY_EDGE[j];
      var visible = nShown[j] > 0 && (!hood || ((e.from in hood) && (e.to in hood)));
      if (visible) { shown++; nodeHas[l.f] = 1; nodeHas[l.t] = 1; }
      parentShown[e.id] = visible;
      l.vis = visible && !expanded[e.id];
      if (e.kind !== "place") {
        l.color = QC[quadOf[j]] || "#999999"; l.w = nShown[j] ? 1 + 2 * Math.log2(nShown[j]) : 1; l.dash = !assertedOf[j]; l.n = nShown[j];
      }
    }
    LINKS.forEach(function (l) { if (l.parent) l.vis = parentShown[l.parent] && recShown[l.rec] === 1; });
    focus.forEach(function (n) { if (n in nodeIdx) nodeHas[nodeIdx[n]] = 1; });
    var shownNodes = 0;
    for (var k = 0; k < NN; k++) { NVIS[k] = nodeHas[k]; shownNodes += nodeHas[k]; }
    dataVer++; requestFrame();
    var evShown = {}, nev = 0;
    for (k = 0; k < R.length; k++) if (recShown[k] && (!hood || ((R[k].u in hood) && (R[k].v in hood))) && !evShown[R[k].e]) { evShown[R[k].e] = 1; nev++; }
    $("status").textContent = shownNodes + " of " + NN + " actors/places, " + shown + " of " + E.length +
      " links, " + nev + " of " + DATA.events + " events shown";
    window.kgVisibleEdges = shown;
    window.kgVisibleNodes = shownNodes;
    window.kgVisibleEvents = nev;
    drawTimeline();
    window.kgRefreshMs = performance.now() - t0;
  }

  // ---------------------------------------------------------------- text (always textContent, never markup)
  function sentenceEl(r) {
    var s = S[r.s] || "", div = el("div", "sent"), at = 0;
    div.appendChild(document.createTextNode("\u201C"));
    (r.hl || []).forEach(function (h) {
      if (h[0] < at || h[1] > s.length) return;
      if (h[0] > at) div.appendChild(document.createTextNode(s.slice(at, h[0])));
      var m = el("mark", "hl-" + h[2], s.slice(h[0], h[1])); m.title = h[2]; div.appendChild(m); at = h[1];
    });
    div.appendChild(document.createTextNode(s.slice(at) + "\u201D"));
    return div;
  }
  function eventEl(ri, withLink) {
    var r = R[ri], box = el("div", "ev"), head = el("div", "ev-head"), sw = el("i", "sw");
    sw.style.background = QC[r.quad] || "#999"; head.appendChild(sw);
    var date = kgLabels.dateText(r.date, r.p), bits = [LAB[r.l] + " [" + r.code + "]"];
    if (r.mod !== "asserted") bits.push(r.mod);
    if (r.place) bits.push("at " + r.place);
    head.appendChild(document.createTextNode(date.split(" ~")[0]));
    if (date.indexOf(" ~") > 0) head.appendChild(el("span", "prec", " ~" + date.split(" ~")[1] + " only"));
    if (r.inf) head.appendChild(document.createTextNode(" (article date)"));
    head.appendChild(document.createTextNode(" \u00B7 " + bits.join(" \u00B7 ")));
    box.appendChild(head);
    box.appendChild(el("div", "small", nodeName(r.u) + " \u2192 " + nodeName(r.v)));
    box.appendChild(sentenceEl(r));
    var doc = DOCS[r.doc] || {}, src = el("div", "srcline");
    src.appendChild(document.createTextNode("\u2014 " + [doc.title || doc.id, doc.publisher, doc.date].filter(Boolean).join(" \u00B7 ")));
    if (withLink && doc.url && /^https?:\/\//i.test(doc.url)) {
      var a = el("a", null, "open article"); a.href = doc.url; a.target = "_blank"; a.rel = "noopener noreferrer";
      src.appendChild(document.createTextNode(" ")); src.appendChild(a);
    } else if (doc.url) {
      src.appendChild(document.createTextNode(" " + doc.url));
    }
    box.appendChild(src);
    if (r.rep && r.rep.length) {  // the same act's other reports (headline, recap, other articles)
      var reps = el("div", "small reports", "reported " + r.n + " times; also:");
      r.rep.forEach(function (x) {
        var d2 = DOCS[x[0]] || {}, line = el("div", "sent");
        line.appendChild(document.createTextNode("\u201C" + (S[x[1]] || "") + "\u201D \u2014 " + [d2.title || d2.id, d2.publisher].filter(Boolean).join(" \u00B7 ")));
        reps.appendChild(line);
      });
      box.appendChild(reps);
    }
    return box;
  }
  function edgeRecords(id) {
    var l = linkById[id];
    if (!l) return null;
    if (!l.parent) return { e: l.e, all: l.e.ev, shown: l.e.ev.filter(function (i) { return recShown[i]; }) };
    return { e: edgeById[l.parent], all: [l.rec], shown: [l.rec], sub: true };
  }
  function nodeName(id) { return nodeById[id] ? nodeById[id].label : id; }
  function edgeInfo(id, max, withLink) {
    var x = edgeRecords(id); if (!x) return null;
    var box = el("div"), e = x.e;
    var title = e.kind === "place" ? nodeName(e.from) + " \u2014 place: " + nodeName(e.to) : nodeName(e.from) + " \u2192 " + nodeName(e.to);
    box.appendChild(el(withLink ? "h2" : "div", withLink ? null : "ev-head", title));
    box.appendChild(el("div", "small", x.all.length + " event(s)" + (x.shown.length !== x.all.length ? ", " + x.shown.length + " shown by the filters" : "")));
    var list = x.shown.length ? x.shown : x.all;
    list.slice(0, max).forEach(function (ri) { box.appendChild(eventEl(ri, withLink)); });
    if (list.length > max) box.appendChild(el("div", "small", "\u2026 and " + (list.length - max) + " more" + (withLink ? "" : " (click the link)")));
    return box;
  }
  function nodeInfo(id, withLinks) {
    var n = nodeById[id]; if (!n) return null;
    var box = el("div");
    box.appendChild(el(withLinks ? "h2" : "div", withLinks ? null : "ev-head", n.label));
    var kind = DATA.kinds.filter(function (k) { return k.kind === n.kind; })[0];
    box.appendChild(el("div", null, [kind ? kind.label : n.kind, n.code, n.country].filter(Boolean).join(" \u00B7 ")));
    box.appendChild(el("div", "small", n.nev + " event(s)"));
    if (n.aliases && n.aliases.length) box.appendChild(el("div", "small", "also: " + n.aliases.join(", ")));
    return box;
  }

  // tooltips: our own element, filled with text nodes only
  var tip = $("tip");
  function showTip(content, p) {
    if (!content) return;
    tip.replaceChildren(content); tip.hidden = false;
    var x = p.x + 14, y = p.y + 14;
    if (x + tip.offsetWidth > W) x = Math.max(0, p.x - tip.offsetWidth - 10);
    if (y + tip.offsetHeight > H) y = Math.max(0, p.y - tip.offsetHeight - 10);
    tip.style.left = x + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; tip.replaceChildren(); }

  // details panel
  var details = $("details"), body = $("details-body");
  function openDetails(content) { body.replaceChildren(content); details.hidden = false; details.scrollTop = 0; }
  $("details-close").addEventListener("click", function () { details.hidden = true; body.replaceChildren(); selected = null; requestFrame(); });
  function showEdgeDetails(id) {
    var box = edgeInfo(id, 200, true); if (!box) return;
    var x = edgeRecords(id), parent = x.sub ? linkById[id].parent : id;
    if (x.e.kind !== "place" && x.e.ev.length > 1) {
      var b = el("button", "btn", expanded[parent] ? "collapse into one link" : "expand into its " + x.e.ev.length + " events");
      b.type = "button"; b.addEventListener("click", function () { toggleExpand(parent); showEdgeDetails(parent); });
      box.insertBefore(b, box.children[2] || null);
    }
    selected = { type: "link", id: id }; requestFrame();
    openDetails(box);
  }
  function showNodeDetails(id) {
    var box = nodeInfo(id, true); if (!box) return;
    [1, 2].forEach(function (h) {
      var b = el("button", "btn", "focus: " + h + " hop" + (h > 1 ? "s" : "")); b.type = "button";
      b.addEventListener("click", function () { $("hops").value = String(h); setFocus([id], h); }); box.appendChild(b);
    });
    var links = E.filter(function (e) { return (e.from === id || e.to === id) && linkById[e.id].vis; });
    links.sort(function (a, b) { return b.ev.length - a.ev.length; });
    box.appendChild(el("div", "small", links.length + " link(s) shown"));
    links.slice(0, 60).forEach(function (e) {
      var a = el("button", "btn", (e.from === id ? "\u2192 " + nodeName(e.to) : "\u2190 " + nodeName(e.from)) + " (" + e.ev.length + ")");
      a.type = "button"; a.style.display = "block";
      a.addEventListener("click", function () { showEdgeDetails(e.id); }); box.appendChild(a);
    });
    selected = { type: "node", id: id }; requestFrame();
    openDetails(box);
  }
  function onClick(h) {
    hideTip();
    if (!h) return;
    if (h.type === "node") showNodeDetails(h.id); else showEdgeDetails(h.id);
  }

  // a dyad expands into one curved arrow per event (at most 60), each with its own label
  function toggleExpand(id) {
    var e = edgeById[id];
    if (expanded[id]) {
      var gone = {}; expanded[id].forEach(function (l) { gone[l.id] = 1; delete linkById[l.id]; });
      LINKS = LINKS.filter(function (l) { return !gone[l.id]; });
      delete expanded[id];
    } else {
      expanded[id] = e.ev.slice(0, 60).map(function (ri, k) {
        var r = R[ri], sign = k % 2 ? 1 : -1;
        var l = { id: id + ":" + k, e: null, parent: id, rec: ri, kind: "dyad", f: nodeIdx[e.from], t: nodeIdx[e.to],
                  bend: sign * Math.min(0.9, 0.1 + 0.12 * Math.floor(k / 2)), arrow: true, vis: false, color: QC[r.quad] || "#999",
                  w: 1.5, dash: r.mod !== "asserted", label: LAB[r.l], n: 1 };
        LINKS.push(l); linkById[l.id] = l;
        return l;
      });
    }
    refresh();
  }
  window.kgExpand = toggleExpand;

  // ---------------------------------------------------------------- actor search and focus
  var search = $("search"), suggest = $("suggest");
  function matches(q) {
    var fq = fold(q).trim(); if (!fq) return [];
    var out = NODES.filter(function (n) {
      if (n.folded === undefined) n.folded = fold([n.label, n.code, (n.aliases || []).join(" ")].join(" "));
      return n.folded.indexOf(fq) >= 0;
    });
    out.sort(function (a, b) {
      var pa = fold(a.label).indexOf(fq) === 0 || fold(a.code) === fq ? 0 : 1, pb = fold(b.label).indexOf(fq) === 0 || fold(b.code) === fq ? 0 : 1;
      return pa - pb || b.nev - a.nev;
    });
    return out.slice(0, 12);
  }
  function setFocus(ids, h) {
    focus = ids.slice(); if (h) hops = h;
    suggest.replaceChildren();
    $("focus-line").textContent = focus.length ? "focus: " + focus.map(nodeName).join(", ") + " (" + hops + " hop" + (hops > 1 ? "s" : "") + ")" : "";
    focusSet = null;
    refresh();
    if (focus.length) {
      focusSet = {}; focus.forEach(function (n) { focusSet[n] = 1; });
      var vis_ = Object.keys(hood || {}).filter(function (n) { return nodeById[n]; });
      fit(vis_.length ? vis_ : focus);
    } else {
      fit();
    }
  }
  window.kgFocus = function (id, h) { setFocus(id ? [].concat(id) : [], h); };
  search.addEventListener("input", function () {
    suggest.replaceChildren();
    matches(search.value).forEach(function (n) {
      var b = el("button", null, n.label + (n.code ? " \u00B7 " + n.code : "") + " (" + n.nev + ")"); b.type = "button";
      b.addEventListener("click", function () { search.value = n.label; setFocus([n.id]); });
      suggest.appendChild(b);
    });
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { var m = matches(search.value); if (m.length) { search.value = m[0].label; setFocus([m[0].id]); } }
    if (ev.key === "Escape") suggest.replaceChildren();
  });
  $("hops").addEventListener("change", function () { hops = +$("hops").value; setFocus(focus, hops); });
  $("focus-clear").addEventListener("click", function () { search.value = ""; setFocus([]); });

  // ---------------------------------------------------------------- timeline: day-dated events as bars, events dated
  // to a month or a year only as bands over that month or year (never piled on its first day)
  var tl = $("timeline"), tdrag = null;
  var binDays = 1;
  if (hasDates) { var span = DATA.dayMax - DATA.dayMin + 1; binDays = span <= 120 ? 1 : span <= 1000 ? 7 : 30; }
  var PAD_L = 36, PAD_R = 12, PAD_T = 8, PAD_B = 18, LANE = 12;
  function xOfDay(d, w) { return PAD_L + (d - DATA.dayMin) / (DATA.dayMax + 1 - DATA.dayMin) * (w - PAD_L - PAD_R); }
  function dayOfX(x, w) {
    var d = DATA.dayMin + Math.floor((x - PAD_L) / (w - PAD_L - PAD_R) * (DATA.dayMax + 1 - DATA.dayMin));
    return Math.max(DATA.dayMin, Math.min(DATA.dayMax, d));
  }
  function drawTimeline() {
    if (!tl) return;
    var dpr_ = window.devicePixelRatio || 1, w = tl.clientWidth || 600, h = tl.clientHeight || 120;
    if (tl.width !== Math.round(w * dpr_) || tl.height !== Math.round(h * dpr_)) { tl.width = Math.round(w * dpr_); tl.height = Math.round(h * dpr_); }
    var c = tl.getContext("2d"); c.setTransform(dpr_, 0, 0, dpr_, 0, 0); c.clearRect(0, 0, w, h);
    c.font = "11px system-ui, sans-serif"; c.fillStyle = "#555"; c.textAlign = "left"; c.textBaseline = "alphabetic";
    if (!hasDates) { c.fillText("no dated events", PAD_L, h / 2); window.kgTimeline = { bins: 0, total: 0, inRange: 0, bands: [] }; return; }
    var nb = Math.ceil((DATA.dayMax + 1 - DATA.dayMin) / binDays), counts = [], seen = {}, undated = 0, total = 0, inRange = 0, barred = 0;
    var bandAt = {}, bands = [];
    for (var b = 0; b < nb; b++) counts.push([0, 0, 0, 0, 0]);
    var f = filters(), lo = f.since, hi = f.until;
    for (var i = 0; i < R.length; i++) {
      var r = R[i];
      if (!recOther[i] || seen[r.e]) continue;
      if (hood && !((r.u in hood) && (r.v in hood))) continue;
      seen[r.e] = 1;
      if (r.d0 === null) { undated++; continue; }
      total++;
      if (recDate[i]) inRange++;
      if (r.d1 > r.d0) {  // known to the month or the year only: a band
        var key = r.d0 + ":" + r.d1;
        if (!(key in bandAt)) { bandAt[key] = bands.length; bands.push({ d0: r.d0, d1: r.d1, p: r.p, date: r.date, n: 0 }); }
        bands[bandAt[key]].n++;
        continue;
      }
      counts[Math.floor((r.d0 - DATA.dayMin) / binDays)][r.quad] += 1; barred++;
    }
    // bands in lanes under the bars, wider ones first, at most three lanes
    bands.sort(function (a, b) { return (b.d1 - b.d0) - (a.d1 - a.d0) || a.d0 - b.d0; });
    var lanes = [];
    bands.forEach(function (bd) {
      var k = 0;
      while (k < lanes.length && lanes[k].some(function (o) { return !(bd.d1 < o.d0 || bd.d0 > o.d1); })) k++;
      if (k >= 3) k = 2;
      (lanes[k] = lanes[k] || []).push(bd); bd.lane = k;
    });
    var laneH = lanes.length * LANE + (lanes.length ? 3 : 0);
    var max = 1; counts.forEach(function (cc) { var s = cc[1] + cc[2] + cc[3] + cc[4]; if (s > max) max = s; });
    var base = h - PAD_B - laneH, plotH = base - PAD_T;
    for (b = 0; b < nb; b++) {
      var d0 = DATA.dayMin + b * binDays, d1 = d0 + binDays - 1;
      var x0 = xOfDay(d0, w), x1 = xOfDay(d1 + 1, w), y = base;
      var on = (lo === null || d1 >= lo) && (hi === null || d0 <= hi);
      c.globalAlpha = on ? 1 : 0.2;
      for (var q = 1; q <= 4; q++) {
        var bh = counts[b][q] / max * plotH; if (!bh) continue;
        c.fillStyle = QC[q]; c.fillRect(x0, y - bh, Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)), bh); y -= bh;
      }
    }
    bands.forEach(function (bd) {
      var bx0 = xOfDay(bd.d0, w), bx1 = xOfDay(bd.d1 + 1, w), by = base + 3 + bd.lane * LANE;
      var on = (lo === null || bd.d1 >= lo) && (hi === null || bd.d0 <= hi);
      c.globalAlpha = on ? 1 : 0.35;
      c.fillStyle = bd.p === "year" ? "rgba(120,120,120,.28)" : "rgba(160,90,0,.25)"; c.fillRect(bx0, by, Math.max(2, bx1 - bx0 - 1), LANE - 2);
      c.strokeStyle = bd.p === "year" ? "#888" : "#a05a00"; c.lineWidth = 1; c.strokeRect(bx0 + 0.5, by + 0.5, Math.max(1, bx1 - bx0 - 2), LANE - 3);
      var text = bd.n + " dated only to " + bd.date, tw = c.measureText(text).width;
      c.fillStyle = "#333"; c.font = "10px system-ui, sans-serif";
      if (tw + 6 < bx1 - bx0) c.fillText(text, bx0 + 3, by + LANE - 3);
      else if (c.measureText(String(bd.n)).width + 4 < bx1 - bx0) c.fillText(String(bd.n), bx0 + 2, by + LANE - 3);
      c.font = "11px system-ui, sans-serif";
    });
    c.globalAlpha = 1;
    if (lo !== null || hi !== null) {
      c.strokeStyle = "#333"; c.lineWidth = 1;
      var sx = xOfDay(lo === null ? DATA.dayMin : lo, w), ex = xOfDay(hi === null ? DATA.dayMax + 1 : hi + 1, w);
      c.strokeRect(sx + 0.5, PAD_T - 2, Math.max(1, ex - sx - 1), h - PAD_B - PAD_T + 2);
    }
    if (tdrag) { c.fillStyle = "rgba(30,100,200,.15)"; var a = Math.min(tdrag.a, tdrag.b), z = Math.max(tdrag.a, tdrag.b); c.fillRect(xOfDay(a, w), PAD_T, xOfDay(z + 1, w) - xOfDay(a, w), h - PAD_B - PAD_T); }
    c.fillStyle = "#555"; c.strokeStyle = "#bbb";
    c.beginPath(); c.moveTo(PAD_L, base + 0.5); c.lineTo(w - PAD_R, base + 0.5); c.stroke();
    c.fillText(String(max), 4, PAD_T + 9); c.fillText("0", 4, base);
    var ticks = Math.max(2, Math.min(8, Math.floor((w - PAD_L) / 110)));
    for (var t = 0; t <= ticks; t++) {
      var dd = Math.round(DATA.dayMin + t * (DATA.dayMax - DATA.dayMin) / ticks), tx = xOfDay(dd, w);
      c.fillText(dayToIso(dd), Math.min(tx, w - 70), h - 4);
    }
    var unit = binDays === 1 ? "day" : binDays === 7 ? "week" : "30 days";
    var note = "events per " + unit + " (colour: quad class): " + inRange + " in the date range of " + total +
      (bands.length ? "; " + (total - barred) + " known to the month/year only, drawn as bands" : "") + (undated ? ", " + undated + " undated" : "");
    c.fillStyle = "rgba(255,255,255,.8)"; c.fillRect(PAD_L + 2, PAD_T - 2, c.measureText(note).width + 6, 14);
    c.fillStyle = "#333"; c.fillText(note, PAD_L + 5, PAD_T + 9);
    window.kgTimeline = { bins: nb, binDays: binDays, total: total, inRange: inRange, undated: undated, max: max, barred: barred,
                          bands: bands.map(function (bd) { return { from: dayToIso(bd.d0), to: dayToIso(bd.d1), precision: bd.p, n: bd.n, lane: bd.lane }; }),
                          binCounts: counts.map(function (cc) { return cc[1] + cc[2] + cc[3] + cc[4]; }) };
  }
  tl.addEventListener("mousedown", function (ev) {
    if (!hasDates) return; var d = dayOfX(ev.offsetX, tl.clientWidth); tdrag = { a: d, b: d };
  });
  tl.addEventListener("mousemove", function (ev) { if (tdrag) { tdrag.b = dayOfX(ev.offsetX, tl.clientWidth); drawTimeline(); } });
  window.addEventListener("mouseup", function () {
    if (!tdrag) return;
    var a = Math.min(tdrag.a, tdrag.b), b = Math.max(tdrag.a, tdrag.b); tdrag = null;
    setRange(a, b); refresh();
  });
  tl.addEventListener("dblclick", allDates);
  window.addEventListener("resize", function () { drawTimeline(); });

  // ---------------------------------------------------------------- start
  window.kgRefresh = refresh;
  resize();
  refresh();
  if (focus.length) {
    search.value = focus.map(nodeName).join(", ");
    setFocus(focus, hops);
  } else {
    fit();
  }
})();
