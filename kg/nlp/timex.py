"""Time expressions: find them in text and normalise them against a reference date.

The vocabulary (month and weekday names, relative words) is data in ``data/lang/<code>/time.json``; this
module only holds the grammar of dates shared by the languages kg knows. Every value keeps its precision.

>>> from datetime import date
>>> tagger = TimeTagger.for_lang("id")
>>> [(m.text, m.value.value) for m in tagger.find("pada Selasa (16/4/2024) dan pada 1 April", date(2024, 4, 16))]
[('Selasa (16/4/2024)', '2024-04-16'), ('pada 1 April', '2024-04-01')]
>>> [m.value.value for m in tagger.find("Pada Sabtu sebelumnya, Iran menyerang", date(2024, 4, 16))]
['2024-04-13']
>>> [m.value.value for m in TimeTagger.for_lang("en").find("last Saturday and in 2022", date(2024, 4, 16))]
['2024-04-13', '2022']
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from kg.caching import per_language
from kg.model import Precision, TimeValue
from kg.lang.schema import load
from kg.resources import lang_dir


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    value: TimeValue | None  # None when it needs a reference date and none is known
    kind: str  # absolute, yearless, weekday, relative, period, year, month
    background: bool = False  # "since 2022": a period that began then
    month_day: tuple[int, int] | None = None  # a year-less date's month and day, to resolve later
    weekday: int | None = None  # a bare weekday ("on Monday", "pada Senin"): the verb's tense picks its week
    offset: int | None = None  # a connective ("a day after", "sehari setelah"): days from what it links to

    def for_future(self, ref: date | None) -> TimeMention:
        """This mention said of a future act: a bare weekday is the next such day on or after ``ref``
        ("will visit Manila on Monday"), not the last one."""
        if self.weekday is None or ref is None:
            return self
        when = ref + timedelta(days=(self.weekday - ref.weekday()) % 7)
        return TimeMention(self.start, self.end, self.text, TimeValue(when.isoformat(), Precision.DAY, self.text),
                           self.kind, self.background)  # fmt: skip


_WORD = re.compile(r"\w+")
# a date line: at most a place name (a few capitalised words) and a comma before the date, a dash after it
_DATELINE_BEFORE = re.compile(r"\s*(?:[^\W\d][\w.'’-]*(?:\s+[^\W\d][\w.'’-]*){0,3}\s*[,/]\s*)?")
_DATELINE_AFTER = re.compile(r"\s*\)?\s*(?:\([^\W\d][^()\n]{0,29}\)\s*)?(?:[—–-]{1,2}|:)\s")  # "(Reuters) -", "(ANTARA) –"
# a date line with no date: a place in capitals ("WASHINGTON —", "NAIROBI, Kenya —", "MOSCOW, June 3 (Reuters) -"),
# or any place with the news agency in brackets ("Jakarta (ANTARA) -") or a news site's domain
# ("Liputan6.com, Jakarta -"); at most three comma-separated parts of at most four words, then a dash
_DATELINE_PART = r"[^\W\d][\w.'’&-]*(?:[ \t]+[\w.'’&/-]+){0,3}"
_PLAIN_DATELINE = re.compile(
    rf"[ \t]*(?P<place>{_DATELINE_PART}(?:[ \t]*,[ \t]*{_DATELINE_PART}){{0,2}})"
    r"[ \t]*(?P<agency>\([^\W\d][^()\n]{0,29}\))?[ \t]*(?P<dash>[—–]|--?)[ \t]+(?=\S)"
)
_SPACED_DASH = re.compile(r"[ \t]+(?:[—–]|--?)[ \t]+")
_TITLED_PART = re.compile(r"[^\W\d_][\w.'’&-]*(?:[ \t]+[^\W\d_][\w.'’&-]*){0,2}")


def _titled_dateline(m, is_place) -> bool:
    """A date line whose place is written in title case ("Jakarta - Pemerintah Indonesia ...", "Jakarta, CNN Indonesia
    -- ..."): every word of its at most three parts capitalised, the dash set off by spaces, a capital after it, and
    its first part a place by ``is_place(start, end)`` (the pipeline's: a capital or a gazetteer place, not a state
    or a body: "Russia - Ukraine talks resume", "UN - Russia vetoed ..." are no date lines). None: never."""
    if m["agency"] or is_place is None:
        return False
    place = m["place"].rstrip("—–- \t")  # "Jakarta, CNN Indonesia --": the first dash may end the place's last word
    parts = [p.strip() for p in place.split(",")]
    if not all(_TITLED_PART.fullmatch(p) and all(w[0].isupper() for w in p.split()) for p in parts):
        return False
    line, end = m.string, m.start("place") + len(place)
    if not (_SPACED_DASH.fullmatch(line, end, m.end()) and m.end() < len(line) and line[m.end()].isupper()):
        return False
    first = parts[0]
    return is_place(m.start("place"), m.start("place") + len(first))


_DOMAIN = re.compile(r"[^\W_]\.[^\W\d_]{2,3}\b")
DATELINE_CHARS = 2000  # a date line opens a paragraph among the first this many characters of a document
YEAR = r"(?:1[89]|20)\d{2}"  # how a year is written: the "year" pattern's ("in 2008") and a bare year's (year_of)
_YEAR = re.compile(YEAR)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _shift_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + (d.month - 1) + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


class TimeTagger:
    """Regex-driven time tagger for one language."""

    def __init__(self, vocab: dict):
        self.v = vocab
        self.months = {k.lower(): int(n) for k, n in vocab["months"].items()}
        self.weekdays = {k.lower(): int(n) for k, n in vocab["weekdays"].items()}
        self.numbers = {k.lower(): int(n) for k, n in vocab.get("numbers", {}).items()}
        self.units = {k.lower(): u for k, u in vocab.get("units", {}).items()}
        self.order = vocab.get("numeric_order", "dmy")
        M, W = _alt(self.months), _alt(self.weekdays)
        num = r"\d{1,2}|" + _alt(self.numbers) if self.numbers else r"\d{1,2}"
        # words after the day: "Kamis lalu" (past), "Jumat depan" (future), "Senin pagi" (a part of the day)
        past = _alt(vocab.get("weekday_past", []) + vocab.get("weekday_future", []) + vocab.get("day_parts", []))
        before = vocab.get("weekday_before", {})
        pre = _alt(before.get("past", []) + before.get("future", []))
        bm = _alt(vocab.get("bare_month_prefixes", []))
        yp = _alt(vocab.get("year_prefixes", []))
        ago = _alt(vocab.get("ago", []))
        rel_days = _alt(vocab.get("relative_days", {}))
        connectives = _alt(vocab.get("connectives", {}))
        periods = _alt(vocab.get("relative_periods", {}))
        pref_units = _alt(vocab.get("prefixed_units", {}))
        art = _alt(vocab.get("articles", [])) or "(?!)"
        links = _alt(vocab["month_year_links"]) or "(?!)"
        b = r"(?<![\w/])"
        e = r"(?![\w/])"
        months, weekdays, numbers = list(self.months), list(self.weekdays), list(self.numbers)
        pre_w = before.get("past", []) + before.get("future", [])
        bm_w, yp_w = vocab.get("bare_month_prefixes", []), vocab.get("year_prefixes", [])
        D = None  # stands for "a digit" among a pattern's first words
        # (kind, regex, what the match can start with): every pattern starts at the start of a word
        pats = [
            ("iso", rf"{b}(?P<y>\d{{4}})-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}", [D]),
            (
                "weekday",
                rf"{b}(?:(?P<pre>{pre})\s+)?(?P<wd>{W})(?:\s+(?P<post>{past}))?"
                r"(?:\s*,?\s*\(?\s*(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<c>\d{2,4}))?\s*\)?)?"
                + e
                if pre
                else rf"{b}(?P<wd>{W})(?:\s+(?P<post>{past}))?"
                r"(?:\s*,?\s*\(?\s*(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<c>\d{2,4}))?\s*\)?)?" + e,
                pre_w + weekdays,
            ),
            ("numeric", rf"{b}(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<c>\d{{4}}){e}", [D]),
            ("dmy", rf"{b}(?:(?P<pp>{yp})\s+)?(?P<d>\d{{1,2}})\s+(?P<mn>{M})\.?(?:\s*,?\s+(?P<y>\d{{4}}))?{e}", yp_w + [D]),
            ("mdy", rf"{b}(?:(?P<pp>{yp})\s+)?(?P<mn>{M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s+(?P<y>\d{{4}}))?{e}", yp_w + months),
            ("my", rf"{b}(?:(?P<pp>{yp}|{bm})\s+)?(?P<mn>{M})\.?\s+(?:(?:{links})\s+)?(?P<y>\d{{4}}){e}", yp_w + bm_w + months),
            ("month", rf"{b}(?P<pp>{bm})\s+(?P<mn>{M}){e}", bm_w),
            ("year", rf"{b}(?P<pp>{yp})\s+(?:{art}\s+)?(?P<y>{YEAR}){e}", yp_w),
            # "a day after [Erdogan spoke ...]": a connective, dated from the event it links to
            ("connective", rf"{b}(?P<cn>{connectives}){e}(?=\s+\w)", list(vocab.get("connectives", {}))) if connectives else None,
            ("reldays", rf"{b}(?P<rd>{rel_days}){e}", list(vocab.get("relative_days", {}))) if rel_days else None,
            ("units_ago", rf"{b}(?P<n>{num})\s+(?P<u>{_alt(self.units)})\s+(?P<ago>{ago}){e}", [D] + numbers) if ago else None,
            ("prefunit", rf"{b}(?P<pu>{pref_units})\s+(?P<ago>{ago}){e}", list(vocab.get("prefixed_units", {}))) if pref_units and ago else None,
            ("period", rf"{b}(?P<per>{periods}){e}", list(vocab.get("relative_periods", {}))) if periods else None,
        ]
        pats = [x for x in pats if x]
        self._patterns = [(kind, re.compile(p, re.IGNORECASE)) for kind, p, _ in pats]
        # Trying each pattern only where a word it can start with begins is several times faster than
        # scanning the whole text with every pattern. A first word that is not a word (punctuation)
        # turns this off: every pattern then scans everywhere.
        self._by_word: dict[str, list] | None = {}
        self._by_digit: list = []
        for order, ((kind, _p, firsts), (_k, rx)) in enumerate(zip(pats, self._patterns)):
            for w in dict.fromkeys(firsts):
                if w is D:
                    self._by_digit.append((order, kind, rx))
                    continue
                first = _WORD.match(w)
                if first is None or first.start() != 0:
                    self._by_word = None
                    break
                entry = self._by_word.setdefault(first.group(0).lower(), []) if self._by_word is not None else None
                if entry is not None and (order, kind, rx) not in entry:
                    entry.append((order, kind, rx))
            if self._by_word is None:
                break
        self._past_words = {w.lower() for w in vocab.get("weekday_past", [])}
        self._explicit_past = {w.lower() for w in vocab.get("weekday_explicit_past", [])}
        self._future_words = {w.lower() for w in vocab.get("weekday_future", []) + before.get("future", [])}
        self._background = {w.lower() for w in vocab.get("background_prefixes", [])}

    @classmethod
    def for_lang(cls, lang: str) -> TimeTagger:
        return _tagger(lang)

    @staticmethod
    def year_of(word: str) -> TimeValue | None:
        """``word`` read as a year written alone ("the 2008 war", "perang 2008"), as the "year" pattern reads one
        after its prefix ("in 2008", "pada 2008"); None when it is no year. :meth:`find` reads no bare number as a
        year: only where it stands (a noun's modifier, not "2000 troops") says it is one, which the rules know."""
        return TimeValue(word, Precision.YEAR, word) if _YEAR.fullmatch(word) else None

    @property
    def background_words(self) -> frozenset:
        """The "since" words (``background_prefixes``): a date they introduce is where an ongoing act starts."""
        return frozenset(self._background)

    # -- finding -----------------------------------------------------------------------------------
    def find(self, text: str, ref: date | None) -> list[TimeMention]:
        """All time expressions in ``text``, left to right, longest match wins."""
        cands = []
        if self._by_word is None:
            for order, (kind, rx) in enumerate(self._patterns):
                for m in rx.finditer(text):
                    cands.append((m.start(), -(m.end() - m.start()), order, kind, m))
        else:
            by_word, by_digit = self._by_word, self._by_digit
            for w in _WORD.finditer(text):
                word = w.group(0)
                tries = by_digit if word[0].isdigit() else by_word.get(word.lower())
                if not tries:
                    continue
                pos = w.start()
                for order, kind, rx in tries:
                    m = rx.match(text, pos)
                    if m is not None:
                        cands.append((pos, -(m.end() - pos), order, kind, m))
        cands.sort()
        # "minggu lalu" (last week) and "Minggu lalu" (last Sunday): a weekday name that is also a period noun,
        # written in lower case, is the period where a relative period spans the same words
        periods = {(c[0], c[1]) for c in cands if c[3] == "period"}
        if periods:
            cands = [c for c in cands if not (c[3] == "weekday" and (c[0], c[1]) in periods and c[4].group("wd").islower())]
        # and a weekday name that is also a unit word, in lower case, is the unit wherever it stands: "selama dua
        # minggu" (for two weeks), "berminggu-minggu" (for weeks), not a Sunday
        cands = [c for c in cands if not (c[3] == "weekday" and c[4].group("wd").islower() and c[4].group("wd").lower() in self.units)]
        out: list[TimeMention] = []
        last_end = -1
        for start, _neg, _o, kind, m in cands:
            if start < last_end:
                continue
            mention = self._resolve(kind, m, ref)
            if mention is None:
                continue
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.kind == "weekday"
                and mention.kind == "absolute"
                and re.fullmatch(r"[\s,(]*", text[prev.end : mention.start])
            ):
                # "Friday, March 6, 2009": one expression, the explicit date wins
                mention = TimeMention(prev.start, mention.end, text[prev.start : mention.end], mention.value, "absolute")
                out.pop()
            elif prev is not None and text[prev.end : mention.start].isspace():
                joined = self._weekday_of_week(prev, mention, text, ref)
                if joined is not None:
                    mention = joined
                    out.pop()
            out.append(mention)
            last_end = m.end()
        return out

    def _weekday_of_week(self, a: TimeMention, b: TimeMention, text: str, ref: date | None) -> TimeMention | None:
        """A weekday and a relative week written side by side, in either order, are that day of that week (weeks
        start on Monday): "pada Senin pekan lalu", "on Monday last week", "last week on Friday", "Kamis pekan depan"
        (not the last Monday, nor the week's month). None when ``a`` and ``b`` are no such pair."""
        day, week = (a, b) if a.kind == "weekday" else (b, a)
        if ref is None or day.kind != "weekday" or week.kind != "period" or day.value is None:
            return None
        unit, n = self.v["relative_periods"].get(week.text.lower(), (None, 0))
        if unit != "week":
            return None
        monday = ref - timedelta(days=ref.weekday())
        when = monday + timedelta(weeks=int(n), days=day.value.as_date().weekday())
        span = text[a.start : b.end]
        return TimeMention(a.start, b.end, span, TimeValue(when.isoformat(), Precision.DAY, span), "relative")

    def find_in_narrative(self, text: str, ref: date | None) -> list[TimeMention]:
        """Like :meth:`find`; with no reference date, a year-less date ("pada 7 Agustus") takes the year
        of the last explicit year, month or date before it ("Perang ... dimulai pada Agustus 2008")."""
        found = self.find(text, ref)
        if ref is not None:
            return found
        year = None
        out = []
        for m in found:
            if m.value is not None and m.kind in ("absolute", "year", "month"):
                year = int(m.value.value[:4])
            elif m.value is None and m.month_day and year is not None:
                d = _safe_date(year, *m.month_day)
                if d is not None:
                    m = TimeMention(m.start, m.end, m.text, TimeValue(d.isoformat(), Precision.DAY, m.text), "yearless", m.background)
            out.append(m)
        return out

    def dateline(self, text: str) -> date | None:
        """The document's own date line among its first lines: a line that is mostly a date ("Friday,
        March 6, 2009"), or a date that opens a paragraph, after at most a place name, and is closed by
        a dash ("MANILA, Friday, August 9, 2024 — ...", "Jakarta, Rabu (6/3/2024) – ...")."""
        for line in text.split("\n")[:12]:
            found = [m for m in self.find(line, None) if m.kind == "absolute" and m.value]
            if not found or found[0].value.precision is not Precision.DAY:
                continue
            first = found[0]
            if len(first.text) >= 0.6 * len(line.strip()) or self.is_dateline_at(line, first.start, first.end):
                return first.value.as_date()
        return None

    @staticmethod
    def is_dateline_at(text: str, start: int, end: int) -> bool:
        """Is ``text[start:end]`` a date that opens a paragraph (after at most a place name and a comma)
        and is closed by a dash: the paper's date line, not the date of something it reports?"""
        line_start = text.rfind("\n", 0, start) + 1
        return bool(_DATELINE_BEFORE.fullmatch(text, line_start, start) and _DATELINE_AFTER.match(text, end))

    @staticmethod
    def dateline_end(text: str, end: int) -> int:
        """Where the date line whose date ends at ``end`` ends: after its closing dash (or colon)."""
        m = _DATELINE_AFTER.match(text, end)
        return m.end() - 1 if m else end

    def datelines(self, text: str, found: list[TimeMention], is_place=None) -> tuple[list[TimeMention], list[tuple[int, int]]]:
        """The date lines among the first :data:`DATELINE_CHARS` characters of ``text``, for a date of ``found``
        that :meth:`is_dateline_at` and for a line that opens with a place and a dash and no date
        (``_PLAIN_DATELINE``: a place in capitals, an agency in brackets or a news site's domain): "JAKARTA
        (ANTARA) - ...", "KYIV, Ukraine (AP) — ...". Returns ``found`` with each such date marked kind
        ``"dateline"`` (the paper's date, "MANILA, Friday, August 9, 2024 — ...", not that of an event), and the
        lines as (the line's start, the end of its dash). With ``is_place(start, end)`` (whether those characters are
        a place's name), a place in title case is one too ("Jakarta - ...": :func:`_titled_dateline`)."""
        out, marked = {}, []
        for m in found:
            if m.start < DATELINE_CHARS and m.kind == "absolute" and self.is_dateline_at(text, m.start, m.end):
                out[text.rfind("\n", 0, m.start) + 1] = self.dateline_end(text, m.end)
                m = replace(m, kind="dateline")
            marked.append(m)
        line = 0
        while line < min(len(text), DATELINE_CHARS):
            if line not in out:
                m = _PLAIN_DATELINE.match(text, line)
                if m is not None and "\n" not in m.group():
                    head = m["place"].split(",")[0]
                    capitals = sum(c.isalpha() for c in head) >= 3 and head.upper() == head
                    if capitals or m["agency"] or _DOMAIN.search(m["place"]) or _titled_dateline(m, is_place):
                        out[line] = m.end("dash")
            nxt = text.find("\n", line)
            if nxt < 0:
                break
            line = nxt + 1
        return marked, sorted(out.items())

    def first_explicit_date(self, text: str) -> date | None:
        """The document's date as stated in ``text``: its :meth:`dateline`, else the first fully
        specified day date."""
        found = self.dateline(text)
        return found if found is not None else self.first_day_date(text)

    def first_day_date(self, text: str) -> date | None:
        """The first fully specified day date in ``text`` (date line or not)."""
        for m in self.find(text, None):
            if m.kind in ("absolute",) and m.value and m.value.precision is Precision.DAY:
                return m.value.as_date()
        return None

    # -- resolving ---------------------------------------------------------------------------------
    def _resolve(self, kind: str, m: re.Match, ref: date | None) -> TimeMention | None:
        g = m.groupdict()
        text = m.group(0)
        pp = (g.get("pp") or "").lower()
        background = pp in self._background

        def mk(value: date | str | None, precision: Precision, k: str) -> TimeMention:
            if isinstance(value, date):
                if precision is Precision.DAY:
                    iso = value.isoformat()
                elif precision is Precision.MONTH:
                    iso = f"{value.year:04d}-{value.month:02d}"
                else:
                    iso = f"{value.year:04d}"
                tv = TimeValue(iso, precision, text)
            else:
                tv = None
            return TimeMention(m.start(), m.end(), text, tv, k, background)

        if kind == "iso":
            d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
            return mk(d, Precision.DAY, "absolute") if d else None
        if kind == "numeric":
            d = self._numeric(int(g["a"]), int(g["b"]), int(g["c"]))
            return mk(d, Precision.DAY, "absolute") if d else None
        if kind in ("dmy", "mdy"):
            month = self.months[g["mn"].lower()]
            if kind == "mdy" and g["mn"][0].islower() and len(g["mn"]) <= 4:
                return None  # "may 5" in lower case is rarely a date
            day = int(g["d"])
            if g.get("y"):
                d = _safe_date(int(g["y"]), month, day)
                return mk(d, Precision.DAY, "absolute") if d else None
            if ref is None:
                return TimeMention(m.start(), m.end(), text, None, "yearless", month_day=(month, day))
            d = self._yearless(month, day, ref)
            return mk(d, Precision.DAY, "yearless") if d else None
        if kind == "my":
            if g["mn"][0].islower():
                return None
            return mk(date(int(g["y"]), self.months[g["mn"].lower()], 1), Precision.MONTH, "absolute")
        if kind == "month":
            if g["mn"][0].islower():
                return None
            if ref is None:
                return TimeMention(m.start(), m.end(), text, None, "month")
            month = self.months[g["mn"].lower()]
            # the latest such month, or next month (as for year-less days, up to a month ahead):
            # "pada pertengahan Maret" written on 19 February is this March
            ahead = (month - ref.month) % 12
            year = ref.year + (1 if month < ref.month else 0) if ahead == 1 else ref.year if month <= ref.month else ref.year - 1
            return mk(date(year, month, 1), Precision.MONTH, "month")
        if kind == "year":
            return mk(date(int(g["y"]), 1, 1), Precision.YEAR, "year")
        if kind == "weekday":
            return self._weekday(m, g, ref, mk)
        if kind == "connective":
            return TimeMention(m.start(), m.end(), text, None, "connective", offset=int(self.v["connectives"][g["cn"].lower()]))
        if ref is None:
            return TimeMention(m.start(), m.end(), text, None, "relative")
        if kind == "reldays":
            offset = int(self.v["relative_days"][g["rd"].lower()])
            return mk(ref + timedelta(days=offset), Precision.DAY, "relative")
        if kind in ("units_ago", "prefunit"):
            if kind == "units_ago":
                n_raw = g["n"].lower()
                n = int(n_raw) if n_raw.isdigit() else self.numbers.get(n_raw)
                unit = self.units[g["u"].lower()]
            else:
                unit, n = self.v["prefixed_units"][g["pu"].lower()]
            if n is None:
                return None
            return mk(*self._offset(ref, unit, -int(n)), "relative")
        if kind == "period":
            unit, n = self.v["relative_periods"][g["per"].lower()]
            when, precision = self._offset(ref, unit, int(n))
            # "last week", "pekan lalu": the week is known, the day is not; xsd has no week, so the month
            return mk(when, Precision.MONTH if unit == "week" else precision, "period")
        return None

    def _numeric(self, a: int, b: int, y: int) -> date | None:
        if self.order == "mdy" and a <= 12 and b > 12:
            a, b = b, a
        elif self.order == "mdy" and a <= 12:
            a, b = b, a
        return _safe_date(y, b, a)

    @staticmethod
    def _yearless(month: int, day: int, ref: date) -> date | None:
        d = _safe_date(ref.year, month, day)
        if d and d > ref + timedelta(days=31):
            d = _safe_date(ref.year - 1, month, day)
        return d

    @staticmethod
    def _offset(ref: date, unit: str, n: int) -> tuple[date, Precision]:
        if unit == "day":
            return ref + timedelta(days=n), Precision.DAY
        if unit == "week":
            # weeks are not an xsd precision: a week ago is reported as its day, a period as its month
            return ref + timedelta(days=7 * n), Precision.DAY if n else Precision.MONTH
        if unit == "month":
            return _shift_months(ref, n), Precision.MONTH
        return date(ref.year + n, 1, 1), Precision.YEAR

    def _weekday(self, m, g, ref, mk) -> TimeMention | None:
        if g.get("a") and g.get("b"):
            a, b = int(g["a"]), int(g["b"])
            if g.get("c"):
                year = int(g["c"])
                year = year + 2000 if year < 100 else year
                d = self._numeric(a, b, year)
                return mk(d, Precision.DAY, "absolute") if d else None
            if ref is not None:
                day, month = (a, b) if self.order == "dmy" else (b, a)
                d = self._yearless(month, day, ref)
                return mk(d, Precision.DAY, "yearless") if d else None
        if ref is None:
            return TimeMention(m.start(), m.end(), m.group(0), None, "weekday")
        wd = self.weekdays[g["wd"].lower()]
        pre = (g.get("pre") or "").lower()
        post = (g.get("post") or "").lower()
        if pre in self._future_words or post in self._future_words:
            delta = (wd - ref.weekday()) % 7 or 7
            return mk(ref + timedelta(days=delta), Precision.DAY, "weekday")
        # a bare weekday is the last such day on or before the reference date; a verb in the future
        # tense moves it to the next one (TimeMention.for_future)
        delta = (ref.weekday() - wd) % 7
        explicit_past = pre in self._explicit_past or post in self._past_words
        if delta == 0 and explicit_past:
            delta = 7
        found = mk(ref - timedelta(days=delta), Precision.DAY, "weekday")
        return found if explicit_past else replace(found, weekday=wd)


@per_language
def _tagger(lang: str) -> TimeTagger:
    path = lang_dir(lang) / "time.json"
    if not path.is_file():
        raise LookupError(f"no time vocabulary for language {lang!r} ({path})")
    return TimeTagger(load(path))
