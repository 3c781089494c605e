"""Reads the knowledge library's TOML files into typed, immutable records.

The library is loaded once per process (``load_library`` is cached) and is
read-only afterwards, so every request shares it.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wizard.library.match import Matcher, everyday_words
from wizard.library.schema import (
    LibraryError,
    country_problems,
    field_problems,
    repeated_premises,
    replaced_in,
)
from wizard.library.terms import (
    TERM_NAME,
    Term,
    build_terms,
    fill,
    placeholder_problems,
    placeholders,
    terms_problems,
    title_problems,
)
from wizard.library.timing import Timings, read_timings

LIBRARY_DIR = Path(__file__).parent
OWN_WORDS = "own"  # step 1's choice to keep one's own words instead of a library field


@dataclass(frozen=True)
class Angle:
    """A complete post premise: what the post says and the formats it suits."""

    slug: str
    premise: str
    points: tuple[str, ...]
    kinds: tuple[str, ...]
    ask: str
    # For a theme template's angle: the kinds of sub-topic its premise reads true
    # for (TOPIC_KINDS); empty for any.
    fits: tuple[str, ...] = ()
    # ISO country codes where it holds ("US", "GB"); empty: it holds everywhere.
    countries: tuple[str, ...] = ()
    # Countries where another angle of its theme, its version for them (``replaces``),
    # stands in its place: a UK data protection officer reads the ICO and "outside the
    # UK" where everyone else reads the EDPB and "outside the EEA".
    replaced_in: tuple[str, ...] = ()
    # For a theme template's angle: the same post for people whose patients' or
    # clients' cases are confidential (a sector's ``composite_cases``), told as
    # a composite or a pattern across many cases, never one recent case.
    confidential: Angle | None = None
    # A change due in or just before the plan's weeks (a law that commences on
    # a date, a deadline): the calendar posts it first in its theme.
    timely: bool = False
    # The months of the year a post from this angle belongs in (1-12; empty: any):
    # the last payroll of the year is posted in December, never in January. The
    # calendar dates it only on a day in one of them; otherwise it stays a spare.
    months: tuple[int, ...] = ()
    # What a post from this angle keeps out, where its own subject brings a risk
    # the sector's fence does not name (a midwife's home birth kit: no photos of
    # the kit or car, no area named): shown as "Keep out" beside the key points.
    fence: str = ""

    def holds_in(self, country: str) -> bool:
        """Whether the angle reaches a person in ``country`` (an ISO code, "" unknown):
        an angle tagged with countries reaches only people who live in one of them, and
        one with a version for their country gives way to it."""
        code = COUNTRY_ALIASES.get(country, country)
        if code and code in self.replaced_in:
            return False
        return not self.countries or code in self.countries


# Codes the country list offers beside the ISO one ("UK" beside "GB").
COUNTRY_ALIASES = {"UK": "GB"}
# Kinds of small workplace a sector may give its own words for (``Sector.workplace_terms``).
WORKPLACES = ("practice", "school")
# A word written in lowercase in a field's prose, not part of a hyphenated or
# mixed-case word ("add-ons" holds no "ons"): an everyday word to the matcher.
PLAIN_WORD = re.compile(r"(?<![A-Za-z0-9'’-])[a-z]+(?![A-Za-z0-9'’-])")


@dataclass(frozen=True)
class Theme:
    """A theme an expert can post about, with concrete angles."""

    slug: str
    title: str
    summary: str
    angles: tuple[Angle, ...]
    # The settings of the field the theme is written for ("school", "small animal"):
    # a person who names another of the field's settings sees it later (themes.py).
    settings: tuple[str, ...] = ()
    # About the profession at large (licensure, speaking in public) rather than a
    # subject of the work: offered after the person's own subjects. None: decided by
    # its slug (a careers theme is general).
    general: bool | None = None
    # The field's most exposed subject (book challenges for a school librarian):
    # offered after the person's other themes of its band, so a plan that has it
    # does not open with it (themes.py).
    exposed: bool = False
    # (country code, title, summary): the theme in the words of a country that
    # names the work differently (a US payroll year-end is W-2s and Form 941
    # reconciliation, a UK one the final FPS and P60s); its angles are unchanged.
    versions: tuple[tuple[str, str, str], ...] = ()

    def words_in(self, country: str) -> tuple[str, str]:
        """The theme's title and summary for a person in ``country`` (an ISO code)."""
        code = COUNTRY_ALIASES.get(country, country)
        found = next(((t, s) for c, t, s in self.versions if code and c == code), None)
        return found or (self.title, self.summary)


@dataclass(frozen=True)
class Moment:
    """A dated moment in a field's year: a conference, deadline, release or season."""

    name: str
    month: int
    kind: str
    countries: tuple[str, ...] = ()  # as an angle's: where it matters; empty: everywhere
    # The settings it belongs to, as a theme's (an equine congress is an equine vet's,
    # fireworks season a small animal vet's); empty: every setting.
    settings: tuple[str, ...] = ()

    def holds_in(self, country: str) -> bool:
        """Whether the moment matters to a person in ``country`` (as ``Angle.holds_in``)."""
        return not self.countries or COUNTRY_ALIASES.get(country, country) in self.countries


@dataclass(frozen=True)
class ExpertiseArea:
    """A field: what people call it, its concepts, who listens, and its themes."""

    slug: str
    name: str
    family: str
    sectors: tuple[str, ...]
    aliases: tuple[str, ...]
    concepts: tuple[str, ...]
    audiences: tuple[str, ...]
    follow: tuple[str, ...]
    subtopics: tuple[str, ...]
    moments: tuple[Moment, ...]
    themes: tuple[Theme, ...]
    # Its own words for terms its sectors' cards use (``terms.py``): a
    # paramedic's regulator is the HCPC in the UK, not "the GMC, NMC, HCPC or GPhC".
    terms: tuple[Term, ...] = ()
    # Concepts that are one country's own law, bodies or practice, with the codes
    # of the countries they belong to: a UK planner's comments never watch for a
    # US "zoning ordinance" (see `concepts_abroad`).
    concept_countries: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Settings of the field no theme is written for ("farm", "inpatient"): a
    # person who names one has named a setting, so themes written for another
    # setting come later (the themes' own ``settings`` are settings too).
    settings: tuple[str, ...] = ()
    # Post-nominals and licences its practitioners put after their name ("RM (UK)",
    # "MRICS"): the setup week leaves a marked gap for them in the profile line.
    credentials: tuple[str, ...] = ()
    # The settings a credential belongs to, where it is not the whole field's (a
    # medical interpreter's "CHI (US)": "medical", "healthcare"): the profile offers
    # it only to people who name one of them.
    credential_settings: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # The tags its people really use ("#Midwifery"), beyond the one its name makes.
    hashtags: tuple[str, ...] = ()
    # What the work is and whom it serves, as it follows "My work is" ("finding a
    # medicine's risks in adverse event reports early ..."): the setup week's About
    # says it in the field's words, not a skeleton every field shares.
    about: str = ""
    # Follow lists for one setting, each with the settings that name it: an equine
    # vet reads BEVA and the AAEP, not the feline practitioners (`follows_in`).
    setting_follows: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()

    def all_settings(self) -> tuple[str, ...]:
        """Every setting the field names: its own, its themes', its moments' and
        its follow lists'."""
        return tuple(
            dict.fromkeys(
                [
                    *self.settings,
                    *(s for t in self.themes for s in t.settings),
                    *(s for m in self.moments for s in m.settings),
                    *(s for settings, _ in self.setting_follows for s in settings),
                ]
            )
        )

    def follows_in(self, named: Callable[[Sequence[str]], bool]) -> tuple[str, ...]:
        """The follows for a person's setting: the first setting list they name
        (``named`` says whether they name one of a list of settings) stands in for
        the field's own, which everyone else reads."""
        return next((f for s, f in self.setting_follows if named(s)), self.follow)

    def moments_in(self, named: Callable[[Sequence[str]], bool]) -> tuple[Moment, ...]:
        """The moments for a person's setting: one written for some settings reaches
        those who name one of them, and those who name none of the field's (a vet
        who says nothing of horses or pets loses nothing)."""
        anywhere = not named(self.all_settings())
        return tuple(m for m in self.moments if not m.settings or anywhere or named(m.settings))

    def concepts_abroad(self, country: str) -> frozenset[str]:
        """The concepts that belong to other countries than ``country`` (an ISO code;
        "" unknown, for whom every concept holds, as none can be ruled out)."""
        code = COUNTRY_ALIASES.get(country, country)
        if not code:
            return frozenset()
        return frozenset(c for c, codes in self.concept_countries if code not in codes)

    def theme(self, slug: str) -> Theme | None:
        """The theme with this slug."""
        return next((t for t in self.themes if t.slug == slug), None)


@dataclass(frozen=True)
class PostFormat:
    """A kind of post, from a comment (little effort) to a talk (a lot)."""

    slug: str
    name: str
    effort: int
    rung: int
    minutes: int
    channels: tuple[str, ...]
    long_form: bool
    structure: tuple[str, ...]
    hooks: tuple[str, ...]
    make_it_yours: tuple[str, ...]
    touches_employer: bool
    takes_angles: bool
    first_person: bool = False
    angle_steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class SituationOption:
    """One reasonable way to handle a situation."""

    slug: str
    label: str
    detail: str
    # What to do and avoid when the person holds this approach, where the
    # situation's own lists would contradict it ("Say that you work there, in
    # the reply itself" under "Don't reply"); empty where they hold.
    do: tuple[str, ...] = ()
    dont: tuple[str, ...] = ()


@dataclass(frozen=True)
class Situation:
    """A tricky situation and the ways to handle it."""

    slug: str
    title: str
    summary: str
    recommended: str
    do: tuple[str, ...]
    dont: tuple[str, ...]
    touches_employer: bool
    options: tuple[SituationOption, ...]
    # The same situation worded for someone who runs their own business or
    # works for themselves (no comms team, no employer to refer to), with the
    # same options in the same order; None where the general words fit them.
    owner: Situation | None = None
    # The same situation worded for people whose work sells products or
    # services to customers ("roadmaps", "a refund", "a competitor"), with the
    # same options in the same order; None where the general words fit them.
    # The general words are for everyone else: an archivist, a signaller or a
    # social worker has no product, no roadmap and no sales promotion.
    sells: Situation | None = None
    # Shown only to people whose work sells ("Praising your employer's
    # products"), and to people who run their own business.
    sells_only: bool = False
    # A general situation that only comes with a goal (posting a role comes
    # with "Help my team hire"): the goals that bring it; empty for everyone.
    goals: tuple[str, ...] = ()
    # ISO codes of the only countries where the card holds, as an angle's: a
    # family's or a sector's card may come in several versions under one slug,
    # one for each set of countries and one without (for everyone else).
    countries: tuple[str, ...] = ()
    # ISO codes of countries where the card is not shown at all (``not_in``): an
    # inspection card has no place in the US, where no inspectorate visits a
    # classroom teacher's school; everyone else, and step 6, still reads it.
    not_in: tuple[str, ...] = ()
    # The card for readers of a standing (``STANDINGS``: someone who manages
    # others, a public employee), where a clause of its ``standing`` table has
    # words of their own: a US manager reads that the NLRA leaves supervisors
    # out, a public employee that it does not cover them at all.
    standings: tuple[tuple[str, Situation], ...] = ()

    def in_standing(self, standing: str) -> Situation:
        """The card as a reader of ``standing`` ("" for none) reads it."""
        return dict(self.standings).get(standing, self) if standing else self

    def holds_in(self, country: str) -> bool:
        """Whether the card reaches a person in ``country`` (an ISO code, "" unknown)."""
        code = COUNTRY_ALIASES.get(country, country)
        if code and code in self.not_in:
            return False
        return not self.countries or code in self.countries

    def option(self, slug: str | None) -> SituationOption:
        """The option with this slug, or the recommended one."""
        for option in self.options:
            if option.slug == slug:
                return option
        return self.option(self.recommended) if slug != self.recommended else self.options[0]


@dataclass(frozen=True)
class ToneDimension:
    """One of the four dimensions of tone, with five positions."""

    slug: str
    left: str
    right: str
    question: str
    labels: tuple[str, ...]
    describe: tuple[str, ...]


@dataclass(frozen=True)
class TonePair:
    """A "confident but not cocky" pair."""

    slug: str
    is_: str
    not_: str

    @property
    def text(self) -> str:
        """The pair as a phrase."""
        return f"{self.is_} but not {self.not_}"


@dataclass(frozen=True)
class Rung:
    """A rung on the comfort ladder."""

    rung: int
    label: str
    hint: str


@dataclass(frozen=True)
class TimeBudget:
    """How much time a week a person can give."""

    slug: str
    label: str
    minutes: int


@dataclass(frozen=True)
class CadenceTier:
    """How often to post at a comfort rung."""

    rung: int
    name: str
    posts_per_week: int
    comments_per_week: int
    long_form_per_month: int
    talks_per_quarter: int
    summary: str
    growth: str


@dataclass(frozen=True)
class Channel:
    """Where a person posts."""

    slug: str
    name: str
    note: str


@dataclass(frozen=True)
class Goal:
    """Why a person wants to be visible."""

    slug: str
    label: str
    hint: str
    touches_employer: bool


@dataclass(frozen=True)
class ThemeTemplate:
    """A theme built from the person's own words when the library lacks them.

    Its angles' premises hold ``{topic}``, ``{expertise}`` or ``{audience}``
    placeholders that the themes generator fills.
    """

    slug: str
    title: str
    summary: str
    angles: tuple[Angle, ...]
    uses: str
    goal: str | None
    fits: tuple[str, ...] = ()  # the kinds of sub-topic it is offered for; empty for any


@dataclass(frozen=True)
class Family:
    """A family of fields (software, life sciences, finance ...), with the
    situations its practitioners meet and the general ones that do not fit them."""

    slug: str
    name: str
    summary: str
    situations: tuple[Situation, ...] = ()
    # General situations that do not fit people in this family ("A customer
    # complains" for someone with no customers), left out of their playbook.
    skip: tuple[str, ...] = ()
    # Words in a typed field or role that place a person outside the library's
    # fields in this family ("commercial litigation" -> legal).
    fields: tuple[str, ...] = ()
    # General situations that matter most to the family's people, shown first
    # among the general ones ("A competitor comes up" for salespeople).
    lead: tuple[str, ...] = ()
    # The family's own default approach for general situations, as (situation,
    # option) pairs: "stay out of it" rather than "share your view" for people
    # whose role asks for it.
    recommend: tuple[tuple[str, str], ...] = ()
    # General situations in the family's own words, as (slug, situation) pairs:
    # a teacher's "Confidential or unreleased information" names exam papers
    # and pupils' records, not roadmaps and unreleased products.
    words: tuple[tuple[str, Situation], ...] = ()
    # Situations (general or the family's own) that do not fit one of its
    # fields, as (field slug, situation slugs) pairs: an in-house treasurer
    # handles no one's payslips.
    field_skip: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Whether the family's people work where products or services are sold
    # to customers (software, hardware, commercial roles): they read the
    # general situations' ``sells`` words. A family that does not say so
    # (a lawyer's, a civil servant's, a new one) reads the neutral words.
    sells: bool = False
    # The family's own situations that only some of its fields meet, as
    # (situation slug, field slugs) pairs: a live HMRC enquiry is a tax
    # manager's card, an employee asking about their payslip a payroll
    # manager's. People in the family's other fields, or in a field the
    # library does not know, are not shown them.
    only: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def shows(self, situation: str, field: str | None) -> bool:
        """Whether a person in ``field`` (None: a field the library does not
        know) is shown the family's own ``situation``, before ``field_skip``."""
        fields = dict(self.only).get(situation)
        return fields is None or (field is not None and field in fields)


@dataclass(frozen=True)
class Sector:
    """A regulated sector: its sources, the fence on ideas that touch it, its
    extra playbook situations, and the words that show a text touches it."""

    slug: str
    name: str
    sources: str
    fence: str
    situations: tuple[Situation, ...]
    triggers: tuple[str, ...]
    # Words in a typed field, role or sub-topic that place a person outside the
    # library's fields in this sector ("occupational therapist" -> healthcare).
    fields: tuple[str, ...] = ()
    # Situations (general or a family's) that do not fit people in this sector.
    skip: tuple[str, ...] = ()
    # The sector's default approach for general situations, as (situation,
    # option) pairs; a sector's outranks its people's family's.
    recommend: tuple[tuple[str, str], ...] = ()
    # General situations in the sector's own words, as a family's ``words``;
    # a sector's outrank its people's family's.
    words: tuple[tuple[str, Situation], ...] = ()
    # Whether its people's cases are confidential (patients', clients'): a
    # template's story of "one recent case" becomes a composite for them.
    composite_cases: bool = False
    # Whether its people's employer is fenced off in what they post (its systems,
    # suppliers, banks, controls, incidents and past failures): their ideas ask
    # for patterns across cases, published examples or what they would tell a
    # newcomer, never for their own workplace (see ``wizard/generators/fences.py``).
    # A sector with ``composite_cases`` is guarded too.
    guarded: bool = False
    # The line a guarded person's story of their own mistake carries beside the
    # fence, in the sector's words (a midwife's composite of many cases, a
    # solicitor's nothing privileged); '' for the general line (see `fences`).
    lesson: str = ""
    # The sector's own situations that only some of its fields meet, as a
    # family's ``only``: exam boards, school inspections and lab demonstrations
    # are a schoolteacher's cards, not a university lecturer's.
    only: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Whether the sector's people work where products are sold (medicines,
    # devices, financial products) or not (air traffic services), whatever
    # their family says: see ``Family.sells``; None where the sector leaves
    # it to the family.
    sells: bool | None = None
    # The words its cards take from the reader's field and country, for each
    # ``{placeholder}`` they hold (see ``wizard/library/terms.py``).
    terms: tuple[Term, ...] = ()
    # The words a few of those terms take in a small workplace, for a person
    # whose field has no words of its own for them, by kind of workplace:
    # "practice" (a dental or GP practice, a pharmacy, a clinic: no wards,
    # trusts or compliance hotlines) and "school" (a school nurse's health
    # office, the district's routes), from ``practice_terms`` and ``school_terms``.
    workplace_terms: tuple[tuple[str, tuple[Term, ...]], ...] = ()
    # What an idea's content names that brings a fence even in a format that
    # needs none ("stay put", "diversity audit"), from fences.toml: lowercase
    # words and phrases, each list with its own line ('' for ``fence``).
    sensitive: tuple[tuple[tuple[str, ...], str], ...] = ()
    # Sectors of a person's field whose place this one takes when the role they
    # type names this sector's ``fields`` words and none of that sector's: a
    # public affairs manager at a charity, in the public policy field, reads a
    # charity's campaigning cards instead of the civil service's neutrality.
    replaces: tuple[str, ...] = ()
    # The sector's own situations that some of its fields never meet, as
    # (situation slug, field slugs) pairs: a fire engineer is asked about a
    # building's fire safety in a card of their own, never about a crack in a wall.
    not_for: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def terms_at(self, workplace: str) -> tuple[Term, ...]:
        """The sector's words for a kind of small workplace ("practice",
        "school"; "" for none): empty where it gives none."""
        return dict(self.workplace_terms).get(workplace, ())

    def shows(self, situation: str, field: str | None) -> bool:
        """Whether a person in ``field`` (None: a field the library does not
        know) is shown the sector's own ``situation``."""
        if field is not None and field in dict(self.not_for).get(situation, ()):
            return False
        fields = dict(self.only).get(situation)
        return fields is None or (field is not None and field in fields)


def normalise(text: str) -> str:
    """Lower-case words only, for matching what people type."""
    text = text.lower().replace("&", " and ").replace("/", " ")
    return " ".join(re.findall(r"[a-z0-9+#]+", text))


@dataclass(frozen=True)
class Library:
    """Everything Byline knows, loaded from the TOML files."""

    areas: tuple[ExpertiseArea, ...]
    formats: tuple[PostFormat, ...]
    situations: tuple[Situation, ...]
    tone_dimensions: tuple[ToneDimension, ...]
    tone_pairs: tuple[TonePair, ...]
    tone_crisis: str
    tone_advice: str
    rungs: tuple[Rung, ...]
    time_budgets: tuple[TimeBudget, ...]
    tiers: tuple[CadenceTier, ...]
    channels: tuple[Channel, ...]
    goals: tuple[Goal, ...]
    theme_templates: tuple[ThemeTemplate, ...]
    families: tuple[Family, ...] = ()
    sectors: tuple[Sector, ...] = ()
    version: str = ""
    # Posting times and closures for work that is not an office day (cadence.toml).
    timings: Timings = Timings()

    @functools.cached_property
    def _matcher(self) -> Matcher:
        return Matcher(
            (
                (
                    area.slug,
                    (area.name, area.slug.replace("-", " "), *area.aliases),
                    area.subtopics,
                    area.concepts,
                )
                for area in self.areas
            ),
            everyday_words() | self._prose_words,
        )

    @functools.cached_property
    def _prose_words(self) -> frozenset[str]:
        """The words the fields' themes and angles write in lowercase: everyday
        words to the matcher, beside the easy-word list ("credit", "crew")."""
        texts = (
            text
            for area in self.areas
            for theme in area.themes
            for text in (
                theme.title,
                theme.summary,
                *(t for angle in theme.angles for t in (angle.premise, angle.ask, *angle.points)),
            )
        )
        return frozenset(w for text in texts for w in re.findall(PLAIN_WORD, text))

    def area(self, slug: str) -> ExpertiseArea | None:
        """The expertise area with this slug."""
        return self._areas_by_slug.get(slug)

    @functools.cached_property
    def _areas_by_slug(self) -> dict[str, ExpertiseArea]:
        """Every area by its slug (the first, should two share one), worked out once."""
        return {area.slug: area for area in reversed(self.areas)}

    def family(self, slug: str) -> Family | None:
        """The family with this slug."""
        return next((f for f in self.families if f.slug == slug), None)

    def sector(self, slug: str) -> Sector | None:
        """The sector with this slug."""
        return next((s for s in self.sectors if s.slug == slug), None)

    def sectors_for(self, text: str) -> tuple[str, ...]:
        """The sectors whose field words a typed field, role or sub-topic names
        (whole words), for a person outside the library's fields."""
        words = f" {normalise(text)} "
        return tuple(
            s.slug for s in self.sectors if any(f" {field} " in words for field in s.fields)
        )

    def sectors_in_place(self, own: Sequence[str], role: str) -> tuple[str, ...]:
        """A field's sectors ``own`` for a person whose typed ``role`` names a
        sector that takes the place of one of them (``Sector.replaces``), with
        that sector in its place; a role that also names the replaced sector's
        own words keeps it ("Public affairs officer in a government department")."""
        named = set(self.sectors_for(role))
        swaps = {
            old: sector.slug
            for sector in self.sectors
            if sector.slug in named
            for old in sector.replaces
            if old in own and old not in named
        }
        return tuple(dict.fromkeys(swaps.get(slug, slug) for slug in own))

    def family_for(self, text: str) -> Family | None:
        """The family whose field words a typed field or role names (whole
        words; the longest phrase wins), for a person outside the library's fields."""
        words = f" {normalise(text)} "
        found = [
            (len(field), n, family)
            for n, family in enumerate(self.families)
            for field in family.fields
            if f" {field} " in words
        ]
        return max(found, key=lambda f: (f[0], -f[1]))[2] if found else None

    def template(self, slug: str) -> ThemeTemplate | None:
        """The theme template with this slug."""
        return next((t for t in self.theme_templates if t.slug == slug), None)

    def match_expertise(self, text: str) -> ExpertiseArea | None:
        """The library's field for what a person typed, or None when Byline
        cannot tell (honest matching: see ``wizard/library/match.py``)."""
        slug = self._matcher.match(text or "")
        return self.area(slug) if slug else None

    @functools.cached_property
    def area_names(self) -> tuple[str, ...]:
        """Every field's name, in the library's order (the work step's suggestions)."""
        return tuple(area.name for area in self.areas)

    def field_for(
        self, work: Mapping[str, Any], themes: Iterable[str] = ()
    ) -> ExpertiseArea | None:
        """The field behind a person's step 1 answers.

        Their own pick wins: a field's slug, or ``own`` to keep their own
        words (no field). Without a pick, the field matched from what they
        typed as their expertise, if Byline can tell, with their role and
        sub-topics choosing between close fields ("Regulatory affairs" with
        "notified bodies" is medical device regulatory affairs).

        ``themes``: the theme keys a person already chose. When they are all
        the themes of the field the expertise alone matches, that field is
        kept, so a plan finished before role and sub-topics counted keeps
        its field until the person changes step 1 or their themes.
        """
        choice = str(work.get("field") or "")
        if choice == OWN_WORDS:
            return None
        if self.area(choice):
            return self.area(choice)
        expertise = str(work.get("expertise") or "")
        context = [str(work.get("role") or ""), *str(work.get("subtopics") or "").splitlines()]
        slug = self._matcher.refine(expertise, context)
        plain = self._matcher.match(expertise)
        if slug != plain and plain and _only_themes_of(plain, themes):
            slug = plain
        return self.area(slug) if slug else None

    def theme_keys_of(self, answers: Mapping[str, Any]) -> tuple[str, ...]:
        """The keys of the themes kept in ``answers`` (``chosen_theme_keys``), for templates."""
        return chosen_theme_keys(answers)

    def situation(self, slug: str) -> Situation | None:
        """The situation with this slug."""
        return next((s for s in self.situations if s.slug == slug), None)

    def tier(self, rung: int) -> CadenceTier:
        """The cadence tier for a comfort rung."""
        return next((t for t in self.tiers if t.rung == rung), self.tiers[0])

    def budget(self, slug: str) -> TimeBudget:
        """The time budget with this slug (the smallest if unknown)."""
        return next((b for b in self.time_budgets if b.slug == slug), self.time_budgets[0])


def chosen_theme_keys(answers: Mapping[str, Any]) -> tuple[str, ...]:
    """The keys of the themes a person kept in their stored answers (for
    ``field_for``); none from answers of another shape (an import's, say)."""
    themes = answers.get("themes")
    rows = themes.get("themes") if isinstance(themes, Mapping) else ()
    if not isinstance(rows, list | tuple):
        rows = ()
    return tuple(
        str(row.get("key") or "") for row in rows if isinstance(row, Mapping) and row.get("include")
    )


def _only_themes_of(slug: str, keys: Iterable[str]) -> bool:
    """Whether the field's themes are among ``keys`` and no other field's are."""
    fields = {key.split(":")[1] for key in keys if key.startswith("area:") and key.count(":") >= 2}
    return fields == {slug}


def _read(name: str, directory: Path = LIBRARY_DIR) -> dict:
    with open(directory / name, "rb") as handle:
        return tomllib.load(handle)


def _angle(data: Mapping[str, Any], replaced_in: Iterable[str] = ()) -> Angle:
    safe = data.get("confidential")
    if safe is not None and not (
        isinstance(safe, Mapping) and safe.get("premise") and safe.get("points")
    ):
        raise LibraryError(f"angle {data['slug']}: confidential needs a premise and points")
    return Angle(
        slug=data["slug"],
        premise=data["premise"],
        points=tuple(data.get("points", ())),
        kinds=tuple(data.get("kinds", ())),
        ask=str(data.get("ask", "")),
        fits=_fits(data, f"angle {data['slug']}"),
        countries=tuple(data.get("countries", ())),
        replaced_in=tuple(replaced_in),
        confidential=_angle({**data, **safe, "confidential": None}) if safe else None,
        timely=data.get("timely") is True,
        months=tuple(int(m) for m in data.get("months", ())),
        fence=str(data.get("fence", "")).strip(),
    )


# What a typed sub-topic can name: work the person does (written work read later
# and treatments are work too, with premises of their own), a pressure that
# reaches the work, or a group of people (wizard/generators/topic_kind.py reads it).
TOPIC_KINDS = (
    "activity",
    "problem",
    "people",
    "record",
    "treatment",
    "debate",
    "experience",
    "condition",
    "method",
    "skill",
    "pest",
    "tool",
    "rule",
    "animal",
    "substance",
    "terms",
    "place",
    "ethics",
    "menu",
    "safety",
)


def _fits(data: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """A template's or its angle's ``fits`` list, checked against TOPIC_KINDS."""
    fits = tuple(data.get("fits", ()))
    wrong = [kind for kind in fits if kind.removeprefix("!") not in TOPIC_KINDS]
    if wrong:
        raise LibraryError(f"themes.toml: {where}: fits {wrong} is not one of {TOPIC_KINDS}")
    return fits


def _area(path: Path, families: set[str], sectors: Mapping[str, Iterable[str]]) -> ExpertiseArea:
    """One field file, validated against schema v2 (LibraryError names the file
    and field). ``sectors``: each sector's slug with the names of its terms."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LibraryError(f"expertise/{path.name}: not valid TOML: {error}") from error
    problems = field_problems(path.stem, data, text, families, sectors)
    problems += _field_terms_problems(data, sectors)
    if problems:
        listed = "\n".join(f"expertise/{path.name}: {p}" for p in problems)
        raise LibraryError(f"{len(problems)} problem(s) in expertise/{path.name}:\n{listed}")
    return ExpertiseArea(
        slug=path.stem,
        name=data["name"],
        family=data["family"],
        sectors=tuple(data["sectors"]),
        aliases=tuple(data["aliases"]),
        concepts=tuple(data["concepts"]),
        audiences=tuple(data["audiences"]),
        follow=tuple(data["follow"]),
        subtopics=tuple(data["subtopics"]),
        moments=tuple(
            Moment(
                m["name"],
                int(m["month"]),
                m["kind"],
                tuple(m.get("countries", ())),
                tuple(m.get("settings", ())),
            )
            for m in data.get("moments", ())
        ),
        themes=tuple(
            Theme(
                slug=t["slug"],
                title=t["title"],
                summary=t["summary"],
                angles=tuple(
                    _angle(a, replaced_in(t["angles"]).get(a["slug"], ())) for a in t["angles"]
                ),
                settings=tuple(t.get("settings", ())),
                general=t.get("general"),
                exposed=bool(t.get("exposed", False)),
                versions=tuple(
                    (code, v["title"], v["summary"]) for code, v in t.get("versions", {}).items()
                ),
            )
            for t in data["themes"]
        ),
        terms=build_terms(data.get("terms", {})),
        concept_countries=_concept_countries(data.get("concept_countries", {})),
        settings=tuple(data.get("settings", ())),
        setting_follows=tuple(
            (tuple(f["settings"]), tuple(f["follow"])) for f in data.get("setting_follows", ())
        ),
        credentials=tuple(data.get("credentials", ())),
        credential_settings=tuple(
            (name, tuple(where)) for name, where in data.get("credential_settings", {}).items()
        ),
        hashtags=tuple(data.get("hashtags", ())),
        about=str(data.get("about", "")),
    )


def _concept_countries(table: Mapping[str, Any]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A checked ``concept_countries`` table, turned round: each tagged concept with
    the codes of the countries it belongs to."""
    found: dict[str, list[str]] = {}
    for code, concepts in table.items():
        for concept in concepts:
            found.setdefault(concept, []).append(code)
    return tuple((concept, tuple(codes)) for concept, codes in found.items())


def _field_terms_problems(
    data: Mapping[str, Any], sectors: Mapping[str, Iterable[str]]
) -> list[str]:
    """What makes a field's ``terms`` unusable: the checks of ``terms_problems``,
    and a term that none of the field's sectors uses on its cards."""
    raw = data.get("terms", {})
    problems = terms_problems("terms", raw, need_any=False)
    if problems or not isinstance(data.get("sectors"), list):
        return problems
    theirs = {name for slug in data["sectors"] for name in sectors.get(slug, ())}
    return [
        f"terms.{name}: no card of the field's sectors uses {{{name}}}"
        for name in raw
        if name not in theirs
    ]


# A reader's standing a card's clause may have its own words for (the keys of a
# card's ``standing`` table beside ``any``), in the order one wins over another:
# a public employee who manages others reads the public employee's words.
STANDINGS = ("public", "manages")


def _filled_raw(value: Any, words: Mapping[str, str]) -> Any:
    """A raw card (TOML tables, lists, text) with each ``{clause}`` in ``words``."""
    if isinstance(value, str):
        return fill(value, words)
    if isinstance(value, Mapping):
        return {k: _filled_raw(v, words) for k, v in value.items()}
    if isinstance(value, list):
        return [_filled_raw(v, words) for v in value]
    return value


def _situation(s: Mapping[str, Any]) -> Situation:
    clauses = s.get("standing")
    if isinstance(clauses, Mapping) and clauses:
        # The card in everyone's words, with its versions for each standing
        # whose words differ (see ``Situation.standings``).
        rest = {k: v for k, v in s.items() if k != "standing"}
        card = _situation(_filled_raw(rest, {n: c["any"] for n, c in clauses.items()}))
        versions = tuple(
            (
                key,
                _situation(
                    _filled_raw(rest, {n: c.get(key, c["any"]) for n, c in clauses.items()})
                ),
            )
            for key in STANDINGS
            if any(key in c for c in clauses.values())
        )
        return dataclasses.replace(card, standings=versions)
    options = tuple(
        SituationOption(
            o["slug"],
            o["label"],
            o.get("detail", ""),
            tuple(o.get("do", ())),
            tuple(o.get("dont", ())),
        )
        for o in s["options"]
    )
    owner = s.get("owner")
    sells = _sells_words(s)
    return Situation(
        slug=s["slug"],
        title=s["title"],
        summary=s.get("summary", ""),
        recommended=s["recommended"],
        do=tuple(s.get("do", ())),
        dont=tuple(s.get("dont", ())),
        touches_employer=bool(s.get("touches_employer", False)),
        options=options,
        # Someone who runs their own business sells: their words fall back to
        # the sells words where the situation has them.
        owner=(
            _owner_words(sells or s, owner, _situation(sells).options if sells else options)
            if isinstance(owner, Mapping)
            else None
        ),
        sells=_situation(sells) if sells else None,
        sells_only=bool(s.get("sells_only", False)),
        goals=tuple(s.get("goals", ())),
        countries=tuple(s.get("countries", ())),
        not_in=tuple(s.get("not_in", ())),
    )


def _sells_words(s: Mapping[str, Any]) -> dict[str, Any] | None:
    """A situation's words for people whose work sells (its ``sells`` table
    over its general words), as situation keys; None where it has none."""
    table = s.get("sells")
    if not isinstance(table, Mapping):
        return None
    general = {k: v for k, v in s.items() if k not in ("sells", "owner", "sells_only")}
    return {**general, **_flat(general, table)}


def _owner_words(
    s: Mapping[str, Any], owner: Mapping[str, Any], options: tuple[SituationOption, ...]
) -> Situation:
    """A situation's wording for someone who runs their own business: its
    ``owner`` table's title, summary, recommended option, do and don't, and
    option labels, details and lists, each falling back to the general words
    (an option's general lists only where the owner's words keep the general
    situation's lists too)."""
    words = owner.get("options", {})
    return Situation(
        slug=s["slug"],
        title=owner.get("title", s["title"]),
        summary=owner.get("summary", s.get("summary", "")),
        recommended=owner.get("recommended", s["recommended"]),
        do=tuple(owner.get("do", s.get("do", ()))),
        dont=tuple(owner.get("dont", s.get("dont", ()))),
        touches_employer=bool(s.get("touches_employer", False)),
        options=tuple(
            SituationOption(
                o.slug,
                words.get(o.slug, {}).get("label", o.label),
                words.get(o.slug, {}).get("detail", o.detail),
                tuple(words.get(o.slug, {}).get("do", () if "do" in owner else o.do)),
                tuple(words.get(o.slug, {}).get("dont", () if "dont" in owner else o.dont)),
            )
            for o in options
        ),
    )


def _owner_problems(where: str, s: Mapping[str, Any]) -> list[str]:
    """What makes a situation's ``owner`` wording unusable."""
    owner = s.get("owner")
    if owner is None:
        return []
    return _wording_problems(f"{where}.owner", owner, s)


def _wording_problems(
    where: str, words: Any, s: Mapping[str, Any], recommended: bool = True
) -> list[str]:
    """What makes a situation's wording for some people (an owner's, a
    family's or a sector's) unusable: lists of 2-4 items, options the
    situation has, and a recommended option only where ``recommended``."""
    if not isinstance(words, Mapping):
        return [f"{where}: not a table"]
    known = {
        "title",
        "summary",
        "do",
        "dont",
        "options",
        # A family's or a sector's wording may word the card for its owners too
        # (a pharmacy owner's safety concern is their staff's to raise with them).
        *(("recommended",) if recommended else ("owner",)),
    }
    problems = [f"{where}.{key}: not a wording key" for key in words if key not in known]
    if not recommended and "owner" in words:
        problems += _wording_problems(f"{where}.owner", words["owner"], s)
    problems += [
        f"{where}.{key}: need 2-4 items"
        for key in ("do", "dont")
        if key in words and (not isinstance(words[key], list) or not 2 <= len(words[key]) <= 4)
    ]
    slugs = {o.get("slug") for o in s.get("options", []) if isinstance(o, Mapping)}
    if "recommended" in words and words["recommended"] not in slugs:
        problems.append(f"{where}.recommended: {words['recommended']!r} is not one of its options")
    options = words.get("options", {})
    if not isinstance(options, Mapping):
        return [*problems, f"{where}.options: a table of option slugs"]
    for slug, text in options.items():
        if slug not in slugs:
            problems.append(f"{where}.options: {slug!r} is not one of its options")
        elif not isinstance(text, Mapping) or not set(text) <= {"label", "detail", "do", "dont"}:
            problems.append(f"{where}.options.{slug}: only a label, a detail, do and dont")
        else:
            problems += _list_problems(f"{where}.options.{slug}", text)
    return problems


def _list_problems(where: str, table: Mapping[str, Any]) -> list[str]:
    """An option's own do and don't lists, where it has them: 2-4 items each."""
    return [
        f"{where}.{key}: need 2-4 items"
        for key in ("do", "dont")
        if key in table and (not isinstance(table[key], list) or not 2 <= len(table[key]) <= 4)
    ]


def _group_words(
    where: str, raw: Any, general: Mapping[str, Mapping[str, Any]]
) -> tuple[list[str], tuple[tuple[str, Situation], ...]]:
    """A family's or a sector's ``words`` table (general situation slug ->
    its wording for their people) as built situations, with what makes it
    unusable: a slug that is no general situation, or wording it cannot use."""
    if not isinstance(raw, Mapping):
        return [f"{where}.words: a table of general situation slugs"], ()
    problems: list[str] = []
    built = []
    for slug, table in raw.items():
        situation = general.get(slug)
        if situation is None:
            problems.append(f"{where}.words: {slug!r} is not a general situation")
            continue
        wrong = _wording_problems(f"{where}.words.{slug}", table, situation, recommended=False)
        problems += wrong
        if not wrong:
            built.append((str(slug), _worded(situation, table)))
    return problems, tuple(built)


def _worded(situation: Mapping[str, Any], table: Mapping[str, Any]) -> Situation:
    """A general situation in a family's or a sector's words, falling back to
    its general words; its ``sells`` version falls back to the sells words, so
    a wording never brings a neutral line to people whose work sells. A
    wording's ``owner`` is its own owner table (over the general owner's
    words) or None, never the general owner's words alone
    (``playbook._personal`` picks between them)."""
    own_owner = _owner_over(situation.get("owner"), table["owner"]) if "owner" in table else None

    def over(base: Mapping[str, Any]) -> Situation:
        flat = _flat(base, table)
        if own_owner is not None:
            flat["owner"] = own_owner
        return _situation({**base, **flat})

    worded = over({k: v for k, v in situation.items() if k not in ("owner", "sells")})
    sells = _sells_words(situation)
    return dataclasses.replace(worded, sells=over(sells)) if sells else worded


def _owner_over(general: Any, own: Mapping[str, Any]) -> dict[str, Any]:
    """A wording's owner table over the general owner's words: a key it leaves
    out reads as an owner's (the title "Someone criticizes your business in
    public"), not as an employee's, and an option's words merge the same way."""
    base = dict(general) if isinstance(general, Mapping) else {}
    # Lists the wording gives the card itself outrank the general owner's
    # lists for an option, as a wording's outrank the general option's.
    worded = [k for k in ("do", "dont") if k in own]
    options = {
        slug: {k: v for k, v in words.items() if k not in worded}
        for slug, words in base.get("options", {}).items()
    }
    for slug, words in own.get("options", {}).items():
        options[slug] = {**options.get(slug, {}), **words}
    merged = {**base, **{k: v for k, v in own.items() if k != "options"}}
    merged["options"] = options
    return merged


def _flat(situation: Mapping[str, Any], table: Mapping[str, Any]) -> dict[str, Any]:
    """A wording table as situation keys: its own title, summary, do and
    don't, and the situation's options with their labels and details replaced
    where the table gives them (the owner's words are kept for owners). An
    option's general do and don't are dropped where the table words the
    situation's own lists, so the general ones never outrank its words."""
    words = table.get("options", {})
    flat: dict[str, Any] = {k: v for k, v in table.items() if k not in ("options", "owner")}
    worded = [k for k in ("do", "dont") if k in table]
    flat["options"] = [
        {**{k: v for k, v in o.items() if k not in worded}, **words.get(o["slug"], {})}
        for o in situation["options"]
        if isinstance(o, Mapping)
    ]
    return flat


def _situation_problems(where: str, s: Any) -> list[str]:
    """What makes a situation (in situations.toml or a sector) unusable."""
    if not isinstance(s, Mapping):
        return [f"{where}: not a table"]
    problems = [
        f"{where}.{key}: missing" for key in ("slug", "title", "recommended") if not s.get(key)
    ]
    options = s.get("options")
    if not isinstance(options, list) or not 2 <= len(options) <= 3:
        problems.append(f"{where}.options: need 2-3")
        options = []
    slugs = [o.get("slug") for o in options if isinstance(o, Mapping)]
    if any(not (o.get("label") if isinstance(o, Mapping) else None) for o in options):
        problems.append(f"{where}.options: every option needs a slug and a label")
    for o in options:
        if isinstance(o, Mapping):
            problems += _list_problems(f"{where}.options.{o.get('slug')}", o)
    if s.get("recommended") not in slugs:
        problems.append(f"{where}.recommended: {s.get('recommended')!r} is not one of its options")
    for key in ("do", "dont"):
        items = s.get(key)
        if not isinstance(items, list) or not 2 <= len(items) <= 4:
            problems.append(f"{where}.{key}: need 2-4 items")
    if "sells" in s:
        problems += _wording_problems(f"{where}.sells", s["sells"], s, recommended=False)
    if "countries" in s:
        problems += country_problems(where, s["countries"])
    if "standing" in s:
        problems += _standing_problems(where, s)
    if "not_in" in s:
        problems += country_problems(f"{where}.not_in", s["not_in"])
        if "countries" in s:
            problems.append(f"{where}.not_in: a card for some countries only needs no not_in")
    if not isinstance(s.get("sells_only", False), bool):
        problems.append(f"{where}.sells_only: true or false")
    if "goals" in s:
        problems += _word_list(f"{where}.goals", s["goals"])
        if not s["goals"]:
            problems.append(f"{where}.goals: leave it out rather than empty")
    return problems + _owner_problems(where, s)


# How many situations of its own a family or a sector may add: enough for a
# field's real hazards, few enough that step 6 stays a short read. A sector
# may add a little more than a family: it also leaves out the general cards
# that do not fit its people (a clinician has no customers to complain, no
# products to praise), so its people's playbook stays as long.
OWN_SITUATIONS = (2, 6)
SECTOR_SITUATIONS = (2, 8)


def _extra_situations(
    where: str, raw: Any, seen: set[str], bounds: tuple[int, int] = OWN_SITUATIONS
) -> list[str]:
    """What makes a family's or a sector's own situations unusable (2-6 of
    them shown to everyone, 2-8 for a sector, each well formed, each slug
    unused so far; ``seen`` grows). Those a family shows only some of its
    fields (``only``) are counted per field, once the fields are known
    (``_check_field_skips``)."""
    low, high = bounds
    shared = (
        list(
            dict.fromkeys(
                x.get("slug") if isinstance(x, Mapping) else n
                for n, x in enumerate(raw)
                if not (isinstance(x, Mapping) and "only" in x)
            )
        )
        if isinstance(raw, list)
        else []
    )
    if not isinstance(raw, list) or not low <= len(shared) <= high:
        count = len(shared)
        return [f"{where}.situations: {count} shown to all its people, need {low}-{high}"]
    problems = []
    own: set[Any] = set()
    for m, situation in enumerate(raw):
        problems += _situation_problems(f"{where}.situations[{m}]", situation)
        slug = situation.get("slug") if isinstance(situation, Mapping) else None
        if slug in seen and slug not in own:
            problems.append(f"{where}.situations[{m}].slug: {slug!r} is used twice")
        seen.add(slug)
        own.add(slug)
    return problems + _version_problems(where, raw)


def _standing_problems(where: str, s: Mapping[str, Any]) -> list[str]:
    """What is wrong with a card's ``standing`` table: each clause is a
    lowercase name with words for anyone (``any``) and for some of
    ``STANDINGS``, and the card uses every clause it defines."""
    clauses = s["standing"]
    if not isinstance(clauses, Mapping) or not clauses:
        return [f'{where}.standing: a table of clause = {{ any = "...", manages = "..." }}']
    problems = []
    used = placeholders({k: v for k, v in s.items() if k != "standing"})
    for name, words in clauses.items():
        here = f"{where}.standing.{name}"
        if not TERM_NAME.match(str(name)):
            problems.append(f"{here}: a clause's name is lowercase words joined by underscores")
        if name not in used:
            problems.append(f"{here}: the card never uses {{{name}}}")
        if not isinstance(words, Mapping) or "any" not in words:
            problems.append(f"{here}: needs words for anyone (any)")
            continue
        problems += [
            f"{here}.{key}: not a standing ({', '.join(('any', *STANDINGS))})"
            for key in words
            if key not in ("any", *STANDINGS)
        ]
        problems += [
            f"{here}.{key}: empty or not text"
            for key, text in words.items()
            if not isinstance(text, str) or not text.strip() or "{" in text
        ]
    return problems


def _with_versions(raw: Any) -> Any:
    """A family's or a sector's situations with each country's version of a
    card (same slug, with ``countries``) read over the version without
    ``countries``: it words only what differs in its countries."""
    if not isinstance(raw, list):
        return raw
    base = {x.get("slug"): x for x in raw if isinstance(x, Mapping) and "countries" not in x}
    return [
        {k: v for k, v in {**base[x.get("slug")], **x}.items() if k != "not_in"}
        if isinstance(x, Mapping) and "countries" in x and x.get("slug") in base
        else x
        for x in raw
    ]


def _version_problems(where: str, raw: list[Any]) -> list[str]:
    """What is wrong with a card that comes in versions by country (one slug,
    several entries): more than one version for everyone else (no
    ``countries``), a country in two versions, or versions that differ in
    their options' slugs (a person's choice must hold whichever they read) or
    in the fields they are kept for (``only``)."""
    versions: dict[Any, list[Mapping[str, Any]]] = {}
    for x in raw:
        if isinstance(x, Mapping):
            versions.setdefault(x.get("slug"), []).append(x)
    problems = []
    for slug, cards in versions.items():
        if len(cards) < 2:
            continue
        here = f"{where}.situations.{slug}"
        if sum("countries" not in c for c in cards) > 1:
            problems.append(
                f"{here}: versions without countries: one at most, the others need them"
            )
        codes = [code for c in cards for code in c.get("countries", ()) if isinstance(code, str)]
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            problems.append(f"{here}: {', '.join(twice)} in more than one version")
        slugs = {
            tuple(o.get("slug") for o in c.get("options", ()) if isinstance(o, Mapping))
            for c in cards
        }
        if len(slugs) > 1:
            problems.append(f"{here}: its versions need the same options (by slug, in order)")
        if len({repr(c.get("only")) for c in cards}) > 1:
            problems.append(f"{here}: its versions need the same 'only'")
    return problems


def _recommend(where: str, raw: Any) -> tuple[list[str], tuple[tuple[str, str], ...]]:
    """A family's or a sector's ``recommend`` table (situation slug -> option
    slug) as pairs, with what makes it unusable."""
    if not isinstance(raw, Mapping) or not all(
        isinstance(v, str) and v.strip() for v in raw.values()
    ):
        return [f"{where}.recommend: a table of situation slug = option slug"], ()
    return [], tuple((str(k), str(v)) for k, v in raw.items())


def _scoped(where: str, raw: Any) -> tuple[list[str], tuple[tuple[str, tuple[str, ...]], ...]]:
    """A family's or a sector's situations kept for some of its fields
    (``only``), as (situation slug, field slugs) pairs, with what makes them
    unusable."""
    listed = raw if isinstance(raw, list) else []
    scoped = [x for x in listed if isinstance(x, Mapping) and "only" in x]
    problems: list[str] = []
    for x in scoped:
        problems += _word_list(f"{where}.situations.{x.get('slug')}.only", x["only"])
    only = tuple(
        (str(x.get("slug")), tuple(x["only"])) for x in scoped if isinstance(x["only"], list)
    )
    return problems, only


def _word_list(where: str, raw: Any) -> list[str]:
    """Problems with a list of non-empty strings."""
    if not isinstance(raw, list) or not all(isinstance(f, str) and f.strip() for f in raw):
        return [f"{where}: a list of words and phrases"]
    return []


def _families(
    directory: Path, seen: set[str], general: Mapping[str, Mapping[str, Any]]
) -> tuple[Family, ...]:
    """The families, each with 2-6 situations of its own (slugs join ``seen``)
    and the ``general`` situations (raw, by slug) in their own words."""
    data = _read("families.toml", directory)
    families = []
    for n, f in enumerate(data.get("families", ())):
        where = f"families.toml: families[{n}]"
        if not f.get("slug") or not f.get("name"):
            raise LibraryError(f"{where}: needs a slug and a name")
        own = _with_versions(f.get("situations"))
        problems = _extra_situations(where, own, seen)
        problems += _word_list(f"{where}.skip", f.get("skip", []))
        problems += _word_list(f"{where}.fields", f.get("fields", []))
        problems += _word_list(f"{where}.lead", f.get("lead", []))
        wrong, recommend = _recommend(where, f.get("recommend", {}))
        problems += wrong
        wrong, words = _group_words(where, f.get("words", {}), general)
        problems += wrong
        field_skip = f.get("field_skip", {})
        if not isinstance(field_skip, Mapping):
            problems.append(f"{where}.field_skip: a table of field slug = situation slugs")
            field_skip = {}
        for field, slugs in field_skip.items():
            problems += _word_list(f"{where}.field_skip.{field}", slugs)
        wrong, only = _scoped(where, own)
        problems += wrong
        # A family's cards name no terms: only a sector's are filled per field.
        problems += placeholder_problems(where, f, ())
        if problems:
            raise LibraryError("\n".join(problems))
        families.append(
            Family(
                f["slug"],
                f["name"],
                f.get("summary", ""),
                situations=tuple(_situation(x) for x in own),
                skip=tuple(f.get("skip", ())),
                fields=tuple(normalise(w) for w in f.get("fields", ())),
                lead=tuple(f.get("lead", ())),
                recommend=recommend,
                words=words,
                field_skip=tuple((str(k), tuple(v)) for k, v in field_skip.items()),
                only=only,
                sells=bool(f.get("sells", False)),
            )
        )
    if len({f.slug for f in families}) != len(families):
        raise LibraryError("families.toml: a family slug is used twice")
    return tuple(families)


def _check_skips(
    situations: tuple[Situation, ...],
    families: tuple[Family, ...],
    sectors: tuple[Sector, ...],
) -> None:
    """Every skipped slug names a situation a person could otherwise be shown,
    and nobody's own situations are skipped by their own family or sector."""
    general = {s.slug for s in situations}
    family_slugs = {s.slug for f in families for s in f.situations}
    problems = [
        f"families.toml: {f.slug}.{key}: {slug!r} is not a general situation"
        for f in families
        for key, slugs in (("skip", f.skip), ("lead", f.lead))
        for slug in slugs
        if slug not in general
    ]
    problems += [
        f"families.toml: {f.slug}.lead: {slug!r} is also skipped"
        for f in families
        for slug in set(f.lead) & set(f.skip)
    ]
    problems += [
        f"sectors.toml: {s.slug}.skip: {slug!r} is not a general or a family's situation"
        for s in sectors
        for slug in s.skip
        if slug not in general | family_slugs
    ]
    problems += _recommend_problems(situations, families, sectors)
    if problems:
        raise LibraryError("\n".join(problems))


def _check_field_skips(
    situations: tuple[Situation, ...], families: tuple[Family, ...], areas: tuple[Any, ...]
) -> None:
    """Every field a family's ``field_skip`` names is one of the family's
    fields, and every situation it leaves out is one that field's people
    would otherwise be shown: a general one or the family's own (never
    "Confidential or unreleased information" or "When you're not sure").
    A family's situation kept for some fields (``only``) names fields of the
    family, and none of its fields is shown more than six of the family's own."""
    general = {s.slug for s in situations} - {"confidential-information", "any-doubt"}
    problems = []
    high = OWN_SITUATIONS[1]
    for family in families:
        own = {s.slug for s in family.situations}
        members = {a.slug for a in areas if a.family == family.slug}
        problems += _only_problems(
            "families.toml", "family", family, members, high, dict(family.field_skip)
        )
        for field, slugs in family.field_skip:
            where = f"families.toml: {family.slug}.field_skip.{field}"
            if field not in members:
                problems.append(f"{where}: not a field of the family")
            problems += [
                f"{where}: {slug!r} is not a general or the family's situation it may skip"
                for slug in slugs
                if slug not in general | own
            ]
    if problems:
        raise LibraryError("\n".join(problems))


def _only_problems(
    file: str,
    kind: str,
    group: Family | Sector,
    members: set[str],
    high: int,
    skipped: Mapping[str, Iterable[str]],
) -> list[str]:
    """What is wrong with a family's or a sector's situations kept for some
    fields (``only``): a field that is not one of the group's, or a field shown
    more than ``high`` of the group's own situations (less those it skips)."""
    problems = [
        f"{file}: {group.slug}.situations.{slug}.only: {field!r} is not a field of the {kind}"
        for slug, fields in group.only
        for field in fields
        if field not in members
    ]
    for field in sorted(members):
        gone = set(skipped.get(field, ()))
        shown = {
            s.slug for s in group.situations if group.shows(s.slug, field) and s.slug not in gone
        }
        if len(shown) > high:
            problems.append(
                f"{file}: {group.slug}: {field} is shown {len(shown)} of the "
                f"{kind}'s situations, at most {high}"
            )
    return problems


def _check_sector_only(sectors: tuple[Sector, ...], areas: tuple[Any, ...]) -> None:
    """A sector's situation kept for some fields (``only``) names fields of
    the sector, and none of them is shown more than eight of its own."""
    problems = []
    high = SECTOR_SITUATIONS[1]
    for sector in sectors:
        # A field reaches a sector through its own sectors, or through one the
        # sector takes the place of (``Sector.replaces``).
        reach = {sector.slug, *sector.replaces}
        members = {a.slug for a in areas if reach & set(a.sectors)}
        problems += _only_problems("sectors.toml", "sector", sector, members, high, {})
    if problems:
        raise LibraryError("\n".join(problems))


def _check_reach(
    situations: tuple[Situation, ...],
    families: tuple[Family, ...],
    sectors: tuple[Sector, ...],
    goals: set[str],
) -> None:
    """A situation's ``goals`` name known goals, and only general situations
    have them: a family's or a sector's own situation is for its people, or
    for some of its fields (``only``), whatever their goals."""
    problems = []
    for s in situations:
        where = f"situations.toml: {s.slug}"
        problems += [f"{where}.goals: {g!r} is not a goal" for g in s.goals if g not in goals]
    for where, group in [
        *((f"families.toml: {f.slug}", f) for f in families),
        *((f"sectors.toml: {s.slug}", s) for s in sectors),
    ]:
        problems += [
            f"{where}.{s.slug}.goals: only a general situation names goals"
            for s in group.situations
            if s.goals
        ]
    if problems:
        raise LibraryError("\n".join(problems))


def _recommend_problems(
    situations: tuple[Situation, ...],
    families: tuple[Family, ...],
    sectors: tuple[Sector, ...],
) -> list[str]:
    """Every default a family or a sector sets names a general situation its
    people are shown and one of that situation's own options."""
    general = {s.slug: s for s in situations}
    problems = []
    for where, group in [
        *((f"families.toml: {f.slug}", f) for f in families),
        *((f"sectors.toml: {s.slug}", s) for s in sectors),
    ]:
        for slug, option in group.recommend:
            situation = general.get(slug)
            if situation is None:
                problems.append(f"{where}.recommend: {slug!r} is not a general situation")
            elif slug in group.skip:
                problems.append(f"{where}.recommend: {slug!r} is also skipped")
            elif option not in {o.slug for o in situation.options}:
                problems.append(f"{where}.recommend.{slug}: {option!r} is not one of its options")
    return problems


def _lesson_problems(where: str, sector: Mapping[str, Any]) -> list[str]:
    """What is wrong with a sector's ``lesson``: it is one sentence shown as
    written, and only a guarded sector's stories carry one."""
    if "lesson" not in sector:
        return []
    lesson = sector["lesson"]
    if not isinstance(lesson, str) or not lesson.strip():
        return [f"{where}.lesson: one sentence, not empty"]
    problems = []
    if not (sector.get("guarded") or sector.get("composite_cases")):
        problems.append(f"{where}.lesson: only a guarded sector's stories carry one")
    text = lesson.strip()
    if "{" in text or not text.endswith(".") or ". " in text[:-1]:
        problems.append(f"{where}.lesson: one sentence ending in a full stop, no {{placeholder}}")
    return problems


def _sectors(
    directory: Path, seen: set[str], general: Mapping[str, Mapping[str, Any]]
) -> tuple[Sector, ...]:
    """The sectors, each with 2-6 situations of its own (slugs join ``seen``)
    and the ``general`` situations (raw, by slug) in their own words."""
    data = _read("sectors.toml", directory)
    sectors = []
    for n, s in enumerate(data.get("sectors", ())):
        where = f"sectors.toml: sectors[{n}]"
        problems = [
            f"{where}.{key}: missing"
            for key in ("slug", "name", "sources", "fence")
            if not isinstance(s.get(key), str) or not s[key].strip()
        ]
        triggers = s.get("triggers")
        if not isinstance(triggers, list) or len(triggers) < 5:
            problems.append(f"{where}.triggers: need at least 5 words or phrases")
        fields = s.get("fields", [])
        problems += _word_list(f"{where}.fields", fields)
        problems += _word_list(f"{where}.skip", s.get("skip", []))
        problems += _word_list(f"{where}.replaces", s.get("replaces", []))
        if s.get("replaces") and not fields:
            problems.append(f"{where}.replaces: needs fields, the words that say it applies")
        situations = _with_versions(s.get("situations", []))
        problems += _extra_situations(where, situations, seen, SECTOR_SITUATIONS)
        wrong, recommend = _recommend(where, s.get("recommend", {}))
        problems += wrong
        wrong, words = _group_words(where, s.get("words", {}), general)
        problems += wrong
        wrong, only = _scoped(where, situations)
        problems += wrong
        hidden = [x for x in situations if isinstance(x, Mapping) and "not_for" in x]
        for x in hidden:
            problems += _word_list(f"{where}.situations.{x.get('slug')}.not_for", x["not_for"])
        not_for = tuple(
            (str(x.get("slug")), tuple(x["not_for"]))
            for x in hidden
            if isinstance(x["not_for"], list)
        )
        problems += _lesson_problems(where, s)
        raw_terms = s.get("terms", {})
        problems += terms_problems(f"{where}.terms", raw_terms, need_any=True)
        cards = {"situations": situations, "words": s.get("words", {})}
        problems += placeholder_problems(
            where, cards, raw_terms if isinstance(raw_terms, Mapping) else ()
        )
        problems += title_problems(where, cards)
        problems += [
            f"{where}.terms.{name}: no card of the sector uses {{{name}}}"
            for name in sorted(set(raw_terms) - placeholders(cards))
            if isinstance(raw_terms, Mapping)
        ]
        workplaces = {kind: s.get(f"{kind}_terms", {}) for kind in WORKPLACES}
        for kind, own in workplaces.items():
            problems += terms_problems(f"{where}.{kind}_terms", own, need_any=False)
            problems += [
                f"{where}.{kind}_terms.{name}: not one of the sector's terms"
                for name in sorted(set(own) - set(raw_terms))
                if isinstance(own, Mapping) and isinstance(raw_terms, Mapping)
            ]
        if problems:
            raise LibraryError("\n".join(problems))
        sectors.append(
            Sector(
                slug=s["slug"],
                name=s["name"],
                sources=s["sources"],
                fence=s["fence"],
                situations=tuple(_situation(x) for x in situations),
                triggers=tuple(t.lower() for t in triggers),
                fields=tuple(normalise(f) for f in fields),
                skip=tuple(s.get("skip", ())),
                recommend=recommend,
                words=words,
                only=only,
                sells=bool(s["sells"]) if "sells" in s else None,
                composite_cases=bool(s.get("composite_cases", False)),
                guarded=bool(s.get("guarded", False) or s.get("composite_cases", False)),
                lesson=str(s.get("lesson", "")).strip(),
                terms=build_terms(raw_terms),
                workplace_terms=tuple(
                    (kind, build_terms(own)) for kind, own in workplaces.items() if own
                ),
                replaces=tuple(s.get("replaces", ())),
                not_for=not_for,
            )
        )
    if len({s.slug for s in sectors}) != len(sectors):
        raise LibraryError("sectors.toml: a sector slug is used twice")
    slugs = {s.slug for s in sectors}
    wrong = [
        f"sectors.toml: {s.slug}.replaces: unknown sector {r!r}"
        for s in sectors
        for r in s.replaces
        if r not in slugs or r == s.slug
    ]
    if wrong:
        raise LibraryError("\n".join(wrong))
    return tuple(sectors)


def _with_sensitive(directory: Path, sectors: tuple[Sector, ...]) -> tuple[Sector, ...]:
    """The sectors with the words that show an idea's content touches what their
    fence keeps out (fences.toml's ``sensitive`` entries), each with the line
    those ideas carry ('' for the sector's fence)."""
    raw = _read("fences.toml", directory).get("sensitive", [])
    slugs = {s.slug for s in sectors}
    problems = []
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for n, entry in enumerate(raw):
        where = f"fences.toml: sensitive[{n}]"
        slug, words, fence = entry.get("sector"), entry.get("words"), entry.get("fence", "")
        if slug not in slugs:
            problems.append(f"{where}.sector: unknown sector {slug!r}")
        problems += _word_list(f"{where}.words", words)
        if isinstance(words, list) and any(str(w) != str(w).lower() for w in words):
            problems.append(f"{where}.words: lowercase words only")
        if not isinstance(fence, str) or "{" in fence:
            problems.append(f"{where}.fence: one sentence, no {{placeholder}}")
        if not problems:
            found.setdefault(slug, []).append((tuple(words), fence.strip()))
    if problems:
        raise LibraryError("\n".join(problems))
    return tuple(
        dataclasses.replace(s, sensitive=tuple(found[s.slug])) if s.slug in found else s
        for s in sectors
    )


def _template(n: int, t: Mapping[str, Any]) -> ThemeTemplate:
    where = f"themes.toml: templates[{n}]"
    if not t.get("slug") or not t.get("title"):
        raise LibraryError(f"{where}: needs a slug and a title")
    angles = t.get("angles", [])
    if not angles or not all(isinstance(a, Mapping) and a.get("slug") for a in angles):
        raise LibraryError(f"{where}.angles: need tables with slug, premise and kinds")
    return ThemeTemplate(
        slug=t["slug"],
        title=t["title"],
        summary=t.get("summary", ""),
        angles=tuple(_angle(a) for a in angles),
        uses=t.get("uses", "topic"),
        goal=t.get("goal") or None,
        fits=_fits(t, f"templates[{n}]"),
    )


def _version(directory: Path) -> str:
    """A digest of every library file's bytes, for caches."""
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*.toml")):
        digest.update(str(path.relative_to(directory)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_library(directory: Path = LIBRARY_DIR) -> Library:
    """Read and validate the library in ``directory`` (raises LibraryError)."""
    tone = _read("tone.toml", directory)
    comfort = _read("comfort.toml", directory)
    written = _read("situations.toml", directory)["situations"]
    # A general card may come in versions by country, as a sector's may.
    raw_situations = _with_versions(written)
    problems = [
        problem
        for n, s in enumerate(raw_situations)
        for problem in _situation_problems(f"situations.toml: situations[{n}]", s)
    ]
    problems += [
        problem
        for s in raw_situations
        if isinstance(s, Mapping)
        for problem in placeholder_problems(
            f"situations.toml: {s.get('slug')}",
            {k: v for k, v in s.items() if k != "standing"},
            s["standing"] if isinstance(s.get("standing"), Mapping) else (),
        )
    ]
    problems += _version_problems("situations.toml", written if isinstance(written, list) else [])
    if problems:
        raise LibraryError("\n".join(problems))
    situations = tuple(_situation(s) for s in raw_situations)
    seen = {s.slug for s in situations}
    # A family or a sector rewords a general card's version for everyone else.
    general: dict[str, Any] = {}
    for s in raw_situations:
        if s["slug"] not in general or "countries" not in s:
            general[s["slug"]] = s
    families = _families(directory, seen, general)
    sectors = _with_sensitive(directory, _sectors(directory, seen, general))
    _check_skips(situations, families, sectors)
    areas = tuple(
        _area(p, {f.slug for f in families}, {s.slug: {t.name for t in s.terms} for s in sectors})
        for p in sorted((directory / "expertise").glob("*.toml"))
    )
    _check_field_skips(situations, families, areas)
    _check_sector_only(sectors, areas)
    goals = _read("goals.toml", directory)["goals"]
    cadence = _read("cadence.toml", directory)
    timings = read_timings(
        cadence, {a.slug for a in areas}, {s.slug for s in sectors}, {f.slug for f in families}
    )
    _check_reach(situations, families, sectors, {g["slug"] for g in goals})
    premises: dict[str, list[tuple[str, str]]] = {}
    for area in areas:
        for theme in area.themes:
            for angle in theme.angles:
                premises.setdefault(angle.premise.lower(), []).append(
                    (f"expertise/{area.slug}.toml", angle.premise)
                )
    repeated = repeated_premises(premises)
    if repeated:
        raise LibraryError("\n".join(repeated))
    return Library(
        areas=areas,
        formats=tuple(
            PostFormat(
                slug=f["slug"],
                name=f["name"],
                effort=int(f["effort"]),
                rung=int(f["rung"]),
                minutes=int(f["minutes"]),
                channels=tuple(f.get("channels", ())),
                long_form=bool(f.get("long_form", False)),
                structure=tuple(f.get("structure", ())),
                hooks=tuple(f["hooks"]),
                make_it_yours=tuple(f.get("make_it_yours", ())),
                touches_employer=bool(f.get("touches_employer", False)),
                takes_angles=bool(f.get("takes_angles", True)),
                first_person=bool(f.get("first_person", False)),
                angle_steps=tuple(f.get("angle_steps", ())),
            )
            for f in _read("formats.toml", directory)["formats"]
        ),
        situations=situations,
        tone_dimensions=tuple(
            ToneDimension(
                slug=d["slug"],
                left=d["left"],
                right=d["right"],
                question=d["question"],
                labels=tuple(d["labels"]),
                describe=tuple(d["describe"]),
            )
            for d in tone["dimensions"]
        ),
        tone_pairs=tuple(TonePair(p["slug"], p["is"], p["not"]) for p in tone["pairs"]),
        tone_crisis=tone.get("crisis", ""),
        tone_advice=tone.get("advice", ""),
        rungs=tuple(Rung(int(r["rung"]), r["label"], r.get("hint", "")) for r in comfort["rungs"]),
        time_budgets=tuple(
            TimeBudget(b["slug"], b["label"], int(b["minutes"])) for b in comfort["time_budgets"]
        ),
        tiers=tuple(
            CadenceTier(
                rung=int(t["rung"]),
                name=t["name"],
                posts_per_week=int(t["posts_per_week"]),
                comments_per_week=int(t.get("comments_per_week", 0)),
                long_form_per_month=int(t.get("long_form_per_month", 0)),
                talks_per_quarter=int(t.get("talks_per_quarter", 0)),
                summary=t.get("summary", ""),
                growth=t.get("growth", ""),
            )
            for t in cadence["tiers"]
        ),
        channels=tuple(
            Channel(c["slug"], c["name"], c.get("note", ""))
            for c in _read("channels.toml", directory)["channels"]
        ),
        goals=tuple(
            Goal(g["slug"], g["label"], g.get("hint", ""), bool(g.get("touches_employer", False)))
            for g in goals
        ),
        theme_templates=tuple(
            _template(n, t) for n, t in enumerate(_read("themes.toml", directory)["templates"])
        ),
        families=families,
        sectors=sectors,
        version=_version(directory),
        timings=timings,
    )


@functools.cache
def load_library() -> Library:
    """Load (once per process), validate and return the knowledge library."""
    return read_library(LIBRARY_DIR)
