"""kg query through its real entry point: formats, parameters, --list, --check, one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from query_fixtures import build_toy

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def toy(tmp_path_factory):
    return build_toy(tmp_path_factory.mktemp("toy-cli"))


def kg(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True, cwd=cwd)


def test_table_is_aligned_with_short_names(toy):
    r = kg("query", "queries/who_supplies_whom.rq", "--out", toy)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["supplier", "recipient", "articles", "evidence"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].split()[:3] == ["Russia", "Syria", "2"]
    assert lines[2].index("Syria") == lines[0].index("recipient")  # aligned columns
    assert lines[-1] == "(2 rows)"


def test_inline_query_with_predeclared_prefixes_and_param(toy):
    r = kg("query", "SELECT ?o WHERE { $who kg:leaderOf ?o }", "--param", "who=Putin", "--out", toy)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[2] == "ent:Russia"


def test_csv_tsv_and_json(toy):
    q = "SELECT ?s ?n WHERE { ?s kg:countryCode ?n } ORDER BY ?n"
    r = kg("query", q, "--format", "csv", "--out", toy)
    table = list(csv.reader(io.StringIO(r.stdout)))
    assert table[0] == ["s", "n"]
    assert ["https://w3id.org/kg-news/id/entity/Russia", "RUS"] in table
    r = kg("query", q, "--format", "tsv", "--out", toy)
    assert r.stdout.splitlines()[0] == "?s\t?n"
    assert '<https://w3id.org/kg-news/id/entity/Syria>\t"SYR"' in r.stdout
    r = kg("query", q, "--format", "json", "--out", toy)
    data = json.loads(r.stdout)
    assert data["head"]["vars"] == ["s", "n"]
    assert {"type": "literal", "value": "IRQ"} in [b["n"] for b in data["results"]["bindings"]]
    r = kg("query", "ASK { ent:Russia kg:supplies ent:Syria }", "--format", "json", "--out", toy)
    assert json.loads(r.stdout)["boolean"] is True


def test_saved_query_by_name_and_article_param(toy):
    r = kg("query", "article_facts", "-p", "article=a2", "--format", "csv", "--out", toy)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [(x["subject"], x["object"]) for x in rows][0] == ("Russia", "Syria")


def test_list_shows_every_saved_query_with_its_description():
    r = kg("query", "--list")
    assert r.returncode == 0
    names = [line.split()[0] for line in r.stdout.splitlines()]
    assert sorted(names) == sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))
    assert "--param entity=..." in next(line for line in r.stdout.splitlines() if line.startswith("entity "))


def test_check_accepts_saved_queries_and_reports_syntax_errors_on_one_line(tmp_path):
    from kg.query import check

    for path in sorted((ROOT / "queries").glob("*.rq")):
        check(path.read_text(encoding="utf-8"), name=path.name)
    r = kg("query", "--check", "queries/officials.rq")
    assert r.returncode == 0 and r.stdout.strip() == "queries/officials.rq: valid SPARQL", r.stderr
    bad = tmp_path / "bad.rq"
    bad.write_text("# a broken query\nSELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTER(?o = )\n}\n")
    r = kg("query", "--check", bad)
    assert r.returncode == 2
    err = r.stderr.strip().splitlines()
    assert len(err) == 1 and "E012" in err[0] and "line 4, column" in err[0] and "Traceback" not in r.stderr
    r = kg("query", bad, "--out", tmp_path)  # running it reports the same, before opening the store
    assert r.returncode == 2 and "line 4, column" in r.stderr


@pytest.mark.parametrize(
    "args, code, exit_code",
    [
        (["queries/entity.rq"], "E015", 2),
        (["queries/entity.rq", "--param", "entity"], "E013", 2),
        (["queries/articles.rq", "--param", "x=1"], "E016", 2),
        (["queries/articles.rq", "--format", "xml"], "E014", 2),
        (["queries/nope.rq"], "E010", 1),
        ([], "E018", 2),
    ],
)
def test_user_errors_are_one_coded_line(toy, args, code, exit_code):
    r = kg("query", *args, "--out", toy)
    assert r.returncode == exit_code, r.stderr
    assert code in r.stderr and len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_missing_store_and_unknown_names(tmp_path, toy):
    r = kg("query", "articles", "--out", tmp_path / "nothing")
    assert r.returncode == 1 and "E003" in r.stderr
    r = kg("query", "entity", "--param", "entity=Atlantis", "--out", toy)
    assert r.returncode == 0 and "W010" in r.stderr and "(0 rows)" in r.stdout


def test_query_works_while_another_reader_holds_the_store(toy):
    from kg.store import KGStore

    with KGStore(toy, create=False, read_only=True):
        r = kg("query", "articles", "--out", toy)
    assert r.returncode == 0 and "(2 rows)" in r.stdout


def test_to_dataframe(toy):
    from kg.query import to_dataframe

    df = to_dataframe("queries/officials.rq", toy, {"country": "Russia"})
    assert list(df.columns) == ["official", "role", "articles", "evidence"]
    assert df.to_dict("records")[0]["official"] == "Vladimir Putin"
    assert df["articles"].tolist() == [1, 2]
