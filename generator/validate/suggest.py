""" "Did you mean …?": the id a contributor most likely meant, found by id or by name.

A Thai researcher types what the document says — `ลำปาง`, `การมีส่วนร่วมของประชาชน` — where
the file wants an id (`lampang`, `participation`). So names and labels, in every language,
count as much as the ids themselves: an exact name gives its id for certain, a near one
(a typo, a missing word) is offered as a guess.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

# Same cut-off for ids and names: `khon-kean` → `khon-kaen`, `การมีส่วนร่วม` →
# `participation` (its label `การมีส่วนร่วมของประชาชน`), but not `pattaya` → `yala`.
_CUTOFF = 0.6


@dataclass(frozen=True)
class Suggestion:
    id: str
    label: str  # the name it is known by, or "" when the id itself matched
    exact: bool  # the value *is* this term's id or name, only written differently


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("_", "-").split())


def closest(value: object, choices: Mapping[str, Sequence[str]]) -> Suggestion | None:
    """The id in `choices` (id → its names) that `value` most likely means, or None."""
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        return None
    typed = _key(str(value))
    if not typed:
        return None
    names: list[tuple[str, str, str]] = []  # (compared text, id, label shown)
    for id_, labels in choices.items():
        names.append((_key(str(id_)), str(id_), ""))
        names += [(_key(label), str(id_), label) for label in labels if label]
    for text, id_, label in names:
        if text == typed or text.replace(" ", "-") == typed.replace(" ", "-"):
            return Suggestion(id_, label, exact=True)
    best: tuple[float, str, str] | None = None
    for text, id_, label in names:
        ratio = difflib.SequenceMatcher(None, typed, text).ratio()
        if ratio >= _CUTOFF and (best is None or ratio > best[0]):
            best = (ratio, id_, label)
    return Suggestion(best[1], best[2], exact=False) if best else None


def closest_key(key: str, candidates: Iterable[str]) -> str | None:
    """The field name a misspelt key most likely means (`summery` → `summary`)."""
    found = difflib.get_close_matches(key.casefold(), list(candidates), n=1, cutoff=_CUTOFF)
    return found[0] if found else None
