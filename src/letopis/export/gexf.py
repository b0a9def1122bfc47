"""GEXF 1.3 (Gephi's own format) from the chronology network (`network.build`).

The graph is `mode="dynamic"` with `timeformat="date"`: an event node's `start`/`end`
are its earliest/latest bounds, so Gephi's timeline shows when events may have begun.
Entities have no interval and are present throughout.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from typing import Any

from .network import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, Graph, build

NS = "http://gexf.net/1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def to_xml(chronology: Any, **extras: Any) -> str:
    return render(build(chronology, **extras))


def render(g: Graph) -> str:
    root = ET.Element("gexf", {"xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{NS} {NS}/gexf.xsd", "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": datetime.date.today().isoformat()})
    ET.SubElement(meta, "creator").text = "letopis"
    ET.SubElement(meta, "description").text = "Events and the entities taking part in them"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"})
    for cls, names in (("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)):
        attributes = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for name in names:
            ET.SubElement(attributes, "attribute", {"id": name, "title": name, "type": "string"})
    nodes = ET.SubElement(graph, "nodes")
    for node_id, label, values in g.nodes:
        interval = {k: v for k, v in (("start", values.get("earliest")), ("end", values.get("latest"))) if v}
        node = ET.SubElement(nodes, "node", {"id": node_id, "label": label, **interval})
        _values(node, values)
    edges = ET.SubElement(graph, "edges")
    for n, (source, target, values) in enumerate(g.edges):
        edge = ET.SubElement(edges, "edge", {"id": str(n), "source": source, "target": target,
                                             "label": values.get("role") or values.get("kind", "")})
        _values(edge, values)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _values(element: ET.Element, values: dict[str, str]) -> None:
    holder = ET.SubElement(element, "attvalues")
    for name, value in values.items():
        if value:
            ET.SubElement(holder, "attvalue", {"for": name, "value": value})
