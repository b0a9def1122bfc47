"""JSON-LD parsed by rdflib's own JSON-LD parser and queried as RDF."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import XSD

from letopis import export

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
CRM = Namespace("http://www.cidoc-crm.org/cidoc-crm/")
LETOPIS = Namespace("urn:letopis:vocab:")
WGS84 = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
PREFIXES = {"sem": SEM, "rdf": RDF, "rdfs": RDFS, "crm": CRM, "letopis": LETOPIS}


def _graph(chronology, **options) -> Graph:
    return Graph().parse(data=export.render(chronology, "jsonld", **options), format="json-ld")


@pytest.fixture(scope="module")
def graph(chronology):
    return _graph(chronology)


def _event(event_id: str) -> URIRef:
    return URIRef(f"urn:letopis:event:{event_id}")


def test_every_event_is_a_sem_event_according_to_its_document(graph, chronology):
    events = set(graph.subjects(RDF.type, SEM.Event))
    assert events == {_event(e["id"]) for e in chronology["events"]}
    for e in chronology["events"]:
        assert graph.value(_event(e["id"]), SEM.accordingTo) == URIRef(f"urn:letopis:doc:{e['doc']}")
        assert graph.value(_event(e["id"]), RDFS.label) == Literal(e["trigger"]["text"])
        kind = graph.value(_event(e["id"]), SEM.eventType)
        assert (kind, RDF.type, SEM.EventType) in graph and graph.value(kind, RDFS.label) == Literal(e["type"])


def test_time_bounds_are_typed_dates(graph, chronology):
    rows = graph.query("""
        SELECT ?event ?earliest ?latest WHERE {
            ?event a sem:Event ; sem:hasTime ?t . ?t a sem:Time .
            OPTIONAL { ?t sem:hasEarliestBeginTimeStamp ?earliest }
            OPTIONAL { ?t sem:hasLatestBeginTimeStamp ?latest }
        }""", initNs=PREFIXES)
    got = {str(r.event): (r.earliest, r.latest) for r in rows}
    dated = [e for e in chronology["events"] if e["time"]["earliest"] or e["time"]["latest"]]
    assert set(got) == {str(_event(e["id"])) for e in dated}

    def lit(value):
        return None if value is None else Literal(value, datatype=XSD.date)

    for e in dated:
        assert got[str(_event(e["id"]))] == (lit(e["time"]["earliest"]), lit(e["time"]["latest"]))


def test_actors_through_roles_with_role_types(graph, chronology):
    rows = graph.query("""
        SELECT ?event ?actor ?role WHERE {
            ?event sem:hasActor ?r . ?r a sem:Role ; rdf:value ?actor ; sem:roleType ?rt .
            ?rt a sem:RoleType ; rdfs:label ?role . ?actor a sem:Actor .
        }""", initNs=PREFIXES)
    got = sorted((str(r.event), str(r.actor), str(r.role)) for r in rows)
    expected = sorted((str(_event(e["id"])), f"urn:letopis:entity:{p['entity']}", p["role"])
                      for e in chronology["events"] for p in e["participants"])
    assert got == expected and got


def test_places_with_coordinates(graph, chronology):
    places = {(str(e), str(p)) for e, p in graph.subject_objects(SEM.hasPlace)}
    assert places == {(str(_event(e["id"])), f"urn:letopis:entity:{p}") for e in chronology["events"] for p in e["places"]}
    for entity in chronology["entities"]:
        geo = (entity.get("attributes") or {}).get("geo")
        if geo:
            node = URIRef(f"urn:letopis:entity:{entity['id']}")
            assert float(graph.value(node, WGS84.lat)) == geo["lat"]
            assert float(graph.value(node, WGS84.long)) == geo["lon"]


def test_causes_run_from_cause_to_effect(graph, chronology):
    causes = [r for r in chronology["relations"] if r["type"] == "cause"]
    assert causes
    assert {(str(s), str(o)) for s, o in graph.subject_objects(LETOPIS.causes)} == \
        {(str(_event(r["source"])), str(_event(r["target"]))) for r in causes}


def test_cidoc_crm_mapping(chronology):
    graph = _graph(chronology, cidoc=True)
    assert set(graph.subjects(RDF.type, CRM.E5_Event)) == set(graph.subjects(RDF.type, SEM.Event))
    for e in chronology["events"]:
        span = graph.value(_event(e["id"]), CRM["P4_has_time-span"])
        earliest, latest = e["time"]["earliest"], e["time"]["latest"]
        if not (earliest or latest):
            assert span is None
            continue
        assert (span, RDF.type, CRM["E52_Time-Span"]) in graph
        begin = graph.value(span, CRM.P82a_begin_of_the_begin)
        assert (begin is None) == (earliest is None)
        if earliest:
            assert str(begin).startswith(earliest)
        if latest:
            assert str(graph.value(span, CRM.P81a_end_of_the_begin)).startswith(latest)
        agents = {f"urn:letopis:entity:{p['entity']}" for p in e["participants"] if p["role"] == "agent"}
        assert {str(a) for a in graph.objects(_event(e["id"]), CRM.P14_carried_out_by)} == agents
        assert {str(p) for p in graph.objects(_event(e["id"]), CRM.P7_took_place_at)} == \
            {f"urn:letopis:entity:{p}" for p in e["places"]}
    # the contract bounds only the beginning: no end of the end is claimed
    assert not list(graph.subject_objects(CRM.P82b_end_of_the_end))


def test_base_iri_is_used(chronology):
    graph = _graph(chronology, base="https://archive.example/paris/")
    first = chronology["events"][0]["id"]
    assert (URIRef(f"https://archive.example/paris/event:{first}"), RDF.type, SEM.Event) in graph
