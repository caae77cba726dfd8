"""What the analyst app at ``/`` asks for, answered by SPARQL over the served store (in a worker process).

Every function takes the worker's :class:`Graph` (the Oxigraph store and what is cached for it) and the
request's parameters (strings), checks them, and returns plain JSON-able data. Values from a request enter
a query only checked (dates, numbers) or as Oxigraph terms written in N-Triples syntax (IRIs, strings), so a
parameter can never change a query's shape.
"""

from __future__ import annotations

import csv
import io
import math
import re
import unicodedata
from collections import Counter, defaultdict, deque

import pyoxigraph as ox

KG = "https://w3id.org/kg-news/ontology#"
ACTOR_NS = "https://w3id.org/kg-news/id/actor/"
LAYOUT_MAX = 3000  # the most active actors share one fixed map; the rest are placed beside their partners
EGO_MAX = 400
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_ACTOR_ID = re.compile(r"[^\s<>\"{}|\\^`]{1,300}")


class BadRequest(ValueError):
    """A parameter the app cannot use (HTTP 400, one line)."""


class Graph:
    """One loaded store and the answers cached for it (actors, the fixed layout)."""

    def __init__(self, store: ox.Store, prefixes: dict[str, str]):
        self.store = store
        self.prefixes = prefixes
        self._actors: dict | None = None
        self._layout: dict | None = None
        self._overview: dict | None = None

    def select(self, query: str) -> list[dict]:
        res = self.store.query(query, prefixes=self.prefixes, use_default_graph_as_union=True)
        names = [v.value for v in res.variables]
        return [{n: sol[n] for n in names} for sol in res]

    # -- cached ----------------------------------------------------------------------------------------
    def actors(self) -> dict[str, dict]:
        """Every actor with an event: id (the IRI's local part), label, code, kind, aliases, events."""
        if self._actors is None:
            out: dict[str, dict] = {}
            for r in self.select("""SELECT ?a (COUNT(DISTINCT ?e) AS ?n) WHERE {
                    { ?e kg:hasSource ?a } UNION { ?e kg:hasTarget ?a } } GROUP BY ?a"""):
                iri = r["a"].value
                out[iri] = {"id": local(iri), "iri": iri, "label": local(iri), "code": "", "kind": "other",
                            "aliases": [], "events": int(r["n"].value)}  # fmt: skip
            for r in self.select("""SELECT ?a ?label ?code ?type WHERE {
                    { SELECT DISTINCT ?a WHERE { { ?e kg:hasSource ?a } UNION { ?e kg:hasTarget ?a } } }
                    OPTIONAL { ?a rdfs:label ?label } OPTIONAL { ?a kg:code ?code } OPTIONAL { ?a a ?type } }"""):
                a = out.get(r["a"].value)
                if a is None:
                    continue
                if r["label"] is not None and (a["label"] == a["id"] or r["label"].language in (None, "en")):
                    a["label"] = r["label"].value
                if r["code"] is not None:
                    a["code"] = r["code"].value
                if r["type"] is not None and r["type"].value.startswith(KG):
                    a["kind"] = _kind(r["type"].value[len(KG):])
            for r in self.select("SELECT ?a ?alt WHERE { ?a skos:altLabel ?alt }"):
                a = out.get(r["a"].value)
                if a is not None:
                    a["aliases"].append(r["alt"].value)
            for a in out.values():
                a["keys"] = [_fold(k) for k in [a["code"], a["label"], a["id"], *a["aliases"]] if k]
            self._actors = out
        return self._actors

    def layout(self) -> dict[str, tuple[float, float]]:
        """Fixed positions for the most active actors (kg's force layout over all their links)."""
        if self._layout is None:
            from ._kg import force_layout

            actors = sorted(self.actors().values(), key=lambda a: (-a["events"], a["iri"]))[:LAYOUT_MAX]
            order = sorted(a["iri"] for a in actors)
            index = {iri: i for i, iri in enumerate(order)}
            weights: Counter = Counter()
            for r in self.select("SELECT ?s ?t (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e kg:hasSource ?s ; kg:hasTarget ?t } GROUP BY ?s ?t"):
                s, t = index.get(r["s"].value), index.get(r["t"].value)
                if s is not None and t is not None and s != t:
                    weights[tuple(sorted((s, t)))] += int(r["n"].value)
            pairs = sorted(weights)
            self._layout = _scaled(order, force_layout(len(order), [a for a, _ in pairs], [b for _, b in pairs],
                                                       [weights[p] for p in pairs]) if order else None)  # fmt: skip
        return self._layout

    def overview(self) -> dict:
        if self._overview is None:
            r = self.select("""SELECT (COUNT(DISTINCT ?e) AS ?events) (MIN(STR(?d)) AS ?first) (MAX(STR(?d)) AS ?last)
                WHERE { ?e a kg:Event . OPTIONAL { ?e kg:date ?d } }""")[0]
            docs = self.select("SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }")[0]["n"]
            langs = Counter()
            for row in self.select("SELECT ?lang (COUNT(?d) AS ?n) WHERE { ?d a kg:Document ; dcterms:language ?lang } GROUP BY ?lang"):
                langs[row["lang"].value] = int(row["n"].value)
            first, last = _v(r["first"]), _v(r["last"])
            self._overview = {
                "events": int(r["events"].value), "actors": len(self.actors()), "documents": int(docs.value),
                "triples": len(self.store), "languages": dict(langs), "first": first, "last": last,
                "since": day_bounds(first)[0] if first else "", "until": day_bounds(last)[1] if last else "",
            }  # fmt: skip
        return self._overview


# ---------------------------------------------------------------------------------------------- helpers


def local(iri: str) -> str:
    return iri[len(ACTOR_NS):] if iri.startswith(ACTOR_NS) else iri


def _v(term) -> str:
    return "" if term is None else term.value


def _kind(type_name: str) -> str:
    return {"State": "state", "Person": "person", "InternationalOrganisation": "igo", "ArmedGroup": "armed_group",
            "Organisation": "organisation", "Government": "government", "Military": "military",
            "Place": "place"}.get(type_name, re.sub(r"(?<!^)(?=[A-Z])", "_", type_name).lower())  # fmt: skip


def _fold(text: str) -> str:
    """Lower case without accents: "Türkiye" and "turkiye" match."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _scaled(order: list[str], pos) -> dict[str, tuple[float, float]]:
    if not order:
        return {}
    pos = pos - pos.mean(0)
    spread = float(abs(pos).max()) or 1.0
    scale = max(260.0, 45 * math.sqrt(len(order))) / spread
    return {n: (round(float(pos[i, 0]) * scale, 1), round(float(pos[i, 1]) * scale, 1)) for i, n in enumerate(order)}


def day_bounds(value: str) -> tuple[str, str]:
    """The first and last day of an ISO date of any precision: "2024-02" -> ("2024-02-01", "2024-02-29")."""
    import calendar

    y = int(value[:4])
    if len(value) >= 10:
        return value[:10], value[:10]
    if len(value) >= 7:
        m = int(value[5:7])
        return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"
    return f"{y:04d}-01-01", f"{y:04d}-12-31"


def _precision(term) -> str:
    v = _v(term)
    return {"DayPrecision": "day", "MonthPrecision": "month", "YearPrecision": "year"}.get(v[len(KG):], "") if v.startswith(KG) else ""


def _modality(term) -> str:
    v = _v(term)
    return v[len(KG):].lower() if v.startswith(KG) else v


def _num(term, kind=float):
    try:
        return kind(term.value) if term is not None else None
    except ValueError:
        return None


def _int_param(params: dict, name: str, default: int, lo: int, hi: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number, not {raw[:40]!r}") from None
    return max(lo, min(hi, value))


def _actor(g: Graph, params: dict, name: str) -> str:
    """The IRI of the actor named by parameter ``name`` (its id or IRI); BadRequest if unknown."""
    raw = (params.get(name) or "").strip()
    if not raw or not _ACTOR_ID.fullmatch(raw):
        raise BadRequest(f"{name}: give an actor id (as /api/search returns it)")
    iri = raw if raw.startswith(ACTOR_NS) else ACTOR_NS + raw
    if iri not in g.actors():
        raise BadRequest(f"{name}: no actor {raw[:80]!r} with events in this graph")
    return iri


def filters(params: dict) -> tuple[str, dict]:
    """The SPARQL FILTER lines for the app's common filters (since, until, quads, asserted, q) and their
    checked values. Binds ?e ?q ?g ?ds ?m in the query it is pasted in."""
    out, used = [], {}
    for name in ("since", "until"):
        value = (params.get(name) or "").strip()
        if value:
            if not _DATE.fullmatch(value):
                raise BadRequest(f"{name} must be an ISO date such as 2024-04-16, not {value[:40]!r}")
            used[name] = value
    # an event dated only to a month or a year is kept when that month or year overlaps the window
    if "since" in used:
        out.append(f'FILTER ( ?ds != "" && ?ds >= SUBSTR("{used["since"]}", 1, STRLEN(?ds)) )')
    if "until" in used:
        out.append(f'FILTER ( ?ds != "" && ?ds <= SUBSTR("{used["until"]}", 1, STRLEN(?ds)) )')
    quads = (params.get("quads") or "").strip()
    if quads:
        picked = sorted({int(c) for c in re.findall(r"[1-4]", quads)})
        if not picked or re.search(r"[^1-4,\s]", quads):
            raise BadRequest(f"quads must list quad classes 1-4 such as 1,2, not {quads[:40]!r}")
        if picked != [1, 2, 3, 4]:
            out.append(f"FILTER ( ?q IN ({', '.join(map(str, picked))}) )")
        used["quads"] = picked
    if (params.get("asserted") or "") in ("1", "true", "yes"):
        out.append("FILTER ( ?m = kg:Asserted )")
        used["asserted"] = True
    text = (params.get("q") or "").strip()
    if text:
        needle = str(ox.Literal(text.lower()[:200]))
        out.append(f"FILTER ( CONTAINS(LCASE(STR(?label)), {needle}) || EXISTS {{ ?e prov:wasDerivedFrom/kg:sentence ?sx "
                   f"FILTER ( CONTAINS(LCASE(?sx), {needle}) ) }} )")  # fmt: skip
        used["q"] = text
    return "\n".join(out), used


EVENT_CORE = """?e a kg:Event ; kg:hasSource ?s ; kg:hasTarget ?t .
  OPTIONAL { ?e kg:quadClass ?q0 } OPTIONAL { ?e kg:goldstein ?g0 } OPTIONAL { ?e kg:date ?d } OPTIONAL { ?e kg:modality ?m }
  OPTIONAL { ?e rdfs:label ?label }
  BIND ( COALESCE(?q0, 0) AS ?q ) BIND ( COALESCE(?g0, 0.0) AS ?g ) BIND ( COALESCE(STR(?d), "") AS ?ds )"""


def _dyads(g: Graph, where: str, extra: str = "") -> list[dict]:
    rows = g.select(f"""SELECT ?s ?t ?q (COUNT(DISTINCT ?e) AS ?n) (SUM(?g) AS ?gs) (MIN(?ds) AS ?first) (MAX(?ds) AS ?last)
        WHERE {{ {extra} {EVENT_CORE}
        {where} }} GROUP BY ?s ?t ?q""")
    edges: dict[tuple[str, str], dict] = {}
    for r in rows:
        s, t = r["s"].value, r["t"].value
        if s == t:
            continue
        e = edges.setdefault((s, t), {"from": local(s), "to": local(t), "events": 0, "goldstein": 0.0,
                                      "quads": {}, "first": "", "last": ""})  # fmt: skip
        n = int(r["n"].value)
        e["events"] += n
        e["goldstein"] += _num(r["gs"]) or 0.0
        e["quads"][str(_num(r["q"], int) or 0)] = n
        first, last = _v(r["first"]), _v(r["last"])
        e["first"] = min(filter(None, [e["first"], first]), default="")
        e["last"] = max(e["last"], last)
    out = []
    for e in edges.values():
        e["goldstein"] = round(e["goldstein"], 2)
        e["quad"] = int(max(e["quads"].items(), key=lambda kv: (kv[1], kv[0]))[0])
        out.append(e)
    return out


def _node(a: dict, events: int, pos: tuple[float, float] | None) -> dict:
    node = {"id": a["id"], "label": a["label"], "code": a["code"], "kind": a["kind"], "events": events}
    if pos is not None:
        node["x"], node["y"] = pos
    return node


def _place_missing(nodes: list[dict], edges: list[dict]) -> None:
    """Nodes outside the fixed map go beside the partners that have a place (deterministic)."""
    at = {n["id"]: (n["x"], n["y"]) for n in nodes if "x" in n}
    nbrs = defaultdict(list)
    for e in edges:
        nbrs[e["from"]].append(e["to"])
        nbrs[e["to"]].append(e["from"])
    for i, n in enumerate(nodes):
        if "x" in n:
            continue
        known = [at[m] for m in nbrs[n["id"]] if m in at]
        cx, cy = (sum(p[0] for p in known) / len(known), sum(p[1] for p in known) / len(known)) if known else (0.0, 0.0)
        angle, radius = (i * 2.399963) % (2 * math.pi), 60 + 8 * (i % 7)
        n["x"], n["y"] = round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)
        at[n["id"]] = (n["x"], n["y"])


# ------------------------------------------------------------------------------------------ endpoints


def overview(g: Graph, params: dict) -> dict:
    return g.overview()


def graph(g: Graph, params: dict) -> dict:
    """The most active actors under the filters (``limit`` of them) and the links among them, placed on the
    fixed map: level of detail, more actors as ``limit`` grows."""
    where, used = filters(params)
    limit = _int_param(params, "limit", 60, 1, LAYOUT_MAX)
    edges = _dyads(g, where)
    activity: Counter = Counter()
    for e in edges:
        activity[e["from"]] += e["events"]
        activity[e["to"]] += e["events"]
    actors = {a["id"]: a for a in g.actors().values()}
    ranked = sorted(activity, key=lambda a: (-activity[a], a))
    keep = set(ranked[:limit])
    layout = g.layout()
    nodes = [_node(actors[a], activity[a], layout.get(actors[a]["iri"])) for a in ranked[:limit] if a in actors]
    shown = [e for e in edges if e["from"] in keep and e["to"] in keep]
    _place_missing(nodes, shown)
    return {"nodes": nodes, "edges": shown, "total_actors": len(ranked), "total_links": len(edges),
            "limit": limit, "filters": used}  # fmt: skip


def ego(g: Graph, params: dict) -> dict:
    """The actor, its partners (1 hop) and theirs (2 hops) under the filters, laid out around it."""
    center = _actor(g, params, "actor")
    hops = _int_param(params, "hops", 1, 1, 2)
    limit = _int_param(params, "limit", 150, 2, EGO_MAX)
    where, used = filters(params)
    edges = _dyads(g, where)
    adj = defaultdict(Counter)
    for e in edges:
        adj[e["from"]][e["to"]] += e["events"]
        adj[e["to"]][e["from"]] += e["events"]
    c = local(center)
    dist = {c: 0}
    queue = deque([c])
    while queue:
        u = queue.popleft()
        if dist[u] >= hops:
            continue
        for v in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    activity = Counter({a: sum(adj[a].values()) for a in dist})
    ranked = sorted(dist, key=lambda a: (dist[a], -adj[c][a], -activity[a], a))[:limit]
    keep = set(ranked)
    shown = [e for e in edges if e["from"] in keep and e["to"] in keep]
    order = sorted(keep)
    index = {a: i for i, a in enumerate(order)}
    pairs = Counter()
    for e in shown:
        pairs[tuple(sorted((index[e["from"]], index[e["to"]])))] += e["events"]
    from ._kg import force_layout

    keys = sorted(pairs)
    pos = _scaled(order, force_layout(len(order), [a for a, _ in keys], [b for _, b in keys], [pairs[k] for k in keys]))
    cx, cy = pos[c]
    actors = {a["id"]: a for a in g.actors().values()}
    nodes = [dict(_node(actors[a], activity[a], (round(pos[a][0] - cx, 1), round(pos[a][1] - cy, 1))), hop=dist[a])
             for a in ranked if a in actors]  # fmt: skip
    return {"nodes": nodes, "edges": shown, "ego": c, "hops": hops, "total_actors": len(dist), "limit": limit,
            "filters": used}  # fmt: skip


def search(g: Graph, params: dict) -> dict:
    """Actors whose code, name or any alias (in any language kg knows) matches ``q``, best first."""
    q = _fold((params.get("q") or "").strip())[:100]
    limit = _int_param(params, "limit", 12, 1, 50)
    if not q:
        return {"q": "", "actors": []}
    found = []
    for a in g.actors().values():
        best, matched = None, ""
        for key, raw in zip(a["keys"], [k for k in [a["code"], a["label"], a["id"], *a["aliases"]] if k]):
            if key == q:
                rank = 0
            elif key.startswith(q):
                rank = 1
            elif re.search(r"(?:^|[\s\-_(/:])" + re.escape(q), key):
                rank = 2
            elif q in key:
                rank = 3
            else:
                continue
            if best is None or rank < best:
                best, matched = rank, raw
        if best is not None:
            found.append((best, -a["events"], a["label"], a, matched))
    found.sort(key=lambda x: x[:3])
    return {"q": q, "actors": [{"id": a["id"], "label": a["label"], "code": a["code"], "kind": a["kind"],
                                "events": a["events"], "matched": m if m != a["label"] else ""}
                               for *_r, a, m in found[:limit]]}  # fmt: skip


def dyad(g: Graph, params: dict) -> dict:
    """Events between two actors (either way) per month with their Goldstein balance; events dated only
    to a year are kept apart as year ranges instead of being put on 1 January."""
    a, b = _actor(g, params, "a"), _actor(g, params, "b")
    where, used = filters(params)
    values = f"VALUES (?s ?t) {{ ({ox.NamedNode(a)} {ox.NamedNode(b)}) ({ox.NamedNode(b)} {ox.NamedNode(a)}) }}"
    rows = g.select(f"""SELECT DISTINCT ?e ?s ?q ?g ?ds ?prec WHERE {{ {values} {EVENT_CORE}
        OPTIONAL {{ ?e kg:datePrecision ?prec }} {where} }}""")
    months: dict[str, dict] = {}
    years: dict[str, dict] = {}
    direction = Counter()
    for r in rows:
        ds = _v(r["ds"])
        prec = _precision(r["prec"]) or ("year" if len(ds) == 4 else "month" if len(ds) == 7 else "day")
        bucket = years.setdefault(ds[:4], _bucket(ds[:4])) if prec == "year" or len(ds) < 7 else months.setdefault(ds[:7], _bucket(ds[:7]))
        q, gs = _num(r["q"], int) or 0, _num(r["g"]) or 0.0
        bucket["events"] += 1
        bucket["goldstein"] = round(bucket["goldstein"] + gs, 2)
        bucket[f"q{q}"] = bucket.get(f"q{q}", 0) + 1
        if prec == "month":
            bucket["month_precision"] += 1
        direction["ab" if r["s"].value == a else "ba"] += 1
    series = [months[k] for k in sorted(months)]
    actors = g.actors()
    return {"a": _node(actors[a], actors[a]["events"], None), "b": _node(actors[b], actors[b]["events"], None),
            "months": series, "years": [years[k] for k in sorted(years)], "a_to_b": direction["ab"],
            "b_to_a": direction["ba"], "events": len(rows), "goldstein": round(sum(x["goldstein"] for x in series) +
            sum(x["goldstein"] for x in years.values()), 2), "filters": used}  # fmt: skip


def _bucket(period: str) -> dict:
    return {"period": period, "events": 0, "goldstein": 0.0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "month_precision": 0}


EVENT_COLUMNS = ["event_id", "date", "date_precision", "source_code", "source_name", "target_code", "target_name",
                 "event_code", "event_label", "quad_class", "goldstein", "modality", "confidence", "mentions",
                 "sentence", "doc_id", "title", "url", "publisher"]  # fmt: skip


def events(g: Graph, params: dict, *, max_rows: int = 100_000, as_csv: bool = False):
    """The event table (one row per source-target pair of an event) under the filters, for one actor
    (``actor``), a pair (``a`` and ``b``) or all, newest first; ``limit``/``offset`` page it."""
    where, used = filters(params)
    if params.get("a") or params.get("b"):
        a, b = _actor(g, params, "a"), _actor(g, params, "b")
        scope = f"VALUES (?s ?t) {{ ({ox.NamedNode(a)} {ox.NamedNode(b)}) ({ox.NamedNode(b)} {ox.NamedNode(a)}) }}"
    elif params.get("actor"):
        who = ox.NamedNode(_actor(g, params, "actor"))
        scope = f"VALUES ?who {{ {who} }} {{ ?e kg:hasSource ?who }} UNION {{ ?e kg:hasTarget ?who }}"
    else:
        scope = ""
    limit = _int_param(params, "limit", 200, 1, max_rows if as_csv else 5000)
    if as_csv:
        limit = max_rows if params.get("limit") in (None, "") else limit
    offset = _int_param(params, "offset", 0, 0, 10**9)
    body = f"{scope} {EVENT_CORE} {where}"
    total = int(g.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?e ?s ?t WHERE {{ {body} }} }}")[0]["n"].value)
    page = g.select(f"""SELECT DISTINCT ?e ?s ?t ?ds ?q ?g ?m ?label WHERE {{ {body} }}
        ORDER BY DESC(?ds) ?e ?s ?t LIMIT {limit + 1 if as_csv else limit} OFFSET {offset}""")
    if as_csv and len(page) > limit and params.get("limit") in (None, ""):
        raise BadRequest(f"more than {max_rows} rows (the server's row cap, --max-rows): narrow the filters")
    page = page[:limit]
    details = {}
    ids = sorted({r["e"].value for r in page})
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        vals = " ".join(str(ox.NamedNode(x)) for x in chunk)
        for r in g.select(f"""SELECT ?e ?code ?prec ?conf ?mentions ?sentence ?sidx ?doc ?title ?url ?publisher WHERE {{
                VALUES ?e {{ {vals} }}
                OPTIONAL {{ ?e kg:cameoCode ?code }} OPTIONAL {{ ?e kg:datePrecision ?prec }}
                OPTIONAL {{ ?e kg:confidence ?conf }} OPTIONAL {{ ?e kg:numMentions ?mentions }}
                OPTIONAL {{ ?e prov:wasDerivedFrom ?mn . OPTIONAL {{ ?mn kg:sentence ?sentence }} OPTIONAL {{ ?mn kg:sentenceIndex ?sidx }}
                  OPTIONAL {{ ?mn kg:inDocument ?d . OPTIONAL {{ ?d dcterms:identifier ?doc }} OPTIONAL {{ ?d dcterms:title ?title }}
                    OPTIONAL {{ ?d schema:url ?url }} OPTIONAL {{ ?d dcterms:publisher ?publisher }} }} }}
            }} ORDER BY ?e ?doc ?sidx"""):  # fmt: skip
            details.setdefault(r["e"].value, r)  # the first report (document, then sentence order) speaks for the event
    actors = g.actors()
    rows = []
    for r in page:
        d = details.get(r["e"].value, {})
        s, t = actors.get(r["s"].value, {}), actors.get(r["t"].value, {})
        url = _v(d.get("url"))
        rows.append({
            "event_id": local_event(r["e"].value), "date": _v(r["ds"]), "date_precision": _precision(d.get("prec")),
            "source": local(r["s"].value), "source_code": s.get("code", ""), "source_name": s.get("label", local(r["s"].value)),
            "target": local(r["t"].value), "target_code": t.get("code", ""), "target_name": t.get("label", local(r["t"].value)),
            "event_code": _v(d.get("code")), "event_label": _event_label(_v(r["label"])), "quad_class": _num(r["q"], int),
            "goldstein": _num(r["g"]), "modality": _modality(r["m"]), "confidence": _num(d.get("conf")),
            "mentions": _num(d.get("mentions"), int), "sentence": _v(d.get("sentence")), "doc_id": _v(d.get("doc")),
            "title": _v(d.get("title")), "url": url if re.match(r"https?://", url, re.I) else "", "publisher": _v(d.get("publisher")),
        })  # fmt: skip
    if as_csv:
        return _csv(rows)
    return {"rows": rows, "total": total, "offset": offset, "limit": limit, "filters": used}


def local_event(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def _event_label(label: str) -> str:
    """ "IDN -> EGY: Make an appeal or request" -> "Make an appeal or request"."""
    return label.split(": ", 1)[1] if ": " in label and " -> " in label.split(": ", 1)[0] else label


def _csv(rows: list[dict]) -> bytes:
    from ._kg import csv_safe

    text = {"source_name", "target_name", "event_label", "sentence", "doc_id", "title", "url", "publisher"}
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(EVENT_COLUMNS)
    for r in rows:
        w.writerow([csv_safe(r[c]) if c in text else ("" if r[c] is None else r[c]) for c in EVENT_COLUMNS])
    return buf.getvalue().encode("utf-8")


ENDPOINTS = {"overview": overview, "graph": graph, "ego": ego, "search": search, "dyad": dyad, "events": events}
