"""Stage 2 — validate: every rule over every file, all problems in one pass."""

from __future__ import annotations

from typing import Any

from ..load import LoadedContent
from ..problems import Problems
from . import crossref
from .body import check_body
from .schema import KIND_SCHEMAS, SchemaChecker, localisation
from .sources import check_evidence

# The field that names a case of each kind (in the Thai file).
_NAME_FIELDS = {"cities": "name", "projects": "title", "lessons": "title", "events": "title"}


def reference_sets(loaded: LoadedContent) -> dict[str, dict[str, dict[str, str]]]:
    """Everything a field may point at — vocabularies, the source registry, other case
    files — each id with its names ({th: ลำปาง, en: Lampang}), so that a name typed where
    its id belongs can be recognised."""
    sets = {
        name: {str(id_): _names(entry, "label") for id_, entry in loaded.vocabulary(name).items()}
        for name in ("themes", "regions", "sdgs")
    }
    registry = loaded.sources.data if loaded.sources else {}
    sets["sources"] = {str(id_): _names(entry, "title") for id_, entry in registry.items()}
    for kind in crossref.CASE_KINDS:
        sets[kind] = {}
        for id_, by_lang in loaded.documents.get(kind, {}).items():
            primary = by_lang.get(loaded.config.primary.code)
            sets[kind][id_] = _names(primary.front if primary else {}, _NAME_FIELDS[kind])
    return sets


def _names(entry: Any, field: str) -> dict[str, str]:
    names = entry.get(field) if isinstance(entry, dict) else None
    if not isinstance(names, dict):
        return {}
    return {str(lang): text for lang, text in names.items() if isinstance(text, str) and text}


def validate(loaded: LoadedContent) -> Problems:
    problems = Problems()
    checker = SchemaChecker(reference_sets(loaded), localisation(loaded.config))
    primary = loaded.config.primary.code
    for doc in loaded.all_documents():
        schema = KIND_SCHEMAS[doc.found.kind] if doc.found.lang == primary else "translation"
        problems.extend(checker.check(schema, doc.front, doc.rel, doc.position))
        problems.extend(checker.untranslated(schema, doc.front, doc.rel, doc.position))
        problems.extend(check_body(doc, loaded.config.content_dir))
    if loaded.sources is not None:
        registry = loaded.sources
        problems.extend(checker.check("sources", registry.data, registry.rel, registry.position))
        problems.extend(
            checker.untranslated("sources", registry.data, registry.rel, registry.position)
        )
        problems.extend(check_evidence(registry))
    for data_file in loaded.vocabularies.values():
        problems.extend(
            checker.check("vocabulary", data_file.data, data_file.rel, data_file.position)
        )
    problems.extend(crossref.check_ids(loaded))
    problems.extend(crossref.check_translations(loaded))
    problems.extend(crossref.check_periods(loaded))
    problems.extend(crossref.check_event_dates(loaded))
    problems.extend(crossref.check_needs_research(loaded))
    problems.extend(crossref.check_reserved_pages(loaded))
    return problems
