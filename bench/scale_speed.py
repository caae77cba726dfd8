"""One process against a 2-worker Dask LocalCluster (issue #17), measured side by side in one run.

Usage:
  python bench/scale_speed.py cli CORPUS [--runs 3] [--workers 2]
      `kg build CORPUS -o OUT` and `kg build CORPUS -o OUT --engine dask --workers N`, alternated RUNS times
      each (whole commands: Python start-up, reading, extraction, merge, all outputs). Checks that both give
      the same multiset of (doc_id, source, target, event code, date), that events.parquet has events.csv's
      row count, and prints each run's wall time with the machine's load average, its CPU time (the command
      and its workers), and for dask the CPU split from `kg -v`'s timeline: workers, client beside them,
      client alone (serial), and the estimate serial + parallel / 2 of a run on two idle cores.
  python bench/scale_speed.py engine CORPUS [--workers 2] [--partitions 100]
      Inside one process: start-up cost of a LocalCluster (forked and spawned workers), extraction throughput
      one process vs the cluster (words/s, per core), peak memory per worker (RSS, and PSS: shared pages
      counted once), and a run with PARTITIONS partitions.
  python bench/scale_speed.py warm CORPUS [--runs 2]
      Extraction and merge only, alternated: a warm process against a warm forked cluster.

CORPUS: a folder from `python bench/corpus_gen.py CORPUS --words 1000000`. The machine's other work counts:
read the load averages printed beside each number (this machine has 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]


def load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def event_multiset(folder: Path) -> Counter:
    import kg

    df = kg.read_events(folder / "events.csv")
    return Counter(map(tuple, df[["doc_id", "source_code", "target_code", "event_code", "date"]].itertuples(index=False)))


TIMELINE = re.compile(r"INFO kg\.scale\.engine: dask (.+?): ([\d.]+) s \(client CPU ([\d.]+) s\)")
WORKERS_CPU = re.compile(r"INFO kg\.scale\.engine: dask workers CPU: ([\d.]+) s")


def cpu_account(cpu: float, stderr: str) -> dict:
    """A dask run's CPU seconds split from its ``kg -v`` timeline: the workers'; the client's while the
    partitions were extracted (beside the workers: parallel); the client's other CPU (start-up, loading kg
    before the workers fork, merge tail, outputs: one core). ``idle_2core_s`` = serial + parallel / 2,
    what two otherwise idle cores would take (an estimate: it assumes the parallel part splits evenly)."""
    marks = {m[1].split(" (")[0]: (float(m[2]), float(m[3])) for m in TIMELINE.finditer(stderr)}
    workers = float(WORKERS_CPU.search(stderr)[1])
    client_parallel = marks["partitions extracted"][1] - marks["cluster ready"][1]
    serial = cpu - workers - client_parallel
    return {"workers_cpu_s": workers, "client_cpu_s": cpu - workers, "client_parallel_cpu_s": client_parallel,
            "serial_cpu_s": serial, "idle_2core_s": serial + (workers + client_parallel) / 2,
            "timeline_s": {k: v[0] for k, v in marks.items()}}  # fmt: skip


def cli(args) -> dict:
    import pandas as pd

    out = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    times: dict[str, list[float]] = {"local": [], "dask": []}
    cpus: dict[str, list[float]] = {"local": [], "dask": []}
    accounts: list[dict] = []
    loads: list[str] = []
    for run in range(args.runs):
        for name in ("local", "dask") if run % 2 == 0 else ("dask", "local"):
            extra = ["--engine", "dask", "--workers", str(args.workers)] if name == "dask" else []
            before = load()
            r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            proc = subprocess.run([*KG, "-v", "build", str(args.corpus), "-o", str(out / name), *extra], capture_output=True, text=True, cwd=REPO)
            dt = time.perf_counter() - t0
            r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)  # the command and every process it waited for (the workers)
            if proc.returncode != 0:
                sys.exit(f"{name} failed: {proc.stderr.strip()[-300:]}")
            times[name].append(dt)
            cpus[name].append(cpu)
            loads.append(f"{before} -> {load()}")
            note = ""
            if name == "dask":
                accounts.append(cpu_account(cpu, proc.stderr))
                a = accounts[-1]
                note = f"(workers {a['workers_cpu_s']:.2f}, client {a['client_cpu_s']:.2f} of which serial {a['serial_cpu_s']:.2f}; idle 2 cores ~{a['idle_2core_s']:.2f} s)"
            print(f"run {run + 1} {name:5s} {dt:6.2f} s  CPU {cpu:6.2f} s {note}  load before {before}, after {load()}", flush=True)
    same = event_multiset(out / "local") == event_multiset(out / "dask")
    rows_csv = sum(event_multiset(out / "dask").values())
    rows_parquet = len(pd.read_parquet(out / "dask" / "events.parquet"))
    words = sum(len(json.loads(line)["text"].split()) for f in sorted(Path(args.corpus).glob("*.jsonl*")) for line in _lines(f))
    med = {k: statistics.median(v) for k, v in times.items()}
    mcpu = {k: statistics.median(v) for k, v in cpus.items()}
    idle = statistics.median(a["idle_2core_s"] for a in accounts)
    report = {
        "words": words, "runs": args.runs, "workers": args.workers, "loads": loads,
        "local_s": times["local"], "dask_s": times["dask"], "median_local_s": med["local"], "median_dask_s": med["dask"],
        "speedup_median": med["local"] / med["dask"], "speedup_min": min(times["local"]) / max(times["dask"]),
        "speedup_max": max(times["local"]) / min(times["dask"]),
        # CPU accounting (less sensitive to the other work on the machine than wall time): one process takes
        # about its CPU time on an idle core; the dask run's estimate on two idle cores is cpu_account's
        "local_cpu_s": cpus["local"], "dask_cpu_s": cpus["dask"], "dask_accounts": accounts,
        "median_local_cpu_s": mcpu["local"], "median_dask_cpu_s": mcpu["dask"], "median_dask_idle_2core_s": idle,
        "speedup_idle_2core_estimate": mcpu["local"] / idle,
        "same_event_multiset": same, "events_csv_rows": rows_csv, "events_parquet_rows": rows_parquet,
    }  # fmt: skip
    print(json.dumps(report, indent=1))
    return report


def _lines(path: Path):
    import gzip

    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from fh


class Memory(threading.Thread):
    """Peak RSS and PSS of this process's child processes (the LocalCluster's workers), polled."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak: dict[int, tuple[int, int]] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self.stop.is_set():
            for child in me.children(recursive=True):
                try:
                    info = child.memory_full_info()
                except (psutil.Error, OSError):
                    continue
                rss, pss = self.peak.get(child.pid, (0, 0))
                self.peak[child.pid] = (max(rss, info.rss), max(pss, getattr(info, "pss", 0)))
            self.stop.wait(0.2)


def engine(args) -> dict:
    import dask

    import kg
    from kg.scale import engine as scale
    from kg.scale import tasks
    from kg.scale.cluster import ExtractorPlugin, connect

    report: dict = {"load_at_start": load()}
    # start-up: spawned workers (each imports kg and loads the pipelines through the plugin) vs forked ones
    with dask.config.set({"distributed.worker.multiprocessing-method": "spawn"}):
        t0 = time.perf_counter()
        with connect(workers=args.workers) as c:
            t1 = time.perf_counter()
            c.register_plugin(ExtractorPlugin())
            report["startup_spawn_s"] = {"cluster": t1 - t0, "workers_load_kg": time.perf_counter() - t1}
    t0 = time.perf_counter()
    tasks.extractor_for(preload=True)
    t1 = time.perf_counter()
    mem = Memory()
    with connect(workers=args.workers, preload=lambda: None) as client:
        t2 = time.perf_counter()
        client.register_plugin(ExtractorPlugin())
        report["startup_fork_s"] = {"load_kg_once": t1 - t0, "cluster": t2 - t1, "plugin": time.perf_counter() - t2}
        print("start-up", report["startup_spawn_s"], report["startup_fork_s"], flush=True)
        # one process, then the cluster, then the cluster with many partitions (merge included in all three)
        t0, l0 = time.perf_counter(), load()
        local = kg.build([args.corpus])
        report["local"] = {"s": time.perf_counter() - t0, "words": local.words, "load": f"{l0} -> {load()}"}
        print("local", report["local"], flush=True)
        mem.start()
        t0, l0 = time.perf_counter(), load()
        d = scale.build([args.corpus], client=client)
        report["dask"] = {"s": time.perf_counter() - t0, "words": d.words, "load": f"{l0} -> {load()}"}
        print("dask", report["dask"], flush=True)
        per = max(1, d.words // args.partitions)
        t0, l0 = time.perf_counter(), load()
        d100 = scale.build([args.corpus], client=client, partition_words=per)
        report[f"dask_{args.partitions}_partitions"] = {"s": time.perf_counter() - t0, "partition_words": per, "load": f"{l0} -> {load()}"}
        print("dask, many partitions", report[f"dask_{args.partitions}_partitions"], flush=True)
        mem.stop.set()
        report["same_graph"] = (list(d.graph.edges(keys=True, data=True)) == list(local.graph.edges(keys=True, data=True))
                                and list(d100.graph.edges(keys=True, data=True)) == list(local.graph.edges(keys=True, data=True)))  # fmt: skip
    workers = {pid: v for pid, v in mem.peak.items()}
    report["worker_peak_mb"] = [{"rss": r / 1e6, "pss": p / 1e6} for r, p in workers.values()]
    w = report["local"]["words"]
    report["words_per_s"] = {"local_1_core": w / report["local"]["s"], f"dask_{args.workers}_workers": w / report["dask"]["s"]}
    report["words_per_s_per_core"] = {"local": w / report["local"]["s"], "dask": w / report["dask"]["s"] / args.workers}
    print(json.dumps(report, indent=1))
    return report


def warm(args) -> None:
    """Extraction and merge only: one warm process (kg loaded, caches filled) against a warm forked cluster."""
    import kg
    from kg.scale import engine as scale
    from kg.scale import tasks
    from kg.scale.cluster import connect

    tasks.extractor_for(preload=True)
    kg.build([args.corpus])  # fills the caches the forked workers then inherit
    with connect(workers=args.workers, preload=lambda: None) as client:
        for _ in range(args.runs):
            l0, t0 = load(), time.perf_counter()
            kg.build([args.corpus])
            a = time.perf_counter() - t0
            t0 = time.perf_counter()
            scale.build([args.corpus], client=client)
            b = time.perf_counter() - t0
            print(f"load {l0}: one process {a:.2f} s, dask {args.workers} workers {b:.2f} s, ratio {a / b:.2f}", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["cli", "engine", "warm"])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partitions", type=int, default=100)
    args = ap.parse_args()
    {"cli": cli, "engine": engine, "warm": warm}[args.mode](args)


if __name__ == "__main__":
    main()
