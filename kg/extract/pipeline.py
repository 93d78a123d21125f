"""The extractor: cleans articles, runs the spaCy pipeline, returns ``ArticleFacts``.

Pipeline (each component is a spaCy factory writing ``doc._.*``):

    clean_article (boilerplate) -> tok2vec, tagger, parser, lemmatizer, ner
      -> kg_entities (canonical mentions) -> kg_coref (pronouns, descriptions)
      -> kg_relations (facts)

The components are added to the loaded model once (idempotent), so the same
cached model serves every Extractor. Articles go through ``nlp.pipe`` in
batches; nothing is parsed twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from kg.extract.types import ArticleFacts, Entity, Fact
from kg.ingest.article import Article

ENTITY_PIPES: tuple[tuple[str, str], ...] = (
    ("kg.extract.entities", "kg_entities"),
    ("kg.extract.coref", "kg_coref"),
)


def _importable(module: str) -> bool:
    import importlib

    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


def assemble(nlp):
    """Add the kg components to ``nlp`` (once) and return it."""
    from spacy.language import Language

    from kg.extract import docext, relations

    docext.register()
    relations.register()
    names = set(nlp.pipe_names)
    have_entities = False
    for module, factory in ENTITY_PIPES:
        if factory in names:
            have_entities = have_entities or factory == "kg_entities"
            continue
        if _importable(module) and Language.has_factory(factory):
            nlp.add_pipe(factory, before="kg_relations" if "kg_relations" in names else None)
            have_entities = have_entities or factory == "kg_entities"
    if "kg_paragraphs" not in names and "parser" in names:
        if not Language.has_factory("kg_paragraphs"):
            Language.factory("kg_paragraphs")(lambda nlp, name: paragraphs)
        nlp.add_pipe("kg_paragraphs", before="parser")
    if not have_entities and "kg_fallback_entities" not in names:
        from kg.extract import rel_fallback

        rel_fallback.register()
        nlp.add_pipe("kg_fallback_entities", before="kg_relations" if "kg_relations" in names else None)
    if "kg_relations" not in nlp.pipe_names:
        nlp.add_pipe("kg_relations", last=True)
    return nlp


_SOFT_END = frozenset({",", ";", "-", "(", "\u2013", "\u2014"})


def paragraphs(doc):
    """Start a sentence after every paragraph break, before the parser runs.

    A blank line always ends a sentence; a single line break does unless the
    line ends in a lower-case word or a comma (hard-wrapped plain text).
    """
    for t in doc[:-1]:
        if t.is_space and "\n" in t.text and t.i > 0:
            prev = doc[t.i - 1]
            if "\n\n" in t.text or not (prev.is_lower or prev.text in _SOFT_END):
                doc[t.i + 1].is_sent_start = True
    return doc


def _clean(article: Article) -> str:
    """The text to parse: the article body without boilerplate, headed by its title."""
    try:
        from kg.extract.clean import clean_article
    except ImportError:
        return article.text
    cleaned = clean_article(article)
    body = cleaned.body
    title = (cleaned.title or "").strip()
    if title and title not in body[: len(title) + 200]:
        return f"{title}\n\n{body}"
    return body


class Extractor:
    """Turns articles into canonical entities and facts."""

    def __init__(self, nlp=None, *, model: str | None = None):
        if nlp is None:
            from kg.nlp import load_model

            nlp = load_model(model)
        self.nlp = assemble(nlp)

    def extract(self, article: Article) -> ArticleFacts:
        return next(self.pipe([article]))

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 64) -> Iterator[ArticleFacts]:
        pairs = ((_clean(a), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield to_article_facts(doc, article)


def to_article_facts(doc, article: Article) -> ArticleFacts:
    """Convert a processed Doc into ``ArticleFacts`` (offsets point into ``article.text``)."""
    from kg.dates import event_date

    entities: dict[str, Entity] = dict(doc._.kg_entities or {})
    same_text = doc.text == article.text
    found: dict[str, tuple[int | None, int | None]] = {}
    dates: dict[str, str | None] = {}
    facts: list[Fact] = []
    for f in doc._.kg_facts or ():
        if f.subject not in entities or f.object not in entities:
            continue
        if f.speaker is not None and f.speaker not in entities:
            f = replace(f, speaker=None)
        if not same_text:
            if f.evidence not in found:
                i = article.text.find(f.evidence)
                found[f.evidence] = (i, i + len(f.evidence)) if i >= 0 else (None, None)
            start, end = found[f.evidence]
            f = replace(f, start=start, end=end)
        if f.event_date is None:  # "on Monday" needs the article's date, "in September 2015" does not
            if f.evidence not in dates:
                dates[f.evidence] = event_date(f.evidence, article.date)
            if dates[f.evidence]:
                f = replace(f, event_date=dates[f.evidence])
        facts.append(f)
    ents = tuple(sorted(entities.values(), key=lambda e: e.key))
    return ArticleFacts(article, ents, tuple(facts))
