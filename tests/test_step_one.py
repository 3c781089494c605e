"""Step 1 shows what Byline understood of a person's expertise, lets them
correct it, and asks for their own questions when it does not know the field."""

from __future__ import annotations

from models.frameworks import Framework
from tests.wizard_walk import WizardWalk
from wizard.plans import plan_for


def walk_to_comfort(client, work_changes):
    walk = WizardWalk(client)
    walk.start()
    response = walk.submit("work", work_changes)
    assert response.status_code == 303, response.get_data(as_text=True)[:1500]
    return walk


def test_a_known_field_is_named_on_the_next_step_with_a_way_to_change_it(client, pages):
    walk = walk_to_comfort(client, {"expertise": "drug safety"})
    page = pages.check(client.get(f"{walk.base}/step/comfort"))
    understood = page.select_one("#understood")
    assert "Byline knows this field as Pharmacovigilance" in understood.get_text(" ", strip=True)
    change = understood.select_one("a")
    assert change["href"] == f"{walk.base}/step/work#field"

    work = pages.check(client.get(f"{walk.base}/step/work"))
    assert "Pharmacovigilance" in work.select_one("#understood").get_text()
    select = work.select_one("select#field")
    assert select.select_one("option[selected]")["value"] == ""
    groups = [g["label"] for g in select.select("optgroup")]
    assert "Life sciences and healthcare" in groups and "Software engineering" in groups


def test_a_person_picks_another_field_and_the_themes_follow(client, app, pages):
    walk = walk_to_comfort(
        client, {"expertise": "Drug safety software", "field": "computer-system-validation"}
    )
    page = pages.check(client.get(f"{walk.base}/step/comfort"))
    assert "Computer system validation" in page.select_one("#understood").get_text()
    themes = pages.check(client.get(f"{walk.base}/step/themes")) if _answer_middle(walk) else None
    keys = [i.get("value") for i in themes.select("input[name$='-key']")]
    assert any(k.startswith("area:computer-system-validation:") for k in keys)
    for step in ("themes", "situations"):
        assert walk.submit(step).status_code == 303
    check = pages.check(client.get(f"{walk.base}/check"))
    assert "Computer system validation (your choice)" in check.get_text()


def test_keeping_ones_own_words_means_no_library_field(client, app, pages):
    walk = walk_to_comfort(client, {"expertise": "Pharmacovigilance", "field": "own"})
    page = pages.check(client.get(f"{walk.base}/step/comfort"))
    assert "keep your own words" in page.select_one("#understood").get_text()
    walk.answer_all({"work": {"expertise": "Pharmacovigilance", "field": "own"}})
    walk.confirm()
    with app.app_context():
        plan = plan_for(Framework.by_token(walk.token))
        assert plan.area_name is None


def test_an_unknown_field_is_said_kindly_and_its_questions_become_a_theme(client, app, pages):
    questions = (
        "How many hives can one person look after?\n"
        "Why do bees need moving in winter?\n"
        "What does a hive weigh?"
    )
    walk = walk_to_comfort(client, {"expertise": "Beekeeping logistics", "questions": questions})
    page = pages.check(client.get(f"{walk.base}/step/comfort"))
    text = page.select_one("#understood").get_text(" ", strip=True)
    assert "doesn’t know “Beekeeping logistics” as a field yet" in text
    links = [a["href"] for a in page.select("#understood a")]
    assert f"{walk.base}/step/work#questions" in links

    themes = pages.check(client.get(f"{walk.base}/step/themes")) if _answer_middle(walk) else None
    rows = {i.get("value"): i for i in themes.select("input[name$='-key']")}
    assert "question" in rows
    walk.answer_all({"work": {"expertise": "Beekeeping logistics", "questions": questions}})
    walk.confirm()
    with app.app_context():
        plan = plan_for(Framework.by_token(walk.token))
        theme = next(t for t in plan.outline if t.title == "Questions people bring to you")
        assert theme.ideas


def _answer_middle(walk) -> bool:
    for step in ("comfort", "goals", "tone"):
        assert walk.submit(step).status_code == 303
    return True


def test_questions_have_limits_and_clear_messages(client, pages):
    walk = WizardWalk(client)
    walk.start()
    too_many = "\n".join(f"Question number {n} that people ask?" for n in range(4))
    response = walk.submit("work", {"questions": too_many})
    assert response.status_code == 200
    page = pages.check(response)
    assert "Enter up to 3 questions" in page.get_text()
    assert "Question number 3 that people ask?" in page.select_one("textarea#questions").get_text()

    response = walk.submit("work", {"questions": "Why?"})
    assert "Write each question in full" in response.get_data(as_text=True)
    response = walk.submit("work", {"questions": "Why " + "really " * 30 + "?"})
    assert "Question 1 must be 160 characters or fewer" in response.get_data(as_text=True)
    response = walk.submit("work", {"field": "alchemy"})
    assert response.status_code == 200
    assert "choose one of the answers offered" in response.get_data(as_text=True)


def test_a_field_in_a_regulated_sector_gets_its_situations_on_the_situations_step(
    client, app, pages
):
    walk = walk_to_comfort(client, {"expertise": "Pharmacovigilance"})
    _answer_middle(walk)
    assert walk.submit("themes").status_code == 303
    page = pages.check(client.get(f"{walk.base}/step/situations"))
    section = page.select_one(".sector-situations")
    assert "Because you work in life sciences" in section.h2.get_text()
    assert section.select("input[name=adverse_event_online]")
    assert not page.select("input[name=inside_information]")  # not financial services
    response = walk.submit("situations", {"adverse_event_online": "reply-with-reporting-route"})
    assert response.status_code == 303
    check = pages.check(client.get(f"{walk.base}/check"))
    text = check.get_text()
    assert "Someone mentions a side effect in reply to you" in text
    assert "You know something the market does not" not in text
    walk.confirm()
    with app.app_context():
        plan = plan_for(Framework.by_token(walk.token))
        entry = next(e for e in plan.playbook if e.slug == "adverse-event-online")
        assert entry.sector == "Life sciences" and not entry.recommended


def test_people_outside_a_sector_see_their_familys_and_the_general_situations(client, pages):
    walk = walk_to_comfort(client, {})
    _answer_middle(walk)
    assert walk.submit("themes").status_code == 303
    page = pages.check(client.get(f"{walk.base}/step/situations"))
    assert not page.select(".sector-situations")
    family = page.select_one(".family-situations")
    assert family.h2.get_text().startswith("What people in ")
    assert family.select("input[type=radio]")
    sections = [s["class"][0] for s in page.select("section[class$='-situations']")]
    assert sections == ["family-situations", "general-situations"]
    assert walk.submit("situations").status_code == 303
    check = pages.check(client.get(f"{walk.base}/check")).get_text()
    assert "Someone mentions a side effect in reply to you" not in check
    assert "Someone reports a security flaw in a device" not in check
    assert "Someone criticizes your employer in public" in check


def test_step_one_suggests_the_fields_subtopics_once_it_knows_the_field(client, pages):
    walk = walk_to_comfort(client, {"expertise": "drug safety"})
    work = pages.check(client.get(f"{walk.base}/step/work"))
    assert "signal detection" in work.select_one("#understood").get_text()


DEVICE_RA = {
    "role": "Regulatory affairs manager, medical devices",
    "expertise": "Regulatory affairs",
    "subtopics": "EU MDR technical documentation\nnotified bodies",
    "audience": "RA/QA colleagues",
}


def test_role_and_subtopics_refine_a_generic_field_on_every_page(client, app, pages):
    walk = walk_to_comfort(client, DEVICE_RA)
    page = pages.check(client.get(f"{walk.base}/step/comfort"))
    understood = page.select_one("#understood").get_text(" ", strip=True)
    assert "Byline knows this field as Medical device regulatory affairs" in understood
    assert not page.select("#pointed-field")
    work = pages.check(client.get(f"{walk.base}/step/work"))
    assert "Medical device regulatory affairs" in work.select_one("#understood").get_text()
    assert work.select_one("select#field option[selected]")["value"] == ""

    themes = pages.check(client.get(f"{walk.base}/step/themes")) if _answer_middle(walk) else None
    keys = [i.get("value") for i in themes.select("input[name$='-key']")]
    assert any(k.startswith("area:medical-device-regulatory-affairs:") for k in keys)
    assert not any(k.startswith("area:regulatory-affairs:") for k in keys)
    walk.answer_all({"work": DEVICE_RA})
    walk.confirm()
    with app.app_context():
        plan = plan_for(Framework.by_token(walk.token))
        assert plan.area_name == "Medical device regulatory affairs"


def test_the_same_person_can_still_pick_the_drug_field(client, pages):
    walk = walk_to_comfort(client, {**DEVICE_RA, "field": "regulatory-affairs"})
    page = pages.check(client.get(f"{walk.base}/step/comfort"))
    assert "Byline knows this field as Regulatory affairs" in page.select_one(
        "#understood"
    ).get_text(" ", strip=True)


def test_themes_already_kept_hold_the_field_and_the_page_says_where_the_words_point(
    client, app, pages
):
    # Someone who kept the drug field's themes (as every device person did
    # before role and sub-topics counted) keeps that field, and is told.
    walk = walk_to_comfort(client, {**DEVICE_RA, "field": "regulatory-affairs"})
    _answer_middle(walk)
    assert walk.submit("themes").status_code == 303
    assert walk.submit("work", {**DEVICE_RA, "field": ""}).status_code == 303
    page = pages.check(client.get(f"{walk.base}/step/comfort"))
    understood = page.select_one("#understood").get_text(" ", strip=True)
    assert "Byline knows this field as Regulatory affairs" in understood
    assert "point to Medical device regulatory affairs" in understood
    walk.answer_all({"work": DEVICE_RA})
    walk.confirm()
    with app.app_context():
        assert plan_for(Framework.by_token(walk.token)).area_name == "Regulatory affairs"


def test_a_familys_heading_keeps_the_capitals_of_its_name(client, pages):
    walk = walk_to_comfort(client, {"expertise": "FinOps", "subtopics": "unit economics\ncommitment discounts"})
    _answer_middle(walk)
    assert walk.submit("themes").status_code == 303
    page = pages.check(client.get(f"{walk.base}/step/situations"))
    heading = page.select_one(".family-situations").h2.get_text()
    assert heading == "What people in infrastructure, cloud and FinOps meet"
