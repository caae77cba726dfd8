/* kg serve: the analyst app. Every value from the graph is shown with textContent (never parsed as HTML);
   the page's Content-Security-Policy also forbids any script but this file and vis-network. */
(function () {
  "use strict";

  const KIND = {
    state: ["#1f77b4", "dot", "state"], person: ["#ff7f0e", "diamond", "person"],
    organisation: ["#2ca02c", "square", "organisation"], igo: ["#9467bd", "star", "international organisation"],
    armed_group: ["#d62728", "triangle", "armed group"], group: ["#8c564b", "dot", "other group"],
    other: ["#8c564b", "dot", "other"],
  };
  const QUAD = {1: ["#2ca02c", "verbal cooperation"], 2: ["#1f77b4", "material cooperation"],
                3: ["#ff7f0e", "verbal conflict"], 4: ["#d62728", "material conflict"]};
  const DEFAULTS = {view: "graph", limit: "60", since: "", until: "", quads: "1,2,3,4", asserted: "", actor: "", hops: "1",
                    expand: "", sel: "", a: "", b: "", scope: "all", q: "", offset: "0", ex: "", sparql: ""};
  const FONT = 12, EDGE_LABEL_SCALE = kgLabels.EDGE_LABEL_ZOOM, PAGE = 100;
  const S = Object.assign({}, DEFAULTS);
  let overview = null, network = null, nodes = null, edges = null, data = {nodes: [], edges: []}, info = {};
  let edgeLabelsOn = false, baseScale = 1, loadSeq = 0, queries = [], fitPending = false;
  window.kgDrawn = false;
  window.kgState = S;

  const $ = (id) => document.getElementById(id);
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") e.className = v; else if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  const fmt = (n) => (n == null ? "" : Number(n).toLocaleString("en"));
  const signed = (g) => (g > 0 ? "+" : "") + (Math.round(g * 10) / 10);

  // ------------------------------------------------------------------------------------------ state / URL
  function readHash() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ""));
    for (const k of Object.keys(DEFAULTS)) S[k] = p.has(k) ? p.get(k) : DEFAULTS[k];
  }
  function writeHash(push) {
    const p = new URLSearchParams();
    for (const k of Object.keys(DEFAULTS)) if (S[k] !== DEFAULTS[k]) p.set(k, S[k]);
    const url = "#" + p.toString();
    if (url === location.hash || (url === "#" && !location.hash)) return;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }
  function set(changes, push) { Object.assign(S, changes); writeHash(push); }
  function filterParams() {
    const p = {quads: S.quads, asserted: S.asserted};
    if (S.since) p.since = S.since;
    if (S.until) p.until = S.until;
    return p;
  }
  async function api(path, params) {
    const qs = new URLSearchParams(params || {}).toString();
    const r = await fetch("/api/" + path + (qs ? "?" + qs : ""), {headers: {Accept: "application/json"}});
    if (!r.ok) throw new Error((await r.text()).trim() || r.statusText);
    return r.json();
  }
  function showError(where, err) {
    where.replaceChildren(el("div", {class: "error", text: String(err.message || err)}));
  }

  // ------------------------------------------------------------------------------------------ side panel
  function buildSide() {
    const qbox = $("quads");
    for (const q of [1, 2, 3, 4]) {
      const box = el("input", {type: "checkbox", value: String(q), "data-quad": String(q)});
      box.addEventListener("change", () => {
        const on = [...qbox.querySelectorAll("input:checked")].map((i) => i.value);
        set({quads: on.length ? on.join(",") : "1,2,3,4", offset: "0"}, false);
        if (!on.length) syncControls();
        refresh();
      });
      qbox.append(el("label", {class: "check"}, box, el("span", {class: "swatch line"}), QUAD[q][1]));
      qbox.lastChild.querySelector(".swatch").style.background = QUAD[q][0];
    }
    const legend = $("legend");
    for (const k of ["state", "person", "organisation", "igo", "armed_group", "group"]) {
      const sw = el("span", {class: "swatch"});
      sw.style.background = KIND[k][0];
      if (KIND[k][1] !== "dot") sw.style.borderRadius = "0";
      legend.append(el("li", {}, sw, KIND[k][2] + (KIND[k][1] !== "dot" ? " (" + KIND[k][1] + ")" : "")));
    }
    for (const q of [1, 2, 3, 4]) {
      const sw = el("span", {class: "swatch line"});
      sw.style.background = QUAD[q][0];
      legend.append(el("li", {}, sw, "link: " + QUAD[q][1]));
    }
    legend.append(el("li", {}, el("span", {class: "prec", text: "~month / ~year"}), "date known to the month / year only"));
    for (const id of ["since", "until"]) {
      $(id).addEventListener("change", () => {
        const v = $(id).value;
        const dflt = overview ? overview[id] : "";
        set({[id]: v && v !== dflt ? v : "", offset: "0"}, false);
        refresh();
      });
    }
    $("asserted").addEventListener("change", () => { set({asserted: $("asserted").checked ? "1" : "", offset: "0"}, false); refresh(); });
    $("more").addEventListener("click", () => { set({limit: String(Math.min(3000, +S.limit * 2))}, true); loadGraph(true); });
    $("fewer").addEventListener("click", () => { set({limit: String(Math.max(10, Math.round(+S.limit / 2)))}, true); loadGraph(true); });
    $("clearego").addEventListener("click", () => { set({actor: "", expand: ""}, true); loadGraph(false); });
    for (const r of document.querySelectorAll("input[name=hops]")) {
      r.addEventListener("change", () => { set({hops: r.value}, true); loadGraph(false); });
    }
  }
  function syncControls() {
    $("since").value = S.since || (overview ? overview.since : "");
    $("until").value = S.until || (overview ? overview.until : "");
    if (overview) {
      for (const id of ["since", "until"]) { $(id).min = overview.since; $(id).max = overview.until; }
    }
    const qs = S.quads.split(",");
    for (const box of $("quads").querySelectorAll("input")) box.checked = qs.includes(box.value);
    $("asserted").checked = S.asserted === "1";
    for (const r of document.querySelectorAll("input[name=hops]")) r.checked = r.value === S.hops;
    for (const t of document.querySelectorAll(".tab")) t.classList.toggle("on", t.dataset.view === S.view);
    for (const v of ["graph", "events", "sparql"]) $("view-" + v).hidden = S.view !== v;
    $("eventsq").value = S.q;
  }

  // ------------------------------------------------------------------------------------------ search
  function buildSearch() {
    const input = $("search"), list = $("suggestions");
    let timer = null, items = [], active = -1, seq = 0;
    function close() { list.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
    function mark() { [...list.children].forEach((li, i) => li.classList.toggle("active", i === active)); }
    function pick(a) { close(); input.value = a.label; focusActor(a.id); }
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(async () => {
        const mine = ++seq;
        let res;
        try { res = await api("search", {q, limit: 12}); } catch (e) { return; }
        if (mine !== seq) return;
        items = res.actors;
        list.replaceChildren(...items.map((a, i) => {
          const li = el("li", {role: "option", "data-id": a.id},
            el("span", {}, a.label, a.matched ? el("span", {class: "alias", text: " (" + a.matched + ")"}) : null),
            el("span", {class: "code", text: (a.code || "") + " · " + fmt(a.events)}));
          li.addEventListener("mousedown", (ev) => { ev.preventDefault(); pick(items[i]); });
          return li;
        }));
        if (!items.length) list.replaceChildren(el("li", {class: "muted", text: "no actor matches"}));
        list.hidden = false; input.setAttribute("aria-expanded", "true"); active = items.length ? 0 : -1; mark();
      }, 120);
    });
    input.addEventListener("keydown", (ev) => {
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { active = Math.min(items.length - 1, active + 1); mark(); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { active = Math.max(0, active - 1); mark(); ev.preventDefault(); }
      else if (ev.key === "Enter" && active >= 0 && items[active]) { pick(items[active]); ev.preventDefault(); }
      else if (ev.key === "Escape") close();
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  }
  function focusActor(id) {
    set({view: "graph", actor: id, sel: id, expand: ""}, true);
    syncControls();
    loadGraph(false);
    showActor(id);
  }

  // ------------------------------------------------------------------------------------------ graph
  const measure = document.createElement("canvas").getContext("2d");
  function textWidth(t) { measure.font = FONT + "px arial"; return measure.measureText(t).width; }
  function nodeSize(n, max) { return 7 + 23 * Math.sqrt(n.events / Math.max(1, max)); }
  function visNode(n, max) {
    const k = KIND[n.kind] || KIND.other;
    return {id: n.id, x: n.x, y: n.y, size: nodeSize(n, max), shape: k[1], label: n.label,
            color: {background: k[0], border: "#333", highlight: {background: k[0], border: "#000"}},
            font: {size: FONT, face: "arial", color: "#222", strokeWidth: 3, strokeColor: "#fff"}};
  }
  function visEdge(e, max) {
    return {id: e.from + ">" + e.to, from: e.from, to: e.to, arrows: {to: {enabled: true, scaleFactor: 0.5}},
            color: {color: QUAD[e.quad] ? QUAD[e.quad][0] : "#999", opacity: 0.75},
            width: 1 + 4 * Math.sqrt(e.events / Math.max(1, max)), label: edgeLabelsOn ? edgeText(e) : undefined};
  }
  function edgeText(e) { return e.events + (e.events === 1 ? " event" : " events") + " · " + signed(e.goldstein); }

  async function loadGraph(keepView) {
    const mine = ++loadSeq;
    window.kgDrawn = false;
    const note = $("graphnote");
    let res;
    try {
      res = S.actor ? await api("ego", Object.assign({actor: S.actor, hops: S.hops}, filterParams()))
                    : await api("graph", Object.assign({limit: S.limit}, filterParams()));
      for (const id of S.actor ? [] : S.expand.split(",").filter(Boolean)) {
        const more = await api("ego", Object.assign({actor: id, hops: 1, limit: 60}, filterParams()));
        merge(res, more);
      }
    } catch (err) {
      if (mine === loadSeq) { note.hidden = false; note.textContent = String(err.message || err); window.kgDrawn = true; }
      return;
    }
    if (mine !== loadSeq) return;
    draw(res, keepView);
    info = res;
    const shown = res.nodes.length;
    $("lodtext").textContent = S.actor ? shown + " of " + fmt(res.total_actors) + " actors within " + res.hops + " hop(s)"
      : shown + " most active of " + fmt(res.total_actors) + " actors" + (res.nodes.length < res.total_actors ? " (zoom in or press More)" : "");
    $("more").disabled = !!S.actor || res.nodes.length >= res.total_actors || +S.limit >= 3000;
    $("fewer").disabled = !!S.actor || +S.limit <= 10;
    $("egobox").hidden = !S.actor;
    if (S.actor) {
      const c = res.nodes.find((n) => n.id === res.ego);
      $("egotext").textContent = "Network of " + (c ? c.label : res.ego);
    }
    note.hidden = res.nodes.length > 0;
    note.textContent = res.nodes.length ? "" : "No events match the filters.";
  }
  function merge(res, more) {
    const base = res.nodes.find((n) => n.id === more.ego);
    const have = new Set(res.nodes.map((n) => n.id));
    const cx = base ? base.x : 0, cy = base ? base.y : 0;
    for (const n of more.nodes) {
      if (have.has(n.id)) continue;
      res.nodes.push(Object.assign({}, n, {x: cx + n.x * 0.6, y: cy + n.y * 0.6}));
      have.add(n.id);
    }
    const eids = new Set(res.edges.map((e) => e.from + ">" + e.to));
    for (const e of more.edges) if (!eids.has(e.from + ">" + e.to) && have.has(e.from) && have.has(e.to)) res.edges.push(e);
  }
  async function expand(id) {
    const list = S.expand.split(",").filter(Boolean);
    if (!list.includes(id)) list.push(id);
    set({expand: list.join(",")}, true);
    await loadGraph(true);
  }

  function draw(res, keepView) {
    data = res;
    const maxN = Math.max(1, ...res.nodes.map((n) => n.events));
    const maxE = Math.max(1, ...res.edges.map((e) => e.events));
    const view = keepView && network ? {position: network.getViewPosition(), scale: network.getScale()} : null;
    edgeLabelsOn = !!(view && view.scale / baseScale >= EDGE_LABEL_SCALE);
    const vn = res.nodes.map((n) => visNode(n, maxN)), ve = res.edges.map((e) => visEdge(e, maxE));
    window.kgNodeInfo = Object.fromEntries(res.nodes.map((n) => [n.id, n]));
    window.kgEdgeInfo = Object.fromEntries(res.edges.map((e) => [e.from + ">" + e.to, e]));
    if (!network) {
      nodes = new vis.DataSet(vn); edges = new vis.DataSet(ve);
      network = new vis.Network($("graph"), {nodes, edges}, {
        physics: false, layout: {improvedLayout: false},
        interaction: {hover: true, tooltipDelay: 80, hideEdgesOnDrag: vn.length > 800, hideEdgesOnZoom: vn.length > 1500,
                      navigationButtons: false, keyboard: false, zoomSpeed: 0.6},
        edges: {smooth: false, font: {size: 11, face: "arial", align: "horizontal", background: "rgba(255,255,255,0.85)",
                                      strokeWidth: 0}, selectionWidth: 2},
        nodes: {borderWidth: 1},
      });
      wire();
      window.network = network; window.nodes = nodes; window.edges = edges;
    } else {
      nodes.clear(); edges.clear(); nodes.add(vn); edges.add(ve);
    }
    const done = () => {
      declutter();
      network.off("afterDrawing", done);
      requestAnimationFrame(() => { window.kgDrawn = true; });
    };
    if ($("view-graph").hidden) { window.kgDrawn = true; fitPending = true; return; }  // drawn when shown
    network.on("afterDrawing", done);
    if (view) network.moveTo({position: view.position, scale: view.scale, animation: false});
    else { network.fit({animation: false}); baseScale = network.getScale(); }
    network.redraw();
  }

  // Labels keep one size on screen at every zoom; a label that would cover another label or another actor
  // is hidden (the name shows on hover) and comes back when zooming in makes room. Re-done on every zoom.
  function labelBox(id, text) {
    const n = nodes.get(id), c = network.canvasToDOM(network.getPosition(id)), s = network.getScale();
    const w = textWidth(text), top = c.y + n.size * s + 2;
    return {x1: c.x - w / 2 - 2, x2: c.x + w / 2 + 2, y1: top, y2: top + FONT * 1.3, id};
  }
  function nodeBox(n) {
    const c = network.canvasToDOM(network.getPosition(n.id)), r = nodes.get(n.id).size * network.getScale();
    return {x1: c.x - r, x2: c.x + r, y1: c.y - r, y2: c.y + r, id: n.id};
  }
  function declutter() {
    if (!network) return;
    const s = network.getScale(), size = FONT / s;
    const order = data.nodes.slice().sort((a, b) => (b.id === S.sel) - (a.id === S.sel) || b.events - a.events);
    const rect = $("graph").getBoundingClientRect();
    const boxes = order.map((n) => labelBox(n.id, n.label));
    const kept = new Set(kgLabels.place(boxes, data.nodes.map(nodeBox), {width: rect.width, height: rect.height}));
    const changes = [];
    order.forEach((n, i) => {
      const want = kept.has(i) ? n.label : "";
      const cur = nodes.get(n.id);
      if (cur.label !== want || Math.abs(cur.font.size - size) > 1e-6) changes.push({id: n.id, label: want, font: {size}});
    });
    if (changes.length) nodes.update(changes);
    window.kgLabelled = [...kept].sort((a, b) => a - b).map((i) => boxes[i].id);
  }
  window.kgLabelBox = labelBox;

  function setEdgeLabels(on) {
    if (on === edgeLabelsOn) return;
    edgeLabelsOn = on;
    edges.update(data.edges.map((e) => ({id: e.from + ">" + e.to, label: on ? edgeText(e) : ""})));
  }

  function wire() {
    let zoomTimer = null;
    network.on("zoom", () => {
      clearTimeout(zoomTimer);
      zoomTimer = setTimeout(() => {
        const rel = network.getScale() / baseScale;
        setEdgeLabels(rel >= EDGE_LABEL_SCALE);
        declutter();
        // level of detail: zooming in on the overview brings in the next most active actors
        if (!S.actor && rel >= 2.2 && data.nodes.length < (info.total_actors || 0) && +S.limit < 3000) {
          set({limit: String(Math.min(3000, +S.limit * 2))}, false);
          baseScale = network.getScale();
          loadGraph(true);
        }
      }, 150);
    });
    network.on("dragEnd", declutter);
    network.on("hoverNode", (p) => tip(p.pointer.DOM, nodeTip(p.node)));
    network.on("hoverEdge", (p) => tip(p.pointer.DOM, edgeTip(p.edge)));
    network.on("blurNode", () => tip(null));
    network.on("blurEdge", () => tip(null));
    network.on("dragStart", () => tip(null));
    network.on("click", (p) => {
      tip(null);
      if (p.nodes.length) { set({sel: p.nodes[0]}, false); showActor(p.nodes[0]); }
      else if (p.edges.length) { const e = window.kgEdgeInfo[p.edges[0]]; if (e) showDyad(e.from, e.to); }
    });
    network.on("doubleClick", (p) => { if (p.nodes.length) focusActor(p.nodes[0]); });
  }
  function tip(pos, content) {
    const t = $("tip");
    if (!pos || !content) { t.hidden = true; return; }
    const r = $("graph").getBoundingClientRect();
    t.replaceChildren(...content);
    t.hidden = false;
    t.style.left = Math.min(window.innerWidth - 370, r.left + pos.x + 14) + "px";
    t.style.top = Math.min(window.innerHeight - 120, r.top + pos.y + 14) + "px";
  }
  function nodeTip(id) {
    const n = window.kgNodeInfo[id];
    if (!n) return null;
    return [el("b", {text: n.label}), el("div", {text: (n.code || "") + " · " + ((KIND[n.kind] || KIND.other)[2])}),
            el("div", {text: fmt(n.events) + " event links under the filters"})];
  }
  function edgeTip(id) {
    const e = window.kgEdgeInfo[id];
    if (!e) return null;
    const a = window.kgNodeInfo[e.from], b = window.kgNodeInfo[e.to];
    const parts = [el("b", {text: (a ? a.label : e.from) + " → " + (b ? b.label : e.to)}),
                   el("div", {text: edgeText(e) + " Goldstein"}), el("div", {text: e.first === e.last ? e.first : e.first + " – " + e.last})];
    for (const q of Object.keys(e.quads).sort()) if (QUAD[q]) parts.push(el("div", {text: QUAD[q][1] + ": " + e.quads[q]}));
    parts.push(el("div", {class: "muted", text: "click for the pair's history"}));
    return parts;
  }

  // ------------------------------------------------------------------------------------------ detail panel
  async function showActor(id) {
    const box = $("detailbody");
    const n = window.kgNodeInfo && window.kgNodeInfo[id];
    const head = el("h3", {text: n ? n.label : id});
    const actions = el("div", {class: "row"});
    const b1 = el("button", {text: "Network (1-2 hops)"}); b1.addEventListener("click", () => focusActor(id));
    const b2 = el("button", {text: "Expand here"}); b2.addEventListener("click", () => expand(id));
    const b3 = el("button", {text: "Events"});
    b3.addEventListener("click", () => { set({view: "events", scope: "actor", sel: id, offset: "0"}, true); syncControls(); loadEvents(); });
    actions.append(b1);
    if (!S.actor) actions.append(b2);
    actions.append(b3);
    box.replaceChildren(head, el("div", {class: "kv", text: n ? (n.code || "") + " · " + (KIND[n.kind] || KIND.other)[2] + " · " + fmt(n.events) + " event links" : ""}), actions);
    try {
      const res = await api("events", Object.assign({actor: id, limit: 12}, filterParams()));
      box.append(el("h4", {text: "Latest events (" + fmt(res.total) + ")"}), eventList(res.rows));
    } catch (err) { box.append(el("div", {class: "error", text: String(err.message || err)})); }
  }
  function eventList(rows) {
    return el("ul", {class: "events"}, ...rows.map((r) => el("li", {},
      el("b", {text: dateText(r)}), " " + r.source_name + " → " + r.target_name + ": " + r.event_label + " (" + signed(r.goldstein || 0) + ")",
      el("div", {class: "muted", text: r.sentence}))));
  }
  function dateText(r) { return kgLabels.dateText(r.date, r.date_precision); }

  async function showDyad(a, b) {
    set({a, b}, true);
    const box = $("detailbody");
    box.replaceChildren(el("p", {class: "muted", text: "loading…"}));
    let res, evs;
    try {
      [res, evs] = await Promise.all([api("dyad", Object.assign({a, b}, filterParams())),
                                      api("events", Object.assign({a, b, limit: 30}, filterParams()))]);
    } catch (err) { showError(box, err); return; }
    const head = el("h3", {text: res.a.label + " ↔ " + res.b.label});
    const kv = el("div", {class: "kv", text: res.events + (res.events === 1 ? " event (" : " events (") + res.a_to_b + " " + res.a.label + " → " + res.b.label + ", " +
      res.b_to_a + " back) · Goldstein balance " + signed(res.goldstein)});
    const all = el("button", {text: "All events of this pair"});
    all.addEventListener("click", () => { set({view: "events", scope: "pair", offset: "0"}, true); syncControls(); loadEvents(); });
    box.replaceChildren(head, kv, chart(res), el("div", {class: "row"}, all), el("h4", {text: "Events, newest first"}), eventList(evs.rows));
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text != null) e.textContent = text;
    return e;
  }
  function monthRange(first, last) {
    const out = [];
    let y = +first.slice(0, 4), m = +first.slice(5, 7);
    const ly = +last.slice(0, 4), lm = +last.slice(5, 7);
    while (y < ly || (y === ly && m <= lm)) { out.push(y + "-" + String(m).padStart(2, "0")); if (++m > 12) { m = 1; y++; } }
    return out;
  }
  // Events per month stacked by quad class, the Goldstein sum per month as a line; events dated only to a
  // year are drawn as a band over that year, never put on 1 January.
  function chart(res) {
    const W = 336, H = 200, L = 28, R = 28, T = 10, B = 58;
    const byMonth = Object.fromEntries(res.months.map((m) => [m.period, m]));
    let keys = res.months.map((m) => m.period);
    for (const y of res.years) keys.push(y.period + "-01", y.period + "-12");
    keys.sort();
    const wrap = el("div", {});
    if (!keys.length) { wrap.append(el("p", {class: "muted", text: "No dated events under the filters."})); return wrap; }
    const months = monthRange(keys[0], keys[keys.length - 1]);
    const s = svg("svg", {width: W, height: H, viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": "events and Goldstein balance per month"});
    const bw = Math.min(40, (W - L - R) / months.length);
    const maxN = Math.max(1, ...res.months.map((m) => m.events));
    const maxG = Math.max(1, ...res.months.map((m) => Math.abs(m.goldstein)));
    const base = H - B, ph = base - T;
    s.append(svg("line", {x1: L, x2: W - R, y1: base, y2: base, stroke: "#999"}));
    months.forEach((mk, i) => {
      const m = byMonth[mk];
      let y = base;
      if (m) for (const q of [1, 2, 3, 4]) {
        const h = (m["q" + q] / maxN) * ph;
        if (h > 0) {
          const r = svg("rect", {x: L + i * bw + 1, y: y - h, width: Math.max(1, bw - 2), height: h, fill: QUAD[q][0], opacity: 0.8});
          r.append(svg("title", {}, mk + ": " + m["q" + q] + " " + QUAD[q][1] + (m.month_precision ? " (" + m.month_precision + " dated to the month only)" : "")));
          s.append(r); y -= h;
        }
      }
      if (months.length <= 14 || i % Math.ceil(months.length / 7) === 0) {
        const t = svg("text", {x: L + i * bw + bw / 2, y: base + 12, "text-anchor": "middle"}, mk);
        s.append(t);
      }
    });
    // Goldstein sum per month: right axis, zero in the middle
    const gy = (g) => T + ph / 2 - (g / maxG) * (ph / 2);
    s.append(svg("line", {x1: L, x2: W - R, y1: gy(0), y2: gy(0), stroke: "#ccc", "stroke-dasharray": "3 3"}));
    const pts = months.map((mk, i) => (byMonth[mk] ? (L + i * bw + bw / 2) + "," + gy(byMonth[mk].goldstein) : null)).filter(Boolean);
    if (pts.length) s.append(svg("polyline", {points: pts.join(" "), fill: "none", stroke: "#000", "stroke-width": 1.5}));
    for (const mk of months) if (byMonth[mk]) {
      const i = months.indexOf(mk);
      const c = svg("circle", {cx: L + i * bw + bw / 2, cy: gy(byMonth[mk].goldstein), r: 2.5, fill: "#000"});
      c.append(svg("title", {}, mk + ": Goldstein " + signed(byMonth[mk].goldstein) + " over " + byMonth[mk].events + " events"));
      s.append(c);
    }
    s.append(svg("text", {x: 2, y: T + 8}, String(maxN)), svg("text", {x: W - R + 3, y: T + 8}, "+" + Math.round(maxG)),
             svg("text", {x: W - R + 3, y: base}, "-" + Math.round(maxG)));
    // year-precision events: a band over the whole year
    res.years.forEach((yr, j) => {
      const i0 = months.indexOf(yr.period + "-01"), i1 = months.indexOf(yr.period + "-12");
      const x0 = L + Math.max(0, i0) * bw, x1 = L + (i1 < 0 ? months.length : i1 + 1) * bw;
      const yb = base + 20 + j * 14;
      const r = svg("rect", {x: x0, y: yb, width: Math.max(2, x1 - x0), height: 10, fill: "#bbb", opacity: 0.7});
      r.append(svg("title", {}, yr.events + " events dated only to " + yr.period + " (Goldstein " + signed(yr.goldstein) + ")"));
      s.append(r, svg("text", {x: x0 + 3, y: yb + 8}, yr.events + " dated only to " + yr.period));
    });
    wrap.append(s, el("div", {class: "chartnote", text: "bars: events per month by quad class; line: Goldstein sum per month" +
      (res.years.length ? "; grey bands: events dated only to a year" : "")}));
    return wrap;
  }

  // ------------------------------------------------------------------------------------------ events table
  const COLS = [["date", "Date"], ["source_name", "Source"], ["event_label", "Event"], ["target_name", "Target"],
                ["goldstein", "Goldstein"], ["modality", "Modality"], ["confidence", "Conf."], ["mentions", "Reports"],
                ["sentence", "Sentence"], ["title", "Article"]];
  function eventParams() {
    const p = filterParams();
    if (S.scope === "pair" && S.a && S.b) { p.a = S.a; p.b = S.b; }
    else if (S.scope === "actor" && S.sel) p.actor = S.sel;
    if (S.q) p.q = S.q;
    return p;
  }
  async function loadEvents() {
    const p = eventParams();
    $("csv").href = "/api/events.csv?" + new URLSearchParams(p).toString();
    const scope = S.scope === "pair" && S.a && S.b ? "pair " + S.a + " ↔ " + S.b : S.scope === "actor" && S.sel ? "actor " + S.sel : "";
    $("eventscope").textContent = scope ? "Only " + scope : "";
    $("eventsclear").hidden = !scope;
    const tbody = $("events").querySelector("tbody");
    let res;
    try { res = await api("events", Object.assign({}, p, {limit: PAGE, offset: S.offset})); }
    catch (err) { tbody.replaceChildren(el("tr", {}, el("td", {class: "error", text: String(err.message || err)}))); return; }
    $("events").querySelector("thead").replaceChildren(el("tr", {}, ...COLS.map(([, t]) => el("th", {text: t}))));
    tbody.replaceChildren(...res.rows.map((r) => el("tr", {"data-event": r.event_id}, ...COLS.map(([k]) => cell(k, r)))));
    const o = +S.offset;
    $("eventscount").textContent = res.total ? (o + 1) + "–" + (o + res.rows.length) + " of " + fmt(res.total) : "no events match";
    $("prev").disabled = o <= 0;
    $("next").disabled = o + res.rows.length >= res.total;
    window.kgEventsLoaded = (window.kgEventsLoaded || 0) + 1;
  }
  function cell(k, r) {
    if (k === "date") return el("td", {}, r.date, r.date_precision !== "day" ? el("span", {class: "prec", text: " ~" + r.date_precision}) : null);
    if (k === "source_name" || k === "target_name") return el("td", {title: r[k.replace("_name", "_code")] || ""}, r[k]);
    if (k === "event_label") return el("td", {}, r.event_code + " " + r.event_label);
    if (k === "goldstein" || k === "confidence" || k === "mentions") return el("td", {class: "num"}, r[k] == null ? "" : String(r[k]));
    if (k === "sentence") return el("td", {class: "sentence"}, r.sentence);
    if (k === "title") {
      const label = r.title || r.doc_id;
      if (r.url && /^https?:\/\//i.test(r.url)) return el("td", {}, el("a", {href: r.url, target: "_blank", rel: "noopener noreferrer"}, label), r.publisher ? " · " + r.publisher : "");
      return el("td", {}, label, r.publisher ? " · " + r.publisher : "");
    }
    return el("td", {}, r[k] == null ? "" : String(r[k]));
  }
  function buildEvents() {
    let timer = null;
    $("eventsq").addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => { set({q: $("eventsq").value.trim(), offset: "0"}, false); loadEvents(); }, 250);
    });
    $("prev").addEventListener("click", () => { set({offset: String(Math.max(0, +S.offset - PAGE))}, false); loadEvents(); });
    $("next").addEventListener("click", () => { set({offset: String(+S.offset + PAGE)}, false); loadEvents(); });
    $("eventsclear").addEventListener("click", () => { set({scope: "all", offset: "0"}, true); loadEvents(); });
  }

  // ------------------------------------------------------------------------------------------ SPARQL console
  async function buildConsole() {
    try { queries = await api("queries"); } catch (err) { queries = []; }
    for (const q of queries) $("examples").append(el("option", {value: q.name, text: q.name + ": " + q.title}));
    $("examples").addEventListener("change", () => {
      const q = queries.find((x) => x.name === $("examples").value);
      if (!q) return;
      $("query").value = q.query;
      set({ex: q.name, sparql: ""}, true);
    });
    $("query").addEventListener("input", () => {
      const q = queries.find((x) => x.name === S.ex);
      set({sparql: q && q.query === $("query").value ? "" : $("query").value}, false);
    });
    $("query").addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); runQuery(); } });
    $("run").addEventListener("click", runQuery);
    applyConsoleState();
  }
  function applyConsoleState() {
    const q = queries.find((x) => x.name === S.ex);
    if (S.sparql) $("query").value = S.sparql;
    else if (q) $("query").value = q.query;
    $("examples").value = q ? q.name : "";
  }
  async function runQuery() {
    const text = $("query").value;
    const err = $("sparqlerror"), thead = $("results").querySelector("thead"), tbody = $("results").querySelector("tbody");
    err.hidden = true; thead.replaceChildren(); tbody.replaceChildren();
    $("sparqlinfo").textContent = "running…";
    const t0 = performance.now();
    let r;
    try {
      r = await fetch("/sparql", {method: "POST", body: new URLSearchParams({query: text}),
        headers: {Accept: "application/sparql-results+json, text/turtle;q=0.9"}});
    } catch (e) { err.hidden = false; err.textContent = String(e); $("sparqlinfo").textContent = ""; return; }
    const ms = Math.round(performance.now() - t0);
    const ctype = r.headers.get("Content-Type") || "";
    if (!r.ok) { err.hidden = false; err.textContent = (await r.text()).trim(); $("sparqlinfo").textContent = r.status + " after " + ms + " ms"; window.kgQueryDone = (window.kgQueryDone || 0) + 1; return; }
    if (ctype.startsWith("text/turtle")) {
      const body = await r.text();
      tbody.replaceChildren(el("tr", {}, el("td", {}, el("pre", {text: body}))));
      $("sparqlinfo").textContent = "graph, " + ms + " ms";
    } else {
      const res = await r.json();
      if ("boolean" in res) {
        thead.replaceChildren(el("tr", {}, el("th", {text: "answer"})));
        tbody.replaceChildren(el("tr", {}, el("td", {text: String(res.boolean)})));
        $("sparqlinfo").textContent = "ASK, " + ms + " ms";
      } else {
        const vars = res.head.vars;
        thead.replaceChildren(el("tr", {}, ...vars.map((v) => el("th", {text: v}))));
        tbody.replaceChildren(...res.results.bindings.map((b) => el("tr", {}, ...vars.map((v) => el("td", {text: b[v] ? short(b[v]) : ""})))));
        $("sparqlinfo").textContent = fmt(res.results.bindings.length) + " rows, " + ms + " ms";
      }
    }
    window.kgQueryDone = (window.kgQueryDone || 0) + 1;
  }
  function short(term) {
    if (term.type !== "uri") return term.value;
    const ns = [["https://w3id.org/kg-news/id/actor/", "actor:"], ["https://w3id.org/kg-news/id/event/", "event:"],
                ["https://w3id.org/kg-news/id/doc/", "doc:"], ["https://w3id.org/kg-news/ontology#", "kg:"],
                ["https://w3id.org/kg-news/cameo/", "cameo:"]];
    for (const [iri, p] of ns) if (term.value.startsWith(iri)) return p + term.value.slice(iri.length);
    return "<" + term.value + ">";
  }

  // ------------------------------------------------------------------------------------------ wiring
  function refresh() {
    if (S.view === "graph") loadGraph(true);
    if (S.view === "events") loadEvents();
    if (S.a && S.b) showDyad(S.a, S.b);
  }
  function showView(v) {
    set({view: v}, true);
    syncControls();
    if (v === "graph") {
      if (network && fitPending) { fitPending = false; network.setSize("100%", "100%"); network.fit({animation: false}); baseScale = network.getScale(); declutter(); }
      else if (network) network.redraw();
      else loadGraph(false);
    }
    if (v === "events") loadEvents();
  }
  async function start() {
    readHash();
    buildSide(); buildSearch(); buildEvents();
    for (const t of document.querySelectorAll(".tab")) t.addEventListener("click", () => showView(t.dataset.view));
    $("permalink").addEventListener("click", async () => {
      writeHash(false);
      try { await navigator.clipboard.writeText(location.href); $("permalink").textContent = "Link copied"; }
      catch (e) { $("permalink").textContent = "Link in the address bar"; }
      setTimeout(() => { $("permalink").textContent = "Copy link"; }, 1500);
    });
    window.addEventListener("popstate", () => { readHash(); syncControls(); applyConsoleState(); refreshAll(); });
    try {
      overview = await api("overview");
      const langs = Object.entries(overview.languages).map(([k, v]) => k + " " + fmt(v)).join(", ");
      $("stats").textContent = fmt(overview.events) + " events · " + fmt(overview.actors) + " actors · " + fmt(overview.documents) +
        (overview.documents === 1 ? " document" : " documents") + (langs ? " (" + langs + ")" : "") + (overview.first ? " · " + overview.first + " – " + overview.last : "");
    } catch (err) { $("stats").textContent = String(err.message || err); }
    syncControls();
    await buildConsole();
    refreshAll();
  }
  function refreshAll() {
    loadGraph(false);
    if (S.view === "events") loadEvents();
    if (S.a && S.b) showDyad(S.a, S.b); else if (S.sel) showActor(S.sel);
  }
  window.kgApp = {focusActor, expand, showDyad, loadEvents, runQuery, state: S};
  start();
})();
