/* Entities list: people, organisations, groups, places; most mentioned first. */
"use strict";

(() => {
  const {h} = L;
  const TYPES = [["", "все"], ["PERSON", "лица"], ["ORGANIZATION", "организации"], ["GROUP", "группы"], ["PROFESSION", "должности"],
                 ["LOCATION", "места"], ["FACILITY", "сооружения"]];
  const list = h("div", {});

  async function load(offset) {
    const q = L.query();
    try {
      const page = await L.api("/api/entities", {type: q.get("type"), name: q.get("name"), limit: 100, offset});
      const rows = page.items.map((e) => h("tr", {}, h("td", {}, L.entityLink(e)), h("td", {}, e.type_words),
        h("td", {class: "small"}, (e.aliases || []).join(", ")), h("td", {}, String(e.mentions))));
      L.fill(list, h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "имя"), h("th", {}, "вид"), h("th", {}, "другие имена"), h("th", {}, "упоминаний"))),
        h("tbody", {}, rows)), L.pager(page, load));
    } catch (error) {
      L.fill(list, L.errorBox(error));
    }
  }

  const q = L.query();
  const form = h("form", {class: "filters"},
    h("label", {}, "вид", h("select", {name: "type"}, TYPES.map(([v, w]) => h("option", {value: v, selected: q.get("type") === v}, w)))),
    h("label", {}, "имя", h("input", {type: "search", name: "name", value: q.get("name") || ""})),
    h("button", {type: "submit", class: "primary"}, "показать"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const data = new FormData(form);
    L.setQuery({type: data.get("type"), name: (data.get("name") || "").trim()});
    load(0);
  });
  L.title("Участники");
  L.show(h("h1", {}, "Участники"), form, list);
  load(0);
})();
