"""Which ideas the ideas page shows: by theme, format, effort and mark."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from wizard.generators.ideas import PostIdea
from wizard.generators.plan import OutlineTheme, Plan

# Effort levels as people think of them, over the formats' effort scale (1-5).
EFFORT_LEVELS: dict[str, tuple[str, range]] = {
    "quick": ("Quick: half an hour or less", range(1, 3)),
    "medium": ("An evening's work", range(3, 4)),
    "big": ("A bigger piece", range(4, 6)),
}
MARK_LABELS = {"saved": "Saved", "used": "Used", "hidden": "Not for me"}
SHOW_CHOICES = {
    "open": "Ideas still to use",
    "saved": "Saved",
    "used": "Used",
    "hidden": "Not for me",
    "all": "Everything",
}


@dataclass(frozen=True)
class IdeaFilter:
    """What the person asked to see. ``None`` means "any"."""

    theme: int | None = None
    format: str | None = None
    effort: str | None = None
    show: str = "open"

    def keeps(self, idea: PostIdea, state: str | None) -> bool:
        """Whether an idea passes every part of the filter but the theme."""
        if self.format and idea.format_slug != self.format:
            return False
        if self.effort and idea.effort not in EFFORT_LEVELS[self.effort][1]:
            return False
        if self.show == "open":
            return state not in ("used", "hidden")
        if self.show == "all":
            return True
        return state == self.show


def current_theme(plan: Plan, today: date) -> int | None:
    """The theme whose period holds today (the first before it starts, none after)."""
    if not plan.outline:
        return None
    if today < plan.start:
        return plan.outline[0].number
    for theme in plan.outline:
        if theme.period.start <= today <= theme.period.end:
            return theme.number
    return None


def filter_ideas(
    plan: Plan, chosen: IdeaFilter, marks: Mapping[str, str]
) -> list[tuple[OutlineTheme, list[PostIdea]]]:
    """The themes to show, each with its ideas that pass the filter."""
    return [
        (theme, [idea for idea in theme.ideas if chosen.keeps(idea, marks.get(idea.key))])
        for theme in plan.outline
        if chosen.theme in (None, theme.number)
    ]


def format_choices(plan: Plan) -> list[tuple[str, str]]:
    """The formats that appear among the plan's ideas, in order of effort, each
    under the name most of its ideas carry (a short story is a short
    observation told as a story: the filter names the format, not the story)."""
    efforts: dict[str, int] = {}
    names: dict[str, Counter[str]] = {}
    for idea in plan.ideas:
        efforts.setdefault(idea.format_slug, idea.effort)
        names.setdefault(idea.format_slug, Counter())[idea.format_name] += 1
    chosen = {slug: counts.most_common(1)[0][0] for slug, counts in names.items()}
    return sorted(chosen.items(), key=lambda item: (efforts[item[0]], item[1]))


def stretch_format_names(plan: Plan) -> list[str]:
    """The next rung's formats suggested in this plan, if any."""
    return list(dict.fromkeys(idea.format_name for idea in plan.ideas if idea.stretch))


def stretch_from(plan: Plan) -> OutlineTheme | None:
    """The first theme whose ideas include a step up."""
    return next((t for t in plan.outline if any(i.stretch for i in t.ideas)), None)
