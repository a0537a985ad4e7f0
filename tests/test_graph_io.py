"""Writing and reading graph files: strict re-parse, atomic replace, clear errors."""
from __future__ import annotations

import os

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph_samples import corpus
from kg.errors import ExportError, InputError
from kg.graph.io import Format, load, parse_strict, write_graph
from kg.graph.rdf import merged_graph, to_dataset
from kg.graph.validate import check_strict

SUFFIXES = {".ttl": Format.TURTLE, ".trig": Format.TRIG, ".jsonld": Format.JSONLD, ".nt": Format.NTRIPLES, ".nq": Format.NQUADS}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return to_dataset(corpus())


def _graphs(ds: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in ds.graphs() if len(g)}


def _union(ds: Dataset) -> Graph:
    g = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        g.add((s, p, o))
    return g


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_format_is_guessed_from_suffix(suffix):
    assert Format.from_path(f"out{suffix}") is SUFFIXES[suffix]


def test_unknown_suffix_is_an_input_error_naming_the_file():
    with pytest.raises(InputError, match="graph.xyz"):
        Format.from_path("graph.xyz")


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_every_format_writes_strictly_valid_rdf_that_loads_back(dataset, tmp_path, suffix):
    path = write_graph(dataset, tmp_path / f"kg{suffix}")
    assert check_strict(path) == len(list(ox.parse(path=str(path))))
    back = load(path)
    if SUFFIXES[suffix].holds_datasets:
        original, loaded = _graphs(dataset), _graphs(back)
        assert original.keys() == loaded.keys()
        assert all(isomorphic(original[k], loaded[k]) for k in original)
    else:
        assert isomorphic(_union(dataset), _union(back))
    assert list(tmp_path.iterdir()) == [path]  # no temp file left behind


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_a_plain_graph_writes_in_every_format(dataset, tmp_path, suffix):
    merged = merged_graph(dataset)
    path = write_graph(merged, tmp_path / f"merged{suffix}")
    assert isomorphic(_union(load(path)), merged)


def test_turtle_output_uses_the_bound_prefixes(dataset, tmp_path):
    text = write_graph(dataset, tmp_path / "kg.trig").read_text(encoding="utf-8")
    assert "@prefix kg: <https://w3id.org/aikg/ontology#>" in text
    assert "@prefix ent: <https://w3id.org/aikg/id/>" in text
    assert "ns1:" not in text


def test_explicit_format_overrides_the_suffix(dataset, tmp_path):
    path = write_graph(dataset, tmp_path / "data.txt", format=Format.NQUADS)
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))) > 0


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_failed_write_leaves_the_existing_file_untouched(tmp_path, suffix):
    # rdflib refuses this IRI for some formats and writes it for others (then the strict
    # re-parse refuses it); either way the old file must survive.
    target = tmp_path / f"kg{suffix}"
    target.write_text("# precious\n", encoding="utf-8")
    bad = Graph()
    bad.add((URIRef("http://example.org/a b"), URIRef("http://example.org/p"), Literal("x")))
    with pytest.raises(ExportError, match=f"kg{suffix}"):
        write_graph(bad, target)
    assert target.read_text(encoding="utf-8") == "# precious\n"
    assert list(tmp_path.iterdir()) == [target]


def test_strict_reparse_failure_reports_the_parser_message(tmp_path):
    # rdflib writes a relative IRI as it is; N-Triples allows only absolute ones
    bad = Graph()
    bad.add((URIRef("relative/iri"), URIRef("http://example.org/p"), Literal("x")))
    with pytest.raises(ExportError, match="does not parse strictly.*line 1"):
        write_graph(bad, tmp_path / "kg.nt")


def test_replacing_keeps_the_file_mode(dataset, tmp_path):
    target = tmp_path / "kg.nq"
    target.write_text("", encoding="utf-8")
    os.chmod(target, 0o640)
    write_graph(dataset, target)
    assert (os.stat(target).st_mode & 0o777) == 0o640
    assert target.stat().st_size > 0


def test_missing_folder_is_an_export_error(dataset, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_graph(dataset, tmp_path / "nope" / "kg.ttl")


def test_syntax_error_names_file_line_and_column(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b <bad iri> .\n", encoding="utf-8")
    for reader in (load, check_strict, parse_strict):
        with pytest.raises(InputError) as info:
            reader(path)
        message = str(info.value)
        assert "broken.ttl" in message and "line 3" in message and "column" in message


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="missing.trig"):
        load(tmp_path / "missing.trig")


def test_load_puts_turtle_triples_in_the_default_graph(tmp_path):
    path = tmp_path / "t.ttl"
    path.write_text('<http://example.org/a> <http://example.org/p> "x"@ko , "y" , 5 .\n', encoding="utf-8")
    ds = load(path)
    objects = set(ds.default_graph.objects())
    assert objects == {Literal("x", lang="ko"), Literal("y"), Literal(5)}


def test_load_of_a_non_store_folder_is_a_kg_error(tmp_path):
    from kg.errors import KGError

    (tmp_path / "some.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(KGError):
        load(tmp_path)


@pytest.mark.parametrize("suffix", sorted(SUFFIXES))
def test_hostile_article_text_round_trips_exactly(tmp_path, suffix):
    from graph_samples import make_extraction

    sentence = 'Corvid makes """chips""" \\ \x00\x07\x1b\u2028\u202e <script>alert(1)</script>\r\n end.'
    e = make_extraction("x", "en", None, 'ti"tle\n', [("corvid", "manufactures", "tern-t1", sentence, {})])
    back = load(write_graph(to_dataset([e]), tmp_path / f"k{suffix}"))
    assert sentence in {str(o) for _, _, o, _ in back.quads((None, None, None, None))}
