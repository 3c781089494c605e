"""The tone profile: how a person sounds, in plain words and in examples.

Each dimension shows a sentence from the person's field at their setting and
one from the other end of the scale, so they can hear the difference; the
words to use and to avoid come from their field and their settings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wizard.generators.audience import writes_for_outsiders
from wizard.generators.text import capitalise, join_words
from wizard.library import Library
from wizard.library.voice import FamilyVoice, load_voice

NEUTRAL = 3
BEHAVIOURS_SHOWN = 2
FIELD_TERMS_SHOWN = 6
TERMS_TO_EXPLAIN = 4
WORDS_PER_SIDE = 3
# General words to leave out: from the scales the person leans furthest on, a
# few each, fewer where the field has enough of its own.
GENERAL_SCALES = 2
GENERAL_PER_SCALE = 2
GENERAL_AVOID_MAX = 4
GENERAL_AVOID_MIN = 2
OWN_AVOID_ENOUGH = 4

# Sectors whose public communication is held to formal standards.
FORMAL_SECTORS = frozenset(
    {
        "life-sciences",
        "medical-devices",
        "financial-services",
        "healthcare",
        "legal",
        "public-sector",
    }
)
# The far ends that read as a performance in most fields. A formal field
# leans to "formal", so that end is never pushed back on there.
RISKY_ENDS = {("humour", 1), ("formality", 1), ("formality", 5), ("respect", 5), ("enthusiasm", 1)}
FORMAL_ENDS = {("formality", 1)}


@dataclass(frozen=True)
class ToneLine:
    """One dimension: where the person sits, what that means, how it sounds."""

    dimension: str
    left: str
    right: str
    position: int
    label: str
    description: str
    example: str = ""  # a sentence from their field at their setting
    counter: str = ""  # the same point made from the other end of the scale
    counter_label: str = ""  # that end's label, e.g. "Funny"


@dataclass(frozen=True)
class ToneProfile:
    """The tone profile shown on the framework page."""

    summary: str
    lines: tuple[ToneLine, ...]
    pairs: tuple[str, ...]
    advice: str
    crisis: str
    use_words: tuple[str, ...] = ()
    avoid_words: tuple[str, ...] = ()
    field_terms: tuple[str, ...] = ()
    explain_terms: tuple[str, ...] = ()
    channel_lines: tuple[tuple[str, str], ...] = ()  # (channel name, how the tone carries there)
    formal_field: bool = False


def tone_positions(answers: Mapping[str, Any], library: Library) -> dict[str, int]:
    """Each dimension's chosen position (1-5), neutral where unanswered."""
    positions = {}
    for dimension in library.tone_dimensions:
        try:
            value = int(answers.get(dimension.slug) or NEUTRAL)
        except (TypeError, ValueError):
            value = NEUTRAL
        positions[dimension.slug] = min(5, max(1, value))
    return positions


def is_formal_field(family: str | None, sectors: Sequence[str] = ()) -> bool:
    """Whether a field starts formal and serious: its family or a regulated sector."""
    return load_voice().family(family).formal or bool(FORMAL_SECTORS & set(sectors))


def field_defaults(family: str | None, sectors: Sequence[str] = ()) -> dict[str, int]:
    """The tone step's starting positions for a field."""
    defaults = dict(load_voice().family(family).defaults)
    if is_formal_field(family, sectors) and not load_voice().family(family).formal:
        defaults.update(humour=4, formality=2, respect=2, enthusiasm=4)
    return defaults


def _end(position: int) -> int:
    """Which example a position hears: 0 (left end), 1 (middle) or 2 (right end)."""
    return 0 if position <= 2 else 2 if position >= 4 else 1


def _counter_end(position: int, default: int) -> int:
    """The other end of the scale; from the middle, the end farther from the field's start."""
    if position <= 2:
        return 2
    if position >= 4:
        return 0
    return 2 if default < NEUTRAL else 0


def _summary(lines: Sequence[ToneLine], behaviours: Mapping[str, tuple[str, str]]) -> str:
    """The person's settings in plain words: where they sit, and the one thing
    they do that most sets them apart."""
    distinctive = sorted(
        (line for line in lines if line.position != NEUTRAL),
        key=lambda line: -abs(line.position - NEUTRAL),
    )
    if not distinctive:
        return "You sound even and balanced: neither jokey nor stern, neither stiff nor chatty."
    sentences = [f"You sound {join_words([line.description for line in distinctive])}."]
    line = distinctive[0]
    left, right = behaviours.get(line.dimension, ("", ""))
    sentences.append(left if line.position < NEUTRAL else right)
    return " ".join(s for s in sentences if s)


_PEERS = re.compile(r"^(your\s+)?(other|fellow|peers?|colleagues?)\b", re.IGNORECASE)
# People type their readers as they would say them ("other nurses on my unit");
# the framework speaks to them, so it says "your".
_FIRST_PERSON = {"my": "your", "our": "your", "me": "you", "us": "you"}
_FIRST_PERSON_WORD = re.compile(r"\b(my|our|me|us)\b")
# An evidence sentence's reason that speaks of the field's own people, which
# readers outside the field are not.
_COME_BACK = re.compile(r": that is what [^.:]* come back for\.$")


def _audience(audience: str, outsiders: bool) -> str:
    """Who reads the person, in their own words, and what that asks of the writing:
    peers take the field's terms as they stand, outsiders need a plain word
    beside them, and a mix of both is written so that each can follow."""
    readers = audience.strip().rstrip(".")
    if not readers:
        return ""
    if readers[:1].isupper() and readers[1:2].islower():
        readers = readers[0].lower() + readers[1:]
    readers = _FIRST_PERSON_WORD.sub(lambda m: _FIRST_PERSON[m.group(1)], readers)
    groups = [g.strip() for g in re.split(r",\s*|\s+and\s+|\s*&\s*", readers) if g.strip()]
    peers = [g for g in groups if _PEERS.match(g)]
    others = [g for g in groups if not _PEERS.match(g)]
    if peers and others:
        return (
            f"Your readers mix {join_words(peers)} with {join_words(others)}: "
            "explain a term once in plain words, and both can follow."
        )
    if outsiders:
        return (
            f"Because {readers} read you, a term they would have to look up "
            "gets a plain word beside it."
        )
    if peers:
        return f"Writing for {readers}, you can use the field's own terms as they stand."
    return ""


# How much of a view a person puts forward comes from voice.toml, one sentence
# per comfort rung in their field's terms (``presence_for``). A calm,
# matter-of-fact writer at rungs 4-5 hears it opened with this, so that a
# confident voice is never read as a louder one.
_CALM = "Calm but not quiet: "
# What rung 2 adds to the first steps it shares with rung 1: the person already
# comments and shares, and the next step is a line of their own.
_SECOND_RUNG = (
    "When you share someone else's post, you add a line of your own on why it matters in your work."
)
# What a goal adds to how the person comes across (one sentence, the first goal that has one).
_GOAL_VOICE = {
    "speaking": (
        "Because you want to be asked to speak, you favour lines that work out loud: "
        "short sentences, and one people could quote back to you."
    ),
    "expert": (
        "You name the standard, the case or the number behind each claim: that is "
        "what people come back for."
    ),
    "hiring": (
        "You let people hear what the work is like from the inside, in your own words "
        "rather than the careers page's."
    ),
    "network": "You ask real questions and answer the replies: a conversation, not a broadcast.",
}
_GOAL_ORDER = ("speaking", "expert", "hiring", "network")


def _presence(
    rung: int,
    goals: Sequence[str],
    lines: Sequence[ToneLine],
    evidence: str = "",
    view: str = "",
) -> str:
    """How much of a view the person puts forward, from their comfort rung and goals.

    Rung 0 (not known) says nothing. ``view`` is the field's sentence for the
    rung (voice.toml's ``presence`` for rungs 1-2, ``presence3`` to ``presence5``
    above): a view on one point, then a clear position, then an argument worth a
    talk, each within the field's rules. Rung 2 adds its next step, a line of the
    person's own; a calm writer at rungs 4-5 hears the view as calm, not quiet.
    A goal adds one sentence (to speak: from rung 3 up). To be known as an
    expert, that sentence is ``evidence``, what the person's field names behind
    a claim (voice.toml's ``evidence``), where there is one.
    """
    if rung <= 0 or not view:
        return ""
    calm = any(ln.dimension == "enthusiasm" and ln.position > NEUTRAL for ln in lines)
    if calm and rung >= 4 and view.startswith("You"):
        view = _CALM + "y" + view[1:]
    sentences = [view, _SECOND_RUNG if rung == 2 else ""]
    for goal in _GOAL_ORDER:
        if goal in goals and not (goal == "speaking" and rung <= 2):
            sentences.append(evidence if goal == "expert" and evidence else _GOAL_VOICE[goal])
            break
    return " ".join(s for s in sentences if s)


def _for_readers(evidence: str, outsiders: bool) -> str:
    """The evidence sentence for the person's readers: for readers outside the
    field it stops at what the person names, since "that is what colleagues
    come back for" is not why patients or homeowners read them."""
    return _COME_BACK.sub(".", evidence) if outsiders else evidence


def _words(
    lines: Sequence[ToneLine],
    words: Mapping[str, Mapping[str, tuple[str, ...]]],
    voice: FamilyVoice,
    concepts: Sequence[str] = (),
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words that sound like the person, and words to leave out.

    The field's own words to leave out come first; the general ones (slang,
    hype, office jargon) follow only from the one or two scales the person
    leans furthest on, fewer where the field has its own. No word the field
    uses as a term of its own (``concepts``) is ever on the list.
    """
    use: list[str] = []
    general: list[str] = []
    distinctive = sorted(
        (line for line in lines if line.position != NEUTRAL),
        key=lambda line: -abs(line.position - NEUTRAL),
    )
    for n, line in enumerate(distinctive):
        side = "left" if line.position < NEUTRAL else "right"
        table = words.get(line.dimension, {})
        use += table.get(f"{side}_use", ())[:WORDS_PER_SIDE]
        if n < GENERAL_SCALES:
            general += table.get(f"{side}_avoid", ())[:GENERAL_PER_SCALE]
    room = GENERAL_AVOID_MAX if len(voice.avoid) < OWN_AVOID_ENOUGH else GENERAL_AVOID_MIN
    avoid = [*voice.avoid, *general[:room]]
    return tuple(dict.fromkeys(use)), tuple(
        w for w in dict.fromkeys(avoid) if not _is_field_term(w, concepts)
    )


def _is_field_term(word: str, concepts: Sequence[str]) -> bool:
    """Whether ``word`` (a word to leave out) is one of the field's own terms,
    or a word inside one: "leverage" for a credit analyst, "TIL" nowhere."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])")
    return any(pattern.search(concept.lower()) for concept in concepts)


def _acronyms(concepts: Sequence[str]) -> tuple[str, ...]:
    """Concepts that are abbreviations a mixed audience needs spelled out."""
    found = [c for c in concepts if re.fullmatch(r"[A-Z0-9][A-Z0-9/&.\-]+[A-Z0-9]", c.strip())]
    return tuple(found[:TERMS_TO_EXPLAIN])


def _outsiders(audience: str, goals: Sequence[str], field: str | None, library: Library) -> bool:
    """Whether the readers include people outside the field (see audience.py)."""
    area = library.area(field) if field else None
    names = (area.name, *area.aliases) if area else ()
    return writes_for_outsiders(audience, names, goals)


def tone_profile(
    answers: Mapping[str, Any],
    library: Library,
    *,
    field: str | None = None,
    family: str | None = None,
    sectors: Sequence[str] = (),
    concepts: Sequence[str] = (),
    channels: Sequence[str] = (),
    rung: int = 0,
    audience: str = "",
    goals: Sequence[str] = (),
    named: Callable[[Sequence[str]], bool] | None = None,
    country: str = "",
) -> ToneProfile:
    """Describe the answers to the tone step in plain words, with examples.

    ``field`` (the library's slug), ``family`` and ``sectors`` come from the
    person's field (none when the library does not know it); a field with its
    own examples in voice.toml is heard in them, any other in its family's.
    ``channels`` are the channel slugs they chose. ``rung`` (their comfort
    rung, 0 when not known) and ``goals`` (goal slugs) add how much of a view
    they put forward: a confident speaker hears a livelier voice than someone
    taking their first steps, within the same tone settings. ``audience``
    (the work step's answer) and ``goals`` also decide whether the field's
    abbreviations are spelled out: only for readers outside the field.
    ``named`` says whether the person names one of a list of settings: a
    field's entry for their setting (voice.toml) gives its examples and, where
    it lists them, the exact terms shown in place of the field's first concepts.
    ``country`` (an ISO code, "" when not known) gives a field whose rules are
    one country's its examples for there: a US electrician hears the NEC.
    """
    voice = load_voice()
    family_voice = voice.for_field(field, family, sectors, named, country)
    in_setting = voice.setting_entry(field, named)
    if in_setting and in_setting["terms"]:
        concepts = in_setting["terms"]
    formal = is_formal_field(family, sectors)
    defaults = field_defaults(family, sectors)
    positions = tone_positions(answers, library)
    lines = []
    stepped = family_voice.examples_at(rung)  # the examples step up with the rung
    for dimension in library.tone_dimensions:
        position = positions[dimension.slug]
        examples = stepped.get(dimension.slug, ("", "", ""))
        other = _counter_end(position, defaults.get(dimension.slug, NEUTRAL))
        lines.append(
            ToneLine(
                dimension=dimension.slug,
                left=dimension.left,
                right=dimension.right,
                position=position,
                label=dimension.labels[position - 1],
                description=dimension.describe[position - 1],
                example=examples[_end(position)],
                counter=examples[other],
                counter_label=dimension.labels[0 if other == 0 else 4],
            )
        )
    chosen = set(answers.get("pairs") or ())
    pairs = tuple(capitalise(pair.text) for pair in library.tone_pairs if pair.slug in chosen)
    risky = RISKY_ENDS - FORMAL_ENDS if formal else RISKY_ENDS
    advice = voice.advice if any((ln.dimension, ln.position) in risky for ln in lines) else ""
    area = library.area(field) if field else None
    terms = (*concepts, *(area.concepts if area else ()))
    use, avoid = _words(lines, voice.words_for(field, family, sectors), family_voice, terms)
    outsiders = _outsiders(audience, goals, field, library)
    explain = _acronyms(concepts) if outsiders else ()
    names = {c.slug: c.name for c in library.channels}
    channel_lines = tuple(
        (names[slug], voice.channels[slug])
        for slug in dict.fromkeys(channels)
        if slug in names and slug in voice.channels
    )
    return ToneProfile(
        summary=" ".join(
            part
            for part in (
                _summary(lines, voice.behaviours),
                _audience(audience, outsiders),
                _presence(
                    rung,
                    goals,
                    lines,
                    _for_readers(voice.evidence_for(field, family, sectors), outsiders),
                    voice.presence_for(field, family, sectors, min(5, rung)),
                ),
            )
            if part
        ),
        lines=tuple(lines),
        pairs=pairs,
        advice=advice,
        crisis=library.tone_crisis,
        use_words=use,
        avoid_words=avoid,
        field_terms=tuple(concepts[:FIELD_TERMS_SHOWN]),
        explain_terms=explain,
        channel_lines=channel_lines,
        formal_field=formal,
    )


# Openings that only suit a light, casual or irreverent writer.
_CASUAL_OPENING = re.compile(
    r"^\s*(TIL\b|Today I learned|Hot take|Unpopular opinion|Plot twist|Confession|PSA\b|lol\b)",
    re.IGNORECASE,
)
_IRREVERENT = re.compile(
    r"\b(hot take|unpopular opinion|nobody tells you|everyone gets .* wrong)\b", re.I
)
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


def fits_tone(text: str, positions: Mapping[str, int]) -> bool:
    """Whether an opening line suits the person's tone settings.

    A serious or matter-of-fact writer gets no "TIL", "Hot take", emoji or
    double exclamation marks; a respectful one no "everyone gets it wrong".
    """
    serious = positions.get("humour", NEUTRAL) >= 4 or positions.get("enthusiasm", NEUTRAL) >= 4
    if serious and (_CASUAL_OPENING.match(text) or _EMOJI.search(text) or "!!" in text):
        return False
    if positions.get("formality", NEUTRAL) <= 2 and _CASUAL_OPENING.match(text):
        return False
    return not (positions.get("respect", NEUTRAL) <= 2 and _IRREVERENT.search(text))
