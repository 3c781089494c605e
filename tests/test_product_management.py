"""A product manager's plan: pricing, when they name it, gets real pricing ideas
(willingness to pay, the value metric, packaging, discounts, price increases),
ideas that touch customers and contracts carry their fence, and the playbook
holds the pricing and company-metrics cards a product manager meets, which a
designer in the same family does not."""

from __future__ import annotations

import pytest

from tests.test_ideas import plan_for
from tests.test_playbook_general import playbook, text_of
from wizard.library import load_library


@pytest.fixture(scope="module")
def library():
    return load_library()


PM = {"expertise": "Product management", "role": "Senior product manager, B2B SaaS"}
DESIGNER = {"expertise": "Product design", "role": "Senior product designer"}


def all_ideas(plan) -> list:
    return [idea for theme in plan.outline for idea in theme.ideas]


def test_a_typed_pricing_sub_topic_gets_real_pricing_ideas():
    plan = plan_for("Product management", ["discovery", "pricing"], audience="Product managers")
    titles = " | ".join(idea.hook for idea in all_ideas(plan)).lower()
    for words in ("willingness to pay", "value metric", "good-better-best", "discount"):
        assert words in titles, words
    # Raising prices, as a post of its own or as a comment on grandfathering.
    assert "raising prices" in titles or "grandfathering" in titles
    # No blank "today I learned something about pricing" stub stands in for them.
    assert "something about pricing" not in titles


def test_ideas_that_touch_customers_or_contracts_carry_their_fence():
    plan = plan_for("Product management", ["roadmaps", "prioritization"])
    ideas = {idea.hook: idea for idea in all_ideas(plan)}
    said_no = next(i for h, i in ideas.items() if "said no to a big customer" in h)
    assert any("unidentifiable" in line for line in said_no.outline)
    # As a post of its own or as a comment, the roadmap disclaimer keeps its fence.
    roadmap = next(i for i in ideas.values() if i.angle == "roadmap-slide-ours-ended-up-customer")
    assert any("no customer" in line.lower() for line in (*roadmap.outline, roadmap.caution))
    assert not any("ended up in a customer contract" in h for h in ideas)


def test_a_product_manager_reads_the_pricing_and_metrics_cards(library):
    book = playbook(library, PM)
    pricing = text_of(book["pricing-and-deal-terms"])
    for words in ("announced", "discount", "competitors", "invented numbers"):
        assert words in pricing, words
    metrics = text_of(book["company-metrics"])
    for words in ("Regulation FD", "material non-public", "published", "insider trading"):
        assert words in metrics, words


def test_a_designer_keeps_the_family_cards_without_the_product_manager_s(library):
    assert library.field_for(DESIGNER) is not None
    book = playbook(library, DESIGNER)
    assert "pricing-and-deal-terms" not in book
    assert "company-metrics" not in book
    assert "portfolio-case-studies" in book


def test_the_product_family_names_customers_not_only_clients(library):
    book = playbook(library, PM)
    case_study = text_of(book["portfolio-case-studies"])
    assert "customer" in case_study
    assert "Naming customers" in book["naming-clients"].title
