"""The whole framework as plain data, built from the stored answers.

``build_plan`` is the single place where answers become a framework; every
output renders the ``Plan`` it returns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from wizard.generators.calendar import (
    GENTLE_RUNGS,
    LONG,
    POST,
    TALK,
    CalendarWeek,
    Ledger,
    Slot,
    bigger_shares,
    calendar_weeks,
    comment_line,
    gentle_opening,
    pick_ideas,
    planned_kinds,
    premise_of,
    rotate_posts,
    schedule,
    week_comments,
    week_line,
    week_times,
)
from wizard.generators.effort import (
    ABSTRACT_MINUTES,
    COMMENT_MINUTES,
    LONG_PIECE_MINUTES,
    LONG_PIECE_WEEKS,
)
from wizard.generators.fences import LESSON_CAUTION, content_fences
from wizard.generators.field_note import FieldNote, field_note
from wizard.generators.ideas import (
    DISCLOSURE_DEFAULT,
    QUESTION_THEME,
    IdeaContext,
    Material,
    PostIdea,
    _Builder,
    answered,
    argued_piece,
    hiring_plan,
    hiring_pools,
    ideas_for_theme,
    learns_in_public,
    material,
    mentions,
    moment_seasons,
    theme_identity,
    watch_terms,
)
from wizard.generators.outline import (
    Cadence,
    Period,
    Promise,
    arrange_themes,
    cadence,
    fed_weeks,
    next_monday,
    pause_line,
    promise,
    theme_periods,
    weeks_with_room,
)
from wizard.generators.place import DateStyle, Place, describe_days_off, place_from_answer
from wizard.generators.playbook import (
    PlaybookEntry,
    person_standing,
    playbook_family,
    playbook_field,
    playbook_sectors,
    situation_playbook,
)
from wizard.generators.setup import ReviewPoint, SetupWeek, review_point, setup_week
from wizard.generators.spelling import respell, respell_tree, spelling_for
from wizard.generators.text import capitalise, lower_first, split_lines
from wizard.generators.theme_fit import person_text, setting_words
from wizard.generators.themes import (
    ThemeChoice,
    chosen_rows,
    expertise_name,
    field_sectors,
    resolve_theme,
    spare_template_angles,
    suggest_themes,
)
from wizard.generators.timing import first_open_week, moved_start, posting_time, with_closures
from wizard.generators.tone import ToneProfile, tone_positions, tone_profile
from wizard.library import Library, chosen_theme_keys
from wizard.library.timing import Timing
from wizard.library.voice import load_voice
from wizard.programme import ProgrammeTerms, disclosure_line

MIN_IDEAS_PER_THEME = 3
MORE_IDEAS_BATCH = 3
STRETCH_AFTER_WEEKS = 4  # low-comfort people get a step up after this many weeks of posting
DEFAULT_POST_TIME = time(8, 30)
HIDDEN = "hidden"
USED = "used"
# What the spelling pass leaves as it is: identities and slugs (ideas, marks and
# drafts hang on them), the company's terms, the person's notes, holiday names.
KEEP_SPELLING = frozenset(
    {"key", "theme_key", "angle", "format_slug", "channel_slug", "slug", "dimension", "kind"}
    | {"marks", "retired", "notes", "programme", "place", "time_zone", "free", "spelling"}
)
# The formats that fill the bigger slots; every other slot takes a post of another format.
KIND_FORMATS = {LONG: ("long-form-article",), TALK: ("talk",)}
BIG_FORMATS = frozenset(slug for slugs in KIND_FORMATS.values() for slug in slugs)


@dataclass(frozen=True)
class IdeaPreferences:
    """What a person did with their ideas: asked for more, saved, used, hid."""

    # Theme identity (its key, see ``theme_identity``) -> extra batches. Entries
    # stored before themes had stable keys are theme numbers ("2"); they still
    # count for the theme at that position.
    more: Mapping[str, int] = field(default_factory=dict)
    marks: Mapping[str, str] = field(default_factory=dict)  # idea key -> saved/used/hidden

    def batches(self, identity: str, number: int) -> int:
        """How many "more ideas" batches a theme asked for."""
        value = self.more.get(identity, self.more.get(str(number), 0))
        return max(0, _int(value, 0))


@dataclass(frozen=True)
class OutlineTheme:
    """A theme in the content outline, with its period and ideas."""

    number: int
    title: str
    summary: str
    period: Period
    ideas: tuple[PostIdea, ...]
    slots: tuple[Slot, ...] = ()
    key: str = ""  # the theme's stable identity ("more ideas" and idea keys hang on it)
    # The closed weeks it runs on past: "Runs on past the quiet weeks, 24 December to 1 January."
    pause: str = ""

    @property
    def posts(self) -> int:
        """How many posts the calendar has for this theme."""
        return len(self.slots)


@dataclass(frozen=True)
class Plan:
    """A person's content framework, ready to render."""

    role: str
    expertise: str
    area_name: str | None
    subtopics: tuple[str, ...]
    audience: str
    rung: int
    rung_label: str
    channels: tuple[str, ...]
    goals: tuple[str, ...]
    tone: ToneProfile
    cadence: Cadence
    start: date
    outline: tuple[OutlineTheme, ...]
    playbook: tuple[PlaybookEntry, ...]
    post_time: time = DEFAULT_POST_TIME
    time_zone: str = "UTC"
    marks: Mapping[str, str] = field(default_factory=dict)
    calendar: tuple[CalendarWeek, ...] = ()
    programme: ProgrammeTerms | None = None
    place: Place = field(default_factory=Place)
    promise: Promise | None = None
    setup: SetupWeek | None = None
    rung_labels: Mapping[int, str] = field(default_factory=dict)
    period: int = 1
    retired: frozenset[str] = frozenset()
    notes: tuple[Mapping[str, str], ...] = ()  # what the person noted at the last review
    time_note: str = ""  # why the posting time suits their working day, and how to post
    spelling: str = ""  # BRITISH or AMERICAN from their country; "" leaves text as written
    # What the plan says when Byline has no field guide for the person's field.
    field_note: FieldNote | None = None

    @property
    def dates(self) -> DateStyle:
        """How this person writes dates and times (from their country)."""
        return self.place.dates

    @property
    def days_off_line(self) -> str:
        """Which days the calendar leaves free, in one sentence."""
        return respell(describe_days_off(self.place, self.dates), self.spelling)

    @property
    def review(self) -> ReviewPoint:
        """The review point after the last week. Read from the current marks, as
        marking an idea used changes no part of the build (see wizard.plans)."""
        keys = {idea.key for idea in self.ideas}
        used = sum(
            1
            for key, state in self.marks.items()
            if state == USED and key in keys and key not in self.retired
        )
        point = review_point(
            end=self.end, used=used, posts=len(self.slots), rung=self.rung, labels=self.rung_labels
        )
        return respell_tree(point, self.spelling)

    @property
    def pace(self) -> str:
        """The pace in one plain sentence, with the totals the calendar holds."""
        text = self.promise.sentence() if self.promise else self.cadence.description
        return respell(text, self.spelling)

    @property
    def slots(self) -> list[Slot]:
        """Every calendar slot, in date order."""
        return [slot for week in self.calendar for slot in week.slots]

    @property
    def end(self) -> date:
        """The last day of the outline."""
        return self.outline[-1].period.end if self.outline else self.start

    @property
    def ideas(self) -> list[PostIdea]:
        """Every idea, theme by theme."""
        return [idea for theme in self.outline for idea in theme.ideas]


def _int(value: Any, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _post_time(value: Any) -> time | None:
    """The time the person gave, or None (none stored, or not a time)."""
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return None


def _time_zone(value: Any) -> str:
    try:
        return ZoneInfo(str(value)).key
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"


def _fence(sectors: Sequence[str], library: Library) -> str:
    """The fence of the person's regulated sectors, to carry on ideas that touch the employer."""
    finder = getattr(library, "sector", None)
    fences = []
    for slug in sectors:
        sector = finder(slug) if finder else None
        fence = str(getattr(sector, "fence", "") or "").strip()
        if fence:
            fences.append(fence)
    return " ".join(dict.fromkeys(fences))


def _guarded(sectors: Sequence[str], library: Library) -> bool:
    """Whether one of the person's sectors fences off their employer (``guarded``,
    which a sector whose cases are confidential is too): see `fences`."""
    finder = getattr(library, "sector", None)
    return any(
        bool(getattr(finder(slug) if finder else None, "guarded", False)) for slug in sectors
    )


def _lesson(sectors: Sequence[str], library: Library) -> str:
    """The line a guarded person's story of their own mistake carries: their
    first guarded sector's own (a midwife's composite of many cases), else the
    general line; '' for a person in no guarded sector."""
    finder = getattr(library, "sector", None)
    guarded = [s for s in (finder(slug) if finder else None for slug in sectors) if s]
    guarded = [s for s in guarded if getattr(s, "guarded", False)]
    own = next((str(s.lesson) for s in guarded if getattr(s, "lesson", "")), "")
    return own or (LESSON_CAUTION if guarded else "")


def holds_in(angle: object, country: str) -> bool:
    """Whether an angle reaches a person in ``country``: one tagged with countries
    (a law or a body of one country) reaches only the people who live there."""
    check = getattr(angle, "holds_in", None)
    return bool(check(country)) if callable(check) else True


def for_country(theme: ThemeChoice, country: str) -> ThemeChoice:
    """The theme with only the angles that hold in the person's country."""
    kept = tuple(a for a in theme.angles if holds_in(a, country))
    return theme if len(kept) == len(theme.angles) else replace(theme, angles=kept)


def in_country_words(theme: ThemeChoice, library: Library, country: str) -> ThemeChoice:
    """The theme's title and summary in the person's country's words, where the
    field gives a version for it (a US payroll year-end names W-2s and Form 941);
    a title the person rewrote stays theirs."""
    _, area_slug, theme_slug = (theme.key.split(":", 2) + ["", ""])[:3]
    area = library.area(area_slug) if theme.key.startswith("area:") else None
    own = area.theme(theme_slug) if area else None
    if own is None or not own.versions:
        return theme
    title, summary = own.words_in(country)
    kept = title if theme.title == own.title else theme.title
    return replace(theme, title=kept, summary=summary)


def _career_angles(area: Any, country: str = "", named: Any = None) -> tuple[Material, ...]:
    """The angles of the field's career themes (their slug says "career"), for hiring
    posts, leaving out those written for another setting than the one the person
    named (``named``, see `_names_setting`): a court interpreter hires court
    interpreters, not sign language interpreters certified elsewhere."""
    return tuple(
        material(angle)
        for theme in getattr(area, "themes", ()) or ()
        if "career" in str(getattr(theme, "slug", "") or "") and not _elsewhere(area, theme, named)
        for angle in theme.angles
        if holds_in(angle, country)
    )


def _elsewhere(area: Any, theme: Any, named: Any) -> bool:
    """Whether ``theme`` is written for another setting of the field than the one
    the person named (``named`` says whether they name one of a list of settings)."""
    settings = getattr(area, "all_settings", None)
    if not (named and callable(settings) and named(settings())):
        return False
    return bool(getattr(theme, "settings", ())) and not named(theme.settings)


def _spare_angles(
    area: Any, chosen: list[str], country: str = "", named: Any = None
) -> tuple[Material, ...]:
    """Angles of the field's themes the person did not choose (those that hold where they
    live), leaving out themes written for another setting than the one they named
    (``named``, see `_names_setting`): an equine vet's lameness post is never a dairy
    herd's mobility scoring."""
    return tuple(
        material(angle)
        for theme in getattr(area, "themes", ()) or ()
        if f"area:{getattr(area, 'slug', '')}:{getattr(theme, 'slug', '')}" not in chosen
        and not _elsewhere(area, theme, named)
        for angle in theme.angles
        if holds_in(angle, country)
    )


def months_of(start: date, weeks: int) -> tuple[int, ...]:
    """The months a theme's period runs through (a moment in them may become a post)."""
    days = (start + timedelta(days=n) for n in range(0, 7 * max(1, weeks), 7))
    end = start + timedelta(days=7 * max(1, weeks) - 1)
    return tuple(dict.fromkeys([*(d.month for d in days), end.month]))


def hiring_in_turn(posts: list[PostIdea], seed: int, days: int) -> list[PostIdea]:
    """The queue with one of the theme's hiring posts second, so a person whose goal
    is hiring gets one on the calendar; the theme still opens with its own subject.
    Colleagues in a programme have neighbouring idea seeds: the seed picks which
    hiring post, and in a theme of three posts or more whether it comes second or
    third, so two colleagues do not post the same one in the same week."""
    place = 1 + seed % 2 if days >= 3 else 1
    hires = [i for i in posts if i.angle.startswith("hiring:")]
    if not hires or len(posts) < 2:
        return posts
    hire = hires[seed % len(hires)]  # neighbouring seeds take different ones
    rest = [i for i in posts if i is not hire]
    place = min(place, len(rest))
    return [*rest[:place], hire, *rest[place:]]


def last_of(angles: set[str], posts: list[PostIdea]) -> list[PostIdea]:
    """The posts with those on ``angles`` (argued in full in a longer piece) moved last."""
    return sorted(posts, key=lambda i: i.angle in angles)


def repeats(before: PostIdea, after: PostIdea) -> bool:
    """Whether two posts in a row would read as filler: two questions to the network,
    or two follow-ups."""
    if before.format_slug == after.format_slug == "question-or-poll":
        return True
    return before.angle.startswith("more:") and after.angle.startswith("more:")


def spread_formats(posts: list[PostIdea]) -> list[PostIdea]:
    """The same order, except that a post that would repeat the one before (see
    ``repeats``) gives way to the next one that does not; a follow-up never moves
    before the post it follows."""
    left = list(posts)
    ordered: list[PostIdea] = []
    while left:
        pick = 0
        if ordered and repeats(ordered[-1], left[0]):
            placed = {i.angle for i in ordered}
            pick = next(
                (
                    n
                    for n, idea in enumerate(left)
                    if not repeats(ordered[-1], idea)
                    and (
                        idea.angle.partition(":")[0] not in ("more", "ask")
                        or idea.angle.partition(":")[2] in placed
                        or idea.angle.partition(":")[2] not in {i.angle for i in left}
                    )
                ),
                0,
            )
        ordered.append(left.pop(pick))
    return ordered


def after_parents(posts: list[PostIdea]) -> list[PostIdea]:
    """The calendar's order with every follow-up ("more:" or "ask:" an angle) after the
    post it follows, so nobody is asked to link an earlier post that is not written yet."""
    ordered: list[PostIdea] = []
    waiting: dict[str, list[PostIdea]] = {}
    placed: set[str] = set()
    parents = {i.angle for i in posts}
    for idea in posts:
        prefix, _, parent = idea.angle.partition(":")
        if prefix in ("more", "ask") and parent in parents and parent not in placed:
            waiting.setdefault(parent, []).append(idea)
            continue
        ordered.append(idea)
        placed.add(idea.angle)
        ordered += waiting.pop(idea.angle, [])
    return ordered + [i for later in waiting.values() for i in later]


# Words that widen a sub-topic without naming anything: "signal management" is
# covered by a theme whose premises are about signals.
UMBRELLA_WORDS = frozenset(
    {"management", "manage", "managing", "process", "processes", "practice", "practices"}
    | {"strategy", "strategies", "work", "basics", "fundamentals", "best"}
)


def core_topic(topic: str) -> str:
    """A sub-topic without its umbrella words, when something is left."""
    words = topic.split()
    core = [w for w in words if w.lower() not in UMBRELLA_WORDS]
    return " ".join(core) if core else topic


# How much a sub-topic named in a theme's title counts against one its summary names.
TITLE_WEIGHT = 3


def asked_score(topics: list[str], theme: ThemeChoice) -> int:
    """How much a theme is built on the sub-topics the person typed: a theme made
    from one, or each sub-topic whose words (most of them) the title names counts
    `TITLE_WEIGHT`, one only its summary names counts 1; the questions people bring
    to them count 1 (their own words too); 0 for a theme they did not ask for."""
    score = 1 if theme.key == QUESTION_THEME else 0
    for topic in topics:
        if theme.key.startswith("template:") and theme.key.endswith(
            (f":{lower_first(topic)}", f":{topic}")
        ):
            score += TITLE_WEIGHT
            continue
        words = [w for w in core_topic(topic).split() if len(w.strip("-")) > 2]
        for text, weight in ((theme.title, TITLE_WEIGHT), (theme.summary, 1)):
            named = sum(1 for w in words if mentions(text, w))
            if named and named * 2 >= len(words):
                score += weight
                break
    return score


def asked_for(topics: list[str], theme: ThemeChoice) -> bool:
    """Whether a theme is built on one of the sub-topics the person typed."""
    return asked_score(topics, theme) > 0


def suggested_order(chosen: list[ThemeChoice], suggestions: Sequence[ThemeChoice]) -> bool:
    """Whether the chosen themes run in the order they were suggested in: nobody
    moved one or typed their own. Only then may the plan arrange them around the
    person's sub-topics and holidays; an order the person chose stands."""
    keys = [s.key for s in suggestions]
    if not chosen or any(c.key not in keys for c in chosen):
        return False
    positions = [keys.index(c.key) for c in chosen]
    return positions == sorted(positions)


def cover_plan(topics: list[str], chosen: list[ThemeChoice]) -> dict[int, tuple[str, ...]]:
    """Which theme (by index) makes sure each typed sub-topic appears in an idea.

    A sub-topic a chosen theme's premises already name needs nothing; the others
    go to the theme whose words are nearest, else round the themes in turn.
    """
    plan: dict[int, list[str]] = {}
    if not chosen:
        return {}
    # A premise names what its idea is about (a post's title, or the term a comment
    # prompt watches for); key points may not show (a re-share drops them), so only
    # premises cover here, and each theme's ideas check their own text (cover_topics).
    shown = [
        " ".join((theme.title, *(material(a).premise for a in theme.angles))) for theme in chosen
    ]
    texts = [
        " ".join(
            (
                theme.title,
                theme.summary,
                *(" ".join((m.premise, *m.points)) for m in (material(a) for a in theme.angles)),
            )
        )
        for theme in chosen
    ]
    turn = 0
    for topic in topics:
        if any(mentions(text, core_topic(topic)) for text in shown):
            continue
        # The nearest theme names most of the sub-topic's words ("VAT" in "VAT, GST and sales tax").
        words = [w for w in topic.split() if len(w) > 2]
        scores = [sum(mentions(text, w) for w in words) for text in texts]
        near = sorted((i for i, n in enumerate(scores) if n), key=lambda i: -scores[i])
        # The questions people bring stay their own: a sub-topic goes to another theme.
        open_themes = [i for i, theme in enumerate(chosen) if theme.key != "question"]
        near = [i for i in near if i in open_themes]
        if not open_themes:
            continue
        index = near[0] if near else open_themes[turn % len(open_themes)]
        turn += 0 if near else 1
        plan.setdefault(index, []).append(topic)
    return {i: tuple(t) for i, t in plan.items()}


def within_limits(tone: Mapping[str, Any], programme: ProgrammeTerms | None) -> dict[str, Any]:
    """Tone answers kept inside the programme's current limits."""
    kept = dict(tone)
    for limit in programme.tone if programme else ():
        if limit.dimension in kept:
            kept[limit.dimension] = min(limit.high, max(limit.low, _int(kept[limit.dimension], 3)))
    return kept


LIGHT_POSTS = 2  # short posts a theme offers at least, when it has two days or more
LEND_WORTH_SAYING = 15  # minutes a week gives next week's post before its line says so


def person_timing(
    library: Library, area: Any, sectors: Sequence[str], family: str | None
) -> Timing | None:
    """The working day a person posts around: their field's, sector's or family's
    (a teacher's evening, a tradesperson's early start); None for an office day."""
    timings = getattr(library, "timings", None)
    if timings is None:
        return None
    return timings.timing_for(area.slug if area else None, sectors, family)


def _concepts_here(area: Any, country: str) -> tuple[str, ...]:
    """The field's concepts that hold where the person lives: the tone asks a UK
    employment solicitor to spell out COT3, never a US statute's acronym."""
    if not area:
        return ()
    abroad = area.concepts_abroad(country)
    return tuple(c for c in area.concepts if c not in abroad)


def timely_keys(ideas: Sequence[PostIdea], theme: Any) -> list[str]:
    """The keys of a theme's ideas on an angle marked ``timely`` (a change due in
    or just before the plan's weeks), which its calendar posts first."""
    timely = {a.slug for a in getattr(theme, "angles", ()) if getattr(a, "timely", False)}
    return [i.key for i in ideas if i.angle in timely] if timely else []


def seasons_of(theme: Any) -> dict[str, tuple[int, ...]]:
    """A theme's angles that belong in some months of the year (``months``), by
    slug: the calendar dates their posts only in those months."""
    return {a.slug: a.months for a in getattr(theme, "angles", ()) if getattr(a, "months", ())}


def due_keys(ideas: Sequence[PostIdea], theme: Any, months: Sequence[int]) -> list[str]:
    """The keys its calendar posts first: ideas on a ``timely`` angle, then those
    on a seasonal angle whose months the theme's ``months`` reach, so the last
    payroll of the year is posted in the December weeks, not crowded out of them.
    A seasonal idea outside its months is not due: it stays a spare."""
    seasons = seasons_of(theme)
    seasonal = [
        i.key
        for i in ideas
        if set(seasons.get(premise_of(i.angle), ())) & set(months)
        and premise_of(i.angle) == i.angle
    ]
    timely = timely_keys(ideas, theme)
    return timely + [key for key in seasonal if key not in timely]


def _names_setting(work: Mapping[str, Any]) -> Any:
    """Whether the person's role, field, sub-topics and audience name one of a
    list of settings, every word of it, as a theme's settings are matched
    (``theme_fit.theme_setting``): a farm vet's tone is heard on the farm."""
    words = setting_words(person_text(work))

    def named(settings: Sequence[str]) -> bool:
        return any((wanted := setting_words(s)) and wanted <= words for s in settings)

    return named


def build_plan(
    answers: Mapping[str, Mapping[str, Any]],
    library: Library,
    *,
    seed: int,
    today: date,
    preferences: IdeaPreferences | None = None,
    programme: ProgrammeTerms | None = None,
) -> Plan:
    """Turn stored answers (by step name) into a framework."""
    work = answers.get("work", {})
    comfort = answers.get("comfort", {})
    goals = list(answers.get("goals", {}).get("goals") or ())
    themes_answer = answers.get("themes", {})

    kept_keys = chosen_theme_keys(answers)
    area = library.field_for(work, kept_keys)
    sectors = field_sectors(area, work, library)
    expertise = expertise_name(work, area)
    topics = split_lines(work.get("subtopics"))
    audience = (
        lower_first(" ".join(str(work.get("audience") or "").split())) or "people in your field"
    )
    rung = min(5, max(1, _int(comfort.get("rung"), 1)))
    channels = list(comfort.get("channels") or ())
    pace = cadence(rung, str(comfort.get("time") or ""), library)

    try:
        start = date.fromisoformat(str(themes_answer.get("start_date")))
    except ValueError:
        start = next_monday(today)

    company_themes = programme.company_themes if programme else ()
    suggestions = suggest_themes(work, goals, library, company_themes, kept_keys)
    disclosure = disclosure_line(programme, DISCLOSURE_DEFAULT)
    rows = chosen_rows(themes_answer.get("themes") or [])
    place = place_from_answer(themes_answer)
    # A teacher's, a shift worker's or a tradesperson's day: their time and closures.
    # A plan that would open in the school holidays opens when school is back.
    timings = getattr(library, "timings", None)
    family = playbook_family(library, area, work)
    timing = person_timing(library, area, sectors, family)
    chosen_start, waited_for = start, ""
    if timings is not None:
        start, waited_for = first_open_week(start, place, timing, timings)
    # An angle on one country's law or bodies reaches only the people who live there.
    chosen: list[ThemeChoice] = [
        in_country_words(
            for_country(resolve_theme(row, suggestions, library), place.country),
            library,
            place.country,
        )
        for row in rows
    ]
    lengths = [max(1, _int(row.get("weeks"), 2)) for row in rows]  # open weeks, each theme
    preferences = preferences or IdeaPreferences()
    tone_answers = within_limits(answers.get("tone", {}), programme)
    context = IdeaContext(
        library=library,
        seed=seed,
        rung=rung,
        channels=channels,
        topics=topics,
        audience=audience,
        expertise=expertise,
        concepts=tuple(getattr(area, "concepts", ()) or ()),
        abroad=area.concepts_abroad(place.country) if area else frozenset(),
        goals=goals,
        disclosure=disclosure,
        fence=_fence(sectors, library),
        sensitive=content_fences(sectors, library),
        guarded=_guarded(sectors, library),
        lesson=_lesson(sectors, library),
        cases=load_voice().cases_for(
            area.slug if area else None, area.family if area else None, sectors
        ),
        tone=tone_positions(tone_answers, library),
        career=_career_angles(area, place.country, _names_setting(work)),
        spare=_spare_angles(
            area, [theme.key for theme in chosen], place.country, _names_setting(work)
        )
        if area
        else tuple(map(material, spare_template_angles(work, library, [t.key for t in chosen]))),
        topic_premises=tuple(
            map(material, spare_template_angles(work, library, [t.key for t in chosen]))
        )
        if area
        else (),
        moments=tuple(
            (m.name, m.month, m.kind)
            for m in (area.moments_in(_names_setting(work)) if area else ())
            if holds_in(m, place.country)
        ),
        post_minutes=pace.post_minutes,
        country=place.country,
        learner=learns_in_public(str(work.get("role") or ""), goals),
    )
    cover = cover_plan(topics, chosen)
    # Closed weeks (not one free day: a quiet period, a closure) do not count toward
    # a theme's length: the calendar runs on past them (see `theme_periods`).
    calendars: dict[int, tuple[Place, dict[date, str], list[int]]] = {}

    def free_in(weeks: int) -> list[int]:
        """Free days in each of ``weeks`` weeks from the start (and the place's closures)."""
        end = start + timedelta(days=7 * weeks - 1)
        shut = with_closures(place, timing, timings, start, end) if timings is not None else place
        blocked = shut.blocked(start, end)
        free = [
            sum(1 for n in range(7) if start + timedelta(days=7 * w + n) not in blocked)
            for w in range(weeks)
        ]
        calendars[weeks] = (shut, blocked, free)
        return free

    total_weeks, closed = weeks_with_room(sum(lengths), free_in)
    place, free_days, free_per_week = calendars[total_weeks]  # the first length tried
    posting = posting_time(
        _post_time(themes_answer.get("post_time")),
        DEFAULT_POST_TIME,
        timing,
        shown=_post_time(themes_answer.get("offered_time")),
    )
    # Everyone who wants to speak gets a talk abstract by mid-plan, whatever their rung.
    promised = promise(pace, free_per_week, talk_anyway="speaking" in goals)
    # Every week fits the time the person gave: reading, comments, posts, bigger pieces.
    times = week_times(
        pace.budget_minutes,
        pace.listening_minutes,
        pace.comments_floor,
        pace.comments_per_week,
        free_per_week,
    )
    costs = {LONG: (LONG_PIECE_MINUTES, LONG_PIECE_WEEKS), TALK: (ABSTRACT_MINUTES, 1)}
    planned = schedule(
        start,
        total_weeks,
        pace.posts_per_week,
        long_pieces=promised.long_pieces,
        talks=promised.talks,
        blocked=free_days,
        room=[t.budget - t.listening for t in times],  # a bigger piece's week skips comments
        costs=costs,
    )
    # Posts in each open week: themes are ordered and fed over the open weeks only.
    open_posts_per_week = [
        len(kinds)
        for kinds, shut in zip(
            planned_kinds(planned, total_weeks), closed or [False] * total_weeks, strict=True
        )
        if not shut
    ]
    if suggested_order(chosen, suggestions):
        # The themes on the person's own sub-topics come first and get the fullest
        # weeks; the quiet and holiday weeks go to themes they did not ask for.
        order = arrange_themes(
            lengths, [asked_score(topics, theme) for theme in chosen], open_posts_per_week
        )
        rows = [rows[i] for i in order]
        chosen = [chosen[i] for i in order]
        lengths = [lengths[i] for i in order]
        cover = cover_plan(topics, chosen)
    # A theme whose open weeks hold no post (too little time in them) takes open
    # weeks from a neighbour; closed weeks are the theme's that meets them.
    periods = theme_periods(fed_weeks(lengths, open_posts_per_week), start, closed)
    bigger = bigger_shares(planned_kinds(planned, total_weeks), costs)
    tier = library.tier(rung)
    offer_long = tier.long_form_per_month > 0 and not any(p.kind == LONG for p in planned)
    offer_talk = (tier.talks_per_quarter > 0 or "speaking" in goals) and not any(
        p.kind == TALK for p in planned
    )
    shut_weeks = frozenset(n + 1 for n, shut in enumerate(closed) if shut)
    ledger = Ledger({n + 1: t.room - bigger[n] for n, t in enumerate(times)}, closed=shut_weeks)
    # The most one post can take in a usual week: the median week's time for posts.
    rooms = sorted(t.room for t in times if t.room > 0) or [0]
    post_room = rooms[len(rooms) // 2]
    review_answer = answers.get("review", {})
    retired = frozenset(str(key) for key in review_answer.get("retired") or ())

    def open_posts(ideas: list[PostIdea]) -> list[PostIdea]:
        """Posts the calendar may use: not set aside, not used in an earlier period."""
        return [
            i
            for i in ideas
            if i.is_post and preferences.marks.get(i.key) != HIDDEN and i.key not in retired
        ]

    outline = []
    premise_weeks: dict[str, list[int]] = {}  # posts on one premise stay weeks apart
    comments: dict[int, str] = {}
    subjects_by_week: dict[int, list[str]] = {}
    weeks_before = 0
    posted_before = 0  # open weeks before the theme: the weeks the person has posted in
    # The career or people theme takes the hiring posts; without one, the theme that
    # fits best (never one about failures or incidents).
    hiring = hiring_plan(chosen, topics) if "hiring" in goals else {}
    if hiring and area:
        context.hiring_pools = hiring_pools(chosen, next(iter(hiring)), context)
    for index, (theme, period) in enumerate(zip(chosen, periods, strict=True)):
        number = index + 1
        identity = theme_identity(theme.key, theme.title)
        in_theme = [p for p in planned if weeks_before < p.week <= weeks_before + period.weeks]
        kinds = Counter(p.kind for p in in_theme)
        slots_wanted = len(in_theme)
        shape = {
            # A theme with angles offers each of them; a theme without (typed by
            # the person, or a company theme) gets enough ideas for its days.
            "count": MIN_IDEAS_PER_THEME
            if len(theme.angles) >= MIN_IDEAS_PER_THEME
            else max(MIN_IDEAS_PER_THEME, slots_wanted),
            "stretch": rung <= 2 and posted_before >= STRETCH_AFTER_WEEKS,
            "company_theme": theme.key.startswith("company:"),
            # A bigger piece the week's time cannot hold is offered as an idea, not scheduled.
            "talk": kinds[TALK] > 0 or (offer_talk and index == len(chosen) // 2),
            "long_piece": kinds[LONG] > 0 or (offer_long and index == len(chosen) // 2),
            "series": "learning" in goals,
            "hiring": hiring.get(index, 0),
            "products": "products" in goals and index < 2,
            "extra": MORE_IDEAS_BATCH * preferences.batches(identity, number),
            "cover": cover.get(index, ()),
            "months": months_of(period.start, period.weeks),
        }
        taken = set(context.taken)
        use = context.channel_use.copy()
        series = context.series
        closes = context.closes.copy()
        shapes, watched = context.comment_shapes.copy(), set(context.watched)
        said, polled = context.said.copy(), set(context.polled)
        few = shape["count"] > MIN_IDEAS_PER_THEME and theme.key != "question"
        ideas = ideas_for_theme(theme, context, posts_needed=slots_wanted, fill_posts=few, **shape)
        # Posts on one premise stay weeks apart, so a theme's days want as many
        # premises as posts (a follow-up or a question on a premise already used counts once).
        posts_open = [i for i in open_posts(ideas) if i.format_slug not in BIG_FORMATS]
        short = kinds[POST] - len({premise_of(i.angle) for i in posts_open})
        # A tight week (after a week off, say) holds only a short post: with one short
        # post in the theme, colleagues whose turns differ would still both take it.
        light = sum(1 for i in posts_open if i.minutes <= post_room)
        short = max(short, LIGHT_POSTS - light if kinds[POST] >= LIGHT_POSTS else 0)
        if period.closed:
            # After a closed week a post cannot take time from the week before: a
            # theme that runs on past one wants a short post on its own premise a day.
            quick = {premise_of(i.angle) for i in posts_open if i.minutes <= post_room}
            short = max(short, kinds[POST] - len(quick))
        if short > 0:
            # Every day the outline promises gets a post: ideas set aside as "not
            # for me", used in an earlier period or too few angles are made up.
            context.taken, context.channel_use, context.series = taken, use, series
            context.closes = closes
            context.comment_shapes, context.watched = shapes, watched
            context.said, context.polled = said, polled
            wanted = sum(1 for i in ideas if i.is_post) + short
            ideas = ideas_for_theme(theme, context, posts_needed=wanted, fill_posts=True, **shape)
        for kind in (LONG, TALK):
            have = sum(1 for i in open_posts(ideas) if i.format_slug in KIND_FORMATS[kind])
            for extra in range(kinds[kind] - have):
                made = bigger_idea(kind, theme, context, ideas, extra, shape["company_theme"])
                if made is not None:
                    ideas.append(made)
        usable = open_posts(ideas)
        # A short post on the angle a longer piece argues in full comes last in the
        # calendar's queue, so the two do not both appear while others wait.
        argued = {i.angle.partition(":")[2] for i in usable if i.format_slug in BIG_FORMATS}
        by_kind = {
            POST: spread_formats(
                last_of(
                    argued,
                    after_parents(
                        rotate_posts(
                            [i for i in usable if i.format_slug not in BIG_FORMATS] or usable,
                            seed,
                            pace.posts_per_week,
                            # A theme made from a template: its own angles before any typed line;
                            # a field's theme: a change due now (``timely``) before the rest.
                            first=[i.key for i in usable if not i.angle.startswith("tpl:")]
                            if theme.key.startswith("template:")
                            else due_keys(usable, theme, shape["months"]),
                            room=post_room,
                        )
                    ),
                )
            ),
            **{k: [i for i in usable if i.format_slug in f] for k, f in KIND_FORMATS.items()},
        }
        if index == 0 and rung <= GENTLE_RUNGS:
            by_kind[POST] = gentle_opening(
                by_kind[POST],
                {a.slug: a.kinds for a in getattr(theme, "angles", ())},
                due=()
                if theme.key.startswith("template:")
                else due_keys(usable, theme, shape["months"]),
            )
        if "hiring" in goals:
            days = sum(1 for p in in_theme if p.kind == POST)
            by_kind[POST] = hiring_in_turn(by_kind[POST], seed, days)
        slots = tuple(
            Slot(p.day, p.week, number, theme.title, idea, p.kind)
            for p, idea in pick_ideas(
                in_theme,
                by_kind,
                ledger,
                premise_weeks,
                seasons={**moment_seasons(context.moments), **seasons_of(theme)},
            )
        )
        subjects = watch_terms([*(i for i in ideas if not i.is_post), *usable], context)
        for week in range(weeks_before + 1, weeks_before + period.weeks + 1):
            offset = (week - weeks_before - 1) * 2
            subjects_by_week[week] = (subjects[offset:] + subjects[:offset])[:2]
        outline.append(
            OutlineTheme(
                number,
                theme.title,
                theme.summary,
                period,
                tuple(ideas),
                tuple(slots),
                identity,
                pause_line(
                    period,
                    free_days,
                    place.dates,
                    {name for _, name in place.closures},
                    place.weekend,
                ),
            )
        )
        weeks_before += period.weeks
        posted_before += period.open_weeks

    role = capitalise(" ".join(str(work.get("role") or "").split()))
    all_slots = [s for t in outline for s in t.slots]
    # A bigger piece that found no idea (none left, or its premise was posted too
    # recently) asks for no time: the weeks count only what the calendar holds.
    filled = {(s.day, s.kind) for s in all_slots}
    held = [p for p in planned if p.kind == POST or (p.day, p.kind) in filled]
    bigger = bigger_shares(planned_kinds(held, total_weeks), costs)
    # Comments take the time each week's posts left, up to the cadence's number; a
    # week without a working day is a week off, comments too.
    counts = {
        week: week_comments(times[week - 1], bigger[week - 1], ledger.spent.get(week, 0))
        for week in range(1, weeks_before + 1)
    }
    minutes = {
        week: times[week - 1].listening
        + counts[week] * COMMENT_MINUTES
        + bigger[week - 1]
        + ledger.spent.get(week, 0)
        for week in counts
    }
    week_kinds = planned_kinds(planned, total_weeks)
    for week, count in counts.items():
        ahead = week_kinds[week] if week < total_weeks else []
        starts = (
            "the longer piece"
            if LONG in ahead and LONG_PIECE_WEEKS > 1
            else "the post"
            if ledger.lent.get(week, 0) >= LEND_WORTH_SAYING
            else ""
        )
        comments[week] = week_line(
            comment_line(count, subjects_by_week.get(week, [])),
            starts_next=starts,
            minutes=minutes[week],
            budget=pace.budget_minutes,
            full=times[week - 1].budget == pace.budget_minutes,
            # Time lent over closed weeks goes to the first post after them.
            goes_out="after the break" if week + 1 in shut_weeks else "next week",
            split=(
                bigger[week - 1] + ledger.spent.get(week, 0),
                count * COMMENT_MINUTES,
                times[week - 1].listening,
            ),
        )
    full = [counts[w] for w, free in enumerate(free_per_week, start=1) if free >= 5]
    kinds_kept = Counter(slot.kind for slot in all_slots)
    promised = replace(
        promised,
        posts=len(all_slots),
        long_pieces=kinds_kept[LONG],
        talks=kinds_kept[TALK],
        comments_per_week=max(full, default=pace.comments_per_week),
        comments_low=min(full, default=-1),
        lighter=len(all_slots) < sum(min(pace.posts_per_week, f) for f in free_per_week),
    )
    channel_names = {c.slug: c.name for c in library.channels}
    goal_labels = {g.slug: g.label for g in library.goals}
    plan = Plan(
        role=role,
        expertise=expertise,
        area_name=area.name if area else None,
        subtopics=tuple(topics),
        audience=audience,
        rung=rung,
        rung_label=next((r.label for r in library.rungs if r.rung == rung), ""),
        channels=tuple(channel_names.get(c, c) for c in channels),
        goals=tuple(goal_labels.get(g, g) for g in goals),
        tone=tone_profile(
            tone_answers,
            library,
            field=area.slug if area else None,
            family=area.family if area else None,
            sectors=sectors,
            concepts=_concepts_here(area, place.country),
            channels=channels,
            rung=rung,
            audience=str(work.get("audience") or ""),
            goals=goals,
            named=_names_setting(work),
            country=place.country,
        ),
        cadence=pace,
        start=start,
        outline=tuple(outline),
        playbook=tuple(
            situation_playbook(
                answers.get("situations", {}),
                library,
                playbook_sectors(library, sectors, programme.sector if programme else ""),
                family,
                person_standing(work, programme is not None),
                playbook_field(area),
                goals,
                place.country,
            )
        ),
        post_time=posting.at,
        time_note=" ".join(
            filter(
                None,
                (posting.line(place.dates), moved_start(chosen_start, start, waited_for, place)),
            )
        ),
        time_zone=_time_zone(themes_answer.get("time_zone")),
        marks=dict(preferences.marks),
        calendar=tuple(
            calendar_weeks(
                all_slots,
                start,
                weeks_before,
                comments,
                free_days,
                weekend=place.weekend,
                minutes=minutes,
                budgets={n + 1: t.budget for n, t in enumerate(times)},
                runs={name for _, name in place.closures},
            )
        ),
        programme=programme,
        place=place,
        promise=promised,
        setup=setup_week(
            first_post=start,
            role=role,
            expertise=expertise,
            subtopics=topics,
            audience=audience,
            area=area,
            country=place.country,
            channels=channels,
            minutes_a_week=library.budget(str(comfort.get("time") or "")).minutes,
            rung=rung,
            theme=chosen[0] if chosen else None,
            themes=tuple(chosen[1:]),
            names_setting=_names_setting(work),
        ),
        rung_labels={r.rung: r.label for r in library.rungs},
        period=max(1, _int(review_answer.get("period"), 1)),
        retired=retired,
        notes=tuple(review_answer.get("notes") or ())[-1:],
        spelling=spelling_for(place.country),
    )
    note = field_note(
        area,
        str(work.get("expertise") or ""),
        topics,
        [e.sector for e in plan.playbook],
        role=str(work.get("role") or ""),
        programme=programme is not None,
    )
    if note:
        plan = replace(plan, field_note=note)
    # The plan's text is finished here, in the spelling the person reads.
    return respell_tree(plan, plan.spelling, KEEP_SPELLING)


def bigger_idea(
    kind: str,
    theme: ThemeChoice,
    context: IdeaContext,
    ideas: list[PostIdea],
    number: int,
    company_theme: bool,
) -> PostIdea | None:
    """A longer piece or a talk for a theme whose angles did not give one:
    built from the theme's own posts, so the calendar keeps what the outline promises."""
    slug = KIND_FORMATS[kind][0]
    fmt = context.formats.get(slug)
    if fmt is None:
        return None
    build = _Builder(theme, context, company_theme=company_theme)
    suffix = f", part {number + 1}" if number else ""
    angles = [material(a) for a in theme.angles]
    if angles and theme.key == QUESTION_THEME:
        # A question people bring is answered at length, never asked back.
        fresh = [answered(a) for a in angles if answered(a).premise.lower() not in context.taken]
        if not fresh:
            return None
        pick = fresh[0]
        title = (
            f"{pick.premise}{suffix}" if kind == LONG else f"Talk abstract: {pick.premise}{suffix}"
        )
        outline = [*pick.points, *fmt.angle_steps]
        piece = Material(f"long:{pick.slug}", pick.premise, (), pick.kinds, pick.ask)
        return build.add(piece, fmt, variant=f"{kind}-{number}", title=title, outline=outline)
    if angles:
        # Argued from the theme's strongest angle, the others' key points as support;
        # never one a talk or a longer piece of the theme already argues, which the
        # calendar would hold back as a repeat when both fall in one week.
        argued = {premise_of(i.angle) for i in ideas if i.format_slug in BIG_FORMATS}
        angles = [a for a in angles if a.slug not in argued] or angles
        return argued_piece(build, angles, fmt, variant=f"{kind}-{number}", suffix=suffix)
    # A theme with no angles (typed, or a company's): its own posts are the sections.
    parts = [i.hook for i in ideas if i.is_post and i.format_slug not in BIG_FORMATS][:3]
    if kind == LONG:
        title = f"{capitalise(theme.title)}: the longer read{suffix}"
        outline = [*(f"Section: {part}" for part in parts), *fmt.angle_steps]
    else:
        title = f"A talk on {lower_first(theme.title)}{suffix}"
        outline = [
            *(f"A moment from your own work behind “{part}”" for part in parts[:2]),
            "Write a three-sentence abstract that promises one clear takeaway",
        ]
    whole = Material(f"{kind}-{number}", theme.title, (), ("explainer",), "")
    return build.add(whole, fmt, variant=f"{kind}-{number}", title=title, outline=outline or None)
