"""GraphML from the chronology network (`network.build`), for Gephi, yEd, Cytoscape, igraph.

GraphML has no notion of time; the event dates are plain string attributes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

from .network import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Graph, build

NS = "http://graphml.graphdrawing.org/xmlns"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def to_xml(chronology: Any, **extras: Any) -> str:
    return render(build(chronology, **extras))


def render(g: Graph) -> str:
    root = ET.Element("graphml", {"xmlns": NS, "xmlns:xsi": XSI,
                                  "xsi:schemaLocation": f"{NS} {NS}/1.0/graphml.xsd"})
    keys = [("node", "label")] + [("node", a) for a in NODE_ATTRIBUTES] + [("edge", a) for a in EDGE_ATTRIBUTES]
    for domain, name in keys:
        ET.SubElement(root, "key", {"id": f"{domain[0]}_{name}", "for": domain, "attr.name": name, "attr.type": "string"})
    graph = ET.SubElement(root, "graph", {"id": "letopis", "edgedefault": "directed"})
    for node_id, label, values in g.nodes:
        node = ET.SubElement(graph, "node", {"id": node_id})
        _data(node, "n", {"label": label, **values})
    for n, (source, target, values) in enumerate(g.edges):
        edge = ET.SubElement(graph, "edge", {"id": f"e{n}", "source": source, "target": target})
        _data(edge, "e", values)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _data(element: ET.Element, prefix: str, values: dict[str, str]) -> None:
    for name, value in values.items():
        if value:
            ET.SubElement(element, "data", {"key": f"{prefix}_{name}"}).text = value
