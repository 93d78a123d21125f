"""Check a graph file against the SHACL shapes and the ontology (pySHACL).

    >>> from kg.settings import ontology_dir
    >>> (ontology_dir() / "kg.ttl").exists(), (ontology_dir() / "shapes.ttl").exists()
    (True, True)

:func:`validate_file` returns a :class:`ValidationReport` whose issues read as
plain lines: focus node, property path, message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import Errors, KGError

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True)
class Issue:
    severity: str  # "Violation", "Warning" or "Info"
    focus: str  # the node, as a short name (ent:Russia) where possible
    path: str  # the property path, short
    message: str

    def line(self) -> str:
        return f"{self.severity}: {self.focus}  {self.path}  {self.message}"


@dataclass
class ValidationReport:
    path: Path
    triples: int = 0
    issues: list[Issue] = field(default_factory=list)

    @property
    def violations(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "Violation"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity != "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def format(self, *, warnings: bool = False) -> str:
        lines = [i.line() for i in self.violations]
        if warnings:
            lines += [i.line() for i in self.warnings]
        verdict = "conforms" if self.conforms else f"{len(self.violations)} violation(s)"
        tail = f"{self.path}: {self.triples} triples, {verdict}, {len(self.warnings)} warning(s)"
        if self.warnings and not warnings:
            tail += " (list them with --warnings)"
        return "\n".join(lines + [tail])


def _load(path: Path, graph=None):
    import rdflib
    from rdflib.util import guess_format

    g = graph if graph is not None else rdflib.Graph()
    try:
        g.parse(str(path), format=guess_format(str(path)) or "turtle")
    except FileNotFoundError:
        raise
    except (SyntaxError, ValueError, TypeError) as e:  # rdflib raises BadSyntax (a SyntaxError) and ValueError
        reason = " ".join(str(e).split())[:300]
        raise KGError(Errors.E050.format(path=path, reason=reason)) from e
    return g


def _shorten(graph, term) -> str:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return "-"
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except (ValueError, KeyError):
            return f"<{term}>"
    if isinstance(term, BNode):
        return "[]"
    if isinstance(term, Literal):
        return repr(str(term))
    return str(term)


def validate_graph(data, *, path: str | Path = "<graph>", shapes=None, ontology=None) -> ValidationReport:
    """Validate an rdflib ``Graph`` against the shapes and ontology (defaults: the shipped ones)."""
    import pyshacl
    from rdflib import Namespace
    from rdflib.namespace import RDF

    from kg.export.turtle import PREFIXES
    from kg.settings import ontology_dir

    shapes = shapes if shapes is not None else _load(ontology_dir() / "shapes.ttl")
    ontology = ontology if ontology is not None else _load(ontology_dir() / "kg.ttl")
    for prefix, ns in PREFIXES.items():
        data.bind(prefix, Namespace(ns), override=False)
    _conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology, inference="none", allow_warnings=True, allow_infos=True,
    )
    sh = Namespace(SH)
    report = ValidationReport(Path(path), triples=len(data))
    for r in results.subjects(RDF.type, sh.ValidationResult):
        sev = results.value(r, sh.resultSeverity)
        severity = str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"
        msg = results.value(r, sh.resultMessage)
        if msg is None:
            comp = results.value(r, sh.sourceConstraintComponent)
            msg = str(comp).rsplit("#", 1)[-1] if comp is not None else "constraint not met"
        value = results.value(r, sh.value)
        text = str(msg) + (f" (value: {_shorten(data, value)})" if value is not None else "")
        report.issues.append(Issue(severity, _shorten(data, results.value(r, sh.focusNode)),
                                   _shorten(data, results.value(r, sh.resultPath)), text))
    order = {"Violation": 0, "Warning": 1, "Info": 2}
    report.issues.sort(key=lambda i: (order.get(i.severity, 3), i.focus, i.path, i.message))
    return report


def validate_file(path: str | Path, *, shapes: str | Path | None = None, ontology: str | Path | None = None
                  ) -> ValidationReport:
    """Validate an RDF file (Turtle, N-Triples, RDF/XML, JSON-LD ...; guessed from its name)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(Errors.E051.format(path=path))
    return validate_graph(
        _load(path), path=path,
        shapes=_load(Path(shapes)) if shapes else None,
        ontology=_load(Path(ontology)) if ontology else None,
    )
