"""kg export through its real entry point, each file re-read by a parser other than the writer's."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest
import rdflib

from kg.export.rdf import FORMATS, RDF_FORMATS
from kg.store import KGStore

RDFLIB_NAME = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld",
               "rdfxml": "xml"}


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def exported(sample_build, tmp_path_factory):
    d = tmp_path_factory.mktemp("export")
    for fmt, (ext, _, _) in RDF_FORMATS.items():
        r = kg("export", "--store", str(sample_build), "--format", fmt, "-o", str(d / f"graph{ext}"))
        assert r.returncode == 0, r.stderr
    return d


@pytest.mark.parametrize("fmt", list(RDF_FORMATS))
def test_cli_export_reparses_to_the_stored_graph(fmt, exported, sample_store, monkeypatch):
    monkeypatch.setattr(rdflib, "NORMALIZE_LITERALS", False)
    ext, _, dataset = RDF_FORMATS[fmt]
    data = (exported / f"graph{ext}").read_bytes()
    if dataset:
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB_NAME[fmt])
        graphs = {str(g) for _, _, _, g in ds.quads((None, None, None, None)) if g is not None}
        assert graphs == {f"https://w3id.org/kg-news/id/graph/{a}" for a in sample_store.article_ids()}
        n = sum(1 for _ in ds.quads((None, None, None, None)))
        assert n == len(sample_store)
    else:
        g = rdflib.Graph().parse(data=data, format=RDFLIB_NAME[fmt])
        assert len(g) == sample_store.count_triples()
    if fmt == "turtle":  # our own writer: pyoxigraph too, and it must equal the build's graph.ttl
        assert {q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)} == set(sample_store.triples())
        assert data == (sample_store.out_dir / "graph.ttl").read_bytes()  # the same sorted writer, same bytes


def test_rdflib_output_read_by_pyoxigraph(sample_store):
    """The other direction: rdflib's own serialisers over the store (oxrdflib, no copy)."""
    ds = sample_store.rdflib_dataset()
    for fmt, ox_fmt in (("nquads", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG),
                        ("json-ld", ox.RdfFormat.JSON_LD)):
        data = ds.serialize(format=fmt, encoding="utf-8")
        graphs = {q.graph_name for q in ox.parse(data, format=ox_fmt)}
        assert len([g for g in graphs if isinstance(g, ox.NamedNode)]) == len(sample_store.article_ids()), fmt


def test_format_from_extension_and_stdout(sample_build, tmp_path):
    r = kg("export", "--store", str(sample_build), "-o", str(tmp_path / "g.nq"))
    assert r.returncode == 0, r.stderr
    assert all(isinstance(q.graph_name, ox.NamedNode) for q in ox.parse((tmp_path / "g.nq").read_bytes(),
                                                                        format=ox.RdfFormat.N_QUADS))
    r = subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(sample_build), "-f", "ntriples"],
                       capture_output=True)
    assert r.returncode == 0
    store = KGStore(sample_build, create=False, read_only=True)
    assert len(r.stdout.splitlines()) == store.count_triples()


def test_bad_format_and_missing_store_are_one_line_errors(sample_build, tmp_path):
    r = kg("export", "--store", str(sample_build), "-o", str(tmp_path / "g.unknown"))
    assert r.returncode == 2 and "E022" in r.stderr and "Traceback" not in r.stderr
    r = kg("export", "--store", str(tmp_path / "nothing"), "-o", str(tmp_path / "g.ttl"))
    assert r.returncode == 1 and "E003" in r.stderr and "Traceback" not in r.stderr
    r = kg("export", "--store", str(sample_build), "-o", str(tmp_path / "no" / "dir" / "g.ttl"))
    assert r.returncode == 1 and "E021" in r.stderr and not (tmp_path / "no").exists()


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in RDF_FORMATS])
def test_network_formats_are_accepted(fmt, sample_build, tmp_path):
    import networkx as nx

    out = tmp_path / f"net.{fmt}"
    r = kg("export", "--store", str(sample_build), "--format", fmt, "-o", str(out))
    assert r.returncode == 0, r.stderr
    g = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert g.number_of_nodes() > 0
