/* Search: full text over documents and events, through the store's index. */
"use strict";

(() => {
  const {h} = L;
  const results = h("div", {id: "results"});
  const input = h("input", {type: "search", name: "q", value: L.query().get("q") || "", size: 40, placeholder: "например: забастовка", autofocus: true});

  /** The hit's text with the matching words marked (the store gives their offsets in `marks`). */
  function snippet(hit) {
    if (typeof hit.text !== "string" || !Array.isArray(hit.marks)) return hit.snippet || "";
    const spans = hit.marks.map(([start, end]) => ({start, end, kind: "trigger"}));
    const before = hit.start > 0 ? "…" : "";
    return [before, L.marked(hit.text, spans), "…"];
  }

  async function run(q) {
    if (!q) { results.replaceChildren(); return; }
    L.fill(results, h("p", {class: "loading"}, "Поиск…"));
    try {
      const found = await L.api("/api/search", {q, limit: 50});
      if (!found.items.length) { L.fill(results, h("p", {class: "muted"}, "Ничего не найдено.")); return; }
      L.fill(results, h("ol", {class: "hits"}, found.items.map((hit) => {
        const ev = hit.event;
        const head = hit.kind === "event"
          ? [h("a", {href: "/events/" + encodeURIComponent(hit.id)}, (ev && ev.trigger.text) || hit.id), " ",
             ev ? h("span", {class: "type"}, L.typeWords(ev.type)) : null, ev ? " — " + ev.date.text : ""]
          : [h("a", {href: "/documents/" + encodeURIComponent(hit.id)}, "документ " + hit.id)];
        return h("li", {"data-kind": hit.kind}, head, " ", h("span", {class: "muted small"}, hit.doc || ""),
                 h("div", {class: "snippet"}, snippet(hit)));
      })));
    } catch (error) {
      L.fill(results, L.errorBox(error));
    }
  }

  const form = h("form", {class: "filters", role: "search"}, h("label", {}, "слова", input), h("button", {type: "submit", class: "primary"}, "найти"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = input.value.trim();
    L.setQuery({q});
    run(q);
  });
  L.title("Поиск");
  L.show(h("h1", {}, "Поиск"), form, results);
  run(input.value.trim());
})();
