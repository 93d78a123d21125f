"""Network views of the graph: networkx analysis, Gephi exports and offline HTML pages.

- :mod:`kg.viz.network`: ``to_networkx(store)`` and ``export_network(store, fmt, path)``;
- :mod:`kg.viz.analysis`: central actors, communities and the chains of facts linking two entities;
- :mod:`kg.viz.pages`: ``write_pages(store, out_dir)`` writes ``graph.html``, ``index.html`` and
  ``entity/<slug>.html``, each a single self-contained file that makes no network request.

Nothing heavy is imported here: ``import kg.viz`` does no work.
"""
