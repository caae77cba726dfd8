"""Bytes to text, records to Documents: decoding, dates in any form, JSONL/CSV records, HTML pages."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from kg.errors import KgInputError
from kg.io.ingest import InputProblem, html_to_text, make_document, parse_date
from kg.model import Document


@dataclass(frozen=True)
class FieldMap:
    """Which JSONL/CSV field holds what. Dotted names reach into nested JSON objects (``meta.url``)."""

    id: str = "id"
    text: str = "text"
    date: str = "date"
    lang: str = "lang"
    url: str = "url"
    title: str = "title"
    publisher: str = "publisher"

    @classmethod
    def parse(cls, spec: str | None) -> FieldMap:
        """``"text=body,date=published"`` -> a FieldMap (unnamed fields keep their defaults)."""
        if not spec:
            return cls()
        known = {f.name for f in fields(cls)}
        changes = {}
        for part in spec.split(","):
            if not part.strip():
                continue
            key, sep, value = part.partition("=")
            key, value = key.strip(), value.strip()
            if not sep or key not in known or not value:
                raise ValueError(f"bad field mapping {part.strip()!r}: use NAME=FIELD with NAME one of {', '.join(sorted(known))}")
            changes[key] = value
        return replace(cls(), **changes)


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode(raw: bytes, source: str, *, html: bool = False) -> tuple[str, InputProblem | None]:
    """Text of ``raw``: UTF-8/UTF-16 by BOM or validity, else the declared (HTML) or detected encoding."""
    if not raw.strip():
        raise KgInputError("empty input, skipped")
    head = raw[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            raise KgInputError("broken UTF-16, skipped") from None
    if b"\x00" in head:
        raise KgInputError("binary input (NUL bytes), skipped: kg reads text, HTML, JSONL and CSV")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text, enc = _detect(raw, html=html)
        warning = InputProblem(source, f"not UTF-8; decoded as {enc}", fatal=False)
    else:
        warning = None
    control = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if control > 0.05 * min(len(text), 8192):
        raise KgInputError("binary input (control characters), skipped: kg reads text, HTML, JSONL and CSV")
    return text, warning


def _detect(raw: bytes, *, html: bool) -> tuple[str, str]:
    if html:
        m = _META_CHARSET.search(raw[:4096])
        if m:
            enc = m.group(1).decode("ascii", "replace").lower()
            try:
                if codecs.lookup(enc).name not in ("utf-8",):
                    return raw.decode(enc), enc
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:200_000]).best()
        if best is not None and best.encoding:
            try:
                text = raw.decode(best.encoding)
            except (UnicodeDecodeError, LookupError):
                pass
            else:
                # the legacy code pages agree on most bytes: when Windows-1252 reads the same text, say so
                # (charset-normalizer names cp1250 for "Israel’s strike – officials said")
                return text, ("cp1252" if _decodes_same(raw, "cp1252", text) else best.encoding)
    except ImportError:  # pragma: no cover - charset-normalizer is a dependency
        pass
    for enc in ("cp1252", "latin-1"):
        try:
            return raw.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise KgInputError("undecodable bytes, skipped: save the file as UTF-8")  # pragma: no cover - latin-1 decodes all


def _decodes_same(raw: bytes, encoding: str, text: str) -> bool:
    try:
        return raw.decode(encoding) == text
    except UnicodeDecodeError:
        return False


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


_DMY = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")


def parse_any_date(value: object) -> date | None:
    """ISO dates and timestamps, RFC 2822 (``Fri, 03 May 2024 10:00:00 GMT``), day/month/year, Unix seconds.

    >>> parse_any_date("Fri, 03 May 2024 10:00:00 GMT"), parse_any_date("3/5/2024"), parse_any_date("x")
    (datetime.date(2024, 5, 3), datetime.date(2024, 5, 3), None)
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1e8 < value < 32503680000:  # Unix seconds, 1973..2999
            return datetime.fromtimestamp(int(value), tz=timezone.utc).date()
        return None
    iso = parse_date(value)
    if iso is not None or not isinstance(value, str):
        return iso
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        pass
    m = _DMY.match(value)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return None


def _get(obj: dict, name: str):
    cur: object = obj
    for part in name.split("."):
        if not isinstance(cur, dict) or part not in cur:
            return None
        cur = cur[part]
    return cur


def _str(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def record_document(
    obj: dict, *, where: str, default_id: str, fieldmap: FieldMap, lang: str | None, ref_date: date | None
) -> Document:
    """A Document from one JSONL object or CSV row; raises KgInputError with a one-line reason."""
    text = _get(obj, fieldmap.text)
    if not isinstance(text, str):
        raise KgInputError(f"expected a {fieldmap.text!r} text field, skipped")
    rec_lang = _str(_get(obj, fieldmap.lang))
    return make_document(
        _str(_get(obj, fieldmap.id)) or default_id,
        text,
        source=where,
        lang=lang or rec_lang,
        ref_date=ref_date,
        meta_date=parse_any_date(_get(obj, fieldmap.date)),
        url=_str(_get(obj, fieldmap.url)),
        title=_str(_get(obj, fieldmap.title)),
        publisher=_str(_get(obj, fieldmap.publisher)),
    )


_TRAFILATURA: list = []  # [module or None] once it has been imported (or failed to)


def _trafilatura():
    """trafilatura, or None when it cannot be imported: then kg says so once (a log line) and reads pages
    with its own plainer HTML reader."""
    if not _TRAFILATURA:
        try:
            import trafilatura
        except ImportError as exc:  # e.g. lxml without lxml_html_clean
            import logging

            logging.getLogger("kg.io.inputs").warning(
                "trafilatura cannot be imported (%s); HTML pages are read with kg's plain reader (no metadata, more "
                "boilerplate). Install it: pip install trafilatura lxml_html_clean", " ".join(str(exc).split()))  # fmt: skip
            trafilatura = None
        _TRAFILATURA.append(trafilatura)
    return _TRAFILATURA[0]


def html_document(markup: str, *, doc_id: str, source: str, lang: str | None, ref_date: date | None) -> Document:
    """A Document from a saved web page: trafilatura finds the main text and the metadata.

    Falls back to kg.io.ingest's own HTML reader when trafilatura finds no main text (tiny or odd pages).
    """
    meta: dict[str, str] = {}
    text = ""
    trafilatura = _trafilatura()
    try:
        if trafilatura is None:
            raise ImportError("trafilatura")
        result = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True, url=None
        )
    except Exception:  # trafilatura/lxml on malformed markup: fall back
        result = None
    if result is not None:
        get = result.get if isinstance(result, dict) else lambda k: getattr(result, k, None)
        text = get("text") or ""
        meta = {
            "title": get("title") or "",
            "publisher": get("sitename") or "",
            "date": get("date") or "",
            "url": get("url") or "",
        }
        if text and meta["title"] and not text.lstrip().startswith(meta["title"]):
            text = meta["title"] + "\n\n" + text
    if not text.strip():
        text, fallback = html_to_text(markup)
        meta = {**fallback, **{k: v for k, v in meta.items() if v}}
    return make_document(
        doc_id,
        text,
        source=source,
        lang=lang,
        ref_date=ref_date,
        meta_date=parse_any_date(meta.get("date")),
        url=meta.get("url") or None,
        title=meta.get("title") or None,
        publisher=meta.get("publisher") or None,
    )
