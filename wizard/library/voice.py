"""How a tone sounds, per field family: read from ``voice.toml``.

Kept beside the loader rather than inside it: the tone profile is its only
reader, and the file's shape (examples per family and dimension) is its own.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VOICE_FILE = Path(__file__).with_name("voice.toml")
EXPERTISE_DIR = Path(__file__).with_name("expertise")
SECTORS_FILE = Path(__file__).with_name("sectors.toml")
FAMILIES_FILE = Path(__file__).with_name("families.toml")
DIMENSIONS = ("humour", "formality", "respect", "enthusiasm")
GENERAL = "general"
# Codes the country list offers beside the ISO one ("UK" beside "GB"), as the loader reads them.
COUNTRY_ALIASES = {"UK": "GB"}
# The comfort rungs with their own sentence on how much of a view a person puts
# forward: voice.toml's ``presence`` (rungs 1-2), ``presence3``, ``presence4``, ``presence5``.
PRESENCE_RUNGS = (3, 4, 5)
# The comfort rungs from which a family's examples may step up (``examples3``,
# ``examples4``): a line that follows the standard way "most of the time" suits
# someone taking their first steps, not someone who argues in public with peers.
EXAMPLE_RUNGS = (3, 4)


@dataclass(frozen=True)
class FamilyVoice:
    """Where a field family starts on each scale, and what each end sounds like."""

    slug: str
    formal: bool
    defaults: Mapping[str, int]
    avoid: tuple[str, ...]
    examples: Mapping[str, tuple[str, str, str]]  # dimension -> (left end, middle, right end)
    # rung -> the same, for that comfort rung and the ones above it (``examples3``...)
    by_rung: Mapping[int, Mapping[str, tuple[str, str, str]]] = field(default_factory=dict)

    def examples_at(self, rung: int) -> Mapping[str, tuple[str, str, str]]:
        """The examples for a comfort rung: the highest step at or below it, else
        the family's first (rung 0, not known, hears the first)."""
        steps = [r for r in self.by_rung if r <= rung]
        return self.by_rung[max(steps)] if steps else self.examples


@dataclass(frozen=True)
class Voice:
    """Everything ``voice.toml`` holds."""

    advice: str
    formal_note: str
    behaviours: Mapping[str, tuple[str, str]]  # dimension -> (left, right)
    words: Mapping[str, Mapping[str, tuple[str, ...]]]  # dimension -> left_use/... -> words
    channels: Mapping[str, str]
    families: Mapping[str, FamilyVoice]
    # field slug -> examples (some or all dimensions), avoid, family_avoid
    fields: Mapping[str, Mapping] = field(default_factory=dict)
    # (field slug, sector slug) -> the same, for the field's people in that sector
    in_sectors: Mapping[tuple[str, str], Mapping] = field(default_factory=dict)
    # (field slug, country code) -> the same, for the field's people in that country:
    # a US electrician's board is a panel tested to the NEC, not to BS 7671
    in_countries: Mapping[tuple[str, str], Mapping] = field(default_factory=dict)
    # field slug -> ((settings, the same as ``fields``), ...): for the field's
    # people who name one of those settings (a farm vet, not a small animal one)
    in_settings: Mapping[str, tuple[tuple[tuple[str, ...], Mapping], ...]] = field(
        default_factory=dict
    )
    # "families" / "sectors" / "fields" -> slug -> what an expert names behind a claim
    evidence: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # the same keys -> what the field's people call the work they learn from ("patients")
    cases: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # the same keys -> how someone taking their first steps puts a view forward there
    presence: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # rung (3, 4, 5) -> the same keys -> how much of a view someone at that rung puts forward
    presence_by_rung: Mapping[int, Mapping[str, Mapping[str, str]]] = field(default_factory=dict)
    # the same keys -> slug -> "<dimension>.<side>_use" -> words that sound like the
    # field's people, read over ``words`` for that list alone
    own_words: Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]] = field(
        default_factory=dict
    )
    # sector slug -> examples and avoid words for a field Byline does not place
    sector_voices: Mapping[str, Mapping] = field(default_factory=dict)

    def presence_for(
        self,
        field_slug: str | None,
        family: str | None,
        sectors: Iterable[str] = (),
        rung: int = 1,
    ) -> str:
        """How much of a view someone at comfort ``rung`` puts forward, in their
        field's terms and within its rules, looked up as `evidence_for` looks
        up: rungs 1-2 share the first steps, 3, 4 and 5 each have their own."""
        table = self.presence_by_rung.get(rung, self.presence) if rung > 2 else self.presence
        return _most_specific(table, field_slug, family, sectors)

    def words_for(
        self, field_slug: str | None, family: str | None, sectors: Iterable[str] = ()
    ) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
        """The words that sound like each end of each scale, with each list in
        the field's own terms where voice.toml gives them (a nurse's "the audit
        showed", a solicitor's "in practice"): the field's list wins, then its
        first sector's that has one, then its family's, then the general one."""
        sectors = tuple(sectors)
        words = {d: dict(lists) for d, lists in self.words.items()}
        for dimension, lists in words.items():
            for key in lists:
                tables = {
                    kind: {
                        slug: own[f"{dimension}.{key}"]
                        for slug, own in by_slug.items()
                        if f"{dimension}.{key}" in own
                    }
                    for kind, by_slug in self.own_words.items()
                }
                found = _most_specific(tables, field_slug, family, sectors)
                if found:
                    lists[key] = found
        return words

    def cases_for(
        self, field_slug: str | None, family: str | None, sectors: Iterable[str] = ()
    ) -> str:
        """What the person's field calls the work their experience comes from, as a
        plural ("patients", "projects"), looked up as `evidence_for` looks up."""
        return _most_specific(self.cases, field_slug, family, sectors) or "work"

    def evidence_for(
        self, field_slug: str | None, family: str | None, sectors: Iterable[str] = ()
    ) -> str:
        """What someone posting as an expert names behind each claim, in their
        field's words: the field's own sentence, else its first sector's that has
        one, else its family's, else the general one."""
        return _most_specific(self.evidence, field_slug, family, sectors)

    def family(self, slug: str | None) -> FamilyVoice:
        """The voice of a field family, or the general one."""
        return self.families.get(slug or GENERAL) or self.families[GENERAL]

    def setting_entry(
        self, field_slug: str | None, named: Callable[[Sequence[str]], bool] | None
    ) -> Mapping | None:
        """The field's entry for a setting the person names (``named`` says
        whether a list of settings is named), the first in the file; else None."""
        if named is None:
            return None
        entries = self.in_settings.get(field_slug or "", ())
        return next((own for settings, own in entries if named(settings)), None)

    def for_field(
        self,
        field_slug: str | None,
        family: str | None,
        sectors: Iterable[str] = (),
        named: Callable[[Sequence[str]], bool] | None = None,
        country: str = "",
    ) -> FamilyVoice:
        """A field's own examples where it has them, on its family's starting point.

        A field may give its own sentences for some dimensions only; the
        others are its family's, which every field in the family can sign.
        Where the field's people in one of their ``sectors`` sound different
        (a charity's public affairs manager campaigns where a civil servant
        stays neutral), that sector's entry for the field, the first of
        ``sectors`` to have one, reads over the field's own. Where the person
        names a setting the field has an entry for (``named``), that entry
        stands in for the field's own (its examples, words to avoid and terms):
        a farm vet hears the calf pen, not the cat's teeth. Where the field's
        rules and words are one country's (an electrician's wiring
        regulations), its entry for the person's ``country`` (an ISO code)
        reads over its own, and a sector's entry over that.
        """
        voice = self.family(family)
        slug = field_slug or ""
        if voice.slug == GENERAL and slug not in self.fields:
            # A field Byline does not place hears its sector, not another sector's words.
            own = next((self.sector_voices[s] for s in sectors if s in self.sector_voices), None)
            if own:
                voice = _over(voice, own)
        in_sector = next(
            (self.in_sectors[(slug, s)] for s in sectors if (slug, s) in self.in_sectors), None
        )
        in_setting = self.setting_entry(slug, named)
        own_entry = in_setting or self.fields.get(slug)
        code = COUNTRY_ALIASES.get(country, country)
        # A setting's entry is its own people's whole voice: a country's entry for
        # the field's main setting (a US small animal vet's) never reads over it.
        in_country = self.in_countries.get((slug, code)) if code and not in_setting else None
        for own in (own_entry, in_country, in_sector):
            if own:
                voice = _over(voice, own)
        return voice


def _most_specific(
    tables: Mapping[str, Mapping[str, Any]],
    field_slug: str | None,
    family: str | None,
    sectors: Iterable[str],
) -> Any:
    """The field's own entry of ``tables``, else its first sector's that has one,
    else its family's, else the general one ('' when there is none)."""
    own = tables.get("fields", {}).get(field_slug or "")
    by_sector = tables.get("sectors", {})
    in_sector = next((by_sector[s] for s in sectors if s in by_sector), None)
    families = tables.get("families", {})
    return own or in_sector or families.get(family or "") or families.get(GENERAL) or ""


def _over(base: FamilyVoice, own: Mapping) -> FamilyVoice:
    """``own`` examples and words to avoid read over ``base``: its sentences
    replace the dimensions it gives, its words come first, and where it names
    the ``family_avoid`` words it keeps, the base's others are left out."""
    keep = own.get("family_avoid")
    inherited = base.avoid if keep is None else tuple(w for w in base.avoid if w in keep)
    return FamilyVoice(
        slug=base.slug,
        formal=base.formal,
        defaults=base.defaults,
        avoid=tuple(dict.fromkeys((*own["avoid"], *inherited))),
        examples={**base.examples, **own["examples"]},
        # A field's or a sector's own sentences hold at every rung.
        by_rung={r: {**ex, **own["examples"]} for r, ex in base.by_rung.items()},
    )


def _examples(
    slug: str, data: Mapping, dimensions: tuple[str, ...] = DIMENSIONS
) -> dict[str, tuple[str, str, str]]:
    """Three different sentences (left end, middle, right end) per dimension."""
    examples = {}
    unknown = set(data["examples"]) - set(DIMENSIONS)
    if unknown:
        raise ValueError(f"voice.toml: {slug!r} has examples for unknown {sorted(unknown)}")
    for dimension in dimensions:
        sentences = tuple(data["examples"][dimension])
        if len(sentences) != 3 or not all(s.strip() for s in sentences):
            raise ValueError(f"voice.toml: {slug!r} needs three {dimension} examples")
        if len(set(sentences)) != 3:
            raise ValueError(f"voice.toml: {slug!r} repeats a {dimension} example")
        examples[dimension] = sentences
    return examples


def _field(data: Mapping, family_words: frozenset[str]) -> dict:
    """A field's own examples: for one or more dimensions, for a field the
    library has; ``family_avoid`` (optional) names the family's words to avoid
    that the field keeps, each one a word some family lists."""
    slug = data["slug"]
    if not (EXPERTISE_DIR / f"{slug}.toml").is_file():
        raise ValueError(f"voice.toml: field {slug!r} has no file in expertise/")
    given = tuple(d for d in DIMENSIONS if d in data.get("examples", {}))
    if not given:
        raise ValueError(f"voice.toml: field {slug!r} gives no examples")
    keep = data.get("family_avoid")
    unknown = sorted(set(keep or ()) - family_words)
    if unknown:
        raise ValueError(f"voice.toml: field {slug!r} keeps {unknown}, which no family avoids")
    return {
        "examples": _examples(slug, data, given),
        "avoid": tuple(data.get("avoid", ())),
        "family_avoid": None if keep is None else tuple(keep),
        "terms": tuple(data.get("terms", ())),
    }


def _family(data: Mapping) -> FamilyVoice:
    slug = data["slug"]
    examples = _examples(slug, data)
    defaults = {d: int(data["defaults"][d]) for d in DIMENSIONS}
    if not all(1 <= value <= 5 for value in defaults.values()):
        raise ValueError(f"voice.toml: family {slug!r} has a default outside 1-5")
    by_rung = {
        rung: _examples(f"{slug} examples{rung}", {"examples": data[f"examples{rung}"]})
        for rung in EXAMPLE_RUNGS
        if f"examples{rung}" in data
    }
    return FamilyVoice(
        slug, bool(data["formal"]), defaults, tuple(data["avoid"]), examples, by_rung
    )


@functools.cache
def load_voice() -> Voice:
    """Load (once per process) and return ``voice.toml``."""
    with open(VOICE_FILE, "rb") as handle:
        data = tomllib.load(handle)
    families = {f["slug"]: _family(f) for f in data["families"]}
    family_words = frozenset(w for f in families.values() for w in f.avoid)
    listed = data.get("fields", ())
    keys = [
        (f["slug"], f.get("sector", ""), tuple(f.get("settings", ())), country)
        for f in listed
        for country in f.get("countries", ("",))
    ]
    if len(keys) != len(set(keys)):
        raise ValueError(
            "voice.toml: a field is listed twice (for one sector, one country, or for none)"
        )
    if any(sum(key in f for key in ("sector", "settings", "countries")) > 1 for f in listed):
        raise ValueError(
            "voice.toml: a field's entry is for a sector, for settings or for countries, "
            "one at a time"
        )
    fields = {
        f["slug"]: _field(f, family_words)
        for f in listed
        if not {"sector", "settings", "countries"} & set(f)
    }
    in_countries = {
        (f["slug"], code): _field(f, family_words)
        for f in listed
        if "countries" in f
        for code in _countries(f)
    }
    in_sectors = {
        (f["slug"], f["sector"]): _field(f, family_words) for f in listed if "sector" in f
    }
    in_settings: dict[str, list] = {}
    for f in listed:
        if "settings" in f:
            if not f["settings"] or not all(isinstance(w, str) and w for w in f["settings"]):
                raise ValueError(f"voice.toml: field {f['slug']!r} needs a list of settings")
            entry = (tuple(f["settings"]), _field(f, family_words))
            in_settings.setdefault(f["slug"], []).append(entry)
    if in_sectors:
        with open(SECTORS_FILE, "rb") as handle:
            known = {s["slug"] for s in tomllib.load(handle)["sectors"]}
        for slug, sector in in_sectors:
            if sector not in known:
                raise ValueError(f"voice.toml: field {slug!r} names unknown sector {sector!r}")
    if GENERAL not in families:
        raise ValueError("voice.toml: a 'general' family is required")
    evidence = _by_slug("evidence", data.get("evidence", {}), sentences=True)
    cases = _by_slug("cases", data.get("cases", {}), sentences=False)
    presence = _by_slug("presence", data.get("presence", {}), sentences=True)
    presence_by_rung = {
        rung: _by_slug(f"presence{rung}", data.get(f"presence{rung}", {}), sentences=True)
        for rung in PRESENCE_RUNGS
    }
    _same_reach(presence, presence_by_rung)
    words = {d: {k: tuple(v) for k, v in w.items()} for d, w in data["words"].items()}
    own_words = _own_words(data.get("own_words", {}), words)
    sector_voices = _sector_voices(data.get("sector_voices", ()))
    return Voice(
        advice=data["advice"],
        formal_note=data["formal_note"],
        behaviours={d: (b["left"], b["right"]) for d, b in data["behaviours"].items()},
        words=words,
        channels=dict(data["channels"]),
        families=families,
        fields=fields,
        in_sectors=in_sectors,
        in_countries=in_countries,
        in_settings={slug: tuple(entries) for slug, entries in in_settings.items()},
        evidence=evidence,
        cases=cases,
        presence=presence,
        presence_by_rung=presence_by_rung,
        own_words=own_words,
        sector_voices=sector_voices,
    )


def _countries(entry: Mapping) -> tuple[str, ...]:
    """A field entry's ``countries``: two-letter ISO codes in capitals ("GB" for
    the United Kingdom), at least one, for a field the library has its own entry for."""
    codes = entry["countries"]
    if not codes or not all(isinstance(c, str) and re.fullmatch(r"[A-Z]{2}", c) for c in codes):
        raise ValueError(f"voice.toml: field {entry['slug']!r} needs country codes such as 'US'")
    return tuple(codes)


def _same_reach(first: Mapping[str, Mapping[str, str]], by_rung: Mapping[int, Mapping]) -> None:
    """Every family, sector and field with its own first steps (``presence``) has
    its own sentence at every later rung too: a nurse who heard "patterns across
    many patients" at rung 1 is not told at rung 5 in words that forget them."""
    for rung, tables in by_rung.items():
        for kind, table in first.items():
            missing = sorted(set(table) - set(tables.get(kind, {})))
            if missing:
                raise ValueError(f"voice.toml: presence{rung}.{kind} lacks {missing}")


def _known_slugs() -> dict[str, set[str]]:
    """The slugs a voice table may name, by kind: the families (and "general"),
    the sectors and the fields Byline knows."""
    return {
        "families": {*_slugs(FAMILIES_FILE, "families"), GENERAL},
        "sectors": _slugs(SECTORS_FILE, "sectors"),
        "fields": {p.stem for p in EXPERTISE_DIR.glob("*.toml")},
    }


def _own_words(
    data: Mapping, words: Mapping[str, Mapping[str, tuple[str, ...]]]
) -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """``[own_words.<families|sectors|fields>.<slug>]``: lists keyed
    "<dimension>.<key>" (``enthusiasm.right_use``), each one a list [words] has,
    given as a few words or phrases, for a slug Byline knows."""
    unknown = set(data) - {"families", "sectors", "fields"}
    if unknown:
        raise ValueError(f"voice.toml: own_words has unknown tables {sorted(unknown)}")
    known = _known_slugs()
    tables: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    for kind, table in data.items():
        for slug, lists in table.items():
            if slug not in known[kind]:
                raise ValueError(f"voice.toml: own_words.{kind} names unknown {slug!r}")
            own = {}
            for dimension, keys in lists.items():
                for key, phrases in keys.items():
                    where = f"own_words.{kind}.{slug}.{dimension}.{key}"
                    if key not in words.get(dimension, {}):
                        raise ValueError(f"voice.toml: {where} is not a list of [words]")
                    if not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
                        raise ValueError(f"voice.toml: {where} needs a list of words")
                    own[f"{dimension}.{key}"] = tuple(phrases)
            tables.setdefault(kind, {})[slug] = own
    return tables


def _sector_voices(entries: Iterable[Mapping]) -> dict[str, dict]:
    """``[[sector_voices]]``: examples and words to avoid for people in a sector
    whose field Byline does not place (an NHS radiographer, a council engineer),
    read over the general family's, so they hear no "clients" they do not have."""
    with open(SECTORS_FILE, "rb") as handle:
        known = {s["slug"] for s in tomllib.load(handle)["sectors"]}
    voices: dict[str, dict] = {}
    for entry in entries:
        slug = entry["slug"]
        if slug not in known:
            raise ValueError(f"voice.toml: sector_voices names unknown sector {slug!r}")
        if slug in voices:
            raise ValueError(f"voice.toml: sector_voices lists {slug!r} twice")
        given = tuple(d for d in DIMENSIONS if d in entry.get("examples", {}))
        voices[slug] = {
            "examples": _examples(slug, entry, given),
            "avoid": tuple(entry.get("avoid", ())),
            "family_avoid": None,
        }
    return voices


def _by_slug(name: str, data: Mapping, *, sentences: bool) -> dict[str, dict[str, str]]:
    """The ``name`` tables (``evidence``, ``cases``), each key a slug Byline knows: a
    family (families.toml, or "general", which is required), a sector (sectors.toml)
    or a field (an expertise file); each value one full sentence (``sentences``)
    or a few lowercase words."""
    unknown = set(data) - {"families", "sectors", "fields"}
    if unknown:
        raise ValueError(f"voice.toml: {name} has unknown tables {sorted(unknown)}")
    known = _known_slugs()
    tables: dict[str, dict[str, str]] = {}
    for kind, table in data.items():
        for slug, sentence in table.items():
            if slug not in known[kind]:
                raise ValueError(f"voice.toml: {name}.{kind} names unknown {slug!r}")
            text = sentence.strip() if isinstance(sentence, str) else ""
            if sentences and (not text[:1].isupper() or not text.endswith(".")):
                raise ValueError(f"voice.toml: {name}.{kind}.{slug} needs one full sentence")
            if not sentences and not re.fullmatch(r"[a-z][a-z -]*[a-z]", text):
                raise ValueError(f"voice.toml: {name}.{kind}.{slug} needs a few lowercase words")
        tables[kind] = {str(k): str(v).strip() for k, v in table.items()}
    if GENERAL not in tables.get("families", {}):
        raise ValueError(f"voice.toml: {name}.families needs a 'general' entry")
    return tables


def _slugs(path: Path, key: str) -> set[str]:
    """The slugs of a library file's ``[[key]]`` entries."""
    with open(path, "rb") as handle:
        return {entry["slug"] for entry in tomllib.load(handle)[key]}
