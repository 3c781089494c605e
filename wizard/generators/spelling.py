"""British or American spelling for a person's finished plan.

The library is written by many hands and mostly in American spelling, with
some British. A person in the UK, Ireland, Australia, India … reads their plan
in British spelling, a person in the US (or the Philippines) in American; for
everyone else the text stays as written (`spelling_for`).

`respell` changes whole words only, from a curated map (``-ize``/``-ise``,
``-yze``/``-yse``, ``-or``/``-our``, ``-er``/``-re``, ``-ling``/``-lling``,
``-ense``/``-ence`` and a few others that occur in the library), keeping the
word's case ("Organize" -> "Organise"). It never touches:

- URLs, e-mail addresses, hashtags and handles, paths and code-like tokens
  (``snake_case``, ``dotted.names``, ``camelCase``, anything in backticks);
- protected proper names (``PROTECTED``: "World Health Organization",
  "Center for Devices and Radiological Health" …);
- a capitalised word inside a sentence ("the Apache License", "Forced Labor
  Prevention Act", "DevOps Center"): there it is a name, not a word to spell.

"program" is only respelled "programme" where its neighbour says it cannot mean
software ("program board", "compliance program", "residency program" …); the
other way round every "programme" is "program" for an American reader.
"license" becomes "licence" (the British noun) except after a word that makes
it a verb ("to license"). A few word choices differ too ("license plates",
"number plates": ``VOCABULARY``). One compiled regex finds the words; a text with no
word of the map is returned at once, which is most of a plan.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any

BRITISH = "en-GB"
AMERICAN = "en-US"

# Countries whose English is spelled the British way: the UK and its Crown
# dependencies and territories, Ireland, and Commonwealth countries (Canada
# mixes both and keeps the text as written).
BRITISH_COUNTRIES = frozenset(
    {"GB", "UK", "IE", "IM", "JE", "GG", "GI", "FK", "SH", "BM", "KY", "VG", "TC", "AI", "MS"}
    | {"AU", "NZ", "ZA", "IN", "SG", "HK", "MT", "CY", "MY", "BN", "PK", "BD", "LK", "MV", "NP"}
    | {"KE", "UG", "TZ", "RW", "NG", "GH", "SL", "GM", "CM", "ZM", "ZW", "MW", "BW", "NA"}
    | {"LS", "SZ", "MU", "SC", "JM", "TT", "BB", "BS", "BZ", "GY", "AG", "DM", "GD", "KN"}
    | {"LC", "VC", "FJ", "PG", "WS", "TO", "SB", "VU", "KI", "TV", "NR", "CK", "NU"}
)
# The US, its territories, the freely associated states and the Philippines.
AMERICAN_COUNTRIES = frozenset(
    {"US", "PH", "PR", "GU", "VI", "AS", "MP", "UM", "FM", "MH", "PW", "LR"}
)


def spelling_for(country: str) -> str:
    """The spelling a person in ``country`` reads: ``BRITISH``, ``AMERICAN`` or "" (as written)."""
    code = (country or "").strip().upper()
    if code in BRITISH_COUNTRIES:
        return BRITISH
    if code in AMERICAN_COUNTRIES:
        return AMERICAN
    return ""


# -ize verbs whose British spelling is -ise, by stem; every form is derived
# (-ize, -izes, -ized, -izing, -izer, -izable, -ization, -izational …).
_IZE_STEMS = """
    accessor agon amort anonym antagon apolog author cannibal capital categor central
    character civil colon commercial compartmental computer conceptual contextual
    critic crystall custom decentral decriminal democrat demoral desensit digit digital
    econom emphas energ equal evangel external familiar fertil final formal fossil
    general global harmon hospital human hypothes ideal immun incentiv industrial
    initial institutional internal item jeopard legal legitim liberal local
    marginal material maxim mechan memor minim mobil modern monet moral neutral
    normal operational optim organ pasteur patron personal polar popular priorit
    privat pseudonym public random rational real recogn reorgan revolution
    sanit scrutin sensit social special stabil standard steril stigmat subsid
    summar symbol synchron synthes theor token traumat trivial urban util
    vandal victim visual vocal western strateg verbal dramat sympath notar
"""
_IZE_ENDINGS = (
    *("ize", "izes", "ized", "izing", "izer", "izers", "izable"),
    *("ization", "izations", "izational"),
)

# -yze verbs: British -yse.
_YZE_STEMS = ("anal", "paral", "catal", "hydrol", "dial")
_YZE_ENDINGS = ("yze", "yzes", "yzed", "yzing", "yzer", "yzers")

# Whole words, American -> British. Forms listed in full (no rules), so the
# map can be read and tested word by word.
_WORDS = """
    behavior behaviour; behaviors behaviours; behavioral behavioural;
    behaviorally behaviourally; color colour; colors colours; colored coloured;
    coloring colouring; colorful colourful; favor favour; favors favours;
    favored favoured; favoring favouring; favorable favourable; favorably favourably;
    favorite favourite; favorites favourites; flavor flavour; flavors flavours;
    harbor harbour; harbors harbours; harbored harboured; harboring harbouring;
    honor honour; honors honours; honored honoured; honoring honouring;
    honorable honourable; humor humour; humors humours; humorless humourless;
    labor labour; labors labours; labored laboured; laboring labouring;
    neighbor neighbour; neighbors neighbours; neighboring neighbouring;
    neighborhood neighbourhood; neighborhoods neighbourhoods; rumor rumour;
    rumors rumours; rumored rumoured; rigor rigour; vigor vigour;
    endeavor endeavour; endeavors endeavours; endeavored endeavoured;
    endeavoring endeavouring; candor candour; armor armour; odor odour; odors odours;
    clamor clamour; valor valour; savior saviour; tumor tumour; tumors tumours;
    vapor vapour; fervor fervour; ardor ardour; splendor splendour; demeanor demeanour;
    parlor parlour;
    center centre; centers centres; centered centred; centering centring;
    theater theatre; theaters theatres; fiber fibre; fibers fibres; liter litre;
    liters litres; caliber calibre; somber sombre; meager meagre; luster lustre;
    specter spectre; maneuver manoeuvre; maneuvers manoeuvres;
    maneuvered manoeuvred; maneuvering manoeuvring; kilometer kilometre;
    kilometers kilometres; centimeter centimetre; centimeters centimetres;
    millimeter millimetre; millimeters millimetres;
    modeling modelling; modeled modelled; modeler modeller; modelers modellers;
    labeling labelling; labeled labelled; leveling levelling; leveled levelled;
    traveling travelling; traveled travelled; traveler traveller;
    travelers travellers; canceled cancelled; canceling cancelling;
    counseling counselling; counselor counsellor; counselors counsellors;
    signaled signalled; signaling signalling; fueled fuelled; fueling fuelling;
    channeled channelled; channeling channelling; tunneling tunnelling;
    totaled totalled; totaling totalling; marshaled marshalled; dialed dialled;
    dialing dialling; equaled equalled; rivaled rivalled; quarreled quarrelled;
    jeweler jeweller; jewelry jewellery; enrollment enrolment;
    enrollments enrolments; enroll enrol; enrolls enrols; fulfill fulfil;
    fulfills fulfils; fulfillment fulfilment; skillful skilful; skillfully skilfully;
    willful wilful; installment instalment; installments instalments;
    defense defence; defenses defences; offense offence; offenses offences;
    pretense pretence; license licence; licenses licences;
    pediatric paediatric; pediatrics paediatrics; pediatrician paediatrician;
    pediatricians paediatricians; anesthesia anaesthesia; anesthetic anaesthetic;
    anesthetics anaesthetics; anesthetist anaesthetist;
    anemia anaemia; anemic anaemic; hematology haematology; hemorrhage haemorrhage;
    hemoglobin haemoglobin; edema oedema; esophagus oesophagus; estrogen oestrogen;
    gynecology gynaecology; orthopedic orthopaedic; orthopedics orthopaedics;
    diarrhea diarrhoea; leukemia leukaemia; etiology aetiology;
    aging ageing; gray grey; skeptic sceptic; skeptics sceptics;
    skeptical sceptical; skepticism scepticism; acknowledgment acknowledgement;
    acknowledgments acknowledgements;
    sulfur sulphur; sulfate sulphate; sulfates sulphates;
    plow plough; plows ploughs; plowed ploughed; plowing ploughing;
    catalog catalogue; catalogs catalogues; cataloged catalogued;
    cataloging cataloguing; cataloger cataloguer; catalogers cataloguers;
    mold mould; molds moulds; moldy mouldy
"""

# "program" -> "programme" only where it cannot mean software: a word before or
# after it that names a plan of work.
_PROGRAMME_BEFORE = """
    compliance research privacy partner audit accessibility residency
    preceptorship training screening mentoring mentorship graduate vaccination
    immunization immunisation development leadership ambassador advocacy rewards
    loyalty points degree apprenticeship exchange wellness wellbeing outreach
    certification education fellowship speak-up savings workforce people
    transformation change improvement quality safety sustainability ethics
    diversity inclusion internship induction onboarding funding grant vendor
    trust culture developer
"""
_PROGRAMME_AFTER = "board boards manager managers management office offices director directors"
# Words after which "license" is a verb and stays as it is in British spelling.
_LICENSE_VERBAL = "to will would may might must can could shall should not never"
_LICENSE_VERB_BEFORE = frozenset(_LICENSE_VERBAL.split())

# Proper names kept exactly as they are, whatever the reader's spelling.
PROTECTED = (
    "World Health Organization",
    "Pan American Health Organization",
    "International Organization for Standardization",
    "Organization for Economic Co-operation and Development",
    "Organization for Economic Cooperation and Development",
    "Organisation for Economic Co-operation and Development",
    "Food and Agriculture Organization",
    "International Labour Organization",
    "International Labor Organization",
    "North Atlantic Treaty Organization",
    "Federal Program",
    "Center for Devices and Radiological Health",
    "Center for Drug Evaluation and Research",
    "Center for Biologics Evaluation and Research",
    "Centers for Disease Control and Prevention",
    "Centers for Medicare & Medicaid Services",
    "Centers for Medicare and Medicaid Services",
    "Pharmacovigilance Risk Assessment Committee",
    "Department of Defense",
    "Department of Labor",
    "Bureau of Labor Statistics",
    "Australian Labor Party",
    "Labor Party",
    "Labour Party",
    "Ministry of Defence",
    "National Cyber Security Centre",
    "Pearl Harbor",
)

# Never respelled: URLs and e-mail addresses, paths, and code-like tokens.
_UNTOUCHED = (
    r"`[^`\n]*`"  # code in backticks
    r"|\b(?:https?|ftp)://\S+"  # URLs
    r"|\bwww\.\S+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|[#@]\w+"  # hashtags and handles: what people search for, as written
    r"|(?<![\w/])(?:~|\.{1,2})?/[\w.-]+(?:/[\w.-]*)*"  # paths: /a/b, ./a, ~/a
    r"|\b\w+(?:/\w+){2,}"  # a/b/c
    r"|\b\w*_\w*\b"  # snake_case
    r"|\b\w+(?:\.\w+)+\b"  # dotted.names, file.ext
    r"|\b[a-z]+[A-Z]\w*"  # camelCase
    r"|\b[A-Z][a-z]+[A-Z]\w*"  # PascalCase (DevOps, JavaScript)
)


def _american_to_british() -> dict[str, str]:
    """Every American word in the map, with its British spelling."""
    words: dict[str, str] = {}
    for stem in _IZE_STEMS.split():
        for ending in _IZE_ENDINGS:
            words[stem + ending] = stem + ending.replace("z", "s")
    for stem in _YZE_STEMS:
        for ending in _YZE_ENDINGS:
            words[stem + ending] = stem + ending.replace("z", "s")
    for pair in _WORDS.split(";"):
        american, british = pair.split()
        words[american] = british
    return words


def _british_to_american() -> dict[str, str]:
    """The reverse map, for American readers: every programme is a program and
    every practise a practice (American uses one spelling for noun and verb)."""
    words = {british: american for american, british in _american_to_british().items()}
    for stem in _YZE_STEMS:
        del words[stem + "yses"]  # also the plural of analysis, paralysis, dialysis …
    words.update(
        {
            "programme": "program",
            "programmes": "programs",
            "practise": "practice",
            "practises": "practices",
            "practised": "practiced",
            "practising": "practicing",
            "licence": "license",
            "licences": "licenses",
            "judgement": "judgment",
            "judgements": "judgments",
        }
    )
    return words


@functools.cache
def word_map(spelling: str) -> Mapping[str, str]:
    """The lower-case word map for a spelling ({} for "as written"). "program"
    is not in it: it depends on its neighbours (`_programme`)."""
    if spelling == BRITISH:
        return _american_to_british()
    if spelling == AMERICAN:
        return _british_to_american()
    return {}


@functools.cache
def _candidates(spelling: str) -> frozenset[str]:
    """The lower-case words that may change: a text without any is left at once."""
    words = set(word_map(spelling))
    if spelling == BRITISH:
        words |= set(_PROGRAM)
    return frozenset(words)


_PROGRAM = {"program": "programme", "programs": "programmes"}
_BEFORE_PROGRAM = frozenset(_PROGRAMME_BEFORE.split())
_AFTER_PROGRAM = frozenset(_PROGRAMME_AFTER.split())
_LETTERS = re.compile(r"[A-Za-z]+")
_PREVIOUS = re.compile(r"([\w-]+)\s+$")
_NEXT = re.compile(r"\s+(\w+)")

# Protected names and untouchable tokens are matched (and left alone) before
# the word at the same place: the regex engine tries them first.
_PATTERN = re.compile(
    "(?P<keep>(?i:"
    + "|".join(re.escape(name) for name in sorted(PROTECTED, key=len, reverse=True))
    + f")|{_UNTOUCHED})"
    + r"|\b(?P<word>[A-Za-z]+)\b"
)

_OPENERS = "\"'“‘([{*•–—#>-"


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens the text, a line, a sentence or a part
    of a line set apart by "·" or "|"."""
    before = text[:start]
    stripped = before.rstrip()
    if "\n" in before[len(stripped) :]:
        return True
    stripped = stripped.rstrip(_OPENERS).rstrip()
    return not stripped or stripped[-1] in ".!?:;·|\n"


def _with_case(source: str, target: str) -> str:
    """``target`` in the case of ``source`` ("Organize" -> "Organise", "ORGANIZE" -> "ORGANISE")."""
    if source.isupper() and len(source) > 1:
        return target.upper()
    if source[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def _programme(text: str, start: int, end: int) -> bool:
    """Whether "program" at text[start:end] is a plan of work, never software:
    a word such as "compliance" just before it or "board" just after."""
    previous = _PREVIOUS.search(text, max(0, start - 40), start)
    if previous and previous.group(1).lower() in _BEFORE_PROGRAM:
        return True
    following = _NEXT.match(text, end)
    return bool(following and following.group(1).lower() in _AFTER_PROGRAM)


def _replacer(spelling: str, text: str) -> Callable[[re.Match[str]], str]:
    words = word_map(spelling)

    def replace_word(match: re.Match[str]) -> str:
        found = match.group("word")
        if found is None:
            return match.group(0)
        key = found.lower()
        if key in _PROGRAM and spelling == BRITISH:
            if not _programme(text, match.start(), match.end()):
                return found
            new = _PROGRAM[key]
        else:
            new = words.get(key)
            if new is None:
                return found
        # A capitalised word inside a sentence is a name ("the Apache License").
        if found[:1].isupper() and not found.isupper():
            if not _starts_sentence(text, match.start()):
                return found
        elif found.isupper() and len(found) > 1:
            return found  # an acronym or a shouted heading: left alone
        if spelling == BRITISH and key in ("license", "licenses"):
            previous = _PREVIOUS.search(text, max(0, match.start() - 40), match.start())
            if previous and previous.group(1).lower() in _LICENSE_VERB_BEFORE:
                return found
        return _with_case(found, new)

    return replace_word


# Word choices, American -> British: the same thing named differently, not
# spelled differently ("license plates" are "number plates" in the UK).
VOCABULARY = (
    ("license plates", "number plates"),
    ("license plate", "number plate"),
)


@functools.cache
def _vocabulary(spelling: str) -> tuple[frozenset[str], re.Pattern[str], Mapping[str, str]]:
    """For ``spelling``: the first words of the phrases it changes, a regex that
    finds them whole, and each phrase (lower case) with the reader's words."""
    pairs = {a: b for a, b in VOCABULARY} if spelling == BRITISH else {b: a for a, b in VOCABULARY}
    firsts = frozenset(phrase.split()[0] for phrase in pairs)
    alternatives = "|".join(re.escape(p) for p in sorted(pairs, key=len, reverse=True))
    return firsts, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE), pairs


def _reworded(text: str, spelling: str, words: list[str]) -> str:
    """``text`` with the word choices of ``VOCABULARY`` in the reader's English."""
    firsts, pattern, pairs = _vocabulary(spelling)
    if firsts.isdisjoint(words):
        return text
    return pattern.sub(lambda m: _with_case(m.group(0), pairs[m.group(0).lower()]), text)


def respell(text: str, spelling: str) -> str:
    """``text`` in ``spelling`` (``BRITISH``, ``AMERICAN``; "" leaves it as written),
    word choices (``VOCABULARY``) included."""
    if not text or spelling not in (BRITISH, AMERICAN):
        return text
    words = _LETTERS.findall(text.lower())
    text = _reworded(text, spelling, words)
    if _candidates(spelling).isdisjoint(words):
        return text  # most texts: nothing to respell
    return _PATTERN.sub(_replacer(spelling, text), text)


def respell_tree(value: Any, spelling: str, skip: Iterable[str] = ()) -> Any:
    """A copy of ``value`` with every string respelled: frozen dataclasses (but
    not their fields named in ``skip``: keys, slugs, what must stay as typed),
    tuples, lists and mappings (values, never keys). Anything else is kept.
    An object met twice (an idea in its theme and in the calendar) stays one
    object; a part with nothing to respell is the very same object."""
    if not spelling:
        return value
    skipped = frozenset(skip)
    done: dict[int, Any] = {}

    def walk(item: Any) -> Any:
        if isinstance(item, str):
            new_text = respell(item, spelling)
            return item if new_text == item else new_text
        if id(item) in done:
            return done[id(item)]
        new: Any = item
        if is_dataclass(item) and not isinstance(item, type):
            changes = {}
            for f in fields(item):
                if f.name in skipped or not f.init:
                    continue
                old = getattr(item, f.name)
                changed = walk(old)
                if changed is not old:
                    changes[f.name] = changed
            new = replace(item, **changes) if changes else item
        elif isinstance(item, tuple):
            items = tuple(walk(i) for i in item)
            new = item if all(a is b for a, b in zip(items, item, strict=True)) else items
        elif isinstance(item, list):
            new = [walk(i) for i in item]
        elif isinstance(item, Mapping):
            new = {k: walk(v) for k, v in item.items()}
        done[id(item)] = new
        return new

    return walk(value)
