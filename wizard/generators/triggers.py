"""The terms comment prompts watch for, and how they read inside a prompt.

A comment prompt ("Under a post about {term}: {the point to make}") names one
term from the field's concepts that the angle's premise itself names. The
term must be one a practitioner recognises as their field's own, and must read
as English after "a post about":

- Never a word of the field's own name or aliases ("payroll" for a payroll
  manager, "school" for a teacher): those match half the person's feed.
- Never a short or everyday word ("pay", "edge", "cut-off", "lesson"): out of
  context they say nothing. Everyday means on the Dale-Chall list of words most
  children know (shipped with textstat, already a dependency) or on
  `GENERIC_WORDS`, a short list of the words every workplace uses.
- Acronyms and multi-word concepts are preferred ("SOC 1", "lesson planning").
- The term is never inflected by the generator: it reads as the field writes it,
  or as the premise itself writes it ("QBRs" where the premise says "QBRs"). A
  singular countable term the premise puts after "a", "the" or "our" takes
  "the" ("the payroll calendar"), never a made-up plural ("payrolls").

A field file has no way to mark a concept as too broad to watch for: the
filter here is the one place that decides, so it holds for every field.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
from collections.abc import Collection, Iterable

MIN_LETTERS = 5  # a plain lowercase single word shorter than this is no trigger
# Workplace words on no child's list that still match half of anyone's feed.
GENERIC_WORDS = frozenset(
    """
    agent alert analysis assessment backup behavior behaviour brand budget candidate
    claim client communication compensation complaint configuration consent content
    course coverage crisis curriculum customer dashboard data dependency design
    development discovery employee estimate evidence exception extension feedback
    finding funding government headline homework incident insight integration
    interview launch leadership limitation management manager marking meeting model
    notification onboarding paper performance pipeline planning platform policy
    pricing process procurement product project promotion quality query questioning
    reference referral requirement research roadmap routine scenario security
    service session software solution spreadsheet stakeholder strategy supplier
    support survey system teaching technology tenant testing threshold training
    update upgrade vacation workload workshop architecture component participant
    forecast transition verification option range hiring flow
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Endings of nouns that take no plural and no article: "funding", "attrition",
# "compliance", "lithography", "falsework".
MASS_ENDING = re.compile(
    r"(ing|tion|sion|ment|ance|ence|ity|ness|ism|ics|ogy|graphy|ship|age|ware|work|cy|ery|"
    r"pay|data|care|code|talk)$"
)
# Countable nouns that a mass-noun ending would take for mass ones: "a framework",
# "a network", never "a post about framework".
COUNT_WORDS = frozenset(
    """
    framework network artwork firework patchwork investigation inspection declaration
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# What a term's premise puts before a countable noun, maybe with one word between
# ("my at-risk list", "the service quota").
DETERMINER_BEFORE = re.compile(
    r"\b(a|an|the|our|my|your|their|its|each|every|one|this|that|which|any|no)\s+"
    r"([\w-]+\s+)?$",
    re.IGNORECASE,
)
# What follows a term that ends its noun phrase ("my at-risk list.", "your health score
# gets…"), where "a pay equity review" goes on: the term is only part of the phrase.
NOUN_PHRASE_ENDS = re.compile(
    r"\s*$|\s*[,.;:?!)]|\s+(is|are|was|were|get|gets|got|that|which|who|i|we|you|they|in|on|"
    r"for|to|from|with|of|and|or|by|at|before|after|outside|into|when|without|as|has|have|against|"
    r"can|should|will|does|do|a|an|the|instead|than|because|but|if|so|until)\b"
)
# Acronyms of a countable document that read with "an" where a premise gives no
# article ("Clickwrap or signed MSA" -> "an MSA"; "a post about MSA" is no English).
COUNT_ACRONYMS = frozenset({"MSA", "SOW", "NDA", "DPA", "SLA", "RFP", "RFQ", "SOP"})
# A named doctrine or rule said with "the" inside it ("battle of the forms").
OF_THE = re.compile(r"[a-z]+ of the [a-z]+( [a-z]+)?")
# Last words that take no article although no ending says so ("retrieval practice",
# "cognitive load", "retro pay", "outreach").
MASS_HEADS = frozenset(
    """
    practice load time sacrifice equity risk debt tax law health safety waste traffic
    income capital cash revenue spend demand supply advice knowledge information
    intake outreach turnover recharge greenfield fronthaul alpha beta evidence payroll
    feedback research homework overtime water soil carbon nitrogen sulfur sulphur
    phosphorus potassium potash lime manure fertiliser fertilizer
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Endings of a single word that describes rather than names ("promotional", "clinical").
ADJECTIVE = re.compile(r"[a-z](ional|ical|ous|ible|ful|less)$")
# Last words that name one countable thing: a multi-word term ending in one reads
# with "the" ("the general ledger", "the status page", "the revolving credit facility").
COUNT_HEADS = frozenset(
    """
    ledger facility page plan list score report calendar ticket question run review
    check test file form request charter guide statement visit window map app team
    library repository database backlog loop job graph label narrative diagram
    dictionary record path template register matrix log tracker agreement contract
    clause model framework playbook tree table queue key widget portal environment account
    brief policy budget process pipeline dashboard protocol rubric scheme book forecast
    alarm valve vessel committee pump boiler meter sensor panel gauge detector cylinder
    tank switch device machine engine unit meeting interview letter notice certificate
    permit licence license warrant order hearing tribunal survey trial formula
    calculation study
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Last words of a named body or instrument, which takes "the" ("the Madrid Protocol").
NAMED_BODIES = frozenset(
    """
    protocol court act regulation directive convention agreement authority office
    board commission standard framework code rule treaty institute service agency
    scheme ombudsman regulator society institution association council college centre
    center ministry department
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Last words of a defined term or a named document, scheme, list or body written
# with capitals, which take "the" as one named thing does ("the Accepted Programme",
# "the Scrum Guide", "the Clinical Frailty Scale", "the Barcelona Principles"),
# where a product or a method keeps its bare name ("Business Central", "Monte Carlo").
DEFINED_HEADS = frozenset(
    """
    academy addendum autoscaler book campaign conference controls criteria date
    department document duty exam examination factor guide guidelines hub incentive
    manifesto mark model network opinion outline partnership plan principles
    programme program quadrant regime register regulations requirements return review
    safeguards scale scorecard standards statements strategy tariff tool track tribunal
    system wage wave
    """.split()  # noqa: SIM905 (a word list reads better as words)
)
# Small words a defined term keeps in lowercase ("Statement of Actuarial Opinion").
TITLE_SMALL = frozenset({"of", "and", "for", "to", "in", "on", "the", "a", "an", "by"})
# A name with a possessive takes no article ("Awaab's Law", "Saving Babies' Lives").
POSSESSIVE = re.compile(r"\w(['’]s|s['’])\s")
# First words of a term that reads as a phrase, not a noun ("under care", "no comment",
# "off the record"): it goes in quotation marks, so "a post about “under care”".
PHRASE_START = re.compile(r"(under|no|off|on|in|out|at|by|over|up|to|for|with|without)\s")
ARTICLE = "the "
# The articles a term may carry before it: "the general ledger", "a serious breach".
ARTICLES = ("the ", "an ", "a ")
# What a premise puts before a term it means as any one of its kind ("A suspected
# serious breach…", "every confidentiality clause"): the term reads with "a" or "an",
# never "the", which would point at one breach the reader has not heard of.
ANY_ONE = frozenset({"a", "an", "each", "every", "any", "one"})
# First letters of an acronym said as a letter that starts with a vowel sound ("an SPD").
VOWEL_LETTERS = frozenset("AEFHILMNORSX")
# Word starts with a vowel letter said with a consonant ("a unit", "a user", "a one-off").
CONSONANT_VOWELS = re.compile(r"(uni|use|usu|uti|eu|one|once)", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def everyday_words() -> frozenset[str]:
    """The Dale-Chall list of easy English words (empty if textstat ships none)."""
    try:
        path = importlib.resources.files("textstat").joinpath("resources/en/easy_words.txt")
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


@functools.lru_cache(maxsize=8192)
def singular(word: str) -> str:
    """A lowercase word without a plural ending ("policies" -> "policy")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


@functools.lru_cache(maxsize=8192)
def bare_term(term: str) -> str:
    """A term without the article `term_phrase` gave it ("the general ledger" ->
    "general ledger", "a serious breach" -> "serious breach")."""
    text = term.strip()
    low = text.lower()
    return next((text[len(a) :] for a in ARTICLES if low.startswith(a)), text)


@functools.lru_cache(maxsize=8192)
def term_key(term: str) -> str:
    """A term without case, article, quotation marks or plural ending: "Health score",
    "the health score", "a health score" and "health scores" are one (kept per
    process: a plan asks it of the same few hundred terms, and asks again on
    every rebuild)."""
    text = bare_term(term.lower().strip().strip('“”"'))
    return re.sub(r"(ies|es|s)$", "", text)


def indefinite(term: str) -> str:
    """A term with "a" or "an" as it is said ("an SPD", "a DSAR", "an adverse event",
    "a unit")."""
    first = term.split()[0] if term.split() else ""
    if first[:2].isupper() and first.isalnum():
        vowel = first[0] in VOWEL_LETTERS
    else:
        vowel = first[:1].lower() in "aeiou" and not CONSONANT_VOWELS.match(first)
    return f"{'an' if vowel else 'a'} {term}"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def own_words(names: Iterable[str]) -> frozenset[str]:
    """The words of a field's name, aliases and the person's own name for it, singular:
    a term made only of these names the field itself."""
    return frozenset(singular(w) for name in names for w in _words(name) if len(w) > 2)


def everyday(word: str) -> bool:
    """Whether a lowercase word is one anyone uses ("lesson", "pay", "roadmap")."""
    easy = everyday_words()
    forms = {word, singular(word)}
    return bool(forms & easy or forms & GENERIC_WORDS)


def acronym(term: str) -> bool:
    """Whether a term is written as a name or an acronym ("GRR", "Db2", "eBPF", "5S")."""
    return any(c.isupper() or c.isdigit() for c in term)


def worth_watching(term: str, own: Collection[str] = ()) -> bool:
    """Whether a practitioner would recognise ``term`` in a feed as their field's own.

    ``own``: the words of the field's name and aliases (see `own_words`). Worked
    out once per term and field: every plan of the field asks about the same terms.
    """
    return _worth_watching(term, frozenset(own))


@functools.lru_cache(maxsize=16384)
def _worth_watching(term: str, own: frozenset[str]) -> bool:
    bare = bare_term(term)
    words = _words(bare)
    if not words:
        return False
    if own and all(singular(w) in own for w in words):
        return False  # "payroll" for a payroll manager, "primary school" for a teacher
    if " " in bare:
        return True  # a multi-word concept names something the field owns
    if re.fullmatch(r"\d+[-\s]?[a-z]+", bare):
        return False  # "13-week", "72-hour": a measure, not a thing
    if acronym(bare):
        return len(bare) >= 2
    if len(re.sub(r"[^a-z]", "", bare.lower())) < MIN_LETTERS:
        return False
    if ADJECTIVE.search(bare.lower()):
        return False  # "promotional" names no thing a post could be about
    return not all(everyday(w) for w in words)  # "cut-off" and "lesson", not "dewatering"


def mass_noun(term: str) -> bool:
    """Whether a term's last word reads as a mass noun, so takes no article."""
    last = (_words(term)[-1:] or [""])[0]
    if last in COUNT_WORDS:
        return False
    return bool(MASS_ENDING.search(last)) or last in MASS_HEADS


def defined_term(term: str) -> bool:
    """Whether a term is a defined term or a named document written with capitals,
    which takes "the" ("Accepted Programme", "Three Lines Model", "Green Book"): two
    words or more, each capitalised but the small ones, ending in one of
    `DEFINED_HEADS`, with no possessive ("Little's Law")."""
    heads = term.split()
    if len(heads) < 2 or POSSESSIVE.search(term + " "):
        return False
    capitalised = all(w[:1].isupper() or w[:1].isdigit() or w in TITLE_SMALL for w in heads)
    return capitalised and heads[0][:1].isupper() and heads[-1].lower() in DEFINED_HEADS


def determiner(term: str, text: str) -> str:
    """The word ``text`` puts before ``term`` where the term ends its noun phrase ("a"
    in "A suspected serious breach: …", "my" in "my at-risk list."), '' for none."""
    lowered = text.lower()
    found = re.search(rf"(?<![\w-]){re.escape(term.lower())}(?![\w-])", lowered)
    if not found or not NOUN_PHRASE_ENDS.match(lowered[found.end() :]):
        return ""
    before = DETERMINER_BEFORE.search(lowered[: found.start()])
    return before.group(1) if before else ""


def compound(text: str, end: int) -> bool:
    """Whether the acronym ending at ``end`` in ``text`` is only the first part of a
    longer noun phrase ("A UTM naming convention", "A CVSS base score"), so an article
    before it is the phrase's, not the acronym's."""
    after = re.match(r"\s+([a-z][\w-]*)(\s+([a-z][\w-]*))?", text[end:])
    if not after:
        return False
    word, following = after.group(1), after.group(3) or ""
    if word in COUNT_HEADS or following in COUNT_HEADS:
        return True  # "a CRM field", "A CVSS base score"
    return word.endswith("ing") and bool(following) and not NOUN_PHRASE_ENDS.match(f" {following}")


@functools.lru_cache(maxsize=16384)
def term_phrase(term: str, text: str) -> str:
    """A term as it reads after "a post about", never inflected: as the premise writes
    it when that is the plural ("Do your QBRs…" -> "QBRs"); with "a" or "an" where the
    premise means any one of its kind ("A suspected serious breach…" -> "a serious
    breach", "an RCD trips…" -> "an RCD": "the serious breach" would be one the reader
    has not heard of); with "the" where the premise uses it as a single countable thing
    ("my at-risk list" -> "the at-risk list"), where its last word names one thing
    ("general ledger" -> "the general ledger"), before a named body ("the Madrid
    Protocol") and before a defined term or named document ("the Accepted Programme",
    see `defined_term`); else as the field writes it ("adoption", "GRR", "retro pay");
    a term that starts like a phrase goes in quotation marks ("“under care”"). One
    plain word that needs an article the premise does not give it stays bare, and
    `reads_bare` keeps it out of a prompt."""
    lowered, low = text.lower(), term.lower()
    if PHRASE_START.match(low):
        return f"“{term}”"
    if OF_THE.fullmatch(term):
        return ARTICLE + term  # "the battle of the forms", like "the rule against perpetuities"
    written = re.search(rf"(?<![\w-]){re.escape(low)}(s|es)(?![\w-])", lowered)
    if written:
        return term + written.group(1)
    words = _words(term)
    last = words[-1] if words else ""
    given = determiner(term, text)
    if acronym(term):
        heads = term.split()
        # "the Regulator of Social Housing": a named body before its "of".
        of_body = len(heads) > 2 and heads[1] == "of" and heads[0].lower() in NAMED_BODIES
        named = " " in term.strip() and term[:1].isupper() and (last in NAMED_BODIES or of_body)
        if named or defined_term(term):
            return ARTICLE + term
        if len(heads) == 1 and not given and re.fullmatch(r"[A-Z]{2,}", term):
            # An acronym of capitals right after an article: "An RCD trips…", "The IDTA
            # stands alone" (whatever follows, the article is the acronym's own).
            found = re.search(rf"\b(a|an|the)\s+{re.escape(term)}\b", text, re.IGNORECASE)
            given = found.group(1).lower() if found and not compound(text, found.end()) else ""
        if len(heads) == 1 and not given and term in COUNT_ACRONYMS:
            return indefinite(term)  # "an MSA": any one of a countable document
        if len(heads) == 1 and given:
            # "an RCD trips…", "the IDTA stands alone": as the premise says it.
            return indefinite(term) if given in ANY_ONE else ARTICLE + term
        if len(heads) > 1 and heads[-1].islower() and given in ANY_ONE and not mass_noun(term):
            return indefinite(term)  # "Why I wrote an AI addendum…" -> "an AI addendum"
        if len(heads) > 1 and heads[-1].islower() and last in COUNT_HEADS:
            return ARTICLE + term  # "the CO alarm", "the T&P valve": one countable thing
        if len(heads) > 1 and all(w[:1].isupper() for w in heads) and ADJECTIVE.search(last):
            return f"“{term}”"  # a label ("Immediately Dangerous"), not a name
        return term
    if low.endswith("s"):
        return term
    if low in COUNT_WORDS and low.endswith("tion") and given == "the":
        # "lost or won in the investigation": the stage any case has, so investigations
        return f"{term}s"
    counted = len(words) > 1 and last in COUNT_HEADS
    if not counted and mass_noun(term):
        return term
    if given in ANY_ONE:
        return indefinite(term)  # "a serious breach", "a pumping test", "a framework"
    return ARTICLE + term if given or counted else term


def reads_bare(phrase: str) -> bool:
    """Whether a phrase is one plain countable word with no article ("lesson",
    "covenant"): "a post that mentions lesson" is no English, so it is no trigger."""
    return bool(re.fullmatch(r"[a-z]+", phrase)) and not (phrase.endswith("s") or mass_noun(phrase))


def rank_terms(terms: Iterable[str]) -> list[str]:
    """Terms in the order a prompt prefers them: multi-word concepts and acronyms
    first, single words after, each in the order given."""
    listed = list(terms)

    def specific(term: str) -> int:
        bare = bare_term(term)
        return 0 if " " in bare or acronym(bare) else 1

    return sorted(listed, key=lambda t: (specific(t), listed.index(t)))


# Words after a term that show it is the subject of its clause, and its number where
# they tell it: "contributions fell", "the ratio is", "premiums have".
SINGULAR_VERBS = frozenset({"is", "was", "has", "does"})
PLURAL_VERBS = frozenset({"are", "were", "have", "do"})
OTHER_VERBS = frozenset(
    {
        "can", "could", "will", "would", "may", "might", "must", "should", "still",
        "fell", "rose", "grew", "became", "went", "made", "took", "gave", "came", "kept",
        "left", "set", "cut", "put", "often", "usually", "rarely", "never", "only",
    }
)  # fmt: skip


def said_once(point: str, term: str) -> str:
    """A point that opens with the term its prompt has just named, with a pronoun in
    its place ("In a thread on minimum required contributions: they fell for many
    plans", never "…: minimum required contributions fell…"). The point stays as it
    is where the term is not plainly its subject ("Minimum required contributions
    of small plans…")."""
    words = bare_term(term).strip('“”"').split()
    opening = re.match(r"(?:the|an?)\s+", point.strip(), flags=re.IGNORECASE)
    tokens = point.strip()[opening.end() if opening else 0 :].split()
    rest = tokens[len(words) :]
    if not words or not rest:
        return point
    verb = rest[0].lower()
    last = words[-1].lower()
    plural = singular(last) != last  # the term as the prompt names it ("the quota")
    if verb in SINGULAR_VERBS | PLURAL_VERBS and (verb in PLURAL_VERBS) != plural:
        return point  # "the quota" over "Quotas are…": no pronoun agrees with both
    if not (verb in SINGULAR_VERBS | PLURAL_VERBS | OTHER_VERBS or verb.endswith(("ted", "ved"))):
        return point
    return " ".join(("they" if plural else "it", *rest))
