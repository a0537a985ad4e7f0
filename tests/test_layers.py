"""The stages import forward only, and each heavy library stays in its one place (STYLE.md).

ingest → nlp → extract → resolve → graph → query / export; api, builder, cli, pipeline on top.
"""
import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"
ORDER = ["ingest", "nlp", "extract", "resolve", "graph", "query", "export", "eval"]
# modules at the package top that every stage may use
SHARED = {"kg.errors", "kg.model", "kg.names", "kg.atomic"}
# where each heavy library may be imported
OWNERS = {
    "kiwipiepy": {"kg/nlp/korean.py"},
    "spacy": {"kg/nlp/korean.py", "kg/nlp/pipeline.py"},
    "pyvis": {"kg/export/html.py"},
}
RDFLIB_STAGES = {"graph", "query", "export", "eval"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def _stage(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "kg" and parts[1] in ORDER else None


MODULES = sorted(p for p in KG.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(KG.parent)))
def test_a_stage_never_imports_a_later_stage(path):
    here = _stage(".".join(path.relative_to(KG.parent).with_suffix("").parts))
    if here is None:
        return  # api, builder, cli, pipeline sit on top
    for module in _imports(path):
        there = _stage(module)
        if there is not None and there != here:
            assert ORDER.index(there) < ORDER.index(here), f"{path}: {here} imports {module}"
        if module.startswith("kg.") and there is None:
            assert module in SHARED or module == "kg", f"{path}: {here} imports the top-level {module}"


@pytest.mark.parametrize("library, owners", sorted(OWNERS.items()))
def test_heavy_libraries_stay_behind_their_adapter(library, owners):
    users = {
        str(p.relative_to(KG.parent)) for p in MODULES
        if any(m == library or m.startswith(library + ".") for m in _imports(p))
    }
    assert users <= owners, users - owners


def test_only_the_graph_stage_and_above_import_rdflib():
    for p in MODULES:
        stage = _stage(".".join(p.relative_to(KG.parent).with_suffix("").parts))
        if any(m == "rdflib" or m.startswith("rdflib.") for m in _imports(p)) and stage is not None:
            assert stage in RDFLIB_STAGES, p


def test_importing_kg_loads_no_heavy_library():
    import subprocess
    import sys

    code = "import kg, sys; print(sorted(m for m in ('spacy', 'kiwipiepy', 'rdflib', 'pyvis', 'pyoxigraph') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[]"
