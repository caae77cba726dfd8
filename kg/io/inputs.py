"""Corpus-scale inputs: folders with include/exclude globs, stdin, gzip, CSV/TSV and JSONL with configurable
field names, and saved HTML pages read with trafilatura (main text, title, publisher, date, URL).

Built on :mod:`kg.io.ingest` (:func:`~kg.io.ingest.make_document`, :class:`~kg.io.ingest.InputProblem`): like it,
:func:`iter_inputs` never raises for a bad input; each unreadable file, line or row becomes an
:class:`InputProblem` in the stream and the rest of the batch goes on.

Encodings: UTF-8 (with or without BOM) and UTF-16 with a BOM are read directly; anything else is detected
(an HTML ``<meta charset>`` first, then charset-normalizer, then cp1252) with a warning. JSONL and CSV are
streamed (a multi-gigabyte dump is never held in memory), also when gzip'd.

>>> FieldMap.parse("text=body,date=published_at").text
'body'
"""

from __future__ import annotations

import csv
import fnmatch
import gzip
import io
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from kg.errors import KgInputError
from kg.io.decode import FieldMap, _decode_line, decode, html_document, record_document
from kg.io.ingest import HTML_SUFFIXES, JSONL_SUFFIXES, MAX_BYTES, TEXT_SUFFIXES, InputProblem, _fields, make_document
from kg.model import Document

CSV_SUFFIXES = {".csv", ".tsv"}


GZIP_SUFFIXES = {".gz", ".gzip"}


ALL_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | CSV_SUFFIXES


MAX_LINE_BYTES = MAX_BYTES  # one JSONL line / CSV cell larger than this is skipped


@dataclass
class Progress:
    """Bytes of input read so far (for a progress bar); readers update it as they go."""

    total: int = 0
    done: int = 0
    documents: int = 0


def file_kind(name: str, head: bytes = b"") -> tuple[str, bool]:
    """``(kind, gzipped)`` of a file name: kind is text, html, jsonl, csv or tsv.

    >>> file_kind("news/2024-05.jsonl.gz"), file_kind("page.HTM"), file_kind("x.tsv")
    (('jsonl', True), ('html', False), ('tsv', False))
    """
    suffixes = [s.lower() for s in Path(name).suffixes]
    gz = bool(suffixes) and suffixes[-1] in GZIP_SUFFIXES
    if gz:
        suffixes = suffixes[:-1]
    if not gz and head.startswith(b"\x1f\x8b"):
        gz = True
    last = suffixes[-1] if suffixes else ""
    if last in JSONL_SUFFIXES:
        return "jsonl", gz
    if last == ".tsv":
        return "tsv", gz
    if last == ".csv":
        return "csv", gz
    if last in HTML_SUFFIXES:
        return "html", gz
    return "text", gz


def _sniff_kind(raw: bytes) -> str:
    head = raw[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    lines = [ln for ln in raw[:65536].splitlines()[:20] if ln.strip()]
    if lines and all(ln.lstrip().startswith(b"{") for ln in lines):
        return "jsonl"
    return "text"


class _Counting(io.RawIOBase):
    """A read-only file wrapper that reports how many bytes of the (compressed) file were read."""

    def __init__(self, fh: BinaryIO, progress: Progress | None):
        self.fh, self.progress = fh, progress

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        n = self.fh.readinto(b)
        if self.progress is not None and n:
            self.progress.done += n
        return n or 0


def _open_stream(path: Path, gz: bool, progress: Progress | None) -> BinaryIO:
    raw = _Counting(open(path, "rb"), progress)  # noqa: SIM115 - closed by the caller
    buffered = io.BufferedReader(raw, 1 << 16)
    return gzip.GzipFile(fileobj=buffered, mode="rb") if gz else buffered  # type: ignore[return-value]


CHUNK_BYTES = 1 << 20  # lines are read in pieces of this size, never whole


def iter_lines(stream: BinaryIO, limit: int = MAX_LINE_BYTES) -> Iterator[tuple[int, bytes | None]]:
    """``(physical line number, line)`` of a binary stream, split at ``\\n`` only (a raw U+2028 inside
    a JSON string is not a line break), the ``\\n`` and a ``\\r`` before it removed. A line longer than
    ``limit`` bytes comes as ``None`` and is never held whole: memory stays under ``limit`` plus one
    chunk whatever the line lengths.

    >>> list(iter_lines(io.BytesIO(b'a\\r\\n\\nbbbbbb\\nc'), limit=3))
    [(1, b'a'), (2, b''), (3, None), (4, b'c')]
    """
    read = getattr(stream, "read1", None) or stream.read  # read1: a pipe's lines come as they arrive
    number = 0
    buf = bytearray()
    skipping = False
    while True:
        chunk = read(CHUNK_BYTES)
        if not chunk:
            break
        start = 0
        while True:
            nl = chunk.find(b"\n", start)
            if nl < 0:
                if not skipping:
                    buf += chunk[start:]
                    if len(buf) > limit:
                        skipping, buf = True, bytearray()
                break
            number += 1
            if skipping or len(buf) + nl - start > limit:
                yield number, None
            elif buf:
                buf += chunk[start:nl]
                yield number, bytes(buf.removesuffix(b"\r"))
            else:
                yield number, chunk[start:nl].removesuffix(b"\r")
            skipping, buf = False, bytearray()
            start = nl + 1
    if skipping:
        yield number + 1, None
    elif buf:
        yield number + 1, bytes(buf.removesuffix(b"\r"))


# kg's own outputs, recognised by their content whatever their name: a second `kg build news -o news`
# must not read the graph.html, events.csv or graph.ttl the first one wrote there
_OWN_OUTPUTS = (
    (b"<!-- kg event-graph view", "an event-graph page written by kg"),
    (b"event_id,doc_id,date,date_precision,event_code", "an events table written by kg"),
    (b"https://w3id.org/kg-news/ontology#", "an RDF export written by kg"),
)


def own_output(head: bytes) -> str | None:
    """What kg output ``head`` (the first bytes of a file) starts, or None for anything else."""
    head = head[:4096].removeprefix(b"\xef\xbb\xbf")
    html, table, rdf = _OWN_OUTPUTS
    if head.startswith(table[0]):  # the table's header row; the other two carry their marker near the top
        return table[1]
    return next((what for marker, what in (html, rdf) if marker in head), None)


def _read_limited(stream: BinaryIO, limit: int) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise KgInputError(f"over the {limit:,}-byte limit for one document, skipped (use JSONL or CSV for big corpora)")
    return data


def _iter_jsonl_stream(
    stream: BinaryIO, where: str, stem: str, fieldmap: FieldMap, lang: str | None, ref_date: date | None
) -> Iterator[Document | InputProblem]:
    """One document per JSONL line; line numbers are physical lines (``\\n``), as an editor shows them."""
    for number, raw in iter_lines(stream, MAX_LINE_BYTES):
        at = f"{where}:{number}"
        if raw is None:
            yield InputProblem(at, f"line over {MAX_LINE_BYTES:,} bytes, skipped")
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(_decode_line(raw))
        except (json.JSONDecodeError, RecursionError) as exc:
            yield InputProblem(at, f"malformed JSON ({getattr(exc, 'msg', 'too deeply nested')}), line skipped")
            continue
        if not isinstance(obj, dict):
            yield InputProblem(at, "expected a JSON object, line skipped")
            continue
        try:
            yield record_document(obj, where=at, default_id=f"{stem}-{number}", fieldmap=fieldmap, lang=lang, ref_date=ref_date)
        except KgInputError as exc:
            yield InputProblem(at, str(exc))


def _iter_csv_stream(
    stream: BinaryIO, where: str, stem: str, fieldmap: FieldMap, lang: str | None, ref_date: date | None, delimiter: str | None
) -> Iterator[Document | InputProblem]:
    """One document per CSV/TSV row. Physical lines are read with :func:`iter_lines` (bounded), so an
    over-long line is reported and dropped without being held; a row's number is its last physical line."""
    csv.field_size_limit(MAX_LINE_BYTES)
    physical = [0]
    too_long: list[int] = []

    def text_lines() -> Iterator[str]:
        first = True
        for number, raw in iter_lines(stream, MAX_LINE_BYTES):
            physical[0] = number
            if raw is None:
                too_long.append(number)
                continue
            yield raw.decode("utf-8-sig" if first else "utf-8", errors="replace") + "\n"
            first = False

    lines = text_lines()
    header = next((ln for ln in lines if ln.strip()), None)
    for number in too_long:
        yield InputProblem(f"{where}:{number}", f"line over {MAX_LINE_BYTES:,} bytes, skipped")
    too_long.clear()
    if header is None:
        yield InputProblem(where, "empty file, skipped")
        return
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(header, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.DictReader(itertools.chain([header], lines), delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            row = None
        except csv.Error as exc:
            yield InputProblem(f"{where}:{physical[0]}", f"malformed CSV ({exc}), rest of file skipped")
            return
        for number in too_long:
            yield InputProblem(f"{where}:{number}", f"line over {MAX_LINE_BYTES:,} bytes, skipped")
        too_long.clear()
        if row is None:
            break
        at = f"{where}:{physical[0]}"
        if fieldmap.text not in row:
            yield InputProblem(where, f"no {fieldmap.text!r} column (columns: {', '.join(reader.fieldnames or [])}); "
                                      "name the text column with --fields text=NAME")  # fmt: skip
            return
        clean = {k: v for k, v in row.items() if isinstance(k, str)}
        try:
            yield record_document(clean, where=at, default_id=f"{stem}-{physical[0]}", fieldmap=fieldmap, lang=lang, ref_date=ref_date)
        except KgInputError as exc:
            yield InputProblem(at, str(exc))


def read_file(
    path: Path,
    *,
    lang: str | None = None,
    ref_date: date | None = None,
    fieldmap: FieldMap = FieldMap(),
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
    delimiter: str | None = None,
) -> Iterator[Document | InputProblem]:
    """Documents (or problems) from one file of any supported kind, gzip'd or not."""
    where = str(path)
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        yield InputProblem(where, f"cannot read ({exc.strerror or exc}), skipped")
        return
    mine = own_output(head)
    if mine is not None:
        yield InputProblem(where, f"{mine} (kg's own output, not an article), not read", fatal=False)
        return
    kind, gz = file_kind(path.name, head)
    stem = Path(path.name.removesuffix(".gz").removesuffix(".gzip")).stem if gz else path.stem
    try:
        stream = _open_stream(path, gz, progress)
    except OSError as exc:
        yield InputProblem(where, f"cannot read ({exc.strerror or exc}), skipped")
        return
    with stream:
        try:
            if kind == "jsonl":
                yield from _iter_jsonl_stream(stream, where, stem, fieldmap, lang, ref_date)
                return
            if kind in ("csv", "tsv"):
                yield from _iter_csv_stream(stream, where, stem, fieldmap, lang, ref_date, "\t" if kind == "tsv" else delimiter)
                return
            raw = _read_limited(stream, max_bytes)
        except (OSError, EOFError, gzip.BadGzipFile, zlib_error()) as exc:
            yield InputProblem(where, f"cannot read ({'corrupt gzip: ' if gz else ''}{exc}), skipped")
            return
        except KgInputError as exc:
            yield InputProblem(where, str(exc))
            return
    yield from _single(raw, kind, doc_id=stem, where=where, lang=lang, ref_date=ref_date, fieldmap=fieldmap)


def zlib_error():
    import zlib

    return zlib.error


def _single(
    raw: bytes, kind: str, *, doc_id: str, where: str, lang: str | None, ref_date: date | None, fieldmap: FieldMap
) -> Iterator[Document | InputProblem]:
    """One text or HTML document (or JSONL, when stdin turns out to hold it) from bytes."""
    if kind == "text":
        kind = _sniff_kind(raw)
    if kind == "jsonl":
        yield from _iter_jsonl_stream(io.BytesIO(raw), where, doc_id, fieldmap, lang, ref_date)
        return
    try:
        text, warning = decode(raw, where, html=kind == "html")
        if warning:
            yield warning
        if kind == "html":
            yield html_document(text, doc_id=doc_id, source=where, lang=lang, ref_date=ref_date)
        else:
            yield make_document(doc_id, text, source=where, lang=lang, ref_date=ref_date)
    except KgInputError as exc:
        yield InputProblem(where, str(exc))


def read_stdin(
    stream: BinaryIO | None = None, *, lang: str | None = None, ref_date: date | None = None, fieldmap: FieldMap = FieldMap(),
    kind: str | None = None, progress: Progress | None = None,
) -> Iterator[Document | InputProblem]:  # fmt: skip
    """Documents from standard input: JSONL (one document a line, streamed), HTML or one plain text."""
    stream = stream if stream is not None else sys.stdin.buffer
    head = stream.peek(65536)[:65536] if hasattr(stream, "peek") else b""
    if head[:2] == b"\x1f\x8b":
        # gzip'd: sniff the decompressed start too, so that a gzip'd JSONL dump is streamed line by line
        stream = io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"), 1 << 16)  # type: ignore[arg-type, assignment]
        try:
            head = stream.peek(65536)[:65536]
        except (OSError, EOFError, zlib_error()) as exc:
            yield InputProblem("stdin", f"cannot read (corrupt gzip: {exc}), skipped")
            return
    guess = kind or (_sniff_kind(head) if head else None)
    try:
        if guess == "jsonl":
            yield from _iter_jsonl_stream(stream, "stdin", "stdin", fieldmap, lang, ref_date)
            return
        if guess in ("csv", "tsv"):
            yield from _iter_csv_stream(stream, "stdin", "stdin", fieldmap, lang, ref_date, "\t" if guess == "tsv" else None)
            return
        raw = _read_limited(stream, MAX_BYTES)
    except KgInputError as exc:
        yield InputProblem("stdin", str(exc))
        return
    except (OSError, EOFError, gzip.BadGzipFile, zlib_error()) as exc:
        yield InputProblem("stdin", f"cannot read ({exc}), skipped")
        return
    if progress is not None:
        progress.done += len(raw)
    yield from _single(raw, guess or "text", doc_id="stdin", where="stdin", lang=lang, ref_date=ref_date, fieldmap=fieldmap)


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) or (p.startswith("**/") and fnmatch.fnmatch(rel, p[3:]))
               for p in patterns)  # fmt: skip


def is_input_file(name: str) -> bool:
    kind_suffixes = [s.lower() for s in Path(name).suffixes]
    if kind_suffixes and kind_suffixes[-1] in GZIP_SUFFIXES:
        kind_suffixes = kind_suffixes[:-1]
    return bool(kind_suffixes) and kind_suffixes[-1] in ALL_SUFFIXES


def expand(
    inputs: Iterable[str | Path], *, include: Iterable[str] = (), exclude: Iterable[str] = ()
) -> Iterator[Path | str | InputProblem]:
    """Files named directly, ``"-"`` (stdin), and the input files of folders (recursive, sorted, filtered).

    In folders, a file is taken when its suffix is known (.txt .md .html .htm .jsonl .ndjson .csv .tsv,
    each optionally .gz), it matches one of ``include`` (if any) and none of ``exclude``; hidden files and
    folders are skipped. Globs match the path relative to the folder (``2024/**/*.html``) or the file
    name (``*.jsonl.gz``). Files named directly are always taken, whatever their name (the kind is then
    sniffed from the content).
    """
    include, exclude = tuple(include), tuple(exclude)
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        p = Path(item)
        if p.is_dir():
            found = []
            unreadable: list[OSError] = []
            # os.walk, not Path.rglob: rglob passes over a folder it cannot list without a word
            for folder, dirs, files in os.walk(p, onerror=unreadable.append):
                dirs[:] = [d for d in dirs if not d.startswith(".")]  # hidden folders (.git, editors' temp files)
                for name in files:
                    if name.startswith(".") or not is_input_file(name):
                        continue
                    f = Path(folder, name)
                    rel = f.relative_to(p).as_posix()
                    if not f.is_file():
                        continue
                    if include and not _matches(rel, include):
                        continue
                    if exclude and _matches(rel, exclude):
                        continue
                    found.append(f)
            for exc in unreadable:
                yield InputProblem(str(exc.filename or p), f"cannot read folder ({exc.strerror or exc}), skipped")
            if not found and not unreadable:
                yield InputProblem(str(p), "folder holds no input files (.txt .html .jsonl .csv, optionally .gz) that match")
            yield from sorted(found)
        elif p.is_file():
            yield p
        else:
            yield InputProblem(str(p), "no such file or folder")


def iter_inputs(
    inputs: Iterable[str | Path],
    *,
    lang: str | None = None,
    ref_date: date | None = None,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    fieldmap: FieldMap = FieldMap(),
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | InputProblem]:
    """Every document of ``inputs`` (files, folders, ``-`` for stdin), problems interleaved.

    Document ids are not made unique here: a store (:mod:`kg.store`) keys documents by content and
    renames a clashing id itself. ``progress.total`` is set to the bytes of the files named, and
    ``progress.done`` grows as they are read.
    """
    items = list(expand(inputs, include=include, exclude=exclude))
    if progress is not None:
        progress.total = sum(_size(i) for i in items if isinstance(i, Path))
    for item in items:
        if isinstance(item, InputProblem):
            yield item
        elif item == "-":
            yield from read_stdin(stdin, lang=lang, ref_date=ref_date, fieldmap=fieldmap, progress=progress)
        else:
            before = progress.done if progress is not None else 0
            for out in read_file(item, lang=lang, ref_date=ref_date, fieldmap=fieldmap, progress=progress):
                if isinstance(out, Document) and progress is not None:
                    progress.documents += 1
                yield out
            if progress is not None:  # a file read in full counts in full (buffering may under-count)
                progress.done = before + _size(item)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def iter_documents(
    inputs: Iterable[str | Path], *, lang: str | None = None, ref_date: date | None = None
) -> Iterator[Document | InputProblem]:
    """Every document of ``inputs`` (files, folders, JSONL, CSV, ``-``), problems interleaved; ids made unique.

    The same reader as ``kg add`` (:func:`kg.io.inputs.iter_inputs`): one JSONL reader, one set of limits,
    one set of messages for both commands.
    """
    seen: dict[str, int] = {}
    for out in iter_inputs(inputs, lang=lang, ref_date=ref_date):
        if isinstance(out, Document):
            n = seen.get(out.id, 0)
            seen[out.id] = n + 1
            if n:
                new_id = f"{out.id}-{n + 1}"
                yield InputProblem(out.source, f"duplicate document id {out.id!r}, renamed {new_id!r}", fatal=False)
                out = Document(**{**_fields(out), "id": new_id})
        yield out
