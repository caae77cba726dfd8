"""Ingest: files, folders, JSONL and HTML -> clean :class:`~kg.model.Document` objects.

Bad input never raises out of :func:`iter_documents`: each unreadable file or line becomes an
:class:`InputProblem` in the stream (one line of text saying what is wrong and what to do), and the rest
of the batch goes on.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from .errors import KgInputError  # noqa: F401 - raised here, defined with the other domain errors
from .model import Document
from .resources import data_dir, lang_dir, languages, read_lines

MAX_BYTES = 20_000_000  # a single document larger than this is skipped (use JSONL for big corpora)
TEXT_SUFFIXES = {".txt", ".text", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


@dataclass(frozen=True, slots=True)
class InputProblem:
    source: str
    message: str
    fatal: bool = True  # False: a warning, the input was still used

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


# -- junk filtering ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class JunkRules:
    drop: tuple[re.Pattern, ...]
    stop: tuple[re.Pattern, ...]


@cache
def junk_rules(lang: str | None = None) -> JunkRules:
    lines = read_lines(data_dir() / "junk.txt")
    if lang:
        lines += read_lines(lang_dir(lang) / "junk.txt")
    drop, stop = [], []
    for line in lines:
        target = stop if line.startswith("STOP ") else drop
        target.append(re.compile(line.removeprefix("STOP ").strip(), re.IGNORECASE))
    return JunkRules(tuple(drop), tuple(stop))


_GLUED = re.compile(r"[a-z][A-Z]")
_HAS_DIGIT = re.compile(r"\d")
_TERMINAL = re.compile(r"[.!?:;\"”’)]\s*$")


def is_junk_line(line: str, rules: JunkRules) -> bool:
    s = line.strip()
    if not s:
        return False
    if any(rx.fullmatch(s) for rx in rules.drop):
        return True
    words = s.split()
    if any(len(_GLUED.findall(w)) >= 2 for w in words):  # "HomeNewsInternasional...": glued navigation
        return True
    return len(words) <= 2 and not _TERMINAL.search(s) and not _HAS_DIGIT.search(s)


_GLUED_HEADING = re.compile(r"\b([a-z]{4,}|[A-Z][a-z]{3,})(?=[A-Z][a-z]{2,})")


# Wikipedia-style reference marks glued to words ("Georgia.[2][3]", "[citation needed]"): they hide the
# word from the tokenizer and carry no text
_FOOTNOTES = re.compile(r"(?:\[(?:\d{1,3}|[a-z]|citation needed|butuh rujukan|rujukan\?)\])+")


_READ_ALSO = re.compile(r"^\s*(?:baca juga|lihat juga|simak juga|read also|read more|see also)\s*:\s*", re.IGNORECASE)


def _drop_glued_link(line: str) -> str:
    """A "read also" link scraped onto the start of a paragraph: "BACA JUGA: Zelenskyy Cari Reaksi
    KerasDia mencatat bahwa ..." keeps only the paragraph (from where the link's title is glued to it)."""
    m = _READ_ALSO.match(line)
    if m is None:
        return line
    glue = _GLUED_HEADING.search(line, m.end())
    return line[glue.end(1) :].lstrip() if glue else line


def _unglue(line: str) -> str:
    """Split a section heading glued to the next sentence by scraping ("AkibatSehari setelah ...",
    "Aspek hukumMenurut ..."): a lower-case letter directly followed by a capitalised word."""
    if len(line) < 80:  # titles and short lines keep their camel case
        return line
    return _GLUED_HEADING.sub(r"\1 ", line)


def clean_text(text: str, lang: str | None = None) -> tuple[str, int]:
    """Drop scraped boilerplate lines; returns ``(clean_text, number_of_dropped_lines)``.

    >>> clean_text("Free Porn\\nTitle of the story here\\n\\nBody text.\\nLEAVE A REPLY\\nNice post!")
    ('Title of the story here\\n\\nBody text.', 3)
    >>> clean_text("Russia sent troops into Georgia.[2][3] Fighting spread.")[0]
    'Russia sent troops into Georgia. Fighting spread.'
    >>> clean_text("BACA JUGA: Zelenskyy Cari Reaksi Keras atas Keterlibatan Korut dalam Perang RusiaDia mencatat bahwa AS membantu.")[0]
    'Dia mencatat bahwa AS membantu.'
    """
    rules = junk_rules(lang)
    kept: list[str] = []
    dropped = 0
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for i, line in enumerate(lines):
        s = line.strip()
        if s and any(rx.fullmatch(s) for rx in rules.stop):
            dropped += sum(1 for rest in lines[i:] if rest.strip())
            break
        if is_junk_line(line, rules):
            dropped += 1
            continue
        line = _drop_glued_link(line)
        kept.append(_unglue(_FOOTNOTES.sub("", line.rstrip())))
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out, dropped


# -- language ---------------------------------------------------------------------------------------

_NEAR = {"ms": "id"}  # Malay and Indonesian are hard to tell apart from a little text


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language (py3langid, whose model ships with the package)."""
    lang, _prob = _identifier().classify(text[:3000])
    return lang


def choose_language(text: str, forced: str | None = None) -> str:
    supported = languages()
    if forced:
        if forced not in supported:
            raise KgInputError(f"no language data for {forced!r} (kg knows: {', '.join(supported)})")
        return forced
    lang = detect_language(text)
    lang = _NEAR.get(lang, lang) if lang not in supported else lang
    if lang not in supported:
        raise KgInputError(
            f"detected language {lang!r}, for which kg has no data (kg knows: {', '.join(supported)}); "
            "pass --lang to force one"
        )
    return lang


# -- text decoding ----------------------------------------------------------------------------------


def decode_bytes(raw: bytes, source: str) -> tuple[str, InputProblem | None]:
    """Decode ``raw`` as UTF-8 (with or without BOM), else cp1252/Latin-1 with a warning."""
    if not raw.strip():
        raise KgInputError("empty file, skipped")
    head = raw[:8192]
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise KgInputError("binary file (NUL bytes), skipped: kg reads UTF-8 text, HTML and JSONL")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        for enc in ("cp1252", "latin-1"):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            return text, InputProblem(source, f"not UTF-8; decoded as {enc}", fatal=False)
        raise KgInputError("undecodable bytes, skipped: save the file as UTF-8") from None
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > 0.05 * min(len(text), 8192):
        raise KgInputError("binary file (control characters), skipped: kg reads UTF-8 text, HTML and JSONL")
    return text, None


# -- HTML -------------------------------------------------------------------------------------------


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "svg", "template", "iframe"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr", "blockquote"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.meta: dict[str, str] = {}
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata (title, url, date, publisher) of an HTML page."""
    parser = _HTMLText()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # html.parser is lenient; anything left is malformed beyond repair
        pass
    text = "".join(parser.parts)
    text = "\n".join(re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.split("\n"))
    m = parser.meta
    title = (m.get("og:title") or parser.title or "").strip()
    meta = {
        "title": html.unescape(title),
        "url": m.get("og:url") or m.get("canonical") or "",
        "date": m.get("article:published_time") or m.get("datepublished") or m.get("date") or m.get("pubdate") or "",
        "publisher": m.get("og:site_name") or "",
    }
    if title and not text.lstrip().startswith(title):
        text = title + "\n\n" + text
    return text, {k: v for k, v in meta.items() if v}


# -- building documents -----------------------------------------------------------------------------


def parse_date(value: object) -> date | None:
    """Accept ``2024-04-16``, ``2024-04-16T10:00:00Z`` (date part) or a date; else ``None``."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def choose_date(text: str, lang: str, *, ref_date: date | None = None, meta_date: date | None = None) -> tuple[date | None, str | None]:
    """The document's reference date and where it came from: the article's own date wins (its metadata,
    then its date line), ``ref_date`` (``--date``) only fills in for a document without one, and the
    first full date in the text is the last resort."""
    if meta_date is not None:
        return meta_date, "metadata"
    from .timex import TimeTagger

    tagger = TimeTagger.for_lang(lang)
    found = tagger.dateline(text)
    if found is not None:
        return found, "text"
    if ref_date is not None:
        return ref_date, "option"
    found = tagger.first_explicit_date(text)
    return (found, "text") if found else (None, None)


def make_document(
    doc_id: str,
    raw_text: str,
    *,
    source: str,
    lang: str | None = None,
    ref_date: date | None = None,
    meta_date: date | None = None,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
) -> Document:
    """Clean ``raw_text``, pick its language and reference date, and build the Document."""
    if "\x00" in raw_text:
        raw_text = raw_text.replace("\x00", "")
    pre_lang = lang
    if pre_lang is None:
        rough, _ = clean_text(raw_text, None)
        if not rough.strip():
            raise KgInputError("no article text left after removing page boilerplate, skipped")
        pre_lang = choose_language(rough)
    text, dropped = clean_text(raw_text, pre_lang)
    if not text.strip():
        raise KgInputError("no article text left after removing page boilerplate, skipped")
    lang = lang or pre_lang
    when, how = choose_date(text, lang, ref_date=ref_date, meta_date=meta_date)
    if title is None:
        first = text.split("\n", 1)[0].strip()
        if first and len(first) < 200 and not first.endswith("."):
            title = first
    return Document(
        id=doc_id,
        text=text,
        lang=lang,
        date=when,
        date_source=how,
        source=source,
        url=url or None,
        title=title or None,
        publisher=publisher or None,
        dropped_lines=dropped,
    )


def _file_kind(path: Path, raw: bytes) -> str:
    suffix = "".join(path.suffixes[-1:]).lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    head = raw[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def _iter_jsonl(path: Path, text: str, lang: str | None, ref_date: date | None) -> Iterator[Document | InputProblem]:
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"malformed JSON ({exc.msg}), line skipped")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            yield InputProblem(where, 'expected an object with a "text" string, line skipped')
            continue
        doc_id = str(obj.get("id") or f"{path.stem}-{number}")
        try:
            yield make_document(
                doc_id,
                obj["text"],
                source=where,
                lang=obj.get("lang") if isinstance(obj.get("lang"), str) and lang is None else lang,
                ref_date=ref_date,
                meta_date=parse_date(obj.get("date")),
                url=obj.get("url") if isinstance(obj.get("url"), str) else None,
                title=obj.get("title") if isinstance(obj.get("title"), str) else None,
                publisher=obj.get("publisher") if isinstance(obj.get("publisher"), str) else None,
            )
        except KgInputError as exc:
            yield InputProblem(where, str(exc))


def read_path(
    path: Path, *, lang: str | None = None, ref_date: date | None = None, max_bytes: int = MAX_BYTES
) -> Iterator[Document | InputProblem]:
    """Documents (or problems) from one file."""
    try:
        size = path.stat().st_size
        if size > max_bytes and path.suffix.lower() not in JSONL_SUFFIXES:
            yield InputProblem(str(path), f"file is {size:,} bytes, over the {max_bytes:,}-byte limit, skipped")
            return
        raw = path.read_bytes()
    except OSError as exc:
        yield InputProblem(str(path), f"cannot read ({exc.strerror or exc}), skipped")
        return
    try:
        text, warning = decode_bytes(raw, str(path))
    except KgInputError as exc:
        yield InputProblem(str(path), str(exc))
        return
    if warning:
        yield warning
    kind = _file_kind(path, raw)
    if kind == "jsonl":
        yield from _iter_jsonl(path, text, lang, ref_date)
        return
    meta: dict[str, str] = {}
    if kind == "html":
        text, meta = html_to_text(text)
    try:
        yield make_document(
            path.stem,
            text,
            source=str(path),
            lang=lang,
            ref_date=ref_date,
            meta_date=parse_date(meta.get("date")),
            url=meta.get("url"),
            title=meta.get("title"),
            publisher=meta.get("publisher"),
        )
    except KgInputError as exc:
        yield InputProblem(str(path), str(exc))


def expand_paths(inputs: Iterable[str | Path]) -> Iterator[Path | InputProblem]:
    """Files named directly, and the readable files of named folders (recursively, sorted)."""
    suffixes = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in suffixes)
            if not files:
                yield InputProblem(str(p), "folder holds no .txt, .jsonl or .html files")
            yield from files
        elif p.is_file():
            yield p
        else:
            yield InputProblem(str(p), "no such file or folder")


def iter_documents(
    inputs: Iterable[str | Path], *, lang: str | None = None, ref_date: date | None = None
) -> Iterator[Document | InputProblem]:
    """Every document of ``inputs`` (files, folders, JSONL), problems interleaved; ids made unique."""
    seen: dict[str, int] = {}
    for item in expand_paths(inputs):
        if isinstance(item, InputProblem):
            yield item
            continue
        for out in read_path(item, lang=lang, ref_date=ref_date):
            if isinstance(out, Document):
                n = seen.get(out.id, 0)
                seen[out.id] = n + 1
                if n:
                    new_id = f"{out.id}-{n + 1}"
                    yield InputProblem(out.source, f"duplicate document id {out.id!r}, renamed {new_id!r}", fatal=False)
                    out = Document(**{**_fields(out), "id": new_id})
            yield out


def _fields(doc: Document) -> dict:
    return {f: getattr(doc, f) for f in doc.__slots__}
