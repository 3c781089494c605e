"""What kind of thing a typed sub-topic names, so a field the library does not
know gets post premises that read true for it.

"Nitrogen management" is work the person does: a step-by-step post or "a
mistake I made with it" fits. "Medicines shortages" or "runway incursions"
are pressures that reach the work: nobody "gets a shortage wrong", but a
practitioner can walk through the last one, say what people can do about it
and what changed this year. "Frequent callers" or "carers" are people: the
posts are about what they ask for and need. Conditions a person lives with
("malnutrition", "frailty", "dysphagia") are pressures on the work too, not
people or tasks. Two sorts of work have premises of their own as well:
written work that someone reads later ("condition reporting", "case notes":
who reads it, what it leaves out; but "watching briefs" and "site surveys"
are fieldwork named with a document's word, read by the word in front) and a
treatment or intervention on a thing or a place ("varnish removal", "home
adaptations": when not to, what to test first, when to stop).
Five more sorts have premises of their own, because the generic ones make
nonsense of them. A contested issue ("book challenges", "book bans") is argued
in public and may be live where the person works: it gets premises about the
published record, the written policy and the principle at stake, never "how
I check my work on it" or "a hard day with it". A human factor ("patient
anxiety", "staff morale") is what people feel and do: nobody has "a rule,
standard or method for patient anxiety". A condition ("gum disease",
"laminitis") is a pressure of its own sort: a composite case and what people
can do about it fit, "what changed about it this year, a rule or a supply"
does not. A method or tool ("evacuation modelling") gets what it can and
cannot tell you and the input that decides its answer; a skill others learn
("information literacy") gets how it is taught and how you can tell it has
been learned.
A pest ("varroa", "aphids", "woodworm") is a pressure of its own sort too:
how it is watched for and when to act fit, "the cause outsiders rarely see"
does not. Kit and materials ("clippers", "LED fixtures", "Paraloid B-72")
are no work: nobody makes "small decisions in clippers"; they get how they
are chosen, looked after and misused. A rule or a standard ("code of
ethics", "building regulations", "BS EN 1303") gets what meeting it takes
and where it leaves judgment; a code of ethics or of conduct is a rule of its
own sort, principles that hold rather than a rule that keeps changing, so it
gets the case where two duties pull apart, never "the next change coming to
it" or "what I keep on file to show the work met it". A place or a region
("Burgundy", "Napa Valley") is neither work nor a pressure: nobody has "a
hard day with Burgundy"; it gets what people get wrong about it, how it has
changed and what the person looks for in it. Animals ("nervous dogs") are neither people
who ask for things nor tasks, substances ("sulfites", "allergens") are
neither kit nor work, and a body of words ("legal terminology") is known and
explained, not carried out: they get only the premises written for any
sub-topic. An emergency the work trains and drills for ("tower rescue",
"first aid", "lockout/tagout") is no work either: a real one is an incident,
often investigated, so it gets drills, training, kit checks and published
lessons, never "the last time it went wrong" or "a piece of work that went
right".
The kind is read from the phrase's head noun alone: its last word, or the
last word before a preposition ("malnutrition in older adults" is about
malnutrition, "women with complex needs" about women), from short lists of
common English words; anything else counts as work, which the generic
premises were written for. No field knowledge is pretended: the lists name
kinds of words, not fields.
"""

from __future__ import annotations

import functools
import re
import unicodedata

ACTIVITY = "activity"
PROBLEM = "problem"
PEOPLE = "people"
RECORD = "record"  # work, and written for someone who reads it later
TREATMENT = "treatment"  # work, and done to a thing, a place or a home
DEBATE = "debate"  # a contested issue argued in public ("book challenges")
EXPERIENCE = "experience"  # a human factor: what people feel or do ("patient anxiety")
CONDITION = "condition"  # a pressure, and a condition a person or animal has ("gum disease")
METHOD = "method"  # work, and a method or tool that gives an answer ("evacuation modelling")
SKILL = "skill"  # work, and a skill others learn from the person ("information literacy")
PEST = "pest"  # a pressure, and a pest or a blight on what the person tends ("varroa")
TOOL = "tool"  # kit or a material the work is done with ("clippers", "Paraloid B-72")
RULE = "rule"  # a rule, code or standard the work must meet ("code of ethics")
ANIMAL = "animal"  # animals the work is done with or for ("nervous dogs")
SUBSTANCE = "substance"  # a substance in what the work handles ("sulfites")
TERMS = "terms"  # a body of words the work uses ("legal terminology")
PLACE = "place"  # a place or a region the work knows ("Burgundy", "the Loire Valley")
ETHICS = "ethics"  # a rule, and a code of principles that holds ("code of ethics")
MENU = "menu"  # a record, and a list people choose from ("wine lists", "menus")
SAFETY = "safety"  # an emergency drilled for and trained for ("tower rescue", "first aid")
KINDS = (
    ACTIVITY,
    PROBLEM,
    PEOPLE,
    RECORD,
    TREATMENT,
    DEBATE,
    EXPERIENCE,
    CONDITION,
    METHOD,
    SKILL,
    PEST,
    TOOL,
    RULE,
    ANIMAL,
    SUBSTANCE,
    TERMS,
    PLACE,
    ETHICS,
    MENU,
    SAFETY,
)
# A kind that ``fits`` lists with this mark in front is one the premise must not
# be used for: "!condition" after "problem" is any pressure but a condition.
NOT = "!"

# Head nouns of issues argued in public, and phrases whose head alone says
# nothing ("challenges" are contested only when they are challenges to books).
_DEBATE_WORDS = """
    censorship debate debates controversy controversies bans banning ban boycott
    boycotts legalisation legalization privatisation privatization culture-wars
"""
DEBATE_HEADS = frozenset(_DEBATE_WORDS.split())
DEBATE_PHRASES = (
    "book challenges",
    "book challenge",
    "book removals",
    "book removal",
    "curriculum challenges",
    "library challenges",
    "culture wars",
    "free speech",
    "academic freedom",
    "assisted dying",
    "assisted suicide",
    "intellectual freedom",
)
# Head nouns of what people feel or do: a human factor, not a task or a harm.
_EXPERIENCE_WORDS = """
    anxiety anxieties fear fears phobia phobias stress distress worry worries
    loneliness isolation grief trust mistrust distrust morale motivation confidence
    wellbeing well-being engagement behaviour behavior behaviours behaviors
    attitudes perceptions expectations satisfaction experience experiences
    resilience adherence compliance hesitancy reluctance embarrassment shame stigma
"""
EXPERIENCE_HEADS = frozenset(_EXPERIENCE_WORDS.split())
# Head nouns of conditions a person or an animal has (endings are read too).
_CONDITION_WORDS = """
    disease diseases malnutrition undernutrition obesity frailty dehydration dementia
    delirium diabetes infection infections sepsis illness illnesses conditions
    ulcer ulcers wound wounds sores fracture fractures disorder disorders syndrome
    syndromes symptoms lesions stammering stuttering stammer stutter incontinence
    constipation asthma epilepsy eczema psoriasis stroke strokes cancer cancers tumour
    tumours tumor tumors allergy allergies autism seizures decay caries lameness
    depression pain injury injuries overdose overdoses addiction haemorrhage hemorrhage
"""
CONDITION_HEADS = frozenset(_CONDITION_WORDS.split())
# Head nouns of methods and tools that give an answer someone relies on.
_METHOD_WORDS = """
    modelling modeling simulation simulations analysis analyses analytics
    forecasting forecasts screening scoring calculations calculation mapping
    algorithms software tools
"""
METHOD_HEADS = frozenset(_METHOD_WORDS.split())
# Head nouns of skills other people learn from the person.
_SKILL_WORDS = """
    literacy literacies numeracy fluency skills oracy phonics
"""
SKILL_HEADS = frozenset(_SKILL_WORDS.split())

# Head nouns of pressures, incidents and harms: things that happen to the work.
_PROBLEM_WORDS = """
    shortage shortages delay delays backlog backlogs bottleneck bottlenecks incursion
    incursions fatigue burnout error errors failure failures outage outages incident
    incidents complaint complaints dispute disputes pressure pressures loss losses breach
    breaches fraud scams scam erosion turnover attrition absenteeism crisis crises
    violence abuse harassment misinformation disinformation emergency emergencies
    accident accidents injury injuries infection infections outbreak outbreaks drought
    droughts flood floods flooding wildfire wildfires corrosion damage decline arrest
    arrests overdose overdoses sepsis falls pest pests disease diseases resistance debt
    arrears poverty homelessness loneliness stress vacancies cuts inflation congestion
    pollution contamination leak leaks subsidence damp mould mold recalls recall
    blackouts cyberattacks attacks ransomware theft strikes redundancies layoffs
    underfunding overcrowding waits caseload caseloads workload workloads
    malnutrition undernutrition obesity frailty dehydration dementia delirium diabetes
    hunger neglect exploitation addiction anxiety depression pain isolation exclusion
    insecurity hardship deprivation inequality inequalities illness illnesses
    conditions morbidity mortality deaths stillbirth stillbirths haemorrhage hemorrhage
    ulcer ulcers wound wounds sores fracture fractures disorder disorders syndrome
    syndromes symptoms lesions stammering stuttering stammer stutter incontinence
    constipation asthma epilepsy eczema psoriasis stroke strokes cancer cancers tumour
    tumours tumor tumors allergy allergies obesity autism seizures
"""
# Endings of the names of medical conditions ("dysphagia", "arthritis", "neuropathy"),
# and the words with those endings that name no condition ("social media").
CONDITION_ENDING = re.compile(r"(ia|itis|osis|oma|pathy|aemia|emia|algia|trophy|plegia)$")
_NOT_CONDITION_WORDS = """
    media multimedia criteria academia encyclopedia utopia militia trivia memorabilia
    paraphernalia regalia insignia diploma aroma coma stoma
"""
NOT_CONDITIONS = frozenset(_NOT_CONDITION_WORDS.split())
PROBLEM_HEADS = frozenset(_PROBLEM_WORDS.split())
# Two-word pressures whose head alone says nothing ("lists", "times").
PROBLEM_PHRASES = ("waiting list", "waiting lists", "waiting time", "waiting times")

# Plural head nouns of people: the posts are about what they need and ask.
_PEOPLE_WORDS = """
    callers patients customers clients users carers caregivers tenants landlords students
    pupils learners families parents volunteers residents visitors members donors
    colleagues farmers growers readers citizens voters migrants refugees veterans
    survivors victims offenders prisoners children teenagers adolescents adults elders
    athletes players fans travellers travelers passengers drivers workers employees
    founders investors buyers sellers suppliers contractors freelancers apprentices
    trainees graduates interns newcomers beginners owners homeowners landowners
    people men women mothers fathers babies infants newborns toddlers couples
    elderly youth pensioners commuters shoppers consumers audiences learners
"""
PEOPLE_HEADS = frozenset(_PEOPLE_WORDS.split())

# Head nouns of written work read later by someone else.
_RECORD_WORDS = """
    report reports reporting records recording documentation notes note assessment
    assessments specification specifications drawings statement statements write-up
    write-ups plans letters minutes logs chronology chronologies surveys proposals bids
    briefings contracts agreements riders lists menus labels quotes quotations
    estimates manuals instructions leaflets handouts briefs scripts tenders summaries
"""
RECORD_HEADS = frozenset(_RECORD_WORDS.split())
# Written work named by a head that says nothing alone ("cases").
RECORD_PHRASES = ("safety case", "safety cases", "business case", "business cases")
# Heads that name written work or the work itself, told apart by the word in
# front: a "design brief" or a "risk assessment" is written and read, but a
# "watching brief" is fieldwork (monitoring groundworks), a "bat survey" is time
# in the field and a "safety briefing" is spoken at the start of a shift.
_EITHER_RECORD_WORDS = "briefs briefings surveys assessments"
EITHER_RECORD_HEADS = frozenset(_EITHER_RECORD_WORDS.split())
_NOT_WRITTEN_FIRST = """
    watching monitoring site field walkover ground geophysical ecological ecology bird
    bat habitat wildlife toolbox shift tailgate pre-start daily morning
"""
NOT_WRITTEN_FIRST = frozenset(_NOT_WRITTEN_FIRST.split())
# Written work people choose from, priced and changed as it goes: a wine list is
# no report "read back years later".
MENU_HEADS = frozenset("lists menus menu catalogs catalogues catalog catalogue".split())  # noqa: SIM905
# Head nouns of treatments and interventions: something is done to a thing, a
# place or a home that may be hard to undo.
_TREATMENT_WORDS = """
    removal cleaning treatment treatments repair repairs restoration consolidation
    adaptation adaptations installation installations replacement replacements retrofit
    retrofits intervention interventions extraction stabilisation stabilization
    remediation demolition
"""
TREATMENT_HEADS = frozenset(_TREATMENT_WORDS.split())

# Head nouns of pests, parasites, weeds and blights: pressures on what is tended.
_PEST_WORDS = """
    pest pests varroa mite mites aphid aphids weevil weevils beetle beetles woodworm
    termite termites rodent rodents rats mice moth moths flea fleas tick ticks lice
    slug slugs snail snails weed weeds knotweed blight blights mildew mildews canker
    scab fungus fungi rot foulbrood nosema parasite parasites
    worms bedbugs bed-bugs cockroaches wasps locusts borer borers nematodes thrips
    whitefly greenfly caterpillars vermin infestation infestations
"""
PEST_HEADS = frozenset(_PEST_WORDS.split())
# Head nouns of faults in the work's things, and first words that say a thing is
# in trouble ("matted coats", "blocked drains"): pressures, whatever follows.
_FAULT_WORDS = """
    taint taints fault faults defect defects crack cracks cracking rust rusting
    stains staining tarnish lockouts breakdowns jams deficiency deficiencies
"""
FAULT_HEADS = frozenset(_FAULT_WORDS.split())
TROUBLE_FIRST = frozenset(
    """matted blocked broken cracked corroded damaged failed failing faulty stuck seized
    leaking leaky rotten rotting infested flooded frozen burst collapsed""".split()  # noqa: SIM905
)
# Head nouns of kit and materials the work is done with.
_TOOL_WORDS = """
    equipment kit gear hardware machinery machines instruments fixtures luminaires
    lamps clippers scissors shears blades knives saws chisels hammers drills hoists
    ladders scaffolding harnesses ropes cylinders locks padlocks hinges fasteners
    fixings adhesives glues resins coatings sealants fillers consolidants solvents
    pigments inks dyes mortars plasters timber lumber fabrics yarns threads meters
    gauges sensors probes scanners microscopes cameras lenses microphones amplifiers
    consoles monitors pumps compressors boilers valves hoses nozzles vehicles tractors
    drones hives feeders saddles bridles bits collars crates cages tanks filters
    batteries panels cables networks routers printers robots traps nets dressings
    devices apps materials
"""
TOOL_HEADS = frozenset(_TOOL_WORDS.split())
# A product or a model named by a maker's word and a code ("Paraloid B-72",
# "Leica M6"): kit. A code that opens the phrase is a school grade or a visa
# ("K-12 education", "H1B visas"), not a product.
PRODUCT_CODE = re.compile(r"[a-z][a-z-]*\s+(?!k-12$)[a-z]{1,4}-?\d{1,4}[a-z]?$")
# Head nouns of rules, codes and standards the work must meet.
_RULE_WORDS = """
    regulations rules code codes standard standards law laws act acts directive
    directives guidelines guidance legislation requirements protocol protocols
    policy policies ethics bylaws byelaws ordinances statutes treaty treaties
"""
RULE_HEADS = frozenset(_RULE_WORDS.split())
# A standard named by its body and number ("BS EN 1303", "ISO 9001", "ASME
# A17.1", "NFPA 70"), and regulations known by their initials.
STANDARD_CODE = re.compile(
    r"\b(?:iso|iec|bs|en|nfpa|astm|ansi|asme|din|csa|ul|as|nzs|ieee|cfr|osha)\b[\s/-]*[a-z]?\d"
)
RULE_NAMES = frozenset("gdpr hipaa ferpa coshh riddor loler puwer mifid ccpa".split())  # noqa: SIM905
# Plural head nouns of animals.
_ANIMAL_WORDS = """
    animals pets dogs puppies cats kittens horses ponies foals cattle cows calves heifers
    sheep ewes lambs goats pigs sows poultry hens chickens birds rabbits reptiles
    parrots ferrets alpacas livestock bees colonies
"""
ANIMAL_HEADS = frozenset(_ANIMAL_WORDS.split())
# Head nouns of substances people ask about and worry over: neither kit chosen
# for a job nor work ("The small decisions in sulfites" is nonsense).
_SUBSTANCE_WORDS = """
    sulfites sulphites tannins nitrates nitrites phosphates additives allergens
    preservatives pesticides herbicides fungicides insecticides antibiotics hormones
    microplastics pfas toxins residues contaminants histamines caffeine alcohol
"""
SUBSTANCE_HEADS = frozenset(_SUBSTANCE_WORDS.split())
# Head nouns of a body of words: known and explained, not carried out ("legal
# terminology in the order it really happens" is nonsense).
TERMS_HEADS = frozenset(
    "terminology terminologies vocabulary jargon glossary glossaries nomenclature".split()  # noqa: SIM905
)

# Codes of principles a profession holds to ("code of ethics", "code of
# conduct", "professional standards"): they are read, argued and applied, and
# change rarely.
ETHICS_PHRASE = re.compile(
    r"\b(?:ethics|ethical|conduct|professional (?:standards?|practice)|canons?)\b"
)

# Head nouns of what is trained and drilled for because a life may depend on it
# ("tower rescue", "resuscitation", "lockout/tagout"), and phrases whose head
# alone says nothing ("first aid", "fall protection"). "Evacuation modelling"
# is a method, read by its head; "incident response" alone is a security
# team's routine work as often as an emergency, so it is not listed.
_SAFETY_WORDS = """
    rescue rescues evacuation evacuations resuscitation cpr tagout loto defibrillation
"""
SAFETY_HEADS = frozenset(_SAFETY_WORDS.split())
SAFETY_PHRASE = re.compile(
    r"\b(?:first aid|fall (?:protection|arrest|prevention)|lockout|confined spaces? entry"
    r"|emergency (?:response|procedures?|preparedness|drills?|first aid)"
    r"|basic life support|life support|man overboard|work(?:ing)? at height safety)\b"
)

# Last words of a place's name ("Loire Valley", "Central Coast").
_PLACE_ENDS = """
    valley valleys region regions coast highlands lowlands islands peninsula
    province county delta hills basin river bay
"""
PLACE_ENDS = frozenset(_PLACE_ENDS.split())
# Places a practitioner writes about by name: wine regions, countries, US
# states and large cities. Names that are also common words ("china",
# "turkey", "champagne", "port") count only when typed with a capital.
_PLACE_NAMES = """
    burgundy bordeaux bourgogne beaujolais chablis alsace jura loire rhone
    provence languedoc roussillon savoie sancerre cahors madiran bandol
    rioja priorat ribera penedes jerez galicia rias baixas douro dao
    alentejo madeira tuscany toscana piedmont piemonte barolo barbaresco chianti
    montalcino veneto valpolicella soave etna sicily sardinia friuli campania
    puglia mosel rheingau pfalz baden franken wachau burgenland tokaj santorini
    napa sonoma willamette paso robles
    barossa mclaren coonawarra yarra marlborough otago
    stellenbosch swartland mendoza patagonia maipo colchagua casablanca
    france italy spain portugal germany austria hungary greece switzerland
    england scotland wales ireland britain japan india brazil mexico canada
    australia argentina chile egypt kenya nigeria morocco norway sweden denmark
    finland iceland poland romania georgia armenia lebanon israel
    california oregon washington texas florida alaska hawaii arizona colorado
    london paris rome madrid lisbon berlin vienna tokyo beijing shanghai
    singapore dubai sydney melbourne toronto vancouver chicago boston
"""
PLACE_NAMES = frozenset(_PLACE_NAMES.split())
_PLACE_IF_CAPITAL = """
    china turkey champagne port sherry jersey cornwall devon kent margaux jordan
    hunter margaret finger lakes hawke's
"""
PLACE_IF_CAPITAL = frozenset(_PLACE_IF_CAPITAL.split())


def is_place(topic: str) -> bool:
    """Whether a typed sub-topic names a place or a region: a known name
    ("Burgundy", "Napa Valley"), or a name ending in a place's word ("Loire
    Valley", "Central Coast"); a capitalised name that is also a common word
    ("Champagne", "China") only when typed with its capital."""
    plain = unicodedata.normalize("NFKD", topic).encode("ascii", "ignore").decode()
    words = _head_words(plain)  # "Rhône" as "rhone"
    if not words:
        return False
    typed = re.sub(r"\([^)]*\)", " ", topic).split()
    capital = bool(typed) and typed[0][:1].isupper()
    if len(words) > 1 and words[-1] in PLACE_ENDS:
        return True
    if len(words) > 4:
        return False
    names = [w for w in words if w != "the"]
    if all(w in PLACE_NAMES for w in names) and names:
        return True
    return capital and all(w in PLACE_NAMES | PLACE_IF_CAPITAL for w in names) and bool(names)


# Singular heads of a rule that reads with "the" in a sentence ("the code of
# ethics"), unlike plurals and named standards ("building regulations").
_RULE_ARTICLE = frozenset(
    "code standard act directive protocol policy treaty law".split()  # noqa: SIM905
)


def rule_phrase(topic: str) -> str:
    """A rule as a sentence names it: "the code of ethics", but "building
    regulations", "BS EN 1303" and "the Building Safety Act" as typed, and
    code one works on is no rule ("infrastructure as code", "testing legacy code")."""
    words = _head_words(topic)
    if (
        not words
        or words[0] == "the"
        or words[-1] not in _RULE_ARTICLE
        or "as" in words
        or words[0].endswith("ing")
        or re.search(r"\d", topic)
        or topic[:1].isupper()
    ):
        return topic
    return f"the {topic}"


# Words that end a noun phrase's head and start a modifier: "malnutrition in older
# adults", "children with disabilities", "care of older people".
_PREPOSITIONS = frozenset(
    "in with of for among on at after during under from by to without across between".split()  # noqa: SIM905
)


def _words(topic: str) -> list[str]:
    text = re.sub(r"\([^)]*\)", " ", topic.lower())
    return re.findall(r"[a-z][a-z'-]*", text)


def _head_words(topic: str) -> list[str]:
    """The words up to the head noun: all of them, or those before the first
    preposition ("malnutrition in older adults" -> ["malnutrition"])."""
    words = _words(topic)
    cut = next((n for n, w in enumerate(words) if w in _PREPOSITIONS and n > 0), len(words))
    return words[:cut]


def topic_kind(topic: str) -> str:
    """ACTIVITY, PROBLEM, PEOPLE, DEBATE, EXPERIENCE, RULE, TOOL, ANIMAL, SAFETY and
    the rest for one typed sub-topic (ACTIVITY when unsure)."""
    words = _head_words(topic)
    if not words:
        return ACTIVITY
    spaced = f" {' '.join(words)} "
    if any(f" {phrase} " in spaced for phrase in PROBLEM_PHRASES):
        return PROBLEM
    head = words[-1]
    if head in SAFETY_HEADS or SAFETY_PHRASE.search(" ".join(words)):
        return SAFETY
    if head in DEBATE_HEADS or any(f" {phrase} " in spaced for phrase in DEBATE_PHRASES):
        return DEBATE
    if head in EXPERIENCE_HEADS:
        return EXPERIENCE
    if head in PROBLEM_HEADS or head in PEST_HEADS or head in FAULT_HEADS:
        return PROBLEM
    if words[0] in TROUBLE_FIRST and len(words) > 1:
        return PROBLEM
    if CONDITION_ENDING.search(head) and head not in NOT_CONDITIONS and len(head) > 5:
        return PROBLEM
    if head in PEOPLE_HEADS:
        return PEOPLE
    if head in RULE_HEADS or STANDARD_CODE.search(topic.lower()) or set(words) & RULE_NAMES:
        return RULE
    if head in TOOL_HEADS or PRODUCT_CODE.search(topic.lower()):
        return TOOL
    if head in ANIMAL_HEADS:
        return ANIMAL
    if head in SUBSTANCE_HEADS:
        return SUBSTANCE
    if head in TERMS_HEADS:
        return TERMS
    if is_place(topic):
        return PLACE
    return ACTIVITY


@functools.lru_cache(maxsize=4096)
def topic_kinds(topic: str) -> tuple[str, ...]:
    """The kinds a sub-topic is, the most specific last: ``(ACTIVITY, RECORD)`` for
    "condition reporting", ``(ACTIVITY,)`` for "interlocking design"."""
    kind = topic_kind(topic)
    words = _head_words(topic)
    if kind == ACTIVITY and words:
        if words[-1] in MENU_HEADS:
            return (ACTIVITY, RECORD, MENU)
        if _written(words):
            return (ACTIVITY, RECORD)
        if words[-1] in TREATMENT_HEADS:
            return (ACTIVITY, TREATMENT)
        if words[-1] in METHOD_HEADS:
            return (ACTIVITY, METHOD)
        if words[-1] in SKILL_HEADS:
            return (ACTIVITY, SKILL)
    if kind == PROBLEM and words:
        head = words[-1]
        named = CONDITION_ENDING.search(head) and head not in NOT_CONDITIONS and len(head) > 5
        if head in CONDITION_HEADS or named:
            return (PROBLEM, CONDITION)
        if head in PEST_HEADS:
            return (PROBLEM, PEST)
    if kind == RULE and ETHICS_PHRASE.search(" ".join(_words(topic))):
        return (RULE, ETHICS)
    return (kind,)


def _written(words: list[str]) -> bool:
    """Whether a sub-topic's head words name written work someone reads later:
    "grant proposals", "safety cases", "discharge summaries", but not "watching
    briefs" or "site surveys", which name fieldwork with a document's word."""
    spaced = f" {' '.join(words)} "
    if any(f" {phrase} " in spaced for phrase in RECORD_PHRASES):
        return True
    if words[-1] not in RECORD_HEADS:
        return False
    return words[-1] not in EITHER_RECORD_HEADS or not set(words[:-1]) & NOT_WRITTEN_FIRST


def fits(kinds: tuple[str, ...], topic: str) -> bool:
    """Whether a premise written for ``kinds`` of sub-topic (none: any) reads true
    for ``topic``; a kind marked ``!`` is one it never reads true for."""
    found = set(topic_kinds(topic))
    never = {k[len(NOT) :] for k in kinds if k.startswith(NOT)}
    wanted = {k for k in kinds if not k.startswith(NOT)}
    if never & found:
        return False
    return not wanted or bool(wanted & found)
