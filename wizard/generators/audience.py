"""Whether the people someone writes for are their peers, read from the work step.

The work step asks "Who would you like to reach?" in the person's own words.
A field's abbreviations need spelling out for readers outside it (customers,
executives, people new to the field), and spelling them out for peers reads
as talking down: a SOC lead writing for security engineers does not explain
SIEM. Each part of the answer ("security engineers and SOC analysts" has two)
is read on its own:

- a part about beginners or the public ("people new to testing",
  "non-technical founders") is outside the field whatever else it names;
- a part naming the field ("procurement professionals", "SOC analysts"), or
  peers in general ("peers", "colleagues", "practitioners"), is peers;
- a part whose head is an outside group ("business leaders", "customers'
  IT teams", "patients") is outside the field;
- anything else is unknown.

Any outside part means a mixed readership; only unknown parts fall back to
the goals: supporting the employer's products means writing for customers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Readers new to the field, whatever field word the part also names.
_NEWCOMERS = re.compile(
    r"\b(new to|newcomers?|beginners?|aspiring|students?|career[- ]changers?|"
    r"non[- ]?(technical|specialists?|experts?)|outside (the|my|our|of)|lay(people| readers)?|"
    r"general (public|audience)|the public|everyone|anyone|"
    r"getting into|curious about|want(ing)? to (learn|get into|move into))\b",
    re.IGNORECASE,
)
# Outside groups, when they are what the part is about (its last word, a
# possessive, or a fixed phrase).
_OUTSIDE_HEADS = _wordset(
    """customers clients patients parents residents citizens homeowners landlords
    tenants buyers prospects executives board ceos founders investors journalists
    media users consumers families policymakers politicians recruiters public
    shoppers donors voters"""
)
_OUTSIDE_PHRASES = re.compile(
    r"\b(business (leaders?|owners?|users?|stakeholders?|people|side|audiences?)|"
    r"hiring managers?|c-suite|senior leadership|leadership teams?|end users?|"
    r"small business(es)?|smes?|decision[- ]makers?|the board|board members?)\b",
    re.IGNORECASE,
)
_PEERS = re.compile(
    r"\b(peers?|colleagues?|practitioners?|fellow|people (in|like) (me|my|our)|"
    r"my (field|community|profession)|others? like me)\b",
    re.IGNORECASE,
)
# Words in field names and job titles that name no field on their own.
_GENERIC = _wordset(
    """and or of the for in to with a an my our other others new senior junior
    lead leads head heads chief director directors manager managers management
    team teams people person professional professionals expert experts
    specialist specialists engineer engineers engineering analyst analysts
    consultant consultants officer officers architect architects administrator
    administrators developer developers scientist scientists leader leaders
    practitioner practitioners staff group groups business services service
    customer customers operations solutions systems system general it data
    design support manager's owner owners"""
)
_SPLIT = re.compile(r",|;|/|\band\b|\bor\b|&|\+", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9][a-z0-9&.'-]*")
PEERS, OUTSIDE, UNKNOWN = "peers", "outside", "unknown"


def _stem(word: str) -> str:
    word = word.lower().strip(".'-")
    if word.endswith("'s") or word.endswith("s'"):
        word = word[:-2]
    for suffix in ("ies", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def field_words(names: Iterable[str]) -> frozenset[str]:
    """The words that name a field, from its name and the titles people give it."""
    words = set()
    for name in names:
        for word in _WORD.findall(name.lower()):
            stem = _stem(word)
            if stem not in _GENERIC and word not in _GENERIC and len(stem) > 1:
                words.add(stem)
    return frozenset(words)


def reader_kind(part: str, words: frozenset[str]) -> str:
    """PEERS, OUTSIDE or UNKNOWN for one part of the audience answer."""
    if _NEWCOMERS.search(part):
        return OUTSIDE
    tokens = _WORD.findall(part.lower())
    possessive = any(t.endswith(("'", "'s")) and _stem(t) + "s" in _OUTSIDE_HEADS for t in tokens)
    if possessive or _OUTSIDE_PHRASES.search(part):
        return OUTSIDE
    if _PEERS.search(part) or any(_stem(t) in words for t in tokens):
        return PEERS
    if tokens and (tokens[-1] in _OUTSIDE_HEADS or _stem(tokens[-1]) + "s" in _OUTSIDE_HEADS):
        return OUTSIDE
    return UNKNOWN


def writes_for_outsiders(audience: str, names: Iterable[str], goals: Sequence[str] = ()) -> bool:
    """Whether the person's readers include people outside their field.

    ``audience`` is the work step's answer, ``names`` the field's name and
    the titles of people in it, ``goals`` the goal slugs they chose. No
    answer, or one about peers only, means peers.
    """
    words = field_words(names)
    text = (audience or "").replace("\u2019", "'")
    kinds = [reader_kind(part, words) for part in _SPLIT.split(text) if part.strip()]
    if OUTSIDE in kinds:
        return True
    if UNKNOWN in kinds and PEERS not in kinds:
        return "products" in goals
    return False


# The person's own words for their readers, first person ("other people in my
# field", "people like me"), turned to speak to them in a line that says "you".
_FIRST_PERSON = {
    "my": "your",
    "mine": "yours",
    "me": "you",
    "myself": "yourself",
    "our": "your",
    "ours": "yours",
    "us": "you",
    "ourselves": "yourselves",
}
# Lower case or capitalised only: "US hiring managers" names a country.
_FIRST_PERSON_WORD = re.compile(
    r"\b(" + "|".join(w for word in _FIRST_PERSON for w in (word, word.capitalize())) + r")\b"
    r"|(?<![\w'])I(?![\w'])"
)


def audience_for_you(audience: str) -> str:
    """The person's readers as a line that speaks to them names them: "other
    people in my field" becomes "other people in your field" in "How you would
    put the difference to …", where "my" would read as Byline's field. Lines
    in the person's own voice (titles, an About) keep "my"."""

    def turned(found: re.Match[str]) -> str:
        word = found.group(0)
        if word == "I":
            return "you"
        own = _FIRST_PERSON[word.lower()]
        return own.capitalize() if word[:1].isupper() else own

    return _FIRST_PERSON_WORD.sub(turned, audience)
