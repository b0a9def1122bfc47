/* Entity page: events in order, aliases, titles, mentions in context, co-actors. */
"use strict";

(async () => {
  const {h} = L;
  const id = L.pathId();
  const PAGE = 100;

  /** The same person, place or group in other documents, and why they count as one. */
  function acrossDocuments(e) {
    const c = e.corpus;
    if (!c) return null;
    const members = c.members.map((m) => h("li", {"data-entity": m.entity},
      m.this ? h("strong", {}, m.name || m.entity) : L.entityLink({id: m.entity, name: m.name || m.entity}),
      " ", h("span", {class: "muted small"}, `документы: ${m.docs.map((d) => (e.documents || {})[d] || d).join(", ")}`)));
    const merges = c.merges.map((m) => h("li", {}, m.words, m.value ? ` («${m.value}»)` : ""));
    return h("section", {id: "across"}, h("h2", {}, "В других документах ", h("span", {class: "muted small"}, `(${c.id})`)),
      c.merged ? h("ul", {class: "plain", id: "members"}, members) : h("p", {class: "muted"}, "Это имя не объединено с другими."),
      merges.length ? [h("h3", {}, "Почему объединены"), h("ul", {class: "why"}, merges)] : null,
      L.correctionsPanel({undo: c.merged ? e.id : null, undoLabel: "отделить от других документов",
                          force: e.id, forceLabel: "это тот же участник, что ", placeholder: "E12 или CE5",
                          onDone: () => location.reload()}));
  }

  async function render(offset) {
    try {
      const e = await L.api("/api/entities/" + encodeURIComponent(id), {limit: PAGE, offset});
      L.title(e.name);
      const events = h("section", {id: "events"}, h("h2", {}, "События"),
        e.events.items.length ? L.eventsTable(e.events.items, e.entities) : h("p", {class: "muted"}, "Событий с этим участником нет."),
        (e.events.more || offset) ? L.pager(e.events, render) : null);
      const coActors = e.co_actors.map((c) => h("li", {}, L.entityLink(e.entities[c.id]), " ", h("span", {class: "muted small"}, `(${c.events})`)));
      const mentions = e.mention_contexts.map((m) => h("li", {},
        h("span", {class: "small"}, m.before), h("mark", {class: "participant"}, m.mark), h("span", {class: "small"}, m.after), " ",
        h("a", {class: "small", href: `/documents/${encodeURIComponent(m.doc)}#s${m.start}-${m.end}`}, (e.documents || {})[m.doc] || m.doc)));
      L.show(
        h("p", {class: "small muted"}, h("a", {href: "/entities"}, "← участники"), " · ", e.id),
        h("h1", {}, e.name),
        h("dl", {class: "facts"},
          h("dt", {}, "вид"), h("dd", {}, e.type_words),
          h("dt", {}, "другие имена"), h("dd", {id: "aliases"}, e.aliases.length ? e.aliases.join(", ") : "—"),
          h("dt", {}, "титулы, должности"), h("dd", {id: "titles"}, e.titles.length ? e.titles.join("; ") : "—"),
          h("dt", {}, "упоминаний"), h("dd", {}, String(e.mentions)),
          e.geo ? [h("dt", {}, "координаты"), h("dd", {}, `${e.geo.lat.toFixed(2)}, ${e.geo.lon.toFixed(2)} `, h("a", {href: "/map#" + e.id}, "на карте"))] : null),
        h("div", {class: "columns"},
          events,
          h("section", {},
            h("h2", {}, "Вместе с ним (ней) действуют"), coActors.length ? h("ul", {class: "plain", id: "co-actors"}, coActors) : h("p", {class: "muted"}, "никто"),
            h("h2", {}, "Упоминания"), h("ul", {class: "plain", id: "mentions"}, mentions))),
        acrossDocuments(e));
    } catch (error) {
      L.show(h("h1", {}, "Участник"), L.errorBox(error));
    }
  }
  render(0);
})();
