/* Timeline: events placed by their earliest/latest bounds; undated events listed apart.
 * Events whose sources disagree are ringed in red; events told by several sources show how many. */
"use strict";

(() => {
  const {h, s} = L;
  const PAGE = 300;
  const ROW_LABEL = 170, LANE = 22, ROW_GAP = 8, AXIS = 34, MAX_LANES = 8, OPEN = 42;
  const COLORS = {actual: "#7a2e1f", intended: "#d08a2b", unrealized: "#9b9b9b", negated: "#4d4d4d",
                  hypothetical: "#5b78b8", uncertain: "#9a6fb0"};
  const ACTORS = new Set(["PERSON", "ORGANIZATION", "GROUP", "PROFESSION"]);

  const state = {events: [], entities: {}, more: false, offset: 0, rows: L.query().get("rows") || "type", domain: null,
                 open: L.query().get("open") !== "no", overview: null};
  const FILTERS = ["person", "place", "type", "factuality", "doc", "from", "to", "disputed"];


  const ticks = Axis.ticks;  // centuries, years, months or days, as the span asks (axis.js)

  function bounds(ev) {
    const t = ev.time || {};
    return {a: Days.number(t.earliest), b: Days.number(t.latest)};
  }

  function dated(ev) { const {a, b} = bounds(ev); return a !== null || b !== null; }

  function rowKeys(ev) {
    if (state.rows === "type") return [ev.type || "—"];
    const keys = [];
    for (const p of ev.participants || []) {
      const e = state.entities[p.entity];
      if (e && ACTORS.has(e.type) && !keys.includes(e.id)) keys.push(e.id);
    }
    return keys.length ? keys : [""];
  }

  function rowName(key) {
    if (state.rows === "type") return L.typeWords(key === "—" ? "" : key);
    return key ? (state.entities[key] || {}).name || key : "без участников";
  }

  function fullDomain(events) {
    let lo = Infinity, hi = -Infinity;
    for (const ev of events) {
      const {a, b} = bounds(ev);
      for (const x of [a, b]) if (x !== null) { lo = Math.min(lo, x); hi = Math.max(hi, x + 1); }
    }
    if (lo === Infinity) return null;
    const pad = Math.max(10, (hi - lo) * 0.06);
    return [lo - pad, hi + pad * 2.5];  // room on the right for the last labels
  }

  function draw(chart) {
    const events = state.events.filter(dated).filter((ev) => state.open || !openEnded(ev));
    const width = Math.max(600, chart.clientWidth || 900);
    const svg = s("svg", {role: "img", "aria-label": "шкала времени"});
    L.fill(chart, svg);
    if (!events.length) {
      svg.setAttribute("height", 60);
      svg.append(s("text", {x: 20, y: 35, class: "rowlabel"}, "Нет датированных событий для этих условий."));
      return;
    }
    state.domain = state.domain || filterDomain() || fullDomain(events);
    const [d0, d1] = state.domain;
    const plot = width - ROW_LABEL - 10;
    const x = (n) => ROW_LABEL + ((n - d0) / (d1 - d0)) * plot;
    const inView = (ev) => { const g = geometry(ev, x, width); return g.x1 >= ROW_LABEL && g.x0 <= width; };

    const defs = s("defs", {});
    for (const [name, color] of Object.entries(COLORS)) {
      defs.append(s("linearGradient", {id: "open-r-" + name}, s("stop", {offset: "0", "stop-color": color, "stop-opacity": "0.85"}),
                    s("stop", {offset: "1", "stop-color": color, "stop-opacity": "0"})));
      defs.append(s("linearGradient", {id: "open-l-" + name}, s("stop", {offset: "0", "stop-color": color, "stop-opacity": "0"}),
                    s("stop", {offset: "1", "stop-color": color, "stop-opacity": "0.85"})));
    }
    svg.append(defs);

    // rows, biggest first
    const rows = new Map();
    for (const ev of events.filter(inView)) for (const key of rowKeys(ev)) (rows.get(key) || rows.set(key, []).get(key)).push(ev);
    const ordered = [...rows.entries()].sort((p, q) => q[1].length - p[1].length);

    const body = s("g", {});
    const marks = s("g", {"clip-path": "url(#plot-clip)"});
    const clip = s("rect", {x: ROW_LABEL - 2, y: 0, width: plot + 12, height: 10});
    defs.append(s("clipPath", {id: "plot-clip"}, clip));
    let y = AXIS + 6;
    for (const [key, list] of ordered) {
      const lanes = [];
      const placed = [];
      for (const ev of list) {
        const shape = geometry(ev, x, width);
        const label = (ev.trigger && ev.trigger.text) || "";
        const right = shape.x1 + 4 + label.length * 6.2;
        let lane = lanes.findIndex((end) => end < shape.x0 - 3);
        let crowded = false;
        if (lane < 0) {
          crowded = lanes.length >= MAX_LANES;  // no free lane left: drawn without its label
          lane = Math.min(lanes.length, MAX_LANES - 1);
        }
        lanes[lane] = Math.max(lanes[lane] || -Infinity, crowded ? shape.x1 : right);
        placed.push([ev, shape, lane, crowded ? "" : label]);
      }
      const height = Math.max(1, Math.min(lanes.length, MAX_LANES)) * LANE;
      body.append(s("line", {class: "grid", x1: 0, x2: width, y1: y + height + ROW_GAP / 2, y2: y + height + ROW_GAP / 2}));
      const name = rowName(key);
      const rowLabel = s("text", {class: "rowlabel", x: 6, y: y + 15}, name.length > 24 ? name.slice(0, 23) + "…" : name);
      rowLabel.append(s("title", {}, `${name}: ${list.length}`));
      body.append(rowLabel);
      for (const [ev, shape, lane, label] of placed) marks.append(mark(ev, shape, y + lane * LANE, label));
      y += height + ROW_GAP;
    }

    const axis = s("g", {class: "axis"});
    for (const [n, label] of ticks(d0, d1, plot)) {
      const px = x(n);
      if (px < ROW_LABEL || px > width) continue;
      axis.append(s("line", {class: "grid", x1: px, x2: px, y1: AXIS - 6, y2: y}));
      axis.append(s("text", {x: px + 3, y: AXIS - 12, class: "tick", "data-day": Days.text(n)}, label));
    }
    if (!ordered.length) body.append(s("text", {x: ROW_LABEL + 10, y: AXIS + 24, class: "rowlabel"}, "В этом окне событий нет."));
    clip.setAttribute("height", y + 4);
    body.append(marks);
    svg.setAttribute("height", y + 4);
    svg.setAttribute("viewBox", `0 0 ${width} ${y + 4}`);
    svg.append(axis, body);
    svg.append(s("rect", {x: 0, y: 0, width: ROW_LABEL - 4, height: y + 4, fill: "#fff", "fill-opacity": "0.9"}));
    for (const label of body.querySelectorAll(".rowlabel")) svg.append(label);
    interact(svg, chart, x, plot);
  }

  /** Where an event's mark goes: a point for one day, a bar for a range, a fading bar for an open bound. */
  function geometry(ev, x, width) {
    const {a, b} = bounds(ev);
    if (a !== null && b !== null && a === b) return {kind: "point", x0: x(a + 0.5) - 5, x1: x(a + 0.5) + 5};
    if (a !== null && b !== null) {
      const x0 = Math.max(x(a), ROW_LABEL - 1), x1 = Math.min(Math.max(x(b + 1), x0 + 6), width + 1);
      return {kind: "range", x0, x1};
    }
    // An open bound stays inside the window: «не ранее X» begun before the window shows at its left edge.
    if (a !== null) { const x0 = Math.max(x(a), ROW_LABEL); return {kind: "after", x0, x1: x0 + OPEN, cut: x(a) < ROW_LABEL}; }
    const x1 = Math.min(x(b + 1), width);
    return {kind: "before", x0: x1 - OPEN, x1, cut: x(b + 1) > width};
  }

  function openEnded(ev) { const {a, b} = bounds(ev); return (a === null) !== (b === null); }

  /** The window a from/to filter asks for: exactly that period. */
  function filterDomain() {
    const q = L.query(), a = Days.number(q.get("from")), b = Days.number(q.get("to"));
    if (a === null && b === null) return null;
    const loaded = fullDomain(state.events.filter(dated)) || [a ?? b, (b ?? a) + 1];
    return [a ?? loaded[0], b !== null ? b + 1 : loaded[1]];
  }

  function mark(ev, shape, top, label) {
    const fact = COLORS[ev.factuality] ? ev.factuality : "actual";
    const color = COLORS[fact];
    const mid = top + LANE / 2;
    const g = s("g", {class: "ev", tabindex: 0, role: "link", "data-event": ev.id, "data-earliest": (ev.time || {}).earliest || "",
                      "data-latest": (ev.time || {}).latest || "", "data-shape": shape.kind});
    if (shape.kind === "point") g.append(s("circle", {cx: (shape.x0 + shape.x1) / 2, cy: mid, r: 5, fill: color}));
    else if (shape.kind === "range") g.append(s("rect", {x: shape.x0, y: mid - 5, width: shape.x1 - shape.x0, height: 10, rx: 3,
                                                         fill: color, "fill-opacity": 0.55, stroke: color}));
    else {
      const side = shape.kind === "after" ? "r" : "l";
      g.append(s("rect", {x: shape.x0, y: mid - 5, width: shape.x1 - shape.x0, height: 10, fill: `url(#open-${side}-${fact})`}));
      const edge = shape.kind === "after" ? shape.x0 : shape.x1;
      if (shape.cut) g.classList.add("cut");  // its known bound lies outside the window
      else g.append(s("line", {x1: edge, x2: edge, y1: mid - 7, y2: mid + 7, stroke: color, "stroke-width": 2}));
    }
    const disputed = ev.conflicts && ev.conflicts.length;
    if (disputed) {
      g.classList.add("disputed");
      g.dataset.conflicts = ev.conflicts.join(" ");
      if (shape.kind === "point") g.append(s("circle", {class: "ring", cx: (shape.x0 + shape.x1) / 2, cy: mid, r: 8.5}));
      else g.append(s("rect", {class: "ring", x: shape.x0 - 3, y: mid - 8, width: shape.x1 - shape.x0 + 6, height: 16, rx: 5}));
    }
    const sources = ev.sources > 1 ? ev.sources : 0;
    g.dataset.sources = String(ev.sources || 1);
    const labelX = shape.x1 + (disputed ? 7 : 4);
    if (label) {
      const text = s("text", {class: "evlabel", x: labelX, y: mid + 4}, label);
      if (sources) text.append(s("tspan", {class: "srccount", dx: 3}, `×${sources}`));
      g.append(text);
    }
    const date = ev.date || {};
    const cross = (sources ? `\nрассказывают ${L.documents(sources)}` : "") +
      (disputed ? `\nисточники расходятся: ${ev.conflicts.map((k) => L.CONFLICT_KINDS[k] || k).join(", ")}` : "");
    g.append(s("title", {}, `${(ev.trigger && ev.trigger.text) || ""} — ${L.typeWords(ev.type)}\n${date.described || date.text || ""}${cross}`));
    const open = () => { location.href = "/events/" + encodeURIComponent(ev.id); };
    g.addEventListener("click", open);
    g.addEventListener("keydown", (e) => { if (e.key === "Enter") open(); });
    return g;
  }

  function interact(svg, chart, x, plot) {
    const zoomAt = (factor, px) => {
      const [d0, d1] = state.domain;
      const at = d0 + ((px - ROW_LABEL) / plot) * (d1 - d0);
      const span = Math.max(3, Math.min(400000, (d1 - d0) * factor));
      const ratio = (at - d0) / (d1 - d0);
      state.domain = [at - ratio * span, at - ratio * span + span];
      draw(chart);
      drawOverview();
    };
    svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const box = svg.getBoundingClientRect();
      const px = ((e.clientX - box.left) / box.width) * svg.viewBox.baseVal.width;
      zoomAt(e.deltaY > 0 ? 1.25 : 0.8, Math.max(ROW_LABEL, px));
    }, {passive: false});
    let drag = null;
    svg.addEventListener("mousedown", (e) => { drag = {x: e.clientX, domain: state.domain.slice()}; });
    window.onmouseup = () => { drag = null; };
    svg.addEventListener("mousemove", (e) => {
      if (!drag || Math.abs(e.clientX - drag.x) < 3) return;
      const box = svg.getBoundingClientRect();
      const shift = ((e.clientX - drag.x) / box.width) * svg.viewBox.baseVal.width / plot * (drag.domain[1] - drag.domain[0]);
      state.domain = [drag.domain[0] - shift, drag.domain[1] - shift];
      draw(chart);
    });
    state.zoomAt = zoomAt;
  }

  function filtersForm(values) {
    const field = (name, label, input) => h("label", {}, label, input);
    const text = (name, placeholder) => h("input", {type: "text", name, value: values.get(name) || "", placeholder, size: 14});
    const fact = h("select", {name: "factuality"}, h("option", {value: ""}, "любая"),
      Object.keys(COLORS).map((key) => h("option", {value: key, selected: values.get("factuality") === key}, L.FACTUALITY[key] || "произошло")));
    const form = h("form", {class: "filters", role: "search"},
      field("person", "лицо", text("person", "имя или фамилия")),
      field("place", "место", text("place", "город, страна")),
      field("type", "тип", text("type", "сражение, восстание…")),
      field("factuality", "фактичность", fact),
      field("doc", "документ", L.docSelect(values.get("doc"))),
      field("from", "с", h("input", {type: "date", name: "from", value: values.get("from") || ""})),
      field("to", "по", h("input", {type: "date", name: "to", value: values.get("to") || ""})),
      h("label", {class: "check"}, h("span", {}, "разногласия"),
        h("span", {}, h("input", {type: "checkbox", name: "disputed", value: "yes", checked: values.get("disputed") === "yes"}), " только спорные")),
      h("button", {type: "submit", class: "primary"}, "показать"),
      h("button", {type: "button", onclick: () => { location.search = ""; }}, "сбросить"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const data = new FormData(form);
      const values = {rows: state.rows, open: state.open ? "" : "no"};
      for (const key of FILTERS) values[key] = (data.get(key) || "").trim();
      L.setQuery(values);
      state.domain = null;
      load(true);
    });
    return form;
  }

  function legend() {
    const items = Object.entries(COLORS).map(([key, color]) =>
      h("span", {}, h("span", {class: "swatch", style: null, "data-color": color}), L.FACTUALITY[key] || "произошло"));
    const box = h("div", {class: "swatches"}, items,
      h("span", {}, "● точная дата · ▬ промежуток · ▶ открытая граница («не ранее» / «не позднее»)"),
      h("span", {id: "legend-disputed"}, h("span", {class: "swatch ring"}), "источники расходятся (см. «Разногласия»)"),
      h("span", {id: "legend-sources"}, h("b", {class: "srclegend"}, "×2"), " — рассказано в двух документах"));
    // colours set through the CSSOM, not a style attribute (the page's CSP forbids inline styles)
    for (const swatch of box.querySelectorAll(".swatch[data-color]")) swatch.style.background = swatch.dataset.color;
    return box;
  }

  let chart, unknownBox, status, moreButton, overviewBox;

  /** The overview strip: dated events of the whole corpus (the facets, not the dates) by period,
   * the detail's window marked on it; dragging across it chooses the period to show. */
  async function loadOverview() {
    const params = filterParams();
    delete params.from; delete params.to;
    try {
      state.overview = await L.api("/api/histogram", {...params, bins: 120});
      drawOverview();
    } catch (error) {
      L.fill(overviewBox, L.errorBox(error));
    }
  }

  function drawOverview() {
    const data = state.overview;
    if (!data || !data.bins.length) { overviewBox.replaceChildren(); return; }
    const width = Math.max(300, overviewBox.clientWidth || 900), H = 64, base = H - 14;
    const o0 = Days.number(data.from), o1 = Days.number(data.to) + 1;
    const x = (n) => ((n - o0) / (o1 - o0)) * width;
    const svg = s("svg", {viewBox: `0 0 ${width} ${H}`, role: "img", "aria-label": "обзор всего корпуса: события по времени"});
    const most = Math.max(1, ...data.bins.map((b) => b.count));
    for (const bin of data.bins) {
      if (!bin.count) continue;
      const bx = x(Days.number(bin.from)), bw = Math.max(1.5, x(Days.number(bin.to)) - bx - 0.5);
      const height = Math.max(2, (bin.count / most) * (base - 4));
      const bar = s("rect", {class: "bar", x: bx, y: base - height, width: bw, height});
      bar.append(s("title", {}, `${bin.count} соб.`));
      svg.append(bar);
    }
    for (const [n, label] of ticks(o0, o1, width)) {
      if (x(n) + label.length * 5.5 <= width) svg.append(s("text", {x: x(n) + 2, y: H - 2}, label));
    }
    if (state.domain) {
      const w0 = Math.max(0, x(state.domain[0])), w1 = Math.min(width, Math.max(w0 + 3, x(state.domain[1])));
      svg.append(s("rect", {class: "window", x: w0, y: 1, width: w1 - w0, height: base - 1}));
    }
    const brush = s("rect", {class: "brush", x: 0, y: 1, width: 0, height: base - 1, visibility: "hidden"});
    svg.append(brush);
    let start = null;
    const at = (e) => { const box = svg.getBoundingClientRect(); return ((e.clientX - box.left) / box.width) * width; };
    svg.addEventListener("pointerdown", (e) => { start = at(e); svg.setPointerCapture(e.pointerId); });
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
      if (hi - lo < 3) return;
      const day = (px) => Math.floor(o0 + (px / width) * (o1 - o0));
      const current = Object.fromEntries(L.query());
      current.from = Days.text(day(lo)); current.to = Days.text(day(hi));
      L.setQuery(current);
      for (const name of ["from", "to"]) { const input = document.querySelector(`form.filters input[name=${name}]`); if (input) input.value = current[name].startsWith("-") ? "" : current[name]; }
      state.domain = null;
      load(true);
    });
    L.fill(overviewBox, svg);
  }

  function filterParams() {
    const params = {};
    for (const key of FILTERS) params[key] = L.query().get(key);
    return params;
  }

  /** Dated events, PAGE at a time, drawn on the axis. */
  async function load(reset) {
    if (reset) { state.events = []; state.entities = {}; state.offset = 0; loadUndated(0); loadOverview(); }
    status.textContent = "Загрузка…";
    try {
      const page = await L.api("/api/events", {...filterParams(), dated: "yes", limit: PAGE, offset: state.offset});
      state.events.push(...page.items);
      Object.assign(state.entities, page.entities);
      state.more = page.more;
      state.offset += page.items.length;
      const open = state.events.filter((ev) => dated(ev) && openEnded(ev)).length;
      status.textContent = `На шкале событий: ${state.events.length}` + (page.more ? " (есть ещё)" : "") +
        (open ? `; из них с открытой границей: ${open}` + (state.open ? "" : " (скрыты)") : "");
      moreButton.hidden = !page.more;
      draw(chart);
      drawOverview();
    } catch (error) {
      L.fill(status, L.errorBox(error));
    }
  }

  /** Events without any date, listed apart with their own pages. */
  async function loadUndated(offset) {
    const params = filterParams();
    if (params.from || params.to) {
      L.fill(unknownBox, h("h2", {}, "Без даты"), h("p", {class: "muted"}, "При отборе по датам события без даты не показываются."));
      return;
    }
    try {
      const page = await L.api("/api/events", {...params, dated: "no", limit: 100, offset});
      L.fill(unknownBox, h("h2", {}, "Без даты"),
        page.items.length ? L.eventsTable(page.items, page.entities) : h("p", {class: "muted"}, "Событий без даты нет."),
        page.more || offset ? L.pager(page, loadUndated) : null);
    } catch (error) {
      L.fill(unknownBox, h("h2", {}, "Без даты"), L.errorBox(error));
    }
  }

  function start() {
    L.title("Хронология");
    const values = L.query();
    const toggle = h("span", {class: "segmented"},
      ["type", "actor"].map((mode) => h("button", {type: "button", "aria-pressed": state.rows === mode ? "true" : "false", "data-rows": mode,
        onclick: (e) => {
          state.rows = mode;
          for (const b of toggle.querySelectorAll("button")) b.setAttribute("aria-pressed", b.dataset.rows === mode ? "true" : "false");
          const current = Object.fromEntries(L.query());
          current.rows = mode;
          L.setQuery(current);
          draw(chart);
        }}, mode === "type" ? "строки: типы" : "строки: участники")));
    const zoom = (factor) => () => state.zoomAt && state.zoomAt(factor, ROW_LABEL + (chart.clientWidth - ROW_LABEL) / 2);
    const toolbar = h("div", {class: "toolbar"}, toggle,
      h("button", {type: "button", onclick: zoom(0.6), title: "крупнее"}, "+"),
      h("button", {type: "button", onclick: zoom(1 / 0.6), title: "мельче"}, "−"),
      h("button", {type: "button", onclick: () => { state.domain = null; draw(chart); drawOverview(); }}, "весь период"),
      h("label", {class: "check", title: "события, у которых известна только одна граница («не ранее», «не позднее»)"},
        h("input", {type: "checkbox", id: "open-toggle", checked: state.open, onchange: (e) => {
          state.open = e.target.checked;
          const current = Object.fromEntries(L.query());
          current.open = state.open ? "" : "no";
          L.setQuery(current);
          draw(chart);
        }}), " открытые границы"),
      h("span", {class: "muted"}, "колесо мыши — масштаб, перетаскивание — сдвиг, щелчок — страница события"));
    chart = h("div", {class: "chart", id: "timeline"});
    unknownBox = h("section", {id: "undated"});
    status = h("p", {class: "muted", id: "status"});
    moreButton = h("button", {type: "button", hidden: true, onclick: () => load(false)}, `загрузить ещё ${PAGE}`);
    overviewBox = h("div", {class: "chart overview", id: "overview"});
    L.show(h("h1", {}, "Хронология"), filtersForm(values), toolbar, legend(), overviewBox, chart, h("div", {class: "pager"}, status, moreButton), unknownBox);
    let resize;
    window.addEventListener("resize", () => { clearTimeout(resize); resize = setTimeout(() => { draw(chart); drawOverview(); }, 150); });
    load(true);
  }

  start();
})();
