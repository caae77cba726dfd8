"""Load on ``kg serve``: N concurrent clients x M SPARQL queries against 127.0.0.1, latency percentiles.

Usage: python bench/serve_load.py [SOURCE] [--clients 8] [--queries 25] [--workers N] [--app]

SOURCE is a store, a build folder or an export; without one, a store of about 4,000 events is built first
from bench/corpus_gen.py (400,000 words) with ``kg add``. The queries are data/queries/*.rq (the examples
an analyst starts from) plus a count and a newest-events page, sent as POST forms asking for JSON;
``--app`` mixes in the app's own calls (/api/graph, /api/search, /api/ego, /api/events). Every answer must
be a 200 with results; the script prints p50, p95, max and the slowest query kinds, and exits 1 when any
request failed. It only ever talks to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_serve_support import Server, store_4k  # noqa: E402 - the tests' real-server helper

EXTRA = {"count": "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Event }",
         "newest": "SELECT ?e ?d WHERE { ?e a kg:Event ; kg:date ?d } ORDER BY DESC(?d) LIMIT 50"}  # fmt: skip
APP = ["/api/graph?limit=60", "/api/search?q=ind", "/api/events?limit=100", "/api/overview"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--queries", type=int, default=25)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--app", action="store_true", help="mix in the app's /api calls")
    args = ap.parse_args()

    tmp = None
    source = args.source
    if source is None:
        tmp = tempfile.TemporaryDirectory(prefix="kg-serve-load-")
        t0 = time.perf_counter()
        source = store_4k(Path(tmp.name))
        print(f"built a store from 400,000 generated words in {time.perf_counter() - t0:.1f}s: {source}")
    jobs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted((REPO / "data" / "queries").glob("*.rq"))]
    jobs += list(EXTRA.items())
    extra = ["--workers", str(args.workers)] if args.workers else []
    server = Server(source, "--quiet", *extra)
    try:
        n = json.loads(server.query(EXTRA["count"])[2])["results"]["bindings"][0]["n"]["value"]
        print(f"serving {n} events on {server.url} ({server.host} only)")
        if args.app:  # warm the app's caches as a first page view would
            for path in APP:
                server.get(path)
        times, kinds, failures = [], defaultdict(list), []
        lock = threading.Lock()

        def client(k: int) -> None:
            for i in range(args.queries):
                j = k * args.queries + i
                if args.app and j % 3 == 2:
                    name = APP[j % len(APP)]
                    t0 = time.perf_counter()
                    status, _h, body = server.get(name)
                    ok = status == 200
                else:
                    name, text = jobs[j % len(jobs)]
                    t0 = time.perf_counter()
                    status, _h, body = server.query(text, "application/sparql-results+json", "form")
                    ok = status == 200 and "results" in json.loads(body)
                dt = time.perf_counter() - t0
                with lock:
                    times.append(dt)
                    kinds[name.split("?")[0]].append(dt)
                    if not ok:
                        failures.append(f"{name}: {status} {body[:120]!r}")

        t0 = time.perf_counter()
        threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        server.stop()
        if tmp:
            tmp.cleanup()
    p95 = statistics.quantiles(times, n=20)[18]
    print(f"{len(times)} requests from {args.clients} clients in {wall:.1f}s ({len(times) / wall:.0f}/s): "
          f"p50 {statistics.median(times) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {max(times) * 1000:.0f} ms, "
          f"{len(failures)} failed")  # fmt: skip
    for name, ts in sorted(kinds.items(), key=lambda kv: -statistics.median(kv[1]))[:5]:
        print(f"  {name:<22} median {statistics.median(ts) * 1000:6.0f} ms  max {max(ts) * 1000:6.0f} ms  ({len(ts)})")
    for f in failures[:5]:
        print("  failed:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
