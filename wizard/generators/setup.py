"""The setup week before the first post, and the review point after the last.

The setup week drafts a profile line and an "about" section from the
person's own answers and their field's words (with marked gaps for their
credential and years, and from rung 3 a point of view from their first
theme), adds the
disclaimer line, names the kinds of accounts,
communities and tags worth following (from the field's library entry), the
notification settings worth changing on each of their channels, and a
listening habit that fits their week. The review point says what to look at
once the period is over.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from wizard.generators.effort import listening
from wizard.generators.text import capitalise, join_words, lower_first
from wizard.generators.themes import job_of_field
from wizard.generators.topic_kind import (
    PLACE,
    RULE,
    RULE_NAMES,
    STANDARD_CODE,
    rule_phrase,
    topic_kinds,
)
from wizard.library.loader import ExpertiseArea

NUMBER_WORDS = ("no", "one", "two", "three", "four", "five")

DISCLAIMER = "Views are my own, not my employer's."
# For someone who runs or owns the business: there is no employer to set apart.
OWNER_DISCLAIMER = "When a post is about my own business, I say so."
OWNER_ROLE = re.compile(
    r"\b(runs|owns|owner|co-?owner|founder|co-?founder|proprietor|self-employed|sole trader|"
    r"freelance|freelancer)\b",
    re.IGNORECASE,
)
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip

# Notification settings worth changing, by channel slug (channels.toml).
NOTIFICATIONS: dict[str, str] = {
    "linkedin": (
        "LinkedIn: keep notifications for comments and mentions on your own posts; turn off"
        " the ones for other people's reactions, job changes and suggested posts."
    ),
    "x": (
        "X: filter notifications to people you follow, and mute words that pull you into"
        " arguments you do not want."
    ),
    "mastodon": (
        "Mastodon or Bluesky: keep mentions and replies; turn off boosts and new followers"
        " by e-mail."
    ),
    "blog": "Your blog: have comments held for approval and sent to you once a day.",
    "newsletter": "Your newsletter: get replies by e-mail, and turn off per-subscriber alerts.",
    "internal": (
        "Your internal network or chat: follow the channels where your field is discussed,"
        " and mute the busy ones outside working hours."
    ),
    "github": (
        "GitHub: watch only the repositories you maintain or answer in; leave the rest on"
        " 'participating and mentions'."
    ),
    "events": "Events and conferences: turn on announcements for two or three groups, no more.",
    "video": "YouTube or your podcast host: have comments held for review and sent as a digest.",
}
GENERAL_NOTIFICATION = (
    "On every channel: no push notifications outside your working hours. Check replies at"
    " set times instead (say, once at lunch and once before you finish)."
)


# Said once above the profile line and the About, on the page and in the export.
REWRITE = (
    "Rewrite these in your own words, and fill in the [brackets]"
    " (a credential only if you hold it)."
)


@dataclass(frozen=True)
class SetupWeek:
    """What to do in the week before the first post."""

    start: date
    end: date
    profile_line: str
    about: str
    disclaimer: str
    follow: tuple[str, ...]
    moments: tuple[str, ...]
    tags: tuple[str, ...]
    notifications: tuple[str, ...]
    listening: str

    @property
    def rewrite(self) -> str:
        """The line above the profile: a draft is only a start."""
        return REWRITE


def hashtag(text: str) -> str:
    """ "threat modeling" -> "#ThreatModeling"; "" when nothing usable is left."""
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    joined = "".join(word if word.isupper() else word.capitalize() for word in words)
    return f"#{joined}" if joined and len(joined) <= 30 else ""


def topic_tag(topic: str, terms: Sequence[str]) -> str:
    """A sub-topic's tag only when it is one established term: a single word
    ("garnishments"), or a one-word term of the field inside it ("NEC4" in "NEC4
    contracts"); never a phrase glued into a tag nobody uses ("#YearEndW2s")."""
    words = topic.split()
    if len(words) == 1 and words[0].isalpha():
        return hashtag(words[0])
    # A field's one-word term in capitals ("NEC4", "FX"), not an everyday word ("cash").
    known = {
        term
        for term in terms
        if len(term.split()) == 1 and term.isalnum() and any(c.isupper() for c in term)
    }
    return next((hashtag(word) for word in words if word in known), "")


def field_tags(
    expertise: str, subtopics: Sequence[str], area: ExpertiseArea | None
) -> tuple[str, ...]:
    """The tags people in the field use: the field's name and its own tags, then
    at most one from a sub-topic that is a single established term."""
    if area is None:
        # "sommelier work" is tagged as the job: #Sommelier, not #SommelierWork.
        return tuple(t for t in (hashtag(job_of_field(expertise) or expertise),) if t)
    seen: dict[str, str] = {}
    for tag in (hashtag(area.name), *area.hashtags):
        if tag and tag.lower() not in seen:
            seen[tag.lower()] = tag
    terms = (*area.concepts, *area.aliases)
    extra = (topic_tag(x, terms) for x in subtopics[:3])
    more = next((t for t in extra if t and t.lower() not in seen), "")
    return (*seen.values(), *((more,) if more else ()))


def credential_gap(
    credentials: Sequence[str],
    country: str,
    settings: Mapping[str, Sequence[str]] | None = None,
    names_setting: Callable[[Sequence[str]], bool] | None = None,
) -> str:
    """The field's post-nominals for ``country`` as a gap to fill: "[RM]",
    "[CPP or FPC]"; "" where the library knows none. A credential of one setting
    (``settings``: a medical interpreter's CHI, a sign language interpreter's NIC)
    is offered only to someone whose words name it (``names_setting``), so a court
    interpreter is never asked to fill in a certificate of another job."""
    settings = settings or {}
    credentials = [
        c
        for c in credentials
        if c not in settings or (names_setting is not None and names_setting(settings[c]))
    ]
    filtered = filtered_countries(credentials)
    kept = [for_country(entry, country, filtered) for entry in credentials]
    names = [_FOLLOW_TAG.sub("", entry) for entry in kept if entry is not None]
    return f"[{join_words(names, 'or')}]" if names else ""


def field_implied(role: str, field: str) -> bool:
    """Whether the job title already says the field ("Payroll manager", "payroll")."""
    stem = field.split()[0][:4].lower() if field else ""
    return not stem or stem in role.lower()


def subject_phrase(topic: str, names: Collection[str] = ()) -> str:
    """A sub-topic inside a sentence: lower case first, except a place typed with
    its capital ("Burgundy" is the region; "burgundy" is a colour), a name of
    the field's (``names``: "Eurocodes", "Fiori", "Kubernetes security"), and a
    code with its article ("the code of ethics")."""
    named = any(topic == name or topic.startswith(f"{name} ") for name in names)
    if topic[:1].isupper() and (named or PLACE in topic_kinds(topic)):
        return topic
    return rule_phrase(lower_first(topic))  # "the code of ethics"


def topic_list(topics: Sequence[str], names: Collection[str] = ()) -> str:
    """The person's sub-topics inside a sentence: "antenatal care, birth choices and
    postnatal mental health"; with a comma before the last "and" when a sub-topic
    has its own ("WCAG conformance, and ARIA and semantics"), so none runs into
    the next."""
    phrases = [subject_phrase(topic, names) for topic in topics[:3]]
    if len(phrases) > 1 and any(" and " in phrase for phrase in phrases):
        return f"{', '.join(phrases[:-1])}, and {phrases[-1]}"
    return join_words(phrases)


def field_names(area: ExpertiseArea | None) -> frozenset[str]:
    """The field's terms written with a capital ("Eurocodes", "Fiori", "Open RAN"):
    a sub-topic typed as one, or opening with one, keeps its capital."""
    if area is None:
        return frozenset()
    terms = (*area.concepts, *area.aliases)
    # "The New Medicine Service" is "the New Medicine Service" inside a sentence.
    return frozenset(t for t in terms if t[:1].isupper() and t.split()[0] not in ("The", "A"))


def profile_line(
    role: str,
    expertise: str,
    subtopics: Sequence[str],
    credential: str = "",
    names: Collection[str] = (),
) -> str:
    """What the person does, before any label: "Community midwife, [RM] · antenatal
    care, birth choices and postnatal mental health"; the field is named where the
    job title does not say it ("… · threat modeling and incident readiness in
    cybersecurity")."""
    job = capitalise(role) if role else capitalise(expertise)
    if job and credential:
        job += f", {credential}"
    field = lower_first(expertise) if expertise else ""
    work = topic_list(subtopics, names)
    if work and role and field and not field_implied(role, field):
        work += f" in {field}"
    elif not work and role and field and not field_implied(role, field):
        work = field
    return " · ".join(part for part in (job, work) if part)


# The last word of a place of work typed after a comma ("ICU nurse, academic
# medical center"): the person works *at* one. Anything else after the comma
# is where their work lies ("Signalling engineer, rail infrastructure": *in*).
WORKPLACE_NOUNS = frozenset(
    (
        "agency",
        "authority",
        "bank",
        "bureau",
        "business",
        "center",
        "centre",
        "charity",
        "clinic",
        "college",
        "company",
        "consultancy",
        "contractor",
        "council",
        "court",
        "department",
        "district",
        "firm",
        "group",
        "hospital",
        "insurer",
        "lab",
        "laboratory",
        "library",
        "manufacturer",
        "office",
        "organisation",
        "organization",
        "partnership",
        "pharmacy",
        "practice",
        "provider",
        "retailer",
        "school",
        "service",
        "startup",
        "studio",
        "surgery",
        "trust",
        "university",
        "utility",
    )
)
# Verbs a job title may go on with after its comma ("Electrician, runs a small
# contracting business"), and how the person says them.
FIRST_PERSON = {"runs": "run", "leads": "lead", "manages": "manage", "owns": "own", "works": "work"}


def role_phrase(role: str) -> str:
    """The person's job as it follows "I'm": "an ICU nurse at an academic medical
    center", "an electrician, and I run a small contracting business", "a
    signalling engineer in rail infrastructure", "a test lead in the payments team"."""
    job, _, rest = (part.strip() for part in lower_first(role).partition(","))
    if not rest:
        return f"{_article(job)} {job}"
    first, _, remainder = rest.partition(" ")
    if first.lower() in FIRST_PERSON:
        return f"{_article(job)} {job}, and I {FIRST_PERSON[first.lower()]} {remainder}".rstrip()
    rest = lower_first(rest)
    last = rest.split()[-1].lower().strip(".")
    if last in WORKPLACE_NOUNS or last.rstrip("s") in WORKPLACE_NOUNS:
        determined = rest.split()[0] in ("a", "an", "the", "my", "our")
        place = rest if determined else f"{_article(rest)} {rest}"
        return f"{_article(job)} {job} at {place}"
    return f"{_article(job)} {job} in {rest}"


# Where a theme's premise can stand as the person's point of view: a statement,
# not a headline with a colon or a question, nor one that opens on "Why" or "How".
VIEW_KINDS = ("opinion", "myth")
HEADLINE_OPENINGS = ("how", "why", "what", "when", "where", "which", "who", "myth")


def point_of_view(theme: Any, rung: int, country: str = "") -> str:
    """One line of view from the person's first theme, from rung 3: the first
    premise of the theme that states a view ("My view: …"). Never the theme's
    title: a title is a heading ("Signals, not noise"), not something a person
    says about themselves, so a theme with no such premise gives no line."""
    if theme is None or rung <= 2 or str(getattr(theme, "key", "")).startswith("template:"):
        # A theme built from a sub-topic has headlines for premises ("a trend around
        # queen rearing I think is overhyped"): a post's title, never a view.
        return ""
    views = [
        angle.premise
        for angle in getattr(theme, "angles", ())
        if angle.kinds
        and angle.kinds[0] in VIEW_KINDS
        and not set(":?").intersection(angle.premise)
        and not _headline(angle.premise)
        and (not angle.countries or not country or country in angle.countries)
    ]
    if not views:
        return ""
    lead = "One thing I've learned" if rung == 3 else "My view"
    view = views[0] if re.match(r"I\b", views[0]) else lower_first(views[0])  # "I", never "i"
    return f"{lead}: {view}."


def _headline(premise: str) -> bool:
    """Whether a premise opens as a post's title, not a statement: "Why design
    check categories get set too low", "Replacing a legacy system one piece at a
    time" ("Nothing beats …" is a statement)."""
    first = premise.split()[0].lower()
    gerund = len(first) > 4 and first.endswith("ing") and first not in ("bring", "during")
    gerund = gerund and not first.endswith("thing")
    return first in HEADLINE_OPENINGS or gerund


# An audience that names nobody in particular: the field's own readers stand in.
GENERIC_AUDIENCE = re.compile(r"\b(my|your|the) field\b|^(peers|colleagues|everyone)$")
# Of those, the ones that mean the person's peers: others who do the same job.
PEER_AUDIENCE = re.compile(r"\b(my|your|the) field\b|^(peers|colleagues)$")


def plural(noun: str) -> str:
    """ "physician" -> "physicians", "beekeeper" -> "beekeepers", "analyst" ->
    "analysts"; "-y" after a consonant and "-s", "-x", "-ch", "-sh" as English does."""
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


def readers_of(audience: str, role: str, audiences: Sequence[str] = ()) -> str:
    """Whom the About says the posts are for: the person's own answer, unless it
    names nobody in particular. "Other people in my field" (or "peers") are
    others who do the job ("other beekeepers"); "everyone", or no answer, the
    field's first readers ("drug safety physicians and case processing teams")."""
    if audience and not GENERIC_AUDIENCE.search(audience.lower()):
        return audience
    job = lower_first(role.split(",")[0].strip())
    # "Head of payroll" has no plural a reader would say ("other heads of payroll").
    joined = {"in", "of", "for", "to", "at", "and", "&"}.intersection(job.split())
    others = f"other {plural(job)}" if job and len(job.split()) <= 3 and not joined else ""
    if PEER_AUDIENCE.search(audience.lower()):
        # "Other people in my field" are peers, never the field's public ("pet owners").
        peers = next((a for a in audiences if a.lower().startswith("other ")), "")
        if others or peers:
            return others or peers
    if audiences:
        pair = list(audiences[:2])  # written as they stand in a sentence ("SAP consultants")
        return join_words(pair) if not any(" and " in a for a in pair) else pair[0]
    return others or "people in my field"


def about_sentence(
    role: str,
    expertise: str,
    subtopics: Sequence[str],
    audience: str,
    *,
    rung: int = 3,
    credential: str = "",
    view: str = "",
    work: str = "",
    audiences: Sequence[str] = (),
    names: Collection[str] = (),
) -> str:
    """The "about" section as the person would write it: who they are, with
    marked gaps for their credential and years; what their work is, in the
    field's own words (``work``, its library entry's "about"); what they post
    about (their own sub-topics, in lower case) and for whom. Rungs 1-2 say it
    plainly and modestly; rung 3 adds one thing learned; rungs 4-5 a view."""
    field = lower_first(expertise) if expertise else ""
    if role:
        who = f"I'm {role_phrase(role)}"
    else:
        job = job_of_field(field)
        if job:
            who = f"I work as {_article(job)} {job}"
        else:
            who = f"I work in {field}" if field else "I work in my field"
    job = job_of_field(field)
    if job and role and field_implied(role, field):
        # "Sommelier work" typed as the field is a job: "years as a sommelier".
        years = f"[number] years as {_article(job)} {job}"
    else:
        # Without a role, "I work in cybersecurity" has named the field already.
        years = "[number] years" + (f" in {field}" if field and role else "")
    who += f" ({credential}, {years})" if credential else f" ({years})"
    topics = topic_list(subtopics, names) or "my work"
    readers = readers_of(audience, role, audiences)
    what = f"My work is {work}." if work else ""
    if rung == 1:
        posts = f"I'm starting to share what I learn about {topics}, for {readers}."
    elif rung == 2:
        posts = f"Now and then I share what I learn about {topics}, for {readers}."
    elif rung == 3:
        posts = f"I write about {topics} for {readers}."
    elif rung == 4:
        # The view that follows says what they think; without one, the sentence does.
        stance = "" if view else ", and say what I'd do and why"
        posts = f"I write about {topics} for {readers}{stance}."
    else:
        posts = (
            f"I write about {topics} for {readers}, and say where I disagree with the usual advice."
        )
    parts = [f"{who}.", what, posts, view]
    return " ".join(part for part in parts if part)


def _article(words: str) -> str:
    """ "a" or "an" before ``words``: by sound for initialisms ("an SRE", "a QA lead")."""
    first = words.split()[0] if words.split() else ""
    if len(first) > 1 and first.isupper():
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeiou" else "a"


# A field's follows may end with the countries they serve: "Electrical Safety
# First (UK)", "the Irish Pharmacy Union (Ireland)", "the CIPD (UK, Ireland)",
# "NASW, in the US". The tag's countries, as the themes step saves them.
FOLLOW_TAGS = {
    "UK": "GB",
    "GB": "GB",
    "US": "US",
    "IE": "IE",
    "Ireland": "IE",
    "CA": "CA",
    "Canada": "CA",
    "AU": "AU",
    "Australia": "AU",
}
# A reader in one of these countries reads every list for their own country; a
# reader elsewhere only a list that names their country (Ireland, Canada and
# Australia are named by the fields that are strongly national).
ALWAYS_FILTERED = frozenset({"GB", "US"})
_TAG_NAME = "|".join(sorted(FOLLOW_TAGS, key=len, reverse=True))
# "… (UK)", "… (UK, Ireland)" or "…, in the US" at the end of an entry.
_FOLLOW_TAG = re.compile(
    rf"(?:\s*\((?P<codes>(?:{_TAG_NAME})(?:,\s*(?:{_TAG_NAME}))*)\)"
    rf"|,\s+in (?:the )?(?P<named>{_TAG_NAME}))$"
)


def follow_countries(entry: str) -> frozenset[str]:
    """The countries an entry's tag names ("GB" for "(UK)"); empty when untagged."""
    tag = _FOLLOW_TAG.search(entry)
    if tag is None:
        return frozenset()
    names = tag.group("codes") or tag.group("named")
    return frozenset(FOLLOW_TAGS[name.strip()] for name in names.split(","))


def for_country(entry: str, country: str, filtered: frozenset[str] = ALWAYS_FILTERED) -> str | None:
    """A follow or moment as a person in ``country`` reads it: one tagged "(US)"
    or "(UK)" for another country is left out (None), and one for theirs loses
    its tag; a reader outside ``filtered`` (or with no country) reads every
    entry as written."""
    if country not in filtered:
        return entry
    codes = follow_countries(entry)
    if not codes:
        return entry
    return _FOLLOW_TAG.sub("", entry) if country in codes else None


def filtered_countries(entries: Sequence[str]) -> frozenset[str]:
    """The countries whose readers get ``entries`` filtered: the UK and the US,
    and any other country a tag names (an Irish nurse reads the INMO, not the
    RCN; a Dutch one, whom no tag names, reads every body with its country)."""
    return ALWAYS_FILTERED.union(*(follow_countries(entry) for entry in entries))


def follows_for(follow: Sequence[str], country: str) -> tuple[str, ...]:
    """The field's follows for someone in ``country`` (see `for_country`), or
    all of them if none is left."""
    filtered = filtered_countries(follow)
    kept = tuple(
        e for e in (for_country(entry, country, filtered) for entry in follow) if e is not None
    )
    return kept or tuple(follow)


def listening_habit(minutes_a_week: int, follow: Sequence[str]) -> str:
    """A small reading habit sized to the person's week (the time the plan counts).
    A follow is written as it stands inside a sentence ("the RIBA", "Acas
    guidance"), so its capital is a name's and stays."""
    daily, days = listening(minutes_a_week)
    where = f" — {follow[0]}, for a start" if follow else ""
    if not days:
        # Under an hour a week, the reading is the comment's own ten minutes.
        return (
            f"No separate reading time: when you look for a post to comment on, start with"
            f" the people you follow{where}. Note one thing you agree with and one you would"
            " add: those notes become your comments and, later, your posts."
        )
    return (
        f"Spend {daily} minutes on {NUMBER_WORDS[days]} working days reading what the people"
        f" you follow post{where}. Note one thing you agree with and one you would add:"
        " those notes become your comments and, later, your posts."
    )


def moment_label(name: str, month: int) -> str:
    """A field's moment with its month, unless its name already says it
    ("MedDRA version release (March)" stays as it is); a name that ends on a
    note in brackets takes the month inside them ("ATA Annual Conference
    (October; check this year's date)"), never a second pair."""
    month_name = MONTH_NAMES[month - 1]
    if re.search(rf"\b{month_name}\b", name, re.IGNORECASE):
        return name
    noted = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", name)
    if noted:
        return f"{noted.group(1)} ({month_name}; {noted.group(2)})"
    return f"{name} ({month_name})"


# A rule or a standard the person names by its initials, its number or its
# title ("CIfA standards", "BS EN 1303", "HIPAA", "the Building Safety Act"): a
# field the library does not know still has a source to follow, in their own
# words. Initials alone prove nothing ("ADHD assessments", "SEO audits").
_NAME = re.compile(r"(?<![\w-])[A-Z][A-Za-z]*(?![\w-])")


def names_a_rule(topic: str) -> bool:
    """Whether a typed sub-topic is a rule or a standard named as its publisher
    names it: by initials, a number or a title in capitals, not "building
    regulations"."""
    if RULE not in topic_kinds(topic):
        return False
    if STANDARD_CODE.search(topic.lower()) or set(topic.lower().split()) & RULE_NAMES:
        return True
    # A capital that only opens the phrase ("Building regulations") names nothing.
    names = [(m.start(), m.group(0)) for m in _NAME.finditer(topic)]
    return any(at > 0 or sum(c.isupper() for c in word) > 1 for at, word in names)


def setup_week(
    *,
    first_post: date,
    role: str,
    expertise: str,
    subtopics: Sequence[str],
    audience: str,
    area: ExpertiseArea | None,
    channels: Sequence[str],
    minutes_a_week: int,
    disclaimer: str = "",
    country: str = "",
    rung: int = 3,
    theme: Any = None,
    themes: Sequence[Any] = (),
    names_setting: Callable[[Sequence[str]], bool] | None = None,
) -> SetupWeek:
    """The seven days before ``first_post``: profile, follows, notifications, listening
    (the field's moments that matter where the person lives, ``country``, and in
    their setting: ``names_setting`` says whether they name one of a list of
    settings). The About's view comes from ``theme``, the person's first, or else
    the first of their other ``themes`` that states one."""
    named = names_setting or (lambda settings: False)
    follow = follows_for(area.follows_in(named), country) if area else ()
    if not follow:
        rule = next((rule_phrase(t) for t in subtopics if names_a_rule(t)), "")
        follow = (
            f"people who write well about {lower_first(subtopics[0])}"
            if subtopics
            else "people whose posts you already read to the end",
            *((f"the official pages for {rule}, where changes are announced",) if rule else ()),
            "one community or group where people in your field ask each other questions",
        )
    listed = area.moments_in(named) if area else ()
    tagged = filtered_countries([moment.name for moment in listed])
    moments = tuple(
        moment_label(name, moment.month)
        for moment in sorted(listed, key=lambda m: m.month)
        if moment.holds_in(country)
        and (name := for_country(moment.name, country, tagged)) is not None
    )
    tags = field_tags(expertise, subtopics, area)
    credential = (
        credential_gap(area.credentials, country, dict(area.credential_settings), names_setting)
        if area
        else ""
    )
    notes = tuple(NOTIFICATIONS[slug] for slug in channels if slug in NOTIFICATIONS)
    names = field_names(area)
    return SetupWeek(
        start=first_post - timedelta(days=7),
        end=first_post - timedelta(days=1),
        profile_line=profile_line(role, expertise, subtopics, credential, names),
        about=about_sentence(
            role,
            expertise,
            subtopics,
            audience,
            rung=rung,
            credential=credential,
            view=next((v for t in (theme, *themes) if (v := point_of_view(t, rung, country))), ""),
            work=area.about if area else "",
            audiences=area.audiences if area else (),
            names=names,
        ),
        disclaimer=disclaimer or (OWNER_DISCLAIMER if OWNER_ROLE.search(role) else DISCLAIMER),
        follow=follow,
        moments=moments,
        tags=tags,
        notifications=(*notes, GENERAL_NOTIFICATION),
        listening=listening_habit(minutes_a_week, follow),
    )


REVIEW_QUESTIONS = (
    "Which posts started conversations: replies, questions, messages, people who mentioned"
    " them later? What did those posts have in common?",
    "What felt easy, and what did you put off? The easy things are your strengths: do more"
    " of them.",
    "What would you drop: a theme that ran dry, a format that never felt like you, a channel"
    " nobody answered on?",
    "Which ideas did you use, and which would you write again from another angle?",
)


@dataclass(frozen=True)
class ReviewPoint:
    """The end of the period: when to look back, and what to look at."""

    day: date
    questions: tuple[str, ...]
    used: int  # ideas the person marked used
    offer_rung: int | None  # the next comfort rung, when enough ideas were used
    offer_label: str = ""  # that rung's label


def review_point(
    *,
    end: date,
    used: int,
    posts: int,
    rung: int,
    enough: int | None = None,
    labels: dict[int, str] | None = None,
) -> ReviewPoint:
    """The review after the last week: the questions and, when earned, a step up."""
    threshold = enough if enough is not None else max(3, (posts + 1) // 2)
    offer = rung + 1 if rung < 5 and used >= threshold else None
    return ReviewPoint(
        day=end + timedelta(days=1),
        questions=REVIEW_QUESTIONS,
        used=used,
        offer_rung=offer,
        offer_label=(labels or {}).get(offer, "") if offer else "",
    )
