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

  /* Every code shown to a reader goes through the one table of Russian labels (labels.js,
   * generated from letopis.lang.ru.labels). */
  const FACTUALITY = {...LABELS.factuality, actual: ""};
  const ROLES = LABELS.roles;
  const word = (table, code) => (code === null || code === undefined || code === "") ? "" : (LABELS[table][code] || code);
  const typeWords = (code) => code ? word("event_types", code) : "без типа";
  const roleWords = (code) => word("roles", code);
  const entityTypeWords = (code) => word("entity_types", code);

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
    return words ? h("span", {class: "fact", title: "фактичность"}, words) : null;
  }

  /** "Иван (деятель), Пётр (объект)" as links, from an event and an id → entity map. */
  function participants(ev, entities) {
    const out = [];
    for (const p of ev.participants || []) {
      const entity = entities[p.entity];
      if (!entity) continue;
      if (out.length) out.push(", ");
      out.push(entityLink(entity), " ", h("span", {class: "role"}, "(" + (p.role_words || roleWords(p.role)) + ")"));
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
      h("td", {}, eventLink(ev), " ", h("span", {class: "type"}, typeWords(ev.type)), " ", factBadge(ev.factuality), crossBadges(ev)),
      h("td", {}, participants(ev, entities)),
      h("td", {}, places(ev, entities)),
      withSentence ? h("td", {class: "small"}, ev.sentence_text || "") : null));
    return h("table", {class: "events"}, h("thead", {}, head), h("tbody", {}, rows));
  }

  /** «2 документа», «5 документов»: a count of documents in Russian. */
  function documents(n) {
    const tens = n % 100, ones = n % 10;
    const word = tens >= 11 && tens <= 14 ? "документов" : ones === 1 ? "документ" : ones >= 2 && ones <= 4 ? "документа" : "документов";
    return `${n} ${word}`;
  }

  /** Badges for an event told by several documents and for one whose documents disagree. */
  const CONFLICT_KINDS = LABELS.conflict_kinds;
  function crossBadges(ev) {
    const out = [];
    if (ev.sources > 1) out.push(h("span", {class: "sources-badge", title: `рассказывают ${documents(ev.sources)}`}, `${ev.sources} док.`));
    if (ev.conflicts && ev.conflicts.length) {
      out.push(h("span", {class: "dispute-badge", title: "источники расходятся"}, "спор: " + ev.conflicts.map((k) => CONFLICT_KINDS[k] || k).join(", ")));
    }
    return out.length ? [" ", ...out] : [];
  }

  /** A sentence with its trigger marked (spans are offsets into the sentence). */
  function sentence(text, spans) {
    return h("q", {class: "account-sentence"}, marked(text || "", spans));
  }

  /** One source's account of an event: document, date it gives, sentence. */
  function account(m) {
    const docHref = "/documents/" + encodeURIComponent(m.doc) + (m.trigger ? `#s${m.trigger.start}-${m.trigger.end}` : "");
    return h("li", {class: m.this ? "this" : null, "data-event": m.event, "data-doc": m.doc},
      h("div", {class: "account-head"},
        h("a", {href: docHref, title: m.source || ""}, m.title || m.source || m.doc),
        h("span", {}, "событие ", m.this ? h("strong", {}, m.event) : eventLink({id: m.event, label: m.event}), m.this ? " (эта страница)" : ""),
        h("span", {class: "account-date"}, "дата: ", h("strong", {}, (m.date && m.date.text) || "не названа"),
          m.date && m.date.basis ? ` (${m.date.basis})` : ""),
        factBadge(m.factuality)),
      h("div", {}, sentence(m.sentence_text, m.highlights)));
  }

  /** A conflict: its kind, summary and each source's competing claim. */
  function conflictBox(c, options) {
    const rows = c.claims.map((claim) => h("tr", {"data-event": claim.event},
      h("td", {class: "claim"}, claim.claim_words),
      h("td", {}, h("a", {href: "/documents/" + encodeURIComponent(claim.doc)}, claim.title || claim.source || claim.doc), h("br"),
        eventLink({id: claim.event, label: claim.event})),
      h("td", {class: "small"}, sentence(claim.sentence_text, claim.highlights))));
    const heading = options && options.withEvent
      ? ["«", (c.trigger || c.event), "» ", h("span", {class: "type"}, typeWords(c.type)), " — расходятся ", CONFLICT_KINDS[c.kind] || c.kind]
      : ["Расходятся ", c.kind_words || c.kind];
    return h("section", {class: "conflict", "data-conflict": c.id, "data-kind": c.kind},
      h("h3", {}, heading, " ", h("span", {class: "muted small"}, `(${c.id}, корпусное событие ${c.event})`)),
      h("table", {class: "claims"},
        h("thead", {}, h("tr", {}, h("th", {}, "что утверждает"), h("th", {}, "источник"), h("th", {}, "предложение"))),
        h("tbody", {}, rows)));
  }

  function writable() { return document.body.dataset.writable === "1"; }

  /** POST a correction as JSON (same-origin fetch; the server checks Origin and Host). */
  function post(path, body) {
    return api(path, null, {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  }

  /** Undo/force controls for a merge; shown only on a --writable server. */
  function correctionsPanel(spec) {
    if (!writable()) {
      return h("p", {class: "small muted", id: "corrections-readonly"},
        "Исправить объединение можно на сервере, запущенном с --writable, или командой letopis merge.");
    }
    const result = h("p", {class: "result small", role: "status"});
    const run = async (path, body) => {
      result.textContent = "Сохраняю…";
      try {
        const done = await post(path, body);
        result.textContent = done.message;
        if (spec.onDone) spec.onDone(done);
      } catch (error) {
        fill(result, errorBox(error));
      }
    };
    const undo = spec.undo
      ? h("button", {type: "button", id: "undo-merge", class: "undo", onclick: () => run("/api/merge/undo", {id: spec.undo})}, spec.undoLabel)
      : null;
    const one = spec.undoOne
      ? h("button", {type: "button", id: "undo-one", class: "undo", onclick: () => run("/api/merge/undo", {id: spec.undoOne})}, spec.undoOneLabel)
      : null;
    const other = h("input", {type: "text", name: "other", size: 12, placeholder: spec.placeholder, "aria-label": spec.forceLabel});
    const force = h("form", {id: "force-merge"}, spec.forceLabel, other, h("button", {type: "submit"}, "объединить"));
    force.addEventListener("submit", (e) => {
      e.preventDefault();
      if (other.value.trim()) run("/api/merge/force", {ids: [spec.force, other.value.trim()]});
    });
    return h("div", {class: "corrections", id: "corrections"}, h("strong", {}, "Исправления: "), undo, one, force, result);
  }

  /** Previous/next links for an API page ({limit, offset, more}). */
  function pager(page, go) {
    const prev = h("button", {type: "button", disabled: page.offset <= 0, onclick: () => go(Math.max(0, page.offset - page.limit))}, "← назад");
    const next = h("button", {type: "button", disabled: !page.more, onclick: () => go(page.offset + page.limit)}, "дальше →");
    const shown = page.items.length ? `${page.offset + 1}–${page.offset + page.items.length}` : "ничего";
    return h("div", {class: "pager"}, prev, h("span", {class: "muted"}, shown), next);
  }

  /** The documents by title; filled once the list arrives (the filter works by id). */
  function docSelect(chosen) {
    const select = h("select", {name: "doc"}, h("option", {value: ""}, "все"),
      chosen ? h("option", {value: chosen, selected: true}, chosen) : null);
    api("/api/documents", {limit: 1000}).then((docs) => {
      fill(select, h("option", {value: ""}, "все"),
        docs.items.map((d) => h("option", {value: d.id, selected: d.id === chosen}, d.title || d.id)));
    }).catch(() => null);
    return select;
  }

  function title(text) { document.title = text + " — letopis"; }

  return {h, s, api, show, fill, errorBox, marked, query, setQuery, pathId, eventLink, entityLink, dateCell, factBadge,
          participants, places, eventsTable, pager, title, FACTUALITY, ROLES, main, word, typeWords, roleWords, entityTypeWords,
          CONFLICT_KINDS, crossBadges, account, conflictBox, writable, post, correctionsPanel, documents, docSelect};
})();
