"""Language identification: news in other languages is skipped, not mis-parsed as English.

langdetect is seeded, so the same text always gets the same answer. Short
texts are not judged (detection is unreliable below a few sentences): they
are kept as English.
"""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _factory():
    from langdetect import DetectorFactory

    DetectorFactory.seed = 0
    return DetectorFactory


def detect(text: str, *, min_chars: int = 200) -> tuple[str, float] | None:
    """``(language code, probability)`` of ``text``; None when it is too short to judge.

    >>> detect("La Russie fournit une aide militaire et technique à l'Irak et à la Syrie, "
    ...        "a déclaré le président Vladimir Poutine lundi devant l'Assemblée générale.", min_chars=50)[0]
    'fr'
    >>> detect("Too short.") is None
    True
    """
    sample = " ".join(text[:4000].split())
    if len(sample) < min_chars:
        return None
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    _factory()
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return None
    return best.lang, best.prob


# Words common in any English text and rare in other languages' running text.
_ENGLISH = frozenset("the and of to that was with for said has have were from which will this are its been would "
                     "their they after who".split())


def looks_english(text: str) -> bool:
    """A fast yes for ordinary English prose: at least 15% of its words are English function words.

    >>> looks_english("Russia said on Monday that it will keep supplying the army of Syria with weapons.")
    True
    >>> looks_english("La Russie a déclaré lundi qu'elle continuerait à fournir des armes à la Syrie.")
    False
    """
    import re

    words = re.findall(r"[a-z]+", text[:4000].lower())
    return len(words) >= 12 and sum(w in _ENGLISH for w in words) >= 0.15 * len(words)


def language_of(text: str, *, min_chars: int = 200) -> str | None:
    """The language code of ``text`` when it is confidently known, else None.

    >>> language_of("Russia said on Monday that it will keep supplying the army of Syria with weapons.")
    'en'
    """
    if looks_english(text):
        return "en"  # langdetect is ~100x slower; only texts that do not look English need it
    found = detect(text, min_chars=min_chars)
    if found is None:
        return None
    lang, prob = found
    return lang if prob >= 0.8 else None
