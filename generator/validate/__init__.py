"""Stage 2 — validate: every rule over every file, all problems in one pass."""

from __future__ import annotations

from typing import Any

from ..load import LoadedContent
from ..problems import Problems
from . import crossref
from .body import check_body
from .schema import KIND_SCHEMAS, SchemaChecker
from .sources import check_evidence


def reference_sets(loaded: LoadedContent) -> dict[str, dict[Any, Any]]:
    """Everything a field may point at: vocabularies, the source registry, other case files."""
    sets: dict[str, dict[Any, Any]] = {name: loaded.vocabulary(name)
                                       for name in ("themes", "regions", "sdgs")}
    sets["sources"] = loaded.sources.data if loaded.sources else {}
    for kind in crossref.CASE_KINDS:
        sets[kind] = dict.fromkeys(loaded.documents.get(kind, {}))
    return sets


def validate(loaded: LoadedContent) -> Problems:
    problems = Problems()
    checker = SchemaChecker(reference_sets(loaded))
    primary = loaded.config.primary.code
    for doc in loaded.all_documents():
        schema = KIND_SCHEMAS[doc.found.kind] if doc.found.lang == primary else "translation"
        problems.extend(checker.check(schema, doc.front, doc.rel, doc.position))
        problems.extend(check_body(doc, loaded.config.content_dir))
    if loaded.sources is not None:
        problems.extend(checker.check("sources", loaded.sources.data, loaded.sources.rel,
                                      loaded.sources.position))
        problems.extend(check_evidence(loaded.sources))
    for data_file in loaded.vocabularies.values():
        problems.extend(checker.check("vocabulary", data_file.data, data_file.rel,
                                      data_file.position))
    problems.extend(crossref.check_ids(loaded))
    problems.extend(crossref.check_translations(loaded))
    problems.extend(crossref.check_periods(loaded))
    problems.extend(crossref.check_event_dates(loaded))
    problems.extend(crossref.check_needs_research(loaded))
    problems.extend(crossref.check_reserved_pages(loaded))
    return problems
