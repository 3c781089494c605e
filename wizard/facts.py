"""Keeping a framework's dashboard facts in step with its answers.

A programme's dashboard counts `models.programmes.FrameworkFact` rows, never
the answers themselves, so every path that writes answers (a wizard step,
planning the next period, an import) stores the facts those answers now
make, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models.frameworks import Framework, store_facts
from wizard.library import Library, load_library
from wizard.programme import company_theme_ids, framework_facts, terms_for


def keep_facts(
    framework: Framework,
    answers: Mapping[str, Mapping[str, Any]] | None = None,
    library: Library | None = None,
) -> None:
    """Store the facts of ``answers`` (by default the framework's own, as they
    stand in this session) for ``framework``'s programme dashboard."""
    library = library or load_library()
    saved = framework.answer_map() if answers is None else answers
    terms = terms_for(framework.programme, library)
    facts = framework_facts(saved, library, company_theme_ids(terms))
    store_facts(framework.id, framework.programme_id, facts)


__all__ = ["keep_facts"]
