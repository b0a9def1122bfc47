/* letopis viewer: helpers shared by every page.
 * Safety rule: text from documents and the API is only ever put into the page with
 * textContent or as attribute values through setAttribute; never through innerHTML. */
"use strict";

const L = (() => {
  const SVG = "http://www.w3.org/2000/svg";

  /** An element: h("a", {href: "/x", class: "y"}, "text", child, ...). Strings become text nodes. */
  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  /** An SVG element, same calling convention as h(). */
  function s(tag, attrs, ...children) {
    const node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
  }

  function append(node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  /** GET (or POST with options) a JSON API path; rejects with the server's one-line message. */
  async function api(path, params, options) {
    const url = new URL(path, location.origin);
    for (const [key, value] of Object.entries(params || {})) {
      if (value !== null && value !== undefined && value !== "") url.searchParams.set(key, value);
    }
    let response;
    try {
      response = await fetch(url, options);
    } catch (error) {
      throw new Error("сервер не отвечает: " + error.message);
    }
    let data = null;
    try { data = await response.json(); } catch (error) { /* not JSON */ }
    if (!response.ok) {
      const message = data && data.error ? data.error.message : response.statusText;
      const failure = new Error(message);
      failure.status = response.status;
      throw failure;
    }
    return data;
  }

  function main() { return document.getElementById("main"); }

  /** Replace the page's content. */
  function show(...children) {
    const root = main();
    root.replaceChildren();
    append(root, children);
    return root;
  }

  /** Replace a node's children; like replaceChildren, but null and false add nothing (not "null"). */
  function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
  }

  function errorBox(error) {
    const status = error && error.status ? ` (${error.status})` : "";
    return h("p", {class: "error", role: "alert"}, "Ошибка" + status + ": " + (error && error.message || error));
  }

  /** Text with marked spans: spans are {start, end, kind, ...} offsets into text, sorted, not overlapping. */
  function marked(text, spans, decorate) {
    const out = document.createDocumentFragment();
    let at = 0;
    for (const span of spans || []) {
      if (span.start < at || span.end > text.length) continue;
      out.append(document.createTextNode(text.slice(at, span.start)));
      const mark = h("mark", {class: span.kind}, text.slice(span.start, span.end));
      if (decorate) decorate(mark, span);
      out.append(mark);
      at = span.end;
    }
    out.append(document.createTextNode(text.slice(at)));
    return out;
  }

  function query() { return new URLSearchParams(location.search); }

  /** Put a page's state into the address bar without reloading. */
  function setQuery(values) {
    const url = new URL(location.href);
    url.search = "";
    for (const [key, value] of Object.entries(values)) if (value) url.searchParams.set(key, value);
    history.replaceState(null, "", url);
  }

  function pathId() {
    return decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
  }

  const FACTUALITY = {actual: "", negated: "не произошло", intended: "намерение", unrealized: "не осуществлено",
                      hypothetical: "предположение", uncertain: "неясно"};
  const ROLES = {agent: "деятель", patient: "объект", recipient: "адресат", instrument: "средство", beneficiary: "в пользу"};

  function eventLink(ev) {
    return h("a", {href: "/events/" + encodeURIComponent(ev.id)}, (ev.trigger && ev.trigger.text) || ev.label || ev.id);
  }

  function entityLink(entity) {
    return h("a", {href: "/entities/" + encodeURIComponent(entity.id)}, entity.name || entity.label || entity.id);
  }

  function dateCell(ev) {
    const date = ev.date || {};
    return h("td", {class: "date"}, date.text || "дата неизвестна", date.basis ? h("span", {class: "basis"}, date.basis) : null);
  }

  function factBadge(value) {
    const words = FACTUALITY[value];
    return words ? h("span", {class: "fact", title: value}, words) : null;
  }

  /** "Иван (деятель), Пётр (объект)" as links, from an event and an id → entity map. */
  function participants(ev, entities) {
    const out = [];
    for (const p of ev.participants || []) {
      const entity = entities[p.entity];
      if (!entity) continue;
      if (out.length) out.push(", ");
      out.push(entityLink(entity), " ", h("span", {class: "role"}, "(" + (ROLES[p.role] || p.role) + ")"));
    }
    return out;
  }

  function places(ev, entities) {
    const out = [];
    for (const id of ev.places || []) {
      const entity = entities[id];
      if (!entity) continue;
      if (out.length) out.push(", ");
      out.push(entityLink(entity));
    }
    return out;
  }

  /** The events table used by the entity, search and timeline pages. */
  function eventsTable(events, entities, options) {
    const withSentence = options && options.sentence;
    const head = h("tr", {}, h("th", {}, "дата"), h("th", {}, "событие"), h("th", {}, "участники"), h("th", {}, "место"),
                   withSentence ? h("th", {}, "предложение") : null);
    const rows = events.map((ev) => h("tr", {"data-event": ev.id},
      dateCell(ev),
      h("td", {}, eventLink(ev), " ", h("span", {class: "type"}, ev.type || ""), " ", factBadge(ev.factuality)),
      h("td", {}, participants(ev, entities)),
      h("td", {}, places(ev, entities)),
      withSentence ? h("td", {class: "small"}, ev.sentence_text || "") : null));
    return h("table", {class: "events"}, h("thead", {}, head), h("tbody", {}, rows));
  }

  /** Previous/next links for an API page ({limit, offset, more}). */
  function pager(page, go) {
    const prev = h("button", {type: "button", disabled: page.offset <= 0, onclick: () => go(Math.max(0, page.offset - page.limit))}, "← назад");
    const next = h("button", {type: "button", disabled: !page.more, onclick: () => go(page.offset + page.limit)}, "дальше →");
    const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length}` : "ничего";
    return h("div", {class: "pager"}, prev, h("span", {class: "muted"}, shown), next);
  }

  function title(text) { document.title = text + " — letopis"; }

  return {h, s, api, show, fill, errorBox, marked, query, setQuery, pathId, eventLink, entityLink, dateCell, factBadge,
          participants, places, eventsTable, pager, title, FACTUALITY, ROLES, main};
})();
