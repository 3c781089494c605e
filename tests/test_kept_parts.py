"""Parts of the wizard's pages kept once rendered (one of step 6's
situations, a themes-step row, the tone step's pairs) are shared only by
pages that show exactly the same: two people walking the wizard at once,
with different answers, each see their own."""

from __future__ import annotations

import re

from tests.pages import form_fields
from tests.wizard_walk import STEPS, WizardWalk


def walk_to(client, step: str, changes: dict | None = None) -> WizardWalk:
    """A new person who has answered every step before ``step``."""
    walk = WizardWalk(client)
    walk.start()
    for earlier in STEPS[: STEPS.index(step)]:
        response = walk.submit(earlier, (changes or {}).get(earlier))
        assert response.status_code == 303, (earlier, response.status_code)
    return walk


def summary_of(html: str, slug: str) -> str:
    """What a situation's summary line says."""
    match = re.search(
        rf'id="situation-{slug}".*?<span class="situation-choice"[^>]*>(.*?)</span>', html, re.S
    )
    assert match, slug
    return match.group(1)


def test_each_person_sees_their_own_choice_of_approach(client):
    first = walk_to(client, "situations")
    second = walk_to(client, "situations")
    page = client.get(f"{first.base}/step/situations").get_data(as_text=True)
    data = form_fields(page)
    field = next(name for name in data if name != "csrf_token")
    slug = field.replace("_", "-")
    options = re.findall(rf'name="{field}" [^>]*value="([^"]+)"', page)
    recommended = data[field][0]
    other = next(option for option in options if option != recommended)
    assert summary_of(page, slug).startswith("Recommended:")

    data[field] = [other]
    assert client.post(f"{first.base}/step/situations", data=data).status_code == 303
    mine = client.get(f"{first.base}/step/situations").get_data(as_text=True)
    theirs = client.get(f"{second.base}/step/situations").get_data(as_text=True)
    assert summary_of(mine, slug).startswith("Your choice:")
    assert f'checked class="choice-input" id="{field}-{options.index(other)}"' in mine
    assert summary_of(theirs, slug).startswith("Recommended:")
    assert "Most guidelines recommend" in mine.split(f'id="situation-{slug}"')[1].split("</li>")[0]

    data[field] = ["<not-an-approach>"]
    refused = client.post(f"{first.base}/step/situations", data=data).get_data(as_text=True)
    item = refused.split(f'id="situation-{slug}"')[1].split("</li>")[0]
    assert item.startswith(" open>"), item[:80]
    assert 'class="error-message"' in item, item
    again = client.get(f"{second.base}/step/situations").get_data(as_text=True)
    assert 'class="error-message"' not in again


def test_each_person_sees_their_own_themes_and_typed_words(client):
    first = walk_to(client, "themes")
    second = walk_to(
        client,
        "themes",
        {"work": {"expertise": "Payroll", "subtopics": "year-end\nsalary sacrifice"}},
    )
    url = f"{first.base}/step/themes"
    data = form_fields(client.get(url).get_data(as_text=True))
    data["themes-0-title"] = ["Our own <b>first</b> theme"]
    data["themes-0-weeks"] = ["3"]
    assert client.post(url, data=data).status_code == 303
    mine = client.get(url).get_data(as_text=True)
    theirs = client.get(f"{second.base}/step/themes").get_data(as_text=True)
    assert "Our own &lt;b&gt;first&lt;/b&gt; theme" in mine
    assert "Our own" not in theirs
    row = mine.split('id="themes-0-weeks"')[1].split("</select>")[0]
    assert '<option selected value="3">' in row

    data["themes-0-title"] = ["x" * 200]
    refused = client.post(url, data=data).get_data(as_text=True)
    assert "x" * 200 in refused and 'aria-invalid="true"' in refused
    assert "x" * 200 not in client.get(url).get_data(as_text=True)


def test_each_person_sees_their_own_pairs_ticked(client):
    first = walk_to(client, "tone")
    second = walk_to(client, "tone")
    url = f"{first.base}/step/tone"
    page = client.get(url).get_data(as_text=True)
    pairs = re.findall(r'name="pairs" [^>]*value="([^"]+)"', page)
    last = pairs[-1]  # under "more pairs", closed unless one there is ticked
    data = form_fields(page)
    data["pairs"] = [last]
    assert client.post(url, data=data).status_code == 303
    mine = client.get(url).get_data(as_text=True)
    theirs = client.get(f"{second.base}/step/tone").get_data(as_text=True)
    assert '<details class="more-pairs" open>' in mine
    assert '<details class="more-pairs">' in theirs
