"""Which of the field's own angles a person's hiring posts are built from.

A person whose goal includes hiring gets two posts for people thinking of
joining: what the first months are like (1) and what it takes to get in (2).
Each is one of the field guide's own angles where it has one: the theme's
that hosts the posts first, then the career theme's, the person's other chosen
themes', then any theme's they did not choose (a dental
hygienist's "A CODA-accredited program, the NBDHE and a clinical exam: the
road to an RDH", a controller's "What VetGDP should give a new graduate in
their first year"). An angle the plan already posts is never taken again, so
no hiring post repeats another idea's point; and the angle a hiring post takes
is kept out of every chosen theme's own posts, the host's and the others' alike
(see `ideas.planned_hires`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Sequence
from typing import Protocol

# Post 1: a newcomer's first weeks, months or year in the job, or what the work
# is really like from the newcomer's side ("What an area controller does all day").
FIRST_MONTHS = re.compile(
    r"\b(my|their|\w+'s) first (\d+ days|days|weeks?|months?|year)\b"
    r"|\bthe first (\d+|twelve|twenty) weeks of\b"
    r"|\bfirst (weeks?|months?|year) (as|in) (a|an|our|my)\b"
    r"|\bnew (hires?|starters?|joiners?|graduates?|nurses?|recruits?|engineers?|analysts?|teachers?"
    r"|colleagues?)\b|\btrainees?\b|\bapprentices?\b|\bpreceptor\w*|\bnewly qualified\b"
    r"|\bjuniors?\b"
    r"|\bnewcomers?\b|\bon-the-job training\b|\blearn first\b|\bwish I had known\b"
    r"|\bwhat (a|an) [\w ]{2,40} does (all day|day to day)\b|\bmy first\b|\bmost days\b"
    r"|\bfirst (two|three|five) years\b|\bfirst (\w+ )?placement\b"
    r"|\bthe first [\w ]{2,30} I supervised\b",
    re.IGNORECASE,
)
# Post 2: hiring itself, or the route in: a qualification, a licence, an exam,
# a credential or a career path that a person holds.
ROUTE_IN = re.compile(
    r"\b(hir(e|es|ing)|recruit(ing|ment)?|candidates?|CVs?|résumés?|resumes?)\b"
    r"|\binterview (questions|loop|process)|\bjob interviews?\b"
    r"|\b(qualifications?|licensure|chartership|chartered|credentials?|certifications?"
    r"|apprenticeships?|career|careers|registers and|registration|protected title)\b"
    r"|\b(pass(ed|ing)? (the )?(\w+ )?|(IRSE|membership|board|licensing|qualifying) )exams?\b"
    r"|\bthe (route|road|path|steps) to\b|\broutes? into\b|\bwhat the letters mean\b"
    r"|\bhow I (got into|learned|became|moved)\b|\bmov(ed|ing) from\b|^from [\w &/.-]{2,30} to "
    r"|\bafter a [\w-]+'s name\b|\bmy path\b",
    re.IGNORECASE,
)
# A certification of a product, a system or a standard, a licence of software, a
# student's exam, or a newcomer who joins no team (a partner, a contributor); a
# move between formats, tools or documents rather than jobs ("Moving from MT940 to
# camt.053 statements"), and a partner's deal registration.
NOT_A_PERSON = re.compile(
    r"\bISO\b|\bconsole\b|\bsubmissions?\b|\bcertified (US )?organi[sz]ations?\b|\bopportunit"
    r"|\bcertificate\b|\blicen[cs]e change\b|\bSaaS\b|\bSBOM|\bidentity\b|\bshared credentials\b"
    r"|\b(tool|PM) qualification\b|\bparticipants\b|\bstudents?\b|\bexam to pass\b|\bexam never\b"
    r"|\bin the exam\b|\bexam results\b|\bfloor, not proof\b|\bfirst issues\b|\bfirst-time\b"
    r"|\bdemo to production\b|\bin production\b|\bMWC\b|\badvice\b|\btroubled project\b"
    r"|\bwithout prejudice\b|\bstatements\b|\blabels\b|\bcustomizations\b|\bUniversal Analytics\b"
    r"|\bin Eclipse\b|\bdeal registration\b",
    re.IGNORECASE,
)
# The strongest fits, taken before the rest: a newcomer in the person's team, and
# hiring itself (a memory of one's own first year or a route in comes after).
NEWCOMER = re.compile(
    r"\bnew (hires?|starters?|joiners?|graduates?|nurses?|recruits?|engineers?|analysts?"
    r"|teachers?|colleagues?)\b|\btrainee|\bapprentices?\b|\bpreceptor\w*|\bnewly qualified\b"
    r"|\bnewcomers?\b|\bjuniors?\b|\bthe first (\d+|twelve|twenty) weeks of\b"
    r"|\bfirst \w*\s?placement",
    re.IGNORECASE,
)
HIRING = re.compile(
    r"\b(hir(e|es|ing)|recruit(ing|ment)?|candidates?)\b|\binterview (questions|loop|process)",
    re.IGNORECASE,
)
YOU = re.compile(r"\byou(r|rs|rself)?\b", re.IGNORECASE)


class Angle(Protocol):
    """What a hiring post is built from: one of the field guide's angles."""

    slug: str
    premise: str
    points: tuple[str, ...]


@functools.lru_cache(maxsize=8192)
def fits(premise: str, which: int) -> bool:
    """Whether a premise is about hiring post ``which``'s subject (1: the first
    months in the job; 2: hiring, or the route in) and about people, not products."""
    if not premise or NOT_A_PERSON.search(premise):
        return False
    if YOU.search(premise) and premise.rstrip().endswith("?"):
        return False  # a question to peers is no title for the person's own post
    pattern = FIRST_MONTHS if which == 1 else ROUTE_IN
    return bool(pattern.search(premise))


def hiring_angle(
    pools: Iterable[Sequence[Angle]],
    which: int,
    taken: Collection[str] = (),
    avoid: Collection[str] = (),
) -> Angle | None:
    """The first angle of ``pools`` (the hiring theme's own, the career theme's, then
    the field's other themes') that fits hiring post ``which`` (see `fits`), one
    about a newcomer in the team (1) or about hiring itself (2) before the rest: never
    one whose premise the plan already says (``taken``, lowercased) nor one of the
    slugs in ``avoid`` (the other hiring post's)."""
    pools = [list(p) for p in pools]
    strongest = NEWCOMER if which == 1 else HIRING
    for strong in (True, False):
        for pool in pools:
            for angle in pool:
                fresh = angle.premise.strip().rstrip(".").lower() not in taken
                if not fresh or angle.slug in avoid or not fits(angle.premise, which):
                    continue
                if not strong or strongest.search(angle.premise):
                    return angle
    return None


def hiring_angles(
    pools: Iterable[Sequence[Angle]], taken: Collection[str] = ()
) -> tuple[Angle | None, Angle | None]:
    """The angles of the two hiring posts (1: the first months, 2: the route in),
    two different ones. A post its subject finds none for takes a second angle of
    the other's subject (a field with two route-in angles and no first-months one
    gets both); None where the field guide has nothing left."""
    pools = [list(p) for p in pools]
    first = hiring_angle(pools, 1, taken)
    route = hiring_angle(pools, 2, taken, [first.slug] if first else [])
    if first is None and route is not None:
        first = hiring_angle(pools, 2, taken, [route.slug])
    if route is None and first is not None:
        route = hiring_angle(pools, 1, taken, [first.slug])
    return first, route
