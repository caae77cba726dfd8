"""Helpers for the ``kg serve`` tests: a real server (``python -m kg.serve``) on 127.0.0.1 on a free port,
and the stores it serves. Holds no tests itself."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


class Server:
    def __init__(self, source, *args: str, timeout: float = 90.0):
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.serve", str(source), "--port", "0", *args],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                                     start_new_session=True)  # fmt: skip
        self.lines: list[str] = []
        self.port = None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                raise RuntimeError("kg serve exited at start:\n" + "".join(self.lines))
            self.lines.append(line)
            m = re.search(r"listening on (\S+) port (\d+)", line)
            if m:
                self.host, self.port = m.group(1), int(m.group(2))
            if "Ctrl-C stops" in line:
                break
        else:
            raise RuntimeError("kg serve did not start:\n" + "".join(self.lines))
        self._drain = threading.Thread(target=self._read, daemon=True)
        self._drain.start()
        self.url = f"http://127.0.0.1:{self.port}"
        self.endpoint = self.url + "/sparql"

    def _read(self):
        for line in self.proc.stderr:
            self.lines.append(line)

    def get(self, path: str, headers: dict | None = None, data: bytes | None = None, method: str | None = None):
        """(status, headers, body) of one request."""
        req = urllib.request.Request(self.url + path, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read()

    def query(self, text: str, accept: str | None = None, how: str = "get", **extra):
        headers = {"Accept": accept} if accept else {}
        if how == "get":
            return self.get("/sparql?" + urllib.parse.urlencode({"query": text, **extra}), headers)
        if how == "form":
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            return self.get("/sparql", headers, urllib.parse.urlencode({"query": text, **extra}).encode())
        headers["Content-Type"] = "application/sparql-query"
        return self.get("/sparql", headers, text.encode("utf-8"))

    def workers(self) -> list[int]:
        """Process ids of the server's live worker processes."""
        out = subprocess.run(["ps", "-ww", "-o", "pid=,stat=,args=", "--ppid", str(self.proc.pid)], capture_output=True, text=True).stdout
        rows = [ln.split(None, 2) for ln in out.splitlines() if ln.strip()]
        return [int(r[0]) for r in rows if not r[1].startswith("Z") and "resource_tracker" not in r[2]]

    def stop(self, sig=signal.SIGINT, timeout: float = 20.0) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._drain.join(5)
        return self.proc.returncode

    @property
    def log(self) -> str:
        return "".join(self.lines)


def build_store(folder: Path, inputs: list[Path], *extra: str) -> Path:
    subprocess.run([sys.executable, "-c", "from kg.cli import run; run()", "add", *map(str, inputs), "--store", str(folder), *extra],
                   check=True, capture_output=True, text=True)  # fmt: skip
    return folder


def store_4k(folder: Path) -> Path:
    """A store of about 4,000 merged events from bench/corpus_gen.py (400,000 words, seed 7)."""
    corpus = folder / "corpus"
    subprocess.run([sys.executable, str(REPO / "bench" / "corpus_gen.py"), str(corpus), "--words", "400000", "--seed", "7"],
                   check=True, capture_output=True, text=True)  # fmt: skip
    return build_store(folder / "store", [corpus], "--workers", "2")


def free_env() -> dict:
    return dict(os.environ)
