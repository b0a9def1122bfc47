/* Search: full text over documents and events, through the store's index; a count of the
 * hits, pages of 20, filters by kind and document, and names offered as one types. */
"use strict";

(() => {
  const {h} = L;
  const PAGE = 20;
  const results = h("div", {id: "results"});
  const q0 = L.query();
  const input = h("input", {type: "search", name: "q", value: q0.get("q") || "", size: 40, placeholder: "например: забастовка, Лобач",
                            autofocus: true, autocomplete: "off", list: "suggest-q"});
  const suggestions = h("datalist", {id: "suggest-q"});
  const kind = h("select", {name: "kind"}, [["", "всё"], ["event", "события"], ["document", "документы"]].map(([v, w]) =>
    h("option", {value: v, selected: q0.get("kind") === v}, w)));
  const doc = h("select", {name: "doc"}, h("option", {value: ""}, "все документы"));

  /** The hit's text with the matching words marked (the store gives their offsets in `marks`). */
  function snippet(hit) {
    if (typeof hit.text !== "string" || !Array.isArray(hit.marks)) return hit.snippet || "";
    const spans = hit.marks.map(([start, end]) => ({start, end, kind: "trigger"}));
    const before = hit.start > 0 ? "…" : "";
    return [before, L.marked(hit.text, spans), "…"];
  }

  function state() {
    return {q: input.value.trim(), kind: kind.value, doc: doc.value};
  }

  async function run(offset) {
    const {q, kind: k, doc: d} = state();
    if (!q) { results.replaceChildren(); return; }
    L.setQuery({q, kind: k, doc: d, offset: offset ? String(offset) : ""});
    L.fill(results, h("p", {class: "loading"}, "Поиск…"));
    try {
      const found = await L.api("/api/search", {q, kind: k, doc: d, limit: PAGE, offset});
      if (!found.items.length) { L.fill(results, h("p", {class: "muted", id: "hit-count"}, "Ничего не найдено.")); return; }
      const count = h("p", {class: "muted", id: "hit-count"}, `Найдено: ${found.total}`,
        found.prefix ? ` (слова, начинающиеся на «${q.split(/\s+/).pop()}»)` : "",
        `; показаны ${found.offset + 1}–${found.offset + found.items.length}.`);
      L.fill(results, count, h("ol", {class: "hits", start: found.offset + 1}, found.items.map((hit) => {
        const ev = hit.event;
        const head = hit.kind === "event"
          ? [h("a", {href: "/events/" + encodeURIComponent(hit.id)}, (ev && ev.trigger.text) || hit.id), " ",
             ev ? h("span", {class: "type"}, L.typeWords(ev.type)) : null, ev ? " — " + ev.date.text : ""]
          : [h("a", {href: "/documents/" + encodeURIComponent(hit.id)}, "документ «" + (hit.title || hit.id) + "»")];
        return h("li", {"data-kind": hit.kind}, head, " ",
                 h("a", {class: "muted small", href: "/documents/" + encodeURIComponent(hit.doc)}, hit.title || hit.doc || ""),
                 h("div", {class: "snippet"}, snippet(hit)));
      })), L.pager(found, run));
    } catch (error) {
      L.fill(results, L.errorBox(error));
    }
  }

  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const word = input.value.trim();
    if (word.length < 2) return;
    timer = setTimeout(async () => {
      try {
        const found = await L.api("/api/suggest", {q: word, limit: 8});
        L.fill(suggestions, found.items.map((e) => h("option", {value: e.name}, `${e.name} — ${L.entityTypeWords(e.type)}`)));
      } catch (error) { /* suggestions are a help only */ }
    }, 150);
  });

  const form = h("form", {class: "filters", role: "search"}, h("label", {}, "слова", input, suggestions),
    h("label", {}, "что", kind), h("label", {}, "где", doc), h("button", {type: "submit", class: "primary"}, "найти"));
  form.addEventListener("submit", (e) => { e.preventDefault(); run(0); });
  for (const select of [kind, doc]) select.addEventListener("change", () => run(0));
  L.title("Поиск");
  L.show(h("h1", {}, "Поиск"), form, results);
  L.api("/api/documents", {limit: 1000}).then((docs) => {
    for (const d of docs.items) doc.append(h("option", {value: d.id, selected: q0.get("doc") === d.id}, d.title || d.id));
  }).catch(() => null).finally(() => run(Number(q0.get("offset")) || 0));
})();
