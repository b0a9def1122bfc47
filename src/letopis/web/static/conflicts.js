/* Conflicts page: where the sources disagree, each conflict with its competing claims and sources. */
"use strict";

(() => {
  const {h} = L;
  const PAGE = 100;

  async function render(offset) {
    const kind = L.query().get("kind") || "";
    try {
      const page = await L.api("/api/conflicts", {kind, limit: PAGE, offset});
      const select = h("select", {name: "kind"}, h("option", {value: ""}, "все"),
        Object.entries(page.kinds).map(([key, words]) => h("option", {value: key, selected: key === kind}, words)));
      select.addEventListener("change", () => { L.setQuery({kind: select.value}); render(0); });
      const list = page.items.map((c) => {
        const box = L.conflictBox(c, {withEvent: true});
        box.append(h("p", {class: "small muted"}, c.summary));
        return box;
      });
      L.show(h("h1", {}, "Разногласия источников"),
        h("p", {class: "muted"}, "Где документы, рассказывающие об одном событии, расходятся: в дате, в числах, в том, кто действовал, или в том, чем всё кончилось. ",
          "Каждое утверждение — со своим источником и предложением."),
        h("form", {class: "filters"}, h("label", {}, "что расходится", select)),
        h("p", {id: "status", class: "muted"}, `Разногласий: ${page.total}`),
        h("div", {id: "conflicts"}, list.length ? list : h("p", {class: "muted"}, "Источники нигде не расходятся.")),
        page.more || offset ? L.pager(page, render) : null);
      L.title("Разногласия");
    } catch (error) {
      L.show(h("h1", {}, "Разногласия источников"), L.errorBox(error));
    }
  }
  render(0);
})();
