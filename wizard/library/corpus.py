"""Measures matching against a corpus of typed expertise and expected fields.

    python -m wizard.library.corpus [CORPUS.toml]

prints precision (of the fields Byline names, how many are right), recall
(of the texts that name a field the library has, how many it finds), the
share of the library's fields found at least once, and every miss and
wrong match. The corpus is tests/data/expertise_corpus.toml: typed texts
alone (``cases``), and typed texts with a role and sub-topics
(``in_context``), matched as step 1 matches them.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from wizard.library.loader import Library, load_library

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "expertise_corpus.toml"


@dataclass(frozen=True)
class Outcome:
    """One typed text: what was expected ("" for none) and what Byline found."""

    typed: str
    expected: str
    found: str


@dataclass(frozen=True)
class Report:
    """The corpus's outcomes and the numbers that sum them up."""

    outcomes: tuple[Outcome, ...]
    fields: int

    @property
    def wrong(self) -> list[Outcome]:
        """A field named where another, or none, was expected."""
        return [o for o in self.outcomes if o.found and o.found != o.expected]

    @property
    def missed(self) -> list[Outcome]:
        """No field named where one was expected."""
        return [o for o in self.outcomes if o.expected and not o.found]

    @property
    def precision(self) -> float:
        """Of the texts matched to a field, the share matched to the right one."""
        named = [o for o in self.outcomes if o.found]
        return sum(o.found == o.expected for o in named) / len(named) if named else 1.0

    @property
    def recall(self) -> float:
        """Of the texts that name a field of the library, the share found."""
        wanted = [o for o in self.outcomes if o.expected]
        return sum(o.found == o.expected for o in wanted) / len(wanted) if wanted else 1.0

    @property
    def fields_found(self) -> set[str]:
        """The fields matched correctly at least once."""
        return {o.found for o in self.outcomes if o.found and o.found == o.expected}

    @property
    def field_coverage(self) -> float:
        """The share of the library's fields found at least once."""
        return len(self.fields_found) / self.fields if self.fields else 1.0


def read_corpus(path: Path = CORPUS) -> list[tuple[str, str]]:
    """The (typed, expected slug or "") pairs of a corpus file."""
    with open(path, "rb") as handle:
        return [(str(typed), str(expected)) for typed, expected in tomllib.load(handle)["cases"]]


def read_context_corpus(path: Path = CORPUS) -> list[tuple[dict[str, str], str]]:
    """The (step 1 work answer, expected slug or "") pairs of a corpus file's
    ``in_context`` cases: expertise, role, sub-topics and the field expected."""
    with open(path, "rb") as handle:
        rows = tomllib.load(handle).get("in_context", [])
    return [
        (
            {"expertise": str(typed), "role": str(role), "subtopics": "\n".join(map(str, topics))},
            str(expected),
        )
        for typed, role, topics, expected in rows
    ]


def measure(
    library: Library,
    cases: list[tuple[str, str]],
    in_context: list[tuple[dict[str, str], str]] = (),  # type: ignore[assignment]
) -> Report:
    """Match every case (with its role and sub-topics, for ``in_context``)
    and collect the outcomes."""
    outcomes = []
    for typed, expected in cases:
        area = library.match_expertise(typed)
        outcomes.append(Outcome(typed, expected, area.slug if area else ""))
    for work, expected in in_context:
        area = library.field_for(work)
        typed = f"{work['expertise']} | {work['role']} | {work['subtopics']!r}"
        outcomes.append(Outcome(typed, expected, area.slug if area else ""))
    return Report(tuple(outcomes), len(library.areas))


def describe(report: Report) -> str:
    """The report as text for a terminal."""
    lines = [
        f"{len(report.outcomes)} typed texts, "
        f"{sum(1 for o in report.outcomes if o.expected)} naming a field of the library",
        f"precision {report.precision:.1%}  ({len(report.wrong)} wrong matches)",
        f"recall    {report.recall:.1%}  ({len(report.missed)} missed)",
        f"fields found {len(report.fields_found)} of {report.fields} ({report.field_coverage:.1%})",
    ]
    lines += [
        f"  wrong: {o.typed!r} -> {o.found} (expected {o.expected or 'none'})" for o in report.wrong
    ]
    lines += [f"  missed: {o.typed!r} (expected {o.expected})" for o in report.missed]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the report for the corpus given, or the default one."""
    path = Path(argv[0]) if argv else CORPUS
    print(describe(measure(load_library(), read_corpus(path), read_context_corpus(path))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
