/* Graph: actors and the events they take part in, laid out by a small force simulation. */
"use strict";

(async () => {
  const {h, s} = L;
  const W = 1000, H = 680;
  const COLORS = {PERSON: "#1d4f91", ORGANIZATION: "#2f7d4f", GROUP: "#8a6d1d", PROFESSION: "#7a3b8f"};

  /** A few hundred steps of repulsion, springs and gravity; deterministic (no Math.random). */
  function layout(nodes, links) {
    const n = nodes.length;
    nodes.forEach((node, i) => {
      const angle = i * 2.399963, radius = 30 + 280 * Math.sqrt(i / Math.max(1, n));
      node.x = W / 2 + radius * Math.cos(angle); node.y = H / 2 + radius * Math.sin(angle); node.vx = 0; node.vy = 0;
    });
    const index = new Map(nodes.map((node) => [node.id, node]));
    const edges = links.map((l) => [index.get(l.source), index.get(l.target)]).filter(([a, b]) => a && b);
    const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.55;
    for (let step = 0, heat = 1; step < 300; step++, heat *= 0.985) {
      for (let i = 0; i < n; i++) {
        const a = nodes[i];
        for (let j = i + 1; j < n; j++) {
          const b = nodes[j];
          let dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy || 0.01;
          if (d2 > 4 * k * k) continue;
          const force = (k * k) / d2 * 0.35;
          a.vx += dx * force; a.vy += dy * force; b.vx -= dx * force; b.vy -= dy * force;
        }
      }
      for (const [a, b] of edges) {
        const dx = b.x - a.x, dy = b.y - a.y, d = Math.sqrt(dx * dx + dy * dy) || 0.01;
        const force = (d - k * 0.7) / d * 0.08;
        a.vx += dx * force; a.vy += dy * force; b.vx -= dx * force; b.vy -= dy * force;
      }
      for (const node of nodes) {
        node.vx += (W / 2 - node.x) * 0.01; node.vy += (H / 2 - node.y) * 0.01;
        const v = Math.sqrt(node.vx * node.vx + node.vy * node.vy), cap = 20 * heat;
        if (v > cap) { node.vx *= cap / v; node.vy *= cap / v; }
        node.x = Math.min(W - 130, Math.max(20, node.x + node.vx)); node.y = Math.min(H - 20, Math.max(20, node.y + node.vy));
        node.vx *= 0.5; node.vy *= 0.5;
      }
    }
    return edges;
  }

  function draw(data, box) {
    const edges = layout(data.nodes, data.links);
    const svg = s("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "граф участников и событий"});
    const lines = s("g", {});
    for (const [a, b] of edges) lines.append(s("line", {class: "link", x1: a.x, y1: a.y, x2: b.x, y2: b.y}));
    const nodes = s("g", {});
    const taken = [];  // label boxes placed so far: actors first, then events; a label that would overlap is left to its tooltip
    const fits = (x, y, text) => {
      const box = [x, y - 10, x + text.length * 6.2, y + 3];
      if (box[2] > W || taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) return false;
      taken.push(box);
      return true;
    };
    const ordered = [...data.nodes].sort((a, b) => (a.kind === "actor" ? 0 : 1) - (b.kind === "actor" ? 0 : 1));
    for (const node of ordered) {
      const href = node.kind === "actor" ? "/entities/" + encodeURIComponent(node.id) : "/events/" + encodeURIComponent(node.id);
      const g = s("a", {class: "node", href, "data-kind": node.kind});
      if (node.kind === "actor") {
        g.append(s("circle", {cx: node.x, cy: node.y, r: 7, fill: COLORS[node.type] || "#555"}));
        if (fits(node.x + 9, node.y + 4, node.label)) g.append(s("text", {x: node.x + 9, y: node.y + 4, "font-weight": "bold"}, node.label));
      } else {
        g.append(s("rect", {x: node.x - 4, y: node.y - 4, width: 8, height: 8, fill: "#e0b400", stroke: "#7a5f00"}));
        if (fits(node.x + 6, node.y + 3, node.label)) g.append(s("text", {x: node.x + 6, y: node.y + 3, fill: "#666"}, node.label));
      }
      g.append(s("title", {}, node.kind === "actor" ? node.label : `${node.label} — ${L.typeWords(node.type)}`));
      nodes.append(g);
    }
    svg.append(lines, nodes);
    L.fill(box, svg);
  }

  const q = L.query();
  const box = h("div", {class: "chart graph", id: "graph"});
  const form = h("form", {class: "filters"},
    h("label", {}, "документ", L.docSelect(q.get("doc"))),
    h("label", {}, "лицо", h("input", {type: "text", name: "person", value: q.get("person") || ""})),
    h("label", {}, "событий не больше", h("input", {type: "text", name: "limit", value: q.get("limit") || "80", size: 4})),
    h("button", {type: "submit", class: "primary"}, "показать"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    L.setQuery({doc: (data.get("doc") || "").trim(), person: data.get("person").trim(), limit: data.get("limit").trim()});
    load();
  });
  const legend = h("div", {class: "swatches"}, Object.entries({PERSON: "лицо", ORGANIZATION: "организация", GROUP: "группа", PROFESSION: "должность"}).map(([type, words]) => {
    const swatch = h("span", {class: "swatch"});
    swatch.style.background = COLORS[type];
    return h("span", {}, swatch, words);
  }), h("span", {}, "■ событие (жёлтый квадрат); линия — участие"));

  async function load() {
    const q = L.query();
    L.fill(box, h("p", {class: "loading"}, "Загрузка…"));
    try {
      const data = await L.api("/api/graph", {doc: q.get("doc"), person: q.get("person"), limit: q.get("limit") || 80});
      if (!data.nodes.length) { L.fill(box, h("p", {class: "muted"}, "Нет событий с названными участниками.")); return; }
      draw(data, box);
    } catch (error) {
      L.fill(box, L.errorBox(error));
    }
  }
  L.title("Граф");
  L.show(h("h1", {}, "Участники и события"), form, legend, box);
  load();
})();
