"""What a regulated sector adds: the specific things its rules single out, and
the sector's fence when a draft plainly touches it (library: sectors.toml)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from wizard.drafts.context import DraftContext
from wizard.drafts.findings import FIX, LOOK, Finding, Source, excerpt, inside

FENCE_TRIGGERS = 2  # distinct trigger words before the sector's fence is shown


@dataclass(frozen=True)
class SectorRule:
    """One thing a sector's rules single out, found by a pattern."""

    sector: str
    code: str
    severity: str
    title: str
    pattern: re.Pattern[str]
    why: str
    suggestion: str
    situation: str  # the playbook situation it comes from
    situation_title: str


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


SECTOR_RULES: tuple[SectorRule, ...] = (
    SectorRule(
        "life-sciences",
        "sector-adverse-event",
        FIX,
        "A side effect is mentioned: that goes to safety intake",
        _rx(
            r"\b(side[- ]effects?|adverse (event|reaction|effect)s?|reaction to (the|my|his|her|"
            r"their) (drug|medicine|medication|dose|vaccine|treatment)|made (me|him|her|them) "
            r"(sick|ill|dizzy)|after taking)\b"
        ),
        "In life sciences, a side effect mentioned in connection with a medicine can be an "
        "adverse event that your company must assess and report within strict timelines.",
        "Before posting, pass it to your drug safety team (safety intake) today, and keep "
        "health details about anyone out of the post.",
        "adverse-event-online",
        "Someone mentions a side effect in reply to you",
    ),
    SectorRule(
        "life-sciences",
        "sector-unpublished-results",
        FIX,
        "Study results that may not be published",
        _rx(
            r"\b(topline|interim (results|data|analysis)|unpublished|(trial|study) "
            r"(results|data) (look|are looking|show|came in)|off[- ]label|met (its|the) "
            r"primary endpoint)\b"
        ),
        "Sharing results before publication, or uses outside the approved label, breaks "
        "disclosure and promotion rules.",
        "Wait for the publication or congress presentation and link it; talk about the "
        "method instead.",
        "unpublished-results",
        "You want to talk about study results",
    ),
    SectorRule(
        "medical-devices",
        "sector-device-complaint",
        FIX,
        "A device problem is described: that goes to complaint handling",
        _rx(r"\b(malfunction\w*|misread\w*|device (failed|failure|stopped)|injur(y|ed|ies))\b"),
        "A device problem can be a complaint your company must record and sometimes report.",
        "Pass it to complaint handling today; don't troubleshoot it in public.",
        "device-complaint-online",
        "Someone describes a problem with one of your devices",
    ),
    SectorRule(
        "financial-services",
        "sector-promised-returns",
        FIX,
        "A promise of returns",
        _rx(
            r"\b(guaranteed (returns?|profits?|income|gains?)|guarantee[ds]? (a |an )?"
            r"\d+\s?%|risk[- ]free (return|investment|profit)s?|can'?t lose|"
            r"will (double|triple)|sure thing|buy (it|now) before)\b"
        ),
        "Financial promotion rules forbid promising returns or calling an investment safe.",
        "Talk about principles and risks instead; never promise an outcome.",
        "advice-request",
        "Someone asks you for financial advice",
    ),
    SectorRule(
        "financial-services",
        "sector-inside-information",
        FIX,
        "Sounds like inside information",
        _rx(
            r"\b(before (it'?s|it is|the deal is|this is) (announced|public)|ahead of "
            r"(the )?(earnings|results|announcement)|(deal|merger|acquisition|takeover) "
            r"(is|will be) (closing|signed|announced)|(we are|we're) (acquiring|buying|"
            r"merging)|not yet public|MNPI|blackout period)\b"
        ),
        "Deals, results and other facts the market does not know yet are inside information: "
        "hinting at them can be market abuse.",
        "Say nothing until it is announced; then share the official release.",
        "inside-information",
        "You know something the market does not",
    ),
    SectorRule(
        "security",
        "sector-unpatched-flaw",
        FIX,
        "Details of a flaw that may not be fixed yet",
        _rx(
            r"\b(unpatched|not (yet )?(been )?(patched|fixed)|no (patch|fix) (yet|available)|"
            r"still (works|exploitable|vulnerable|unpatched)|zero[- ]day|0[- ]?day|before "
            r"(the|a) (patch|fix)|vendor (hasn't|has not) (fixed|patched|responded))\b"
        ),
        "Details of a flaw that is not fixed help attackers before defenders; coordinated "
        "disclosure protects the people affected.",
        "Write about the class of bug, or wait until the advisory is published and link it.",
        "unpatched-flaw",
        "You find a security flaw",
    ),
    SectorRule(
        "healthcare",
        "sector-patient-details",
        FIX,
        "Details that could identify a patient",
        _rx(
            r"\b(\d{1,3}[- ]year[- ]old|\d{1,3}\s?(yo|y/o)|a patient (today|this morning|"
            r"yesterday|last night|this week|on my ward|in bed)|my patient|in bed \d+|"
            r"room \d+|on (my|our|the) ward (today|tonight|this))\b"
        ),
        "Even without a name, an age, a ward, a day or a rare condition can identify a "
        "patient to the people around them.",
        "Teach the point with an invented or composite case, and say so.",
        "patient-story",
        "You want to share a case or a patient's story",
    ),
    SectorRule(
        "recruiting",
        "sector-candidate-details",
        FIX,
        "Details about a candidate",
        _rx(
            r"\b(candidate|applicant|interviewee)s?\b[^.!?\n]{0,80}\b(named|called|\d{1,2}[- ]"
            r"year[- ]old|age[d]? \d|pregnan\w*|disabilit\w*|religio\w*|visa|rejected|cv|"
            r"resume|r[ée]sum[ée]|asked for|salary expectations?|linkedin profile)\b"
        ),
        "Candidates share their details for one hiring process, not for posts; even an "
        "anonymous story can be recognised.",
        "Use a composite lesson without details of any real candidate.",
        "candidate-stories",
        "You want to tell a story about a candidate",
    ),
)


def _title(sector, rule: SectorRule) -> str:
    """The situation's title as the library words it."""
    found = (s.title for s in sector.situations if s.slug == rule.situation)
    return next(found, rule.situation_title)


@functools.lru_cache(maxsize=64)
def _triggers(words: tuple[str, ...]) -> re.Pattern[str] | None:
    if not words:
        return None
    parts = sorted((re.escape(w) for w in words), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def check_sectors(
    draft: str, context: DraftContext, protected: list[tuple[int, int]]
) -> Iterator[Finding]:
    """The sectors' specific rules, then each touched sector's fence."""
    for sector in context.sectors:
        fired = False
        for rule in SECTOR_RULES:
            if rule.sector != sector.slug:
                continue
            match = next(
                (m for m in rule.pattern.finditer(draft) if not inside(m.start(), protected)),
                None,
            )
            if match:
                fired = True
                yield Finding(
                    rule.code,
                    rule.severity,
                    rule.title,
                    rule.why,
                    rule.suggestion,
                    Source("situation", rule.situation, f"Your playbook: {_title(sector, rule)}"),
                    excerpt(draft, *match.span()),
                )
        pattern = _triggers(sector.triggers)
        if fired or pattern is None:
            continue
        hits = {
            m.group(0).lower() for m in pattern.finditer(draft) if not inside(m.start(), protected)
        }
        if len(hits) >= FENCE_TRIGGERS:
            yield Finding(
                "sector-fence",
                LOOK,
                f"This touches {sector.name.lower()}",
                f"In {sector.name.lower()}: {sector.fence}",
                "Read the post once more with that in mind.",
                Source("guide", "handling-tricky-situations", "Guide: Handling tricky situations"),
                ", ".join(sorted(hits)[:4]),
            )
