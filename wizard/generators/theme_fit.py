"""How well a field's theme fits the person: their setting, their role and
audience, and whether the theme is about the profession at large.

A field's themes are written for its settings (a school OT's handwriting, a
small animal vet's dentistry, a client-side QS's cost plan). A person whose
words (role, field, sub-topics, audience) name one of the field's settings is
offered the themes written for another setting later, unless they name that
one too. Themes about the profession at large (careers, licensure, speaking in
public) come after the person's own subjects. The ranking itself is in
``themes.suggest_themes``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from wizard.library.loader import ExpertiseArea, Theme

# Where a theme stands for the person: written for a setting they named, for
# none in particular (or they named none), or for another setting of the field.
IN_SETTING, ANY_SETTING, OFF_SETTING = 1, 0, -1

# The sub-topic score (``themes._relevance``) of a theme about a sub-topic: a
# mention in its title or summary, or in three of its premises.
ABOUT = 3

# Slug words of a theme about the profession at large rather than the work.
GENERAL_SLUG_WORDS = frozenset({"career", "careers", "profession"})

# Words of a role or audience line that say nothing about where the person
# works or for whom: ranks, and words every field's themes use.
CONTEXT_STOP = frozenset(
    {
        "senior",
        "junior",
        "lead",
        "head",
        "principal",
        "chief",
        "associate",
        "assistant",
        "deputy",
        "other",
        "others",
        "people",
        "colleague",
        "colleagues",
        "practice",
        "team",
        "company",
        "firm",
        "group",
        "business",
        "owner",
        "owners",
        "service",
        "services",
        "work",
        "working",
        "professional",
        "professionals",
        "specialist",
        "manager",
        "managers",
        "officer",
        "public",
        "large",
        "small",
        "mid-size",
        "size",
        "based",
        "runs",
        "their",
        "with",
        "from",
        "and",
        "peer",
        "peers",
        "field",
        "everyone",
        "anyone",
        "general",
        "our",
        "your",
        "the",
        "for",
        "who",
        "all",
    }
)


@functools.lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A word folded so spelling and plural variants meet: "modelling" and
    "modeling", "valuations" and "valuation", "organisation" and "organization"."""
    word = re.sub(r"lling$", "ling", word)
    word = re.sub(r"is(e|ed|es|ing|ation|ations)$", r"iz\1", word)
    if len(word) > 5 and word.endswith("ies"):
        return word[:-3] + "y"  # "countries" and "country"
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word[:-3] if len(word) > 6 and word.endswith("ing") else word


@functools.lru_cache(maxsize=16384)
def setting_words(text: str) -> frozenset[str]:
    """The words of a text as settings are matched: folded as ``stem`` folds
    them, short ones kept ("pet", "ICU"), a plural's "s" dropped ("pets")."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return frozenset(stem(w[:-1] if _plural(w) else w) for w in words)


@functools.lru_cache(maxsize=16384)
def context_tokens(text: str) -> frozenset[str]:
    """The words of a text as a role or audience is matched: as ``setting_words``
    folds them, with a hyphenated term kept whole ("multi-state" is not "multi")."""
    terms = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())
    return frozenset(stem(t[:-1] if _plural(t) else t) for t in terms)


def _plural(word: str) -> bool:
    """Whether a word reads as a plural whose "s" can go ("pets", "GPs", not "sepsis")."""
    return len(word) >= 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _named(settings: Iterable[str], words: frozenset[str]) -> bool:
    """Whether ``words`` name one of ``settings``: every word of a setting
    ("small animal") is among them."""
    return any((wanted := setting_words(setting)) and wanted <= words for setting in settings)


def person_text(work: Mapping[str, Any]) -> str:
    """Everything the person said about their work: role, field, sub-topics, audience."""
    return " ".join(str(work.get(k) or "") for k in ("role", "expertise", "subtopics", "audience"))


def theme_setting(area: ExpertiseArea, theme: Theme, work: Mapping[str, Any]) -> int:
    """``IN_SETTING`` when the person names a setting the theme is written for,
    ``OFF_SETTING`` when they name one of the field's settings and none of the
    theme's, else ``ANY_SETTING`` (a theme for any setting, or a person who
    named none: nothing is held back from someone who did not say)."""
    if not theme.settings:
        return ANY_SETTING
    words = setting_words(person_text(work))
    if _named(theme.settings, words):
        return IN_SETTING
    field_settings = [*area.settings, *(s for t in area.themes for s in t.settings)]
    return OFF_SETTING if _named(field_settings, words) else ANY_SETTING


def is_general(theme: Theme) -> bool:
    """Whether a theme is about the profession at large: tagged so, or (untagged)
    a careers or profession theme. Someone who posts to hire still gets it late:
    their hiring posts come from the careers theme's angles (``plan._career_angles``)."""
    if theme.general is not None:
        return theme.general
    return bool(set(theme.slug.split("-")) & GENERAL_SLUG_WORDS)


def context_words(work: Mapping[str, Any], area: ExpertiseArea) -> frozenset[str]:
    """The telling words of the person's role and audience: where they work and
    for whom ("inpatient rehab hospital", "farmers"), without the field's own
    name ("occupational therapy") or words any role line holds."""
    typed = " ".join(str(work.get(k) or "") for k in ("role", "audience"))
    field = setting_words(f"{area.name} {work.get('expertise') or ''}")
    stop = setting_words(" ".join(CONTEXT_STOP))
    return frozenset(w for w in context_tokens(typed) - field - stop if len(w) > 2)


def context_relevance(theme: Theme, words: frozenset[str]) -> int:
    """How much a theme is about the person's setting and audience: each of
    their words counts three times in its title, twice in its summary and once
    per premise; passing mentions in two premises count nothing."""
    if not words:
        return 0
    places = [(3, theme.title), (2, theme.summary), *((1, a.premise) for a in theme.angles)]
    score = sum(weight * len(context_tokens(text) & words) for weight, text in places)
    return score if score >= ABOUT else 0


def fit_rank(
    area: ExpertiseArea, theme: Theme, work: Mapping[str, Any], topic_score: int
) -> tuple[int, int]:
    """Where a theme goes among the field's, as (band, setting boost); lower
    bands first. Band 0: about the person's sub-topics; 1: for any setting or
    theirs; 2: about their sub-topics but written for another setting; 3:
    about the profession at large; 4: written for another setting."""
    setting = theme_setting(area, theme, work)
    boost = 3 if setting == IN_SETTING else 0
    about = topic_score >= ABOUT  # passing mentions in two premises are not enough
    if setting == OFF_SETTING:
        return (2 if about else 4), boost
    if about:
        return 0, boost
    return (3 if is_general(theme) else 1), boost


# Bands whose themes a person is offered ticked, before the themes built from
# their own sub-topics: those about their subjects and their setting.
OWN_BANDS = (0, 1)
