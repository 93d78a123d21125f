"""Which country a province, region or district lies in, from ISO 3166-2 (``pycountry``).

A fallback for places the gazetteer does not list: "Aceh" -> Indonesia,
"Idlib" -> Syria, "Jaffna" -> Sri Lanka. Only names that belong to one
country count ("Punjab" is in India and in Pakistan, so it gives nothing), and
it never creates a mention: it only tells the relation rules where a place the
text names lies ("withdrew from Bunia", "struck targets in Idlib").

>>> subdivision_country("Idlib")
'SYR'
>>> subdivision_country("Punjab") is None
True
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

#: Words ISO names add that the press leaves out ("Hebron Governorate" -> "Hebron").
_SUFFIXES = (" province", " governorate", " region", " district", " state", " oblast", " prefecture",
             " department", " county", " municipality")


@lru_cache(maxsize=1)
def _index() -> dict[str, set[str]]:
    import pycountry

    index: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = sub.name.lower()
        index[name].add(country.alpha_3)
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 2:
                index[name[: -len(suffix)]].add(country.alpha_3)
    return dict(index)


def subdivision_country(name: str) -> str | None:
    """ISO alpha-3 code of the one country with a subdivision of this name, else None."""
    key = name.lower().strip()
    for suffix in _SUFFIXES:
        if key.endswith(suffix):
            key = key[: -len(suffix)]
            break
    codes = _index().get(key)
    return next(iter(codes)) if codes and len(codes) == 1 else None
