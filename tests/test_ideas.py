"""Post ideas: angles in formats, grammar, themes, comfort, goals, channels, field words.

The library grows and changes; these tests read it rather than pin its text,
so they hold for every field file that follows the schema.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date

import pytest

from wizard.generators.asks import own_ask
from wizard.generators.calendar import comment_line
from wizard.generators.fences import asks_too_much, split_fence
from wizard.generators.ideas import (
    HIRING_ADVERT,
    comment_frame,
    concept_in,
    match_count,
    says_you,
)
from wizard.generators.plan import IdeaPreferences, build_plan
from wizard.generators.themes import suggest_themes, theme_rows
from wizard.library import load_library
from wizard.programme import ProgrammeTerms

LIB = load_library()
FORMATS = {f.slug: f for f in LIB.formats}
TODAY = date(2026, 2, 26)
UNKNOWN_FIELDS = [
    "Beekeeping logistics",
    "Embedded firmware for medical devices",
    "Underwater archaeology",
    "AI",
    "Stage lighting design for touring theatre productions",
    "Employment lawyer",
    "Senior firmware engineer",
]
ODD_SUBTOPICS = [
    "how we migrate forty legacy services to Kubernetes without downtime or weekend work",
    "R&D tax credits",
    "ISO 13485",
    "A/B testing",
    "UX",
    "onboarding",
    "the hidden cost of spreadsheets in month-end close",
    "SAP S/4HANA migrations",
    "écoute active",
    "x",
]
QUIET_FAMILIES = {"life-sciences", "finance", "people", "legal", "public", "operations"}


def answers_for(
    expertise: str,
    subtopics: list[str],
    *,
    rung: int = 3,
    channels: tuple[str, ...] = ("linkedin",),
    goals: tuple[str, ...] = ("expert",),
    audience: str = "Platform teams",
    order: list[int] | None = None,
    questions: str = "",
) -> dict:
    work = {
        "role": "Lead",
        "expertise": expertise,
        "subtopics": "\n".join(subtopics),
        "audience": audience,
        "questions": questions,
    }
    rows = theme_rows(suggest_themes(work, list(goals), LIB))
    if order:
        rows = [dict(rows[i], order=n + 1) for n, i in enumerate(order)]
    return {
        "work": work,
        "comfort": {"rung": rung, "channels": list(channels), "time": "4-hours"},
        "goals": {"goals": list(goals)},
        "tone": {},
        "themes": {"themes": rows, "start_date": "2026-03-02"},
        "situations": {},
    }


def plan_for(*args, seed: int = 7, preferences=None, **kwargs):
    return build_plan(
        answers_for(*args, **kwargs), LIB, seed=seed, today=TODAY, preferences=preferences
    )


def idea_text(idea) -> str:
    return " ".join((idea.hook, *idea.outline, idea.make_it_yours))


def area_fields(count: int) -> list:
    """Up to ``count`` fields written to the full schema (concepts, angles with
    points), one family after another, so families mix."""
    by_family: dict[str, list] = defaultdict(list)
    for area in LIB.areas:
        if not getattr(area, "concepts", ()):
            continue
        by_family[getattr(area, "family", "") or "none"].append(area)
    picked: list = []
    while len(picked) < count and any(by_family.values()):
        for family in sorted(by_family):
            if by_family[family] and len(picked) < count:
                picked.append(by_family[family].pop(0))
    return picked


def pairs() -> list[tuple[str, list[str]]]:
    """At least 200 (field, sub-topics) pairs: every library field with its own
    and an odd sub-topic, unknown fields, and library fields with odd ones only."""
    found = []
    for n, area in enumerate(LIB.areas):
        found.append((area.name, [ODD_SUBTOPICS[n % len(ODD_SUBTOPICS)], *area.subtopics[:1]]))
    for name in UNKNOWN_FIELDS:
        for n in range(0, len(ODD_SUBTOPICS), 2):
            found.append((name, ODD_SUBTOPICS[n : n + 2]))
    n = 0
    while len(found) < 200:
        area = LIB.areas[n % len(LIB.areas)]
        found.append((area.name, [ODD_SUBTOPICS[(n + 3) % len(ODD_SUBTOPICS)], "team culture"]))
        n += 1
    return found


A_AN_EXCEPTIONS = re.compile(
    r"^(one|once|uni|use|usu|user|eu|euro|ur|utili|u\b|ubiq|ufo)", re.IGNORECASE
)
AN_EXCEPTIONS = re.compile(
    r"^(hour|honest|honou?r|heir|[FHLMNRSX]\b|[b-df-hj-np-tv-z]{1,2}$|m[A-Z]|8|11|18)"
)


def article_errors(text: str) -> list[str]:
    """Wrong "a"/"an" in front of a word (sounds, with the usual exceptions)."""
    errors = []
    for article, whole in re.findall(r"\b(a|an|A|An)\s+([\w'/-]+)", text):
        word = re.split(r"[-/]", whole)[0] or whole
        vowel = word[0].lower() in "aeiou"
        # Acronyms read letter by letter ("an SRE") unless they read as a word ("a SAST").
        spelled = word.isupper() and len(word) > 1 and not (len(word) > 3 and word[1] in "AEIOU")
        if spelled:
            vowel = word[0] in "AEFHILMNORSX"
        if article.lower() == "a" and vowel and not A_AN_EXCEPTIONS.match(word):
            errors.append(f"{article} {word}")
        if article.lower() == "an" and not vowel and not AN_EXCEPTIONS.match(word):
            errors.append(f"{article} {word}")
    return errors


def field_words(area) -> list[str]:
    """What a field file's writers wrote (summaries, premises, points, questions), longest first."""
    if area is None:
        return []
    summaries = {theme.summary.rstrip(".") for theme in area.themes if theme.summary}
    texts = summaries | {
        text
        for theme in area.themes
        for angle in theme.angles
        for text in (
            getattr(angle, "premise", angle),
            *getattr(angle, "points", ()),
            getattr(angle, "ask", ""),
        )
        if text
    }
    return sorted(texts, key=len, reverse=True)


def byline_words(line: str, written: list[str]) -> str:
    """A line with the field writers' own sentences taken out: what Byline built around them."""
    for text in written:
        # As written, or as it reads after a colon (first letter lower-cased, no full stop),
        # or inside a comment prompt, its own colon a dash (see `ideas.in_a_title`).
        bare = text.rstrip(".")
        for form in (text, bare[:1].lower() + bare[1:]):
            line = line.replace(form, " ").replace(form.replace(": ", " — "), " ")
    return line


@pytest.mark.parametrize("rung", [1, 4])
def test_grammar_holds_for_200_fields_and_sub_topics(rung):
    checked = 0
    for expertise, subtopics in pairs():
        plan = plan_for(expertise, subtopics, rung=rung, goals=("expert", "hiring", "learning"))
        area = LIB.match_expertise(expertise)
        # A title that is also a typed noun phrase (a sub-topic, a concept) may fill a slot.
        nouns = {t.lower() for t in (*subtopics, *getattr(area, "concepts", ()))}
        titles = [
            t.title
            for t in plan.outline
            if len(t.title.split()) >= 3 and not any(t.title.lower() in n for n in nouns)
        ]
        written = field_words(area)
        for idea in plan.ideas:
            checked += 1
            for line in (idea.hook, *idea.outline, idea.make_it_yours):
                ours = byline_words(line, written)
                for title in titles:
                    at = ours.lower().find(title.lower())
                    assert at <= 0, f"theme title inside a sentence: {line!r}"
                assert not re.search(r"\S\s+(a week in|is heading)\b", ours, re.IGNORECASE), line
                doubled = re.search(r"\b(\w+)\s+\1\b", ours, re.IGNORECASE)
                assert not doubled, f"doubled word in {line!r}"
                assert not article_errors(ours), (article_errors(ours), line)
                assert "{" not in line and "}" not in line, line
            if FORMATS[idea.format_slug].first_person:
                assert not says_you(idea.hook), f"'you' in a first-person format: {idea.hook!r}"
    assert checked >= 200 * 3 and len(pairs()) >= 200


def test_article_check_catches_what_it_should():
    assert article_errors("a incident and an postmortem")
    assert not article_errors("an SRE, a user, an hour, a one-off, an API, a SAST and a DPIA")
    assert article_errors("a SRE") and article_errors("an SAST")


def test_ideas_are_angles_in_fitting_formats_with_their_points():
    kind_formats = {
        # A myth the premise does not name as one ("Tables win…") is a short observation.
        "myth": {"myth-vs-fact", "reshare-with-take", "field-observation"},
        "checklist": {"checklist", "today-i-learned"},
        "story": {"mistake-story", "field-observation"},
        "how-to": {"how-to", "today-i-learned"},
        "opinion": {"field-observation", "trend-take", "reshare-with-take"},
        "question": {"question-or-poll", "thoughtful-comment"},
        "explainer": {"field-observation", "today-i-learned"},
    }
    for area in area_fields(12):
        plan = plan_for(area.name, list(area.subtopics[:2]), rung=4, goals=("expert",))
        for theme in plan.outline:
            library_theme = next((t for t in area.themes if t.title == theme.title), None)
            if library_theme is None:
                continue
            # The plan names no country, so it holds only the untagged angles.
            angles = {a.slug: a for a in library_theme.angles if a.holds_in("")}
            from_angles = [i for i in theme.ideas if i.angle in angles]
            assert len(from_angles) >= len(angles) - 1, theme.title
            for idea in from_angles:
                angle = angles[idea.angle]
                if idea.format_slug in ("talk", "thoughtful-comment"):
                    continue
                allowed = set().union(*(kind_formats[k] for k in angle.kinds))
                assert idea.format_slug in allowed, (angle.kinds, idea.format_slug)
                # The premise, its count made true to the points the outline lists.
                assert match_count(angle.premise.rstrip("."), len(angle.points))[0] in idea.hook
                # Every point the post makes; a fence among them sits in the caution.
                split = [split_fence(angle.premise, p) for p in angle.points]
                assert {said for said, _ in split if said} <= set(idea.outline)
                assert all(out in idea.caution for _, out in split if out)
                polled = f"ask:{idea.angle}" in {i.angle for i in theme.ideas}
                if angle.ask and not polled:  # a poll of the plan asks peers that already
                    # (unless it asks a guarded person for their own workplace: see fences,
                    # or asks the readers' question: one about their own work takes its place)
                    assert (
                        idea.make_it_yours == angle.ask
                        or asks_too_much(angle.ask)
                        or own_ask(angle.ask) != angle.ask
                        and own_ask(idea.make_it_yours) == idea.make_it_yours
                    )


def test_each_idea_belongs_to_its_theme_and_nothing_repeats():
    for area in area_fields(10):
        for rung in (1, 5):
            plan = plan_for(area.name, list(area.subtopics[:3]), rung=rung)
            hooks = [i.hook.lower() for i in plan.ideas]
            assert len(hooks) == len(set(hooks)), Counter(hooks).most_common(2)
            for theme in plan.outline:
                library_theme = next((t for t in area.themes if t.title == theme.title), None)
                slugs = {a.slug for a in library_theme.angles} if library_theme else set()
                seen = [i.angle for i in theme.ideas if i.angle in slugs]
                assert len(seen) == len(set(seen)), "an angle used twice"
                for idea in theme.ideas:
                    assert idea.theme == theme.title and idea.theme_key == theme.key
                    if library_theme and idea.angle.startswith(("more:", "ask:")):
                        # A follow-up or a question to peers grows out of one of the theme's angles.
                        assert idea.angle.partition(":")[2] in slugs, (theme.title, idea.hook)
                    elif library_theme and idea.angle.startswith("near:"):
                        # A neighbouring angle: the field's own, from a theme not chosen.
                        others = {
                            a.slug
                            for t in area.themes
                            if t.title not in {o.title for o in plan.outline}
                            for a in t.angles
                        }
                        assert idea.angle.partition(":")[2] in others, (theme.title, idea.hook)
                    elif library_theme and not idea.angle.startswith(
                        ("tpl:", "long", "prod", "topic:", "hiring:", "moment:")
                    ):
                        assert idea.angle in slugs, (theme.title, idea.hook)
            slotted = [s.idea.hook for s in plan.slots]
            assert len(slotted) == len(set(slotted))


def test_idea_keys_survive_reordering_and_more_ideas_follow_the_theme():
    area = area_fields(1)[0]
    plain = plan_for(area.name, list(area.subtopics[:2]))
    moved = plan_for(area.name, list(area.subtopics[:2]), order=[1, 0, 2, 3])
    by_key = {i.key: i.hook for i in plain.ideas}
    assert {i.key: i.hook for i in moved.ideas} == by_key
    # The first suggested theme, moved second by the person (the suggested order itself
    # may be arranged around the sub-topics, see outline.arrange_themes).
    key = moved.outline[1].key
    assert key in {t.key for t in plain.outline}
    # "More ideas" hangs on the theme's key, so it follows the theme when it moves.
    more = IdeaPreferences(more={key: 1})
    grown = plan_for(area.name, list(area.subtopics[:2]), order=[1, 0, 2, 3], preferences=more)
    assert len(grown.outline[1].ideas) > len(moved.outline[1].ideas)
    assert len(grown.outline[0].ideas) == len(moved.outline[0].ideas)
    # A count stored the old way (by theme number) still counts for that position.
    legacy = plan_for(
        area.name, list(area.subtopics[:2]), preferences=IdeaPreferences(more={"2": 1})
    )
    assert len(legacy.outline[1].ideas) > len(plain.outline[1].ideas)


def test_rung_one_gets_the_best_angles_as_comments_and_reshares():
    area = area_fields(3)[2]
    plan = plan_for(area.name, list(area.subtopics[:2]), rung=1)
    comments = [i for i in plan.ideas if i.format_slug == "thoughtful-comment"]
    assert len(comments) >= len(plan.outline)
    for idea in comments:
        assert comment_frame(idea.hook), idea.hook
        assert idea.angle  # built from an angle, not a stock line
    assert any(i.format_slug == "reshare-with-take" for i in plan.ideas)
    assert all(FORMATS[i.format_slug].effort <= 2 for i in plan.ideas if not i.stretch)
    # Comments never take a calendar slot; each week says how many and on what.
    assert all(s.idea.is_post for s in plan.slots)
    for week in plan.calendar:
        assert re.fullmatch(r"Three comments this week, on posts that mention .+\.", week.comments)


def test_rung_five_gets_long_pieces_and_a_talk_by_mid_plan():
    area = area_fields(4)[3]
    plan = plan_for(area.name, list(area.subtopics[:2]), rung=5)
    assert any(i.format_slug == "long-form-article" for i in plan.ideas)
    talks = [s for s in plan.slots if s.idea.format_slug == "talk"]
    assert len(talks) == 1 and any("abstract" in step for step in talks[0].idea.outline)
    assert talks[0].week <= (len(plan.calendar) + 1) // 2 + plan.outline[0].period.weeks


def test_goals_shape_ideas():
    area = area_fields(5)[4]
    topics = list(area.subtopics[:2])
    hiring = plan_for(area.name, topics, rung=3, goals=("hiring",))
    real = [i for i in hiring.ideas if i.angle.startswith("hiring:")]
    assert {i.angle for i in real} == {"hiring:first-90-days", "hiring:skills"}
    # A post about joining your team says whose team it is: no reminder about
    # the employer's products, but the advert is where people apply.
    assert not any(i.disclosure for i in real)
    assert all(HIRING_ADVERT in i.outline for i in real)
    # In a company's programme, the programme's own disclosure still goes on them.
    terms = ProgrammeTerms(
        name="Acme voices",
        company="Acme",
        tone=(),
        company_themes=(),
        rules="",
        rules_updated=None,
        disclosure="add #AcmeLife",
        media_contact="",
        crisis_contact="",
    )
    answers = answers_for(area.name, topics, rung=3, goals=("hiring",))
    inside = build_plan(answers, LIB, seed=7, today=TODAY, programme=terms)
    hires = [i for i in inside.ideas if i.angle.startswith("hiring:")]
    assert hires and all(i.disclosure == "Say that you work at Acme: add #AcmeLife" for i in hires)
    speaking = plan_for(area.name, topics, rung=3, goals=("speaking",))
    talk = [s for s in speaking.slots if s.idea.format_slug == "talk"]
    assert talk and talk[0].week <= len(speaking.calendar) // 2 + 2
    learning = plan_for(area.name, topics, rung=3, goals=("learning",))
    series = [i.hook for i in learning.ideas if i.hook.startswith("What I learned, part ")]
    assert len(series) >= len(learning.outline) - 1
    products = plan_for(area.name, topics, rung=3, goals=("products",))
    product_ideas = [i for i in products.ideas if "our product" in i.hook]
    assert product_ideas and all(i.disclosure for i in product_ideas)
    network = plan_for(area.name, topics, rung=3, goals=("network",))
    assert sum(i.format_slug == "thoughtful-comment" for i in network.ideas) >= len(network.outline)
    # Without the network goal a theme gives a comment prompt only from an angle it can
    # spare, never more than one.
    spoken = sum(i.format_slug == "thoughtful-comment" for i in speaking.ideas)
    assert spoken <= len(speaking.outline) and spoken <= sum(
        i.format_slug == "thoughtful-comment" for i in network.ideas
    )


def test_channels_shape_ideas_and_spread_over_the_chosen_ones():
    area = area_fields(6)[5]
    topics = list(area.subtopics[:2])
    only_x = plan_for(area.name, topics, rung=3, channels=("x",))
    assert {i.channel_slug for i in only_x.ideas} == {"x"}
    for idea in only_x.ideas:
        if idea.format_slug == "thoughtful-comment":
            continue  # said under someone else's post: no post of its own to shape
        assert len(idea.hook) < 280 and "280" in idea.channel_tip
    both = plan_for(area.name, topics, rung=3, channels=("linkedin", "x"))
    used = Counter(i.channel_slug for i in both.ideas)
    assert set(used) == {"linkedin", "x"} and max(used.values()) <= 0.7 * sum(used.values())
    for idea in both.ideas:
        if idea.channel_slug == "linkedin":
            # LinkedIn's fold is said once, in the tone section, not under every idea.
            assert len(idea.hook) <= 210 and not idea.channel_tip
    assert any("210" in line for _, line in both.tone.channel_lines)
    coders = plan_for(area.name, topics, rung=1, channels=("linkedin", "github"))
    comments = [i for i in coders.ideas if i.format_slug == "thoughtful-comment"]
    assert comments and {i.channel_slug for i in comments} == {"linkedin"}
    long = plan_for(area.name, topics, rung=5, channels=("linkedin", "blog", "events"))
    for idea in long.ideas:
        if idea.format_slug == "long-form-article":
            assert idea.channel_slug == "blog"
        if idea.format_slug == "talk":
            assert idea.channel_slug == "events"


def test_fields_that_ship_nothing_get_no_shipping_words():
    """Byline's own words around an angle (titles, steps, prompts) never bring
    "ship" or "launch" into fields that do neither."""
    fields = [a for a in LIB.areas if getattr(a, "family", "software") in QUIET_FAMILIES]
    assert fields
    for area in fields:
        # The field's own words (its writers chose them: "EHR launch" is a term) are left out.
        written = field_words(area)
        for rung in (2, 5):
            plan = plan_for(
                area.name, list(area.subtopics[:2]), rung=rung, goals=("hiring", "products")
            )
            for idea in plan.ideas:
                own = byline_words(idea_text(idea), written)
                assert not re.search(r"\b(ship|shipped|shipping|launch\w*)\b", own, re.I), (
                    area.slug,
                    idea.hook,
                )


def test_colleagues_in_a_programme_open_each_week_differently():
    area = area_fields(7)[6]
    answers = answers_for(area.name, list(area.subtopics[:2]), rung=3)
    plans = [build_plan(answers, LIB, seed=seed, today=TODAY) for seed in range(2)]
    for week in range(len(plans[0].calendar)):
        first = {s.idea.hook for s in plans[0].calendar[week].slots}
        second = {s.idea.hook for s in plans[1].calendar[week].slots}
        assert not first & second, week


def test_a_programme_gives_its_members_neighbouring_rotations():
    from models.frameworks import programme_seed

    seeds = [programme_seed(member) for member in range(6)]
    assert len(set(seeds)) == 6
    for blocks in range(2, 7):
        assert len({s % blocks for s in seeds[:blocks]}) == blocks
    assert all(0 <= s < 2**31 for s in seeds)


def test_comment_line_reads_plainly():
    assert comment_line(3, ["MedDRA", "signal detection"]) == (
        "Three comments this week, on posts that mention MedDRA or signal detection."
    )
    assert comment_line(1, []) == "One comment this week on other people's posts."
    assert comment_line(2, ["OTA update", "OTA", "MISRA C"]) == (
        "Two comments this week, on posts that mention OTA update or MISRA C."
    )
    assert comment_line(0, ["x"]) == ""


def test_concepts_are_found_as_whole_words():
    assert concept_in("Why a FAERS spike means little", ["FAERS", "AE"]) == "FAERS"
    assert concept_in("Error budgets: what happens", ["error budget", "error budgets"]) == (
        "error budgets"
    )
    assert concept_in("nothing here", ["MedDRA"]) == ""


def test_metrics_openings_are_the_fields_own_and_ideas_name_its_concepts():
    """Across 20 fields from different families: under 10 % of ideas open with a line
    (the person's words masked) that opens ideas in three or more other fields, and
    over half name a concept of the field that the person did not type."""
    fields = area_fields(20)
    families = {a.family for a in LIB.areas if getattr(a, "concepts", ())}
    assert len(fields) >= min(20, len([a for a in LIB.areas if a.concepts]))
    assert len({a.family for a in fields}) == min(len(families), len(fields))
    openings: dict[str, set[str]] = defaultdict(set)
    per_field: dict[str, list[str]] = {}
    named = total = 0
    for area in fields:
        topics = list(area.subtopics[:2])
        typed = [area.name, *topics, "Platform teams"]
        plan = plan_for(area.name, topics, rung=3)
        lines = []
        for idea in plan.ideas:
            opening = idea.hook.lower()
            for words in sorted(typed, key=len, reverse=True):
                opening = opening.replace(words.lower(), "…")
            lines.append(opening)
            openings[opening].add(area.slug)
            text = idea_text(idea).lower()
            concepts = [
                c for c in getattr(area, "concepts", ()) if c.lower() not in " ".join(typed).lower()
            ]
            total += 1
            named += bool(concept_in(text, concepts))
        per_field[area.slug] = lines
    shared = sum(1 for lines in per_field.values() for line in lines if len(openings[line]) >= 4)
    assert shared / total < 0.10, shared / total
    assert named / total > 0.50, named / total


@pytest.mark.parametrize("rung", [1, 3, 5])
def test_questions_people_bring_are_answered_not_asked_back(rung):
    asked = "How do you decide what to automate first?\nWhy does the audit take so long"
    plan = plan_for("Software testing", ["flaky tests"], rung=rung, questions=asked)
    theme = next(t for t in plan.outline if t.key == "question")
    assert len(theme.ideas) >= 2
    for idea in theme.ideas:
        assert idea.is_post
        assert idea.hook.startswith("A question I'm often asked: “"), idea.hook
        assert idea.format_slug not in ("question-or-poll", "reshare-with-take")
        # The answer is built from the question's shape: steps for a "how", a reason for a "why".
        assert idea.outline[0].startswith(
            ("The steps you would walk", "The reason in one sentence")
        ), idea.outline


def test_a_job_title_typed_as_the_field_reads_as_the_field():
    from wizard.generators.themes import expertise_name

    assert expertise_name({"expertise": "Employment lawyer"}, None) == "employment law"
    assert expertise_name({"expertise": "data scientist"}, None) == "data science"
    assert expertise_name({"expertise": "Lawyer"}, None) == "lawyer"
    assert expertise_name({"expertise": "QA automation"}, None) == "QA automation"
    # A field the library does not know (employment law now has a guide of its own):
    # ideas are about the person's sub-topics; the field's name is in the theme titles.
    plan = plan_for("Maritime lawyer", ["contracts"], rung=3)
    text = " ".join([*(idea_text(i) for i in plan.ideas), *(t.title for t in plan.outline)])
    assert "in maritime lawyer" not in text and "maritime law" in text


def test_extra_posts_are_the_themes_own_material_and_follow_their_posts():
    """At the top rung on four hours a week a theme needs more posts than it has
    angles: the extra ones are follow-ups and questions grown from its angles (or a
    moment of the field), never a stock line, and a follow-up that links back is
    never in the calendar before, or without, the post it follows."""
    grown = 0
    for area in area_fields(12):
        plan = plan_for(area.name, list(area.subtopics[:2]), rung=5, channels=("linkedin", "blog"))
        for theme in plan.outline:
            placed: set[str] = set()
            for slot in theme.slots:
                angle = slot.idea.angle
                assert not angle.startswith("tpl:"), (area.slug, slot.idea.hook)
                prefix, _, parent = angle.partition(":")
                grown += prefix in ("more", "ask")
                if prefix == "more":  # "Link your earlier post…": it must be out already
                    offered = {i.angle for i in theme.ideas}
                    assert parent in placed or parent not in offered, (area.slug, slot.idea.hook)
                placed.add(angle)
    assert grown  # the calendars did need more than the angles
