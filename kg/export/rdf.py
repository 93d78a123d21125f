"""Export the whole graph as an RDF file (or a network file for graph tools).

=========  ===========  ================================================
format     extension    what is written
=========  ===========  ================================================
turtle     .ttl         union graph, sorted (``kg.export.turtle``)
ntriples   .nt          union graph, one triple a line (pyoxigraph)
nquads     .nq          every article in its named graph (pyoxigraph)
trig       .trig        every article in its named graph (pyoxigraph)
jsonld     .jsonld      every article in its named graph (pyoxigraph)
rdfxml     .rdf         union graph (RDF/XML has no named graphs)
graphml    .graphml     the entity network (``kg.viz.network``)
gexf       .gexf        the entity network (``kg.viz.network``)
=========  ===========  ================================================

The union graph is what queries see: each distinct triple once, whichever
articles assert it. The dataset formats keep one named graph per article
(``https://w3id.org/kg-news/id/graph/ARTICLE_ID``), so loading them elsewhere
keeps the provenance of every triple.

    >>> format_for_path("graph.nq")
    'nquads'
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import BinaryIO

from kg.errors import Errors, KGError, KGUsageError

#: format name -> (file extension, pyoxigraph format name or None, whole dataset?)
RDF_FORMATS: dict[str, tuple[str, str | None, bool]] = {
    "turtle": (".ttl", None, False),
    "ntriples": (".nt", "N_TRIPLES", False),
    "nquads": (".nq", "N_QUADS", True),
    "trig": (".trig", "TRIG", True),
    "jsonld": (".jsonld", "JSON_LD", True),
    "rdfxml": (".rdf", "RDF_XML", False),
}
NETWORK_FORMATS: dict[str, str] = {"graphml": ".graphml", "gexf": ".gexf"}
FORMATS: tuple[str, ...] = (*RDF_FORMATS, *NETWORK_FORMATS)
_EXTRA_EXTENSIONS = {".n3": "turtle", ".json": "jsonld", ".xml": "rdfxml", ".owl": "rdfxml", ".nquads": "nquads"}


def format_for_path(path: str | Path) -> str:
    """The export format a file name asks for (by extension)."""
    suffix = Path(path).suffix.lower()
    for name, (ext, _, _) in RDF_FORMATS.items():
        if suffix == ext:
            return name
    for name, ext in NETWORK_FORMATS.items():
        if suffix == ext:
            return name
    if suffix in _EXTRA_EXTENSIONS:
        return _EXTRA_EXTENSIONS[suffix]
    raise KGUsageError(Errors.E022.format(path=path, choices=", ".join(FORMATS)))


def write_rdf(store, fmt: str, out: BinaryIO) -> int:
    """Write the graph of ``store`` (a ``KGStore``) to ``out`` in ``fmt``; return the statements written.

    For the triple formats that is the number of distinct triples; for the
    dataset formats, the number of quads.
    """
    import pyoxigraph as ox

    from kg.export.turtle import PREFIXES, write_turtle

    if fmt not in RDF_FORMATS:
        raise KGUsageError(Errors.E020.format(fmt=fmt, choices=", ".join(FORMATS)))
    _, ox_name, dataset = RDF_FORMATS[fmt]
    if ox_name is None:
        import io

        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
        n = write_turtle(store.triples(), text)
        text.detach()
        return n
    rdf_format = getattr(ox.RdfFormat, ox_name)
    # No prefixed names in TriG: pyoxigraph escapes odd local names ("ent:0\\.") correctly,
    # but not every parser reads those escapes (rdflib does not); full IRIs load everywhere.
    prefixes = PREFIXES if fmt in ("rdfxml", "jsonld") else None
    counter = _Counter()
    items = counter.count(iter(store) if dataset else store.triples())
    if fmt == "rdfxml":
        # XML parsers turn a raw CR into LF: write it as a character reference
        # (pyoxigraph never writes CR outside literal text).
        data = ox.serialize(items, format=rdf_format, prefixes=prefixes)
        out.write(data.replace(b"\r", b"&#13;"))
    else:
        ox.serialize(items, out, format=rdf_format, prefixes=prefixes)
    return counter.n


class _Counter:
    def __init__(self) -> None:
        self.n = 0

    def count(self, items):
        for item in items:
            self.n += 1
            yield item


def export(store, fmt: str | None, path: str | Path | None) -> int:
    """Write the graph to ``path`` (``None`` or ``"-"``: standard output) in ``fmt``.

    ``fmt=None`` guesses the format from the file name. The file appears
    complete or not at all (it is written beside and renamed). Returns the
    number of statements written (for network formats: what
    ``kg.viz.network.export_network`` returns).
    """
    to_stdout = path is None or str(path) == "-"
    if fmt is None:
        fmt = "turtle" if to_stdout else format_for_path(path)
    if fmt not in FORMATS:
        raise KGUsageError(Errors.E020.format(fmt=fmt, choices=", ".join(FORMATS)))
    if fmt in NETWORK_FORMATS:
        try:
            from kg.viz.network import export_network
        except ImportError as e:
            raise KGError(Errors.E023.format(fmt=fmt, reason=e)) from e
        if to_stdout:
            raise KGUsageError(Errors.E021.format(path="-", reason=f"{fmt} is written to a file only; give -o FILE"))
        return export_network(store, fmt, Path(path))
    if to_stdout:
        n = write_rdf(store, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return n
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part-{os.getpid()}")
    try:
        with open(tmp, "wb") as f:
            n = write_rdf(store, fmt, f)
        tmp.replace(target)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise KGError(Errors.E021.format(path=target, reason=e.strerror or e)) from e
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return n


__all__ = ["FORMATS", "RDF_FORMATS", "NETWORK_FORMATS", "export", "write_rdf", "format_for_path"]
