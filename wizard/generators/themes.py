"""Theme suggestions for the themes step, and themes resolved for output.

A suggestion carries a ``key`` that says where it came from, so the angles
behind it can be found again later; a theme the person typed has no key and
gets angles built from its own words.

Keys: ``area:{area}:{theme}`` (a library field's theme, by slugs),
``template:{template}:{topic}`` (a template filled with the person's words),
``company:{id}`` (a programme's theme), ``question`` (the person's own
questions) and ``own`` (a title they typed). Keys stored before the slugs
existed (``area:{area}:{index}``, ``template:{index}:{topic}``) are still
read: ``canonical_key`` maps them, by title first and then by position.
"""

from __future__ import annotations

import functools
import json
import random
import re
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wizard.generators.audience import audience_for_you
from wizard.generators.text import capitalise, fill, lower_first, split_lines
from wizard.generators.theme_fit import (
    OWN_BANDS,
    context_relevance,
    context_words,
    fit_rank,
    is_general,
)
from wizard.generators.theme_fit import stem as _stem
from wizard.generators.topic_kind import ACTIVITY, fits, rule_phrase, topic_kinds
from wizard.library import Library
from wizard.library.loader import Angle, ExpertiseArea, Theme
from wizard.recent import Recent

SUGGESTIONS = 8
PRESELECTED = 4
DEFAULT_WEEKS = 2
TITLE_LENGTH = 80  # the longest theme title the themes step accepts

# What a process keeps of its recent work from the same answers (see
# `suggest_themes` and `spare_template_angles`): small, immutable results.
_SUGGESTIONS: Recent[tuple, tuple[ThemeChoice, ...]] = Recent(256)
_SPARE_ANGLES: Recent[tuple, tuple[Angle, ...]] = Recent(256)


def work_key(work: Mapping[str, Any]) -> str:
    """The work answers as one hashable text, for a key."""
    return json.dumps(work, sort_keys=True, default=str)


@dataclass(frozen=True)
class ThemeChoice:
    """A theme as suggested: where it came from, and its words."""

    key: str
    title: str
    summary: str
    angles: tuple[Angle, ...]


# The first halves of hyphenated words, which say nothing alone ("multi-country"
# is not "multi-state").
PREFIXES = frozenset({"multi", "cross", "self", "semi", "anti", "inter", "intra", "super", "over"})


@functools.lru_cache(maxsize=16384)
def _words(text: str) -> frozenset[str]:
    """The telling words of a text, folded: words of more than three letters, and
    hyphenated terms whole ("buy-in", "run-on"), whose parts are too short alone.
    Worked out once per text: every plan of a field reads the same library sentences."""
    found = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text.lower())
    words = {w for term in found for w in term.split("-") if len(w) > 3 and w not in PREFIXES}
    words |= {term for term in found if "-" in term}
    return frozenset(_stem(w) for w in words)


def _relevance(theme: Theme, topics: Sequence[str], ignore: frozenset[str] = frozenset()) -> int:
    """How much a theme is about the person's sub-topics: each sub-topic word
    counts three times in its title, twice in its summary, once per premise. A
    single passing mention in one premise is noise, and counts nothing.
    ``ignore``: words that tell nothing ("nurse" in "nurse staffing" is in
    nearly every nursing theme), unless a sub-topic has no other words
    ("groundwater modelling" in hydrogeology is still about modelling)."""
    wanted = set().union(*((_words(topic) - ignore) or _words(topic) for topic in topics))
    places = [(3, theme.title), (2, theme.summary), *((1, a.premise) for a in theme.angles)]
    score = sum(weight * len(_words(text) & wanted) for weight, text in places)
    return score if score > 1 else 0


# A job title typed where a field was asked ("employment lawyer") reads as the
# field it names ("employment law") in sentences such as "a trend in {expertise}".
ROLE_FIELDS = {
    "lawyer": "law",
    "attorney": "law",
    "engineer": "engineering",
    "developer": "development",
    "designer": "design",
    "analyst": "analysis",
    "accountant": "accounting",
    "consultant": "consulting",
    "researcher": "research",
    "scientist": "science",
    "architect": "architecture",
    "manager": "management",
    "tester": "testing",
    "recruiter": "recruiting",
    "marketer": "marketing",
    "writer": "writing",
    "auditor": "auditing",
    "economist": "economics",
    "statistician": "statistics",
    "programmer": "programming",
    "strategist": "strategy",
    "translator": "translation",
    "interpreter": "interpreting",
    "editor": "editing",
    "photographer": "photography",
    "teacher": "teaching",
    "nurse": "nursing",
    "physician": "medicine",
    "pharmacist": "pharmacy",
    "therapist": "therapy",
    "physiotherapist": "physiotherapy",
    "psychologist": "psychology",
    "biologist": "biology",
    "chemist": "chemistry",
    "geologist": "geology",
    "inspector": "inspection",
    "conservator": "conservation",
    "surveyor": "surveying",
    "planner": "planning",
    "dietitian": "dietetics",
    "midwife": "midwifery",
    "curator": "curation",
    "investigator": "investigation",
    "technologist": "technology",
    "contractor": "contracting",
    "electrician": "electrical work",
    "plumber": "plumbing",
    "educator": "education",
    "actuary": "actuarial work",
    "hydrogeologist": "hydrogeology",
    "administrator": "administration",
}


# A rank after the field ("talent acquisition lead") says nothing about the field.
ROLE_RANKS = {
    "lead",
    "head",
    "specialist",
    "expert",
    "professional",
    "officer",
    "director",
    "associate",
}


# Seniority and appointment words before a job title ("senior hydrogeologist",
# "scheme actuary") say nothing about the field.
TITLE_QUALIFIERS = {
    "senior",
    "junior",
    "lead",
    "principal",
    "chief",
    "staff",
    "sr",
    "jr",
    "deputy",
    "assistant",
    "graduate",
    "trainee",
    "appointed",
    "enrolled",
    "scheme",
    "chartered",
    "certified",
    "registered",
    "qualified",
    "freelance",
    "independent",
}
SENIORITY = {"senior", "junior", "lead", "principal", "staff", "sr", "jr", "graduate", "trainee"}


def field_words(typed: str) -> str:
    """What a person typed as a field, with a trailing job title read as its field."""
    words = typed.split()
    while len(words) >= 3 and words[0].lower().strip(".") in SENIORITY:
        words = words[1:]  # "senior data engineer" is about data engineering
    if len(words) >= 3 and words[-1].lower() in ROLE_RANKS:
        words = words[:-1]
    if len(words) >= 2 and words[-1].lower() in ROLE_FIELDS:
        words[-1] = ROLE_FIELDS[words[-1].lower()]
    return " ".join(words)


_LIBRARY_WORDS: dict[str, frozenset[str]] = {}


def _library_words(library: Library) -> frozenset[str]:
    """Every word the library writes in lower case (its premises, points, concepts),
    read once per library version."""
    version = str(getattr(library, "version", "") or id(library))
    if version not in _LIBRARY_WORDS:
        texts = [
            " ".join((angle.premise, *angle.points, *area.concepts))
            for area in library.areas
            for theme in area.themes
            for angle in theme.angles
        ]
        _LIBRARY_WORDS.clear()  # one library at a time is enough
        _LIBRARY_WORDS[version] = frozenset(re.findall(r"\b[a-z][a-z-]+\b", " ".join(texts)))
    return _LIBRARY_WORDS[version]


def topic_phrase(topic: str, library: Library | None = None) -> str:
    """A typed sub-topic as a noun phrase inside a sentence: lower case first, except
    a single word the library never writes in lower case ("Eurocode", "Revit")
    and a name followed by an acronym or a code ("California ABC rules")."""
    words = topic.split()
    proper = library is not None and len(words) == 1 and topic[:1].isupper()
    if proper and topic.lower() not in _library_words(library):
        return topic
    if topic[:1].isupper() and any(len(w) > 1 and w.isupper() for w in words[1:]):
        # Typed with care for case: "California ABC rules", "Paraloid B-72".
        return topic
    return lower_first(topic)


# Jobs whose work has a name of its own, beyond ROLE_FIELDS: a field typed as
# the job ("Locksmith") reads as the work ("locksmithing") in a sentence.
JOB_WORKS = {
    "locksmith": "locksmithing",
    "beekeeper": "beekeeping",
    "blacksmith": "blacksmithing",
    "carpenter": "carpentry",
    "joiner": "joinery",
    "gardener": "gardening",
    "florist": "floristry",
    "baker": "baking",
    "butcher": "butchery",
    "farrier": "farriery",
    "roofer": "roofing",
    "welder": "welding",
    "plasterer": "plastering",
    "bricklayer": "bricklaying",
    "stonemason": "stonemasonry",
    "upholsterer": "upholstery",
    "bookbinder": "bookbinding",
    "tailor": "tailoring",
    "brewer": "brewing",
    "winemaker": "winemaking",
    "hairdresser": "hairdressing",
    "bartender": "bartending",
    "groomer": "grooming",
    "midwife": "midwifery",
    "interpreter": "interpreting",
    "translator": "translation",
    "worker": "work",
    "cleaner": "cleaning",
    "coach": "coaching",
    "trainer": "training",
}
# Jobs whose work has no one-word name ("sommelier"): typed as the field, they
# read as "sommelier work", and as "a sommelier" where a job reads better.
WORKLESS_JOBS = frozenset(
    """sommelier barista chef cook paramedic firefighter doula concierge butler
    chauffeur courier croupier auctioneer undertaker embalmer
    lifeguard housekeeper caretaker janitor porter steward stewardess
    clown magician""".split()  # noqa: SIM905
)
# Endings of a job noun before "work": "sommelier work" names a job; "electrical
# work" and "social work" do not.
JOB_ENDING = re.compile(r"(?:ier|eer|ist|ian|smith|or|er)$")
JOB_WORK = " work"


def job_of_field(field: str) -> str:
    """The job in a field phrase made from a job title ("sommelier work" ->
    "sommelier"), or "" when the phrase names a field ("electrical work")."""
    if not field.endswith(JOB_WORK):
        return ""
    job = field[: -len(JOB_WORK)]
    last = job.split()[-1].lower() if job.split() else ""
    return job if last in WORKLESS_JOBS or (last and JOB_ENDING.search(last)) else ""


def _job_field(typed: str, role: str) -> str:
    """A field typed as a job title, as the work's name: "Locksmith" ->
    "locksmithing", "Interpreter" -> "interpreting", and "Sommelier" (with a
    role naming the same job, or a job the library lists) -> "sommelier work".
    "" when what was typed is a field's name already."""
    words = typed.split()
    if not words:
        return ""
    last = words[-1].lower()
    if last in JOB_WORKS:
        return lower_first(" ".join([*words[:-1], JOB_WORKS[last]]))
    job = ROLE_END.split(" ".join(role.split()), maxsplit=1)[0].lower().split()
    same_job = bool(job) and job[-1] == last
    if last in WORKLESS_JOBS or (same_job and JOB_ENDING.search(last)):
        return lower_first(typed) + JOB_WORK
    return ""


def expertise_name(work: Mapping[str, Any], area: ExpertiseArea | None) -> str:
    """The person's expertise as a lower-case noun phrase, in their own words
    ("employment lawyer" reads as "employment law")."""
    typed = " ".join(str(work.get("expertise") or "").split())
    if typed and area is not None:
        words = typed.split()
        role = words[-1].lower()
        if role in ROLE_FIELDS:
            before = words[:-1]
            while before and before[0].lower().strip(".") in TITLE_QUALIFIERS:
                before = before[1:]
            if not before:
                # A job title of the field ("Scheme actuary", "Senior hydrogeologist"):
                # the field's own name reads better than the title.
                return lower_first(area.name)
            names = {area.name.lower(), *(alias.lower() for alias in area.aliases)}
            phrase = " ".join(before).lower()
            if len(before) >= 2 and before[-1].lower() not in ROLE_FIELDS and phrase in names:
                return lower_first(" ".join(before))  # "contaminated land consultant"
    if typed and area is None:
        # "Sommelier" is a job: "what is changing in sommelier" reads wrong.
        job = _job_field(field_words(typed), str(work.get("role") or ""))
        if job:
            return job
    if typed:
        return lower_first(field_words(typed))
    return lower_first(area.name) if area else "your field"


# Where a role line's job ends: "Paintings conservator, national museum",
# "Test lead in the payments team", "Engineer at Network Rail".
ROLE_END = re.compile(r",|;|\(|\s[-–—]\s|\s(?:at|for|in the|with)\s", re.IGNORECASE)
ROLE_WORDS = 5  # a longer role line is a sentence, not a job
# Capital letters read with a vowel sound: "an NHS", "an ATC".
VOWEL_LETTERS = "AEFHILMNORSX"


def someone_phrase(work: Mapping[str, Any], expertise: str) -> str:
    """The person's job with its article, from their role line ("a paintings
    conservator", "an ATC systems engineer"), or "someone in" their field
    when the role line names no short job."""
    job = ROLE_END.split(" ".join(str(work.get("role") or "").split()), maxsplit=1)[0]
    words = job.split()
    while words and words[0].lower() in TITLE_QUALIFIERS:
        words = words[1:]
    personal = words and words[0].lower() in {"i", "i'm", "i’m", "im", "my", "we", "our"}
    if (
        personal
        or not words
        or len(words) > ROLE_WORDS
        or not re.fullmatch(r"[\w'’ -]+", " ".join(words))
    ):
        return f"someone in {expertise}" if expertise else "someone in the field"
    first = words[0]
    if not first.isupper():
        words[0] = lower_first(first)
    vowel = first[0] in VOWEL_LETTERS if first.isupper() else first[0].lower() in "aeiou"
    return ("an " if vowel else "a ") + " ".join(words)


PATIENTS = re.compile(r"\bpatients?\b", re.IGNORECASE)


def field_sectors(area: Any, work: Mapping[str, Any], library: Library) -> tuple[str, ...]:
    """The regulated sectors the person works in: their field's, or for a field the
    library does not know, those its words name ("occupational therapist": healthcare).
    A field's sector gives way to one that replaces it when the role names that
    one: a charity's public affairs manager in public policy is no civil servant."""
    if area is not None:
        own = tuple(getattr(area, "sectors", ()) or ())
        in_place = getattr(library, "sectors_in_place", None)
        typed = " ".join(str(work.get(k) or "") for k in ("role", "expertise"))
        return tuple(in_place(own, typed)) if in_place and own else own
    finder = getattr(library, "sectors_for", None)
    typed = " ".join(str(work.get(k) or "") for k in ("expertise", "role", "subtopics"))
    if PATIENTS.search(str(work.get("audience") or "")):
        typed += " patients"  # who writes for patients works with them ("practice manager")
    return tuple(finder(typed)) if finder else ()


# Sectors whose occurrences are not the person's to tell, one by one, though
# their cases are not clients': an air navigation engineer's "one recent outage"
# is an occurrence its fence keeps off social media.
OCCURRENCE_SECTORS = frozenset({"aviation"})


def cases_confidential(work: Mapping[str, Any], library: Library, area: Any = None) -> bool:
    """Whether the person's cases are confidential: one of their sectors (a
    clinician's, a lawyer's, a vet's) marks ``composite_cases``, or is one
    whose occurrences are not theirs to tell (`OCCURRENCE_SECTORS`), so a
    template's story of one recent case is told to them as a composite instead."""
    finder = getattr(library, "sector", None)
    if finder is None:
        return False
    return any(
        slug in OCCURRENCE_SECTORS
        or getattr(finder(slug), "composite_cases", False)
        # A guarded sector's one recent case is one job, account or incident of the
        # employer's (see wizard/generators/fences.py): a composite too.
        or getattr(finder(slug), "guarded", False)
        for slug in field_sectors(area, work, library)
    )


def _filled(angle: Angle, values: Mapping[str, str], confidential: bool = False) -> Angle:
    """A template's angle with the person's words; its confidential telling
    (a composite across many cases) where their cases are confidential."""
    return _filled_once(angle, tuple(values.items()), confidential)


@functools.lru_cache(maxsize=8192)
def _filled_once(angle: Angle, values: tuple[tuple[str, str], ...], confidential: bool) -> Angle:
    """``_filled`` worked out once per angle and words: a field outside the library
    fills every spare template on each plan it builds."""
    words = dict(values)
    if confidential and angle.confidential is not None:
        angle = angle.confidential
    # The points and the ask speak to the person: their readers' "my field" is
    # "your field" there, and stays theirs in the premise, said as "I".
    to_you = {**words, "audience": audience_for_you(words.get("audience", ""))}
    return Angle(
        slug=angle.slug,
        premise=fill(angle.premise, **words),
        points=tuple(fill(point, **to_you) for point in angle.points),
        kinds=angle.kinds,
        ask=fill(angle.ask, **to_you) if angle.ask else "",
        fits=angle.fits,
    )


def fitted_title(template: str, uses: str, values: Mapping[str, str]) -> str:
    """A template's title with the person's words, never longer than a title may be.

    Long words of their own make a filled title too long; then their phrase
    alone is the title, and a phrase longer still ends at a word, with "…".
    """
    title = fill(template, **values)
    if len(title) <= TITLE_LENGTH:
        return title
    # "What is changing in {expertise}, and what isn't" can lose its second half.
    first = fill(template.split(",", 1)[0], **values)
    if "," in template and "{" in template.split(",", 1)[0] and len(first) <= TITLE_LENGTH:
        return first
    phrase = capitalise(" ".join(str(values.get(uses) or "").split()))
    if len(phrase) <= TITLE_LENGTH:
        return phrase
    cut = phrase[: TITLE_LENGTH - 1]
    if " " in cut and not phrase[TITLE_LENGTH - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–") + "…"


def _from_template(
    library: Library,
    index: int,
    topic: str,
    expertise: str,
    audience: str,
    topics: Sequence[str] = (),
    confidential: bool = False,
    someone: str = "",
    seed: int | None = None,
) -> ThemeChoice:
    """A template filled with the person's words. A field-wide template's angles
    (``uses = "expertise"``) take the person's sub-topics (``topics``) in turn,
    starting at a different one for each template, so its ideas are about their
    own subjects rather than the field's name alone. ``confidential``: the
    person's cases are (see ``cases_confidential``). ``seed`` (see
    ``person_seed``) orders a field-wide template's premises for the person."""
    template = library.theme_templates[index]
    values = {
        "topic": rule_phrase(topic),
        "expertise": expertise,
        "audience": audience,
        "someone": someone or f"someone in {expertise}",
    }
    order = list(template.angles)
    if seed is not None:
        # Templates are every unknown field's: each person starts a field-wide
        # one at premises of their own, and gets their own share of a
        # sub-topic's (its lead premise first), so two fields' plans do not
        # read alike.
        shuffle = random.Random(seed ^ zlib.crc32(template.slug.encode())).shuffle
        if template.uses == "expertise":
            shuffle(order)
        else:
            rest = order[1:]
            shuffle(rest)
            order = [*order[:1], *rest]
    angles = []
    for n, angle in enumerate(order):
        own = dict(values)
        if template.uses == "expertise" and topics:
            # The next sub-topic the premise reads true for ("a small win with
            # fatigue" does not); an angle none of them fits is left out.
            turn = [topics[(n + index + k) % len(topics)] for k in range(len(topics))]
            fitting = [t for t in turn if fits(angle.fits, t)]
            if not fitting:
                continue
            own["topic"] = rule_phrase(fitting[0])
        elif not fits(angle.fits, own["topic"]):
            continue
        angles.append(_filled(angle, own, confidential))
    if seed is not None:
        # A premise written for one sort of sub-topic alone (a treatment's "a
        # method I no longer use") reads truer than a general one: it stays.
        angles.sort(key=lambda a: not _written_for_one_kind(a.fits))
        angles = angles[:TEMPLATE_ANGLES]
    return ThemeChoice(
        key=f"template:{template.slug}:{topic}"[:120],
        title=fitted_title(template.title, template.uses, values),
        summary=fill(template.summary, **values),
        angles=tuple(angles),
    )


# The premises a template's theme holds: a template with more gives each
# person a different share of them.
TEMPLATE_ANGLES = 5


def _written_for_one_kind(kinds: Sequence[str]) -> bool:
    """Whether an angle's ``fits`` names one kind of sub-topic, other than work."""
    wanted = [k for k in kinds if not k.startswith("!")]
    return len(wanted) == 1 and wanted[0] != ACTIVITY


def person_seed(work: Mapping[str, Any]) -> int:
    """A number read from the person's role and field, the same on every build:
    where their plan starts in the templates that every unknown field shares."""
    text = " ".join(" ".join(str(work.get(k) or "").lower().split()) for k in ("role", "expertise"))
    return zlib.crc32(text.encode("utf-8"))


def templates_for(library: Library, topic: str, indexes: Sequence[int]) -> list[int]:
    """The templates among ``indexes`` that read true for ``topic``: those written
    for its kind alone first ("medicines shortages" is a pressure, not a task),
    then the others that fit it, in the library's order."""
    fitting = [i for i in indexes if fits(library.theme_templates[i].fits, topic)]
    kind = own_kind(library, topic)
    own = [i for i in fitting if library.theme_templates[i].fits == (kind,)]
    return own + [i for i in fitting if i not in own]


def own_kind(library: Library, topic: str) -> str:
    """The most specific kind of ``topic`` that has a template of its own, other
    than work ("" when none): a pest ("varroa") has none, so it takes the
    pressure template written for every problem, not a myth's."""
    written = {t.fits for t in library.theme_templates}
    for kind in reversed(topic_kinds(topic)):
        if kind != ACTIVITY and (kind,) in written:
            return kind
    return ""


def spare_template_angles(
    work: Mapping[str, Any], library: Library, chosen: Sequence[str]
) -> list[Angle]:
    """For a field the library does not know (see `_spare_template_angles`),
    worked out once per process for the same work answers, themes and library:
    every build of a person's plan (each idea marked, each batch asked for)
    asks again."""
    key = (work_key(work), tuple(chosen), id(library))
    kept = _SPARE_ANGLES.get(key)
    if kept is None:
        kept = tuple(_spare_template_angles(work, library, chosen))
        _SPARE_ANGLES.put(key, kept)
    return list(kept)


def _spare_template_angles(
    work: Mapping[str, Any], library: Library, chosen: Sequence[str]
) -> list[Angle]:
    """For a field the library does not know: the premises of the sub-topic
    templates the person's plan does not hold, each filled with a sub-topic it
    reads true for, so a theme short of posts takes a real premise about their
    own subject before any stock opening. The templates no chosen theme uses come
    first, so their premises do not open like the plan's own. Slugs name
    template, angle and topic."""
    topics = split_lines(work.get("subtopics"))
    audience = lower_first(" ".join(str(work.get("audience") or "").split()))
    expertise = expertise_name(work, None)
    values = {
        "expertise": expertise,
        "audience": audience or "people",
        "someone": someone_phrase(work, expertise),
    }
    indexes = [i for i, t in enumerate(library.theme_templates) if t.uses == "topic" and not t.goal]
    in_plan = {key.split(":")[1] for key in chosen if key.startswith("template:")}
    indexes.sort(key=lambda i: library.theme_templates[i].slug in in_plan)
    confidential = cases_confidential(work, library)
    spare = []
    for topic in topics:
        phrase = topic_phrase(topic, library)
        for index in templates_for(library, topic, indexes):
            template = library.theme_templates[index]
            if f"template:{template.slug}:{phrase}"[:120] in chosen:
                continue
            for angle in template.angles:
                if fits(angle.fits, topic):
                    filled = _filled(angle, {**values, "topic": rule_phrase(phrase)}, confidential)
                    slug = "-".join(
                        re.findall(r"[a-z0-9]+", f"{template.slug} {angle.slug} {phrase}".lower())
                    )
                    spare.append(
                        Angle(slug[:90], filled.premise, filled.points, filled.kinds, filled.ask)
                    )
    return spare


# Words that name a person doing a job ("pharmacist", "pharmacy technician"),
# not the work ("Pharmacy First", "groundwater"): the job titles above, words
# ending as "pharmacist" or "technician" do, and a few more.
JOB_NOUNS = frozenset(ROLE_FIELDS) | {
    "technician",
    "owner",
    "officer",
    "controller",
    "assistant",
    "worker",
    "operator",
    "practitioner",
}


# Job nouns that say how senior or how employed, not which job.
RANKS = frozenset(
    {"manager", "consultant", "administrator", "officer", "assistant", "owner", "contractor"}
    | {"director", "practitioner", "strategist", "educator", "investigator", "inspector"}
)


def _jobs(text: str) -> set[str]:
    """The job nouns of a text ("pharmacists" -> "pharmacist"), lower-case."""
    words = (w.lower() for w in re.findall(r"[A-Za-z]+", text))
    singular = {w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in words}
    return {w for w in singular if w in JOB_NOUNS or w.endswith(("ist", "ician"))}


# Where a theme's title names the job its posts are written from: its first
# word ("Pharmacists as prescribers", "Controllers' hours") or what follows
# "as a", "becoming a" ("Working as a community pharmacist").
TITLE_JOB = re.compile(r"^(?:the\s+)?([\w']+)|\b(?:as|becoming|being)\s+an?\s+(.+)$", re.I)


def other_jobs_theme(area: ExpertiseArea, theme: Theme, work: Mapping[str, Any]) -> bool:
    """Whether a field's theme is written from another job in the field than
    the person's: "Pharmacists as prescribers" for a pharmacy technician, whose
    role names a job the field's names and aliases do not. A person who names
    no job, or one of the field's own, is not told apart; a job named only as
    the audience ("Escalations engineers can act on") tells nothing."""
    field_jobs = _jobs(" ".join(alias.split()[-1] for alias in (area.name, *area.aliases) if alias))
    theirs = _jobs(" ".join(str(work.get(k) or "") for k in ("role", "expertise")))
    theirs -= RANKS  # a manager or a consultant may do any of the field's jobs
    if not theirs or theirs & field_jobs:
        return False
    written_from = " ".join(
        part for m in TITLE_JOB.finditer(theme.title) for part in m.groups() if part
    )
    return bool(_jobs(written_from) & field_jobs)


@functools.lru_cache(maxsize=512)
def _common_words(area: ExpertiseArea) -> frozenset[str]:
    """Words in more than half of a field's themes ("nurse" in nursing's): a
    sub-topic word among them tells nothing about which theme it is about."""
    counts: dict[str, int] = {}
    for theme in area.themes:
        texts = (theme.title, theme.summary, *(a.premise for a in theme.angles))
        for word in set().union(*(_words(text) for text in texts)):
            counts[word] = counts.get(word, 0) + 1
    return frozenset(w for w, n in counts.items() if n * 2 > len(area.themes))


def rank_area_themes(
    area: ExpertiseArea, work: Mapping[str, Any], topics: Sequence[str]
) -> list[tuple[Theme, bool]]:
    """A field's themes in the order they are offered, each with whether it is
    the person's own (about their sub-topics, or for any setting or theirs,
    and not about the profession at large: see ``theme_fit.fit_rank``).

    Within a band, the field's most exposed subject (``exposed``) comes last;
    before it, the themes written for the setting the person named come first
    (a policy planner's local plans before biodiversity net gain, both about
    their sub-topics), then those most about their sub-topics, then
    those most about their role and audience, then the library's order.
    A theme written for another job in the field is offered, never preselected.
    """
    context = frozenset(w for w in context_words(work, area) if not _jobs(w))
    # The field's own name in a sub-topic ("nurse" in "nurse staffing") tells
    # nothing where most of its themes say it; its subjects ("local plans") do.
    field = _common_words(area) & _words(f"{area.name} {work.get('expertise') or ''}")
    rows = []
    for index, theme in enumerate(area.themes):
        topic = about = _relevance(theme, topics, field)
        if is_general(theme):
            # A careers theme is about a sub-topic only when its title or summary
            # says so, not because its premises mention it in passing.
            headline = Theme(theme.slug, theme.title, theme.summary, ())
            about = _relevance(headline, topics, field)
        band, boost = fit_rank(area, theme, work, about)
        other_job = other_jobs_theme(area, theme, work)
        # The field's most exposed subject comes after the person's other themes
        # of its band: a plan opens on safer ground (README: "exposed").
        key = (
            other_job,
            band,
            theme.exposed,
            -boost,
            -topic,
            -context_relevance(theme, context),
            index,
        )
        rows.append((key, theme, band in OWN_BANDS and not other_job))
    return [(theme, own) for _, theme, own in sorted(rows, key=lambda row: row[0])]


def area_choice(area: ExpertiseArea, theme: Theme) -> ThemeChoice:
    """A library field's theme as a suggestion."""
    return ThemeChoice(f"area:{area.slug}:{theme.slug}", theme.title, theme.summary, theme.angles)


QUESTION_KEY = "question"
QUESTION_TITLE = "Questions people bring to you"


# The shape of a question decides how its answer is built: a "why" wants a reason,
# a yes-or-no question the case where the answer flips, a "how long" or "how far"
# a range, a "how" the steps. Each outline asks for what only the person knows.
QUESTION_SHAPES: tuple[tuple[re.Pattern[str], tuple[str, ...], str], ...] = (
    (
        re.compile(r"when\b"),
        (
            "The moment or the sign you look for, and why then",
            "What happens when it is done too early, and too late",
            "A case from your work where the timing mattered, without names",
        ),
        "Which sign do you trust most, and which one misleads people?",
    ),
    (
        re.compile(r"how (long|far|much|many|often|big|soon|bad|safe)\b"),
        (
            "The range you give when {asker} ask this, and what sets each end of it",
            "The one fact about their case that narrows the range most",
            "A case from your work where the answer surprised someone, without names",
        ),
        "What range do you usually give, and what narrows it?",
    ),
    (
        re.compile(r"why\b"),
        (
            "The reason in one sentence, as you would say it to {asker}",
            "The case from your work that shows the reason best, without names",
            "What they can do with the answer, or what to ask next",
        ),
        "Which case from your own work shows the reason best?",
    ),
    (
        re.compile(r"(can|could|should|do|does|did|is|are|was|will|would|has|have|must|may)\b"),
        (
            "Your answer: yes, no or it depends, and on what",
            "The case where the answer flips, from your own work",
            "What you check before you answer it for {asker}",
        ),
        "When does your answer change, and what tells you?",
    ),
    (
        re.compile(r"how\b"),
        (
            "The steps you would walk {asker} through, in order",
            "The step people skip, and what it costs them",
            "When you would send them to someone else instead",
        ),
        "Which step did you learn the hard way?",
    ),
)
OTHER_QUESTION = (
    (
        "Your answer in two sentences, in the words you would use with {asker}",
        "The misunderstanding behind the question, if there is one",
        "One example from your work that makes the answer stick, without names",
    ),
    "Which example from your work makes the answer stick?",
)


def question_outline(question: str, audience: str) -> tuple[tuple[str, ...], str]:
    """Key points and a "make it yours" question built from a question people ask."""
    asker = re.sub(r"\bmy\b", "your", audience) or "people"
    text = question.strip().lower()
    for pattern, points, ask in QUESTION_SHAPES:
        if pattern.match(text):
            return tuple(fill(p, asker=asker) for p in points), ask
    points, ask = OTHER_QUESTION
    return tuple(fill(p, asker=asker) for p in points), ask


def question_choice(work: Mapping[str, Any]) -> ThemeChoice | None:
    """A theme made of the questions people ask the person (step 1), if any.

    Each question becomes an angle in the person's own words: only they know
    what they are asked, so these make some of the best posts. Its key points
    follow the question's shape (a range for "how far", a reason for "why").
    """
    questions = split_lines(work.get("questions"))
    audience = lower_first(" ".join(str(work.get("audience") or "").split()))
    angles = []
    for question in questions:
        premise = capitalise(question)
        slug = "-".join(re.findall(r"[a-z0-9]+", premise.lower()))[:60].strip("-") or "question"
        if slug in {a.slug for a in angles}:
            continue
        points, ask = question_outline(question, audience)
        angles.append(
            Angle(
                slug=slug,
                premise=premise,
                points=points,
                kinds=("question", "explainer"),
                ask=ask,
            )
        )
    if not angles:
        return None
    return ThemeChoice(
        QUESTION_KEY,
        QUESTION_TITLE,
        "Your answers to what people really ask you, in your own words.",
        tuple(angles),
    )


def suggest_themes(
    work: Mapping[str, Any],
    goals: Sequence[str],
    library: Library,
    company_themes: Sequence[tuple[str, str]] = (),
    chosen: Sequence[str] = (),
) -> list[ThemeChoice]:
    """Themes to offer (see `_suggest_themes`). The themes step, check your
    answers and every build of a plan ask for them: a process keeps the most
    recent by everything they depend on (the work answers, the goals, the
    programme's themes, the themes kept and the library loaded)."""
    key = (work_key(work), tuple(goals), tuple(company_themes), tuple(chosen), id(library))
    kept = _SUGGESTIONS.get(key)
    if kept is None:
        kept = tuple(_suggest_themes(work, goals, library, company_themes, chosen))
        _SUGGESTIONS.put(key, kept)
    return list(kept)


def _suggest_themes(
    work: Mapping[str, Any],
    goals: Sequence[str],
    library: Library,
    company_themes: Sequence[tuple[str, str]] = (),
    chosen: Sequence[str] = (),
) -> list[ThemeChoice]:
    """Themes to offer, the most personal first (``chosen``: the keys of the
    themes already kept, which can hold a finished plan's field: see
    ``Library.field_for``).

    For a field the library knows, its themes that mention the person's
    sub-topics come first (the first four are preselected), then themes built
    from their own sub-topics and goals, then the field's other themes. For a
    field it does not know, themes from their sub-topics and from templates
    for their field alternate.
    """
    area = library.field_for(work, chosen)
    topics = split_lines(work.get("subtopics"))
    expertise = expertise_name(work, area)
    secret = cases_confidential(work, library, area)  # a composite, never one recent case
    audience = str(work.get("audience") or "").strip() or "people in my field"
    audience = lower_first(audience)
    person = someone_phrase(work, expertise)
    seed = person_seed(work)

    def from_topic(index: int, topic: str) -> ThemeChoice:
        """Template ``index`` filled with a sub-topic and the person's words."""
        phrase = topic_phrase(topic, library)
        return _from_template(library, index, phrase, expertise, audience, (), secret, person, seed)

    personal: list[ThemeChoice] = []
    topic_templates = [
        i for i, t in enumerate(library.theme_templates) if t.uses == "topic" and not t.goal
    ]
    seen: dict[str, int] = {}  # sub-topics of each kind so far, to vary their templates
    used: set[int] = set()  # templates the person's sub-topics already have
    for topic in topics:
        own_templates = templates_for(library, topic, topic_templates)
        kind = topic_kinds(topic)[-1]
        turn = seen[kind] = seen.get(kind, -1) + 1
        if own_templates:
            mine = own_kind(library, topic)
            first = bool(mine) and library.theme_templates[own_templates[0]].fits == (mine,)
            # A kind's own template comes first; otherwise the person's words
            # pick where in the fitting templates they start, so two fields
            # with work-like sub-topics are not given the same theme.
            shift = 0 if first else seed
            start = (turn + shift) % len(own_templates)
            turned = own_templates[start:] + own_templates[:start]
            # Two sub-topics never get the same template while another fits:
            # "Questions I'm asked about…" twice reads as one label.
            index = next((i for i in turned if i not in used), turned[0])
            used.add(index)
            personal.append(from_topic(index, topic))
    for index, template in enumerate(library.theme_templates):
        if template.goal and template.goal in goals:
            topic = topic_phrase(topics[0], library) if topics else expertise
            personal.append(
                _from_template(library, index, topic, expertise, audience, (), secret, person)
            )

    from_area: list[ThemeChoice] = []
    own_area = 0  # how many of the field's themes are about the person's subjects and setting
    if area:
        ranked = rank_area_themes(area, work, topics)
        own_area = sum(1 for _, own in ranked if own)
        from_area = [area_choice(area, t) for t, _ in ranked]
    else:
        expertise_templates = [
            i for i, t in enumerate(library.theme_templates) if t.uses == "expertise" and not t.goal
        ]
        phrases = [topic_phrase(topic, library) for topic in topics]
        from_area = [
            _from_template(
                library, i, expertise, expertise, audience, phrases, secret, person, seed
            )
            for i in expertise_templates
        ]

    company = [
        ThemeChoice(f"company:{theme_id}", title, "A theme your company suggests.", ())
        for theme_id, title in company_themes
    ]

    ordered: list[ThemeChoice] = []
    if area:
        # A known field: its own themes, ranked by the person's sub-topics, are
        # preselected, because their angles name the field's real concepts;
        # themes built from templates follow, to pick when the person wants them.
        # Themes for another setting or about the profession at large come after
        # the templates built from the person's own sub-topics.
        first = min(PRESELECTED, own_area)
        ordered = from_area[:first] + personal + from_area[first:]
    else:
        # Interleave: a personal theme, a template theme, ... so both kinds are preselected.
        for pair in zip(personal, from_area, strict=False):
            ordered.extend(pair)
        ordered += personal[len(from_area) :] + from_area[len(personal) :]
    asked = question_choice(work)
    ordered = company + ([asked] if asked else []) + ordered
    if not area:
        # Few sub-topics, or a field name too long for a title (every expertise
        # template then reads as the name alone): more of the sub-topic templates.
        ordered += [
            from_topic(index, topic)
            for topic in topics or [expertise]
            for index in templates_for(library, topic, topic_templates)
        ]
    unique: list[ThemeChoice] = []
    for choice in ordered:
        if choice.title.lower() not in {c.title.lower() for c in unique}:
            unique.append(choice)
    # The company's themes never crowd out the person's own: at least enough
    # of those to tick when the company's are only offered.
    own = max(SUGGESTIONS - len(company), PRESELECTED)
    return [c for c in unique if c.key.startswith("company:")] + [
        c for c in unique if not c.key.startswith("company:")
    ][:own]


def theme_rows(
    choices: Sequence[ThemeChoice], *, tick_company: bool = False
) -> list[dict[str, Any]]:
    """Suggestions as the rows of the themes step's form.

    A company's themes are offered (labelled as the company's) and ticked
    only when its programme asks for that (``tick_company``). The person's
    own suggestions fill the rest of the first ``PRESELECTED`` ticks.
    """
    company = sum(1 for c in choices if c.key.startswith("company:")) if tick_company else 0
    own_left = max(PRESELECTED - company, 0)
    rows = []
    for n, choice in enumerate(choices):
        if choice.key.startswith("company:"):
            include = tick_company
        else:
            include = own_left > 0
            own_left -= include
        rows.append(
            {
                "include": include,
                "title": choice.title,
                "weeks": DEFAULT_WEEKS,
                "order": n + 1,
                "key": choice.key,
            }
        )
    return rows


def chosen_rows(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The rows a person kept, in their chosen order.

    When two rows share a number, the one the person moved there comes first.
    """

    def position(indexed: tuple[int, Mapping[str, Any]]) -> tuple[int, int, int]:
        index, row = indexed
        try:
            order = int(row.get("order") or 99)
        except (TypeError, ValueError):
            order = 99
        return order, 0 if order != index + 1 else 1, index

    kept = [
        (index, row)
        for index, row in enumerate(rows)
        if row.get("include") and str(row.get("title") or "").strip()
    ]
    return [row for _, row in sorted(kept, key=position)]


# Themes that moved to another field: the stored key, and where its angles live now.
MOVED_THEMES = {
    # Defined benefit pension work left general actuarial work for its own field.
    "area:actuarial:pensions": "area:pensions-actuarial:funding-code",
}


def canonical_key(key: str, title: str, library: Library) -> str:
    """A stored theme key in today's form.

    A theme that moved to another field maps to its new home (``MOVED_THEMES``);
    ``area:{area}:{index}`` keys (stored before themes had slugs) map to the
    field's theme with the same title, else to the theme at that position;
    ``template:{index}:{topic}`` keys map to the template at that position.
    Other keys, and keys that no longer lead anywhere, come back unchanged.
    """
    if key in MOVED_THEMES:
        return MOVED_THEMES[key]
    parts = key.split(":", 2)
    if len(parts) == 3 and parts[0] == "area" and parts[2].isdigit():
        area = library.area(parts[1])
        if area is None:
            return key
        wanted = " ".join(title.split()).casefold()
        theme = next((t for t in area.themes if wanted and t.title.casefold() == wanted), None)
        index = int(parts[2])
        if theme is None and index < len(area.themes):
            theme = area.themes[index]
        return f"area:{area.slug}:{theme.slug}" if theme else key
    if len(parts) == 3 and parts[0] == "template" and parts[1].isdigit():
        index = int(parts[1])
        if index < len(library.theme_templates):
            return f"template:{library.theme_templates[index].slug}:{parts[2]}"[:120]
    return key


def resolve_theme(
    row: Mapping[str, Any],
    suggestions: Sequence[ThemeChoice],
    library: Library | None = None,
) -> ThemeChoice:
    """The chosen theme with the summary and angles behind its key.

    If the person rewrote a suggested title, their words win; the angles
    stay. A theme they typed themselves gets no library angles. With the
    library, keys stored in an older form are mapped first, and a field's
    theme that is no longer among the suggestions is still found.
    """
    title = " ".join(str(row.get("title") or "").split())
    key = str(row.get("key") or "")
    if library is not None and key:
        key = canonical_key(key, title, library)
    match = next((s for s in suggestions if key and s.key == key), None)
    if match is None and library is not None and key.startswith("area:"):
        _, area_slug, theme_slug = (key.split(":", 2) + ["", ""])[:3]
        area = library.area(area_slug)
        theme = area.theme(theme_slug) if area else None
        match = area_choice(area, theme) if area and theme else None
    if match is None:
        return ThemeChoice("own", title, "", ())
    return ThemeChoice(match.key, title, match.summary, match.angles)
