"""Post ideas: a field's angle in a format that fits it, on one of the person's channels.

An idea is built from an angle of its theme (a premise, two or three key
points, the kinds of post it suits and the question only the writer can
answer). Its working title is the premise, shaped for the format where the
format needs it; its outline is the angle's points and the format's own
close; "make it yours" is the angle's question. Only a theme with no angles
(one the person typed, a company theme) and the "more ideas" batches beyond
the angles fall back to typed templates filled with a noun phrase: the
person's sub-topics or the field's concepts, never a theme title.

The format fits both the angle's kinds and its premise's shape: a premise
that names a list ("Five questions I ask…") is a checklist, one that says
how ("How we…") a how-to; a label ("What I learned, part 2:", "Re-share…
with your one-line take:", "Today I learned") is only put where the premise
reads right after it, and formats that react to someone else's post carry
one line, not key points. Stories from one's own work carry the field's
fence (or the plain "nothing confidential" line).

Comfort changes the substance: the lowest rungs get the best angles as short
posts, with comment prompts on the rest: where to find a peer's post and one
claim of the angle's own to make under it (never a post's title, never a
template's line: a field the library does not know gets none); the highest
get a long piece argued from one strong angle, with the others' key points as
support, and a talk. Goals reshape a few ideas (hiring:
the first 90 days and the skills that matter, from the field's career theme;
speaking, learning in public, products, network). Every typed sub-topic
appears in an idea; every idea targets one of the person's channels, spread
over them (a channel nothing has used yet goes first where a format fits),
with a line on how to shape it there.

Idea keys derive from the theme key and the angle's slug, never from
positions, so marks survive reordering and rewording.
"""

from __future__ import annotations

import functools
import hashlib
import random
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace

from wizard.generators.asks import own_ask, own_asks
from wizard.generators.audience import audience_for_you
from wizard.generators.effort import TALK_HOURS, THREAD_CHANNELS, idea_minutes, spoken_time
from wizard.generators.fences import (
    FENCED_STEPS,
    LESSON_CAUTION,
    ContentFence,
    asks_too_much,
    fenced_ask,
    split_fence,
    touched_fences,
)
from wizard.generators.hiring import fits as hiring_fits
from wizard.generators.hiring import hiring_angles
from wizard.generators.stock_fit import stock_fits
from wizard.generators.text import capitalise, fill, lower_first
from wizard.generators.themes import topic_phrase
from wizard.generators.tone import fits_tone
from wizard.generators.triggers import (
    ARTICLE,
    NOUN_PHRASE_ENDS,
    bare_term,
    indefinite,
    mass_noun,
    own_words,
    rank_terms,
    reads_bare,
    said_once,
    singular,
    term_key,
    term_phrase,
    worth_watching,
)
from wizard.library import Library
from wizard.library.loader import PostFormat
from wizard.recent import Recent

DISCLOSURE_DEFAULT = (
    "If this touches your employer or its products, say in the post itself that you work there."
)
COMMENT = "thoughtful-comment"
GUARDED = "guarded"
RESHARE = "reshare-with-take"
LONG_FORM = "long-form-article"
TALK = "talk"
TIL = "today-i-learned"

# Which formats each kind of angle suits, the lighter first.
KIND_FORMATS: dict[str, tuple[str, ...]] = {
    "myth": ("myth-vs-fact",),
    "checklist": ("checklist",),
    "story": ("mistake-story",),
    "how-to": ("how-to",),
    "opinion": ("field-observation", "trend-take"),
    "question": ("question-or-poll",),
    "explainer": ("field-observation", TIL),
}
# When the fitting format is above the person's rung: the easy form of the same angle.
EASY_FORMATS: dict[str, str] = {
    "myth": "field-observation",
    "checklist": "field-observation",
    "story": "field-observation",
    "how-to": "field-observation",
    "opinion": RESHARE,
    "question": COMMENT,
    "explainer": TIL,
}
# A comment prompt says what a practitioner would write under a peer's post: one
# point of the field's own material (see `comment_point`), after where they find the
# post. Each frame reads right with a term as it is, singular, plural, an acronym or
# "the …" ("a post about cascade", "about health scores", "about the CO alarm"): no
# verb agrees with it. A plan takes the frame it has used least, so no two prompts
# share one until every frame has had a turn. No frame says "a colleague on {term}",
# which reads as a colleague who sits on a body ("a colleague on the NMC").
COMMENT_FRAMES: tuple[str, ...] = (
    "Under a post about {term}: {point}",
    "When a peer posts about {term}: {point}",
    "In a thread on {term}: {point}",
    "When a colleague writes about {term}: {point}",
    "If your feed brings up {term}: {point}",
    "Commenting on a post about {term}: {point}",
)
# How a comment's second claim is offered, varied through a plan.
BACKING = ("Back it with", "Then add", "The detail that backs it")
# A premise shaped as a post's title, not a claim to say under someone else's post:
# a label ("Management letter points: what they are"), or a topic with what follows
# ("Written evidence a clerk can use, and what gets skipped").
TITLE_SHAPE = re.compile(r":|, and (what|why|how|where|when|who|which)\b|\(", re.IGNORECASE)
# A closing aside that tells the writer what to keep out ("…we kept losing weeks
# (pattern only, no customer names)"): a note to them, not words for someone's post.
FENCE_ASIDE = re.compile(r"\s*\((?=[^)]*\b(only|no|not|never|without)\b)[^)]*\)$", re.I)
# The longest point a comment prompt carries: a sentence someone would type under a post.
COMMENT_POINT_CHARS = 170
# What a key point that is no claim to say under a post starts with: the angle's fence
# ("Never a real discount level…"), a word pointing back at the premise ("They work
# when…"), or an instruction to the writer ("Add brand as a separate line").
NOT_SAID = re.compile(
    r"^(only|nothing|never|no|none|without|don't|do not|avoid|describe|keep|say|ask|name|"
    r"pick|show|use|using|they|it|its|this|these|that|those|both|each|either|once|also|"
    r"then|so|but|and|or|even|instead)\b"
    r"|^the (answer|question|rest|other|others|same|latter|former|result|point)\b"
    r"|^not\b|\b(I would like|I'd like|I'd love|I'm curious|curious to hear)\b"
    r"|^(add|start|include|put|track|write|split|give|check|list|run|set|make|read|map"
    r"|plan|agree|document|review|record|define|build|choose|compare|measure|tell|treat|let"
    r"|begin|end|stop|try|test|focus|link|state|report|call|mark|separate|replace|open"
    r"|close|explain|walk|note|lead|act)\b"
    r"|\bconfidential\b|\bwithout names\b|\?$"
    # Steps listed as orders ("Clean exposure data, define decrements, …").
    r"|^\S+(\s+\S+){0,3},\s+(define|compute|calculate|note|send|ask|check|add|write)\b"
    # A line that leans on the one before it, which a comment does not have: "make
    # the same point", "sets this out", "those ratings", "is the example here".
    r"|\bthe same point\b|\bno such\b|\bsuch a thing\b|\bhere\.?$|\banyway\.?$"
    r"|\b(this|these|those)(?=\s*\.?$|\s*[,;:]|\s+(out|way|to be|explained|in)\b)"
    r"|\b(those|these)\s+[a-z]+[^s\W]s\b",
    re.IGNORECASE,
)
# The people a guarded person (see `IdeaContext.guarded`) asks about in "make it
# yours": a published source or a public example, never their own unit or cases.
OWN_WORK = re.compile(r"\byour own (work|cases?|unit|practice)\b|\bin practice\b", re.IGNORECASE)
# How to shape a post for each channel.
CHANNEL_TIPS: dict[str, str] = {
    # LinkedIn's fold (the first 210 characters) is said once, in the tone section's
    # channel note: an idea on LinkedIn needs no tip of its own.
    "linkedin": "",
    "x": (
        "X: the working title and one point in under 280 characters, or a short "
        "thread with one post per point."
    ),
    "mastodon": (
        "Mastodon or Bluesky: one plain post under 300 characters, or a short thread "
        "with one post per point."
    ),
    "blog": "Your blog: long form, 800 to 1,500 words, one section per point.",
    "newsletter": "Newsletter: one issue, one section per point, and one next step to close.",
    "internal": (
        "Internal network: the same post, with the internal detail you can't share outside."
    ),
    "github": "GitHub: a short README section or a snippet, with two lines on when to use it.",
    "events": "Events: a title, a three-sentence abstract, and one story per point.",
    "video": "Video or podcast: five minutes out loud, one story per point.",
}
TALK_CLOSE = (
    "Send the title and abstract to one event: a call for papers, a meetup or an internal session",
    f"Once an event says yes, the talk itself takes about {TALK_HOURS} hours over the weeks"
    " before it: plan them then",
)
# A field's dated moment that is a conference's call for talks ("AFP Annual
# Conference call for proposals"): a talk abstract is sent there first.
CALL_FOR_TALKS = re.compile(
    r"\bcall for (proposals|papers|speakers|presentations|abstracts)\b", re.I
)
# Formats that react to someone else's post: one line of the person's own, no key points.
NO_POINTS = (COMMENT, RESHARE)
STORY_FORMATS = ("mistake-story", "case-study")
# A format's closing step that is a caution, not a point to make: it goes beside
# the key points with the fence (see `PostIdea.caution`).
CAUTION_STEPS = frozenset(
    {
        "Leave other people unidentifiable unless they have agreed",
        "Leave other people unidentifiable unless they've agreed",
    }
)
FENCE_DEFAULT = (
    "Nothing confidential about your employer or its clients: only what is already public, "
    "or what they have approved."
)
NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|\\d+"
LIST_NOUNS = (
    "questions|checks|things|steps|signs|rules|tests|items|ways|mistakes|lessons|habits|"
    "reviews|red flags|documents|records"
)
# What a premise says it is by its own shape, whatever kinds its angle lists.
SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("question", re.compile(r"\?$")),
    ("myth", re.compile(r"^myth\b", re.IGNORECASE)),
    (
        "checklist",
        re.compile(
            rf"^((my|our|the)\s+)?({NUMBER_WORDS})\s+(\w+\s+)?({LIST_NOUNS})\b"
            r"|^(my|our|a|the) checklist\b|\bmy checklist\b|checklist$"
            r"|\bquestions I ask\b|\bchecks?\b( I| we| before)"
            r"|^the [\w\s-]+ review I run\b",
            re.IGNORECASE,
        ),
    ),
    ("how-to", re.compile(r"^how (we|I|to)\b|: how (we|I)\b|: what we do\b", re.IGNORECASE)),
    (
        "opinion",
        re.compile(
            r"^why I\b|\bI (never|always|avoid|refuse)\b|\bshould( never)?\b|\bnever\b"
            r"|\bbelongs? in\b|\b(is|are)n't\b|\bnot (a|an|the)\b|, not\b|\bstop\b",
            re.IGNORECASE,
        ),
    ),
)
# A premise a "Myth vs fact" label fits: it names a myth, or sets one thing against another.
MYTH_SAID = re.compile(
    r"\bmyths?\b|\b(is|are|do|does)n't\b|\b(is|are) not\b|, not\b", re.IGNORECASE
)
# A story told as a short post, below the rung of the story format: its label and time.
SHORT_STORY = ("A short story from your work", 30)
# A premise that names its myth ("Myth: a clean visit means a clean site"), below the
# rung of "Myth vs fact": still a myth and its fact, told in a short post.
SHORT_MYTH = ("Myth vs fact, as a short post", 30)
MYTH_FORMAT = "myth-vs-fact"
# Labels that promise what the premise must say: a fact learned, a contrarian take, a
# one-line take, a myth. Where none of an angle's fitting formats reads right, these
# are never the fallback (see `choose_format`).
POLL = "question-or-poll"
PROMISING = frozenset({TIL, "trend-take", RESHARE, MYTH_FORMAT, POLL})
# A premise that puts questions to peers without a question mark of its own.
ASKS_PEERS = re.compile(r"(my |three |a few |some )?questions? (for|to)\b", re.IGNORECASE)
# "Today I learned" is a learner's post: someone early in the work (these words in
# their role), or someone who chose to learn in public and whose role does not say
# they lead the work. Posted by an experienced practitioner about the field's own
# core ("Mobility scoring finds lame cows weeks before anyone sees a limp"), it
# undercuts them.
EARLY_CAREER = re.compile(
    r"\b(students?|trainees?|apprentices?|junior|graduates?|interns?|internship|newly[- ]qualified"
    r"|early[- ]career|aspiring|first[- ]year|NQT|resident (physician|doctor)|foundation (doctor"
    r"|year)|FY[12]|PGY-?\d)\b",
    re.IGNORECASE,
)
SENIOR_ROLE = re.compile(
    r"\b(senior|sr|lead|leads|principal|head|chief|director|manager|consultant|partner|"
    r"chartered|owner|founder|runs)\b",
    re.IGNORECASE,
)


def learns_in_public(role: str, goals: Collection[str]) -> bool:
    """Whether "Today I learned" is the person's post: early in the work, or learning
    in public (a goal) without a role that says they lead it."""
    if EARLY_CAREER.search(role):
        return True
    return "learning" in goals and not SENIOR_ROLE.search(role)


# A past tense ("rebuilt", "missed"), not "need": "What I need in a referral" is no story.
PAST = r"(?!(need|feed|seed|speed|exceed|proceed|succeed)\b)\w+ed"
STORY_PREMISE = re.compile(
    rf"^(how|when|what) (we|I) ({PAST}|rebuilt|built|made|cut|lost|found|got|took|won|ran|"
    r"went|turned|moved|learned|learnt|broke|caught|chose|kept|left|saw|told)\b"
    rf"|^the [\w-]+( [\w-]+)? (we|I) ({PAST}|should have|could have|nearly|almost)\b",
    re.IGNORECASE,
)
# A contrarian take needs a premise that argues against something.
CONTRARIAN = re.compile(
    r"\b(not|n't|never|no longer|myth|overrated|stop|instead|rather than|more than|"
    r"less than|will|is changing|wrong)\b",
    re.IGNORECASE,
)
QUESTION_THEME = "question"  # the theme built from the questions people bring to the person
ANSWER_STEPS = (
    "Say who asks this, and when it comes up",
    "Give your short answer first, in a sentence or two",
    "Show one moment from your work that explains why",
    "Say when the answer would be different",
)
X_LIMIT = 280
LINKEDIN_HOOK = 210
YOU = re.compile(r"\b(you|your|yours|yourself)\b", re.IGNORECASE)
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")  # quoted speech, curly or straight


@functools.lru_cache(maxsize=16384)
def premise_shape(premise: str) -> str:
    """What a premise reads as by its own words: a question, myth, checklist, how-to,
    opinion, or '' for a plain statement."""
    text = premise.strip().rstrip(".")
    return next((shape for shape, pattern in SHAPES if pattern.search(text)), "")


def shape_fits(fmt: PostFormat, shape: str, premise: str) -> bool:
    """Whether a format's label reads right in front of a premise of this shape."""
    if fmt.slug == TIL:
        # "Today I learned" fits a fact learned, not a practice, a list or a position,
        # nor the writer's own work ("The people I work with on…", "Who relies on my…").
        # Nor a post's title ("A rule, standard or method for X that is changing, and
        # what it means day to day"), nor a position ("Experienced people still get X
        # wrong"): a fact learned reads as a plain claim.
        return (
            shape == ""
            and not re.match(r"(my|our|how|why|when|what|who|which|where|an?)\b", premise, re.I)
            and not re.search(r"\b(I|my|me)\b", premise)
            and not TITLE_SHAPE.search(premise)
            and not re.search(r"\b(wrong|still|never|always)\b", premise, re.I)
        )
    if fmt.slug == "trend-take":
        return shape in ("", "opinion", "myth") and bool(CONTRARIAN.search(premise))
    if fmt.slug == RESHARE:
        # The take is a position: a plain claim ("…is overhyped"), not a topic
        # ("The place of X in the bigger picture") or a list.
        plain = bool(CLAIM_VERB.search(premise)) and not re.match(
            r"(the|what|where|words|which|who)\b", premise, re.IGNORECASE
        )
        fits = shape == "opinion" or (shape == "" and plain)
        return fits and ":" not in premise and "?" not in premise
    if fmt.slug == "myth-vs-fact":
        # "Myth vs fact" promises a myth: the premise names one or sets a belief against a fact.
        return shape == "myth" or bool(MYTH_SAID.search(premise))
    if fmt.slug == POLL:
        # "A question or poll" asks: a question, or the questions put to peers ("Questions
        # for ED colleagues about…"); never a statement ("The Tester in Charge should be
        # able to say no") nor the writer's own answer ("The question about X I hear
        # most often, answered").
        return shape == "question" or bool(ASKS_PEERS.match(premise))
    if shape == "checklist":
        return fmt.slug in ("checklist", "field-observation", "how-to")
    if shape == "how-to":
        return fmt.slug in ("how-to", "checklist", "field-observation", "mistake-story")
    return True


COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
COUNTED = re.compile(
    rf"(?P<lead>^(?:(?:my|our)\s+)?)(?P<number>{'|'.join(COUNT_WORDS)})\s+(?:\w+\s+)?"
    rf"(?P<noun>{LIST_NOUNS})\b|\b(?P<fixed>{'|'.join(COUNT_WORDS)})\s+(?:\w+\s+)?"
    rf"(?P<fixed_noun>{LIST_NOUNS})\b",
    re.IGNORECASE,
)
HOT_TAKE = re.compile(
    r"\b(overhyped|overrated|hype|unpopular opinion|contrarian|everyone is wrong)\b", re.IGNORECASE
)
HOT_TAKE_RUNG = 3  # a hot take is a risk to take once posting feels easy: rung 3 and up


def match_count(title: str, items: int) -> tuple[str, list[str]]:
    """A title's count made true to the ``items`` its outline lists: "Five questions I
    ask" over three questions becomes "Three questions I ask"; a set the title names as
    fixed ("the five steps of …") keeps its number and the outline gets a line for the
    ones it does not list."""
    found = COUNTED.search(title)
    if not found or items < 2 or items > len(COUNT_WORDS) + 1:
        return title, []
    if found.group("number"):
        said = COUNT_WORDS.index(found.group("number").lower()) + 2
        if said == items:
            return title, []
        word = COUNT_WORDS[items - 2]
        start = found.start("number")
        if found.group("number")[0].isupper():
            word = word.capitalize()
        return title[:start] + word + title[found.end("number") :], []
    said = COUNT_WORDS.index(found.group("fixed").lower()) + 2
    if said <= items or title[found.end() :].lstrip().startswith(":"):
        return title, []  # all listed, or the title lists them itself
    noun = found.group("fixed_noun").lower()
    if said - items == 1:
        return title, [f"The other {noun.removesuffix('s')}, in a line"]
    return title, [f"The other {COUNT_WORDS[said - items - 2]} {noun}, one line each"]


def says_you(text: str) -> bool:
    """Whether the text addresses the reader ("you"), quoted speech aside."""
    return bool(YOU.search(QUOTED.sub("", text)))


def question_words(text: str) -> str:
    """A line as bare lowercase words, to compare questions whatever their punctuation."""
    return " ".join(re.findall(r"[a-z0-9']+", text.lower().replace("’", "'")))


REPEAT_WORDS = 4  # a shorter line inside a longer one repeats it from this many words


def repeats(text: str, said: Collection[str]) -> bool:
    """Whether ``text`` says again one of the lines in ``said`` (as `question_words`):
    the same words, or one ending with the other ("Notified bodies: what would you ask
    before signing?" repeats "What would you ask before signing?")."""
    words = question_words(text)
    if not words:
        return False
    for line in said:
        if words == line:
            return True
        short, long = sorted((words, line), key=len)
        if len(short.split()) >= REPEAT_WORDS and long.endswith(" " + short):
            return True
    return False


@dataclass(frozen=True)
class PostIdea:
    """One concrete thing to post (or, for a comment prompt, to add under someone's post)."""

    key: str
    theme: str
    topic: str
    format_slug: str
    format_name: str
    hook: str
    outline: tuple[str, ...]
    make_it_yours: str
    channel: str
    minutes: int
    effort: int
    disclosure: str
    stretch: bool = False
    theme_key: str = ""
    angle: str = ""
    channel_slug: str = ""
    channel_tip: str = ""
    # What the post keeps out (the sector's fence, a story's lesson-not-loss line):
    # shown beside the key points, never as one of them.
    caution: str = ""

    @property
    def time_text(self) -> str:
        """How long it takes, as read after "about": "20 minutes", "4 hours, over two weeks"."""
        return spoken_time(self.minutes)

    @property
    def is_post(self) -> bool:
        """Whether the idea fills a calendar slot (comments are a weekly habit instead)."""
        return self.format_slug != COMMENT


@dataclass(frozen=True)
class Material:
    """What an idea is built from: a library angle, a question, or a typed template."""

    slug: str
    premise: str
    points: tuple[str, ...]
    kinds: tuple[str, ...]
    ask: str
    # What a post from it keeps out beyond the sector's fence (the angle's own
    # `fence`: "No photos of the kit or car, no area named"), shown as "Keep out".
    fence: str = ""


@dataclass
class IdeaContext:
    """Everything about the person that shapes their ideas, shared by every theme."""

    library: Library
    seed: int
    rung: int
    channels: Sequence[str]
    topics: Sequence[str] = ()
    audience: str = "people in your field"
    expertise: str = "your field"
    concepts: Sequence[str] = ()
    # Concepts that are another country's own law, bodies or practice than the
    # person's (`ExpertiseArea.concepts_abroad`): no idea is about one, and no
    # comment watches for one ("zoning ordinance" for a UK planner).
    abroad: frozenset[str] = frozenset()
    goals: Sequence[str] = ()
    disclosure: str = DISCLOSURE_DEFAULT
    fence: str = ""
    # The fences an idea's content brings whatever its format (see `fences`).
    sensitive: Sequence[ContentFence] = ()
    typed: str = ""
    tone: Mapping[str, int] = field(default_factory=dict)  # tone step positions, 1-5
    # The field's career theme angles (hiring posts draw on them) and the angles
    # of its themes the person did not choose (a typed sub-topic may find one there).
    career: Sequence[Material] = ()
    spare: Sequence[Material] = ()
    # Where the hiring posts find their angles, best first (see `hiring_pools`): set
    # for the whole plan, so every theme keeps the angles they take out of its own
    # posts; ``hires`` holds the two angles once chosen.
    hiring_pools: Sequence[Sequence[Material]] = ()
    hires: tuple[Material | None, Material | None] | None = None
    # Premises of the sub-topic templates filled with each typed sub-topic, for one
    # the field's own material does not name ("pricing" for a product manager): a
    # real angle of its kind (topic_kind), never a stock opening.
    topic_premises: Sequence[Material] = ()
    # The field's dated moments as (name, month, kind): a theme running in that month
    # may take one as a post when its angles run out.
    moments: Sequence[tuple[str, int, str]] = ()
    # Minutes a week for posts (0: not known): a blog post or newsletter issue that
    # takes more than two such weeks goes to a shorter channel instead.
    post_minutes: int = 0
    channel_use: Counter[str] = field(default_factory=Counter)
    taken: set[str] = field(default_factory=set)
    series: int = 0  # parts of the "What I learned" series so far, across the plan
    closes: Counter[str] = field(default_factory=Counter)  # closing lines used so far
    # The person's cases are confidential (a sector marks ``composite_cases``) or their
    # operation safety-sensitive (air traffic, healthcare): comment ideas ask for the
    # reading of a rule or a public example, never their own unit's practice.
    guarded: bool = False
    # The line a guarded person's story of their own mistake carries beside the
    # fence, in their sector's words ('' for the general `LESSON_CAUTION`).
    lesson: str = ""
    # What the person's field calls the work their experience comes from ("patients",
    # "projects": voice.toml's ``cases``): "make it yours" asks about their own.
    cases: str = "work"
    # Comment prompts so far: the sentence frames and join-in wordings used (by index
    # and by wording), and the terms watched for (as `term_key`s), across the plan.
    comment_shapes: Counter[str] = field(default_factory=Counter)
    watched: set[str] = field(default_factory=set)
    # What the plan's ideas already say, as `question_words`: every title and "make it
    # yours" (said), and the questions put to peers (polled), so a poll never asks
    # what another idea's prompt or premise already does, nor the other way round.
    said: Counter[str] = field(default_factory=Counter)
    polled: set[str] = field(default_factory=set)
    fenced: int = 0  # prompts a guarded person's fence has turned so far (see `fences`)
    country: str = ""  # where the person lives, as a country code ('' when not known)
    # Whether "Today I learned" is this person's post (see `learns_in_public`).
    learner: bool = False

    @property
    def formats(self) -> dict[str, PostFormat]:
        """The library's formats by slug."""
        return {f.slug: f for f in self.library.formats}

    @functools.cached_property
    def home_concepts(self) -> tuple[str, ...]:
        """The field's concepts that hold in the person's country (see ``abroad``)."""
        return tuple(c for c in self.concepts if c not in self.abroad)

    @functools.cached_property
    def own_words(self) -> frozenset[str]:
        """The words of the person's field as they and the library name it: a concept
        made only of these ("payroll", "school") matches half their feed."""
        concepts = tuple(self.concepts)
        area = next(
            (a for a in self.library.areas if concepts and tuple(a.concepts) == concepts), None
        )
        names = [self.expertise, *((area.name, *area.aliases) if area else ())]
        return own_words(n for n in names if n and n != "your field")


def material(angle: object) -> Material:
    """An angle from the library (or a bare premise string) as idea material:
    a library angle once per process (every build of a plan of its field turns
    each of the field's angles into material)."""
    try:
        return _kept_material(angle)
    except TypeError:  # an angle that cannot be a key (one with a list in it)
        return _material(angle)


@functools.lru_cache(maxsize=16384)
def _kept_material(angle: object) -> Material:
    return _material(angle)


def _material(angle: object) -> Material:
    if isinstance(angle, str):
        return Material(_slug(angle), angle, (), ("opinion",), "")
    premise = str(getattr(angle, "premise", "") or "")
    return Material(
        slug=str(getattr(angle, "slug", "") or _slug(premise)),
        premise=premise,
        points=tuple(getattr(angle, "points", ()) or ()),
        kinds=tuple(getattr(angle, "kinds", ()) or ()) or ("opinion",),
        ask=str(getattr(angle, "ask", "") or ""),
        fence=str(getattr(angle, "fence", "") or ""),
    )


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60]


def moment_seasons(moments: Sequence[tuple[str, int, str]]) -> dict[str, tuple[int, ...]]:
    """The month of each moment's post, by the idea's angle ("moment:<name>"): a
    post on the W-2 filing deadline in January is not dated in February."""
    return {f"moment:{_slug(name)}": (month,) for name, month, _kind in moments}


def _key(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def theme_identity(key: str, title: str) -> str:
    """A theme's stable identity for idea keys: its key, or its words when typed."""
    return key if key and key not in ("own",) else f"own:{' '.join(title.lower().split())}"


@functools.lru_cache(maxsize=4096)
def _whole_words(phrase: str) -> re.Pattern[str]:
    """A pattern for ``phrase`` as whole words (compiled once per phrase)."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")


def concept_in(text: str, concepts: Sequence[str]) -> str:
    """The longest of the field's concepts named in ``text`` (whole words), or ''."""
    return _concept_in(text, tuple(concepts))


@functools.lru_cache(maxsize=16384)
def _concept_in(text: str, concepts: tuple[str, ...]) -> str:
    """``concept_in`` for a tuple of concepts, worked out once per text: the same
    library sentences are read again by every plan of a field."""
    lowered = text.lower()
    found = [
        c
        for c in concepts
        if c and (phrase := c.lower()) in lowered and _whole_words(phrase).search(lowered)
    ]
    return max(found, key=len) if found else ""


# A pronoun a comment's "make it yours" cannot use: the question stands on its own,
# with no post around it to say what "it", "their" or "which other" refers to.
DANGLING_ASK = re.compile(
    r"\b(it|its|their|theirs|them|they|this|that|these|those|he|she|his|her|yours)\b"
    r"|\b(last|next|first|latest|own|that|this|the) one\b"
    # "Which other abbreviation…": other than the one the post was about.
    r"|\b(which|what|any|the) other\b",
    re.IGNORECASE,
)
# A comment's "make it yours" when the angle's own question needs the post around
# it: about what the comment watches for, by name ({term}: "error budgets", "the
# 15-day clock", "CTDIvol"; see `ask_term`), since "the point" tells a practitioner
# nothing. Each asks for something only the person knows, in their field's words
# ({cases}: "patients", "projects", see `asks`); a guarded person's, for a pattern
# across many cases or a change of mind, never one case of their own.
COMMENT_ASKS: tuple[str, ...] = (
    "Which moment from your own {cases} backs up what you say about {term}, or complicates"
    " the picture?",
    "Where, across your own {cases}, has the usual line on {term} not held, and what was"
    " different?",
    "Which number from your own {cases} backs up what you say about {term}: a count, a time"
    " or a cost?",
)
COMMENT_ASKS_GUARDED: tuple[str, ...] = (
    "Across many {cases}, what keeps happening with {term}? Describe the pattern, with no"
    " detail anyone could trace.",
    "What did you believe about {term} before years in the job changed your mind?",
    "How often does {term} come up across many {cases}, and is the share changing? A rough"
    " figure will do; name no one.",
)
# What the asks say for want of a term: still never "the point".
COMMENT_ASK_SUBJECT = "the subject of your comment"
# Last words whose plural is not the word with "s" ("analysis" -> "analyses").
PLURAL_ENDINGS: tuple[tuple[str, str], ...] = (
    ("sis", "ses"),
    ("ss", "sses"),
    ("us", "uses"),
    ("ch", "ches"),
    ("sh", "shes"),
    ("x", "xes"),
)


def ask_term(term: str) -> str:
    """A comment's term as an ask names it: as the prompt writes it, but where the
    prompt means any one of its kind ("a heat map", "an RCD"), the kind in the plural
    ("heat maps", "RCDs"): "what you say about a heat map" reads as one map."""
    text = " ".join(term.split())
    if not text:
        return COMMENT_ASK_SUBJECT
    head, _, rest = text.partition(" ")
    if head.lower() not in ("a", "an") or not rest:
        return text
    if rest[-1:].isupper() or rest[-1:].isdigit():
        return f"{rest}s"  # "an RCD" -> "RCDs", "a GSPR" -> "GSPRs"
    low = rest.lower()
    if re.search(r"[^aeiou]y$", low):
        return f"{rest[:-1]}ies"  # "a collecting policy" -> "collecting policies"
    for old, new in PLURAL_ENDINGS:
        if low.endswith(old):
            return rest[: len(rest) - len(old)] + new
    return f"{rest}s"


def any_one(concept: str, premise: str, phrase: str) -> str:
    """``phrase`` with "a" or "an" where the premise speaks of any one of the
    concept's kind, ending its noun phrase ("Capping a rate change moves…", "A
    family group conference puts…", "A design code that…"): "a post about rate
    change" is no English, and a word's ending ("-tion", "-ence") does not make it a
    mass noun. Not where the concept names the kind of a longer noun ("a paid
    social campaign")."""
    if phrase != concept or not concept.islower():
        return phrase
    found = re.search(rf"\b(a|an)\s+{re.escape(concept)}(?![\w-])(?P<rest>.*)$", premise, re.I)
    if not found:
        return phrase
    rest = found.group("rest").lower()
    after = (re.findall(r"[\w'’]+", rest) or [""])[0]
    ends = (
        NOUN_PHRASE_ENDS.match(rest)
        or after in ("nobody", "everyone", "anyone")
        or CLAIM_VERB.fullmatch(after)
        or STATE_VERB.fullmatch(after)
        or after in AUXILIARIES
        or re.fullmatch(r"[a-z]+(n['’]t|ed)|[a-z]+[^suiy']s", after)  # "isn't", "settled", "puts"
    )
    return indefinite(concept) if ends else phrase


def premise_terms(
    premise: str,
    concepts: Sequence[str],
    topics: Sequence[str],
    library: Library | None = None,
    own: Collection[str] = (),
) -> list[str]:
    """What a premise itself names: the field's concepts worth watching for in a feed
    (a shorter one inside a longer one counts once; multi-word ones and acronyms
    first, see `triggers.worth_watching`), then typed sub-topics it mentions.

    ``own``: the words of the field's own name (a concept made of them is no trigger)."""
    lowered = premise.lower()
    spans: list[tuple[int, int, str]] = []
    for concept in concepts:
        low = concept.lower()
        if not low or low not in lowered:
            continue
        # Stems too: "renewals" names "renewal".
        found = re.search(rf"(?<![\w-]){re.escape(low)}(s|es)?(?![\w-])", lowered)
        if found:
            spans.append((found.start(), found.end(), concept))
    kept = [
        (start, end, c)
        for start, end, c in spans
        if not any(s <= start and end <= e and (e - s) > (end - start) for s, e, _ in spans)
    ]
    phrases = (
        any_one(c, premise, term_phrase(c, premise))
        for _, _, c in sorted(kept)
        if worth_watching(c, own)
    )
    terms = rank_terms(p for p in phrases if not reads_bare(p))
    for topic in topics:
        phrase = topic_phrase(topic, library)
        if mentions(premise, topic) and not any(mentions(t, topic) for t in terms):
            terms.append(phrase)
    return list(dict.fromkeys(terms))


# What ends a claim's subject: a relative clause's verb says nothing of the main claim
# ("Save plays that worked, and the one that never does" states no claim).
RELATIVE = re.compile(r"\b(that|which|who|whose|where|when)\b", re.IGNORECASE)
TAKE_WORDS = 16  # a take is one line
EXPLAINER_RESHARE = "Re-share a clear explainer on"
# The person's own line on an explainer they re-share: for their audience by name only
# when it is one or two words ("to residents"); a list pasted into a title reads as a form.
RESHARE_OWN_LINE = "with one line of your own on why it matters"


def reshare_line(audience: str) -> str:
    """How a re-shared explainer's title asks for the person's own line: to their
    audience when it is named in one or two words, else one line on why it matters."""
    words = audience.split()
    if words and len(words) <= 2 and not re.search(r"[,;/&]| and | or ", f" {audience} "):
        return f"with the line you would say to {audience_for_you(audience.strip())}"
    return RESHARE_OWN_LINE


def one_line_claim(premise: str) -> bool:
    """Whether a premise states one claim in one line: not a question, list, how-to or
    story title, with its verb before any relative clause."""
    text = premise.strip().rstrip(".")
    if not text or len(text.split()) > TAKE_WORDS or text.endswith("?") or says_you(text):
        return False
    if premise_shape(text) in ("question", "checklist", "how-to"):
        return False
    if re.match(r"(what|which|how|where|when|who|why|my|our|a|an)\b", text, re.IGNORECASE):
        return False  # a title ("What I…", "A mistake…"), not a claim
    # The verb after the claim's first word: a first word is its subject or an order.
    main = " ".join(RELATIVE.split(text, maxsplit=1)[0].split()[1:])
    return bool(CLAIM_VERB.search(main) or re.search(r"n't\b|\bnot\b", main))


def comment_ask(
    ask: str, guarded: bool = False, turn: int = 0, cases: str = "work", term: str = ""
) -> str:
    """A comment's "make it yours": the angle's own question when it stands alone
    and asks the person about their own work (`asks.first_hand`), else the
    ``turn``-th question about the ``term`` the prompt watches for, in the field's
    words (``cases``; ``guarded``: a pattern across many cases, never one of their own)."""
    ask = ask.strip()
    fenced = guarded and (OWN_WORK.search(ask) or asks_too_much(ask))
    alone = ask and not DANGLING_ASK.search(ask) and not fenced
    if alone and own_ask(ask, cases, guarded) == " ".join(ask.split()):
        return ask
    asks = COMMENT_ASKS_GUARDED if guarded else COMMENT_ASKS
    noun = cases if cases != "work" or not guarded else "cases"
    return asks[turn % len(asks)].format(cases=noun, term=ask_term(term))


# First words that open a sentence and are never part of a name ("Most ASC 606
# arguments…", "The EU directive…"): lower-cased after a colon whatever follows.
SENTENCE_OPENERS = frozenset(
    """
    The A An Most Many Some Every Each All No Few Our My Your Their This That These
    Those When If Where Once Before After In On At For With Without Under Over Since
    Until Only Even Not Both Any Other More Less Two Three Now Today
    """.split()  # noqa: SIM905 (a word list reads better as words)
)


def said_after_colon(point: str, concepts: Sequence[str] = ()) -> str:
    """A key point as it reads after a colon: its first letter lower-cased, unless it
    opens with "I", an acronym, a name ("Awaab's Law", "Gas Safe") or a concept the
    field writes with a capital."""
    return _said_after_colon(point, tuple(concepts))


@functools.lru_cache(maxsize=16384)
def _said_after_colon(point: str, concepts: tuple[str, ...]) -> str:
    """`said_after_colon`, worked out once per point and field."""
    text = point.strip().rstrip(".")
    words = text.split()
    if not words:
        return text
    first = words[0]
    if first == "I" or first.startswith(("I'", "I’")):
        return text
    if first in SENTENCE_OPENERS and len(words) > 1:
        return first.lower() + text[len(first) :]  # "the EU directive requires…"
    if len(words) > 1 and words[1][:1].isupper() and not words[1].isupper():
        return text  # a name of two or more words ("Gas Safe", "Working Together")
    if first.endswith("ing") and first[1:].islower():
        return lower_first(text)  # "splitting Terraform state…"
    if any(re.match(rf"{re.escape(c)}\b", text) for c in concepts if c and c[:1].isupper()):
        return text  # a concept the field writes with a capital ("Boiler Plus")
    bare = re.sub(r"['’]s$", "", first)
    named = any(re.search(rf"\b{re.escape(bare)}\b", c) for c in concepts)
    common = any(re.search(rf"\b{re.escape(bare.lower())}\b", c) for c in concepts)
    if named and not common:
        return text  # a name the field's concepts only ever capitalise ("Oracle")
    return lower_first(text)


# Words before which a word of `CLAIM_VERB` or `STATE_VERB` is a noun ("each change",
# "the list of contracts"), not the sentence's verb.
NOUN_BEFORE = frozenset(
    """
    a an the each every this that these those my our your their its his her no any
    one some which whose of
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Words that start a clause's subject: after a noun with nothing between, they open a
# relative clause with no "that" ("the lesson I use", "the version the participant saw").
SUBJECT_STARTS = frozenset({"i", "we", "you", "they", "he", "she", "the", "a", "an", "my", "our"})
# Words a subject may follow in a main clause: after these, a new subject is no clause.
LINKS = frozenset(
    """
    and or but nor as at by for from in into of on to with without under over after before
    between across through than then when where if once while since about per via
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Verbs that are finite in any form.
AUXILIARIES = frozenset(
    """
    is are was were has have had can cannot can't must should will would does do did
    doesn't don't didn't isn't aren't wasn't won't
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Past forms of `CLAIM_VERB` and `STATE_VERB` with no "-ed".
PAST_FORMS = frozenset(
    """
    held ran led sat gave took brought left knew saw said fell rose grew won lost caught
    kept made got went came found told paid
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Words between the verbs of one verb phrase ("will not start", "can often be").
VERB_FILLERS = frozenset({"not", "never", "always", "often", "also", "still", "just", "be", "been"})
# Where a sentence's main clause ends and a dependent one begins ("…database, as GVP
# Module VI expects", "…on a payslip so nobody thinks…", "…, and why students like it").
MAIN_ENDS = re.compile(
    r",\s+as\s|,?\s+(so|because|since|unless|until|while|whereas|although|though)\s"
    r"|,\s+and\s+(why|how|what|when|where|who|which)\b",
    re.IGNORECASE,
)
# A pronoun near the start that points at something the post around it would name
# ("Asking them to explain…", "Encourage it to bleed").
POINTS_BACK = re.compile(r"^\S+\s+(them|it|this|these|those|him|her)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def reads_alone(line: str) -> bool:
    """Whether a key point is a complete statement that reads after a comment prompt's
    colon with nothing around it: its main clause has a subject and a verb of its own,
    which is neither a noun after a determiner ("pumping nearby, or rainfall, noted
    against each change"), nor the verb of a relative clause with no "that" ("the
    lesson I use for Curate, and why students like it", "rules of engagement I will
    not start without"), nor one after "so" or "as" ("weekly searches of one major
    database, as GVP Module VI expects"); a point opening with a condition has a main
    clause after its comma ("When I say no…, and how I write it" has none); and no
    pronoun near its start points back at a post ("Asking them to explain…")."""
    text = line.strip().rstrip(".")
    # An aside says nothing of the clause around it: "(Article 52)", ", as a first
    # estimate and no more,".
    text = re.sub(r"\s*\([^)]*\)|,\s+as\s[^,]*(?=,)", "", text)
    if POINTS_BACK.search(text):
        return False
    if CONDITION.match(text):
        head, comma, rest = text.partition(", ")
        return bool(comma) and reads_alone(rest) if rest[:1].islower() else False
    # Each part a colon or semicolon ends may carry the statement ("The IDTA stands
    # alone; the UK Addendum adds UK terms…").
    return any(_main_clause_verb(part) for part in re.split(r"[;:]\s", text) if part.strip())


@functools.lru_cache(maxsize=16384)
def _main_clause_verb(text: str) -> bool:
    """Whether the main clause of ``text`` has a verb of its own (see `reads_alone`)."""
    main = MAIN_ENDS.split(text, maxsplit=1)[0]
    found = CLAUSE.search(main)
    main = main[: found.start()] if found and found.start() > 0 else main
    words = re.findall(r"[\w'’&-]+|,", main)

    def verb(n: int) -> bool:
        word = words[n].lower()
        if not (CLAIM_VERB.fullmatch(word) or STATE_VERB.fullmatch(word)):
            return False
        if word in AUXILIARIES or word in PAST_FORMS or re.search(r"[^s]s$|ed$", word):
            return True
        # A base form is a verb after a plural, a pronoun or an auxiliary ("home visits
        # and apps help", "signs often show"); after a singular noun it is a noun too
        # ("an emergency stop procedure").
        before = words[n - 1].lower() if n else ""
        return bool(
            before in AUXILIARIES | VERB_FILLERS | {"i", "we", "you", "they"}
            or re.search(r"[^s]s$|n't$", before)
            or any(w.lower() in ("and", "or") for w in words[:n])  # "X and UK law give"
        )

    def listed(n: int) -> bool:
        return bool(CLAIM_VERB.fullmatch(words[n]) or STATE_VERB.fullmatch(words[n]))

    opened = -1  # where the latest relative clause with no "that" opened
    closed = -1  # where its verb was (-1: none yet)
    for n, word in enumerate(words):
        low = word.lower()
        if (
            n > 0
            and low in SUBJECT_STARTS
            and words[n - 1] != ","
            and words[n - 1].lower() not in LINKS | SUBJECT_STARTS | NOUN_BEFORE
            and not listed(n - 1)  # "add an electric shower": an object, not a clause
        ):
            opened = n  # "the lesson I…", "the version the participant…"
            continue
        if n == 0 or not verb(n):
            continue
        if words[n - 1].lower() in NOUN_BEFORE:
            continue  # "each change", "the list": a noun
        chained = closed >= 0 and all(w.lower() in VERB_FILLERS for w in words[closed + 1 : n])
        if opened >= 0 or chained:
            # The relative clause's own verb ("I will not start"): the main one comes after.
            opened, closed = -1, n
            continue
        return True
    return bool(re.search(r"n't\b|\bcannot\b", main))


def in_a_title(point: str) -> str:
    """A point as it reads after a comment prompt's own colon or a "Then add:": its
    own colon becomes a dash, so the line has one colon only."""
    return point.replace(": ", " — ")


def claim_lines(angle: Material) -> list[str]:
    """What an angle says that a practitioner could write under someone else's post:
    its premise when it states one claim, then its key points that state one (a
    verb, no question, no instruction or fence, nothing said to "you"), those
    without a colon first, each short enough for a comment."""
    return list(_claim_lines(angle))


# The tests of `claim_lines` read each sentence word by word; every plan of a field
# reads the same library angles, so each angle is worked out once per process.
@functools.lru_cache(maxsize=8192)
def _claim_lines(angle: Material) -> tuple[str, ...]:
    premise = angle.premise.strip().rstrip(".")
    found = []
    if (
        one_line_claim(premise)
        and states_claim(premise)
        and reads_alone(premise)
        and premise_shape(premise) not in ("myth", "question")
        and not TITLE_SHAPE.search(premise)
        and "?" not in premise
    ):
        found.append(premise)
    points = [
        FENCE_ASIDE.sub("", p.strip().rstrip("."))
        for p in angle.points
        if len(p.split()) >= 5
        and len(p) <= COMMENT_POINT_CHARS
        and states_claim(p)
        and reads_alone(p)
        and not NOT_SAID.search(p.strip())
        and not says_you(p)
    ]
    # A point after a short label ("Authorization: another user's ID must fail") reads
    # as a second heading after the prompt's own colon.
    points = [p for p in points if len(p.split(":")[0].split()) > 2 or ":" not in p]
    found += sorted(points, key=lambda p: ":" in p)
    return tuple(dict.fromkeys(found))


# What opens a clause inside a point: its verb says nothing of the main claim ("the
# woman told at every step what was happening" has none of its own).
CLAUSE = re.compile(r"\b(that|which|who|whose|where|when|what|why|how|whether)\b", re.I)
# Verbs a point states something with, beyond `CLAIM_VERB` ("rules differ", "each
# state sets its own test", "the VMR require an assessment").
STATE_VERB = re.compile(
    r"\b(differ|differs|vary|varies|varied|ask|asks|asked|define|defines|defined|require|"
    r"requires|required|set|sets|apply|applies|applied|cover|covers|covered|give|gives|gave|"
    r"allow|allows|allowed|need|needed|show|showed|lead|leads|led|sit|sits|run|runs|ran|"
    r"hold|holds|held|reach|reaches|reached|rely|relies|count|counts|counted|fit|fits|"
    r"expect|expects|expected|treat|treats|treated|list|lists|listed|sets|raise|raises|"
    r"raised|cut|cuts|fall|falls|fell|rise|rises|rose|grow|grows|grew|win|wins|won|lose|"
    r"loses|lost|tend|tends|turn|turns|turned|work|worked|want|wants|wanted|know|knows|"
    r"knew|see|sees|saw|say|says|said|take|took|put|puts|bring|brings|brought|leave|"
    r"leaves|left|remain|remains|stay|stays|stayed|replace|replaces|replaced|reduce|"
    r"reduces|reduced|increase|increases|increased|improve|improves|improved|protect|"
    r"protected|prevent|prevents|prevented|carry|carries|carried|sign|signs|signed|"
    r"decide|decided|own|owns|owned|outlast|outlasts|predict|predicts|explain|explains|"
    r"follow|follows|followed|miss|missed|matter|mattered|belong|help|helped|"
    r"catch|caught|stop|stopped|trust|trusts|trusted|use|uses|used|describe|describes|"
    r"described|multiply|multiplies|multiplied)\b",
    re.IGNORECASE,
)
# How a clause that sets a condition opens ("When the uncertainty is disclosed, …").
CONDITION = re.compile(r"^(when|if|where|once|before|after|while|unless|until)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16384)
def states_claim(line: str) -> bool:
    """Whether a key point states something (a verb in its main clause), not a noun
    phrase whose only verb sits in a relative clause ("claims that have happened but
    have not been reported") nor a list of what to say ("how identity was confirmed,
    how the participant signed")."""
    text = line.strip()
    if re.match(r"(how|what|why|who|whom|which|whether)\b", text, re.IGNORECASE):
        return False
    if CONDITION.match(text):
        return bool(CLAIM_VERB.search(text) or STATE_VERB.search(text))
    found = CLAUSE.search(text)
    main = text[: found.start()] if found and found.start() > 0 else text
    cut = main.rstrip(" ,")
    titled = bool(re.match(r"(the|a|an|my|our)\s", text, re.IGNORECASE))
    finite = any(
        not re.search(r"(^|\s)to\s*$", main[: verb.start()], re.IGNORECASE)
        # The noun a relative clause follows is no verb ("The upstream change that…").
        and not (found and verb.end() >= len(cut))
        # Nor a title's last word ("The date table every model needs").
        and not (titled and verb.end() >= len(text.rstrip(" .")))
        for pattern in (CLAIM_VERB, STATE_VERB)
        for verb in pattern.finditer(main)
    )  # "calculation groups to stop writing…" has no verb of its own
    return finite or bool(re.search(r"n't\b|\bcannot\b", main))


@functools.lru_cache(maxsize=16384)
def names_term(text: str, term: str) -> bool:
    """Whether ``text`` names a comment's ``term`` as whole words, one or many ("DRLs"
    names "local DRLs" and "DRL"), with or without the article the prompt gives it
    (kept per process: a plan's prompts ask it of the same pairs on every rebuild)."""
    words = bare_term(term).strip('“”"').lower().split()
    if not words:
        return False
    last = singular(words[-1])
    ending = "(y|ies)" if last.endswith("y") else "(s|es)?"
    stem = " ".join((*words[:-1], last[:-1] if last.endswith("y") else last))
    found = re.search(rf"(?<![\w-]){re.escape(stem)}{ending}(?![\w-])", text.lower())
    return found is not None


def comment_term(terms: Sequence[str], claims: Sequence[str], typed: Collection[str] = ()) -> str:
    """Of a premise's ``terms`` (in the order a prompt prefers them), the first one of
    the angle's ``claims`` names, so the point made under the post is about what the
    post is about: "CHECK, CREST, CBEST: what the letters mean" watches for CBEST
    with the claim about CBEST, not the one about CHECK. A single acronym is watched
    for as the claim writes it, in the plural ("DRLs", not "a post about DRL") or
    after "the" ("the DSUR"), unless the person typed it as a sub-topic (``typed``:
    it stands as they wrote it); a bare term of two or more words takes the article
    its claim gives it (see `with_claim_article`). With no term a claim names, the
    first term that is no typed sub-topic ('' for none)."""
    for term in terms:
        point = next(iter(term_claims(claims, term)), "")
        if not point:
            continue
        acronym = re.fullmatch(r"[A-Z][A-Za-z0-9]*[A-Z0-9]", term) and term not in typed
        if acronym and re.search(rf"(?<![\w-]){re.escape(term)}s(?![\w-])", point):
            return f"{term}s"
        if acronym and re.search(rf"\bthe {re.escape(term)}(?![\w-])", point, re.IGNORECASE):
            return ARTICLE + term  # "The DSUR covers…": a post about the DSUR
        return with_claim_article(term, point)
    # A typed sub-topic the premise only brushes against ("than a report did" for
    # "reporting") and no claim names would put a point under the wrong post.
    return next((t for t in terms if t not in typed), "")


def opens_with(point: str, term: str) -> bool:
    """Whether a point opens with its term (after an article), so a prompt that names
    the term before the colon would say it twice."""
    words = bare_term(term).strip('“”"').split()
    opening = re.sub(r"^(the|an?)\s+", "", point.strip(), flags=re.IGNORECASE).split()
    return bool(words) and names_term(" ".join(opening[: len(words)]), term)


def term_claims(claims: Sequence[str], term: str) -> list[str]:
    """The claims that name ``term``, those that do not open with it first: the
    prompt names the term already ("Under a post about CTDIvol: the displayed value
    is…", not "…: CTDIvol describes…")."""
    found = [c for c in claims if term and names_term(c, term)]
    return sorted(found, key=lambda c: opens_with(c, term))


def with_claim_article(term: str, point: str) -> str:
    """A bare countable term of two or more words with the article its claim gives
    it ("The discount rate decides…": a post about the discount rate, never "about
    discount rate"); a plural, a mass noun or a name stays as it is."""
    words = term.split()
    if len(words) < 2 or not term.islower() or term.endswith("s") or mass_noun(term):
        return term
    found = re.search(rf"\b(the|a|an) {re.escape(term)}(?![\w-])", point, re.IGNORECASE)
    if not found:
        return term
    return ARTICLE + term if found.group(1).lower() == "the" else indefinite(term)


def comment_point(angle: Material, term: str = "", others: Collection[str] | None = None) -> str:
    """The point a comment prompt on this angle makes ('' when it states none): the
    first claim that names the ``term`` it watches for, so a prompt on CBEST says
    something of CBEST, else the angle's first claim. A point that opens with the
    term as a label ("Immediately Dangerous: a danger to life…") keeps what follows
    the label: the frame names the term already. Where every claim on the term opens
    with it ("Under a post about trunk-based development: trunk-based development
    is…"), another claim of the angle makes the point, one that names none of
    ``others`` (the premise's other terms, the field's other concepts; None keeps
    the claim on the term), so it is about what the post is about and the term is
    said once."""
    claims = claim_lines(angle)
    point = next(iter(term_claims(claims, term)), "")
    point = point or next(iter(claims), "")
    head, colon, rest = point.partition(":")
    if colon and term and term_key(head) == term_key(term) and len(rest.split()) >= 4:
        return rest.strip()
    if term and others is not None and opens_with(point, term):
        elsewhere = (
            c
            for c in claims
            if not names_term(c, term)
            and not any(names_term(c, o) for o in others)
            and not LEANS_BACK.search(c)
        )
        return next(elsewhere, point)
    return point


# A pronoun that may point back at the premise or at a line before ("one UPC action can
# revoke it across all of them"): a claim with one never stands in for the premise's.
LEANS_BACK = re.compile(r"(it|its|them|they|their|these|those|this|both|either|the same)", re.I)
# A name in a premise (an acronym, a body): "CHECK, CREST, CBEST" names CREST even where
# the field's concepts do not list it.
NAME = re.compile(r"(?<![\w-])[A-Z][\w/&-]*[A-Z0-9][\w/&-]*")


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> frozenset[str]:
    """The words of more than three letters in a text (worked out once per text)."""
    return frozenset(w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3)


def watch_terms(ideas: Sequence[PostIdea], ctx: IdeaContext) -> list[str]:
    """What a week's comments watch for, as they read after "posts that mention": a
    comment prompt's own term, then what the posts are about, phrased as their ideas
    write it ("the Boiler Upgrade Scheme", "the delegation log"); never a word of the
    field's own name ("policy" for a policy manager) nor one plain word with no
    article ("caseload"), nor another country's term (``ctx.abroad``). A typed
    sub-topic stands as typed."""
    typed = {topic_phrase(t, ctx.library) for t in ctx.topics}
    abroad = {term_key(c) for c in ctx.abroad}
    terms = []
    for idea in ideas:
        topic = idea.topic
        if term_key(topic) in abroad and topic not in typed:
            continue  # another country's term: "zoning ordinance" for a UK planner
        if idea.format_slug == COMMENT or not topic or topic in typed:
            terms.append(topic)
            continue
        if topic.startswith((ARTICLE, "“")) or not worth_watching(topic, ctx.own_words):
            continue
        phrase = term_phrase(topic, " ".join((idea.hook, *idea.outline)))
        if not reads_bare(phrase):
            terms.append(phrase)
    return list(dict.fromkeys(t for t in terms if t))


def rank_angles(angles: Sequence[Material], topics: Sequence[str]) -> list[Material]:
    """Angles that touch the person's sub-topics first, then the library's order."""
    wanted = _words(" ".join(topics))

    def score(pair: tuple[int, Material]) -> tuple[int, int]:
        index, angle = pair
        return -len(_words(" ".join((angle.premise, *angle.points))) & wanted), index

    return [angle for _, angle in sorted(enumerate(angles), key=score)]


def eligible_formats(library: Library, rung: int, channels: Sequence[str]) -> list[PostFormat]:
    """Formats that suit the comfort rung, those on the person's channels first."""
    fitting = [f for f in library.formats if f.rung <= rung]
    on_channel = [f for f in fitting if set(f.channels) & set(channels)]
    return on_channel or fitting or list(library.formats[:1])


def stretch_formats(library: Library, rung: int, channels: Sequence[str]) -> list[PostFormat]:
    """The next rung's formats: the step up suggested once the easy ones feel easy."""
    upper = [f for f in library.formats if f.rung == rung + 1 and f.effort <= rung + 1]
    return [f for f in upper if set(f.channels) & set(channels)] or upper


def pick_channel(fmt: PostFormat, ctx: IdeaContext) -> str:
    """The person's channel this idea goes to: one that suits the format, the least used."""
    chosen = [c for c in ctx.channels if c in CHANNEL_TIPS]
    if not chosen:
        return fmt.channels[0] if fmt.channels else ""
    fitting = [c for c in chosen if c in fmt.channels] or chosen
    if fmt.slug == COMMENT:
        # A comment goes under someone's post: a social feed before a code host.
        fitting = [c for c in fitting if c != "github"] or fitting
    if fmt.slug == TALK:
        # A talk is given at an event (or recorded, or inside the company), never a blog post.
        return next((c for c in ("events", "video", "internal") if c in chosen), "events")
    if fmt.long_form:
        fitting = [c for c in fitting if c in ("blog", "newsletter", "events", "video")] or fitting
    elif ctx.post_minutes:
        # A short post does not become a blog post a person's week has no time for.
        cost = {c: idea_minutes(fmt.slug, fmt.minutes, c) for c in fitting}
        within = [c for c in fitting if cost[c] <= 2 * ctx.post_minutes]
        fitting = within or [c for c in fitting if cost[c] == min(cost.values())]
    return min(fitting, key=lambda c: (ctx.channel_use[c], chosen.index(c)))


@dataclass(frozen=True)
class AngleFit:
    """Whether a format fits one angle for one person: the test every format choice
    (`choose_format`, `step_up_format`) asks, in three parts a choice can weigh in
    turn. ``voiced``: the person may post it (no "you" in a first-person post's title,
    "Today I learned" only from a learner); ``reads``: its label also reads right in
    front of the premise (see `shape_fits`); ``suits``: the tone and the week's time
    allow it."""

    premise: str
    shape: str
    addresses: bool
    ctx: IdeaContext

    def voiced(self, fmt: PostFormat) -> bool:
        """The person can post this format about this premise in their own voice."""
        if self.addresses and fmt.first_person:
            return False
        return fmt.slug != TIL or self.ctx.learner

    def reads(self, fmt: PostFormat) -> bool:
        """``voiced``, and the format's label reads right in front of the premise."""
        return self.voiced(fmt) and shape_fits(fmt, self.shape, self.premise)

    def toned(self, fmt: PostFormat) -> bool:
        """The label suits the person's tone ("Today I learned" is no serious writer's)."""
        return fits_tone(fmt.name, self.ctx.tone)

    def timed(self, fmt: PostFormat) -> bool:
        """The person's week has time for it (at most two weeks of their post minutes)."""
        return not self.ctx.post_minutes or fmt.minutes <= 2 * self.ctx.post_minutes

    def fits(self, fmt: PostFormat) -> bool:
        """Every part: voiced, reads right, in tone and in time."""
        return self.reads(fmt) and self.toned(fmt) and self.timed(fmt)


def angle_fit(angle: Material, ctx: IdeaContext) -> AngleFit:
    """The fit test for ``angle``'s premise and the person in ``ctx``."""
    premise = angle.premise.strip()
    return AngleFit(premise, premise_shape(premise), says_you(angle.premise), ctx)


def step_up_format(
    angle: Material, ctx: IdeaContext, formats: Mapping[str, PostFormat], most: int
) -> PostFormat | None:
    """A format above the person's rung, at most ``most``, that fits the angle's
    kinds and (`AngleFit`) its premise, the person, the tone and the week's time:
    a theme's step up."""
    fit = angle_fit(angle, ctx)
    for kind in angle.kinds:
        for slug in KIND_FORMATS.get(kind, ()):
            fmt = formats.get(slug)
            if (
                fmt is not None
                and ctx.rung < fmt.rung <= most
                and fmt.effort <= ctx.rung + 2
                and fit.fits(fmt)
            ):
                return fmt
    return None


def choose_format(
    angle: Material,
    ctx: IdeaContext,
    used: Counter[str],
    rung: int,
) -> PostFormat | None:
    """The format that fits the angle's kinds, its premise's shape and the rung.

    A premise that names a list ("Five questions I ask before…") is a
    checklist, one that says how ("How we…") a how-to, whatever else its
    angle suits; a label that would not read right in front of the premise
    ("Today I learned" before a practice, a contrarian take on a how-to,
    "Myth vs fact" before no myth) is never chosen, nor one the person would
    not post ("Today I learned" from someone who leads the work; see
    `AngleFit`). Among the fitting formats, one that reaches a chosen
    channel nothing has used yet goes first, so every channel gets ideas.
    """
    formats = ctx.formats
    fit = angle_fit(angle, ctx)
    shape = fit.shape
    candidates: list[PostFormat] = []
    kind_at: dict[str, int] = {}  # format -> the position of the first kind it serves
    kinds = list(angle.kinds)
    if shape in kinds:
        kinds.remove(shape)
        kinds.insert(0, shape)  # the premise says what it is: that kind leads
    for position, kind in enumerate(kinds):
        for slug in KIND_FORMATS.get(kind, ()):
            fmt = formats.get(slug)
            if fmt and fmt.rung <= rung and fit.voiced(fmt):
                candidates.append(fmt)
                kind_at.setdefault(slug, position)
    if not candidates:
        for kind in kinds:
            fmt = formats.get(EASY_FORMATS.get(kind, RESHARE))
            if fmt and fmt.rung <= rung and fit.voiced(fmt):
                candidates.append(fmt)
    # Where no label reads right, one that promises nothing the premise lacks.
    candidates = [f for f in candidates if fit.reads(f)] or [
        f for f in candidates if f.slug not in PROMISING
    ]
    # A serious or matter-of-fact writer gets no "Today I learned" label.
    candidates = [f for f in candidates if fit.toned(f)] or candidates
    if ctx.post_minutes:
        # A format the person's week has no time for gives way to the angle's easy form.
        def affordable(found: Sequence[PostFormat | None]) -> list[PostFormat]:
            return [
                f
                for f in found
                if f is not None and fit.timed(f) and f.rung <= rung and fit.reads(f)
            ]

        easy = [formats.get(EASY_FORMATS.get(kind, RESHARE)) for kind in kinds]
        candidates = affordable(candidates) or affordable(easy) or candidates
    reshare = formats.get(RESHARE)
    if not candidates and reshare and reshare.rung <= rung and fit.reads(reshare):
        candidates.append(reshare)  # a take on someone else's piece fits a plain position
    if not candidates:
        return None
    for slug, says_so in (
        (POLL, shape == "question"),
        (MYTH_FORMAT, shape == "myth"),
    ):
        named = [f for f in candidates if f.slug == slug]
        if named and says_so:
            return named[0]
    chosen = set(ctx.channels)
    starved = {c for c in chosen if c in CHANNEL_TIPS and not ctx.channel_use[c]}
    heavy = rung >= 4

    def order(fmt: PostFormat) -> tuple[int, int, int, int, int]:
        # The angle's first kind leads, unless its format is already used twice in the
        # theme; off the person's channels counts against; heavier at the top rungs.
        off_channel = 0 if not chosen or set(fmt.channels) & chosen else 1
        weight = -fmt.effort if heavy else fmt.effort
        overused = min(used[fmt.slug], 2) // 2
        unused = 0 if set(fmt.channels) & starved and fmt.slug != COMMENT else 1
        return (
            overused + off_channel,
            unused,
            kind_at.get(fmt.slug, 0),
            weight,
            candidates.index(fmt),
        )

    return min(dict.fromkeys(candidates), key=order)


def comment_hook(term: str, point: str, frame: int = 0) -> str:
    """A comment prompt: the ``frame``-th place to find a post on ``term`` (wrapping
    round), then the ``point`` to make under it, as it reads after a colon."""
    return COMMENT_FRAMES[frame % len(COMMENT_FRAMES)].format(term=term, point=point)


@functools.lru_cache(maxsize=1)
def _comment_patterns() -> tuple[re.Pattern[str], ...]:
    patterns = []
    for frame in COMMENT_FRAMES:
        text = re.escape(frame).replace(re.escape("{term}"), "(?P<term>.+?)")
        text = text.replace(re.escape("{point}"), "(?P<point>.+)")
        patterns.append(re.compile(text, re.DOTALL))
    return tuple(patterns)


def comment_parts(hook: str) -> tuple[int, str, str] | None:
    """Which of `COMMENT_FRAMES` a comment prompt is built on, the term it watches for
    and the point it makes (None for a line that is no comment prompt)."""
    for number, pattern in enumerate(_comment_patterns()):
        found = pattern.fullmatch(hook)
        if found:
            return number, found.group("term"), found.group("point")
    return None


def comment_frame(hook: str) -> tuple[int, str] | None:
    """Which of `COMMENT_FRAMES` a comment prompt is built on, and the term it watches
    for (None for a line that is no comment prompt)."""
    parts = comment_parts(hook)
    return None if parts is None else parts[:2]


def shape_title(angle: Material, fmt: PostFormat, subject: str) -> str:
    """The working title: the premise, shaped for the formats that need it.

    A comment prompt is what to add under someone else's post, short, with
    no post title in it (the premise goes into its outline as the point to
    make); a re-share's take is the premise only when it reads as one line.
    """
    premise = capitalise(angle.premise.strip().rstrip("."))
    if fmt.slug == COMMENT:
        point = comment_point(angle)
        return comment_hook(subject, in_a_title(said_after_colon(point))) if point else premise
    if fmt.slug == RESHARE:
        on = f" on {subject}" if subject else ""
        return f"Re-share a good piece{on}, with your one-line take: {premise}"
    if fmt.slug == TALK:
        return premise if ":" in premise else f"Talk abstract: {premise}"
    return premise


# Other ways to close each format, after its own closing step (formats.toml): so
# that a plan does not end post after post with the same line. Some ask a question
# about the post's own point, some end without a question. Formats whose close
# keeps people safe (a story's, a case study's) keep their one line.
CLOSES: dict[str, tuple[str, ...]] = {
    "field-observation": (
        "Ask peers where your point does not hold for them",
        "End on what you will do differently because of it; no question needed",
        "Ask the one question that would test your point: where would it not hold?",
        "Close with the line you would want someone new to the work to remember",
        "End with the fact itself, plainly, and let people add their own",
        "Ask who has seen it go the other way, and what they changed",
        "End on the detail that convinced you; no question needed",
    ),
    "question-or-poll": (
        "Answer it yourself in the first comment, so people have something to push against",
        "Offer three answers to pick from, plus “something else”",
        "Say when you will share what you heard, and then do it",
        "Thank the first people who answer, and ask one of them a follow-up",
    ),
    "how-to": (
        "Name the step people get wrong first",
        "End with the one thing to try this week",
        "Say what learning this cost you, in time or in rework",
    ),
    "checklist": (
        "Say which item you added last, and why",
        "End by asking what peers would add to the list",
        "Say which item matters most when time is short",
    ),
    "myth-vs-fact": (
        "Give the source that settles it, and what to do instead",
        "End with what to say when someone repeats the myth",
    ),
    "today-i-learned": (
        "Say what you believed before, and what changed",
        "Link the source, and name one place it applies in your work",
    ),
    "trend-take": (
        "Say it is your own view, and give the best argument against it",
        "Say it is your own view, and what evidence would change it",
    ),
    "reshare-with-take": (
        "Credit the author by name, and say where you would push back",
        "Credit the author by name, and say who should read it",
    ),
    "thoughtful-comment": (
        "Add one example from your own work; no link to your own content",
        "Agree or disagree with one specific point, and say why",
        "Keep it to two or three sentences, and end with a question for the author",
    ),
    "long-form-article": (
        "Close with what you would do first on Monday",
        "Close with the question you are still working on",
    ),
}

# Formats whose post ends on the angle's own last key point: a stock close after it
# ("Ask whether others have seen the same", "Name the step people get wrong first")
# said the same thing in every field and took the place of a point of substance.
# Formats whose close does a job of its own (a poll's answer, a myth's fair reading,
# a take's "my own view", a story's fence) keep it.
OWN_CLOSE = frozenset({"field-observation", "checklist", "how-to"})
# Closes about the writer's own change of mind: they fit a post on what the writer saw,
# not one that tells or explains to others how a thing works (see `advises`).
SELF_CLOSES = frozenset(
    {
        "End on what you will do differently because of it; no question needed",
        "End on the detail that convinced you; no question needed",
    }
)
# What such a post closes on instead: what its readers do with it.
ADVICE_CLOSES: tuple[str, ...] = (
    "End on the one thing a reader should do first; no question needed",
    "End on where readers can check it for themselves; no question needed",
)
FILLER_CLOSES = frozenset({"Ask whether others have seen the same"})
# A guarded person's comment closes (see `IdeaContext.guarded`): no example of their own.
GUARDED_CLOSES: dict[str, str] = {
    "Add one example from your own work; no link to your own content": (
        "Add what the published guidance says, or a public example; nothing from a live "
        "case or your own workplace"
    ),
    "Stay with your own experience, and end with a question or a thank-you, not a pitch": (
        "Stay with published guidance or a public report, and end with a question or a "
        "thank-you, not a pitch"
    ),
}
ADVICE_KINDS = frozenset({"how-to", "checklist", "explainer", "myth"})
ADVICE_PREMISE = re.compile(
    r"^(how to|what (an? |the )?[\w\s-]+ (is|are) for\b)|\b(guide to|explained)\b", re.IGNORECASE
)


def advises(angle: Material) -> bool:
    """Whether the angle is advice or an explainer for others (its leading kind, or a
    premise shaped "How to…", "What X is for…", "a guide to…", "…explained"), not
    what the writer saw."""
    shape = premise_shape(angle.premise)
    lead = shape or (angle.kinds[0] if angle.kinds else "")
    if lead in ("opinion", "story", "question"):
        return False
    return lead in ADVICE_KINDS or bool(ADVICE_PREMISE.search(angle.premise.strip()))


# What an angle is about, for a field and a person's sub-topics (see `_Builder.subjects`).
_SUBJECTS: Recent[tuple, tuple[str, ...]] = Recent(8192)
_TRIGGERS: Recent[tuple, tuple[str, ...]] = Recent(8192)


class _Builder:
    """Builds one theme's ideas, keeping its titles and angles unique."""

    def __init__(self, theme: object, ctx: IdeaContext, *, company_theme: bool) -> None:
        self.ctx = ctx
        self.title = str(getattr(theme, "title", ""))
        self.summary = str(getattr(theme, "summary", "") or "")
        self.key = str(getattr(theme, "key", "") or "")
        self.identity = theme_identity(self.key, self.title)
        self.company_theme = company_theme
        # Keyed by the theme alone: colleagues with the same theme get the same
        # ideas, and the calendar turns them by seed (see calendar.rotate_posts).
        self.rng = random.Random(self.identity)
        self.ideas: list[PostIdea] = []
        self.used: Counter[str] = Counter()
        self.angles: tuple[object, ...] = tuple(getattr(theme, "angles", ()) or ())
        self.triggers: set[str] = set()  # the terms this theme's comment prompts watch for

    def subjects(self, angle: Material) -> list[str]:
        """Noun phrases for what the angle is about: its concepts, then near sub-topics
        (worked out once per angle, field and sub-topics in a process: every build of
        a person's plan asks again)."""
        ctx = self.ctx
        key = (
            angle.premise,
            tuple(angle.points),
            ctx.home_concepts,
            tuple(ctx.topics),
            ctx.expertise,
            id(ctx.library),
        )
        found = _SUBJECTS.get(key)
        if found is None:
            found = tuple(self._find_subjects(angle))
            _SUBJECTS.put(key, found)
        return list(found)

    def _find_subjects(self, angle: Material) -> list[str]:
        text = " ".join((angle.premise, *angle.points))
        home = self.ctx.home_concepts
        first = concept_in(angle.premise, home) or concept_in(text, home)
        found = sorted((c for c in home if concept_in(text, (c,))), key=len, reverse=True)
        near = [
            topic_phrase(t, self.ctx.library) for t in self.ctx.topics if _words(t) & _words(text)
        ]
        if not (first or near):
            near = [topic_phrase(t, self.ctx.library) for t in self.ctx.topics[:1]]
        found_all = [first, *found, *near] if first else [*near, *found]
        return list(dict.fromkeys(s for s in found_all if s)) or [self.ctx.expertise]

    def names(self, angle: Material, subject: str) -> bool:
        """Whether the angle itself names ``subject`` (not a sub-topic put in for want of one)."""
        return mentions(" ".join((angle.premise, *angle.points)), subject)

    def subject(self, angle: Material) -> str:
        """A noun phrase for what the angle is about: a concept, else a sub-topic."""
        return self.subjects(angle)[0]

    def comment_triggers(self, angle: Material) -> list[str]:
        """The terms a comment prompt on this angle can watch for: what its premise
        itself names (a concept of the field worth watching for, else a typed sub-topic),
        phrased to follow "a post about" (see `triggers`). Worked out once per premise,
        field and sub-topics in a process: a build asks it several times of each
        angle, and every rebuild of the plan asks again."""
        ctx = self.ctx
        key = (angle.premise, ctx.home_concepts, tuple(ctx.topics), ctx.own_words, id(ctx.library))
        found = _TRIGGERS.get(key)
        if found is None:
            found = tuple(
                premise_terms(
                    angle.premise, ctx.home_concepts, ctx.topics, ctx.library, ctx.own_words
                )
            )
            _TRIGGERS.put(key, found)
        return list(found)

    def takes_line(self, angle: Material) -> bool:
        """Whether the angle's premise is a one-line claim that can follow "with your
        one-line take:" (a template's premise is a post's title, never a take)."""
        return not self.key.startswith("template:") and one_line_claim(angle.premise)

    def reshare_title(self, angle: Material) -> str:
        """A re-share's working title: the premise as the take when it is a one-line
        claim, else a clear explainer on what the premise names, with the person's line."""
        terms = self.comment_triggers(angle)
        on = terms[0] if terms else ""
        if self.takes_line(angle):
            premise = capitalise(angle.premise.strip().rstrip("."))
            where = f" on {on}" if on else ""
            return f"Re-share a good piece{where}, with your one-line take: {premise}"
        on = on or self.subject(angle)
        return f"{EXPLAINER_RESHARE} {on}, {reshare_line(self.ctx.audience)}"

    def comment_trigger(self, angle: Material, taken: Collection[str] = ()) -> str:
        """The angle's own term for a comment prompt: of those no other prompt of the
        plan watches for, the first one of its claims names (see `comment_term`; ''
        when its premise names none that is free)."""
        used = {term_key(t) for t in (*self.triggers, *taken)} | self.ctx.watched
        free = [t for t in self.comment_triggers(angle) if term_key(t) not in used]
        typed = {topic_phrase(t, self.ctx.library) for t in self.ctx.topics}
        return comment_term(free, claim_lines(angle), typed)

    def comment_prompt(self, angle: Material, term: str) -> str:
        """A comment prompt on ``term`` in the sentence frame the plan has used least so
        far (the first among equals), making the angle's own point."""
        # Another claim in place of one that opens with the term names no other term
        # of the premise nor of the field: it is about what the post is about.
        others = [*self.comment_triggers(angle), *self.ctx.concepts, *NAME.findall(angle.premise)]
        others = [o for o in others if term_key(o) != term_key(term) and not names_term(term, o)]
        point = said_after_colon(comment_point(angle, term, others), self.ctx.concepts)
        if opens_with(point, term):
            point = said_once(point, term)  # no other claim to make: say the term once
        return comment_hook(term, in_a_title(point), self.least_used_frame(term))

    def least_used_frame(self, term: str) -> int:
        """The sentence frame the plan has used least so far (the first among equals)
        that reads right before ``term``."""
        shapes = self.ctx.comment_shapes
        first = (term.split() or [""])[0].lower()
        # No frame whose last word the term repeats ("a thread on on-the-job training").
        frames = [
            n
            for n in range(len(COMMENT_FRAMES))
            if COMMENT_FRAMES[n].split("{term}")[0].split()[-1].lower() != first.split("-")[0]
        ]
        return min(frames, key=lambda n: (shapes[f"frame:{n}"], n))

    def comment_outline(self, angle: Material, hook: str) -> list[str]:
        """What a comment adds after its point: another claim of the angle to back it
        (never the point again), then how to say it under someone else's post."""
        parts = comment_parts(hook)
        said = question_words(parts[2]) if parts else ""
        backing = [c for c in claim_lines(angle) if question_words(c) != said]
        if not backing:
            return []
        turn = sum(self.ctx.comment_shapes[f"frame:{n}"] for n in range(len(COMMENT_FRAMES)))
        lead = BACKING[turn % len(BACKING)]
        return [f"{lead}: {in_a_title(said_after_colon(backing[0], self.ctx.concepts))}"]

    def count_comment(self, hook: str, term: str) -> None:
        """Note a comment prompt the plan now has: its frame and its term."""
        found = comment_frame(hook)
        if found is not None:
            self.ctx.comment_shapes[f"frame:{found[0]}"] += 1
        self.ctx.watched.add(term_key(term))

    def fresh_prompt(self, fmt: PostFormat, subject: str, avoid: Sequence[str] = ()) -> str:
        """A "make it yours" no idea of the plan has yet (nor any line in ``avoid``): for
        a post, a question about its own point, the format's prompts, then spare ones;
        for a poll, the format's prompts, then the questions a poll asks its writer."""
        said = self.ctx.said + Counter(question_words(line) for line in avoid)
        readers = audience_for_you(self.ctx.audience)
        own = [fill(p, topic=subject, audience=readers) for p in fmt.make_it_yours]
        if fmt.slug == "question-or-poll":
            options = [*own, *(p.format(subject=subject) for p in QUESTION_PROMPTS)]
        else:
            options = [FOLLOW_UP_ASK, *own, *SPARE_PROMPTS]
        options = [self.own_prompt(p) for p in options]
        return next((p for p in options if not repeats(p, said)), options[-1])

    def own_prompt(self, prompt: str) -> str:
        """``prompt`` as a question only the person can answer (see `asks.own_ask`):
        where it is the readers' question, the field's own question the plan has
        asked least so far takes its place."""
        if own_ask(prompt, self.ctx.cases, self.ctx.guarded) == " ".join(prompt.split()):
            return prompt
        asks = own_asks(self.ctx.cases, self.ctx.guarded)
        turn = min(range(len(asks)), key=lambda n: (self.ctx.said[question_words(asks[n])], n))
        return own_ask(prompt, self.ctx.cases, self.ctx.guarded, turn)

    def reprompt(self, number: int, avoid: Sequence[str]) -> None:
        """Give the theme's ``number``-th idea a new "make it yours", now that a poll puts
        its old one to peers (``avoid``: the poll's question and its own prompt)."""
        idea = self.ideas[number]
        fmt = self.ctx.formats.get(idea.format_slug)
        fresh = self.fresh_prompt(fmt, idea.topic, avoid) if fmt is not None else FOLLOW_UP_ASK
        fresh = self.own_prompt(self.within_fence(fresh, idea.topic))
        self.ctx.said -= Counter([question_words(idea.make_it_yours)])
        self.ctx.said[question_words(fresh)] += 1
        self.ideas[number] = replace(idea, make_it_yours=fresh)

    def about(self, angle: Material, subject: str) -> str:
        """The subject as it reads after "about" in a prompt, when the angle itself
        names it ("the retention schedule"); '' when it does not, or reads bare."""
        if not self.names(angle, subject):
            return ""
        phrase = term_phrase(subject, " ".join((angle.premise, *angle.points)))
        return "" if reads_bare(phrase) else phrase

    def within_fence(self, prompt: str, subject: str) -> str:
        """The prompt as this person may be asked it: a guarded person is never asked
        for their employer's own systems, suppliers, controls or failures (see `fences`)."""
        if not self.ctx.guarded:
            return prompt
        fenced = fenced_ask(prompt, subject, lambda p: repeats(p, self.ctx.said), self.ctx.fenced)
        if fenced != prompt:
            self.ctx.fenced += 1
        return fenced

    def closing_line(self, fmt: PostFormat, angle: Material | None = None) -> str:
        """The format's closing step: of the ways to close it, the one this person's
        plan has used least so far (a question about the post's own point, or none).
        A post that advises or explains to others closes on what readers do with it,
        never on what the writer will do differently (see `advises`)."""
        options = [*fmt.angle_steps[:1], *CLOSES[fmt.slug]]
        if angle is not None and SELF_CLOSES & set(options) and advises(angle):
            options = [o for o in options if o not in SELF_CLOSES] + list(ADVICE_CLOSES)
        if self.ctx.guarded:
            options = [GUARDED_CLOSES.get(o, o) for o in options]
        if len(options) > 1 and options[0] in FILLER_CLOSES and self.ctx.closes[options[0]]:
            # A stock close that says nothing of the post's point is filler when it
            # repeats: once in a plan at most.
            options = options[1:]
        chosen = min(options, key=lambda option: (self.ctx.closes[option], options.index(option)))
        self.ctx.closes[chosen] += 1
        return chosen

    def add(
        self,
        angle: Material,
        fmt: PostFormat,
        *,
        variant: str = "",
        title: str | None = None,
        outline: Sequence[str] | None = None,
        disclosure: bool = False,
        stretch: bool = False,
        close: bool = True,
        lend: bool = False,
    ) -> PostIdea | None:
        """Add one idea unless its title is already in the plan (``close``: end with the
        format's own closing steps; ``lend``: a poll may put to peers the question an
        idea of this theme asks its writer, and that idea gets another prompt)."""
        subject = self.subject(angle)
        # A re-share's piece is "on" what the angle names; a sub-topic the angle does not
        # name would promise one piece and take another ("on disclosure: why I post…").
        named = subject if fmt.slug != RESHARE or self.names(angle, subject) else ""
        hook = title or shape_title(angle, fmt, named)
        if fmt.slug == RESHARE and title is None:
            hook = self.reshare_title(angle)
            subject = next(iter(self.comment_triggers(angle)), subject)
        trigger = ""
        if fmt.slug == COMMENT and title is None:
            # The prompt watches for what the angle's own premise names, and no two
            # prompts of a theme for the same term (nor one the plan already has).
            trigger = self.comment_trigger(angle)
            if not trigger and angle.premise:
                return None  # a prompt on a term its point never names would drift
            if not comment_point(angle):
                return None  # nothing of the field's own to say under the post
            if trigger:
                subject, hook = trigger, self.comment_prompt(angle, trigger)
        hook, place = region_free(hook)
        if hook.lower() in self.ctx.taken or not fits_tone(hook, self.ctx.tone):
            return None
        kept_out: list[str] = []
        if outline is not None:
            steps = list(outline)
        elif fmt.slug == COMMENT and angle.premise:
            steps = self.comment_outline(angle, hook)
        elif fmt.slug in NO_POINTS:
            steps = []  # a one-line take carries no key points
        else:
            # A fence among the angle's points goes beside them, with the sector's.
            split = [split_fence(angle.premise, p) for p in angle.points]
            steps = [said for said, _ in split if said]
            kept_out = [out for _, out in split if out]
            hook, more = match_count(hook, len(steps))
            steps += more
        if fmt.slug == COMMENT and angle.premise:
            # The angle's own fence ("no customer, contract or deal named") holds
            # under someone else's post as much as in a post of one's own (where a
            # premise about what the writer never does makes it the post's point).
            kept_out = [out for _, out in (split_fence("", p) for p in angle.points) if out]
        own_points = outline is None and bool(angle.points) and fmt.slug in OWN_CLOSE
        if not steps and fmt.slug not in NO_POINTS:
            readers = audience_for_you(self.ctx.audience)
            steps = [fill(s, topic=subject, audience=readers) for s in fmt.structure]
        elif close and not own_points:
            steps += [s for s in fmt.angle_steps if s not in steps]
        if fmt.slug in CLOSES:
            # The format's close, varied through the plan (see `closing_line`).
            stock = set(fmt.angle_steps)
            steps = [self.closing_line(fmt, angle) if s in stock else s for s in steps]
        if fmt.slug == TALK:
            # The plan asks for the abstract; the talk itself waits for an event's yes.
            steps += [s for s in talk_close(self.ctx.moments) if s not in steps]
        if place and place not in HOME_REGIONS.get(self.ctx.country, ()):
            # The region a library premise names goes into the outline, not the title
            # (a reader who lives there needs no note that it holds there).
            steps.insert(
                0, f"Say in the post that this is about {place}: the rules differ elsewhere"
            )
        story = fmt.slug in STORY_FORMATS or (fmt.first_person and "story" in angle.kinds)
        # The angle's own fence goes with every post built from it, whatever its format.
        own_fence = [angle.fence] if angle.fence and angle.fence not in kept_out else []
        cautions = [*own_fence, *kept_out, *(s for s in steps if s in CAUTION_STEPS)]
        # What it is about, or asks for, may be what a fence keeps out, whatever its format.
        touched = touched_fences((hook, angle.premise, angle.ask), self.ctx.sensitive)
        if HIRING_FENCE in steps:
            pass  # a hiring post's own fence is about the people in it
        elif self.ctx.fence and (disclosure or fmt.touches_employer or story):
            cautions.append(self.ctx.fence)
            cautions += [t for t in touched if t not in self.ctx.fence]
        elif touched:
            cautions += touched
        elif story:
            cautions.append(FENCE_DEFAULT)
        if story and self.ctx.guarded and HIRING_FENCE not in steps:
            cautions.append(self.ctx.lesson or LESSON_CAUTION)
        # A fence is what the post keeps out, not a point to make in it.
        steps = [s for s in steps if s not in cautions]
        if self.ctx.guarded:
            steps = [FENCED_STEPS.get(s, s) for s in steps]
        channel = pick_channel(fmt, self.ctx)
        self.ctx.channel_use[channel] += 1
        names = {c.slug: c.name for c in self.ctx.library.channels}
        prompt = angle.ask or (
            fill(
                self.rng.choice(fmt.make_it_yours),
                topic=subject,
                audience=audience_for_you(self.ctx.audience),
            )
            if fmt.make_it_yours
            else "Which moment from your own work would make this yours?"
        )
        poll = fmt.slug == "question-or-poll"
        mine: list[int] = []  # this theme's ideas whose "make it yours" the poll asks
        if poll and title is not None and repeats(hook, self.ctx.said):
            asked = {question_words(hook)}
            mine = [n for n, i in enumerate(self.ideas) if repeats(i.make_it_yours, asked)]
            left = self.ctx.said - Counter(
                question_words(self.ideas[n].make_it_yours) for n in mine
            )
            if repeats(hook, left) or not lend:
                return None  # another idea's title, or a prompt of another theme's idea
        if trigger:
            turn = sum(self.ctx.comment_shapes[f"frame:{n}"] for n in range(len(COMMENT_FRAMES)))
            # Of the field's own asks, one the plan has not said yet where there is one.
            asks = [
                comment_ask(angle.ask, self.ctx.guarded, turn + n, self.ctx.cases, trigger)
                for n in range(len(COMMENT_ASKS_GUARDED if self.ctx.guarded else COMMENT_ASKS))
            ]
            prompt = next((a for a in asks if not repeats(a, self.ctx.said)), asks[0])
        elif fmt.slug == RESHARE and hook.startswith(EXPLAINER_RESHARE):
            # The premise is not in the title: the ask is about the piece's subject.
            short = reshare_line(self.ctx.audience) != RESHARE_OWN_LINE
            readers = audience_for_you(self.ctx.audience) if short else "your readers"
            prompt = f"Which one line about {subject} would you want {readers} to keep?"
        if not trigger:
            prompt = self.own_prompt(prompt)
        if repeats(prompt, self.ctx.polled) or (poll and repeats(prompt, self.ctx.said)):
            # A poll already asks peers this: the writer's own prompt is another one.
            prompt = self.fresh_prompt(fmt, subject)
        if not trigger:  # a comment's ask keeps to the fence already (see `comment_ask`)
            # A fenced ask without its workplace tail is asked of their experience.
            prompt = self.own_prompt(self.within_fence(prompt, self.about(angle, subject)))
        touches = fmt.touches_employer or self.company_theme or disclosure
        format_name = fmt.name
        minutes = idea_minutes(fmt.slug, fmt.minutes, channel)
        if fmt.slug == "field-observation" and told_story(angle) and title is None:
            # A story below the story format's rung is still a story, and takes longer.
            format_name, minutes = SHORT_STORY[0], max(minutes, SHORT_STORY[1])
        elif fmt.slug == "field-observation" and premise_shape(hook) == "myth":
            # So is a myth its title names: never "a short observation" under "Myth:".
            format_name, minutes = SHORT_MYTH[0], max(minutes, SHORT_MYTH[1])
        elif channel in THREAD_CHANNELS and fmt.minutes > minutes:
            format_name = f"{fmt.name}, as a thread"  # a long argument on X is a thread
        idea = PostIdea(
            key=_key(self.identity, angle.slug, variant),
            theme=self.title,
            topic=subject,
            format_slug=fmt.slug,
            format_name=format_name,
            hook=hook,
            outline=tuple(steps),
            make_it_yours=prompt,
            channel=names.get(channel, "Any channel"),
            minutes=minutes,
            effort=fmt.effort,
            disclosure=self.ctx.disclosure if touches else "",
            stretch=stretch,
            theme_key=self.key,
            angle=angle.slug,
            channel_slug=channel,
            # A talk is given at an event, whichever channel announces it; a comment
            # is a habit under other people's posts, with no shaping of its own.
            channel_tip=""
            if fmt.slug == COMMENT
            else CHANNEL_TIPS["events" if fmt.slug == TALK else channel]
            if channel in CHANNEL_TIPS or fmt.slug == TALK
            else "",
            caution=" ".join(c if c.endswith(".") else f"{c}." for c in cautions),
        )
        for n in mine:
            self.reprompt(n, (hook, prompt))  # the poll asks peers that question now
        self.ctx.taken.add(hook.lower())
        self.ctx.said.update(question_words(line) for line in (hook, prompt))
        if poll:
            self.ctx.polled.add(question_words(hook))
        if trigger:
            self.triggers.add(trigger)
            self.count_comment(hook, trigger)
        self.used[fmt.slug] += 1
        self.ideas.append(idea)
        return idea


# A region a library premise ends with, so readers elsewhere know where it holds
# ("… (UK)"): nobody posts a title with it; the outline says it instead.
REGION_TAG = re.compile(
    r"\s*\((UK|US|USA|GB|EU|England|Scotland|Wales|Northern Ireland|England and Wales|"
    r"Great Britain|Ireland|Canada|Australia|India)\)\s*$"
)
# The regions a premise names that are all of a person's country: for them the
# rule holds at home (England alone is not all of a Scottish reader's country).
HOME_REGIONS: dict[str, tuple[str, ...]] = {
    "US": ("the US",),
    "GB": ("the UK", "Great Britain"),
}
REGION_NAMES = {
    "UK": "the UK",
    "US": "the US",
    "USA": "the US",
    "GB": "Great Britain",
    "EU": "the EU",
}


def region_free(title: str) -> tuple[str, str]:
    """A title without the region tag at its end, and the region as a sentence names it
    ("the UK", "England and Wales"; '' when there is none)."""
    found = REGION_TAG.search(title)
    if not found or found.start() == 0:
        return title, ""
    place = found.group(1)
    return title[: found.start()].rstrip(" ,"), REGION_NAMES.get(place, place)


def told_story(angle: Material) -> bool:
    """Whether an angle is a story of the person's own: its first kind says so, or its
    premise tells what we or I did ("How we rebuilt…", "The supplier failure we…")."""
    premise = angle.premise.strip()
    if premise.endswith("?") or premise_shape(premise) == "checklist":
        return False
    return angle.kinds[:1] == ("story",) or bool(STORY_PREMISE.search(premise))


def answered(angle: Material) -> Material:
    """A question people bring to the person, as a post that answers it (with the
    key points built from the question's shape, or the general answer steps)."""
    premise = angle.premise.strip()
    if ":" not in premise:
        # Quoted: their words, so a "you" in them is reported speech, not the writer's.
        premise = f"A question I'm often asked: “{premise}”"
    points = tuple(angle.points) or ANSWER_STEPS
    return Material(angle.slug, premise, points, ("explainer", "how-to"), angle.ask)


# What a comment says under a post on a sub-topic of a field with no material of its
# own (a theme from a typed template, see themes.toml), by the template's slug: a
# note to self that reads after the prompt's colon, and what "make it yours" asks.
COMMENT_NOTES: dict[str, tuple[str, str]] = {
    "basics": (
        "name the step the post leaves out, and what goes wrong without it",
        "Which step of {topic} do outsiders never see, and what does skipping it cost?",
    ),
    "mistakes": (
        "name the mistake you see most often, and the check that catches it early",
        "Which check in {topic} has caught the most mistakes for you?",
    ),
    "day-to-day": (
        "name one decision the post makes look simple, and what you weigh before making it",
        "Which small decision in {topic} takes you longest, and why?",
    ),
    "myths": (
        "say which part of the common view is true, and where it stops being true",
        "Which belief about {topic} did you hold yourself until the work changed your mind?",
    ),
    "tools": (
        "name the tool you trust for the job, and where it stops helping",
        "Which tool for {topic} did you drop, and what made you drop it?",
    ),
    "questions": (
        "name the question people ask you most, and give your short answer",
        "Which question about {topic} do you hear most, and what is your short answer?",
    ),
}


def template_comment(build: _Builder, fmt: PostFormat) -> PostIdea | None:
    """One comment prompt for a theme made from a typed template: on the person's own
    sub-topic, with the template's note of what to say (see `COMMENT_NOTES`), so a
    person whose field has no material still gets comments when their rung asks for
    them; none when another prompt of the plan watches for the sub-topic already."""
    _, slug, topic = (build.key.split(":", 2) + ["", ""])[:3]
    note = COMMENT_NOTES.get(slug)
    if note is None or not topic.strip():
        return None
    term = topic_phrase(topic, build.ctx.library)
    if term_key(term) in build.ctx.watched:
        return None
    hook = comment_hook(term, note[0], build.least_used_frame(term))
    ask = note[1].format(topic=term)
    piece = Material(f"note:{slug}:{_slug(topic)}", "", (), ("opinion",), ask)
    idea = build.add(piece, fmt, title=hook)
    if idea is not None:
        build.count_comment(hook, term)
        idea = build.ideas[-1] = replace(idea, topic=term)
    return idea


def _comment_count(
    rung: int, goals: Sequence[str], angles: int, posts_needed: int, count: int = 0
) -> int:
    """How many of a theme's best angles become comment prompts. Every rung's cadence
    asks for comments each week (a planner at rung 3 is told to comment five times a
    week), so from rung 3 a theme with more angles than the ``count`` of ideas it needs
    gives one to a comment prompt even when the person did not ask to network (at
    rung 5 the talk and the long piece take the spare angles)."""
    wanted = {1: 2, 2: 1}.get(rung, 0) + (1 if "network" in goals else 0)
    if not wanted and rung < 5 and angles > count:
        wanted = 1
    return max(0, min(wanted, angles - min(posts_needed, angles - 1)))


def argument_angle(angles: Sequence[Material]) -> Material | None:
    """The angle that can carry a long piece or a talk: a position or an explanation,
    stated as a claim (not a question, a list or a label with a colon), with points."""

    def claim(angle: Material) -> bool:
        premise = angle.premise.strip()
        return (
            bool(angle.points)
            and ":" not in premise
            and premise_shape(premise) in ("", "opinion")
            and not re.match(r"(why|how|what|when|which|my|our)\b", premise, re.IGNORECASE)
        )

    practice = {"how-to", "checklist", "story"}  # a practice is a how-to, not an argument
    for kinds in ({"opinion"}, {"explainer"}):
        found = next(
            (
                a
                for a in angles
                if kinds & set(a.kinds) and not practice & set(a.kinds) and claim(a)
            ),
            None,
        )
        if found:
            return found
    return next((a for a in angles if "opinion" in a.kinds and claim(a)), None)


def series_fits(angle: Material) -> bool:
    """Whether "What I learned, part N:" reads right before the premise: a lesson or an
    explainer, stated plainly, and not a position ("Why I never…") or a list."""
    premise = angle.premise.strip()
    lesson = angle.kinds[0] in ("explainer", "how-to") if angle.kinds else False
    return (
        lesson
        and premise_shape(premise) in ("", "how-to")
        and ":" not in premise
        and not premise.endswith("?")
        and not says_you(premise)
    )


@dataclass(frozen=True)
class HiringIdea:
    """A post for someone thinking of joining: what the start looks like, what matters."""

    material: Material
    format: str
    title: str
    outline: tuple[str, ...]
    angle: str = ""  # the field guide's angle it is built from ('' for none)


BOTH_HIRING = 3  # a theme that takes both hiring posts
HIRING_FENCE = "Describe the plan, not the people: no colleague or candidate you could name"
HIRING_ADVERT = (
    "If a role is open, link the official job ad and ask people to apply there, not by message"
)
# A theme about the field's people or careers: where hiring posts belong.
PEOPLE_THEME = re.compile(r"(^|-)(career|careers|people|team|teams|hiring|talent)(-|$)")
PEOPLE_TITLE = re.compile(r"\b(career|careers|people|hiring|joining|new hires?)\b", re.I)
# A field guide's theme whose title names careers ("Studio life and careers") is its
# careers theme too, whatever its slug ("people" in a guide's title is its users).
CAREER_TITLE = re.compile(r"\bcareers?\b", re.I)
SKILL_WORDS = re.compile(r"\b(skill|certif|qualif|learn|course|degree|exam|grow)", re.IGNORECASE)


def hiring_ideas(ctx: IdeaContext, which: int, own: Sequence[Material] = ()) -> list[HiringIdea]:
    """The hiring goal's posts: 1 is a newcomer's first months, 2 hiring and the
    route in. Each is the field guide's own angle on it where it has one the plan
    does not say yet (see `hiring.hiring_angles`: a product manager's "What should
    a PM's first 90 days look like?", a hygienist's road to an RDH), taken from the
    angles of the theme the posts sit in (``own``) first. A post the guide has
    nothing left for says what it is about in the field's own name, with no premise
    that the field asks for certifications; where the other post is the field's
    own angle on the route in, it is about the first months instead."""
    if which not in (1, 2, BOTH_HIRING):
        return []
    first, route = planned_hires(ctx, own)
    if which == 1:
        return [_hiring_idea(ctx, 1, first)]
    if which == 2:
        return [_hiring_idea(ctx, 2, route)]
    # The second post, in the field's name, is about what the first does not cover.
    second = 1 if first is not None and not hiring_fits(first.premise, 1) else 2
    return [_hiring_idea(ctx, 1, first), _hiring_idea(ctx, 2, route, second)]


def hiring_pools(
    themes: Sequence[object], host: int, ctx: IdeaContext
) -> tuple[tuple[Material, ...], ...]:
    """Where the hiring posts find their angles, best first: the angles of the theme
    that hosts them (``host``, by position in ``themes``) as it offers them, the
    field's career theme's, the person's other chosen themes', then those of the
    themes they did not choose: the field guide's, never a typed template's. A field
    Byline has no guide for has none."""
    if not ctx.concepts:
        return ()

    def angles(theme: object) -> tuple[Material, ...]:
        if not str(getattr(theme, "key", "") or "").startswith("area:"):
            return ()  # a typed template's angles are its own posts' (see `ideas_for_theme`)
        return tuple(material(a) for a in getattr(theme, "angles", ()) or ())

    own = tuple(rank_angles(angles(themes[host]), ctx.topics)) if 0 <= host < len(themes) else ()
    others = tuple(a for n, t in enumerate(themes) if n != host for a in angles(t))
    return own, tuple(ctx.career), others, tuple(ctx.spare)


def hire_slugs(ctx: IdeaContext) -> set[str]:
    """The slugs of the angles the plan's hiring posts are built from (none
    without the hiring goal): no other post of the plan takes them."""
    if not ctx.hiring_pools:
        return set()
    return {a.slug for a in planned_hires(ctx) if a is not None}


def planned_hires(
    ctx: IdeaContext, own: Sequence[Material] = ()
) -> tuple[Material | None, Material | None]:
    """The angles of the two hiring posts (see `hiring.hiring_angles`): chosen once
    for the plan from ``ctx.hiring_pools`` where the plan set them, so a theme that
    runs before the one hosting the posts already keeps them out of its own posts
    (a hiring angle in another chosen theme is the hiring post, not that theme's
    post and then a stock sentence); else from the host theme's angles (``own``),
    the career theme's and the unchosen themes'."""
    if ctx.hiring_pools:
        if ctx.hires is None:
            ctx.hires = hiring_angles(ctx.hiring_pools, ctx.taken)
        return ctx.hires
    # A field Byline has no guide for (no concepts) has only typed templates to spare.
    pools = (own, ctx.career, ctx.spare) if ctx.concepts else ()
    return hiring_angles(pools, ctx.taken)


def _hiring_idea(
    ctx: IdeaContext, which: int, own: Material | None, subject: int = 0
) -> HiringIdea:
    """Hiring post ``which`` built from the field guide's angle ``own``, else in the
    field's name about ``subject`` (1: the first months, 2: hiring and the route in;
    0: the post's own)."""
    howto = ctx.formats.get("how-to")
    # A how-to the person's week has no time for would never reach the calendar.
    fits_week = howto is not None and (not ctx.post_minutes or howto.minutes <= ctx.post_minutes)
    format_slug = "how-to" if ctx.rung >= 3 and fits_week else "field-observation"
    career = list(ctx.career)
    slug = "hiring:first-90-days" if which == 1 else "hiring:skills"
    subject = subject or which
    named = " ".join(ctx.expertise.split())
    field_name = lower_first(named) if named and named != "your field" else "my field"
    if own is not None:
        title = capitalise(own.premise.strip().rstrip("."))
        if howto is not None and says_you(title):
            format_slug = "how-to"  # a title that speaks to the reader is no first-person post
        steps = list(own.points)
        ask = own.ask or (
            "Which first piece of work do you hand a new hire, and why that one?"
            if which == 1
            else "Which skill do you look for that no job description lists?"
        )
        piece = Material(slug, title, (), own.kinds or ("how-to",), ask)
    elif subject == 1:
        steps = [
            "Week one: who a new hire meets, and what they read first",
            "By day 30: the first piece of work they own from start to finish",
            "By day 90: what good looks like, and how they will know they are there",
        ]
        steps += [a.points[0] for a in career[:1] if a.points]
        steps.append("Say what you wish someone had told you in your own first weeks")
        title = f"A newcomer's first three months in {field_name}: what they do, and who checks it"
        ask = f"Which first piece of work in {field_name} do you hand a new hire, and why that one?"
        piece = Material(slug, title, (), ("how-to",), ask)
    else:
        # Points from a career angle about skills only: another career angle's
        # points are about its own post.
        matching = [a for a in career if SKILL_WORDS.search(a.premise)]
        steps = list(matching[0].points[:2]) if matching else []
        steps += [
            "The skills you look for that no job description lists, and how you spot them",
            "What the work formally requires, if anything (a licence, a registration, a "
            "qualification), and what is only habit",
            "How someone from a neighbouring field can get in",
        ]
        title = f"Getting into {field_name}: what I look for beyond the job description"
        # The career angle's own question is about its own post, not this one.
        ask = f"Which skill do you look for in {field_name} that no job description lists?"
        piece = Material(slug, title, (), ("explainer",), ask)
    steps += [HIRING_ADVERT, HIRING_FENCE]
    return HiringIdea(piece, format_slug, title, tuple(steps), own.slug if own else "")


# A theme about what went wrong: never the home of a post inviting people to join.
TROUBLE_THEME = re.compile(
    r"\b(fail(ure|ures|ed|ing|s)?|incidents?|collapses?|accidents?|mistakes?|breach(es)?|crisis|"
    r"crises|outages?|recalls?|disasters?|near miss(es)?|errors?|post-?mortems?|blame|"
    r"investigations?|lawsuits?|disputes?|complaints?)\b",
    re.IGNORECASE,
)
# Words of a theme about the team, the practice and the craft: the next best home.
PRACTICE_WORDS = re.compile(
    r"\b(teams?|practice|colleagues?|people|skills?|training|mentor\w*|graduates?|culture|"
    r"workplace|craft|judg(e)?ments?|chartere?d?(ship)?|professional|profession)\b",
    re.IGNORECASE,
)


def hiring_plan(themes: Sequence[object], topics: Sequence[str] = ()) -> dict[int, int]:
    """Which themes (by position) take the hiring goal's posts, and which (see
    ``hiring_ideas``): the career or people theme takes both when the plan has one
    (a field guide's theme whose title names careers, first in the plan or not).
    Else the theme that fits best: never one about failures or incidents; of the
    others, one with an angle on the first months or the route in, then the one
    most about the team, the practice or the craft, then the most
    general (about none of the typed ``topics``), then the later (a hiring post
    never opens the plan)."""
    for index, theme in enumerate(themes):
        key = str(getattr(theme, "key", "") or "")
        title = str(getattr(theme, "title", "") or "")
        if PEOPLE_THEME.search(key.rsplit(":", 1)[-1]) or key.startswith("template:working-in"):
            return {index: BOTH_HIRING}
        if key in ("", "own") and PEOPLE_TITLE.search(title):
            return {index: BOTH_HIRING}
    for index, theme in enumerate(themes):
        key = str(getattr(theme, "key", "") or "")
        if key.startswith("area:") and CAREER_TITLE.search(str(getattr(theme, "title", "") or "")):
            return {index: BOTH_HIRING}
    if not themes:
        return {0: BOTH_HIRING}

    def text(theme: object) -> str:
        parts = (getattr(theme, name, "") or "" for name in ("key", "title", "summary"))
        return " ".join(str(p).replace("-", " ") for p in parts)

    def fit(index: int) -> tuple[bool, bool, bool, int, bool, int]:
        about = text(themes[index])
        angles = getattr(themes[index], "angles", ()) or ()
        return (
            not TROUBLE_THEME.search(about),
            index > 0 or len(themes) == 1,
            # A theme with an angle of the field's own on the first months or the
            # route in: the hiring posts take it (see `hiring_ideas`).
            any(hiring_fits(str(getattr(a, "premise", "")), n) for a in angles for n in (1, 2)),
            len(PRACTICE_WORDS.findall(about)),
            not any(mentions(about, topic) for topic in topics),
            index,
        )

    return {max(range(len(themes)), key=fit): BOTH_HIRING}


@functools.lru_cache(maxsize=16384)
def mentions(text: str, topic: str) -> bool:
    """Whether a text names a typed sub-topic: each of its words, plural or not."""
    words = [w for w in re.findall(r"[a-z0-9&]+", topic.lower()) if w not in STOP_WORDS]
    if not words:
        return False
    lowered = text.lower()
    for word in words:
        # "updates" finds "update", "registration" finds "register".
        stem = (
            word[:6] if len(word) > 6 else word[:-1] if len(word) > 4 and word[-1] == "s" else word
        )
        if not re.search(rf"(?<![a-z0-9]){re.escape(stem)}", lowered):
            return False
    return True


STOP_WORDS = {"a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "or", "&"}


def cover_topics(build: _Builder, topics: Sequence[str]) -> None:
    """Every sub-topic handed to this theme appears in one of its ideas: a library angle
    that names it (from a theme the person did not choose), else a typed template."""
    ctx = build.ctx
    for topic in topics:
        if any(mentions(" ".join((i.hook, *i.outline)), topic) for i in build.ideas):
            continue
        hired = hire_slugs(ctx)
        spare = [
            a
            for a in ctx.spare
            if a.slug not in hired and mentions(" ".join((a.premise, *a.points)), topic)
        ]
        done = False
        for found in spare:
            # Marked as the person's sub-topic: the angle comes from a theme they did not choose.
            angle = Material(
                f"topic:{found.slug}", found.premise, found.points, found.kinds, found.ask
            )
            fmt = choose_format(angle, ctx, build.used, ctx.rung)
            if fmt is not None and build.add(angle, fmt):
                done = True
                break
        if done or topic_premise(build, topic) or ask_about(build, topic):
            continue
        pool = [
            f
            for f in eligible_formats(ctx.library, ctx.rung, ctx.channels)
            if f.hooks and f.takes_angles and not f.long_form and f.slug != COMMENT
        ]
        pool = [f for f in pool if fits_tone(f.name, ctx.tone)] or pool
        subject = topic_phrase(topic, ctx.library)
        for fmt in sorted(pool, key=lambda f: (build.used[f.slug], f.effort)):
            hooks = [
                fill(h, topic=subject, audience=ctx.audience)
                for h in fmt.hooks
                if "{topic}" in h and "{theme}" not in h
            ]
            hooks = [stub_free(h) for h in hooks if not (fmt.first_person and says_you(h))]
            piece = Material(f"tpl:{fmt.slug}:{_slug(subject)}", "", (), ("opinion",), "")
            if any(build.add(piece, fmt, variant=h, title=h, outline=None) for h in hooks):
                break


def stub_free(title: str) -> str:
    """A stock opening used as a title, without the colon or full stop that made it
    read as a sentence left for the writer to finish."""
    return title.rstrip(" .:") if title.rstrip().endswith((".", ":")) else title


def topic_premise(build: _Builder, topic: str) -> bool:
    """A sub-topic the field's material does not name takes a premise written for its
    kind ("The one thing about pricing I wish product managers understood", "What
    changed in going concern this year"), each sub-topic a different one."""
    ctx = build.ctx
    premises = [a for a in ctx.topic_premises if mentions(" ".join((a.premise, *a.points)), topic)]
    if reshare_line(ctx.audience) == RESHARE_OWN_LINE:
        # A long audience pasted into a title reads as a form.
        premises = [a for a in premises if ctx.audience.lower() not in a.premise.lower()]
    if not premises:
        return False
    turn = list(ctx.topics).index(topic) % len(premises) if topic in ctx.topics else 0
    premises = premises[turn:] + premises[:turn]
    for found in premises:
        opening = " ".join(found.premise.lower().split()[:3])
        if any(taken.startswith(opening) for taken in ctx.taken):
            continue  # it would open like an idea the plan already has
        angle = Material(f"topic:{found.slug}", found.premise, found.points, found.kinds, found.ask)
        fmt = choose_format(angle, ctx, build.used, ctx.rung)
        if fmt is not None and fmt.slug != COMMENT and build.add(angle, fmt):
            return True
    return False


def ask_about(build: _Builder, topic: str) -> bool:
    """A sub-topic no angle names, put to peers through the nearest angle's question
    ("Commitment discounts: how often do you buy?"), instead of a stock line."""
    ctx = build.ctx
    fmt = ctx.formats.get("question-or-poll")
    if fmt is None or fmt.rung > ctx.rung or build.key.startswith("template:"):
        return False
    angles = [material(a) for a in getattr(build, "angles", ())]
    wanted = _words(topic)
    near = sorted(
        (a for a in angles if network_question(a)),
        key=lambda a: -len(_words(" ".join((a.premise, *a.points))) & wanted),
    )
    subject = topic_phrase(topic, ctx.library)
    # Only the angles about the sub-topic (no sub-topic glued on to another subject);
    # of those, first the ones whose question no idea of the plan asks yet.
    near = [a for a in near if _words(" ".join((a.premise, *a.points))) & (wanted - COMMON_WORDS)]
    near.sort(key=lambda a: repeats(network_question(a), ctx.said))
    for angle in near:
        question = network_question(angle)
        if not mentions(question, topic):
            question = f"{capitalise(subject)}: {lower_first(question)}"
        piece = question_post(build, angle, question, subject)
        steps = question_steps(angle, question)
        if build.add(piece, fmt, variant=question, title=question, outline=steps, lend=True):
            return True
    return False


# What a question put to peers asks of the writer: its own prompt, never the
# question of the post it grew from ("{subject}" is what it is about).
QUESTION_PROMPTS = (
    "Which answer would make you change how you handle {subject}?",
    "What do you expect most people to answer, and why might they be wrong?",
    "Whose answer do you most want to hear: which two or three peers will you tag?",
    "What will you do with the answers: a summary post, a checklist, a talk?",
)


def peer_question(angle: Material, concepts: Sequence[str]) -> str:
    """The angle's question put to peers, naming what it is about: a term the
    question already names, else the term its premise names ("SCCs: which module…").
    A question that names nothing it is about needs the post around it: none."""
    question = network_question(angle)
    if not question:
        return ""
    if concept_in(question, concepts):
        return question
    term = concept_in(angle.premise, concepts)
    if term and not (_words(term) - COMMON_WORDS) & _words(question):
        return f"{capitalise(term)}: {lower_first(question)}"
    premise_words = _words(angle.premise) - COMMON_WORDS
    return question if _words(question) & premise_words else ""


def question_steps(angle: Material, question: str) -> list[str]:
    """A question's own set-up: the claim behind it that the title does not say yet."""
    said = _words(question)
    claims = [p for p in angle.points if not NOT_A_CLAIM.search(p.strip())]
    fresh = [p for p in claims if len(_words(p) - said) >= 2] or claims
    steps = ["Open with what prompted the question, in one line from your own work"]
    if fresh:
        steps.append(f"The fact that makes it worth asking: {capitalise(fresh[0].strip())}")
    return steps


def question_post(build: _Builder, angle: Material, question: str, subject: str = "") -> Material:
    """The material of a question put to peers, with a prompt of its own."""
    subject = subject or build.subject(angle)
    # From a seeded place in the list, the first prompt the plan has not used yet.
    start = build.rng.randrange(len(QUESTION_PROMPTS))
    prompts = [p.format(subject=subject) for p in QUESTION_PROMPTS]
    prompts = prompts[start:] + prompts[:start]
    prompt = next((p for p in prompts if not repeats(p, build.ctx.said)), prompts[0])
    return Material(f"ask:{angle.slug}", question, (), ("question",), prompt)


def nearest_angles(pick: Material, angles: Sequence[Material]) -> list[Material]:
    """The theme's other angles with key points, nearest ``pick`` first: those whose
    premise shares words with its premise, then with its points (a talk on access
    requests is supported by another point on them, not by the breach clock); the
    theme's order among equals."""
    head = _words(pick.premise) - COMMON_WORDS
    body = _words(" ".join((pick.premise, *pick.points))) - COMMON_WORDS
    others = [a for a in angles if a is not pick and a.points]

    def nearness(angle: Material) -> tuple[int, int]:
        text = _words(" ".join((angle.premise, *angle.points)))
        return -len(_words(angle.premise) & head), -len(text & body)

    return sorted(others, key=nearness)


def talk_close(moments: Sequence[tuple[str, int, str]]) -> tuple[str, ...]:
    """A talk abstract's closing steps: where to send it names the field's own
    call for talks where the reader's country has one (a US treasurer's AFP
    Annual Conference call for proposals), before a meetup or an internal session."""
    calls = [name for name, _month, _kind in moments if CALL_FOR_TALKS.search(name)]
    if not calls:
        return TALK_CLOSE
    where = (
        f"Send the title and abstract to one event: the {calls[0]} (check this year's dates),"
        " a local meetup or an internal session"
    )
    return (where, *TALK_CLOSE[1:])


def talk_outline(pick: Material, angles: Sequence[Material]) -> list[str]:
    """A talk's outline: the argument's points, one supporting point, a story, the abstract."""
    support = [a.points[0] for a in nearest_angles(pick, angles)][:1]
    return [
        *pick.points[:2],
        *(f"A supporting point: {capitalise(p)}" for p in support),
        "One story from your own work that shows the argument, told without confidential detail",
        "Write a three-sentence abstract that promises one clear takeaway",
    ]


def long_outline(pick: Material, angles: Sequence[Material], fmt: PostFormat) -> list[str]:
    """A long piece's outline: the argument, then the other angles' key points as support."""
    others = nearest_angles(pick, angles)[:3]
    return [
        *(f"The argument: {capitalise(p)}" for p in pick.points[:1]),
        *pick.points[1:],
        *(f"Supporting section: {capitalise(a.points[0])}" for a in others),
        *fmt.angle_steps,
    ]


def argued_piece(
    build: _Builder, angles: Sequence[Material], fmt: PostFormat, *, variant: str, suffix: str = ""
) -> PostIdea | None:
    """A long piece or a talk argued from the theme's strongest angle that has no idea of
    its own yet; when every one is already a post, the piece is that post argued in full."""
    angles = [a for a in angles if a.premise]
    if not angles:
        return None
    taken = build.ctx.taken
    fresh = [a for a in angles if capitalise(a.premise.strip().rstrip(".")).lower() not in taken]
    pick = argument_angle(fresh) or argument_angle(angles) or (fresh or angles)[0]
    premise = capitalise(pick.premise.strip().rstrip("."))
    talk = fmt.slug == TALK
    title = (premise if ":" in premise else f"Talk abstract: {premise}") if talk else premise
    if title.lower() in build.ctx.taken:
        title = f"{title}, argued in full"
    title += suffix
    outline = talk_outline(pick, angles) if talk else long_outline(pick, angles, fmt)
    piece = Material(f"long:{pick.slug}", pick.premise, (), pick.kinds, pick.ask)
    return build.add(piece, fmt, variant=variant, title=title, outline=outline)


def ideas_for_theme(
    theme: object,
    ctx: IdeaContext,
    *,
    count: int,
    posts_needed: int = 0,
    stretch: bool = False,
    company_theme: bool = False,
    talk: bool = False,
    long_piece: bool = False,
    series: bool = False,
    hiring: int = 0,
    products: bool = False,
    extra: int = 0,
    fill_posts: bool = False,
    cover: Sequence[str] = (),
    months: Sequence[int] = (),
) -> list[PostIdea]:
    """One theme's ideas: each angle once, in a format that fits it and the rung.

    ``count`` is the least number of ideas wanted and ``posts_needed`` the
    least number of them that are posts (the calendar's slots); typed
    templates fill any gap, and ``extra`` more ideas (the "more ideas"
    batches) beyond the angles. A theme with angles gets no template posts
    to fill the calendar unless ``fill_posts`` (its angles are few, or some
    were set aside). ``talk``, ``long_piece``, ``series`` (one part
    of the "What I learned" series), ``hiring`` (1: the first 90 days, 2: the
    skills that matter) and ``products`` turn on what the rung and goals add.
    When the calendar or a "more ideas" batch wants more than the angles give,
    the theme's own material goes further first (``more_from_angles``: a
    follow-up on one key point, an angle's question put to the network, a
    moment of the field in ``months``, the theme's running months); a theme
    with angles never gets a stock line to fill its calendar.
    """
    build = _Builder(theme, ctx, company_theme=company_theme)
    rung = min(5, ctx.rung + 1) if stretch else ctx.rung
    angles = rank_angles([material(a) for a in getattr(theme, "angles", ())], ctx.topics)
    # The angles the hiring posts are built from are theirs, not the theme's own posts.
    guide = build.key.startswith("area:")  # a field guide's theme, not a typed template
    hires = hiring_ideas(ctx, hiring, angles if guide else ())
    hired = {h.angle for h in hires if h.angle}
    if ctx.hiring_pools and guide:
        # The hiring posts' angles are theirs in whichever chosen theme they sit.
        hired |= {a.slug for a in planned_hires(ctx) if a is not None}
    angles = [a for a in angles if a.premise and a.slug not in hired]
    if ctx.rung < HOT_TAKE_RUNG:
        angles = [a for a in angles if not HOT_TAKE.search(a.premise)]
    if build.key == QUESTION_THEME:
        # What people ask the person is answered in a post, not asked back.
        angles = [answered(a) for a in angles]
    formats = ctx.formats

    if talk and angles and TALK in formats:
        # The talk takes the angle that most invites a position, built out with the others.
        pick = argument_angle(angles) or angles[0]
        outline = talk_outline(pick, angles)
        if build.add(pick, formats[TALK], variant="talk", outline=outline):
            angles.remove(pick)

    if long_piece and len(angles) >= 3 and LONG_FORM in formats:
        # One strong angle is the article's argument; the others' key points support it.
        pick = argument_angle(angles)
        if pick is not None:
            outline = long_outline(pick, angles, formats[LONG_FORM])
            long = Material(f"long:{pick.slug}", pick.premise, (), pick.kinds, pick.ask)
            title = capitalise(pick.premise.strip().rstrip("."))
            if build.add(long, formats[LONG_FORM], variant="long", title=title, outline=outline):
                angles.remove(pick)

    comments = _comment_count(ctx.rung, ctx.goals, len(angles), posts_needed, count)
    if build.key == QUESTION_THEME or build.key.startswith("template:"):
        # Their own questions are their best posts, not comments; a template's points
        # ask the writer for their specifics, so say nothing under someone else's post.
        comments = 0
    # The best angles are posts; the comment prompts take the later ones that name a
    # term of their own for the prompt to watch for, one term per prompt, and state
    # a point to make under the post (see `comment_point`).
    commented: list[Material] = []
    watched: list[str] = []
    posts_first = max(0, min(posts_needed, len(angles) - 1))  # the best angles stay posts
    # The later angles first; then, if too few of them name a term, the earlier ones
    # (never the theme's best angle).
    for angle in [*reversed(angles[posts_first:]), *reversed(angles[1:posts_first])]:
        if len(commented) >= comments:
            break
        term = build.comment_trigger(angle, watched)
        if term and comment_point(angle):
            commented.append(angle)
            watched.append(term)
    commented = [a for a in angles if a in commented]
    rest = [a for a in angles if a not in commented]

    reshared = ctx.rung > 1 or RESHARE not in formats or build.key == QUESTION_THEME
    # A theme that stretches but whose angles fit none of the next rung's formats
    # (a first-rung person's next rung has only the checklist) reaches one rung
    # further for one idea, so the step up is never missing.
    reach = stretch and not any(step_up_format(a, ctx, formats, ctx.rung + 1) for a in rest)
    for angle in rest:
        fmt = choose_format(angle, ctx, build.used, rung)
        if fmt is not None and stretch and (fmt.effort > ctx.rung + 2 or not build.ideas):
            # A step up is the next rung's lighter formats, never a big piece; and a
            # theme that stretches still opens at the person's own rung.
            fmt = choose_format(angle, ctx, build.used, ctx.rung)
        if fmt is None:
            continue
        if series and series_fits(angle):
            til = formats.get(TIL)
            if til and not fits_tone(til.name, ctx.tone):
                til = formats.get("field-observation")  # the series, without the TIL label
            part = ctx.series + 1
            title = f"What I learned, part {part}: {capitalise(angle.premise.strip().rstrip('.'))}"
            if til and build.add(angle, til, title=title):
                ctx.series, series = part, False
                continue
        takes = RESHARE in formats and angle_fit(angle, ctx).reads(formats[RESHARE])
        # The first post is the person's own; a story is theirs too, never a take on a piece.
        lead = any(i.is_post and i.format_slug != RESHARE for i in build.ideas)
        reacts = set(angle.kinds) & {"opinion", "myth", "explainer"} and angle.kinds[0] != "story"
        practice = fmt.slug in ("checklist", "how-to", "mistake-story")
        # A take is a one-line claim; else the piece is an explainer on what the premise names.
        takes = takes and (build.takes_line(angle) or bool(build.comment_triggers(angle)))
        if not reshared and lead and takes and reacts and not practice:
            # The first rung re-shares someone else's good piece, with this angle as the take.
            fmt, reshared = formats[RESHARE], True
        elif reach and build.ideas and not any(i.stretch for i in build.ideas):
            fmt = step_up_format(angle, ctx, formats, ctx.rung + 2) or fmt
        if build.add(angle, fmt, stretch=stretch and fmt.rung > ctx.rung):
            reshared = reshared or fmt.slug == RESHARE
    for angle in commented:
        build.add(angle, formats[COMMENT])
    if build.key.startswith("template:") and COMMENT in formats and not build.company_theme:
        template_comment(build, formats[COMMENT])

    # Hiring posts follow the theme's own posts: the theme opens with its subject.
    # A post about joining your team says whose team it is; only a programme's own
    # disclosure (its hashtag, say) still goes on it, never the general reminder
    # about your employer's products.
    for hire in hires:
        if hire.format in formats:
            build.add(
                hire.material,
                formats[hire.format],
                variant=hire.material.slug,
                title=hire.title,
                outline=hire.outline,
                disclosure=ctx.disclosure != DISCLOSURE_DEFAULT,
                close=False,  # its own close, not "say where the approach does not work"
            )

    if products and angles:
        fmt = formats.get("case-study" if ctx.rung >= 4 else "field-observation")
        subject = build.subject(angles[0])
        if fmt:
            piece = Material("products", "", (), ("opinion",), "")
            build.add(
                piece,
                fmt,
                variant="products",
                title=capitalise(f"{subject}: where our product helps, and where it doesn't"),
                outline=[
                    "Start with the problem in the field's own words, before the product",
                    "Show one real use, with the customer's permission or from public material",
                    "Say plainly where another approach fits better",
                ],
                disclosure=True,
            )

    cover_topics(build, cover)
    # The questions people bring are the whole theme: no template fills it out.
    least = len(build.ideas) if build.key == QUESTION_THEME and angles else count
    wanted = max(least, len(build.ideas) + extra)
    if angles and build.key != QUESTION_THEME:
        # A follow-up links back to a post: never to an angle said under someone else's.
        more_from_angles(
            build,
            [a for a in angles if a not in commented] or angles,
            ideas=wanted,
            posts=posts_needed if fill_posts else 0,
            months=months,
        )
    fallback_ideas(
        build, count=wanted, posts_needed=posts_needed, angles=angles, fill_posts=fill_posts
    )
    return build.ideas


# A key point that is the angle's fence or a how-to-write note, not a claim to follow up.
NOT_A_CLAIM = re.compile(
    r"^(only|nothing|never|no|use|using|without|keep|don't|do not|say|ask|name|pick|show)\b"
    r"|^(they|it|this|these|that|those|once|both|each)\b"
    # An instruction ("Add brand as a separate line") is no claim to follow up.
    r"|^(add|start|include|put|track|write|split|give|check|list|run|set|make|avoid|read|map"
    r"|plan|agree|document|review|record|define|build|choose|compare|measure|tell|treat|let"
    r"|begin|end|stop|try|test|focus|link|state|report|call|mark|separate|replace)\b"
    r"|\bconfidential\b|\bpublic(ly)?\b|\bpublished\b|\bexample\b|\?$",
    re.IGNORECASE,
)
# The angle's question for the writer that also reads as a question to peers.
OPEN_QUESTION = re.compile(r"^(what|which|how|where|when|who|why|do|does|is|are|has|have)\b", re.I)
DANGLING = re.compile(r"\b(them|they|these|those|either|both|next|instead|the same)\b", re.I)
FOLLOW_UP = "Follow-up"
FOLLOW_UP_ASK = "Which moment in your own work made this point for you?"
# A post's "make it yours" when a poll has taken its own question to peers, and the
# format's prompts are already in the plan.
SPARE_PROMPTS = (
    "Which example from your own work would you open with?",
    "What would you tell a colleague new to this, in one line?",
    "Where have you seen this point not hold, and why?",
)
MOMENT_TITLES: dict[str, str] = {
    "conference": "{name}: what I'll be listening for",
    "release": "{name}: what changes, and what I check first",
    "deadline": "{name}: what I start early, and why",
    "season": "{name}: what it changes in my work",
}
# A key point states a claim when it has a verb; a list of nouns is no post of its own.
CLAIM_VERB = re.compile(
    r"\b(is|are|was|were|has|have|had|can|cannot|can't|must|should|will|would|does|do|did|"
    r"needs?|makes?|takes?|gets?|helps?|decides?|changes?|shows?|means?|lets?|keeps?|stops?|"
    r"goes|go|comes?|works?|fails?|costs?|depends?|belongs?|starts?|tells?|finds?|"
    r"matters?|beats?|protects?|becomes?|catches?|saves?|adds?|moves?|pays?|breaks?|"
    r"drives?|hides?|misses?|rank|ranks|decides)\b",
    re.IGNORECASE,
)
MOMENT_STEPS: dict[str, tuple[str, ...]] = {
    "conference": (
        "The one question on {subject} you hope a speaker answers",
        "Who you want to hear from there, and why",
        "Offer to share your notes afterwards, whether you go or follow online",
    ),
    "release": (
        "What the change means for {subject}, in plain words",
        "The check you run before you rely on it",
        "Who else in the team needs to hear about it, and when",
    ),
    "deadline": (
        "What the deadline asks for, and where {subject} comes in",
        "The part you start weeks early, and what happens when people don't",
        "One thing that makes the last week calmer",
    ),
    "season": (
        "Why this moment matters for {subject}",
        "What you will be doing or watching for around it",
        "One thing people outside the field could take from it",
    ),
}


def follow_up_points(angle: Material) -> list[str]:
    """An angle's key points that state a claim worth a post of its own."""
    if "checklist" in angle.kinds[:1] or premise_shape(angle.premise) == "checklist":
        return []  # a checklist's items are checks, not claims to take further
    claims = [
        p.strip().rstrip(".")
        for p in angle.points
        if len(p.split()) >= 6
        and CLAIM_VERB.search(p)
        and not NOT_A_CLAIM.search(p.strip())
        and not says_you(p)
    ]
    # A point with a colon of its own reads awkwardly after "Follow-up:": last.
    return sorted(claims, key=lambda p: ":" in p)


def network_question(angle: Material) -> str:
    """The angle's question for the writer, when it also asks peers something open."""
    ask = angle.ask.strip()
    if not ask.endswith("?") or len(ask.split()) < 5 or not OPEN_QUESTION.match(ask):
        return ""
    if DANGLING.search(ask):
        return ""  # "…choosing between them?" needs the post around it
    return "" if re.search(r"\b(own work|make it yours)\b", ask, re.IGNORECASE) else ask


def more_from_angles(
    build: _Builder,
    angles: Sequence[Material],
    *,
    ideas: int,
    posts: int,
    months: Sequence[int] = (),
) -> None:
    """More posts from the theme's own material, until it has ``ideas`` ideas and
    ``posts`` posts: a moment of the field in the theme's months, then, angle by
    angle, a follow-up that takes one key point further and the angle's question
    put to peers. Each keeps its angle's slug after a prefix ("more:", "ask:",
    "moment:"), so the calendar can put a follow-up after the post it follows."""
    ctx = build.ctx
    formats = ctx.formats
    have_posts = sum(1 for i in build.ideas if i.is_post)
    if len(build.ideas) >= ideas and have_posts >= posts:
        return
    observe = formats.get("field-observation")
    ask_fmt = formats.get("question-or-poll")
    candidates: list[tuple[Material, PostFormat, str, list[str]]] = []
    subject = build.subject(angles[0]) if angles else lower_first(ctx.expertise)
    for name, month, kind in ctx.moments:
        # One post per moment in a plan, in the first theme that runs in its month.
        told = any(t.startswith(f"{name.lower()}:") for t in ctx.taken)
        if month in months and observe is not None and not told:
            title = MOMENT_TITLES.get(kind, MOMENT_TITLES["season"]).format(
                name=name, subject=subject
            )
            steps = [
                s.format(subject=subject) for s in MOMENT_STEPS.get(kind, MOMENT_STEPS["season"])
            ]
            piece = Material(f"moment:{_slug(name)}", title, (), ("opinion",), "")
            candidates.append((piece, observe, title, steps))
            break  # one dated moment per theme
    for near in kindred_angles(build, angles):
        # A neighbouring angle fills a day as a short post, in the time a follow-up would take.
        fmt = choose_format(near, ctx, build.used, min(ctx.rung, KINDRED_RUNG))
        if fmt is not None:
            candidates.append((near, fmt, "", []))
    follow_ups = []
    questions = []
    # A template's points and questions ask for the person's specifics: no claims to
    # follow up, no questions that make sense to peers without the post around them.
    if build.key.startswith("template:"):
        angles = ()
    for angle in angles:
        premise = capitalise(angle.premise.strip().rstrip("."))
        for point in follow_up_points(angle)[:2]:
            if observe is None:
                break
            title = f"{FOLLOW_UP}: {capitalise(point)}"
            steps = [
                f"Link your earlier post, “{premise}”, in the first line",
                "Take this one point further: where it shows up in your work, and what it changes",
                *[p for p in angle.points if p.strip().rstrip(".") != point][:1],
            ]
            piece = Material(f"more:{angle.slug}", point, (), angle.kinds, FOLLOW_UP_ASK)
            follow_ups.append((piece, observe, title, steps))
        question = peer_question(angle, ctx.concepts)
        if question and ask_fmt is not None and ask_fmt.rung <= ctx.rung:
            piece = question_post(build, angle, question)
            questions.append((piece, ask_fmt, question, question_steps(angle, question)))
    # Follow-ups and questions take turns, so the extra posts are not all one format.
    for n in range(max(len(follow_ups), len(questions))):
        candidates += follow_ups[n : n + 1] + questions[n : n + 1]
    for piece, fmt, title, steps in candidates:
        if len(build.ideas) >= ideas and have_posts >= posts:
            break
        # A day of the calendar may take a question an earlier post asks its writer
        # (that post gets another prompt); a "more ideas" batch changes no idea shown.
        lend = have_posts < posts
        made = (
            build.add(piece, fmt, variant=title, title=title, outline=steps, lend=lend)
            if title
            else build.add(piece, fmt)
        )
        if made:
            have_posts += 1


# How many words an angle of another theme shares with this theme before it may
# join it: enough that it reads as the same subject, not one word in common.
KINDRED_WORDS = 3
# Words too common to say two angles share a subject.
COMMON_WORDS = frozenset(
    {
        "what",
        "that",
        "this",
        "with",
        "your",
        "they",
        "their",
        "them",
        "have",
        "from",
        "when",
        "where",
        "which",
        "will",
        "would",
        "about",
        "into",
        "than",
        "then",
        "there",
        "these",
        "those",
        "were",
        "been",
        "more",
        "most",
        "just",
        "only",
        "also",
        "does",
        "done",
        "make",
        "makes",
        "made",
        "every",
        "each",
        "first",
        "last",
        "before",
        "after",
        "over",
        "under",
        "still",
        "much",
        "many",
        "some",
        "other",
        "same",
        "why",
        "how",
    }
)
KINDRED_RUNG = 1  # the heaviest formats a neighbouring angle takes: a short post's


def kindred_angles(build: _Builder, angles: Sequence[Material]) -> list[Material]:
    """Angles of the field's themes the person did not choose that are about this
    theme's subject, nearest first: a new premise for a post, before the theme's own
    angles are followed up or put to peers (two posts on one premise are spaced apart
    in the calendar, so a theme of two weeks needs as many premises as posts)."""
    if build.key.startswith("template:") or build.key == QUESTION_THEME:
        return []
    ctx = build.ctx
    theme_text = " ".join(
        (build.title, build.summary, *(" ".join((a.premise, *a.points)) for a in angles))
    )
    theme_words = _words(theme_text) - COMMON_WORDS
    # The field's terms this theme is about (its title, summary and premises): a
    # neighbour must name one of them. A career story is never a neighbour, nor an
    # angle a hiring post of the plan is built from.
    core = " ".join((build.title, build.summary, *(a.premise for a in angles)))
    terms = {c.lower() for c in ctx.concepts if concept_in(core, (c,))}
    own = {a.slug for a in angles} | {a.slug for a in ctx.career} | hire_slugs(ctx)
    scored = []
    for n, angle in enumerate(ctx.spare):
        if angle.slug in own or not angle.premise:
            continue
        text = " ".join((angle.premise, *angle.points))
        named = {c.lower() for c in ctx.concepts if c.lower() in terms and concept_in(text, (c,))}
        shared = len(_words(text) & theme_words)
        if named and shared >= KINDRED_WORDS:
            scored.append((-len(named), -shared, n, angle))
    return [
        Material(f"near:{a.slug}", a.premise, a.points, a.kinds, a.ask)
        for *_, a in sorted(scored, key=lambda row: row[:3])
    ]


def fallback_subjects(build: _Builder, angles: Sequence[Material]) -> list[str]:
    """Noun phrases for typed templates: the theme's concepts, then the person's sub-topics."""
    text = " ".join(" ".join((a.premise, *a.points)) for a in angles)
    concepts = [c for c in build.ctx.concepts if concept_in(text, (c,))]
    template, _, own = build.key.partition(":")[2].partition(":")
    if (
        template
        and own
        and any(own == topic_phrase(t, build.ctx.library) for t in build.ctx.topics)
    ):
        return [own]  # a theme made from one sub-topic stays on it
    theme_words = _words(f"{build.title} {build.summary} {text}")
    near = [t for t in build.ctx.topics if _words(t) & theme_words]
    others = [t for t in build.ctx.topics if t not in near]
    if others:
        shift = build.rng.randrange(len(others))
        others = others[shift:] + others[:shift]
    subjects = [*concepts, *(topic_phrase(t, build.ctx.library) for t in (*near, *others))]
    subjects = list(dict.fromkeys(s for s in subjects if s))
    return subjects or [build.ctx.expertise]


def spare_premises(
    build: _Builder, subjects: Sequence[str], *, count: int, posts: int, posts_needed: int
) -> int:
    """A typed theme short of ideas takes premises about its own subjects from the
    templates the plan does not hold (``IdeaContext.spare`` for a field the
    library does not know) before any stock opening; returns the posts it has."""
    ctx = build.ctx
    for subject in subjects:
        for found in ctx.spare:
            if len(build.ideas) >= count and posts >= posts_needed:
                return posts
            opening = " ".join(found.premise.lower().split()[:3])
            if not mentions(found.premise, subject) or any(
                taken.startswith(opening) for taken in ctx.taken
            ):
                continue  # about another subject, or it would open like an idea of the plan
            angle = Material(
                f"spare:{found.slug}", found.premise, found.points, found.kinds, found.ask
            )
            fmt = choose_format(angle, ctx, build.used, ctx.rung)
            if fmt is not None and build.add(angle, fmt) is not None:
                posts += 1 if fmt.slug != COMMENT else 0
    return posts


def fallback_ideas(
    build: _Builder,
    *,
    count: int,
    posts_needed: int,
    angles: Sequence[Material],
    fill_posts: bool = False,
) -> None:
    """Typed templates fill what the angles could not: a noun phrase in each slot."""
    ctx = build.ctx
    posts = sum(1 for i in build.ideas if i.is_post)
    if angles and not build.key.startswith("template:"):
        # A field's theme: its own material fills it, never a stock line. (A theme
        # built from a template is made of typed lines already; they may fill it.)
        posts_needed = 0
    if angles and build.key == QUESTION_THEME:
        return  # the questions people bring are the whole theme, never a stock line
    if (not angles and build.key in ("own", "")) or build.company_theme:
        # A theme in the person's own words: their title is the first idea, on its own.
        fmt = ctx.formats.get("field-observation") or ctx.library.formats[0]
        own = Material(_slug(build.title), build.title, (), ("opinion",), "")
        if build.add(own, fmt, title=capitalise(build.title), outline=fmt.structure):
            posts += 1
    pool = [f for f in eligible_formats(ctx.library, ctx.rung, ctx.channels) if f.hooks]
    # Long pieces and talks are built from angles only, never from a template.
    pool = [f for f in pool if f.takes_angles and not f.long_form] or pool
    pool = [f for f in pool if fits_tone(f.name, ctx.tone)] or pool
    build.rng.shuffle(pool)
    subjects = fallback_subjects(build, angles)
    if build.key.startswith("template:"):
        posts = spare_premises(build, subjects, count=count, posts=posts, posts_needed=posts_needed)
    attempts = 0
    while (len(build.ideas) < count or posts < posts_needed) and attempts < 60 and pool:
        fmt = pool[attempts % len(pool)]
        subject = subjects[attempts % len(subjects)]
        # Stock openings that read true for this subject's kind, never one that
        # asks for an admission of failure (see stock_fit).
        hooks = [h for h in fmt.hooks if "{theme}" not in h and stock_fits(h, subject)]
        attempts += 1
        if not hooks:
            continue
        hook = fill(
            hooks[(attempts // len(pool)) % len(hooks)], topic=subject, audience=ctx.audience
        )
        if fmt.first_person and says_you(hook):
            continue
        hook = stub_free(hook)
        piece = Material(f"tpl:{fmt.slug}:{_slug(subject)}", hook, (), ("opinion",), "")
        if build.add(piece, fmt, variant=hook, title=hook, outline=None):
            posts += 1 if fmt.slug != COMMENT else 0
