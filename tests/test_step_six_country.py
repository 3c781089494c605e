"""Step 6 shows each card as the person's playbook will hold it: the version
for the country the themes step holds, in that country's words."""

from __future__ import annotations

import pytest

from tests.wizard_walk import STEPS, WizardWalk

TEACHER = {
    "role": "Head of chemistry at a secondary school",
    "expertise": "Teaching",
    "subtopics": "practical science\nassessment",
    "audience": "other teachers",
}
PLACES = {
    "GB": {"country": "GB", "time_zone": "Europe/London"},
    "US": {"country": "US", "time_zone": "America/New_York"},
}


@pytest.mark.parametrize(
    ("country", "shown", "not_shown"),
    [
        ("GB", "Exam papers, mark schemes and your work as an examiner", "AP Reader"),
        ("US", "Secure tests, AP exams and your work as a reader", "exam board"),
    ],
)
def test_a_teacher_meets_their_own_country_s_exam_card(client, country, shown, not_shown):
    walk = WizardWalk(client)
    walk.start()
    changes = {"work": TEACHER, "themes": PLACES[country]}
    for step in STEPS[: STEPS.index("situations")]:
        assert walk.submit(step, changes.get(step)).status_code == 303, step
    page = client.get(f"{walk.base}/step/situations").get_data(as_text=True)
    item = page.split('id="situation-exam-material"')[1].split("</li>")[0]
    assert shown in item
    assert not_shown not in item
    assert walk.submit("situations").status_code == 303
    check = client.get(f"{walk.base}/check").get_data(as_text=True)
    assert shown in check
