"""Robustness of the store and the worker pool (issue #14, items 2 and 11): real subprocesses, real signals,
a real full disk (a small tmpfs when this runs as root; SQLite's max_page_count otherwise), a real read-only
folder (a read-only bind mount as root; chmod otherwise)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.io.inputs import iter_inputs
from kg.model import Document
from kg.store.store import Store

REPO = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]
ENV = {**os.environ, "CI": "1"}

# our own texts, English and Indonesian
TEXTS = [
    ("en", "Vietnam and the Philippines signed a fisheries agreement in Hanoi on 4 March 2024. Officials praised the deal."),
    ("en", "Russian forces shelled Ukrainian positions near Kharkiv on 9 March 2024, the army said."),
    ("en", "Japan criticised China on 11 March 2024 over its coast guard patrols."),
    ("id", "Menteri Luar Negeri Indonesia bertemu dengan Menteri Luar Negeri Malaysia di Jakarta pada 5 Maret 2024."),
    ("id", "Militer Israel menyerang Hamas di Rafah pada 7 Maret 2024, kata pejabat setempat."),
    ("id", "Pemerintah Australia mengecam Korea Utara pada 12 Maret 2024 atas peluncuran rudal."),
]

MORE = [
    ("en", "Turkey and Egypt agreed on 14 March 2024 to restore full diplomatic ties."),
    ("id", "Presiden Filipina mengunjungi Tokyo pada 13 Maret 2024 untuk membahas kerja sama maritim."),
]


def _jsonl(path: Path, texts=TEXTS, prefix="d") -> Path:
    rows = [{"id": f"{prefix}{i}", "text": t, "lang": lang, "date": "2024-03-15"} for i, (lang, t) in enumerate(texts)]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def _kg(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, env=ENV, cwd=REPO, timeout=300, **kw)


def _complete(store_dir: Path) -> tuple[int, list[str]]:
    with Store(store_dir, create=False, readonly=True) as st:
        return st.stats()["documents"], st.check()


def _children(pid: int) -> list[int]:
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (p / "stat").read_text()
                if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(p.name))
    return out


def _state(pid: int) -> str | None:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return None  # gone


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, int]:
    sys.path.insert(0, str(REPO / "bench"))
    from corpus_gen import generate

    out = tmp_path_factory.mktemp("corpus")
    generate(out, 30_000, seed=5)
    return out, sum(1 for x in iter_inputs([out]) if isinstance(x, Document))


def _wait_for_documents(store_dir: Path, proc: subprocess.Popen, timeout: float = 120) -> None:
    t0 = time.monotonic()
    while proc.poll() is None and time.monotonic() - t0 < timeout:
        with contextlib.suppress(sqlite3.Error):
            db = sqlite3.connect(f"file:{store_dir / 'kg.sqlite'}?mode=ro", uri=True)
            try:
                if db.execute("SELECT count(*) FROM documents").fetchone()[0] > 0:
                    return
            finally:
                db.close()
        time.sleep(0.05)


# -- item 2: whole documents only --------------------------------------------------------------------------


def test_incomplete_document_from_an_older_run_is_found_and_redone(tmp_path):
    """A document row without its extraction (what Ctrl-C could leave before) is removed and extracted again."""
    src = _jsonl(tmp_path / "in.jsonl")
    st = tmp_path / "st"
    with Store(st) as store:
        store.add(iter_inputs([src]))
    db = sqlite3.connect(st / "kg.sqlite")
    seq = db.execute("SELECT seq FROM documents WHERE id = 'd4'").fetchone()[0]
    db.execute("DELETE FROM extractions WHERE seq = ?", (seq,))
    db.commit()
    db.close()
    assert _complete(st) == (6, ["1 document(s) without an extraction"])
    r = _kg("add", src, "--store", st)
    assert r.returncode == 0, r.stderr
    assert "'d4' was stored without its extraction" in r.stderr and "Traceback" not in r.stderr
    assert "added 1 document(s)" in r.stdout and "5 already in the store" in r.stdout
    assert _complete(st) == (6, [])


def test_sigint_during_parallel_add_leaves_whole_documents_and_the_rerun_completes(tmp_path, corpus):
    folder, total = corpus
    rng = random.Random(14)
    for run in range(3):
        st = tmp_path / f"st{run}"
        proc = subprocess.Popen([*KG, "add", str(folder), "--store", str(st), "--workers", "2", "--commit-every", "4"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO,
                                start_new_session=True)  # fmt: skip
        _wait_for_documents(st, proc)
        time.sleep(rng.uniform(0, 1.2))
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGINT)  # as Ctrl-C in a terminal: the whole process group
        _out, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, err
        # -SIGINT: the signal landed after kg had finished and printed its summary, while the interpreter was
        # shutting down (Python restores the default SIGINT handler there); the store is then complete
        finished_first = proc.returncode == -signal.SIGINT and "added " in _out
        assert proc.returncode in (0, 130) or finished_first, (proc.returncode, err)
        done, problems = _complete(st)
        assert problems == [] and done >= 1
        if proc.returncode == 130:
            assert f"holds {done:,} complete document(s)" in err
        r = _kg("add", folder, "--store", st, "--workers", "2")
        assert r.returncode == 0, r.stderr
        assert _complete(st) == (total, [])
        assert f"{done:,} already in the store" in r.stdout


def _sigterm_and_check(cmd: list[str], ready) -> subprocess.CompletedProcess:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO)
    t0 = time.monotonic()
    workers: list[int] = []
    while proc.poll() is None and time.monotonic() - t0 < 120:
        workers = _children(proc.pid)
        if len(workers) >= 2 and ready():
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the worker pool never started"
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=60)
    time.sleep(0.2)
    left = {pid: _state(pid) for pid in workers if _state(pid) is not None}
    assert left == {}, f"workers left behind (Z = zombie): {left}"
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def test_sigterm_stops_parallel_add_and_build_cleanly(tmp_path, corpus):
    folder, total = corpus
    st = tmp_path / "st"
    r = _sigterm_and_check([*KG, "add", str(folder), "--store", str(st), "--workers", "2"],
                           ready=lambda: (st / "kg.sqlite").exists())  # fmt: skip
    assert r.returncode in (0, 143) and "Traceback" not in r.stderr, r.stderr
    if r.returncode == 143:
        assert "stopped by SIGTERM" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert _complete(st)[1] == []
    r = _sigterm_and_check([*KG, "build", str(folder), "-o", str(tmp_path / "out"), "--workers", "2"], ready=lambda: True)
    assert r.returncode in (0, 143) and "Traceback" not in r.stderr, r.stderr


# -- item 11: concurrent adds, full disk, read-only, empty file ---------------------------------------------


def test_two_adds_on_the_same_input_both_finish(tmp_path, corpus):
    folder, total = corpus
    st = tmp_path / "st"
    procs = [subprocess.Popen([*KG, "add", str(folder), "--store", str(st), "--commit-every", "2"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO) for _ in range(2)]  # fmt: skip
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0 and "Traceback" not in err, err
    added = [int(out.split("added ", 1)[1].split()[0].replace(",", "")) for out, _err in outs]
    assert sum(added) == total
    assert _complete(st) == (total, [])


@contextlib.contextmanager
def _small_disk(path: Path, size: str):
    path.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (not root); the max_page_count test covers the store")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)


def test_full_disk_in_kg_add_is_one_line_and_the_store_stays_consistent(tmp_path, corpus):
    """A real full disk: a 400 KB tmpfs."""
    folder, total = corpus
    with _small_disk(tmp_path / "disk", "400k") as disk:
        st = disk / "st"
        r = _kg("add", folder, "--store", st)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1 and "disk is full" in r.stderr
        done, problems = _complete(st)
        assert problems == [] and done < total
        subprocess.run(["mount", "-o", "remount,size=50m", str(disk)], check=True)
        r = _kg("add", folder, "--store", st)
        assert r.returncode == 0, r.stderr
        assert _complete(st) == (total, [])


def test_full_database_rolls_back_whole_batches(tmp_path):
    """SQLite's max_page_count makes the same SQLITE_FULL as a full disk, anywhere."""
    from kg.extract.extractor import Extractor

    big = [Document(id=f"b{i}", text=f"Ref {i}. " + " ".join(t for lang, t in TEXTS if lang == ("en", "id")[i % 2]) * 8,
                    lang=("en", "id")[i % 2]) for i in range(30)]  # fmt: skip
    store = Store(tmp_path / "st", commit_every=3)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 4}")
    with pytest.raises(StoreError, match="disk is full") as err:
        store.add(big, extract=Extractor().extract)
    assert "\n" not in str(err.value)
    assert store.check() == [] and store.stats()["documents"] % 3 == 0 and store.stats()["documents"] < 30
    store.close()


@contextlib.contextmanager
def _read_only(folder: Path):
    """``folder`` seen read-only: a read-only bind mount (as root, who ignores file modes), else chmod."""
    if os.geteuid() == 0:
        view = folder.with_name(folder.name + "-ro")
        view.mkdir()
        ok = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True).returncode == 0
        ok = ok and subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True).returncode == 0
        if not ok:
            subprocess.run(["umount", str(view)], capture_output=True)
            pytest.skip("cannot make a read-only bind mount here")
        try:
            yield view
        finally:
            subprocess.run(["umount", str(view)], check=False)
    else:
        modes = {p: p.stat().st_mode for p in [folder, *folder.rglob("*")]}
        for p in modes:
            p.chmod(modes[p] & ~0o222)
        try:
            yield folder
        finally:
            for p, m in modes.items():
                p.chmod(m)


def test_read_only_store_is_readable_and_add_says_why_it_cannot(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl")
    st = tmp_path / "st"
    r = _kg("add", src, "--store", st)
    assert r.returncode == 0, r.stderr
    assert not (st / "kg.sqlite-wal").exists()  # closed cleanly
    with Store(st, create=False, readonly=True) as store:
        G = store.graph()
    eid = next(d["event_id"] for *_uv, d in G.edges(data=True) if "event_code" in d)
    with _read_only(st) as ro:
        r = _kg("add", _jsonl(tmp_path / "more.jsonl", MORE, prefix="m"), "--store", ro)
        assert r.returncode == 2 and "read-only" in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert len(r.stderr.strip().splitlines()) == 1
        r = _kg("add", src, "--store", ro / "new")  # a new store inside a read-only folder
        assert r.returncode == 2 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1, r.stderr
        readers = {
            "export": ["export", "--store", ro, "-o", tmp_path / "out"],
            "query": ["query", ro, "SELECT (COUNT(*) AS ?n) WHERE { ?e a kg:Event }", "--format", "csv"],
            "view": ["view", ro, "-o", tmp_path / "v.html"],
            "explain": ["explain", eid, "--store", ro],
        }
        procs = {k: subprocess.Popen([*KG, *map(str, a)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env=ENV, cwd=REPO) for k, a in readers.items()}  # fmt: skip
        for name, p in procs.items():
            out, err = p.communicate(timeout=300)
            assert p.returncode == 0 and "Traceback" not in err, (name, err)
            if name == "query":
                assert int(out.split()[-1]) > 0
        assert (tmp_path / "out" / "events.csv").is_file() and (tmp_path / "v.html").is_file()
    assert _complete(st) == (6, [])


def test_empty_store_file_is_refused_with_what_to_do(tmp_path):
    st = tmp_path / "st"
    st.mkdir()
    (st / "kg.sqlite").write_bytes(b"")
    src = _jsonl(tmp_path / "in.jsonl", TEXTS[:1])
    for args in (["add", src, "--store", st], ["export", "--store", st, "-o", tmp_path / "out"]):
        r = _kg(*args)
        assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
        assert "empty file (0 bytes), not a kg store" in r.stderr and "delete the file" in r.stderr
    assert (st / "kg.sqlite").stat().st_size == 0  # left as it was
    with pytest.raises(StoreError, match="0 bytes"):
        Store(st)


def test_new_store_is_never_seen_half_made(tmp_path):
    """A store is created under a temporary name and linked into place: no temporary files stay, and the
    store is a complete kg store from the first moment it exists."""
    st = tmp_path / "st"
    with Store(st) as store:
        assert store.stats()["documents"] == 0
    assert sorted(p.name for p in st.iterdir()) == ["kg.sqlite"]
    assert sqlite3.connect(st / "kg.sqlite").execute("SELECT value FROM meta").fetchone() == ("1",)
