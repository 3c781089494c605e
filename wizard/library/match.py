"""Honest matching of what a person types to a field of the library.

Byline would rather say "I don't know this field" than pick a wrong one, so
a field is chosen only when its own words explain everything that matters in
what was typed:

1. The text and every field's name, aliases, sub-topics and concepts are cut
   into words, lower-cased, with plurals and role words folded ("developer",
   "engineering" and "programmer" are one word). A word the library does not
   know is corrected when it is one small typo away from exactly one word it
   does know.
2. Words after "for", "in", "at", "with", a comma or a bracket are context
   ("tax compliance for startups"): they need not be explained, unless the
   library has never seen one of them ("customer service in retail stores").
   Filler and role words ("senior", "engineer", "manager") need not be either.
3. A field explains a word when one of its phrases is found whole in the text
   and covers the word: a name or alias, a sub-topic, or a concept. A concept
   or sub-topic that is one plain word ("management", "events") or that other
   fields share explains a word only weakly, and weak evidence alone never
   picks a field. Without a whole phrase, the words must all come from one
   alias of the field ("FPGA engineer" inside "FPGA design engineer").
4. A field is a candidate only when it explains every word that matters. One
   word the library has never seen ("fintech") may stay unexplained when the
   field's phrases explain at least two others.
5. The strongest candidate wins only when it is strictly stronger than the
   next: when two fields claim the same words ("blue team"), there is no match.

A term of art spelled like an everyday word ("CRediT", the contributor roles
taxonomy, is "credit"; Postgres's "VACUUM" is "vacuum") is a term only where
the text spells it the term's way: "Credit analyst" is no academic. Without
that spelling it is one plain word, which alone picks no field.

Two refinements keep a field's words from naming a neighbouring job: a word
may keep its own form where folding would make it another field's
(`KEEP_BEFORE`: planning's "development management"), and a few jobs beside a
field that share its words match none (`OTHER_JOBS`: an air traffic control
engineer maintains the systems, and is no controller).

The person's role and sub-topics (``Matcher.refine``) never pick a field on
their own: the expertise text leads. They only choose between close fields:

6. The candidates are the field the expertise text matches, the fields it
   could equally mean (a tie), and the more specific fields that have an
   alias holding every word of it ("Regulatory affairs" is inside "medical
   device regulatory affairs", "Security" inside "security operations
   center"). A matched text must give two such words ("data" of "Data
   analyst" says nothing about "data center networking"), unless it is one
   bare word ("Teaching", or a job word that names a field, "Architect"):
   then only a role or sub-topic line that Byline itself matches to one such
   field moves it ("Chemistry teacher", "Solutions architect"), and none
   when a line matches the word's own field ("Maths teacher"). A text
   that matched nothing must hold no word the library has never seen.
7. Each line of the role and sub-topics is read for each candidate's own
   strong phrases (aliases, and sub-topics and concepts no other field
   shares), leaving out words that only repeat the expertise text. A line
   that Byline would itself match to the candidate counts whole.
8. A candidate replaces the expertise's own match only when it is the one
   best-supported candidate, its evidence covers at least two words or one
   whole line that adds two words (a single stray word moves nothing), and
   the matched field's own evidence in the same lines is at most half of it.
   Words that repeat the expertise text count for no field.
"""

from __future__ import annotations

import difflib
import functools
import importlib.resources
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

# Words that glue a phrase together or say how senior someone is.
FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "of",
        "to",
        "my",
        "our",
        "i",
        "im",
        "am",
        "we",
        "me",
        "as",
        "by",
        "on",
        "senior",
        "junior",
        "lead",
        "principal",
        "staff",
        "head",
        "chief",
        "expert",
        "expertise",
        "specialist",
        "professional",
        "freelance",
        "freelancer",
        "independent",
        "experienced",
        "certified",
        "team",
        "work",
        "working",
        "job",
        "role",
        "years",
        "year",
        "area",
        "field",
    ]
)
# Words (after folding) that say what kind of job, not which field.
ROLE = frozenset(
    [
        "engin",
        "manag",
        "consult",
        "analyst",
        "architect",
        "officer",
        "admin",
        "coordinat",
        "director",
        "associate",
        "practitioner",
        "owner",
        "executive",
        "representative",
        "technician",
        "operator",
        "support",
        "service",
    ]
)
# Words that start context: what follows may stay unexplained.
CONTEXT = frozenset(
    ["for", "in", "at", "with", "within", "across", "using", "inside", "from", "into", "via"]
)
# Folded forms: role nouns and their activities share one word.
FOLD = {
    **dict.fromkeys(
        [
            "engineer",
            "engineering",
            "engineers",
            "developer",
            "development",
            "developers",
            "dev",
            "devs",
            "programmer",
            "programmers",
            "programming",
        ],
        "engin",
    ),
    **dict.fromkeys(["manager", "management", "managing", "managers"], "manag"),
    **dict.fromkeys(["consultant", "consulting", "consultancy", "consultants"], "consult"),
    **dict.fromkeys(["analyst", "analysts", "analysis", "analyses"], "analyst"),
    **dict.fromkeys(["analytics", "analytic"], "analytic"),
    **dict.fromkeys(["architect", "architects", "architecture", "architectures"], "architect"),
    **dict.fromkeys(["design", "designer", "designers", "designing"], "design"),
    **dict.fromkeys(["scientist", "scientists", "science", "sciences"], "scien"),
    **dict.fromkeys(["tester", "testers", "testing", "tests", "test"], "test"),
    **dict.fromkeys(["recruiter", "recruiters", "recruiting", "recruitment"], "recruit"),
    **dict.fromkeys(["accountant", "accountants", "accounting"], "account"),
    **dict.fromkeys(["administrator", "administrators", "administration", "admin"], "admin"),
    **dict.fromkeys(["coordinator", "coordinators", "coordination"], "coordinat"),
    **dict.fromkeys(["writer", "writers", "writing"], "writ"),
    **dict.fromkeys(["marketer", "marketers", "marketing"], "market"),
    **dict.fromkeys(["auditor", "auditors", "auditing", "audit", "audits"], "audit"),
    **dict.fromkeys(["researcher", "researchers", "research"], "research"),
    **dict.fromkeys(["teacher", "teachers", "teaching"], "teach"),
    **dict.fromkeys(["trainer", "trainers", "training"], "train"),
    **dict.fromkeys(["modernization", "modernisation"], "modernis"),
    **dict.fromkeys(["optimization", "optimisation"], "optimis"),
    **dict.fromkeys(["programme", "programmes", "program", "programs"], "program"),
    **dict.fromkeys(["advisor", "advisors", "adviser", "advisers", "advisory"], "adviser"),
    **dict.fromkeys(["operations", "operation", "ops"], "operation"),
    "services": "service",
    "teaming": "team",
}
COMMON = 5  # a word in the phrases of this many fields is common
# Words as common as that, though few of the library's fields use them: they
# name several professions it does not hold ("emergency": a paramedic, but also
# an emergency planner or an emergency physician; "underwriter": a lender's
# credit underwriter, but also an insurance or a securities underwriter;
# "heritage": an archaeologist's heritage consultancy, but also a museum's
# conservation or a historic buildings officer), so alone they pick no field.
AMBIGUOUS = frozenset(["emergency", "underwriter", "underwriting", "heritage"])
TYPO_CUTOFF = 0.85
CACHE_SIZE = 4096  # typed texts (and unknown words) remembered per process
TYPO_MIN_LENGTH = 5
WEIGHT = {"alias": 3, "subtopic": 2, "concept": 2, "weak": 1}
LINE_VOTE = 8  # a role or sub-topic line that itself matches a field
MIN_CONTEXT_WORDS = 2  # words of the role and sub-topics a refinement needs
TERM = re.compile(r"[0-9+#&/.]|.[A-Z]")


@functools.cache
def everyday_words() -> frozenset[str]:
    """The Dale-Chall list of easy English words that ships with textstat
    (empty if it ships none)."""
    try:
        path = importlib.resources.files("textstat").joinpath("resources/en/easy_words.txt")
        text = path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return frozenset()
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def raw_words(text: str) -> list[str]:
    """The lower-case words of a text, in order."""
    text = text.lower().replace("&", " and ").replace("/", " ").replace("-", " ")
    text = re.sub(r"[(,;:]", " with ", text)  # "X (Go, Kafka)" and "X, Y": what follows is context
    return [w for w in (w.strip(".") for w in re.findall(r"[a-z0-9+#.]+", text)) if w]


def fold(word: str) -> str:
    """One word in its folded form: plural and role words merged."""
    if word in FOLD:
        return FOLD[word]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# A word that keeps its own form before these words when nothing before it says
# whose it is: town planning's "development management" (deciding planning
# applications; "development control" before 2009) is not engineering
# management, though "software development management" still is.
KEEP_BEFORE = {"development": frozenset({"management", "control"})}


def fold_words(raw: Sequence[str]) -> list[str]:
    """Raw words folded (see `fold`), except a `KEEP_BEFORE` word at the start
    of a phrase before one of its words."""
    folded = []
    for i, word in enumerate(raw):
        kept = (
            word in KEEP_BEFORE
            and i + 1 < len(raw)
            and raw[i + 1] in KEEP_BEFORE[word]
            and (i == 0 or raw[i - 1] in FILLER | CONTEXT)
        )
        folded.append(word if kept else fold(word))
    return folded


def words(text: str) -> list[str]:
    """The folded words of a text, in order."""
    return fold_words(raw_words(text))


# Jobs that share a field's words but not its work (folded phrases): the
# engineers who keep air traffic control's radar, radio and navigation aids
# running (ATSEP) are not controllers, and a controller's playbook and ideas
# would put words in their mouth; a "conservation officer" looks after listed
# buildings for a UK council or enforces wildlife law in a US state, and is no
# museum conservator ("Conservation" alone is). A text holding one of these
# matches no field.
OTHER_JOBS = (
    ("air", "traffic", "control", "engin"),
    ("air", "traffic", "engin"),
    ("atc", "engin"),
    ("atsep",),
    ("air", "traffic", "safety", "electronic"),
    ("conservation", "officer"),
    ("conservation", "manag"),
    ("conservation", "architect"),
    ("conservation", "adviser"),
    ("conservation", "engin"),
    # A supported employment specialist helps people into work: no employment law.
    ("employment", "specialist"),
    # A dental technician makes crowns and dentures in a laboratory: no hygienist.
    ("dental", "technician"),
    ("dental", "technologist"),
    # A fire and rescue service's fire safety officer or inspector enforces fire
    # safety law in buildings others designed: no engineer writing fire strategies.
    ("fire", "safety", "officer"),
    ("fire", "safety", "inspector"),
    ("fire", "inspector"),
    # A radiologist is a doctor who reports images (and is a typo away from
    # "radiologic"); a therapeutic radiographer treats with radiotherapy: neither
    # is a diagnostic radiographer.
    ("radiologist",),
    ("therapeutic", "radiographer"),
    ("therapy", "radiographer"),
    # Traffic engineering on a data network shapes packets, not roads.
    ("network", "traffic"),
    # A loan officer originates loans and advises borrowers (in the US, often a
    # licensed mortgage loan originator): no credit analyst or underwriter.
    ("loan", "officer"),
)


def other_job(tokens: Sequence[str]) -> bool:
    """Whether folded words name a job beside a field (see `OTHER_JOBS`)."""
    for phrase in OTHER_JOBS:
        size = len(phrase)
        if any(tuple(tokens[i : i + size]) == phrase for i in range(len(tokens) - size + 1)):
            return True
    return False


def _spelled(text: str, spellings: Iterable[str]) -> bool:
    """Whether ``text`` holds one of ``spellings`` as a whole word, letter case and all."""
    return any(re.search(rf"(?<![A-Za-z]){re.escape(s)}(?![A-Za-z])", text) for s in spellings)


@dataclass
class _Key:
    """One phrase, and what it says for each field that uses it."""

    phrase: tuple[str, ...]
    kinds: dict[str, str] = field(default_factory=dict)  # field -> alias | subtopic | concept
    term: bool = False  # looks like a term of art ("MedDRA", "ISO 9001"), not a plain word
    # How the library spells a term that is also an everyday word ("CRediT"):
    # the text must spell it so for it to count as a term (see `Matcher._phrases`).
    spellings: frozenset[str] = frozenset()

    def weight(self, slug: str) -> int:
        """How much this phrase says for one field: plain or shared words say little."""
        kind = self.kinds[slug]
        if kind == "alias":
            return WEIGHT["alias"]
        if len(self.kinds) > 1 or (len(self.phrase) == 1 and not self.term):
            return WEIGHT["weak"]
        return WEIGHT[kind]


@dataclass(frozen=True)
class _Evidence:
    slug: str
    score: int


class Matcher:
    """Matches typed expertise to one field, or to none."""

    def __init__(
        self,
        fields: Iterable[tuple[str, Sequence[str], Sequence[str], Sequence[str]]],
        everyday: Iterable[str] = (),
    ):
        """``fields``: (slug, name and aliases, sub-topics, concepts) for each field;
        ``everyday``: lowercase everyday words, which a term of art spelled like
        one ("CRediT") only means where the text spells it the term's way."""
        everyday = frozenset(everyday)
        self._keys: dict[tuple[str, ...], _Key] = {}
        spelled: dict[tuple[str, ...], set[str]] = {}
        self._aliases: dict[str, list[frozenset[str]]] = {}
        raw: set[str] = set()
        for slug, aliases, subtopics, concepts in fields:
            for kind, phrases in (
                ("alias", aliases),
                ("subtopic", subtopics),
                ("concept", concepts),
            ):
                for text in phrases:
                    raw.update(raw_words(text))
                    phrase = tuple(words(text))
                    if not phrase:
                        continue
                    key = self._keys.setdefault(phrase, _Key(phrase))
                    key.term = key.term or bool(TERM.search(text))
                    if len(phrase) == 1 and text.strip().isalpha() and text.lower() in everyday:
                        spelled.setdefault(phrase, set()).add(text.strip())
                    if WEIGHT[key.kinds.get(slug, "weak")] < WEIGHT[kind]:
                        key.kinds[slug] = kind
                    if kind == "alias":
                        self._aliases.setdefault(slug, []).append(frozenset(phrase))
        # A term that is also an everyday word, and its twin for texts that
        # spell it as the everyday word: one plain word.
        self._plain: dict[tuple[str, ...], _Key] = {}
        for phrase, spellings in spelled.items():
            key = self._keys[phrase]
            if key.term:
                key.spellings = frozenset(s for s in spellings if TERM.search(s))
                self._plain[phrase] = _Key(phrase, key.kinds)
        spread: dict[str, set[str]] = {}
        for key in self._keys.values():
            for word in key.phrase:
                spread.setdefault(word, set()).update(key.kinds)
        # Words many fields use ("design", "data") say little on their own.
        self._common = {w for w, owners in spread.items() if len(owners) >= COMMON} | AMBIGUOUS
        self._raw = sorted(raw)
        self._by_initial: dict[str, list[str]] = {}
        for word in self._raw:
            self._by_initial.setdefault(word[0], []).append(word)
        self._corrected: dict[str, str] = {}
        self._matched: dict[str, str | None] = {}
        self._refined: dict[tuple[str, tuple[str, ...]], str | None] = {}
        self._known = raw | {w for phrase in self._keys for w in phrase}
        self._longest = max((len(p) for p in self._keys), default=1)

    def _correct(self, word: str) -> str:
        """A word fixed to the one known word it is a small typo away from."""
        if word in self._known or len(word) < TYPO_MIN_LENGTH or not word.isalpha():
            return word
        if word in self._corrected:
            return self._corrected[word]
        similar = [w for w in self._by_initial.get(word[0], ()) if abs(len(w) - len(word)) <= 2]
        near = difflib.get_close_matches(word, similar, n=3, cutoff=TYPO_CUTOFF)
        self._corrected[word] = word
        if len(self._corrected) > CACHE_SIZE:
            self._corrected.clear()
        if not near:
            return word
        ratios = [difflib.SequenceMatcher(None, word, n).ratio() for n in near]
        if len(near) > 1 and ratios[1] >= ratios[0]:
            return word  # two known words are as close: don't guess
        self._corrected[word] = near[0]
        return near[0]

    def match(self, text: str) -> str | None:
        """The slug of the field ``text`` names, or None.

        The whole text is tried first ("firmware for medical devices" is
        medical device software); then only the words before the context.
        """
        if text in self._matched:
            return self._matched[text]
        if len(self._matched) > CACHE_SIZE:
            self._matched.clear()
        self._matched[text] = slug = self._match(text)
        return slug

    def _match(self, text: str) -> str | None:
        # As typed, too: a job word may be a typo away from a field's word
        # ("radiologist" from "radiologic").
        if other_job(self._tokens(text)) or other_job(words(text)):
            return None
        for ranked in self._rankings(text):
            if len(ranked) == 1 or ranked[1].score < ranked[0].score:
                return ranked[0].slug
        return None

    def _tied(self, text: str) -> set[str]:
        """The fields that explain ``text`` equally well when none wins."""
        tied: set[str] = set()
        for ranked in self._rankings(text):
            tied |= {e.slug for e in ranked if e.score == ranked[0].score}
        return tied

    def _tokens(self, text: str) -> list[str]:
        return fold_words([self._correct(w) for w in raw_words(text)])

    def _rankings(self, text: str) -> Iterator[list[_Evidence]]:
        """The fields that explain the whole text, then its words before the
        context, strongest first (each try that has any)."""
        tokens = self._tokens(text)
        found = self._phrases(tokens, text)
        head = next((i for i, w in enumerate(tokens) if w in CONTEXT and i > 0), len(tokens))
        tried: list[set[int]] = []
        unknown_context = any(
            w not in self._known and w not in FILLER | CONTEXT for w in tokens[head:]
        )
        for end in (len(tokens), head):
            if end == head and unknown_context:
                break  # "customer service in retail stores": a setting Byline doesn't know
            required = {i for i in range(end) if tokens[i] not in FILLER | ROLE | CONTEXT} or {
                i for i in range(end) if tokens[i] not in FILLER | CONTEXT
            }
            if not required or required in tried:
                continue
            tried.append(required)
            ranked = self._ranked(tokens, found, required)
            if ranked:
                yield ranked

    def _ranked(
        self, tokens: list[str], found: list[tuple[range, _Key]], required: set[int]
    ) -> list[_Evidence]:
        """The fields that explain the required words, strongest first."""
        candidates = {slug for _, key in found for slug in key.kinds}
        candidates |= {
            slug
            for slug, aliases in self._aliases.items()
            if any(tokens[i] in alias for alias in aliases for i in required)
        }
        evidence = [
            e
            for slug in sorted(candidates)
            if (e := self._evidence(slug, tokens, found, required)) is not None
        ]
        evidence.sort(key=lambda e: -e.score)
        return evidence

    def _phrases(self, tokens: list[str], text: str) -> list[tuple[range, _Key]]:
        """The library's phrases found in ``tokens`` (the folded words of
        ``text``), each with its span; a term spelled like an everyday word
        counts as a term only where ``text`` spells it the term's way."""
        found = []
        for start in range(len(tokens)):
            for length in range(1, min(self._longest, len(tokens) - start) + 1):
                phrase = tuple(tokens[start : start + length])
                key = self._keys.get(phrase)
                if key is not None:
                    if phrase in self._plain and not _spelled(text, key.spellings):
                        key = self._plain[phrase]
                    found.append((range(start, start + length), key))
        return found

    def _evidence(
        self,
        slug: str,
        tokens: list[str],
        found: list[tuple[range, _Key]],
        required: set[int],
    ) -> _Evidence | None:
        """How well one field explains the words, or None when it cannot."""
        cover: dict[int, int] = {}
        strong: set[int] = set()
        for span, key in found:
            if slug not in key.kinds:
                continue
            weight = key.weight(slug)
            for i in span:
                cover[i] = max(cover.get(i, 0), weight * len(span))
                if weight > WEIGHT["weak"]:
                    strong.add(i)
        aliases = self._aliases.get(slug, ())
        context = set(range(len(tokens))) - required
        bonus = sum(cover.get(i, 0) for i in context)
        if strong & required:
            for i in required - set(cover):
                if any(tokens[i] in alias for alias in aliases):
                    cover[i] = WEIGHT["weak"]
            missing = required - set(cover)
            unknown = {i for i in missing if tokens[i] not in self._known}
            if missing and (missing != unknown or len(unknown) > 1 or len(strong & required) < 2):
                return None
            return _Evidence(slug, sum(cover.values()))
        # No whole phrase: the words that matter must all belong to one alias,
        # and the alias's other word must be a common one ("FPGA engineer" is
        # an "FPGA design engineer", but "nursing" is not "nursing informatics",
        # nor "electrical" alone the "National Electrical Code": two words left
        # out are a different thing, however common each is).
        wanted = {tokens[i] for i in required}
        if wanted <= self._common:
            return None
        for alias in aliases:
            rest = alias - wanted - ROLE - FILLER
            if wanted <= alias and rest <= self._common and len(rest) <= 1:
                return _Evidence(slug, len(required) + bonus)
        return None

    def refine(self, text: str, context: Sequence[str]) -> str | None:
        """The field for ``text``, with ``context`` (the person's role and
        sub-topics, one line each) choosing between close fields (rules 6-8)."""
        lines = tuple(line for line in context if line and line.strip())
        if (text, lines) not in self._refined:
            if len(self._refined) > CACHE_SIZE:
                self._refined.clear()
            self._refined[text, lines] = self._refine(text, lines)
        return self._refined[text, lines]

    def _refine(self, text: str, lines: Sequence[str]) -> str | None:
        base = self.match(text)
        if other_job(self._tokens(text)) or other_job(words(text)):
            return None  # the role and sub-topics never turn an engineer into a controller
        meant = {w for w in self._tokens(text) if w not in FILLER | ROLE | CONTEXT}
        tokens = self._tokens(text)
        if base and lines and not meant and len(tokens) == 1:
            # A bare job word that names a field ("Architect": buildings) moves
            # as a bare field word does ("Solutions architect at a bank").
            return self._bare(base, lines, frozenset(tokens))
        wanted = frozenset(w for w in meant if w in self._known)
        if not wanted or not lines or (not base and wanted != meant):
            return base  # nothing typed that the library knows, or a word it has never seen
        if base and len(wanted) < 2:
            if len(self._tokens(text)) > 1:
                return base  # one word of a matched text ("data" of "Data analyst") is no field
            return self._bare(base, lines, wanted)
        candidates = {
            slug
            for slug, aliases in self._aliases.items()
            if any(wanted <= alias for alias in aliases)
        }
        candidates |= {base} if base else self._tied(text)
        if not candidates or (len(candidates) < 2 and base):
            return base
        support = {slug: self._support(slug, lines, wanted) for slug in sorted(candidates)}
        ranked = sorted(support.items(), key=lambda pair: -pair[1][0])
        best, (score, enough) = ranked[0]
        if not enough or (len(ranked) > 1 and ranked[1][1][0] >= score):
            return base
        if base and best != base and support[base][0] * 2 > score:
            return base
        return best

    def _bare(self, base: str, lines: Sequence[str], wanted: frozenset[str]) -> str:
        """A one-word expertise ("Teaching") moves to the one more specific
        field whose alias holds it when the role or a sub-topic line is itself
        matched to that field ("Chemistry teacher"), and no line to the field
        the word matched ("Maths teacher")."""
        named = {self.match(line) for line in lines if self._adds(line, wanted) >= 1}
        specific = {
            slug
            for slug in named
            if slug and any(wanted <= alias for alias in self._aliases.get(slug, ()))
        }
        if base in named or len(specific) != 1:
            return base
        return specific.pop()

    def _adds(self, line: str, wanted: frozenset[str]) -> int:
        """How many words of its own a line adds to the expertise's."""
        return len({w for w in self._tokens(line) if w not in FILLER | ROLE | CONTEXT} - wanted)

    def _votes(self, slug: str, line: str, wanted: frozenset[str]) -> bool:
        """Whether one line, which adds two words of its own to the expertise's,
        is itself matched to the field."""
        return self._adds(line, wanted) >= MIN_CONTEXT_WORDS and self.match(line) == slug

    def _support(self, slug: str, lines: Sequence[str], wanted: frozenset[str]) -> tuple[int, bool]:
        """How strongly the lines name one field's own phrases, beyond the
        expertise's words, and whether that is enough to move a match."""
        score = 0
        covered = 0
        votes = 0
        for line in lines:
            tokens = self._tokens(line)
            cover: dict[int, int] = {}
            for span, key in self._phrases(tokens, line):
                if slug not in key.kinds or set(key.phrase) <= wanted | FILLER | ROLE:
                    continue  # another field's phrase, or one that repeats the expertise
                weight = key.weight(slug)
                if weight > WEIGHT["weak"]:
                    for i in span:
                        if tokens[i] not in wanted:  # "regulatory strategy" adds only "strategy"
                            cover[i] = max(cover.get(i, 0), weight * len(span))
            vote = self._votes(slug, line, wanted)
            votes += vote
            covered += len(cover)
            score += max(sum(cover.values()), LINE_VOTE if vote else 0)
        return score, votes > 0 or covered >= MIN_CONTEXT_WORDS
