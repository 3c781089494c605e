"""What a guarded person's "make it yours" may ask for, and what it never does.

A person whose sector is guarded (patients' or clients' cases, a firm's money
and controls, a public body's systems: see the library's sectors) has a
playbook that fences off their own employer: its systems, suppliers, banks,
controls, incidents and past failures. Their ideas' prompts must not invite
exactly that. A prompt that asks about "where you work" loses the place and
asks for the person's experience in general ("Which step of the bundle is
hardest to get done on time?"); one that still asks for the employer's set-up,
names a supplier or admits an earlier failure ("What changed in your
templates after…?") gives way to a prompt for a pattern across cases, a
published example, or what they would tell a newcomer.

A story of one's own mistake stays a lesson: its caution says so, next to the
sector's fence, so the story never admits what the employer or a client lost.

Which ideas carry the fence: those whose format touches the employer or tells
a story, and those whose content names what the fence keeps out, whatever the
format. "Stay put, simultaneous, phased" is an explainer, yet the first
example that comes to a fire engineer's mind is a building they know; a post
on the four-fifths rule invites one's own funnel figures by sex and race. The
library's fences.toml lists, by sector, the words that show it (patients,
clients, candidates' protected data, a named building, a live matter,
security findings, price-sensitive deals, children); an idea that names none
carries no fence, so the line keeps its weight where it is shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# Where a prompt puts the question: the person's own workplace, said at its end
# ("…hardest to get done on time where you work?"). Dropped, the question asks
# for their experience in general.
PLACE_TAIL = re.compile(
    r",?\s+(?:where you work|at work|in your own workplace"
    r"|(?:on|in|at|across) your (?:own )?(?:unit|ward|team|jobs?|sites?|trust|hospital|firm|"
    r"company|group|organi[sz]ation|bank|department|practice|workplace|employer))"
    r"(?=\s*\?\s*$)",
    re.IGNORECASE,
)
# What a guarded person's prompt never asks for: the employer's own set-up, its
# suppliers, banks and controls, or an admission of what it got wrong.
OWN_SETUP = re.compile(
    r"\bwhere you work\b|\bat work\b|\byour (?:own )?workplace\b"
    r"|\byour (?:own )?(?:unit|ward|trust|hospital|employer|firm|company|group|organi[sz]ation"
    r"|bank|banks|treasury|department)(?:['’]s)?\b"
    r"|\byour (?:\w+ )?(?:templates?|systems?|set-?up|controls?|suppliers?|vendors?)\b"
    r"|\b(?:does|do) your (?:\w+ )?(?:company|group|trust|organi[sz]ation|team|business)\b"
    r"|\bwhich (?:bank|supplier|vendor|system)(?:['’]s)?\b",
    re.IGNORECASE,
)
ADMISSION = re.compile(
    r"\bwhat changed in your\b|\bwe could no longer\b|\bwe (?:lost|failed|missed|got \w+ wrong)\b"
    r"|\b(?:stopped|caught|blocked) a (?:fraud|payment|phishing|cyber)\b"
    r"|\bhardest to (?:erase|delete|find|trace) (?:from|in)\b"
    r"|\b(?:was|were) (?:out of date|non-?compliant|wrong) (?:at|in) (?:your|our)\b",
    re.IGNORECASE,
)
# What a fenced prompt becomes, taken in turn through a plan (the first not yet said):
# about the idea's subject where the idea names one, else about its point.
FENCED_ASKS: tuple[str, ...] = (
    "What would you tell a newcomer about {subject} in their first month?",
    "Which pattern behind this point have you seen across many cases, told so no case "
    "or employer can be recognised?",
    "Which published example would you walk a colleague through to show this point?",
)

# A key point that is a fence, not a point to make: "No patient details in the
# teaching…", "Invented examples only", "Method only: no live submission…", or the
# clause after a semicolon ("…part of our process; no patient details here"). It
# names what stays out (names, details, figures, a live case) or limits the post to
# what may be shown ("… only"), or says what a shared list does not replace ("Not a
# substitute for your site's rescue plan…"). "Never publish details of an unpatched flaw" is a
# post's own point (how disclosure works), and so is anything under a premise that
# is itself about what the writer never does.
KEPT_OUT = (
    r"(?:names?|named|details|identif\w*|figures|recogni[sz]ed|still open|open incident"
    r"|live (?:case|submission|dispute))"
)
FENCE_POINT = re.compile(
    r"^(?:[\w ,'’-]{1,40}: )?(?:no|nothing|never|keep (?:it|the example) generic(?:: no)?)\b"
    r"[^;]*\b" + KEPT_OUT + r"\b"
    r"|^(?:[\w ,'’-]{1,40}: )?(?:invented|published|public|synthetic|national|lessons?|method"
    r"|principles|a (?:reporting )?method|architecture lesson|the signs)\b[^;]{0,60}\bonly\b"
    r"|\bonly the (?:pattern|approach|method|lessons?|clause pattern|monitoring lesson)\b"
    r"|^not a substitute for\b",
    re.IGNORECASE,
)
# A rule the post itself teaches ("Never paste source text that could identify…").
TAUGHT_RULE = re.compile(
    r"^never (?:publish|post|paste|share|copy|test|let|reuse|blame|make)\b(?!.*\bonly\b)",
    re.IGNORECASE,
)
ABOUT_REFUSAL = re.compile(r"\b(?:never|don't|won't|not|no|why I|without)\b", re.IGNORECASE)
# A stock prompt reworded for a guarded person: one example from their own work
# is one patient's or client's case, so it is a composite of many.
FENCED_REWORDS: dict[str, str] = {
    "Which example from your own work shows the idea best?": (
        "Which composite example, drawn from many cases so none can be recognised, "
        "shows the idea best?"
    ),
    "Which check did you add after something went wrong?": (
        "Which check would you tell a newcomer never to skip, and why?"
    ),
    "What was missing the last time a piece of work went wrong?": (
        "What is most often missing when work like this goes wrong, across the cases you have seen?"
    ),
}
# A story's key point reworded for a guarded person: what a mistake taught, never
# what it cost the employer or a client.
FENCED_STEPS: dict[str, str] = {
    "How you found out, and what it cost": "How you found out, and what it taught you",
    "Say what went wrong and your part in it": (
        "Say what went wrong and your own part in it, as a lesson"
    ),
}
# The caution a guarded person's story carries beside the sector's fence, where the
# sector has no `lesson` of its own (sectors.toml): a midwife's is a composite of
# many cases, a solicitor's keeps to no matter and nothing privileged.
# "The people it serves" keeps the fallback true in any sector (patients,
# clients, a controller's airlines), where "a client" alone reads wrong on a ward.
LESSON_CAUTION = (
    "Tell it as the lesson: nothing that shows what it cost your employer or the people "
    "it serves, or that a current process was ever out of line."
)


def asks_too_much(prompt: str) -> bool:
    """Whether a "make it yours" asks a guarded person for their employer's own
    systems, suppliers or controls, or for an admission of an earlier failure."""
    return bool(OWN_SETUP.search(prompt) or ADMISSION.search(prompt))


def fenced_ask(
    prompt: str,
    subject: str,
    said: Callable[[str], bool] = lambda _: False,
    turn: int = 0,
) -> str:
    """The prompt as a guarded person may be asked it: unchanged when it asks for
    nothing the fence forbids; without its workplace tail when that is all it asks
    for; else the ``turn``-th of `FENCED_ASKS` (about ``subject``, '' for the
    idea's point) that the plan has not ``said`` yet."""
    if prompt in FENCED_REWORDS:
        return FENCED_REWORDS[prompt]
    if not asks_too_much(prompt):
        return prompt
    bare = PLACE_TAIL.sub("", prompt).strip()
    if bare != prompt.strip() and not asks_too_much(bare):
        return bare
    options = [a.format(subject=subject or "this") for a in FENCED_ASKS]
    ordered = options[turn % len(options) :] + options[: turn % len(options)]
    return next((a for a in ordered if not said(a)), ordered[0])


def _fence_line(text: str) -> bool:
    return bool(FENCE_POINT.search(text)) and not TAUGHT_RULE.search(text)


def split_fence(premise: str, point: str) -> tuple[str, str]:
    """A key point as (what the post says, what it keeps out): a fence sentence is
    all caution; a point that ends on one ("…; no patient details here") keeps its
    claim and gives up the fence. Under a premise about what the writer never does,
    the point is the post's own."""
    if ABOUT_REFUSAL.search(premise):
        return point, ""
    if _fence_line(point):
        return "", point
    head, sep, tail = point.rpartition("; ")
    if sep and _fence_line(tail) and not _fence_line(head):
        return head, tail[:1].upper() + tail[1:]
    return point, ""


@dataclass(frozen=True)
class ContentFence:
    """A sector's fence with the words that show an idea's content touches it."""

    words: re.Pattern[str]
    fence: str


def sensitive_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """The words and phrases matched whole, case-insensitively, a plural folded
    ("client" finds "clients" and "client's"); None for no words."""
    alternatives = sorted({re.escape(w.lower()) for w in words if w.strip()}, key=len, reverse=True)
    if not alternatives:
        return None
    return re.compile(
        r"(?<![\w'-])(?:" + "|".join(alternatives) + r")(?:e?s)?(?![\w-])", re.IGNORECASE
    )


def content_fences(sectors: Sequence[str], library: Any) -> tuple[ContentFence, ...]:
    """The person's sectors' sensitive words (fences.toml), each with the line an
    idea that names one carries: its own, or the sector's fence."""
    finder = getattr(library, "sector", None)
    found = []
    for slug in dict.fromkeys(sectors):
        sector = finder(slug) if finder else None
        for words, own in getattr(sector, "sensitive", ()) or ():
            fence = own or str(getattr(sector, "fence", "") or "").strip()
            pattern = sensitive_pattern(words)
            if fence and pattern:
                found.append(ContentFence(pattern, fence))
    return tuple(found)


def touched_fences(texts: Iterable[str], fences: Sequence[ContentFence]) -> list[str]:
    """The fences whose sensitive words an idea's title, premise or own question name."""
    text = "\n".join(t.replace("\u2019", "'") for t in texts if t)
    return list(dict.fromkeys(f.fence for f in fences if f.words.search(text)))
