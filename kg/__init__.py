"""kg: an offline-first knowledge-graph builder for news.

Importing ``kg`` does no work: the spaCy model, the store and the heavy
optional libraries load inside the functions that need them.
"""

__version__ = "0.1.0"

#: Bumped whenever extraction output changes, so incremental builds re-extract.
EXTRACTOR_VERSION = "5"
