"""Ingest: files, folders, JSONL and HTML -> clean :class:`~kg.model.Document` objects.

Bad input never raises out of :func:`iter_documents`: each unreadable file or line becomes an
:class:`InputProblem` in the stream (one line of text saying what is wrong and what to do), and the rest
of the batch goes on.
"""

from __future__ import annotations

import html
import logging
import os
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from html.parser import HTMLParser

from kg.caching import per_language
from kg.errors import KgInputError  # noqa: F401 - raised here, defined with the other domain errors
from kg.lang.settings import settings
from kg.model import Document
from kg.resources import data_dir, lang_dir, languages, read_lines

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


@per_language
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
    if _GLUED.search(s) and any(len(_GLUED.findall(w)) >= 2 for w in words):  # "HomeNewsInternasional...": glued navigation
        return True
    return len(words) <= 2 and not _TERMINAL.search(s) and not _HAS_DIGIT.search(s)


_GLUED_HEADING = re.compile(r"\b([a-z]{4,}|[A-Z][a-z]{3,})(?=[A-Z][a-z]{2,})")


# Wikipedia-style reference marks glued to words ("Georgia.[2][3]", "[citation needed]"): they hide the
# word from the tokenizer and carry no text
# (the words are every language's ``footnote_words``); "read also" links are every language's ``read_also``


@cache
def _markup(_lang_path: str) -> tuple[re.Pattern, re.Pattern]:
    """Footnote marks and "read also" links of every language kg knows (keyed on ``KG_LANG_PATH``)."""
    notes: list[str] = []
    links: list[str] = []
    for code in languages():
        s = settings(code)
        notes += s.raw["footnote_words"]
        links += s.raw["read_also"]
    words = "".join(f"|{re.escape(w)}" for w in dict.fromkeys(notes))
    footnotes = re.compile(rf"(?:\[(?:\d{{1,3}}|[a-z]{words})\])+")
    read_also = re.compile(r"^\s*(?:" + "|".join(re.escape(w) for w in dict.fromkeys(links)) + r")\s*:\s*", re.IGNORECASE)
    return footnotes, read_also


def _drop_glued_link(line: str) -> str:
    """A "read also" link scraped onto the start of a paragraph: "BACA JUGA: Zelenskyy Cari Reaksi
    KerasDia mencatat bahwa ..." keeps only the paragraph (from where the link's title is glued to it)."""
    m = _markup(os.environ.get("KG_LANG_PATH", ""))[1].match(line)
    if m is None:
        return line
    glue = _GLUED_HEADING.search(line, m.end())
    return line[glue.end(1) :].lstrip() if glue else line


def _unglue(line: str) -> str:
    """Split a section heading glued to the next sentence by scraping ("AkibatSehari setelah ...",
    "Aspek hukumMenurut ..."): a lower-case letter directly followed by a capitalised word."""
    if len(line) < 80 or not _GLUED.search(line):  # titles and short lines keep their camel case; the pattern
        return line  # needs a lower-case letter before a capital
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
    footnotes = _markup(os.environ.get("KG_LANG_PATH", ""))[0]
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
        line = line.rstrip()
        kept.append(_unglue(footnotes.sub("", line) if "[" in line else line))  # a footnote mark is in brackets
    out = "\n".join(kept)
    out = re.sub(r"\n{3,}", "\n\n", out).strip()
    return out, dropped


# -- language ---------------------------------------------------------------------------------------

_NEAR = {"ms": "id"}  # Malay and Indonesian are hard to tell apart from a little text
# BCP 47 / ISO 639-2 spellings a record's ``lang`` field may use for a language kg knows
_ALIASES = {"eng": "en", "ind": "id", "in": "id"}
# "Clearly another language": the languages kg knows (with their near neighbours) get less than this
# probability together, on a text with at least OTHER_MIN_WORDS lower-case words. Names are not
# counted: on one-line texts they are what misleads the identifier ("Nikol Pashinyan launched
# airstrikes against UNCTAD in Kupiansk" is 'pcm' to it). See README, "Languages".
OTHER_MAX_KNOWN = 1e-3
OTHER_MIN_WORDS = 4
log = logging.getLogger(__name__)


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@cache
def _known_identifier(_lang_path: str):
    """The identifier restricted (``set_languages``) to the languages kg has data for and their near
    neighbours; a shallow copy of the full one, so the model is loaded once. Keyed on ``KG_LANG_PATH``,
    which says which languages kg has."""
    import copy

    known = _known_codes()
    ident = copy.copy(_identifier())
    ident.set_languages(sorted(c for c in known if c in ident._full_model[2]))
    return ident


def _known_codes() -> frozenset[str]:
    supported = set(languages())
    return frozenset(supported | {near for near, lang in _NEAR.items() if lang in supported})


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language among all of py3langid's (whose model ships with the package)."""
    lang, _prob = _identifier().classify(text[:3000])
    return lang


@dataclass(frozen=True)
class LanguageGuess:
    lang: str | None  # a language kg has data for, or None: clearly another language
    top: str  # the likeliest language among all the identifier knows
    top_prob: float
    known_prob: float  # the probability of the languages kg knows (and their near neighbours), together


def identify_language(text: str) -> LanguageGuess:
    """Which of kg's languages ``text`` is in, or None when it is clearly another one.

    Names carry no language and mislead the identifier on short texts ("Nikol Pashinyan launched
    airstrikes against UNCTAD in Kupiansk" is Nigerian Pidgin to it), so it reads the lower-case words
    when there are at least three, else the whole text. The choice is made among kg's languages only
    (``set_languages``); "other" needs the full identifier to give kg's languages together less than
    OTHER_MAX_KNOWN, on at least OTHER_MIN_WORDS lower-case words: a short text is never skipped.

    >>> identify_language("Le ministre a reçu hier son homologue pour un long entretien à Paris.").lang is None
    True
    """
    sample = text[:3000]
    words = _lower_words(sample)
    basis = " ".join(words) if len(words) >= 3 else sample
    ranked = _identifier().rank(basis)
    known = _known_codes()
    known_prob = sum(p for code, p in ranked if code in known)
    top, top_prob = ranked[0]
    if known_prob < OTHER_MAX_KNOWN and len(words) >= OTHER_MIN_WORDS:
        return LanguageGuess(None, top, top_prob, known_prob)
    best = _known_identifier(os.environ.get("KG_LANG_PATH", "")).classify(basis)[0]
    return LanguageGuess(_NEAR.get(best, best), top, top_prob, known_prob)


def _lower_words(text: str) -> list[str]:
    """The lower-case words of ``text`` (not names, numbers or codes), punctuation stripped.

    >>> _lower_words("Juan Ramón de la Fuente called, 3 times.")
    ['de', 'la', 'called', 'times']
    """
    out = []
    for w in text.split():
        w = w.strip(".,;:!?()[]\"'“”‘’«»")
        if w.isalpha() and w[0].islower():
            out.append(w)
    return out


def normalise_language(code: str) -> str:
    """A language code as kg's data names it (``en-US`` -> ``en``, ``IND`` -> ``id``); raises
    KgInputError (a one-line skip) for a language kg has no data for."""
    supported = languages()
    c = code.strip().lower().replace("_", "-").split("-")[0]
    c = _ALIASES.get(c, c)
    if c not in supported:
        raise KgInputError(f"language {code!r}: kg has no data for it (kg knows: {', '.join(supported)}), skipped")
    return c


def choose_language(text: str, forced: str | None = None, *, source: str = "") -> str:
    supported = languages()
    if forced:
        if forced not in supported:
            raise KgInputError(f"no language data for {forced!r} (kg knows: {', '.join(supported)})")
        return forced
    guess = identify_language(text)
    if guess.lang is None:
        raise KgInputError(
            f"detected language {guess.top!r} (p={guess.top_prob:.2f}), for which kg has no data "
            f"(kg knows: {', '.join(supported)}); pass --lang to force one"
        )
    if guess.top not in _known_codes():
        log.info("%s: the identifier's first choice is %r (p=%.2f), of which kg has no data; read as %r, the likeliest "
                 "language kg knows", source or "text", guess.top, guess.top_prob, guess.lang)  # fmt: skip
    return guess.lang


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
    from kg.nlp.timex import TimeTagger

    tagger = TimeTagger.for_lang(lang)
    found = tagger.dateline(text)
    if found is not None:
        return found, "text"
    if ref_date is not None:
        return ref_date, "option"
    found = tagger.first_day_date(text)  # the date line is not there (first_explicit_date would look again)
    return (found, "text") if found else (None, None)


_SURROGATE = re.compile("[\ud800-\udfff]")


def unsurrogate(text: str) -> str:
    """``text`` with each lone surrogate (which no encoder accepts) replaced by U+FFFD.

    >>> unsurrogate("a\\ud800b")
    'a\\ufffdb'
    """
    return _SURROGATE.sub("\ufffd", text)


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
    """Clean ``raw_text``, pick its language and reference date, and build the Document.

    ``lang`` (an option or a record's field) must name a language kg has data for (else KgInputError:
    the document is skipped, the batch goes on). Lone surrogates (a JSON ``"\\ud800"``, a file name
    that is not UTF-8) become U+FFFD in every text field.
    """
    doc_id, raw_text = unsurrogate(doc_id), unsurrogate(raw_text)
    url, title, publisher = (unsurrogate(v) if v else v for v in (url, title, publisher))
    if "\x00" in raw_text:
        raw_text = raw_text.replace("\x00", "")
    if lang is not None:
        lang = normalise_language(lang)
    pre_lang = lang
    if pre_lang is None:
        rough, _ = clean_text(raw_text, None)
        if not rough.strip():
            raise KgInputError("no article text left after removing page boilerplate, skipped")
        pre_lang = choose_language(rough, source=source)
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


def _fields(doc: Document) -> dict:
    return {f: getattr(doc, f) for f in doc.__slots__}
