"""The knowledge library loads, is complete enough, and matches what people type."""

import pytest

from wizard.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_library_has_the_first_edition_contents(library):
    assert len(library.areas) >= 25
    for area in library.areas:
        assert area.aliases, area.slug
        assert area.audiences, area.slug
        assert len(area.themes) >= 6, area.slug
        for theme in area.themes:
            assert len(theme.angles) >= 3, (area.slug, theme.title)
    assert len(library.formats) >= 12
    assert len(library.situations) == 17
    assert [d.slug for d in library.tone_dimensions] == [
        "humour",
        "formality",
        "respect",
        "enthusiasm",
    ]
    assert [t.rung for t in library.tiers] == [1, 2, 3, 4, 5]


def test_every_situation_recommends_one_of_its_own_options(library):
    for situation in library.situations:
        assert 2 <= len(situation.options) <= 3, situation.slug
        assert situation.recommended in {o.slug for o in situation.options}, situation.slug


def test_formats_span_the_comfort_ladder(library):
    rung_one = [f for f in library.formats if f.rung == 1]
    assert rung_one and all(f.effort <= 2 for f in rung_one)
    assert any(f.long_form for f in library.formats if f.rung >= 4)
    known_channels = {c.slug for c in library.channels}
    for fmt in library.formats:
        assert set(fmt.channels) <= known_channels, fmt.slug
        assert all("{topic}" in hook for hook in fmt.hooks), fmt.slug


def test_no_guideline_tells_people_not_to_discuss_pay_or_conditions(library):
    forbidding = (
        "don't discuss pay",
        "do not discuss pay",
        "never discuss pay",
        "salary is confidential",
    )
    texts = []
    for situation in library.situations:
        texts += [situation.title, situation.summary, *situation.do, *situation.dont]
        texts += [o.label + " " + o.detail for o in situation.options]
    joined = " ".join(texts).lower()
    assert not any(phrase in joined for phrase in forbidding)
    assert "pay" in joined  # the confidentiality entry says your own pay is yours to discuss


def test_aliases_are_unique_across_areas(library):
    from wizard.library.loader import normalise

    owners: dict[str, str] = {}
    for area in library.areas:
        for alias in (area.name, *area.aliases):
            key = normalise(alias)
            assert owners.setdefault(key, area.slug) == area.slug, (alias, owners[key], area.slug)


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Software testing", "software-testing"),
        ("qa", "software-testing"),
        ("  QA  ", "software-testing"),
        ("Senior QA engineer", "software-testing"),
        ("SRE", "site-reliability-engineering"),
        ("softwre testing", "software-testing"),
        ("Recruiting", "recruiting-talent-acquisition"),
        ("B2B marketing", "b2b-marketing"),
    ],
)
def test_typed_expertise_matches_an_area(library, typed, slug):
    area = library.match_expertise(typed)
    assert area is not None and area.slug == slug


@pytest.mark.parametrize("typed", ["", "   ", "beekeeping logistics", "medieval choral music"])
def test_unknown_expertise_matches_nothing(library, typed):
    assert library.match_expertise(typed) is None
