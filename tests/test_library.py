"""The knowledge library loads, is complete enough, and matches what people type."""

import pytest

from wizard.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


def test_library_has_over_a_hundred_fields_in_every_family(library):
    from collections import Counter

    from wizard.library import schema

    assert len(library.areas) >= 100
    families = Counter(area.family for area in library.areas)
    assert set(families) == {f.slug for f in library.families}
    assert len(library.families) == 18
    assert all(count >= 2 for count in families.values()), families
    assert sum(count >= 4 for count in families.values()) >= 12, families
    for area in library.areas:
        assert len(area.aliases) >= schema.MIN_ALIASES, area.slug
        assert len(area.concepts) >= schema.MIN_CONCEPTS, area.slug
        assert len(area.audiences) >= schema.MIN_AUDIENCES, area.slug
        assert len(area.follow) >= schema.MIN_FOLLOW, area.slug
        assert schema.SUBTOPICS[0] <= len(area.subtopics) <= schema.SUBTOPICS[1], area.slug
        assert len(area.themes) >= schema.MIN_THEMES, area.slug
        for theme in area.themes:
            assert area.theme(theme.slug) is theme
            assert len(theme.angles) >= schema.MIN_ANGLES, (area.slug, theme.slug)
            assert len({k for a in theme.angles for k in a.kinds}) >= 3, (area.slug, theme.slug)
            for angle in theme.angles:
                assert 2 <= len(angle.points) <= 3, (area.slug, angle.slug)
                assert set(angle.kinds) <= set(schema.KINDS), (area.slug, angle.slug)
                assert len(angle.premise) <= schema.MAX_PREMISE, (area.slug, angle.slug)
    assert len(library.formats) >= 12
    assert len({s.slug for s in library.situations}) == 18  # a card's versions count once
    assert [d.slug for d in library.tone_dimensions] == [
        "humour",
        "formality",
        "respect",
        "enthusiasm",
    ]
    assert [t.rung for t in library.tiers] == [1, 2, 3, 4, 5]


def test_no_angle_is_repeated_across_fields(library):
    owners: dict[str, str] = {}
    for area in library.areas:
        for theme in area.themes:
            for angle in theme.angles:
                key = " ".join(angle.premise.lower().split())
                assert owners.setdefault(key, area.slug) == area.slug, (angle.premise, owners[key])


def test_every_field_names_its_sources_and_a_real_concept_in_each_angle(library):
    from wizard.library.loader import LIBRARY_DIR

    for area in library.areas:
        header = (LIBRARY_DIR / "expertise" / f"{area.slug}.toml").read_text()[:1500]
        assert "Sources:" in header, area.slug
        concepts = [c.lower() for c in area.concepts]
        for theme in area.themes:
            for angle in theme.angles:
                text = " ".join((angle.premise, *angle.points)).lower()
                assert any(c in text for c in concepts), (area.slug, angle.slug)


def test_the_library_version_changes_with_its_files(tmp_path):
    from wizard.library.loader import read_library

    directory = _copy_library(tmp_path)
    before = read_library(directory).version
    (directory / "goals.toml").write_text((directory / "goals.toml").read_text() + "\n# note\n")
    assert read_library(directory).version != before
    assert len(before) == 16


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


def test_every_field_has_a_name_and_aliases_of_its_own(library):
    """Names are unique; an alias two fields share matches neither on its own,
    so each field needs at least two aliases nobody else claims."""
    from wizard.library.loader import normalise

    owners: dict[str, set[str]] = {}
    for area in library.areas:
        for alias in (area.name, *area.aliases):
            owners.setdefault(normalise(alias), set()).add(area.slug)
    for area in library.areas:
        assert owners[normalise(area.name)] == {area.slug}, area.name
        own = [a for a in area.aliases if owners[normalise(a)] == {area.slug}]
        assert len(own) >= 2, (area.slug, area.aliases)


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


def _copy_library(tmp_path):
    import shutil

    from wizard.library.loader import LIBRARY_DIR

    target = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, target, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    return target


def test_a_broken_field_file_is_refused_naming_the_file_and_field(tmp_path):
    from wizard.library.loader import read_library
    from wizard.library.schema import LibraryError

    directory = _copy_library(tmp_path)
    path = directory / "expertise" / "pharmacovigilance.toml"
    text = path.read_text().replace('family = "life-sciences"', 'family = "alchemy"', 1)
    path.write_text(text)
    with pytest.raises(LibraryError, match=r"expertise/pharmacovigilance.toml: family: unknown"):
        read_library(directory)


def test_a_premise_in_two_fields_is_refused(tmp_path):
    import tomllib

    from wizard.library.loader import read_library
    from wizard.library.schema import LibraryError

    directory = _copy_library(tmp_path)
    source = directory / "expertise" / "pharmacovigilance.toml"
    premise = tomllib.loads(source.read_text())["themes"][0]["angles"][0]["premise"]
    other = directory / "expertise" / "clinical-operations.toml"
    data = tomllib.loads(other.read_text())
    old = data["themes"][0]["angles"][0]["premise"]
    other.write_text(other.read_text().replace(f'"{old}"', f'"{premise}"', 1))
    with pytest.raises(LibraryError, match="is also in"):
        read_library(directory)


def test_theme_keys_stored_by_position_map_to_slugs(library):
    from wizard.generators.themes import canonical_key

    area = library.area("pharmacovigilance")
    first, third = area.themes[0], area.themes[2]
    assert (
        canonical_key("area:pharmacovigilance:2", "", library)
        == f"area:pharmacovigilance:{third.slug}"
    )
    # The title wins over the position.
    assert canonical_key("area:pharmacovigilance:2", first.title, library) == (
        f"area:pharmacovigilance:{first.slug}"
    )
    assert canonical_key("template:0:flaky tests", "", library) == (
        f"template:{library.theme_templates[0].slug}:flaky tests"
    )
    assert canonical_key("area:gone:1", "", library) == "area:gone:1"
    assert canonical_key("own", "", library) == "own"


def test_sectors_are_known_and_each_adds_situations_and_a_fence(library):
    slugs = [s.slug for s in library.sectors]
    assert slugs == [
        "life-sciences",
        "medical-devices",
        "financial-services",
        "healthcare",
        "nutrition",
        "public-sector",
        "buying",
        "legal",
        "security",
        "recruiting",
        "education",
        "trades",
        "privacy",
        "pensions",
        "corporate-finance",
        "veterinary",
        "structures",
        "construction",
        "aviation",
        "crop-advice",
        "planning",
        "highways",
        "archives",
        "social-care",
        "museums",
        "rail",
        "charities-campaigning",
        "interpreting",
        "archaeology",
    ]
    general = {s.slug for s in library.situations}
    seen: set[str] = set()
    for sector in library.sectors:
        assert sector.name and sector.fence.endswith(".") and len(sector.fence) <= 220
        assert len(sector.sources) > 40, sector.slug
        assert len(sector.triggers) >= 5 and all(t == t.lower() for t in sector.triggers)
        # A card in versions by country (one slug, ``countries``) counts once;
        # 2-8 are shown to everyone in the sector, and no field of it (nor
        # someone placed in it with no field, None) is shown more than 8.
        shared = {s.slug for s in sector.situations if sector.shows(s.slug, None)}
        assert 2 <= len(shared) <= 8, sector.slug
        members = [a.slug for a in library.areas if sector.slug in a.sectors]
        for field in (None, *members):
            shown = {s.slug for s in sector.situations if sector.shows(s.slug, field)}
            assert len(shown) <= 8, (sector.slug, field)
        for situation in sector.situations:
            assert situation.slug not in general, situation.slug
            assert situation.slug not in seen or situation.countries, situation.slug
            seen.add(situation.slug)
            assert 2 <= len(situation.options) <= 3, situation.slug
            assert situation.recommended in {o.slug for o in situation.options}
            assert all(o.label and o.detail for o in situation.options), situation.slug
            assert 2 <= len(situation.do) <= 4 and 2 <= len(situation.dont) <= 4
            assert situation.summary and situation.title
    for area in library.areas:
        assert set(area.sectors) <= set(slugs), area.slug


def test_no_sector_rule_tells_people_not_to_discuss_pay_or_conditions(library):
    from wizard.programme import guardrail_warnings

    for sector in library.sectors:
        texts = [sector.fence]
        for situation in sector.situations:
            texts += [situation.title, situation.summary, *situation.do, *situation.dont]
            texts += [f"{o.label}. {o.detail}" for o in situation.options]
        for text in texts:
            assert not guardrail_warnings(text), (sector.slug, text)


def test_a_field_s_sectors_add_their_situations_before_the_general_ones(library):
    from wizard.generators.playbook import playbook_sectors, situation_playbook

    area = library.area("pharmacovigilance")
    sectors = playbook_sectors(library, area.sectors, "recruiting")
    assert sectors == ["recruiting", "life-sciences"]
    entries = situation_playbook(
        {"adverse_event_online": "reply-with-reporting-route"}, library, sectors
    )
    # A sector's cards kept for some fields (a monitor's trial enquiries) are
    # not shown where the field is not given.
    extra = sum(
        library.sector(s).shows(x.slug, None) for s in sectors for x in library.sector(s).situations
    )
    assert {e.sector for e in entries[:extra]} == {"Recruiting", "Life sciences"}
    assert all(not e.sector for e in entries[extra:])
    # Life sciences leaves out "Praising your employer's products": its own
    # situation on the company's medicines takes its place.
    assert "praising-products" not in {e.slug for e in entries}
    assert "company-medicines" in {e.slug for e in entries}
    chosen = next(e for e in entries if e.slug == "adverse-event-online")
    assert not chosen.recommended and chosen.approach.startswith("Point the person")
    assert playbook_sectors(library, ("nonsense",), "") == []
    # Someone Byline knows nothing about gets every general situation but the
    # ones only for people whose work sells ("Praising your employer's
    # products") and those a goal brings (posting a role comes with hiring),
    # what is not theirs to share first.
    slugs = [e.slug for e in situation_playbook({}, library)]
    assert sorted(slugs) == sorted(
        {s.slug for s in library.situations if not s.sells_only and not s.goals}
    )  # a card in versions by country is one card
    assert slugs[:2] == ["confidential-information", "naming-clients"]


def test_every_family_has_situations_of_its_own_and_skips_only_general_ones(library):
    from wizard.programme import guardrail_warnings

    general = {s.slug for s in library.situations}
    extra = [s for sector in library.sectors for s in sector.situations]
    seen = {s.slug for s in extra} | general
    for family in library.families:
        # 2-6 shown to everyone in the family; those kept for some fields
        # (``only``) never take one field's count past six.
        shared = {s.slug for s in family.situations if family.shows(s.slug, None)}
        assert 2 <= len(shared) <= 6, family.slug
        for area in library.areas:
            if area.family == family.slug:
                skipped = set(dict(family.field_skip).get(area.slug, ()))
                shown = {
                    s.slug
                    for s in family.situations
                    if family.shows(s.slug, area.slug) and s.slug not in skipped
                }
                assert len(shown) <= 6, (family.slug, area.slug)
        assert set(family.skip) <= general, family.slug
        assert family.lead and set(family.lead) <= general - set(family.skip), family.slug
        assert "any-doubt" not in family.skip and "confidential-information" not in family.skip
        for situation in family.situations:
            # A card's version for some countries shares its slug.
            assert situation.slug not in seen or situation.countries, situation.slug
            seen.add(situation.slug)
            assert situation.recommended in {o.slug for o in situation.options}
            assert all(o.label and o.detail for o in situation.options), situation.slug
            assert 2 <= len(situation.do) <= 4 and 2 <= len(situation.dont) <= 4
            texts = [situation.title, situation.summary, *situation.do, *situation.dont]
            texts += [f"{o.label}. {o.detail}" for o in situation.options]
            for text in texts:
                assert not guardrail_warnings(text), (family.slug, text)
    for sector in library.sectors:
        assert set(sector.skip) <= seen, sector.slug


def test_playbooks_differ_by_family_and_each_holds_its_family_s_situations(library):
    """A drug safety physician, a recruiter and a litigator get their own field's
    hazards first, and not the corporate cards that do not fit them."""
    from wizard.generators.plan import field_sectors
    from wizard.generators.playbook import playbook_family, playbook_sectors, situation_playbook

    def playbook(expertise: str) -> tuple[str | None, list[str], set[str]]:
        work = {"expertise": expertise, "role": expertise}
        area = library.field_for(work)
        family = playbook_family(library, area, work)
        sectors = playbook_sectors(library, field_sectors(area, work, library))
        skipped = {slug for sector in sectors for slug in library.sector(sector).skip}
        return family, [e.slug for e in situation_playbook({}, library, sectors, family)], skipped

    books = {
        name: playbook(name)
        for name in ("Drug safety physician", "Talent acquisition lead", "Commercial litigation")
    }
    assert [family for family, _, _ in books.values()] == ["life-sciences", "people", "legal"]
    for family, slugs, skipped in books.values():
        home = library.family(family)
        own = [
            s.slug for s in home.situations if s.slug not in skipped and home.shows(s.slug, None)
        ]
        assert own and set(own) <= set(slugs), family
        assert slugs.index(own[0]) < slugs.index("criticism-of-employer"), family
    physician, recruiter, litigator = (slugs for _, slugs, _ in books.values())
    assert len({tuple(physician), tuple(recruiter), tuple(litigator)}) == 3
    assert {"running-or-blinded-study", "company-medicines"} <= set(physician)
    assert "praising-products" not in physician
    assert {"social-sourcing", "employee-cases"} <= set(recruiter)
    assert {"court-documents", "client-matter"} <= set(litigator)
    assert not {"customer-complaint", "praising-products", "competitor-mention"} & set(litigator)
    # The legal sector's own answer to advice requests replaces the family's.
    assert "legal-question-online" in litigator and "advice-in-comments" not in litigator


def test_a_typed_field_finds_its_family_and_sector_from_its_words(library):
    assert library.family_for("Commercial litigation").slug == "legal"
    assert library.family_for("Data protection officer").slug == "legal"
    assert library.family_for("Senior product designer").slug == "product"
    assert library.family_for("Beekeeping equipment logistics").slug == "operations"
    assert library.family_for("Nurse educator") is None
    assert library.family_for("") is None
    assert library.sectors_for("Electrical contractor") == ("trades",)
    assert "healthcare" in library.sectors_for("Nurse educator")


def test_regulated_fields_get_the_lines_that_keep_them_safe(library):
    medicines = library.situation("praising-products")
    assert "is enough" not in medicines.option("disclose-in-post").detail
    competitor = library.situation("competitor-mention")
    assert not any("work for a competitor" in line for line in competitor.do)
    company_medicines = next(
        s for s in library.sector("life-sciences").situations if s.slug == "company-medicines"
    )
    assert any("share" in line and "prescription" in line for line in company_medicines.dont)
    healthcare = {s.slug: s for s in library.sector("healthcare").situations}
    concern = healthcare["safety-concern"]
    assert concern.recommended == "internal-route-first"
    assert any("pay" in line and "yours" in line for line in concern.do)
    assert any(
        "confirm or deny" in line.lower() for line in healthcare["patient-contacts-you"].dont
    )


def test_a_nurse_gets_clinical_situations_not_the_research_ones(library):
    from wizard.generators.plan import field_sectors
    from wizard.generators.playbook import playbook_family, playbook_sectors, situation_playbook

    work = {"expertise": "Nurse educator", "role": "Nurse educator"}
    area = library.field_for(work)
    sectors = playbook_sectors(library, field_sectors(area, work, library))
    assert "healthcare" in sectors
    slugs = [
        e.slug
        for e in situation_playbook({}, library, sectors, playbook_family(library, area, work))
    ]
    assert slugs[:5] == [
        "patient-story",
        "patient-contacts-you",
        "safety-concern",
        "error-or-inquest",
        "photos-at-work",
    ]
    assert not {"running-or-blinded-study", "customer-complaint", "praising-products"} & set(slugs)
    assert "confidential-information" in slugs and slugs[-1] == "any-doubt"
