"""The Python API as a notebook user meets it: `import kg`, then one call per task."""
import kg


def test_extract_facts_is_reachable_after_the_extract_stage_is_imported():
    import kg.extract.amounts  # noqa: F401  (kg.extract is the stage's package)

    ex = kg.extract_facts("Nvidia chief executive Jensen Huang spoke.", lang="en")
    assert ("jensen-huang", "leads", "nvidia") in {(f.subject, f.predicate, f.object) for f in ex.facts}


def test_every_public_name_resolves():
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name


def test_from_texts_query_write_and_networkx(tmp_path):
    g = kg.from_texts(["Zentrix Labs, the Busan-based startup, released Quorra-3, its first reasoning model."], lang="en")
    rows = g.query(
        "SELECT ?m WHERE { ?c rdfs:label ?name ; kg:released ?m }", name=kg.literal("Zentrix Labs", lang="en")
    ).to_python()
    assert len(rows) == 1
    out = g.write(tmp_path / "g.ttl")
    assert out.read_text(encoding="utf-8").startswith("@prefix")
    nx_graph = g.to_networkx()
    assert nx_graph.number_of_edges() >= 1
