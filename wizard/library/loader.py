"""Reads the knowledge library's TOML files into typed, immutable records.

The library is loaded once per process (``load_library`` is cached) and is
read-only afterwards, so every request shares it.
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

LIBRARY_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Theme:
    """A theme an expert can post about, with concrete angles."""

    title: str
    summary: str
    angles: tuple[str, ...]


@dataclass(frozen=True)
class ExpertiseArea:
    """An expertise area with what people call it, who listens, and themes."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    audiences: tuple[str, ...]
    subtopics: tuple[str, ...]
    themes: tuple[Theme, ...]


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


@dataclass(frozen=True)
class SituationOption:
    """One reasonable way to handle a situation."""

    slug: str
    label: str
    detail: str


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
    """A theme built from the person's own words when the library lacks them."""

    title: str
    summary: str
    angles: tuple[str, ...]
    uses: str
    goal: str | None


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

    @functools.cached_property
    def _match_keys(self) -> dict[str, ExpertiseArea]:
        keys: dict[str, ExpertiseArea] = {}
        for area in self.areas:
            for key in (area.name, area.slug.replace("-", " "), *area.aliases):
                keys.setdefault(normalise(key), area)
        keys.pop("", None)
        return keys

    def area(self, slug: str) -> ExpertiseArea | None:
        """The expertise area with this slug."""
        return next((area for area in self.areas if area.slug == slug), None)

    def match_expertise(self, text: str) -> ExpertiseArea | None:
        """The library's area for what a person typed, or None if it has none.

        Tries an exact name or alias, then the longest name or alias found as
        whole words inside the text, then a close spelling.
        """
        wanted = normalise(text)
        if not wanted:
            return None
        keys = self._match_keys
        if wanted in keys:
            return keys[wanted]
        padded = f" {wanted} "
        inside = [key for key in keys if f" {key} " in padded]
        if inside:
            return keys[max(inside, key=len)]
        close = difflib.get_close_matches(wanted, keys, n=1, cutoff=0.82)
        return keys[close[0]] if close else None

    def situation(self, slug: str) -> Situation | None:
        """The situation with this slug."""
        return next((s for s in self.situations if s.slug == slug), None)

    def tier(self, rung: int) -> CadenceTier:
        """The cadence tier for a comfort rung."""
        return next((t for t in self.tiers if t.rung == rung), self.tiers[0])

    def budget(self, slug: str) -> TimeBudget:
        """The time budget with this slug (the smallest if unknown)."""
        return next((b for b in self.time_budgets if b.slug == slug), self.time_budgets[0])


def _read(name: str) -> dict:
    with open(LIBRARY_DIR / name, "rb") as handle:
        return tomllib.load(handle)


def _area(path: Path) -> ExpertiseArea:
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return ExpertiseArea(
        slug=path.stem,
        name=data["name"],
        aliases=tuple(data.get("aliases", ())),
        audiences=tuple(data.get("audiences", ())),
        subtopics=tuple(data.get("subtopics", ())),
        themes=tuple(
            Theme(t["title"], t.get("summary", ""), tuple(t.get("angles", ())))
            for t in data["themes"]
        ),
    )


@functools.cache
def load_library() -> Library:
    """Load (once per process) and return the knowledge library."""
    tone = _read("tone.toml")
    comfort = _read("comfort.toml")
    return Library(
        areas=tuple(_area(p) for p in sorted((LIBRARY_DIR / "expertise").glob("*.toml"))),
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
            )
            for f in _read("formats.toml")["formats"]
        ),
        situations=tuple(
            Situation(
                slug=s["slug"],
                title=s["title"],
                summary=s.get("summary", ""),
                recommended=s["recommended"],
                do=tuple(s.get("do", ())),
                dont=tuple(s.get("dont", ())),
                touches_employer=bool(s.get("touches_employer", False)),
                options=tuple(
                    SituationOption(o["slug"], o["label"], o.get("detail", ""))
                    for o in s["options"]
                ),
            )
            for s in _read("situations.toml")["situations"]
        ),
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
            for t in _read("cadence.toml")["tiers"]
        ),
        channels=tuple(
            Channel(c["slug"], c["name"], c.get("note", ""))
            for c in _read("channels.toml")["channels"]
        ),
        goals=tuple(
            Goal(g["slug"], g["label"], g.get("hint", ""), bool(g.get("touches_employer", False)))
            for g in _read("goals.toml")["goals"]
        ),
        theme_templates=tuple(
            ThemeTemplate(
                title=t["title"],
                summary=t.get("summary", ""),
                angles=tuple(t.get("angles", ())),
                uses=t.get("uses", "topic"),
                goal=t.get("goal") or None,
            )
            for t in _read("themes.toml")["templates"]
        ),
    )
