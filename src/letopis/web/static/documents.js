/* Documents list, in ingest order. */
"use strict";

(() => {
  const {h} = L;
  const list = h("div", {});

  async function load(offset) {
    try {
      const page = await L.api("/api/documents", {limit: 100, offset});
      const rows = page.items.map((d) => h("tr", {},
        h("td", {}, h("a", {href: "/documents/" + encodeURIComponent(d.id)}, d.title || d.id)), h("td", {class: "small muted"}, d.source),
        h("td", {}, d.length === undefined ? "" : String(d.length)), h("td", {}, d.events === undefined ? "" : String(d.events)),
        h("td", {}, h("a", {href: "/timeline?doc=" + encodeURIComponent(d.id)}, "хронология"))));
      L.fill(list, h("p", {class: "muted"}, `Всего документов: ${page.total}`),
        h("table", {}, h("thead", {}, h("tr", {}, ["документ", "файл", "символов", "событий", ""].map((w) => h("th", {}, w)))), h("tbody", {}, rows)),
        L.pager(page, load));
    } catch (error) {
      L.fill(list, L.errorBox(error));
    }
  }
  L.title("Документы");
  L.show(h("h1", {}, "Документы"), list);
  load(0);
})();
