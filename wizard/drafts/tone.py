"""How the draft sounds against the tone the person chose."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import textstat

from wizard.drafts.context import DraftContext
from wizard.drafts.findings import LOOK, Finding, Source, excerpt, sentence_spans
from wizard.generators.tone import fits_tone

TONE = Source("tone", "", "Your tone profile")
SHOWING_OFF = Source(
    "guide",
    "visible-without-showing-off#share-the-work-not-yourself",
    "Guide: Share the work, not yourself",
)
LONG_SENTENCE = 35  # words: one sentence this long is hard to follow
AVERAGE_SENTENCE = 22  # words on average
FORMAL_AVERAGE_SENTENCE = 28
READING_GRADE = 14  # automated readability index (US school grade)
FORMAL_READING_GRADE = 17
MIN_WORDS_FOR_READING_LEVEL = 25

HYPE = (
    "game-changer",
    "game changer",
    "game-changing",
    "revolutionary",
    "revolutionize",
    "thrilled to announce",
    "excited to share",
    "excited to announce",
    "mind-blowing",
    "mind blowing",
    "best ever",
    "insane",
    "groundbreaking",
    "ground-breaking",
    "world-class",
    "cutting-edge",
    "next-level",
    "next level",
    "disruptive",
    "rockstar",
    "ninja",
    "unparalleled",
    "synergy",
    "10x",
    "blown away",
    "epic",
    "unbelievable",
    "massive news",
    "huge news",
    "best-in-class",
)
_HUMBLEBRAG = re.compile(
    r"^\s*(I'?m\s+)?(so\s+|truly\s+|deeply\s+)?(humbled|honou?red|blessed|thrilled|"
    r"beyond excited|proud) (to|and|that|beyond)\b|^\s*I (don'?t|never) (usually )?"
    r"(post|share)|^\s*I never thought I'?d|^\s*(some )?(personal|big) news\b|"
    r"^\s*I'?m not one to (brag|boast)|^\s*Didn'?t (expect|think)",
    re.IGNORECASE,
)
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff]")
_SHOUTING = re.compile(r"\b[A-Z]{4,}\b")
# Four capitals are usually an acronym (HTTP, GDPR) unless they spell one of these.
_SHOUTED_SHORT = {
    "STOP",
    "NEVER",
    "MUST",
    "EVER",
    "JUST",
    "VERY",
    "ONLY",
    "THIS",
    "THAT",
    "WHAT",
    "HUGE",
    "DONT",
    "WILL",
    "READ",
    "HERE",
    "LOVE",
    "BEST",
    "MORE",
    "EVERY",
    "NEED",
    "WANT",
    "LIKE",
    "OMG",
    "WOW",
    "YES",
    "FREE",
    "NOW",
    "BIG",
    "ALL",
}
_ACRONYMS = {
    "HTTPS",
    "NGINX",
    "OAUTH",
    "MYSQL",
    "GRAPHQL",
    "SCADA",
    "CMMC",
    "FINRA",
    "HIPAA",
    "NIST",
    "COBOL",
    "FORTRAN",
    "JSON",
    "YAML",
    "ASCII",
    "UNICODE",
    "REST",
    "CRUD",
    "SOLID",
    "AGILE",
    "SAFE",
    "OKRS",
    "KPIS",
    "IFRS",
    "GAAP",
    "FHIR",
    "DICOM",
    "GXP",
    "WCAG",
    "OWASP",
    "MITRE",
    "SIEM",
    "DORA",
    "GDPR",
    "CCPA",
    "NATO",
    "NASA",
    "UNESCO",
}
# Key blocks, links and long tokens are not prose: tone and reading level skip them.
_NOT_PROSE = re.compile(r"^-----[A-Z ]+-----$|https?://\S+|\S{25,}", re.MULTILINE)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@functools.lru_cache(maxsize=128)
def _phrases(words: tuple[str, ...]) -> re.Pattern[str] | None:
    cleaned = [w for w in dict.fromkeys(words) if w.strip()]
    if not cleaned:
        return None
    parts = sorted((re.escape(w) for w in cleaned), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def check_tone(draft: str, context: DraftContext) -> Iterator[Finding]:
    """Exclamation marks, hype, capitals, emoji, long sentences, humblebrags."""
    serious = context.serious or context.formal_field
    text = _NOT_PROSE.sub(" ", draft).strip()
    first_line = text.split("\n", 1)[0]
    humblebrag = _HUMBLEBRAG.search(first_line)
    if humblebrag:
        yield Finding(
            "tone-humblebrag",
            LOOK,
            "An opening that is about you, not the work",
            "“Humbled to announce” and “I don't usually post” openings read as showing off, "
            "and readers skip them.",
            "Open with the thing you learned or did, and let the reader decide it is impressive.",
            SHOWING_OFF,
            excerpt(first_line, 0, len(first_line), 60),
        )
    elif context.tone and not fits_tone(_EMOJI.sub("", first_line).replace("!", "."), context.tone):
        yield Finding(
            "tone-opening",
            LOOK,
            "The opening does not sound like the tone you chose",
            "Your tone profile says you write seriously or formally; this opening is casual.",
            "Start with a plain statement of your point.",
            TONE,
            excerpt(first_line, 0, len(first_line), 60),
        )
    bangs = text.count("!")
    if bangs >= (2 if serious else 4) or "!!" in text:
        yield Finding(
            "tone-exclamations",
            LOOK,
            "Several exclamation marks",
            f"{bangs} exclamation marks"
            + (" for a calm, matter-of-fact writer." if serious else ": they start to shout."),
            "Keep one at most; let the facts carry the excitement.",
            TONE,
        )
    yield from _words(text, context, humblebrag.end() if humblebrag else 0)
    shouting = [
        m
        for m in _SHOUTING.finditer(text)
        if m.group(0) not in _ACRONYMS and (len(m.group(0)) > 4 or m.group(0) in _SHOUTED_SHORT)
    ]
    if len(shouting) >= (1 if serious else 2):
        yield Finding(
            "tone-capitals",
            LOOK,
            "Words in capitals",
            "Capitals read as shouting, and screen readers may spell them out letter by letter.",
            "Use ordinary case; put the emphasis in the words themselves.",
            TONE,
            shouting[0].group(0),
        )
    emoji = len(_EMOJI.findall(text))
    words = len(_WORDS.findall(text))
    too_many = emoji >= 2 if serious else emoji >= 6 or (words and emoji / words > 0.08)
    if emoji and too_many:
        yield Finding(
            "tone-emoji",
            LOOK,
            "Lots of emoji" if not serious else "Emoji in a serious voice",
            f"{emoji} emoji in {words} words"
            + (": more than a calm, serious writer usually uses." if serious else "."),
            "Keep one, or none; screen readers read each emoji's name aloud.",
            TONE,
        )
    yield from _readability(text, sentence_spans(text), words, context.formal_field)


def _words(text: str, context: DraftContext, after: int) -> Iterator[Finding]:
    enthusiastic = context.tone.get("enthusiasm", 3) <= 2 and not context.formal_field
    hype = () if enthusiastic else HYPE
    pattern = _phrases((*hype, *context.avoid_words))
    match = pattern.search(text, after) if pattern else None
    if match:
        yield Finding(
            "tone-hype",
            LOOK,
            f"“{match.group(0)}”",
            "Your tone profile lists words like this one to avoid: hype and jargon make "
            "a post about real work sound like an advert.",
            "Say what happened, with a number or an example instead.",
            TONE,
            match.group(0),
        )


def _readability(
    draft: str, spans: list[tuple[int, int]], words: int, formal: bool
) -> Iterator[Finding]:
    lengths = [(len(_WORDS.findall(draft[a:b])), a, b) for a, b in spans]
    longest = max(lengths, default=(0, 0, 0))
    average_limit = FORMAL_AVERAGE_SENTENCE if formal else AVERAGE_SENTENCE
    average = words / max(1, len(lengths))
    if longest[0] >= LONG_SENTENCE or (len(lengths) > 2 and average > average_limit):
        yield Finding(
            "tone-long-sentences",
            LOOK,
            "Long sentences",
            f"The longest sentence has {longest[0]} words; on average {average:.0f}. "
            "On a phone, more than about 25 words is hard to follow.",
            "Split the longest sentence in two.",
            TONE,
            excerpt(draft, longest[1], longest[2], 60),
        )
    if words >= MIN_WORDS_FOR_READING_LEVEL:
        grade = textstat.coleman_liau_index(draft)
        if grade > (FORMAL_READING_GRADE if formal else READING_GRADE):
            yield Finding(
                "tone-reading-level",
                LOOK,
                "Hard to read",
                f"Reading level about US school grade {grade:.0f} (Coleman-Liau index, "
                "from word length): dense for a feed.",
                "Use shorter words and sentences; explain one abbreviation at a time.",
                TONE,
            )
