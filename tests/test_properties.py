"""Property tests: no value typed into any field makes a wizard page fail."""

import re
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.pages import form_fields

# A person may type "None"; the page rightly shows it back, and the page check
# could not tell that from a Python None printed by mistake: leave it out here.
anything = st.text(max_size=300).filter(lambda text: not re.search(r"\bNone\b", text))
nasty = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "{topic}",
        "😀" * 50,
        "a\r\nb\r\nc",
        "x" * 5000,
        "2026-02-30",
        "-1",
        "99999999999999999999",
    ]
)
value = st.one_of(anything, nasty)
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def post_step(walk, step, changes):
    page = walk.client.get(f"{walk.base}/step/{step}")
    data = form_fields(page.get_data(as_text=True))
    data.update({k: [v] if isinstance(v, str) else v for k, v in changes.items()})
    response = walk.client.post(f"{walk.base}/step/{step}", data=data)
    assert response.status_code in (200, 303), response.status_code
    if response.status_code == 200:
        assert "There is a problem" in response.get_data(as_text=True)
    return response


@SETTINGS
@given(role=value, expertise=value, subtopics=value, audience=value)
def test_work_step_never_fails(walk, role, expertise, subtopics, audience):
    if walk.token is None:
        walk.start()
    post_step(
        walk,
        "work",
        {"role": role, "expertise": expertise, "subtopics": subtopics, "audience": audience},
    )
    # Whatever was saved, the later pages built from it still render.
    assert walk.client.get(f"{walk.base}/step/work").status_code == 200


@SETTINGS
@given(
    rung=value, channels=st.lists(value, max_size=4), time=value, goals=st.lists(value, max_size=4)
)
def test_choice_steps_never_fail(walk, rung, channels, time, goals):
    if walk.token is None:
        walk.start()
        walk.submit("work")
    post_step(walk, "comfort", {"rung": rung, "channels": channels, "time": time})
    if walk.client.get(f"{walk.base}/step/goals").status_code == 200:
        post_step(walk, "goals", {"goals": goals})


@SETTINGS
@given(
    title=value,
    weeks=value,
    order=value,
    key=value,
    start=st.one_of(
        value,
        st.dates(min_value=date.today(), max_value=date.today() + timedelta(days=300)).map(str),
    ),
)
def test_themes_step_and_framework_never_fail(walk, title, weeks, order, key, start):
    if walk.token is None:
        walk.start()
        for step in ("work", "comfort", "goals", "tone"):
            walk.submit(step)
    response = post_step(
        walk,
        "themes",
        {
            "themes-0-title": title,
            "themes-0-weeks": weeks,
            "themes-0-order": order,
            "themes-0-key": key,
            "start_date": start,
            "themes-9-include": "y",
        },
    )
    if response.status_code == 303:
        if "situations" in response.location:
            walk.submit("situations")
        walk.confirm()
        assert walk.client.get(walk.base).status_code == 200


@SETTINGS
@given(
    name=value,
    company=value,
    rules=st.one_of(value, st.text(alphabet="#*-_[]()<>`!\n ", max_size=400)),
    disclosure=value,
    contact=value,
    themes=value,
    tone=st.sampled_from(["1", "3", "5", "0", "6", "x", ""]),
)
def test_programme_settings_never_fail(
    client, name, company, rules, disclosure, contact, themes, tone
):
    page = client.get("/programmes/new").get_data(as_text=True)
    data = form_fields(page)
    data.update(
        name=[name],
        company=[company],
        rules=[rules],
        disclosure=[disclosure],
        media_contact=[contact],
        crisis_contact=[contact],
        company_themes=[themes],
        humour_low=[tone],
        formality_default=[tone],
    )
    response = client.post("/programmes/new", data=data)
    assert response.status_code in (200, 303), response.status_code
    if response.status_code == 200:
        assert "There is a problem" in response.get_data(as_text=True)
        return
    # A programme that was accepted renders everywhere its text is shown.
    admin = response.location.split("/manage/")[1].split("?")[0]
    for url in (f"/manage/{admin}", f"/manage/{admin}/settings", f"/manage/{admin}/guide"):
        assert client.get(url).status_code == 200, url
