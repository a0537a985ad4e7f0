"""The persistent store: idempotent adds, precise removals, and atomic batches under SIGKILL."""
from __future__ import annotations

import inspect
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import StoreError
from kg.graph.store import AddReport, KGStore, open_store
from kg.graph.vocab import GRAPH, KG

REPO = Path(__file__).resolve().parents[1]


def make_articles(count: int, facts: int = 2, start: int = 0) -> Dataset:
    """Article graphs laid out like kg/graph/rdf.py: self-contained, one per article.

    Self-contained (imports inside) so the SIGKILL child can run the same source.
    """
    import hashlib

    from rdflib import RDF, RDFS, XSD, Dataset, Literal

    from kg.graph.vocab import ART, ENT, EVID, FACT, GRAPH, KG, PROV, SCHEMA

    ds = Dataset()
    for i in range(start, start + count):
        sha = hashlib.sha256(f"synthetic article {i}".encode()).hexdigest()
        g = ds.graph(GRAPH[sha])
        art = ART[sha]
        g.add((art, RDF.type, SCHEMA.NewsArticle))
        g.add((art, KG.contentHash, Literal(sha)))
        g.add((art, KG.articleId, Literal(f"art-{i:04d}")))
        g.add((art, SCHEMA.headline, Literal(f"Headline number {i}", lang="en")))
        g.add((art, SCHEMA.datePublished, Literal(f"2024-01-{1 + i % 28:02d}", datatype=XSD.date)))
        for j in range(facts):
            company, model = ENT[f"company-{i}-{j}"], ENT[f"model-{i}-{j}"]
            g.add((company, RDF.type, KG.Company))
            g.add((company, RDFS.label, Literal(f"Company {i}.{j}", lang="en")))
            g.add((model, RDF.type, KG.AIModel))
            g.add((model, RDFS.label, Literal(f"Model {i}.{j}", lang="en")))
            g.add((company, KG.released, model))
            fact, evid = FACT[f"{sha[:16]}-{j}"], EVID[f"{sha[:16]}-{j}"]
            g.add((fact, RDF.type, KG.Fact))
            g.add((fact, RDF.type, RDF.Statement))
            g.add((fact, RDF.subject, company))
            g.add((fact, RDF.predicate, KG.released))
            g.add((fact, RDF.object, model))
            g.add((evid, RDF.type, KG.Evidence))
            g.add((evid, KG.supports, fact))
            g.add((evid, KG.sentence, Literal(f"Company {i}.{j} released Model {i}.{j}.", lang="en")))
            g.add((evid, KG.startOffset, Literal(j * 40)))
            g.add((evid, KG.endOffset, Literal(j * 40 + 39)))
            g.add((evid, KG.confidence, Literal("0.9", datatype=XSD.decimal)))
            g.add((evid, KG.modality, KG.Asserted))
            g.add((evid, PROV.wasDerivedFrom, art))
    return ds


def quad_count(ds: Dataset) -> int:
    return sum(len(g) for g in ds.graphs())


def quads_of(store: KGStore, graph: str) -> set[str]:
    import pyoxigraph as ox

    return {str(q) for q in store.oxigraph.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def union_graph(store: KGStore) -> Graph:
    g = Graph()
    for t in store.dataset.triples((None, None, None)):
        g.add(t)
    return g


@pytest.fixture()
def three() -> Dataset:
    return make_articles(3)


def test_add_writes_every_graph_and_lists_articles(tmp_path: Path, three: Dataset) -> None:
    with KGStore(tmp_path / "s") as store:
        report = store.add(three)
        expected = sorted(str(g.identifier) for g in three.graphs() if len(g))
        assert report == AddReport(added=tuple(expected), skipped=())
        assert store.count() == quad_count(three)
        assert store.graphs() == expected
        arts = store.articles()
        assert [a.article_id for a in arts] == ["art-0000", "art-0001", "art-0002"]
        assert all(a.graph == str(GRAPH[a.sha]) for a in arts)
        assert arts[1].headline == "Headline number 1"
        assert arts[1].date == date(2024, 1, 2)


def test_adding_the_same_articles_twice_changes_nothing(tmp_path: Path, three: Dataset) -> None:
    with KGStore(tmp_path / "s") as store:
        store.add(three)
        before = store.count()
        again = store.add(three)
        assert again.added == ()
        assert len(again.skipped) == 3
        assert store.count() == before
        # a batch mixing stored and new articles adds only the new ones
        mixed = make_articles(4)
        report = store.add(mixed)
        assert len(report.added) == 1 and len(report.skipped) == 3
        assert store.count() == quad_count(mixed)


def test_store_persists_across_reopen(tmp_path: Path, three: Dataset) -> None:
    with KGStore(tmp_path / "s") as store:
        store.add(three)
        count, graphs = store.count(), store.graphs()
    with KGStore(tmp_path / "s", read_only=True) as store:
        assert (store.count(), store.graphs()) == (count, graphs)
        with pytest.raises(StoreError, match="read-only"):
            store.add(three)


@pytest.mark.parametrize("how", ["article_id", "sha", "graph"])
def test_remove_drops_one_article_and_leaves_the_others_untouched(tmp_path: Path, three: Dataset, how: str) -> None:
    with KGStore(tmp_path / "s") as store:
        store.add(three)
        victim = store.articles()[1]
        others = [a.graph for a in store.articles() if a != victim]
        kept = {g: quads_of(store, g) for g in others}
        victim_size = len(quads_of(store, victim.graph))
        total = store.count()

        assert store.remove(getattr(victim, how)) is True
        assert victim.graph not in store.graphs()
        assert store.count() == total - victim_size
        assert {g: quads_of(store, g) for g in others} == kept
        assert store.remove(getattr(victim, how)) is False


def test_remove_unknown_article_is_false(tmp_path: Path, three: Dataset) -> None:
    with KGStore(tmp_path / "s") as store:
        store.add(three)
        count = store.count()
        assert store.remove("no-such-article") is False
        assert store.remove("https://example.org/not-a-graph") is False
        assert store.count() == count


def test_remove_then_add_back_gives_an_isomorphic_graph(tmp_path: Path, three: Dataset) -> None:
    with KGStore(tmp_path / "s") as store:
        store.add(three)
        before = union_graph(store)
        assert len(before) > 0
        assert store.remove("art-0002")
        assert not isomorphic(union_graph(store), before)
        report = store.add(three)
        assert len(report.added) == 1
        assert isomorphic(union_graph(store), before)


def test_dataset_view_sees_the_merged_graph(tmp_path: Path, three: Dataset) -> None:
    with KGStore(tmp_path / "s") as store:
        store.add(three)
        rows = store.dataset.query("SELECT ?c ?p ?m WHERE { ?c ?p ?m }", initBindings={"p": KG.released})
        assert len({(c, m) for c, _, m in rows}) == 3 * 2


def test_default_graph_triples_are_refused(tmp_path: Path) -> None:
    ds = make_articles(1)
    ds.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
    with KGStore(tmp_path / "s") as store:
        with pytest.raises(StoreError, match="default graph"):
            store.add(ds)
        assert store.count() == 0


def test_invalid_iri_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    ds = make_articles(2)
    ds.graph(URIRef("https://example.org/g")).add(
        (URIRef("https://example.org/a b"), URIRef("https://example.org/p"), Literal("x"))
    )
    with KGStore(tmp_path / "s") as store:
        with pytest.raises(StoreError, match="not valid RDF"):
            store.add(ds)
        assert store.count() == 0


def test_open_store_errors_name_the_problem(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("hello")
    with pytest.raises(StoreError, match="is a file"):
        open_store(a_file)
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.md").write_text("mine")
    with pytest.raises(StoreError, match="not a kg store"):
        open_store(other)
    assert sorted(p.name for p in other.iterdir()) == ["notes.md"]
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing", create=False)
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "missing", read_only=True)
    assert not (tmp_path / "missing").exists()


def test_open_store_returns_a_union_dataset(tmp_path: Path, three: Dataset) -> None:
    with KGStore(tmp_path / "s") as store:
        store.add(three)
    ds = open_store(tmp_path / "s", read_only=True)
    try:
        assert len(ds) == sum(len(g) for g in three.graphs())  # default graph = union
    finally:
        ds.close()


def _child(script: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-c", script], env=env, cwd=REPO)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"child exited early with {proc.returncode}")
        if time.monotonic() > deadline:
            proc.kill()
            raise AssertionError(f"child did not create {path} in time")
        time.sleep(0.002)


def test_store_locked_by_another_process_is_a_clear_error(tmp_path: Path) -> None:
    folder, ready = tmp_path / "s", tmp_path / "ready"
    proc = _child(
        textwrap.dedent(
            f"""
            import pathlib, time
            from kg.graph.store import KGStore
            store = KGStore({str(folder)!r})
            pathlib.Path({str(ready)!r}).touch()
            time.sleep(60)
            """
        )
    )
    try:
        _wait_for(ready, proc)
        with pytest.raises(StoreError, match="locked"):
            KGStore(folder)
    finally:
        proc.kill()
        proc.wait(10)
    with KGStore(folder) as store:  # the lock dies with its holder
        assert store.count() == 0


BIG_BATCH = 200  # articles
BIG_FACTS = 12  # facts per article, ~14 quads each: ~35,000 quads in one batch


def _batch_script(folder: Path, started: Path, done: Path) -> str:
    return (
        "from __future__ import annotations\n"
        + inspect.getsource(make_articles)
        + textwrap.dedent(
            f"""
            import pathlib
            from kg.graph.store import KGStore

            class Signalling(KGStore):
                def _write(self, quads):
                    pathlib.Path({str(started)!r}).touch()
                    super()._write(quads)

            batch = make_articles({BIG_BATCH}, facts={BIG_FACTS}, start=1000)
            store = Signalling({str(folder)!r})
            report = store.add(batch)
            pathlib.Path({str(done)!r}).write_text(str(len(report.added)))
            store.close()
            """
        )
    )


def _seed(folder: Path) -> tuple[int, list[str]]:
    with KGStore(folder) as store:
        store.add(make_articles(3))
        return store.count(), store.graphs()


def test_sigkill_during_a_batch_leaves_the_store_as_before(tmp_path: Path) -> None:
    folder, started, done = tmp_path / "s", tmp_path / "started", tmp_path / "done"
    before = _seed(folder)
    proc = _child(_batch_script(folder, started, done))
    _wait_for(started, proc)
    time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert not done.exists(), "the batch finished before the kill; make it bigger"
    with KGStore(folder) as store:
        assert (store.count(), store.graphs()) == before
        assert len(store.articles()) == 3


def test_batch_without_kill_adds_everything(tmp_path: Path) -> None:
    folder, started, done = tmp_path / "s", tmp_path / "started", tmp_path / "done"
    count, graphs = _seed(folder)
    proc = _child(_batch_script(folder, started, done))
    assert proc.wait(120) == 0
    assert done.read_text() == str(BIG_BATCH)
    expected = make_articles(BIG_BATCH, facts=BIG_FACTS, start=1000)
    with KGStore(folder) as store:
        assert store.count() == count + quad_count(expected)
        assert store.graphs() == sorted(graphs + [str(g.identifier) for g in expected.graphs() if len(g)])


def test_sigkill_during_a_removal_leaves_the_article_in_place(tmp_path: Path) -> None:
    folder, started = tmp_path / "s", tmp_path / "started"
    big = make_articles(1, facts=2000, start=7)  # one article graph of ~28,000 quads
    with KGStore(folder) as store:
        store.add(make_articles(2))
        store.add(big)
        before = (store.count(), store.graphs())
    victim = next(str(g.identifier) for g in big.graphs() if len(g))
    proc = _child(
        textwrap.dedent(
            f"""
            import pathlib
            from kg.graph.store import KGStore
            store = KGStore({str(folder)!r})
            pathlib.Path({str(started)!r}).touch()
            store.remove({victim!r})
            pathlib.Path({str(started)!r} + ".done").touch()
            """
        )
    )
    _wait_for(started, proc)
    time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    assert not Path(str(started) + ".done").exists(), "the removal finished before the kill"
    with KGStore(folder) as store:
        assert (store.count(), store.graphs()) == before
