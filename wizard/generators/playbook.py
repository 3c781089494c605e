"""The situation playbook: what a person does when things get tricky.

A person's playbook puts the hazards of their own work first: the situations
of their regulated sectors (their programme's, then their field's), then
those of their field's family (a CRA's blinded studies, a litigator's court
documents, a designer's test participants), then the general situations that
fit them. A family or a sector leaves out the general situations that do not
fit its people ("A customer complains" for someone without customers), and a
sector may leave out a family situation it covers in its own words.

A family or a sector may also set the approach a general situation starts on
(``recommend``): a nurse, a litigator or a civil servant starts "Political or
controversial topics" on a cautious approach, not on "share your view". A
sector's default outranks the family's (the programme's sector first), and a
person whose family Byline cannot tell starts politics on the middle option.
Whatever their field, someone whose role names a public body (a council, the
NHS, a US county) or clinical work starts "Someone criticizes your employer"
on not replying and passing it to comms, as regulated sectors do; an
employee of an unregulated private firm may correct a wrong fact once.
A family's situation may be for some of its fields only (an FMCG planner's
retailer data and competitors in the comments, not an agile coach's:
``only``), and a general one may come with a goal: posting a role is in the
playbook of someone who wants to help their team hire.
And someone who runs their own business, or is a partner in a practice,
outside a company's programme, reads the general situations in their own
words: there is no comms team to tell and no employer to be criticized, they
(and their fellow partners) are it (``Standing``).

The general situations are worded for anyone: "the people your work
serves", a case, an investigation, another organization. People whose work
sells products or services to customers (their family or a sector says so,
or, where Byline cannot tell their family, the words of their role, field
or sub-topics do, or they run their own business) read them in their
``sells`` words instead: roadmaps and sales promotions, a refund, a
competitor; and only they are shown "Praising your employer's products"
(``sells_only``). An archivist, a railway signaller or a social worker is
never told about roadmaps.

A family or a sector may also word a general situation for its people
(``words``): a nurse's "Confidential or unreleased information" names rotas,
incidents and audits rather than roadmaps, and a customer success manager,
who is the customer's channel, answers a complaint on their own account. The
person's first sector that words it wins, then their family; an owner's own
words outrank both. A sector's or a family's situations and wordings may carry
words for owners of their own (``owner``): a pharmacy owner is the one their
staff raise a safety concern with, and answers a review of their own pharmacy.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from wizard.generators.workplace import (
    clinical_role,
    council_employer,
    manages_others,
    private_firm,
    public_body,
    small_workplace,
    us_public_employee,
    workplace_kind,
)
from wizard.library import Library
from wizard.library.loader import Family, Sector, Situation, SituationOption
from wizard.library.terms import Term, fill, resolve


def field_name(situation_slug: str) -> str:
    """The form field (and stored key) for a situation."""
    return situation_slug.replace("-", "_")


@dataclass(frozen=True)
class PlaybookEntry:
    """One situation with the approach the person chose."""

    slug: str
    title: str
    summary: str
    approach: str
    detail: str
    recommended: bool
    recommended_label: str
    do: tuple[str, ...]
    dont: tuple[str, ...]
    # Where the situation comes from when it is not a general one: a sector's
    # or a family's name ("Life sciences", "Legal and compliance").
    sector: str = ""


@dataclass(frozen=True)
class SituationGroup:
    """Situations of one origin, as step 6 and the playbook show them: the
    sector or family name ("" for the general ones) and a one-line hint."""

    name: str
    hint: str
    situations: tuple[Situation, ...]
    kind: str = ""  # "sector", "family", or "" for the general ones


@dataclass(frozen=True)
class Standing:
    """What the playbook knows of a person's place at work: whether they run
    their own business or work for themselves (from the words of their role),
    and whether they post within a company's programme (which has a comms team)."""

    owner: bool = False
    programme: bool = False
    # Whether the words they typed say their work sells products or services
    # ("sales", "products", "retail"); read only where their family is unknown.
    sells: bool = False
    # Who stands in for a comms team in a small workplace ("your manager or the
    # practice owner"), from the role's words; "" where there may be one.
    small: str = ""
    # Whether the role names a public employer (a public school, a county), or
    # their sector is the public sector: in the US, the National Labor Relations
    # Act does not cover them (a card's ``public`` clause says what does).
    public: bool = False
    # Whether the role names a manager, a lead or a director: in the US the
    # National Labor Relations Act leaves supervisors and managers out, so a
    # card's ``manages`` clause says plainly that it probably does not protect them.
    manages: bool = False
    # Whether the role names a council (no owner, no consultancy's clients) or a
    # private firm (no freedom of information requests), anywhere.
    council: bool = False
    firm: bool = False
    # Whether the role names a public body (a council, the NHS, a US county)
    # or clinical work with patients: an employee's reply to criticism of
    # their employer is read as the organisation's position, so they pass it
    # to the comms or press office (``CAUTIOUS_DEFAULTS``).
    speaks_for_employer: bool = False
    # The kind of small workplace the role names, outside a programme (like
    # ``small``): "practice" (a practice, clinic or pharmacy), "school" or "";
    # a sector's cards take its words for it (``Sector.workplace_terms``).
    workplace: str = ""

    @property
    def clause_key(self) -> str:
        """Which of a card's clauses by standing the person reads
        (``Situation.in_standing``): a public employee's, a manager's, or ""."""
        return "public" if self.public else "manages" if self.manages else ""

    @property
    def owner_words(self) -> bool:
        """Whether the general situations are worded for an owner: someone who
        runs their business outside a programme (in one, there is a comms team)."""
        return self.owner and not self.programme


# Words in a role that say a person runs their own business or works for
# themselves. "Owner" alone counts unless another word makes it a job inside a
# company ("product owner", "process owner").
_OWNER_PHRASES = re.compile(
    r"\b(self[ -]?employed|freelanc\w*|founder|co[ -]?founder|sole (trader|proprietor|"
    r"practitioner)|proprietor|owner[ -]operator|co[ -]?owner|"
    r"(my|his|her|their|our) own ([a-z]+ )?(business|firm|company|practice|consultancy|agency|"
    r"studio|shop|clinic)|run(s|ning)? (my|his|her|their|our|a) (own )?(small )?"
    r"((?!(?:for|at|in|with|of|on|to|from|the) )[a-z&'-]+ ){0,3}?"
    r"(business|firm|company|practice|consultancy)|one[ -](man|woman|person) (band|business)|"
    r"independent (consultant|contractor|practitioner)|director of my own)\b",
    re.IGNORECASE,
)
_JOB_OWNERS = frozenset(
    [
        "product",
        "process",
        "data",
        "risk",
        "system",
        "service",
        "control",
        "platform",
        "budget",
        "application",
        "feature",
        "content",
        "asset",
        "technical",
        "tech",
        "solution",
        "change",
        "incident",
        "problem",
        "release",
        "domain",
        "programme",
        "program",
        "project",
        "account",
        "relationship",
        "test",
        "code",
        "backlog",
    ]
)


# A partner who owns a share of a practice: "partner in an independent
# practice", "partner at a small law firm", "GP partner", "equity partner". A
# partner's fellow partners are who they answer to, as an owner's.
_PRACTICE_PARTNER = re.compile(
    r"\b(?P<before>[a-z]+ )?partner (in|at|of) (a |an |the |my |our )?([a-z&'-]+ ){0,4}?"
    r"(practice|partnership|surgery|firm|chambers|clinic|llp|consultancy)\b|"
    r"\b(?P<kind>gp|equity|founding|practice) partner\b",
    re.IGNORECASE,
)
# Words before "partner" that make it a job inside a company, not a share of
# one: an HR business partner, a channel partner, a people partner.
_JOB_PARTNERS = frozenset(
    [
        "business",
        "channel",
        "people",
        "hr",
        "talent",
        "learning",
        "alliance",
        "alliances",
        "strategic",
        "technology",
        "tech",
        "delivery",
        "sales",
        "client",
        "implementation",
        "integration",
        "reseller",
        "solutions",
        "account",
        "commercial",
        "finance",
        "knowledge",
        "product",
        "relationship",
        "salaried",
    ]
)


def practice_partner(role: str) -> bool:
    """Whether the words of a role make the person a partner in a practice or
    a firm ("Small animal vet, partner in an independent practice", "GP
    partner"), and not an HR business partner, a channel partner or a
    partner manager."""
    for match in _PRACTICE_PARTNER.finditer(" ".join(str(role or "").split())):
        before = (match.group("before") or "").strip().lower()
        if match.group("kind") or before not in _JOB_PARTNERS:
            return True
    return False


def runs_own_business(role: str) -> bool:
    """Whether the words of a role say the person runs their own business or
    works for themselves ("Owner, Hale Electrical", "self-employed plumber",
    "freelance UX writer", a partner in a practice), and not a job called
    "owner" or "partner" inside a company."""
    text = " ".join(str(role or "").split())
    if _OWNER_PHRASES.search(text) or practice_partner(text):
        return True
    words = re.findall(r"[a-z]+", text.lower())
    return any(
        word == "owner" and (n == 0 or words[n - 1] not in _JOB_OWNERS)
        for n, word in enumerate(words)
    )


# Words in a role, a field or a sub-topic that say the person's work sells
# products or services. "Customer" alone does not: libraries, railways and
# councils have customers too, and the neutral words already hold for them.
_SELLING_WORDS = re.compile(
    r"\b(products?|sales|sell(s|ing)?|retail\w*|e-?commerce|online shop|shop ?floor|"
    r"brands?|brand management|saas|b2b|b2c|d2c|merchandis\w*|consumer goods|fmcg|"
    r"pricing|go[ -]to[ -]market|startups?|shopper\w*|store manager|wholesale\w*)\b",
    re.IGNORECASE,
)


def sells_from_words(work: Mapping[str, Any]) -> bool:
    """Whether the words a person typed (role, field, sub-topics) say their
    work sells products or services to customers ("Sales director, family
    bakery", "retail buying"), for a person whose family Byline cannot tell."""
    typed = " ".join(str(work.get(k) or "") for k in ("role", "expertise", "subtopics"))
    return bool(_SELLING_WORDS.search(" ".join(typed.split())))


def person_standing(work: Mapping[str, Any], programme: bool = False) -> Standing:
    """A person's standing from their step 1 answers (the role they typed, and
    whether their words say their work sells) and whether they joined through
    a company's programme."""
    role = str(work.get("role") or "")
    return Standing(
        owner=runs_own_business(role),
        programme=programme,
        sells=sells_from_words(work),
        small="" if programme else small_workplace(role),
        public=us_public_employee(role, "US"),
        manages=manages_others(role),
        council=council_employer(role),
        firm=private_firm(role),
        speaks_for_employer=public_body(role) or clinical_role(role),
        workplace="" if programme else workplace_kind(role),
    )


def sells(sectors: Iterable[Sector], home: Family | None, standing: Standing) -> bool:
    """Whether a person reads the general situations in their ``sells`` words:
    their first sector that says so decides (a drugmaker's people sell, an air
    traffic controller in the operations family does not), else their family,
    else, where Byline cannot tell their family, whether they run their own
    business or their words say they sell. Unknown work reads the neutral words."""
    said = [s.sells for s in sectors if s.sells is not None]
    if said:
        return said[0]
    if home is not None:
        return home.sells
    return standing.owner or standing.sells


def playbook_sectors(
    library: Library, field_sectors: Iterable[str] = (), programme_sector: str = ""
) -> list[str]:
    """The sectors whose situations apply, programme's first, each once, known ones only."""
    wanted = [programme_sector, *field_sectors]
    known = {s.slug for s in library.sectors}
    return [slug for slug in dict.fromkeys(wanted) if slug in known]


def playbook_field(area: Any) -> str | None:
    """The library field whose family may leave situations out for it
    (``field_skip``), or None for a field the library does not know."""
    return str(getattr(area, "slug", "") or "") or None


def playbook_family(library: Library, area: Any, work: Mapping[str, Any]) -> str | None:
    """The family whose situations a person gets: their field's, or for a field
    the library does not know, the family its typed words name."""
    if area is not None:
        return str(getattr(area, "family", "") or "") or None
    finder = getattr(library, "family_for", None)
    typed = " ".join(str(work.get(k) or "") for k in ("expertise", "role"))
    family = finder(typed) if finder else None
    return family.slug if family else None


# Where Byline cannot tell a person's family, it cannot tell whether their
# work is regulated or public-facing either: political topics start on the
# middle option (speak where your expertise meets the issue), not on sharing
# any view.
UNKNOWN_FAMILY_DEFAULTS = {"political-topics": "where-expertise-meets"}

# And it cannot tell which hazards matter most, but every kind of work holds
# something that is not the person's to share (a case, an investigation, how
# a site is kept safe) and people or places it touches: those come first.
UNKNOWN_FAMILY_LEAD = ("confidential-information", "naming-clients")


# Someone who works for a public body or treats patients does not answer
# criticism of their employer in public, whatever their field: a council
# officer's reply is read as the council's position on a matter its members
# own, and a clinician's can confirm who is a patient. Regulated sectors say
# the same in their own ``recommend``.
CAUTIOUS_DEFAULTS = {"criticism-of-employer": "let-it-stand"}


def _defaults(
    sectors: Iterable[Sector], home: Family | None, standing: Standing | None = None
) -> dict[str, str]:
    """The approach each general situation starts on where the person's
    sectors, role or family set one: the first sector's wins, then the
    role's (a public body or clinical work: ``CAUTIOUS_DEFAULTS``), then the
    family's (or, for a person of no known family, the cautious middle)."""
    defaults = dict(home.recommend) if home else dict(UNKNOWN_FAMILY_DEFAULTS)
    if standing is not None and standing.speaks_for_employer and not standing.owner_words:
        defaults.update(CAUTIOUS_DEFAULTS)
    for sector in reversed(list(sectors)):
        defaults.update(sector.recommend)
    return defaults


def _sector_terms(
    sector: Sector, field_terms: Iterable[Term], country: str, workplace: str = ""
) -> dict[str, str]:
    """The words a sector's terms take for the person: their field's, then
    the sector's words for their kind of small workplace (a dental nurse's
    practice has no wards or compliance hotline; a school nurse's district
    has no risk management team), then the sector's own."""
    own = tuple(field_terms)
    have = {t.name for t in own}
    own += tuple(t for t in sector.terms_at(workplace) if t.name not in have)
    return resolve(sector.terms, own, country)


def _wordings(
    sectors: Iterable[Sector],
    home: Family | None,
    field_terms: Iterable[Term] = (),
    country: str = "",
    workplace: str = "",
) -> dict[str, Situation]:
    """The general situations the person's sectors or family word for them:
    the first sector's wording wins, then the family's; a sector's in the
    words its terms take for the person's field, workplace and country."""
    words = dict(home.words) if home else {}
    for sector in reversed(list(sectors)):
        terms = _sector_terms(sector, field_terms, country, workplace)
        words.update({slug: filled(s, terms) for slug, s in sector.words})
    return words


def _filled_option(option: SituationOption, terms: Mapping[str, str]) -> SituationOption:
    return dataclasses.replace(
        option,
        label=fill(option.label, terms),
        detail=fill(option.detail, terms),
        do=tuple(fill(x, terms) for x in option.do),
        dont=tuple(fill(x, terms) for x in option.dont),
    )


def filled(situation: Situation, terms: Mapping[str, str]) -> Situation:
    """A sector's card with each ``{term}`` in the words it takes for the
    reader (``terms``: see ``wizard.library.terms.resolve``), its owner's and
    sellers' words too."""
    if not terms:
        return situation
    return dataclasses.replace(
        situation,
        title=fill(situation.title, terms),
        summary=fill(situation.summary, terms),
        do=tuple(fill(x, terms) for x in situation.do),
        dont=tuple(fill(x, terms) for x in situation.dont),
        options=tuple(_filled_option(o, terms) for o in situation.options),
        owner=filled(situation.owner, terms) if situation.owner else None,
        sells=filled(situation.sells, terms) if situation.sells else None,
    )


def for_country(situations: Iterable[Situation], country: str) -> list[Situation]:
    """The cards that hold in ``country`` ("" unknown), each slug once, in the
    order they first come: a card's version for the country where it has one,
    else its version for everyone else; a card only for other countries is
    left out."""
    chosen: dict[str, Situation] = {}
    for situation in situations:
        if not situation.holds_in(country):
            continue
        if situation.slug not in chosen or situation.countries:
            chosen[situation.slug] = situation
    return list(chosen.values())


def _personal(
    situation: Situation,
    default: str | None,
    standing: Standing,
    worded: Situation | None = None,
    selling: bool = False,
) -> Situation:
    """A general situation as this person reads it: in an owner's words when
    they run their own business, else in their sector's or family's words
    (``worded``), else in the words for people whose work sells (``selling``)
    or the neutral ones, starting on their field's default approach."""
    # The owner's words already fall back to the sells words (an owner sells).
    owner = situation.owner if standing.owner_words else None
    if selling:
        situation = situation.sells or situation
        worded = (worded.sells or worded) if worded else None
    shown = owner or worded or situation
    if standing.owner_words and worded is not None and worded.owner is not None:
        # The sector's or family's own words for its owners (a pharmacy
        # owner's staff raise concerns with them) outrank both.
        shown = worded.owner
    elif owner and worded and worded.summary != situation.summary:
        # A wording that rewrites the card itself (a vet's clients are pet
        # owners, a physio's confidences are patients') knows the person's
        # work better than the owner's general words; one that only rewords
        # an option does not.
        shown = worded
    if default and default != shown.recommended:
        shown = dataclasses.replace(shown, recommended=default)
    return shown


def _as_held(situation: Situation, owner_words: bool) -> Situation:
    """A sector's or a family's own situation in its owner's words, for an
    owner, where it has them (a pharmacy owner answers a review of their own
    pharmacy, not their manager's)."""
    return situation.owner if owner_words and situation.owner is not None else situation


# Sectors whose people work for a public employer whatever their role line says:
# in the US, a public employee's labor rights come from state or federal law,
# never the NLRA.
PUBLIC_SECTORS = frozenset({"public-sector"})


def situation_groups(
    library: Library,
    sectors: Iterable[str] = (),
    family: str | None = None,
    standing: Standing | None = None,
    field: str | None = None,
    goals: Iterable[str] = (),
    country: str = "",
) -> list[SituationGroup]:
    """The person's situations, most field-specific first: each sector's (in
    ``sectors`` order), their family's, then the general ones that fit them,
    the family's ``lead`` first and then those their ``goals`` bring (posting
    a role, for someone helping their team hire), each starting on the
    approach their sectors or family recommend and worded for their
    ``standing``. The family leaves out what does not fit the person's own
    ``field`` (its ``field_skip``), and a family or a sector shows its
    situations for some fields (``only``) only to those. Each card is the
    version for the person's ``country`` (an ISO code; "" unknown: the
    version for everyone), and a sector's cards take the words their terms
    have for the person's field and country (``{regulator}``: the HCPC for a
    paramedic in the UK)."""
    found = [library.sector(slug) for slug in dict.fromkeys(sectors)]
    chosen = [s for s in found if s is not None]
    home: Family | None = library.family(family) if family else None
    skipped = {slug for s in chosen for slug in s.skip} | set(home.skip if home else ())
    if home is not None and field:
        skipped |= set(dict(home.field_skip).get(field, ()))
    standing = standing or Standing()
    if country.upper() == "US" and any(s.slug in PUBLIC_SECTORS for s in chosen):
        standing = dataclasses.replace(standing, public=True)
    owners = standing.owner_words
    workplace = standing.workplace
    clause = standing.clause_key
    area = library.area(field) if field else None
    field_terms = area.terms if area is not None else ()
    groups = [
        SituationGroup(
            s.name,
            s.fence,
            tuple(
                filled(_as_held(x.in_standing(clause), owners), terms)
                for x in for_country(s.situations, country)
                if s.shows(x.slug, field)
            ),
            "sector",
        )
        for s in chosen
        for terms in [_sector_terms(s, field_terms, country, workplace)]
    ]
    if home is not None:
        own = tuple(
            _as_held(s.in_standing(clause), owners)
            for s in for_country(home.situations, country)
            if s.slug not in skipped and home.shows(s.slug, field)
        )
        groups.append(SituationGroup(home.name, home.summary, own, "family"))
    lead = home.lead if home else UNKNOWN_FAMILY_LEAD
    wanted = set(goals)
    defaults = _defaults(chosen, home, standing)
    words = _wordings(chosen, home, field_terms, country, workplace)
    selling = sells(chosen, home, standing)
    fitting = [
        _personal(s.in_standing(clause), defaults.get(s.slug), standing, words.get(s.slug), selling)
        for s in for_country(library.situations, country)
        if s.slug not in skipped
        and (selling or standing.owner_words or not s.sells_only)
        and (not s.goals or wanted & set(s.goals))
    ]
    brought = {s.slug for s in library.situations if s.goals}

    def order(s: Situation) -> tuple[int, int]:
        if s.slug in lead:
            return (0, lead.index(s.slug))
        return (1, 0) if s.slug in brought else (2, 0)

    # The family's most pressing general situations first, then the ones the
    # person's goals bring, then the rest in the library's order.
    general = tuple(sorted(fitting, key=order))
    groups.append(SituationGroup("", "", general))
    # In the words of the person's workplace: no comms team in a small one.
    groups = [
        dataclasses.replace(
            g, situations=tuple(_placed(x, standing, country) for x in g.situations)
        )
        for g in groups
    ]
    return [g for g in groups if g.situations]


def person_situations(
    library: Library,
    sectors: Iterable[str] = (),
    family: str | None = None,
    standing: Standing | None = None,
    field: str | None = None,
    goals: Iterable[str] = (),
    country: str = "",
) -> list[Situation]:
    """Every situation in the person's playbook, in the order it is shown."""
    return [
        s
        for group in situation_groups(library, sectors, family, standing, field, goals, country)
        for s in group.situations
    ]


def _entry(situation: Situation, answers: Mapping[str, Any], origin: str = "") -> PlaybookEntry:
    option = situation.option(answers.get(field_name(situation.slug)))
    recommended = situation.option(situation.recommended)
    return PlaybookEntry(
        slug=situation.slug,
        title=situation.title,
        summary=situation.summary,
        approach=option.label,
        detail=option.detail,
        recommended=option.slug == situation.recommended,
        recommended_label=recommended.label,
        # The held approach's own lists where it has them, so "Don't reply"
        # never sits above "Say that you work there, in the reply itself".
        do=option.do or situation.do,
        dont=option.dont or situation.dont,
        sector=origin,
    )


# The ways the general cards name a comms team beside a manager, each read as
# one phrase, so a small workplace's words replace the whole of it.
_COMMS = re.compile(
    r"(?<!risk or )(?:(?:your )?manager,? (?:or )?)?(?:(?:your|the) )?comms team"
    r"(?:,? or (?:your )?manager(?: or the owner in a small firm)?,?)?"
    r"(?: if (?:there is one|you have one))?|\bcomms or your manager\b",
)
# What a US card says of the National Labor Relations Act, to its sentence's end.
_NLRA = re.compile(
    r"(?:, and|[:;,])? (?:for most employees below management )?(?:the )?National Labor "
    r"Relations Act[^.;]*"
)
PUBLIC_US_SPEECH = (
    ": as a public employee you fall outside the National Labor Relations Act, so your "
    "state's law sets your bargaining rights, and the First Amendment protects what you say "
    "as a citizen on a matter of public concern, not what you say as part of your job"
)


# What a card says only to people in a consultancy or a small firm, which a
# council officer reads as advice for someone else: a line that opens on it
# ("In a consultancy, keep…"), a clause that adds it ("; in a consultancy, to
# your director…", ", or to your client and director in a consultancy") and
# the owner a small firm has.
_CONSULTANCY_LINE = re.compile(r"^(?:in a consultancy|as a consultant)\b", re.IGNORECASE)
_CONSULTANCY_CLAUSE = re.compile(
    r"[;,] (?:or )?(?:in a consultancy|as a consultant)\b[^.;]*"
    r"|,? or (?:to )?[^,.;]* in a consultancy\b"
    r"|; a consultant's [^.;]*"
    r"| or the owner in a small firm\b| \(your manager in a small firm\)"
    r"|,? or your manager in a small firm\b"
    r"|,? or your firm's(?: rules,)?| or your firm\b(?!')",
    re.IGNORECASE,
)
_COUNCIL_LEAD = re.compile(r"^(?:in a council|as an officer), ", re.IGNORECASE)
# A freedom of information request, which reaches only a public authority.
_FOI_CLAUSE = re.compile(r", ([^,]+) or, at a public authority, FOI\b")


def _in_council(text: str) -> str:
    """A card's line as a council officer reads it: no consultancy's or small
    firm's branch ("" where the whole line is one)."""
    if _CONSULTANCY_LINE.search(text):
        return ""
    text = _CONSULTANCY_CLAUSE.sub("", text)
    lead = _COUNCIL_LEAD.match(text)
    if lead:
        rest = text[lead.end() :]
        text = rest[:1].upper() + rest[1:]
    return text


def _in_own_place(text: str, standing: Standing, country: str) -> str:
    """A card's line in the words of the person's workplace: their practice
    owner or school's leadership for a comms team in a small workplace, no
    National Labor Relations Act for a public employee in the US in a sector's
    words (a general card says so in its clause by standing), no
    consultancy's branch for a council officer and no freedom of information
    request at a private firm ("" for a line that is all another workplace's)."""
    if standing.council:
        text = _in_council(text)
    if standing.firm:
        text = _FOI_CLAUSE.sub(r" or \1", text)
    if standing.small and "comms" in text:
        text = _COMMS.sub(standing.small, text)
    if standing.public and country.upper() == "US" and "Relations Act protects" in text:
        text = _NLRA.sub(PUBLIC_US_SPEECH, text, count=1)
    return text


def _placed(situation: Situation, standing: Standing, country: str) -> Situation:
    """``situation`` with each line, its approaches' too, in the words of the
    person's workplace (see ``_in_own_place``), as step 6 and the playbook show it."""
    if not (standing.small or standing.public or standing.council or standing.firm):
        return situation

    def own(text: str) -> str:
        return _in_own_place(text, standing, country) or text

    def lines(texts: tuple[str, ...]) -> tuple[str, ...]:
        kept = tuple(x for x in (_in_own_place(t, standing, country) for t in texts) if x)
        return kept or texts

    return dataclasses.replace(
        situation,
        summary=own(situation.summary),
        do=lines(situation.do),
        dont=lines(situation.dont),
        options=tuple(
            dataclasses.replace(
                o, label=own(o.label), detail=own(o.detail), do=lines(o.do), dont=lines(o.dont)
            )
            for o in situation.options
        ),
    )


def situation_playbook(
    answers: Mapping[str, Any],
    library: Library,
    sectors: Iterable[str] = (),
    family: str | None = None,
    standing: Standing | None = None,
    field: str | None = None,
    goals: Iterable[str] = (),
    country: str = "",
) -> list[PlaybookEntry]:
    """The person's situations (see ``situation_groups``) with the chosen, or
    else the recommended, approach for each."""
    return [
        _entry(situation, answers, group.name)
        for group in situation_groups(library, sectors, family, standing, field, goals, country)
        for situation in group.situations
    ]
