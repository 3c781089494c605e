"""Post ideas: specific to a person's sub-topics, format and comfort rung.

The same framework always gets the same ideas (the random choices are seeded
by the framework's own seed), and two people with the same expertise get
different ones, because their seeds, sub-topics and audiences differ.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

from wizard.generators.text import capitalise, fill, lower_first
from wizard.generators.themes import ThemeChoice
from wizard.library import Library
from wizard.library.loader import PostFormat

DISCLOSURE_DEFAULT = (
    "If this touches your employer or its products, say in the post itself that you work there."
)


@dataclass(frozen=True)
class PostIdea:
    """One concrete thing to post."""

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


def eligible_formats(library: Library, rung: int, channels: Sequence[str]) -> list[PostFormat]:
    """Formats that suit the comfort rung, those on the person's channels first."""
    fitting = [f for f in library.formats if f.rung <= rung]
    on_channel = [f for f in fitting if set(f.channels) & set(channels)]
    return on_channel or fitting or list(library.formats[:1])


def stretch_formats(library: Library, rung: int, channels: Sequence[str]) -> list[PostFormat]:
    """The next rung's formats: the step up suggested once the easy ones feel easy."""
    upper = [f for f in library.formats if f.rung == rung + 1 and f.effort <= rung + 1]
    return [f for f in upper if set(f.channels) & set(channels)] or upper


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3}


def theme_topics(theme: ThemeChoice, topics: Sequence[str], index: int) -> list[str]:
    """What a theme's ideas are about: the person's sub-topics closest to the
    theme, then the theme's own words, then their other sub-topics."""
    words = _words(" ".join((theme.title, theme.summary, *(a.premise for a in theme.angles))))
    related = [t for t in topics if _words(t) & words]
    others = [t for t in topics if t not in related]
    if others:
        shift = index % len(others)
        others = others[shift:] + others[:shift]
    own_words = [] if related else [lower_first(theme.title)]
    return related + own_words + others


def _channel_name(fmt: PostFormat, channels: Sequence[str], library: Library) -> str:
    names = {c.slug: c.name for c in library.channels}
    preferred = next((c for c in channels if c in fmt.channels), None)
    slug = preferred or (fmt.channels[0] if fmt.channels else "")
    return names.get(slug, "Any channel")


def _key(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:12]


def ideas_for_theme(
    theme: ThemeChoice,
    theme_index: int,
    *,
    topics: Sequence[str],
    audience: str,
    expertise: str,
    formats: Sequence[PostFormat],
    stretch: Sequence[PostFormat] = (),
    channels: Sequence[str],
    seed: int,
    count: int,
    library: Library,
    disclosure: str = DISCLOSURE_DEFAULT,
    company_theme: bool = False,
) -> list[PostIdea]:
    """``count`` ideas for one theme, varied in format, seeded and stable."""
    rng = random.Random(f"{seed}:{theme_index}:{theme.title}")
    near = theme_topics(theme, topics, theme_index)
    theme_words = lower_first(theme.title)
    values = {"theme": theme_words, "audience": audience, "expertise": expertise}

    pool = list(formats)
    rng.shuffle(pool)
    if stretch:
        # A step up: every other idea uses the next rung's formats.
        upper = list(stretch)
        rng.shuffle(upper)
        pool = [f for pair in zip(upper * len(pool), pool, strict=False) for f in pair]
        pool = list(dict.fromkeys(pool))
    for_angles = [fmt for fmt in pool if fmt.takes_angles] or pool

    # Hooks built on the person's own sub-topics come first; the library's
    # angles for the theme fill at most a third, so lists differ per person.
    personal: list[tuple[str, str, PostFormat]] = []
    for n, topic in enumerate(near):
        fmt = pool[n % len(pool)]
        personal.append((fill(rng.choice(fmt.hooks), topic=topic, **values), topic, fmt))
    for fmt in pool[len(near) :] + pool[: len(near)]:
        topic = rng.choice(near)
        personal.append((fill(rng.choice(fmt.hooks), topic=topic, **values), topic, fmt))
    angles = [a.premise for a in theme.angles]
    rng.shuffle(angles)
    related = bool(_words(" ".join(topics)) & _words(" ".join((theme.title, *angles))))
    share = 3 if related else 2
    borrowed = [
        (angle, near[n % len(near)], for_angles[n % len(for_angles)])
        for n, angle in enumerate(angles[: max(1, count // share)])
    ]
    candidates = []
    for n, candidate in enumerate(personal):
        candidates.append(candidate)
        if n % share == share - 1 and borrowed:
            candidates.append(borrowed.pop(0))
    candidates += borrowed
    if not theme.angles:
        # A theme in the person's own words: their title is the best first hook.
        candidates.insert(0, (capitalise(theme.title), near[0], for_angles[0]))

    ideas: list[PostIdea] = []
    seen_hooks: set[str] = set()
    used_formats: list[str] = []
    for hook, topic, fmt in candidates:
        if len(ideas) >= count:
            break
        if hook.lower() in seen_hooks:
            continue
        if used_formats.count(fmt.slug) >= max(1, count // 3) and len(pool) > 1:
            continue
        seen_hooks.add(hook.lower())
        used_formats.append(fmt.slug)
        prompt = (
            rng.choice(fmt.make_it_yours)
            if fmt.make_it_yours
            else ("Which moment from your own work with {topic} would make this yours?")
        )
        touches = fmt.touches_employer or company_theme
        ideas.append(
            PostIdea(
                key=_key(seed, theme_index, fmt.slug, hook),
                theme=theme.title,
                topic=topic,
                format_slug=fmt.slug,
                format_name=fmt.name,
                hook=hook,
                outline=tuple(fill(step, topic=topic, **values) for step in fmt.structure),
                make_it_yours=fill(prompt, topic=topic, **values),
                channel=_channel_name(fmt, channels, library),
                minutes=fmt.minutes,
                effort=fmt.effort,
                disclosure=disclosure if touches else "",
                stretch=fmt in stretch,
            )
        )
    return ideas
