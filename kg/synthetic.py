"""A synthetic corpus of any size, made from the bundled sample articles.

Each synthetic article is one of the sample articles with its countries,
people, organisations and armed groups replaced by others of the same type
from the gazetteer (``kg/data/gazetteer``), so a big corpus names many
entities and the graph grows with it. Generation is lazy (an iterator: nothing is held for the whole
corpus) and deterministic: article ``i`` of seed ``s`` is always the same text,
whatever else is generated.

    >>> from kg.synthetic import synthetic_articles
    >>> a, b = synthetic_articles(2, seed=7)
    >>> a.id, b.id
    ('syn7-000000', 'syn7-000001')
    >>> a.text == next(synthetic_articles(1, seed=7)).text
    True
    >>> a.text != b.text
    True
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.ingest.article import Article

#: Entity types whose names are substituted (places stay, so the stories still make sense).
KINDS: tuple[str, ...] = ("Country", "Person", "Organization", "ArmedGroup")


@dataclass(frozen=True)
class _Template:
    id: str
    text: str
    #: (start, end, entity key, form) of every replaceable name, in text order;
    #: form is "name" or "demonym".
    slots: tuple[tuple[int, int, str, str], ...]


@dataclass(frozen=True)
class _Names:
    type_of: dict  # entity key -> type
    pools: dict  # type -> tuple of entity keys
    demonym_of: dict  # entity key -> its first demonym (countries)
    pattern: re.Pattern
    forms: dict  # surface -> (entity key, form)


@lru_cache(maxsize=1)
def _names() -> _Names:
    """Replaceable names from the gazetteer (case-sensitive, 3+ letters, so "IS" or "us" never match)."""
    from kg.extract.gazetteer import Gazetteer

    gaz = Gazetteer.load()
    entries = [e for e in gaz.entries.values() if e.type in KINDS]
    forms: dict[str, tuple[str, str]] = {}
    for e in entries:
        for name in (e.key, *e.aliases):
            if len(name) >= 3 and name[0].isupper():
                forms.setdefault(name, (e.key, "name"))
        for d in e.demonyms:
            if len(d) >= 3 and d[0].isupper():
                forms.setdefault(d, (e.key, "demonym"))
    surfaces = sorted(forms, key=lambda n: (-len(n), n))
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in surfaces) + r")(?![\w-])")
    pools: dict[str, list[str]] = {}
    for e in entries:
        pools.setdefault(e.type, []).append(e.key)
    return _Names(
        type_of={e.key: e.type for e in entries},
        pools={k: tuple(sorted(v)) for k, v in pools.items()},
        demonym_of={e.key: e.demonyms[0] for e in entries if e.demonyms},
        pattern=pattern,
        forms=forms,
    )


def _find_slots(text: str, names: _Names) -> tuple[tuple[int, int, str, str], ...]:
    return tuple((m.start(), m.end(), *names.forms[m.group(0)]) for m in names.pattern.finditer(text))


@lru_cache(maxsize=4)
def _templates(source: str | None = None) -> tuple[_Template, ...]:
    from kg.ingest import Skipped, iter_articles
    from kg.settings import sample_corpus

    names = _names()
    out = []
    for a in iter_articles([source or sample_corpus()]):
        if isinstance(a, Skipped):
            continue
        out.append(_Template(a.id, a.text, _find_slots(a.text, names)))
    if not out:
        raise ValueError(f"no articles to make a synthetic corpus from in {source!r}")
    return tuple(out)


def _truncate(text: str, max_words: int | None) -> str:
    """Whole paragraphs up to about ``max_words`` words (always at least one)."""
    if not max_words:
        return text
    kept, n = [], 0
    for para in text.split("\n\n"):
        w = len(para.split())
        if kept and n + w > max_words:
            break
        kept.append(para)
        n += w
    return "\n\n".join(kept)


def synthetic_text(i: int, *, seed: int = 0, max_words: int | None = None, source: str | None = None) -> str:
    """The text of synthetic article ``i``: a sample article with its names substituted.

    Every entity of the template is replaced by another gazetteer entity of
    the same type, drawn at random (seeded by ``seed`` and ``i``); all its
    names become the new entity's canonical name, its demonyms ("Russian")
    the new entity's demonym (kept as they were when it has none).
    """
    templates = _templates(source)
    names = _names()
    t = templates[i % len(templates)]
    rng = random.Random(f"{seed}:{i}")
    mapping: dict[str, str] = {}
    parts, pos = [], 0
    for start, end, key, form in t.slots:
        if key not in mapping:
            pool = names.pools[names.type_of[key]]
            used = set(mapping.values())
            choice = rng.choice(pool)
            while choice in used and len(used) < len(pool):
                choice = rng.choice(pool)
            mapping[key] = choice
        new = mapping[key]
        if form == "demonym":
            new = names.demonym_of.get(new, t.text[start:end])
        parts.append(t.text[pos:start])
        parts.append(new)
        pos = end
    parts.append(t.text[pos:])
    # A last line makes every article distinct, whatever names were drawn.
    body = _truncate("".join(parts).rstrip("\n"), max_words)
    return f"{body}\n\n(Synthetic article {i} of seed {seed}, from sample {t.id}.)\n"


def synthetic_articles(n: int, *, seed: int = 0, max_words: int | None = None, source: str | None = None,
                       start: int = 0) -> Iterator[Article]:
    """Lazily yield ``n`` synthetic ``Article`` records (ids ``syn<seed>-<index>``)."""
    from kg.ingest.text import title_of

    for i in range(start, start + n):
        text = synthetic_text(i, seed=seed, max_words=max_words, source=source)
        yield Article(id=f"syn{seed}-{i:06d}", text=text, title=title_of(text), source=f"synthetic:{seed}:{i}")


def write_corpus(out_dir: str | Path, n: int, *, seed: int = 0, max_words: int | None = None,
                 source: str | None = None) -> Path:
    """Write ``n`` synthetic articles as ``.txt`` files into ``out_dir`` (streaming); returns it."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for a in synthetic_articles(n, seed=seed, max_words=max_words, source=source):
        (out / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m kg.synthetic OUT_DIR N [--seed S] [--max-words W]``"""
    import argparse

    p = argparse.ArgumentParser(prog="python -m kg.synthetic", description=__doc__.split("\n\n")[0])
    p.add_argument("out_dir")
    p.add_argument("n", type=int)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--max-words", type=int, default=None, help="keep whole paragraphs up to about this many words")
    args = p.parse_args(argv)
    write_corpus(args.out_dir, args.n, seed=args.seed, max_words=args.max_words)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
