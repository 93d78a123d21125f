"""kg validate: the sample build conforms to the shapes; broken graphs are reported in plain lines."""

from __future__ import annotations

import subprocess
import sys

import pytest
import rdflib
from rdflib import RDF, Literal, Namespace, URIRef
import rdflib.namespace as ns

from kg.validate import validate_file, validate_graph

KG = Namespace("https://w3id.org/kg-news/ontology#")


def test_sample_build_conforms(sample_build):
    report = validate_file(sample_build / "graph.ttl")
    assert report.conforms, report.format()
    assert report.triples > 100


@pytest.fixture()
def broken(sample_build, tmp_path):
    """The sample graph with one error of each kind planted in it."""
    g = rdflib.Graph().parse(sample_build / "graph.ttl")
    statements = sorted(g.subjects(RDF.type, KG.Statement))
    assert len(statements) >= 1, "the sample build has no statements"
    st = statements[0]
    g.set((st, KG.confidence, Literal("1.5", datatype=ns.XSD.decimal)))
    g.remove((st, KG.evidence, None))
    g.add((st, RDF.subject, URIRef("https://w3id.org/kg-news/id/entity/Second_Subject")))
    art = sorted(g.subjects(RDF.type, KG.Article))[0]
    g.remove((art, ns.DCTERMS.identifier, None))
    country = URIRef("https://w3id.org/kg-news/id/entity/Ruritania")
    g.add((country, RDF.type, KG.Country))
    g.add((country, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Ruritania")))
    g.add((country, KG.countryCode, Literal("rur")))
    path = tmp_path / "broken.ttl"
    g.serialize(path, format="turtle")
    return path, st, art


def test_broken_graph_reports_each_violation(broken):
    path, st, art = broken
    report = validate_file(path)
    assert not report.conforms
    by_path = {}
    for issue in report.violations:
        by_path.setdefault(issue.path, []).append(issue)
    assert {"kg:confidence", "kg:evidence", "rdf:subject", "dcterms:identifier", "kg:countryCode"} <= set(by_path)
    assert any("between 0 and 1" in i.message for i in by_path["kg:confidence"])
    assert by_path["kg:countryCode"][0].focus == "ent:Ruritania"
    assert by_path["dcterms:identifier"][0].focus.startswith("art:")
    for line in report.format().splitlines()[:-1]:
        assert line.startswith("Violation: ") and "\n" not in line


def test_cli_validate_exit_codes(sample_build, broken, tmp_path):
    ok = subprocess.run([sys.executable, "-m", "kg", "validate", "--out", str(sample_build)],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "conforms" in ok.stdout.splitlines()[-1]
    bad = subprocess.run([sys.executable, "-m", "kg", "validate", str(broken[0])], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "violation(s)" in bad.stdout and "ent:Ruritania  kg:countryCode" in bad.stdout
    assert "Traceback" not in bad.stderr
    junk = tmp_path / "junk.ttl"
    junk.write_text("@prefix x: <http://x/> .\nx:a x:b\n")
    r = subprocess.run([sys.executable, "-m", "kg", "validate", str(junk)], capture_output=True, text=True)
    assert r.returncode == 1 and "E050" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = subprocess.run([sys.executable, "-m", "kg", "validate", str(tmp_path / "missing.ttl")],
                       capture_output=True, text=True)
    assert r.returncode == 1 and "E051" in r.stderr


def test_missing_country_code_is_a_warning_not_a_violation():
    g = rdflib.Graph()
    c = URIRef("https://w3id.org/kg-news/id/entity/Atlantis")
    g.add((c, RDF.type, KG.Country))
    g.add((c, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("Atlantis")))
    report = validate_graph(g)
    assert report.conforms
    assert [(w.focus, w.path) for w in report.warnings] == [("ent:Atlantis", "kg:countryCode")]
