"""What a draft check finds, and the text helpers every check shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIX = "fix"  # fix before posting
LOOK = "look"  # worth a look
SEVERITY_LABELS = {FIX: "Fix before posting", LOOK: "Worth a look"}


@dataclass(frozen=True)
class Source:
    """Where a finding comes from, for the "why" link.

    ``kind`` is one of ``guide`` (``ref`` is an article slug, optionally with
    ``#anchor``), ``situation`` (``ref`` is a playbook situation slug),
    ``rules`` (the programme's rules), ``tone`` (the person's tone profile) or
    ``channel`` (the channel's own limits; no link).
    """

    kind: str
    ref: str
    label: str


@dataclass(frozen=True)
class Finding:
    """One piece of advice about a draft. Never a block: the person decides."""

    code: str  # stable identifier, e.g. "disclosure-missing" (the test corpus names these)
    severity: str  # FIX or LOOK
    title: str
    why: str
    suggestion: str
    source: Source
    excerpt: str = ""  # the words in the draft it is about (secrets shown masked)

    @property
    def severity_label(self) -> str:
        """ "Fix before posting" or "Worth a look"."""
        return SEVERITY_LABELS[self.severity]


# A sentence ends at . ! ? (followed by space) or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of each non-empty sentence or line."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# Talking about one's own pay and working conditions is protected (in the US by
# the National Labor Relations Act, and in many other countries by law or
# collective agreements): such sentences are never flagged for what they say.
_PAY_OR_CONDITIONS = re.compile(
    r"\b(pay(?! (attention|off|for|back|the price|it forward))|payslip|salary|salaries|wages?|"
    r"earn(s|ed|ing)?|compensation|pay rise|a raise|bonus(es)?|pension|overtime|unpaid|"
    r"underpaid|(get|got|are|am|is|were|was|being) paid|benefits package|health benefits|"
    r"(working|long|unpaid|extra) hours|hours (a|per) (week|day|shift)|"
    r"\d+[- ]hour (weeks?|days?|shifts?)|(my|our|their) hours|rota|night shifts?|"
    r"shift patterns?|working conditions|work conditions|conditions at work|workload|"
    r"staffing|understaffed|burnout|(paid|no|our|my) breaks|parental leave|sick leave|"
    r"annual leave|holiday pay|paid time off|unions?|unioni[sz](e|ed|ing)|"
    r"organi[sz](e|ed|ing) (a union|together|at work)|collective bargaining|on strike|"
    r"layoffs?|redundanc(y|ies)|safety at work|workplace safety|harassment|"
    r"discrimination|return[- ]to[- ]office|remote work policy)\b",
    re.IGNORECASE,
)
_WORKER_VOICE = re.compile(
    r"\b(i|i'm|i've|i'd|me|my|mine|we|we're|we've|our|ours|us|colleagues?|coworkers?|"
    r"co-workers?|staff|workers|employees|team(mates)?|nurses|engineers|people here)\b",
    re.IGNORECASE,
)


def protected_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences in which the writer talks about their own or their colleagues'
    pay or working conditions."""
    kept = []
    for start, end in spans:
        sentence = text[start:end]
        if _PAY_OR_CONDITIONS.search(sentence) and _WORKER_VOICE.search(sentence):
            kept.append((start, end))
    return kept


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether an offset falls in one of the spans."""
    return any(start <= position < end for start, end in spans)


def excerpt(text: str, start: int, end: int, limit: int = 80) -> str:
    """The matched words, on one line, cut to ``limit`` characters."""
    words = " ".join(text[start:end].split())
    return words if len(words) <= limit else words[: limit - 1] + "…"


def mask(secret: str) -> str:
    """A secret shown by its first characters only."""
    secret = secret.strip()
    return secret[:4] + "…" if len(secret) > 6 else "…"


def names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One case-insensitive whole-word pattern for a list of names or phrases.

    Whitespace inside a phrase matches any run of whitespace; a possessive
    ("Acme's") still counts as the name.
    """
    cleaned = sorted({" ".join(n.split()) for n in names if n and n.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    parts = [r"\s+".join(re.escape(word) for word in name.split()) for name in cleaned]
    # Not inside a host name or address: "db01.acme.com" does not name Acme.
    return re.compile(r"(?<![\w.@])(?:" + "|".join(parts) + r")(?!\w|\.\w)", re.IGNORECASE)
