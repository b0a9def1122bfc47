/* Map: places on a plain equirectangular projection with a graticule; no tiles, no network. */
"use strict";

(async () => {
  const {h, s} = L;
  const W = 960, H = 540, CLUSTER = 16;
  let places = [], view = null, selected = null, land = null;
  const chart = h("div", {class: "chart map", id: "map"});
  const side = h("aside", {id: "place"});

  /** Every place as a link too: places at the same point (a country drawn at its capital) stay reachable. */
  function placeList() {
    return [h("p", {class: "muted"}, "Выберите место на карте или в списке."),
      h("ul", {class: "plain", id: "place-list"}, places.map((place) => h("li", {},
        h("a", {href: "#" + place.id, onclick: (e) => { e.preventDefault(); choose(place); }}, place.name),
        " ", h("span", {class: "muted small"}, String(place.mentions)))))];
  }

  function fit(items) {
    if (!items.length) return {lon0: -180, lon1: 180, lat0: -60, lat1: 80};
    let lon0 = Math.min(...items.map((p) => p.geo.lon)), lon1 = Math.max(...items.map((p) => p.geo.lon));
    let lat0 = Math.min(...items.map((p) => p.geo.lat)), lat1 = Math.max(...items.map((p) => p.geo.lat));
    const pad = Math.max(4, (lon1 - lon0) * 0.1, (lat1 - lat0) * 0.1);
    return aspect({lon0: lon0 - pad, lon1: lon1 + pad, lat0: lat0 - pad, lat1: lat1 + pad});
  }

  /** Widen the view so one degree of longitude and of latitude take the same screen length. */
  function aspect(v) {
    let width = v.lon1 - v.lon0, height = v.lat1 - v.lat0;
    if (width / height < W / H) width = height * W / H; else height = width * H / W;
    const cx = (v.lon0 + v.lon1) / 2, cy = (v.lat0 + v.lat1) / 2;
    return {lon0: cx - width / 2, lon1: cx + width / 2, lat0: cy - height / 2, lat1: cy + height / 2};
  }

  function draw() {
    const v = view;
    const px = (lon) => ((lon - v.lon0) / (v.lon1 - v.lon0)) * W;
    const py = (lat) => ((v.lat1 - lat) / (v.lat1 - v.lat0)) * H;
    const svg = s("svg", {viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "карта мест"});
    svg.append(s("rect", {class: "sea", x: 0, y: 0, width: W, height: H}));
    if (land) {
      // Land outlines in degrees, placed with one transform (x = lon, y = -lat).
      const k = W / (v.lon1 - v.lon0);
      const g = s("g", {transform: `translate(${-v.lon0 * k} ${v.lat1 * k}) scale(${k} ${-k})`});
      for (const d of land) g.append(s("path", {class: "land", d}));
      svg.append(g);
    }
    const span = v.lon1 - v.lon0;
    const step = [1, 2, 5, 10, 15, 30].find((x) => span / x <= 12) || 30;
    const grid = s("g", {class: "graticule"});
    for (let lon = Math.ceil(v.lon0 / step) * step; lon <= v.lon1; lon += step) {
      grid.append(s("line", {x1: px(lon), x2: px(lon), y1: 0, y2: H}));
      grid.append(s("text", {x: px(lon) + 2, y: H - 4, class: "placelabel", "font-size": 10, stroke: "none"}, `${lon}°`));
    }
    for (let lat = Math.ceil(v.lat0 / step) * step; lat <= v.lat1; lat += step) {
      grid.append(s("line", {x1: 0, x2: W, y1: py(lat), y2: py(lat)}));
      grid.append(s("text", {x: 2, y: py(lat) - 2, class: "placelabel", "font-size": 10, stroke: "none"}, `${lat}°`));
    }
    svg.append(grid);
    const most = Math.max(1, ...places.map((p) => p.mentions));
    const dots = s("g", {});
    const labels = s("g", {});
    const taken = [];
    // Places closer than a few pixels form a cluster, drawn once with its count; a click zooms into it.
    const groups = [];
    for (const place of [...places].sort((a, b) => b.mentions - a.mentions)) {
      const x = px(place.geo.lon), y = py(place.geo.lat);
      if (x < -20 || x > W + 20 || y < -20 || y > H + 20) continue;
      const near = groups.find((g) => Math.hypot(g.x - x, g.y - y) < CLUSTER && !g.members.some((m) => m.id === selected));
      if (near && place.id !== selected) { near.members.push(place); near.mentions += place.mentions; }
      else groups.push({x, y, members: [place], mentions: place.mentions});
    }
    for (const group of groups) {
      const {x, y} = group, place = group.members[0], many = group.members.length > 1;
      const r = 3 + 11 * Math.sqrt(Math.min(1, group.mentions / most));
      const title = group.members.map((m) => `${m.name}: упоминаний ${m.mentions}`).join("\n");
      const dot = s("circle", {class: "place" + (many ? " cluster" : "") + (selected === place.id ? " selected" : ""), cx: x, cy: y, r,
                               tabindex: 0, "data-place": group.members.map((m) => m.id).join(" ")}, s("title", {}, title));
      const act = () => { if (many) { view = fit(group.members); draw(); } else choose(place); };
      dot.addEventListener("click", act);
      dot.addEventListener("keydown", (e) => { if (e.key === "Enter") act(); });
      dots.append(dot);
      if (many) dots.append(s("text", {class: "clustercount", x, y: y + 4}, String(group.members.length)));
      // Label the biggest places first and skip a label that would overlap one already placed.
      const name = many ? `${place.name} и ещё ${group.members.length - 1}` : place.name;
      const box = {x0: x + r + 2, x1: x + r + 2 + name.length * 7, y0: y - 8, y1: y + 6};
      const free = !taken.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1);
      if ((r > 4 && free && box.x1 < W) || selected === place.id) {
        taken.push(box);
        labels.append(s("text", {class: "placelabel", x: box.x0, y: y + 4, "font-size": 12}, name));
      }
    }
    svg.append(dots, labels);
    svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const box = svg.getBoundingClientRect();
      const lon = v.lon0 + ((e.clientX - box.left) / box.width) * (v.lon1 - v.lon0);
      const lat = v.lat1 - ((e.clientY - box.top) / box.height) * (v.lat1 - v.lat0);
      zoom(e.deltaY > 0 ? 1.25 : 0.8, lon, lat);
    }, {passive: false});
    L.fill(chart, svg);
  }

  function zoom(factor, lon, lat) {
    const v = view;
    lon = lon === undefined ? (v.lon0 + v.lon1) / 2 : lon;
    lat = lat === undefined ? (v.lat0 + v.lat1) / 2 : lat;
    const width = Math.min(360, Math.max(0.5, (v.lon1 - v.lon0) * factor));
    const height = width * H / W;
    const rx = (lon - v.lon0) / (v.lon1 - v.lon0), ry = (lat - v.lat0) / (v.lat1 - v.lat0);
    view = {lon0: lon - rx * width, lon1: lon - rx * width + width, lat0: lat - ry * height, lat1: lat - ry * height + height};
    draw();
  }

  function choose(place) {
    selected = place.id;
    history.replaceState(null, "", "#" + place.id);
    L.fill(side,
      h("h2", {}, L.entityLink(place)),
      h("p", {class: "muted small"}, `${place.geo.lat.toFixed(2)}, ${place.geo.lon.toFixed(2)} · упоминаний: ${place.mentions}`),
      place.events.length ? h("ul", {class: "plain", id: "place-events"}, place.events.map((ev) => h("li", {},
        L.eventLink(ev), " ", h("span", {class: "type"}, L.typeWords(ev.type)), h("div", {class: "small muted"}, ev.date.text))))
        : h("p", {class: "muted"}, "Событий в этом месте не найдено."),
      place.more_events ? h("p", {}, h("a", {href: "/timeline?place=" + encodeURIComponent(place.name)}, "все события места на шкале →")) : null,
      h("p", {}, h("a", {href: "#", onclick: (e) => { e.preventDefault(); selected = null; L.fill(side, ...placeList()); draw(); }}, "← все места")));
    draw();
  }

  L.title("Карта");
  L.show(h("h1", {}, "Карта"), h("p", {class: "loading"}, "Загрузка…"));
  try {
    const [found, outlines] = await Promise.all([L.api("/api/places"), fetch("/static/land.json").then((r) => r.ok ? r.json() : null).catch(() => null)]);
    places = found.items;
    land = outlines && outlines.paths;
    view = fit(places);
    const tools = h("div", {class: "toolbar"},
      h("button", {type: "button", onclick: () => zoom(0.6)}, "+"),
      h("button", {type: "button", onclick: () => zoom(1 / 0.6)}, "−"),
      h("button", {type: "button", onclick: () => { view = fit(places); draw(); }}, "все места"),
      h("button", {type: "button", onclick: () => { view = aspect({lon0: -180, lon1: 180, lat0: -60, lat1: 80}); draw(); }}, "весь мир"),
      h("span", {class: "muted"}, `Мест с координатами: ${places.length}. Равнопромежуточная проекция; контуры суши — Natural Earth 1:110m, без подложки из интернета.`));
    L.fill(side, ...placeList());
    L.show(h("h1", {}, "Карта"), tools, h("div", {class: "mapwrap"}, chart, side));
    draw();
    const wanted = places.find((p) => "#" + p.id === location.hash);
    if (wanted) choose(wanted);
  } catch (error) {
    L.show(h("h1", {}, "Карта"), L.errorBox(error));
  }
})();
