"""Ingest: files, folders, feeds, corpora, URLs and standard input in; ``Article`` records out."""

from kg.ingest.article import Article, Skipped
from kg.ingest.options import IngestOptions
from kg.ingest.readers import iter_articles

__all__ = ["Article", "Skipped", "IngestOptions", "iter_articles"]
