"""Query: SPARQL over the built graph, with saved queries, parameters and readable output."""

from kg.query.sparql import (
    QueryResult,
    check,
    execute,
    format_result,
    load_query,
    run_query,
    saved_queries,
    to_dataframe,
)

__all__ = [
    "QueryResult",
    "check",
    "execute",
    "format_result",
    "load_query",
    "run_query",
    "saved_queries",
    "to_dataframe",
]
