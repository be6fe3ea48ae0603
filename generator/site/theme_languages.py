"""Material's interface words for a language Material does not translate (Lao, say).

Material reads its words from `partials/languages/<theme.language>.html` and stops the build
when there is none. The way Material documents to add a language is such a partial in the
theme's `custom_dir`; a fork may write one there (theme/partials/languages/lo.html) and it is
used. Until it does, this gives the environment a stand-in that says only which language the
page is in (`<html lang="lo">`); every other word falls back to English, as Material's
`partials/language.html` does for any word a language lacks.
"""

from __future__ import annotations

from collections.abc import Iterable

import jinja2

_PARTIAL = "partials/languages/{code}.html"
_STAND_IN = '{% macro t(key) %}{{ {"language": "CODE"}[key] }}{% endmacro %}\n'


def missing_languages(env: jinja2.Environment, codes: Iterable[str]) -> list[str]:
    """The languages neither Material nor the theme's custom_dir has words for."""
    missing = []
    for code in codes:
        try:
            env.get_template(_PARTIAL.format(code=code))
        except jinja2.TemplateNotFound:
            missing.append(code)
    return missing


def with_stand_ins(env: jinja2.Environment, codes: Iterable[str]) -> list[str]:
    """Add a stand-in partial for each language in `codes` that has none (after the theme's
    own folders, which keep priority); the languages that got one, for a warning."""
    missing = missing_languages(env, codes)
    if missing and env.loader is not None:
        stand_ins = {
            _PARTIAL.format(code=code): _STAND_IN.replace("CODE", code) for code in missing
        }
        env.loader = jinja2.ChoiceLoader([env.loader, jinja2.DictLoader(stand_ins)])
    return missing
