"""GEXF 1.3 and GraphML read back with networkx."""

from __future__ import annotations

import networkx as nx
import pytest

from letopis import export


@pytest.fixture(scope="module", params=["gexf", "graphml"])
def network(request, chronology, tmp_path_factory):
    path = tmp_path_factory.mktemp("net") / f"paris.{request.param}"
    export.write(chronology, request.param, path)
    if request.param == "gexf":
        return nx.read_gexf(path, version="1.3")
    return nx.read_graphml(path)


def _involved(chronology) -> set[str]:
    return {p["entity"] for e in chronology["events"] for p in e["participants"]} | \
        {p for e in chronology["events"] for p in e["places"]}


def test_nodes_are_events_and_the_entities_in_them(network, chronology):
    kinds = nx.get_node_attributes(network, "kind")
    assert {n for n, k in kinds.items() if k == "event"} == {e["id"] for e in chronology["events"]}
    assert {n for n, k in kinds.items() if k == "entity"} == _involved(chronology)
    for e in chronology["events"]:
        data = network.nodes[e["id"]]
        assert data["type"] == e["type"] and data["label"] == e["trigger"]["text"]
        assert data.get("earliest") == e["time"]["earliest"] and data.get("latest") == e["time"]["latest"]


def test_participation_and_cause_edges(network, chronology):
    edges = [(u, v, d["kind"], d.get("role")) for u, v, d in network.edges(data=True)]
    participation = sorted((u, v, r) for u, v, k, r in edges if k == "participant")
    assert participation == sorted((p["entity"], e["id"], p["role"]) for e in chronology["events"] for p in e["participants"])
    places = sorted((u, v) for u, v, k, _ in edges if k == "place")
    assert places == sorted((p, e["id"]) for e in chronology["events"] for p in e["places"])
    causes = sorted((u, v) for u, v, k, _ in edges if k == "cause")
    assert causes and causes == sorted((r["source"], r["target"]) for r in chronology["relations"] if r["type"] == "cause")


def test_gexf_events_carry_their_window_for_the_timeline(chronology, tmp_path):
    path = tmp_path / "paris.gexf"
    export.write(chronology, "gexf", path)
    graph = nx.read_gexf(path, version="1.3")
    assert graph.graph["mode"] == "dynamic"
    for e in chronology["events"]:
        data = graph.nodes[e["id"]]
        assert data.get("start") == e["time"]["earliest"] and data.get("end") == e["time"]["latest"]
