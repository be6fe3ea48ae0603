"""Settings in mkdocs.yml that name content: each id in `nav_pages` is a page of
content/pages/, and `figures.cohort` is a round that some city or project is of.

A fork that removed the examples (`remove-examples`) but kept this archive's settings is told,
at the line of mkdocs.yml to change; meanwhile the site leaves the missing page out of the menu
(`Renderer._nav`) and counts every case under no round's name (`render.scope.scope_of`).
"""

from __future__ import annotations

from ..config import setting_line
from ..load import LoadedContent
from ..messages import problem
from ..problems import Problem, Severity, relative


def check_settings(loaded: LoadedContent) -> list[Problem]:
    config = loaded.config
    config_file = config.config_file or config.root / "mkdocs.yml"
    path = relative(config_file, config.root)
    problems = []
    pages = loaded.documents.get("pages", {})
    for page in config.settings.get("nav_pages") or []:
        if str(page) not in pages:
            problems.append(
                problem(
                    "setting-missing-page",
                    path,
                    setting_line(config_file, "nav_pages"),
                    field="nav_pages",
                    severity=Severity.WARNING,
                    value=page,
                )
            )
    cohort = (config.settings.get("figures") or {}).get("cohort")
    if cohort is not None and not round_has_cases(loaded, str(cohort)):
        problems.append(
            problem(
                "setting-empty-round",
                path,
                setting_line(config_file, "figures.cohort"),
                field="figures.cohort",
                severity=Severity.WARNING,
                value=cohort,
            )
        )
    return problems


def round_has_cases(loaded: LoadedContent, cohort: str) -> bool:
    """Whether a city (`cohort`) or a project (`round`) is of this programme round."""
    return any(
        doc.front.get("cohort") == cohort for doc in loaded.primaries("cities").values()
    ) or any(doc.front.get("round") == cohort for doc in loaded.primaries("projects").values())
