"""What a frame holds: arguments (:class:`Arg`), the speech act (:class:`Speech`), the :class:`Frame`."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Arg:
    """One argument: the actor span ``[start, end)`` (``index`` into the actors given), the path that
    found it, the adposition that marked it (obliques) and its role by that adposition."""

    start: int
    end: int
    index: int
    rule: str
    adp: str | None = None
    role: str | None = None
    token: int = -1  # the parse token the path reached


@dataclass(frozen=True)
class Speech:
    """The speech act a trigger is reported in: the speech verb and who spoke."""

    verb: int  # token index of the speech verb (or of the adposition of "according to X")
    speakers: tuple[Arg, ...]
    rule: str
    negated: bool = False


@dataclass
class Frame:
    trigger: int  # token index of the trigger's head word
    kind: str  # "verb", "passive" or "noun"
    sources: tuple[Arg, ...] = ()
    targets: tuple[Arg, ...] = ()
    obliques: tuple[Arg, ...] = ()
    negated: bool = False
    speech: Speech | None = None
    governor: int | None = None  # a noun trigger: the verb whose argument it is ("condemned [the attack]")
    governor_dep: str | None = None  # the noun's relation to that verb (obj, nsubj, obl ...)
    light: bool = False  # that verb is a light verb ("launched an attack"): its subject is the noun's agent
    control: str | None = None  # the control verb the trigger completes ("agreed" in "agreed to attack")
    notes: list[str] = field(default_factory=list)

    @property
    def rule(self) -> str:
        """``source-rule>target-rule`` (``-`` for a side not found), plus ``@speech`` when reported."""
        src = "+".join(dict.fromkeys(a.rule for a in self.sources)) or "-"
        tgt = "+".join(dict.fromkeys(a.rule for a in self.targets)) or "-"
        out = f"{self.kind}:{src}>{tgt}"
        return f"{out}@{self.speech.rule}" if self.speech else out


# -- the walk ----------------------------------------------------------------------------------------


def _span_bounds(span) -> tuple[int, int]:
    if isinstance(span, tuple):
        return int(span[0]), int(span[1])
    return span.start, span.end


def head_token(doc, start: int, end: int):
    """The syntactic head of ``doc[start:end]``: the word whose head lies outside the span (the first such)."""
    for i in range(start, end):
        h = doc[i].head.i
        if h == i or not start <= h < end:
            return doc[i]
    return doc[start]



def _re(a: Arg, rule: str, **changes) -> Arg:
    return Arg(a.start, a.end, a.index, rule, changes.get("adp", a.adp), changes.get("role", a.role), a.token)


def _dedupe(args: list[Arg], exclude: set[int] = frozenset()) -> tuple[Arg, ...]:
    seen: set[int] = set(exclude)
    out = []
    for a in args:
        if a.index not in seen:
            seen.add(a.index)
            out.append(a)
    return tuple(out)
