"""An employment solicitor, an electrician and a council planner in Great
Britain, as practitioners read their plans on 30 November 2026.

Each test pins one thing their review found wrong: a rule that changes this
winter stated as if it never would, an idea that needs a fence and had none,
the same post twice, a definition written for residents in a plan for other
planners, or a playbook line meant for another kind of workplace.
"""

from __future__ import annotations

from tests.test_playbook import playbook, text_of
from tests.test_playbook_newfields import reviewed_plan
from wizard.generators.playbook import Standing, _in_own_place, person_standing
from wizard.library import load_library

LIB = load_library()


def solicitor():
    return reviewed_plan(
        "Employment law",
        "Employment solicitor, regional law firm",
        "unfair dismissal\nsettlement agreements",
        "HR managers and business owners",
        "GB",
        2,
    )


def electrician():
    return reviewed_plan(
        "Electrical contracting",
        "Electrician, runs a small electrical contracting business",
        "EV chargers\nconsumer units",
        "homeowners and landlords",
        "GB",
        2,
    )


def planner():
    return reviewed_plan(
        "Town planning",
        "Senior planning officer, district council",
        "local plans\ndesign codes",
        "other planners and local developers",
        "GB",
        2,
    )


def ideas(made):
    return [i for t in made.outline for i in t.ideas]


def idea_text(idea) -> str:
    return " ".join((idea.hook, *idea.outline, idea.make_it_yours, idea.caution))


def all_text(made) -> str:
    return " ".join(idea_text(i) for i in ideas(made))


# --- Employment law: the 2025 Act's dates ------------------------------------


def gb_angle(field: str, slug: str):
    return next(
        a for t in LIB.area(field).themes for a in t.angles if a.slug == slug and a.holds_in("GB")
    )


def test_the_time_limit_idea_says_the_2025_act_extends_it_and_asks_for_the_date():
    limit = gb_angle("employment-law", "three-months-less-a-day")
    assert "time limit that ends more claims" not in limit.premise
    assert limit.premise.startswith("Three months or six")
    body = " ".join(limit.points)
    assert "six" in body and "commencement date" in body


def test_the_settlement_theme_opens_on_the_qualifying_period_and_the_award_cap():
    made = solicitor()
    first = made.outline[0]
    assert first.title == "Settlement and severance agreements"
    lead = first.ideas[0]
    body = " ".join(lead.outline)
    assert "six months" in body and "cap on the compensatory award" in body
    assert "check when that part commences" in body


def test_the_nda_idea_says_the_2025_act_is_not_yet_in_force():
    text = " ".join(
        " ".join((a.premise, *a.points))
        for t in LIB.area("employment-law").themes
        for a in t.angles
        if a.slug == "nda-harassment-direction-gb"
    )
    assert "and from when" in text and "once regulations commence it" in text


def test_settling_buys_certainty_names_the_no_admission_clause_costs_and_the_release():
    text = all_text(solicitor())
    assert "no liability is admitted" in text
    assert "each side usually bears its own costs" in text
    assert "What share of the exits" not in text


def test_the_tax_idea_names_the_employer_s_national_insurance_above_30000():
    assert "Class 1A National Insurance" in all_text(solicitor())


def test_the_hearing_story_keeps_out_anything_that_places_a_client_s_hearing():
    story = gb_angle("employment-law", "hearing-story-composite")
    assert "identifies a client" in story.fence


def test_a_lawyer_s_conduct_card_asks_whether_a_change_in_the_law_is_in_force():
    card = playbook(LIB, "Employment law", "Employment solicitor, regional law firm", country="GB")
    text = text_of(card["conduct-rules-online"])
    assert "commencement date" in text
    assert "as if it were already law" in text


def test_a_law_firm_s_playbook_has_no_freedom_of_information_requests():
    book = playbook(LIB, "Employment law", "Employment solicitor, regional law firm", country="GB")
    text = " ".join(text_of(e) for e in book.values())
    assert "FOI" not in text
    assert "complaints or speaking up" in text


# --- Town planning: a council officer writing for planners and developers ----


def test_a_council_planner_s_playbook_has_no_consultancy_or_small_firm_branch():
    book = playbook(LIB, "Town planning", "Senior planning officer, district council", country="GB")
    text = " ".join(text_of(e) for e in book.values())
    for other in (
        "consultancy",
        "As a consultant",
        "in a small firm",
        "your firm",
        "client's site",
    ):
        assert other not in text, other
    # What is a council officer's own stays.
    assert "press office" in text


def test_a_planning_consultant_keeps_the_consultancy_lines():
    book = playbook(LIB, "Town planning", "Planning consultant, planning consultancy", country="GB")
    text = " ".join(text_of(e) for e in book.values())
    assert "In a consultancy, keep your own political views" in text


def test_only_a_council_or_a_firm_changes_the_lines():
    line = "Send the link to comms today, or to your manager or the owner in a small firm"
    assert _in_own_place(line, Standing(), "GB") == line
    council = person_standing({"role": "Senior planning officer, district council"})
    assert council.council and not council.firm
    assert _in_own_place(line, council, "GB") == "Send the link to comms today, or to your manager"
    firm = person_standing({"role": "Employment solicitor, regional law firm"})
    assert firm.firm and not firm.council
    foi = "Pass it to the team: data protection, complaints, speaking up or, at a public authority, FOI"
    assert _in_own_place(foi, council, "GB") == foi
    assert _in_own_place(foi, firm, "GB").endswith("complaints or speaking up")


def test_a_planner_gets_a_card_on_informal_views_and_one_account_written_as_a_planner():
    book = playbook(LIB, "Town planning", "Senior planning officer, district council", country="GB")
    card = book["informal-view-request"]
    assert "pre-application" in text_of(card)
    accounts = book["personal-vs-professional"]
    assert accounts.approach == "One account, written as a planner"
    assert "views are my own" in text_of(accounts)


def test_the_overturn_idea_carries_its_fence_and_asks_nothing_about_coaching_members():
    text = " ".join(
        " ".join((a.premise, *a.points, a.ask))
        for t in LIB.area("town-planning").themes
        for a in t.angles
    )
    assert "help members frame reasons" not in text
    overturn = next(
        a
        for t in LIB.area("town-planning").themes
        for a in t.angles
        if a.slug == "overturn-needs-reasons"
    )
    assert "no member identifiable" in overturn.fence


def test_the_local_plans_theme_opens_on_the_old_system_s_deadline_with_a_check():
    made = planner()
    plans = next(t for t in made.outline if t.title.startswith("Local plans"))
    lead = plans.ideas[0]
    body = " ".join(lead.outline)
    assert "last local plan deadline" in lead.hook
    assert "check the current statement" in body
    assert "your own council's plan" in lead.caution + body


def test_a_policy_planner_s_plan_opens_on_local_plans_and_design_codes_with_no_residents_primer():
    made = planner()
    titles = [t.title for t in made.outline]
    # Design codes, a sub-topic, come before biodiversity net gain, which is not one.
    assert titles[:2] == ["Local plans: from evidence to examination", "Design codes in practice"]
    text = all_text(made)
    for primer in (
        "Comment when the plan is consulted on",
        "What do residents most often misunderstand",
        "The officer report sets out the proposal",
        "compares homes delivered over three years",
    ):
        assert primer not in text, primer


def test_the_tilted_balance_comment_says_what_the_tilted_balance_is():
    made = planner()
    comment = [i for i in ideas(made) if "tilted balance" in i.hook]
    assert comment and "paragraph 11(d)" in comment[0].hook


# --- Electrical contracting: open-PEN, the DNO's seals, no post twice --------


def test_the_ev_theme_posts_the_open_pen_idea():
    made = electrician()
    ev = next(t for t in made.outline if t.title.startswith("EV charger"))
    text = " ".join(idea_text(i) for i in ev.ideas)
    assert "open-PEN" in text and "722.411.4.1" in text
    assert "A photo of a tidy EV charger install" not in text


def test_the_electrician_is_told_the_cut_out_and_main_fuse_are_the_dno_s():
    text = " ".join(
        " ".join((a.premise, *a.points))
        for t in LIB.area("electrical-contracting").themes
        for a in t.angles
        if a.holds_in("GB")
    )
    assert "seals stay on" in text
    book = playbook(LIB, "Electrical contracting", "Electrician", country="GB")
    assert "the DNO's cut-out and main fuse" in text_of(book["diy-question"])


def test_a_fuse_box_change_checks_for_asbestos_first():
    assert "Control of Asbestos Regulations 2012" in all_text(electrician())


def test_no_idea_is_posted_twice_across_the_electrician_s_themes():
    made = electrician()
    text = all_text(made)
    assert "if the RCD keeps tripping, the consumer unit is faulty" not in text
    afdd = [i for i in ideas(made) if "AFDD" in i.hook or "arc-fault" in i.hook]
    assert len(afdd) == 1
    landlord = [i for i in ideas(made) if "28 days" in " ".join(i.outline)]
    assert len(landlord) == 1


# --- The calendar: a change due now is posted first in its theme --------------


def first_post(made, title: str):
    theme = next(t for t in made.outline if t.title == title)
    posts = sorted((s for s in theme.slots if s.idea.is_post), key=lambda s: s.day)
    return posts[0].idea


def test_the_solicitor_s_first_post_is_the_2025_act_not_the_tax_exemption():
    made = solicitor()
    assert first_post(made, "Settlement and severance agreements").angle == (
        "era-2025-settlement-figures"
    )
    assert first_post(made, "Dismissing fairly, from reason to appeal").angle == (
        "qualifying-period-is-not-a-shield"
    )


def test_the_planner_posts_the_old_system_s_deadline_first_in_local_plans():
    made = planner()
    plans = next(t for t in made.outline if t.title.startswith("Local plans"))
    assert first_post(made, plans.title).angle == "old-system-deadline"
