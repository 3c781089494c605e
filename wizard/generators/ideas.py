"""Post ideas: a field's angle in a format that fits it, on one of the person's channels.

An idea is built from an angle of its theme (a premise, two or three key
points, the kinds of post it suits and the question only the writer can
answer). Its working title is the premise, shaped for the format where the
format needs it; its outline is the angle's points and the format's own
close; "make it yours" is the angle's question. Only a theme with no angles
(one the person typed, a company theme) and the "more ideas" batches beyond
the angles fall back to typed templates filled with a noun phrase: the
person's sub-topics or the field's concepts, never a theme title.

Comfort changes the substance: the lowest rungs get the best angles as
comment prompts and re-shares with a take; the highest get long pieces and a
talk built from the same angles. Goals reshape a few ideas (hiring, speaking,
learning in public, products, network). Every idea targets one of the
person's channels, spread over them, with a line on how to shape it there.

Idea keys derive from the theme key and the angle's slug, never from
positions, so marks survive reordering and rewording.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from wizard.generators.text import capitalise, fill, lower_first
from wizard.generators.tone import fits_tone
from wizard.library import Library
from wizard.library.loader import PostFormat

DISCLOSURE_DEFAULT = (
    "If this touches your employer or its products, say in the post itself that you work there."
)
COMMENT = "thoughtful-comment"
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
    "myth": RESHARE,
    "checklist": TIL,
    "story": "field-observation",
    "how-to": TIL,
    "opinion": RESHARE,
    "question": COMMENT,
    "explainer": TIL,
}
# How a comment prompt asks the person to join in, by the angle's kind.
COMMENT_ADDS: dict[str, str] = {
    "myth": "add what you have seen instead",
    "checklist": "add the check you would never skip",
    "story": "add a moment from your own work",
    "how-to": "add how you do it",
    "opinion": "add your view",
    "question": "add your own answer",
    "explainer": "add the detail people miss",
}
# How to shape a post for each channel.
CHANNEL_TIPS: dict[str, str] = {
    "linkedin": (
        "LinkedIn: put the working title in the first line; the hook has to land "
        "in the first 210 characters, before “see more”."
    ),
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
QUOTED = re.compile(r"“[^”]*”")


def says_you(text: str) -> bool:
    """Whether the text addresses the reader ("you"), quoted speech aside."""
    return bool(YOU.search(QUOTED.sub("", text)))


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
    goals: Sequence[str] = ()
    disclosure: str = DISCLOSURE_DEFAULT
    fence: str = ""
    typed: str = ""
    tone: Mapping[str, int] = field(default_factory=dict)  # tone step positions, 1-5
    channel_use: Counter[str] = field(default_factory=Counter)
    taken: set[str] = field(default_factory=set)

    @property
    def formats(self) -> dict[str, PostFormat]:
        """The library's formats by slug."""
        return {f.slug: f for f in self.library.formats}


def material(angle: object) -> Material:
    """An angle from the library (or a bare premise string) as idea material."""
    if isinstance(angle, str):
        return Material(_slug(angle), angle, (), ("opinion",), "")
    premise = str(getattr(angle, "premise", "") or "")
    return Material(
        slug=str(getattr(angle, "slug", "") or _slug(premise)),
        premise=premise,
        points=tuple(getattr(angle, "points", ()) or ()),
        kinds=tuple(getattr(angle, "kinds", ()) or ()) or ("opinion",),
        ask=str(getattr(angle, "ask", "") or ""),
    )


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60]


def _key(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def theme_identity(key: str, title: str) -> str:
    """A theme's stable identity for idea keys: its key, or its words when typed."""
    return key if key and key not in ("own",) else f"own:{' '.join(title.lower().split())}"


def concept_in(text: str, concepts: Sequence[str]) -> str:
    """The longest of the field's concepts named in ``text`` (whole words), or ''."""
    lowered = text.lower()
    found = [
        c for c in concepts if c and re.search(rf"(?<!\w){re.escape(c.lower())}(?!\w)", lowered)
    ]
    return max(found, key=len) if found else ""


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


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
    if fmt.long_form:
        fitting = [c for c in fitting if c in ("blog", "newsletter", "events", "video")] or fitting
    return min(fitting, key=lambda c: (ctx.channel_use[c], chosen.index(c)))


def choose_format(
    angle: Material,
    ctx: IdeaContext,
    used: Counter[str],
    rung: int,
) -> PostFormat | None:
    """The format that fits the angle and the rung (and the person's channels)."""
    formats = ctx.formats
    addresses = says_you(angle.premise)
    candidates: list[PostFormat] = []
    kind_at: dict[str, int] = {}  # format -> the position of the first kind it serves
    for position, kind in enumerate(angle.kinds):
        for slug in KIND_FORMATS.get(kind, ()):
            fmt = formats.get(slug)
            if fmt and fmt.rung <= rung and not (addresses and fmt.first_person):
                candidates.append(fmt)
                kind_at.setdefault(slug, position)
    if not candidates:
        for kind in angle.kinds:
            fmt = formats.get(EASY_FORMATS.get(kind, RESHARE))
            if fmt and fmt.rung <= rung and not (addresses and fmt.first_person):
                candidates.append(fmt)
    # A serious or matter-of-fact writer gets no "Today I learned" label.
    candidates = [f for f in candidates if fits_tone(f.name, ctx.tone)] or candidates
    if not candidates and RESHARE in formats and formats[RESHARE].rung <= rung:
        candidates.append(formats[RESHARE])  # a take on someone else's piece fits any angle
    if not candidates:
        return None
    # The premise says what it is: a question is posted as a question, a myth as a myth.
    premise = angle.premise.strip()
    for slug, says_so in (
        ("question-or-poll", premise.endswith("?")),
        ("myth-vs-fact", premise.lower().startswith("myth")),
    ):
        named = [f for f in candidates if f.slug == slug]
        if named and says_so:
            return named[0]
    chosen = set(ctx.channels)
    heavy = rung >= 4

    def order(fmt: PostFormat) -> tuple[int, int, int, int]:
        # The angle's first kind leads, unless its format is already used twice in the
        # theme; off the person's channels counts against; heavier at the top rungs.
        off_channel = 0 if not chosen or set(fmt.channels) & chosen else 1
        weight = -fmt.effort if heavy else fmt.effort
        overused = min(used[fmt.slug], 2) // 2
        return overused + off_channel, kind_at.get(fmt.slug, 0), weight, candidates.index(fmt)

    return min(dict.fromkeys(candidates), key=order)


def shape_title(angle: Material, fmt: PostFormat, subject: str) -> str:
    """The working title: the premise, shaped for the formats that need it."""
    premise = capitalise(angle.premise.strip().rstrip("."))
    if fmt.slug == COMMENT:
        kind = next((k for k in angle.kinds if k in COMMENT_ADDS), "opinion")
        # "mentions" takes a term as it is ("a post that mentions secure boot"),
        # where "about" would need a plural the library cannot always give.
        return f"When you see a post that mentions {subject}, {COMMENT_ADDS[kind]}: {premise}"
    if fmt.slug == RESHARE:
        return f"Re-share a good piece that covers {subject}, with your one-line take: {premise}"
    if fmt.slug == TALK:
        return premise if ":" in premise else f"Talk abstract: {premise}"
    return premise


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

    def subject(self, angle: Material) -> str:
        """A noun phrase for what the angle is about: a concept, else a sub-topic."""
        text = " ".join((angle.premise, *angle.points))
        found = concept_in(angle.premise, self.ctx.concepts) or concept_in(text, self.ctx.concepts)
        if found:
            return found
        near = [t for t in self.ctx.topics if _words(t) & _words(text)]
        topics = near or list(self.ctx.topics)
        return lower_first(topics[0]) if topics else self.ctx.expertise

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
    ) -> PostIdea | None:
        """Add one idea unless its title is already in the plan."""
        subject = self.subject(angle)
        hook = title or shape_title(angle, fmt, subject)
        if hook.lower() in self.ctx.taken or not fits_tone(hook, self.ctx.tone):
            return None
        steps = list(outline) if outline is not None else list(angle.points)
        if not steps:
            steps = [fill(s, topic=subject, audience=self.ctx.audience) for s in fmt.structure]
        else:
            steps += [s for s in fmt.angle_steps if s not in steps]
        if self.ctx.fence and (disclosure or fmt.touches_employer):
            steps.append(self.ctx.fence)
        channel = pick_channel(fmt, self.ctx)
        self.ctx.channel_use[channel] += 1
        names = {c.slug: c.name for c in self.ctx.library.channels}
        prompt = angle.ask or (
            fill(self.rng.choice(fmt.make_it_yours), topic=subject, audience=self.ctx.audience)
            if fmt.make_it_yours
            else "Which moment from your own work would make this yours?"
        )
        touches = fmt.touches_employer or self.company_theme or disclosure
        idea = PostIdea(
            key=_key(self.identity, angle.slug, variant),
            theme=self.title,
            topic=subject,
            format_slug=fmt.slug,
            format_name=fmt.name,
            hook=hook,
            outline=tuple(steps),
            make_it_yours=prompt,
            channel=names.get(channel, "Any channel"),
            minutes=fmt.minutes,
            effort=fmt.effort,
            disclosure=self.ctx.disclosure if touches else "",
            stretch=stretch,
            theme_key=self.key,
            angle=angle.slug,
            channel_slug=channel,
            # A talk is given at an event, whichever channel announces it.
            channel_tip=CHANNEL_TIPS["events" if fmt.slug == TALK else channel]
            if channel in CHANNEL_TIPS or fmt.slug == TALK
            else "",
        )
        self.ctx.taken.add(hook.lower())
        self.used[fmt.slug] += 1
        self.ideas.append(idea)
        return idea


def answered(angle: Material) -> Material:
    """A question people bring to the person, as a post that answers it."""
    premise = angle.premise.strip()
    if ":" not in premise:
        # Quoted: their words, so a "you" in them is reported speech, not the writer's.
        premise = f"A question I'm often asked: “{premise}”"
    return Material(angle.slug, premise, ANSWER_STEPS, ("explainer", "how-to"), angle.ask)


def _comment_count(rung: int, goals: Sequence[str], angles: int, posts_needed: int) -> int:
    """How many of a theme's best angles become comment prompts."""
    wanted = {1: 2, 2: 1}.get(rung, 0) + (1 if "network" in goals else 0)
    return max(0, min(wanted, angles - min(posts_needed, angles - 1)))


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
    series_part: int = 0,
    hiring: bool = False,
    products: bool = False,
    extra: int = 0,
    fill_posts: bool = False,
) -> list[PostIdea]:
    """One theme's ideas: each angle once, in a format that fits it and the rung.

    ``count`` is the least number of ideas wanted and ``posts_needed`` the
    least number of them that are posts (the calendar's slots); typed
    templates fill any gap, and ``extra`` more ideas (the "more ideas"
    batches) beyond the angles. A theme with angles gets no template posts
    to fill the calendar unless ``fill_posts`` (its angles are few, or some
    were set aside). ``talk``, ``long_piece``, ``series_part``,
    ``hiring`` and ``products`` turn on what the person's rung and goals add.
    """
    build = _Builder(theme, ctx, company_theme=company_theme)
    rung = min(5, ctx.rung + 1) if stretch else ctx.rung
    angles = rank_angles([material(a) for a in getattr(theme, "angles", ())], ctx.topics)
    angles = [a for a in angles if a.premise]
    if build.key == QUESTION_THEME:
        # What people ask the person is answered in a post, not asked back.
        angles = [answered(a) for a in angles]
    formats = ctx.formats

    if talk and angles and TALK in formats:
        # The talk takes the angle that most invites a position, built out with the others.
        pick = next(
            (a for a in angles if "opinion" in a.kinds and ":" not in a.premise),
            next((a for a in angles if "opinion" in a.kinds), angles[0]),
        )
        others = [a.premise for a in angles if a is not pick][:2]
        outline = [
            *pick.points[:2],
            *(f"A story that shows it: {p}" for p in others[:1]),
            "Write a three-sentence abstract that promises one clear takeaway",
        ]
        if build.add(pick, formats[TALK], variant="talk", outline=outline):
            angles.remove(pick)

    comments = _comment_count(ctx.rung, ctx.goals, len(angles), posts_needed)
    if build.key == QUESTION_THEME:
        comments = 0  # their own questions are their best posts, not comments
    for angle in angles[:comments]:
        build.add(angle, formats[COMMENT])
    rest = angles[comments:]

    hire_done = not hiring
    series_done = not series_part
    reshared = ctx.rung > 1 or RESHARE not in formats or build.key == QUESTION_THEME
    for angle in rest:
        fmt = choose_format(angle, ctx, build.used, rung)
        if fmt is None:
            continue
        addresses = says_you(angle.premise)
        # A premise with its own colon would read "label: premise: more" after a label.
        plain = not addresses and ":" not in angle.premise and not angle.premise.endswith("?")
        if not series_done and plain and set(angle.kinds) & {"explainer", "how-to"}:
            til = formats.get(TIL)
            if til and not fits_tone(til.name, ctx.tone):
                til = formats.get("field-observation")  # the series, without the TIL label
            if til and build.add(
                angle, til, title=f"What I learned, part {series_part}: {capitalise(angle.premise)}"
            ):
                series_done = True
                continue
        own_post = fmt.slug not in (RESHARE, COMMENT, "question-or-poll")
        if (
            not hire_done
            and plain
            and own_post
            and set(angle.kinds) & {"story", "how-to", "explainer"}
        ):
            outline = [
                *angle.points,
                "Say what this looks like in a normal week on your team, for someone "
                "thinking of joining",
            ]
            if build.add(
                angle,
                fmt,
                title=f"What the work is really like: {capitalise(angle.premise)}",
                outline=outline,
                disclosure=True,
            ):
                hire_done = True
                continue
        takes = not angle.premise.rstrip().endswith("?")
        if not reshared and takes and set(angle.kinds) & {"opinion", "myth", "explainer"}:
            # The first rung re-shares someone else's good piece, with this angle as the take.
            fmt, reshared = formats[RESHARE], True
        build.add(angle, fmt, stretch=stretch and fmt.rung > ctx.rung)

    if long_piece and build.summary and len(angles) >= 3 and LONG_FORM in formats:
        sections = [f"Section: {a.premise}" for a in angles[:3]]
        whole = Material("long-read", build.summary, (), ("explainer",), "")
        build.add(
            whole,
            formats[LONG_FORM],
            variant="long",
            title=capitalise(build.summary.rstrip(".")),
            outline=[*sections, *formats[LONG_FORM].angle_steps],
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

    # The questions people bring are the whole theme: no template fills it out.
    least = len(build.ideas) if build.key == QUESTION_THEME and angles else count
    wanted = max(least, len(build.ideas) + extra)
    fallback_ideas(
        build, count=wanted, posts_needed=posts_needed, angles=angles, fill_posts=fill_posts
    )
    return build.ideas


def fallback_subjects(build: _Builder, angles: Sequence[Material]) -> list[str]:
    """Noun phrases for typed templates: the theme's concepts, then the person's sub-topics."""
    text = " ".join(" ".join((a.premise, *a.points)) for a in angles)
    concepts = [c for c in build.ctx.concepts if concept_in(text, (c,))]
    theme_words = _words(f"{build.title} {build.summary} {text}")
    near = [t for t in build.ctx.topics if _words(t) & theme_words]
    others = [t for t in build.ctx.topics if t not in near]
    if others:
        shift = build.rng.randrange(len(others))
        others = others[shift:] + others[:shift]
    subjects = [*concepts, *(lower_first(t) for t in (*near, *others))]
    subjects = list(dict.fromkeys(s for s in subjects if s))
    return subjects or [build.ctx.expertise]


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
    if angles and not fill_posts:
        posts_needed = 0  # a field's theme: its angles are the posts; no stock filler
    if (not angles and build.key in ("own", "")) or build.company_theme:
        # A theme in the person's own words: their title is the first idea, on its own.
        fmt = ctx.formats.get("field-observation") or ctx.library.formats[0]
        own = Material(_slug(build.title), build.title, (), ("opinion",), "")
        if build.add(own, fmt, title=capitalise(build.title), outline=fmt.structure):
            posts += 1
    pool = [f for f in eligible_formats(ctx.library, ctx.rung, ctx.channels) if f.hooks]
    # Long pieces and talks are built from angles only, never from a template.
    pool = [f for f in pool if f.takes_angles and not f.long_form] or pool
    build.rng.shuffle(pool)
    subjects = fallback_subjects(build, angles)
    attempts = 0
    while (len(build.ideas) < count or posts < posts_needed) and attempts < 60 and pool:
        fmt = pool[attempts % len(pool)]
        subject = subjects[attempts % len(subjects)]
        hooks = [h for h in fmt.hooks if "{theme}" not in h]
        attempts += 1
        if not hooks:
            continue
        hook = fill(
            hooks[(attempts // len(pool)) % len(hooks)], topic=subject, audience=ctx.audience
        )
        if fmt.first_person and says_you(hook):
            continue
        piece = Material(f"tpl:{fmt.slug}:{_slug(subject)}", hook, (), ("opinion",), "")
        if build.add(piece, fmt, variant=hook, title=hook, outline=None):
            posts += 1 if fmt.slug != COMMENT else 0
