/* Exploration page: one set of facets and a time histogram over four linked views
 * (timeline, map, graph, table). A selection in any view (a brushed period, a place,
 * an actor) becomes a facet that filters every view; the whole state lives in the URL. */
"use strict";

(() => {
  const {h, s} = L;
  const FACETS = ["person", "place", "entity", "type", "factuality", "doc", "disputed", "from", "to"];
  const ACTORS = new Set(["PERSON", "ORGANIZATION", "GROUP"]);
  const EVENTS_SHOWN = 500, TABLE_PAGE = 25;
  const state = {facets: {}, page: 0, docs: [], land: null, mapView: null, names: {}};

  // --- state in the URL ---------------------------------------------------------------

  function readUrl() {
    const q = L.query();
    state.facets = {};
    for (const key of FACETS) if (q.get(key)) state.facets[key] = q.get(key);
    state.page = Math.max(0, Number(q.get("page")) || 0);
  }

  function writeUrl() {
    L.setQuery({...state.facets, page: state.page ? String(state.page) : ""});
  }

  /** Change some facets (null removes one), put them in the URL and redraw every view. */
  function select(changes) {
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "" || value === undefined) delete state.facets[key];
      else state.facets[key] = value;
    }
    state.page = 0;
    writeUrl();
    syncForm();
    refresh();
  }

  const withoutDates = () => { const f = {...state.facets}; delete f.from; delete f.to; return f; };

  // --- facets -------------------------------------------------------------------------

  let form, chips;

  function suggest(input, type) {
    const list = h("datalist", {id: "suggest-" + input.name});
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const prefix = input.value.trim();
      if (prefix.length < 2) return;
      timer = setTimeout(async () => {
        try {
          const found = await L.api("/api/suggest", {q: prefix, type, limit: 10});
          L.fill(list, found.items.map((e) => h("option", {value: e.name}, `${e.name} — ${e.mentions}`)));
        } catch (error) { /* suggestions are a help, not a requirement */ }
      }, 150);
    });
    return list;
  }

  function facetsForm() {
    const text = (name, placeholder) => h("input", {type: "search", name, placeholder, size: 16});
    const person = text("person", "имя, начало имени"), place = text("place", "город, страна");
    const types = Object.entries(LABELS.event_types).sort((a, b) => a[1].localeCompare(b[1], "ru"));
    form = h("form", {class: "filters", role: "search", id: "facets"},
      h("label", {}, "лицо", person, suggest(person, "PERSON")),
      h("label", {}, "место", place, suggest(place, "LOCATION")),
      h("label", {}, "тип", h("select", {name: "type"}, h("option", {value: ""}, "любой"),
        types.map(([code, words]) => h("option", {value: code}, words)))),
      h("label", {}, "фактичность", h("select", {name: "factuality"}, h("option", {value: ""}, "любая"),
        Object.entries(LABELS.factuality).map(([code, words]) => h("option", {value: code}, words)))),
      h("label", {}, "документ", h("select", {name: "doc", id: "doc-facet"}, h("option", {value: ""}, "все"))),
      h("label", {class: "check"}, h("span", {}, "разногласия"),
        h("span", {}, h("input", {type: "checkbox", name: "disputed", value: "yes"}), " только спорные")),
      h("button", {type: "submit", class: "primary"}, "показать"),
      h("button", {type: "button", onclick: () => { state.facets = {}; state.page = 0; writeUrl(); syncForm(); refresh(); }}, "сбросить"));
    form.addEventListener("submit", (e) => { e.preventDefault(); select(formValues()); });
    form.addEventListener("change", (e) => { if (e.target.tagName === "SELECT" || e.target.type === "checkbox") select(formValues()); });
    chips = h("p", {class: "chips", id: "chips"});
    return [form, chips];
  }

  function formValues() {
    const data = new FormData(form), out = {};
    for (const key of ["person", "place", "type", "factuality", "doc"]) out[key] = (data.get(key) || "").trim() || null;
    out.disputed = data.get("disputed") ? "yes" : null;
    return out;
  }

  function syncForm() {
    for (const key of ["person", "place", "type", "factuality", "doc"]) form.elements[key].value = state.facets[key] || "";
    form.elements.disputed.checked = state.facets.disputed === "yes";
    const parts = [];
    const chip = (label, keys) => h("button", {type: "button", class: "chip", "data-facet": keys[0],
      onclick: () => select(Object.fromEntries(keys.map((k) => [k, null])))}, label, " ×");
    if (state.facets.from || state.facets.to) {
      parts.push(chip(`период: ${periodWords(state.facets.from, state.facets.to)}`, ["from", "to"]));
    }
    if (state.facets.entity) parts.push(chip(`участник: ${state.names[state.facets.entity] || "выбранный"}`, ["entity"]));
    L.fill(chips, parts.length ? ["Выбрано: ", parts] : null);
  }

  function periodWords(from, to) {
    const a = from ? Axis.short(from, from) : "начала", b = to ? Axis.short(to, to) : "конца";
    return `с ${a} по ${b}`;
  }

  // --- the time histogram with its brush ----------------------------------------------

  /** Drag across an SVG of `width` to choose a period; `day(px)` maps pixels to day numbers. */
  function brushable(svg, width, height, day) {
    const brush = s("rect", {class: "brush", x: 0, y: 0, width: 0, height, visibility: "hidden"});
    svg.append(brush);
    let start = null;
    const at = (e) => { const box = svg.getBoundingClientRect(); return Math.max(0, Math.min(width, ((e.clientX - box.left) / box.width) * width)); };
    svg.addEventListener("pointerdown", (e) => { if (e.target.closest("a, .ev")) return; start = at(e); svg.setPointerCapture(e.pointerId); });
    svg.addEventListener("pointermove", (e) => {
      if (start === null) return;
      const now = at(e);
      brush.setAttribute("x", Math.min(start, now)); brush.setAttribute("width", Math.abs(now - start));
      brush.setAttribute("visibility", "visible");
    });
    svg.addEventListener("pointerup", (e) => {
      if (start === null) return;
      const end = at(e), lo = Math.min(start, end), hi = Math.max(start, end);
      start = null;
      if (hi - lo < 4) { brush.setAttribute("visibility", "hidden"); return; }
      select({from: Days.text(Math.floor(day(lo))), to: Days.text(Math.max(Math.floor(day(lo)), Math.floor(day(hi)) - 1))});
    });
  }

  function drawHistogram(box, data) {
    if (!data.bins.length) { L.fill(box, h("p", {class: "muted"}, "Датированных событий нет.")); return; }
    const width = Math.max(280, box.clientWidth || 900), H = 80, base = H - 16;
    const o0 = Days.number(data.from), o1 = Days.number(data.to) + 1;
    const x = (n) => ((n - o0) / (o1 - o0)) * width;
    const svg = s("svg", {viewBox: `0 0 ${width} ${H}`, role: "img", "aria-label": "события по времени; протяните, чтобы выбрать период"});
    const most = Math.max(1, ...data.bins.map((b) => b.count));
    const a = Days.number(state.facets.from), b = Days.number(state.facets.to);
    for (const bin of data.bins) {
      if (!bin.count) continue;
      const b0 = Days.number(bin.from), b1 = Days.number(bin.to);
      const bx = x(b0), bw = Math.max(1.5, x(b1) - bx - 0.5), height = Math.max(2, (bin.count / most) * (base - 4));
      const inside = (a === null || b1 > a) && (b === null || b0 <= b);
      const bar = s("rect", {class: "bar" + (inside ? "" : " outside"), x: bx, y: base - height, width: bw, height});
      bar.append(s("title", {}, `${periodWords(bin.from, bin.to)}: ${bin.count} соб.`));
      svg.append(bar);
    }
    for (const [n, label] of Axis.ticks(o0, o1, width, 110)) {
      if (x(n) + label.length * 5.5 > width) continue;  // a label cut by the edge says nothing
      svg.append(s("line", {class: "grid", x1: x(n), x2: x(n), y1: base, y2: base + 4}));
      svg.append(s("text", {x: x(n) + 2, y: H - 3, class: "tick"}, label));
    }
    brushable(svg, width, base, (px) => o0 + (px / width) * (o1 - o0));
    L.fill(box, svg);
  }

  // --- the timeline view --------------------------------------------------------------

  function bounds(ev) { const t = ev.time || {}; return [Days.number(t.earliest), Days.number(t.latest)]; }

  function drawTimeline(box, events) {
    const dated = events.filter((ev) => bounds(ev).some((x) => x !== null));
    if (!dated.length) { L.fill(box, h("p", {class: "muted empty"}, "Датированных событий нет.")); return; }
    let d0 = Days.number(state.facets.from), d1 = Days.number(state.facets.to);
    if (d0 === null || d1 === null) {
      const known = dated.flatMap((ev) => bounds(ev).filter((x) => x !== null));
      const lo = Math.min(...known), hi = Math.max(...known) + 1, pad = Math.max(5, (hi - lo) * 0.03);
      d0 = d0 ?? lo - pad; d1 = d1 !== null ? d1 + 1 : hi + pad;
    } else d1 += 1;
    const width = Math.max(280, box.clientWidth || 600), LANE = 18, AXIS = 26, LANES = 10;
    const x = (n) => 4 + ((n - d0) / (d1 - d0)) * (width - 8);
    const clamp = (px) => Math.max(2, Math.min(width - 2, px));
    const lanes = [], marks = [];
    for (const ev of dated.slice().sort((p, q) => (bounds(p)[0] ?? bounds(p)[1]) - (bounds(q)[0] ?? bounds(q)[1]))) {
      const [a, b] = bounds(ev);
      const open = a === null || b === null;
      const x0 = clamp(x(a ?? b)), x1 = clamp(Math.max(x0 + 6, x((b ?? a) + 1)));
      const label = ((ev.trigger && ev.trigger.text) || "").slice(0, 18);
      const right = x1 + 4 + label.length * 6;
      let lane = lanes.findIndex((end) => end < x0 - 2);
      let withLabel = right < width;
      if (lane < 0 && lanes.length < LANES) { lane = lanes.length; lanes.push(-Infinity); }
      if (lane < 0) { lane = LANES - 1; withLabel = false; }
      lanes[lane] = Math.max(lanes[lane], withLabel ? right : x1);
      marks.push({ev, x0, x1, lane, open, label: withLabel ? label : ""});
    }
    const height = AXIS + lanes.length * LANE + 6;
    const svg = s("svg", {viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "шкала времени; протяните, чтобы выбрать период"});
    for (const [n, label] of Axis.ticks(d0, d1, width, 100)) {
      svg.append(s("line", {class: "grid", x1: x(n), x2: x(n), y1: AXIS - 6, y2: height}));
      svg.append(s("text", {class: "tick", x: x(n) + 3, y: AXIS - 10, "data-day": Days.text(n)}, label));
    }
    for (const m of marks) {
      const y = AXIS + m.lane * LANE + LANE / 2;
      const g = s("g", {class: "ev" + (m.open ? " open" : ""), "data-event": m.ev.id, tabindex: 0, role: "link"});
      if (m.x1 - m.x0 <= 7 && !m.open) g.append(s("circle", {cx: (m.x0 + m.x1) / 2, cy: y, r: 4.5}));
      else g.append(s("rect", {x: m.x0, y: y - 4, width: m.x1 - m.x0, height: 8, rx: m.open ? 0 : 3}));
      if (m.label) g.append(s("text", {class: "evlabel", x: m.x1 + 4, y: y + 4}, m.label));
      g.append(s("title", {}, `${(m.ev.trigger && m.ev.trigger.text) || ""} — ${L.typeWords(m.ev.type)}, ${(m.ev.date || {}).text || ""}`));
      const go = () => { location.href = "/events/" + encodeURIComponent(m.ev.id); };
      g.addEventListener("click", go);
      g.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
      svg.append(g);
    }
    brushable(svg, width, height, (px) => d0 + ((px - 4) / (width - 8)) * (d1 - d0));
    L.fill(box, svg);
  }

  // --- the map view -------------------------------------------------------------------

  function placesOf(events, entities) {
    const found = new Map();
    for (const ev of events) {
      for (const id of ev.places || []) {
        const e = entities[id];
        if (!e || !e.geo) continue;
        if (!found.has(id)) found.set(id, {...e, count: 0});
        found.get(id).count += 1;
      }
    }
    return [...found.values()].sort((a, b) => b.count - a.count);
  }

  function fitView(points, W, H) {
    let lon0 = Math.min(...points.map((p) => p.geo.lon)), lon1 = Math.max(...points.map((p) => p.geo.lon));
    let lat0 = Math.min(...points.map((p) => p.geo.lat)), lat1 = Math.max(...points.map((p) => p.geo.lat));
    const pad = Math.max(2, (lon1 - lon0) * 0.12, (lat1 - lat0) * 0.12);
    lon0 -= pad; lon1 += pad; lat0 -= pad; lat1 += pad;
    let w = lon1 - lon0, hgt = lat1 - lat0;
    if (w / hgt < W / H) w = hgt * W / H; else hgt = w * H / W;
    const cx = (lon0 + lon1) / 2, cy = (lat0 + lat1) / 2;
    return {lon0: cx - w / 2, lon1: cx + w / 2, lat0: cy - hgt / 2, lat1: cy + hgt / 2};
  }

  /** Points that fall within `radius` pixels of a bigger one join its cluster. */
  function clusters(points, px, py, radius) {
    const out = [];
    for (const p of points) {
      const x = px(p.geo.lon), y = py(p.geo.lat);
      const near = out.find((c) => Math.hypot(c.x - x, c.y - y) < radius);
      if (near) { near.members.push(p); near.count += p.count; } else out.push({x, y, members: [p], count: p.count});
    }
    return out;
  }

  function drawMap(box, events, entities) {
    const points = placesOf(events, entities);
    if (!points.length) { L.fill(box, h("p", {class: "muted empty"}, "У мест этих событий нет координат.")); return; }
    const W = 600, H = 360;
    const v = fitView(points, W, H);
    const px = (lon) => ((lon - v.lon0) / (v.lon1 - v.lon0)) * W, py = (lat) => ((v.lat1 - lat) / (v.lat1 - v.lat0)) * H;
    const svg = s("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "карта мест выбранных событий"});
    svg.append(s("rect", {class: "sea", x: 0, y: 0, width: W, height: H}));
    if (state.land) {
      const k = W / (v.lon1 - v.lon0);
      const g = s("g", {transform: `translate(${-v.lon0 * k} ${v.lat1 * k}) scale(${k} ${-k})`});
      for (const d of state.land) g.append(s("path", {class: "land", d}));
      svg.append(g);
    }
    const groups = clusters(points, px, py, 22);
    const most = Math.max(...groups.map((c) => c.count));
    const taken = [];  // label boxes already placed: a label that would overlap one is left out
    for (const c of groups.sort((a, b) => b.count - a.count)) {
      const r = 4 + 8 * Math.sqrt(c.count / most);
      const lead = c.members[0];
      const g = s("g", {class: "place" + (c.members.length > 1 ? " cluster" : ""), tabindex: 0, role: "button",
                        "data-place": c.members.map((m) => m.id).join(" ")});
      g.append(s("circle", {cx: c.x, cy: c.y, r}));
      if (c.members.length > 1) g.append(s("text", {class: "count", x: c.x, y: c.y + 4}, String(c.members.length)));
      const name = c.members.length > 1 ? `${lead.name} и ещё ${c.members.length - 1}` : lead.name;
      const lw = name.length * 6.5, lx = c.x + r + 3, ly = c.y + 4;
      const boxes = [lx, ly - 11, lx + lw, ly + 2];
      if (lx + lw < W && !taken.some((t) => !(boxes[2] < t[0] || boxes[0] > t[2] || boxes[3] < t[1] || boxes[1] > t[3]))) {
        taken.push(boxes);
        g.append(s("text", {class: "placelabel", x: lx, y: ly}, name));
      }
      g.append(s("title", {}, c.members.map((m) => `${m.name}: ${m.count} соб.`).join("\n")));
      g.addEventListener("click", () => select({place: lead.name}));
      svg.append(g);
    }
    L.fill(box, svg, h("p", {class: "small muted"}, `Мест: ${points.length}. Щелчок по месту — отбор по нему во всех видах.`));
  }

  // --- the graph view -----------------------------------------------------------------

  function drawGraph(box, events, entities) {
    const count = new Map();
    for (const ev of events) for (const p of ev.participants || []) {
      const e = entities[p.entity];
      if (e && ACTORS.has(e.type)) count.set(e.id, (count.get(e.id) || 0) + 1);
    }
    const actors = [...count.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([id]) => entities[id]);
    const chosen = new Set(actors.map((a) => a.id));
    const shown = events.filter((ev) => (ev.participants || []).some((p) => chosen.has(p.entity))).slice(0, 24);
    if (!shown.length) { L.fill(box, h("p", {class: "muted empty"}, "У этих событий нет участников-лиц, групп или организаций.")); return; }
    const width = Math.max(300, box.clientWidth || 600), ROW = 22, H = Math.max(actors.length, shown.length) * ROW + 20;
    const left = Math.min(190, width * 0.38), right = width - Math.min(230, width * 0.5);
    const svg = s("svg", {viewBox: `0 0 ${width} ${H}`, role: "img", "aria-label": "граф: участники и их события"});
    const ay = new Map(actors.map((a, i) => [a.id, 14 + i * (H - 20) / Math.max(1, actors.length - 1 || 1)]));
    const ey = new Map(shown.map((ev, i) => [ev.id, 14 + i * ROW]));
    const links = s("g", {class: "links"});
    for (const ev of shown) for (const p of ev.participants || []) {
      if (!chosen.has(p.entity)) continue;
      const y0 = ay.get(p.entity), y1 = ey.get(ev.id), mid = (left + right) / 2;
      links.append(s("path", {class: "link", d: `M${left} ${y0} C${mid} ${y0} ${mid} ${y1} ${right} ${y1}`},
        s("title", {}, p.role_words || L.roleWords(p.role))));
    }
    svg.append(links);
    for (const a of actors) {
      const y = ay.get(a.id);
      const g = s("g", {class: "node actor", "data-entity": a.id, tabindex: 0, role: "button"},
        s("circle", {cx: left, cy: y, r: 5}),
        s("text", {x: left - 8, y: y + 4, "text-anchor": "end"}, a.name.length > 26 ? a.name.slice(0, 25) + "…" : a.name),
        s("title", {}, `${a.name} (${L.entityTypeWords(a.type)}): ${count.get(a.id)} соб.`));
      g.addEventListener("click", () => { state.names[a.id] = a.name; select({entity: a.id}); });
      svg.append(g);
    }
    for (const ev of shown) {
      const y = ey.get(ev.id), t = ev.time || {};
      const label = `${(ev.trigger && ev.trigger.text) || ""}, ${Axis.short(t.earliest, t.latest) || "без даты"}`;
      const g = s("g", {class: "node event", "data-event": ev.id, tabindex: 0, role: "link"},
        s("rect", {x: right - 4, y: y - 4, width: 8, height: 8}),
        s("text", {x: right + 8, y: y + 4}, label.length > 34 ? label.slice(0, 33) + "…" : label),
        s("title", {}, `${label} — ${L.typeWords(ev.type)}`));
      g.addEventListener("click", () => { location.href = "/events/" + encodeURIComponent(ev.id); });
      svg.append(g);
    }
    L.fill(box, svg, h("p", {class: "small muted"}, "Щелчок по участнику — отбор по нему во всех видах."));
  }

  // --- the table view -----------------------------------------------------------------

  function drawTable(box, page) {
    Object.assign(state.names, Object.fromEntries(Object.values(page.entities || {}).map((e) => [e.id, e.name])));
    const total = page.total !== undefined ? ` из ${page.total}` : "";
    const shown = page.items.length ? `События ${page.offset + 1}–${page.offset + page.items.length}${total}` : "Событий нет";
    L.fill(box, h("p", {class: "muted", id: "table-count"}, shown),
      page.items.length ? h("div", {class: "scroll"}, L.eventsTable(page.items, page.entities)) : null,
      page.more || page.offset ? L.pager(page, (offset) => { state.page = offset / TABLE_PAGE; writeUrl(); loadTable(box); }) : null);
  }

  async function loadTable(box) {
    try {
      drawTable(box, await L.api("/api/events", {...state.facets, limit: TABLE_PAGE, offset: state.page * TABLE_PAGE, count: "yes"}));
    } catch (error) {
      L.fill(box, L.errorBox(error));
    }
  }

  // --- putting it together ------------------------------------------------------------

  const boxes = {};
  let generation = 0;

  async function refresh() {
    const mine = ++generation;
    for (const box of Object.values(boxes)) box.classList.add("busy");
    try {
      const [histogram, events] = await Promise.all([
        L.api("/api/histogram", {...withoutDates(), bins: 100}),
        L.api("/api/events", {...state.facets, limit: EVENTS_SHOWN}),
      ]);
      if (mine !== generation) return;
      Object.assign(state.names, Object.fromEntries(Object.values(events.entities || {}).map((e) => [e.id, e.name])));
      syncForm();
      drawHistogram(boxes.histogram, histogram);
      drawTimeline(boxes.timeline, events.items);
      drawMap(boxes.map, events.items, events.entities);
      drawGraph(boxes.graph, events.items, events.entities);
      L.fill(boxes.status, `Событий в выборке: ${events.items.length}${events.more ? ` (показаны первые ${EVENTS_SHOWN})` : ""}.`);
      await loadTable(boxes.table);
    } catch (error) {
      L.fill(boxes.status, L.errorBox(error));
    } finally {
      if (mine === generation) for (const box of Object.values(boxes)) box.classList.remove("busy");
    }
  }

  async function start() {
    L.title("Обзор");
    readUrl();
    const panel = (id, title, box) => h("section", {class: "panel", id: "panel-" + id}, h("h2", {}, title), box);
    for (const id of ["histogram", "timeline", "map", "graph", "table"]) boxes[id] = h("div", {class: "view", id: "ex-" + id});
    boxes.histogram.classList.add("histogram");
    boxes.status = h("p", {class: "muted", id: "ex-status", role: "status"});
    L.show(h("h1", {}, "Обзор корпуса"), facetsForm(),
      h("section", {class: "panel wide", id: "panel-histogram"}, h("h2", {}, "События по времени"),
        h("p", {class: "small muted"}, "Протяните мышью по гистограмме или по шкале, чтобы выбрать период."), boxes.histogram),
      boxes.status,
      h("div", {class: "views"}, panel("timeline", "Шкала времени", boxes.timeline), panel("map", "Карта", boxes.map),
        panel("graph", "Участники и события", boxes.graph), panel("table", "Таблица", boxes.table)));
    syncForm();
    const [docs, land] = await Promise.all([
      L.api("/api/documents", {limit: 1000}).catch(() => ({items: []})),
      fetch("/static/land.json").then((r) => r.ok ? r.json() : null).catch(() => null),
    ]);
    state.land = land && land.paths;
    L.fill(document.getElementById("doc-facet"), h("option", {value: ""}, "все"),
      docs.items.map((d) => h("option", {value: d.id}, d.title || d.source || d.id)));
    syncForm();
    await refresh();
    let resize;
    window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(refresh, 200); });
  }

  start();
})();
