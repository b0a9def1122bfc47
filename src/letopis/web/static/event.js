/* Event page: the source sentence with trigger, participants and date marked; the date and its basis;
 * every source's account of the same event, why they were merged, and where they disagree. */
"use strict";

(async () => {
  const {h} = L;
  const KIND = {trigger: "событие", timex: "дата", participant: "участник", place: "место"};

  function linkList(items) {
    if (!items.length) return h("span", {class: "muted"}, "нет");
    return h("ul", {class: "plain"}, items.map((ev) => h("li", {},
      L.eventLink(ev), " ", h("span", {class: "type"}, L.typeWords(ev.type)), " — ", (ev.date && ev.date.text) || "")));
  }

  /** Every source that tells this event, why they count as one event, and corrections. */
  function sources(ev) {
    const c = ev.corpus;
    if (!c) return h("section", {id: "sources"}, h("h2", {}, "Источники"), h("p", {class: "muted"}, "Слой сводки по документам ещё не построен (letopis ingest строит его)."));
    const why = c.evidence.length
      ? h("div", {id: "why"}, h("h3", {}, "Почему это одно событие"), h("ul", {class: "why"}, c.evidence.map((e) =>
          h("li", {}, h("span", {class: "small muted"}, `${e.a} и ${e.b}: `), e.words.join("; ")))))
      : null;
    const merged = c.sources > 1;
    const mentions = c.mentions_in_documents || c.mentions.length;
    const repeated = mentions > c.sources ? `; упоминаний в документе: ${mentions}` : "";
    const panel = L.correctionsPanel({
      undo: mentions > 1 ? c.id : null, undoLabel: merged ? `разъединить (${L.documents(c.sources)} → отдельные события)` : "разъединить упоминания → отдельные события",
      undoOne: c.sources > 2 ? ev.id : null, undoOneLabel: "отделить только этот источник",
      force: ev.id, forceLabel: "это то же событие, что ", placeholder: "d2.ev5 или C12",
      onDone: () => location.reload(),
    });
    return h("section", {id: "sources", "data-corpus-event": c.id, "data-sources": c.sources},
      h("h2", {}, "Источники ", h("span", {class: "muted small"}, merged
        ? `— рассказывают ${L.documents(c.sources)} (корпусное событие ${c.id}; общая дата: ${c.date.text}${repeated})`
        : `— об этом событии рассказывает только этот документ${repeated}`)),
      h("ol", {class: "accounts"}, c.mentions.map(L.account)),
      why, panel);
  }

  function disagreements(ev) {
    const list = (ev.corpus && ev.corpus.conflicts) || [];
    return h("section", {id: "disagreements"}, h("h2", {}, "Разногласия"),
      list.length ? list.map((c) => L.conflictBox(c)) : h("p", {class: "muted"}, ev.corpus && ev.corpus.sources > 1
        ? "Документы ни в чём не расходятся." : "Событие рассказано одним документом: разногласий быть не может."));
  }

  try {
    const ev = await L.api("/api/events/" + encodeURIComponent(L.pathId()));
    const trigger = (ev.trigger && ev.trigger.text) || ev.id;
    L.title(`«${trigger}»`);
    const sentence = h("blockquote", {class: "sentence", id: "sentence"},
      L.marked(ev.sentence_text || "", ev.highlights, (mark, span) => {
        mark.title = KIND[span.kind] + (span.label ? ": " + span.label : "") + (span.role ? " (" + span.role + ")" : "");
        if (span.entity) mark.dataset.entity = span.entity;
      }));
    const legend = h("div", {class: "legend"}, Object.entries(KIND).map(([kind, words]) => h("span", {}, h("mark", {class: kind}, words))));
    const docHref = `/documents/${encodeURIComponent(ev.doc)}#s${ev.sentence.start}-${ev.sentence.end}`;
    const participants = (ev.participants || []).map((p) => {
      const entity = ev.entities[p.entity];
      return entity ? h("li", {}, L.entityLink(entity), " ", h("span", {class: "role"}, ev.roles[p.role] || L.roleWords(p.role))) : null;
    });
    const places = (ev.places || []).map((id) => ev.entities[id] ? h("li", {}, L.entityLink(ev.entities[id])) : null);
    const time = ev.time || {};
    const facts = h("dl", {class: "facts"},
      h("dt", {}, "дата"), h("dd", {id: "date"}, h("strong", {}, ev.date.text), ev.date.basis ? ` (${ev.date.basis})` : ""),
      h("dt", {}, "основание"), h("dd", {id: "basis"}, ev.date.explained),
      h("dt", {}, "границы"), h("dd", {class: "small"}, `не ранее: ${time.earliest || "—"}; не позднее: ${time.latest || "—"}`,
                                 time.edtf ? ` · EDTF ${time.edtf}` : ""),
      h("dt", {}, "тип"), h("dd", {}, h("span", {class: "type"}, L.typeWords(ev.type))),
      h("dt", {}, "фактичность"), h("dd", {id: "factuality"}, L.factBadge(ev.factuality), " ", ev.factuality_words.explained),
      h("dt", {}, "документ"), h("dd", {}, h("a", {href: docHref, id: "in-context"}, (ev.document.title || ev.document.source || ev.doc) + " — предложение в тексте")));
    L.show(
      h("p", {class: "small muted"}, h("a", {href: "/timeline"}, "← хронология"), " · событие ", ev.id),
      h("h1", {}, "«", trigger, "»", L.crossBadges({sources: ev.corpus ? ev.corpus.sources : 1,
                                                    conflicts: ev.corpus ? ev.corpus.conflicts.map((c) => c.kind) : []})),
      sentence, legend,
      h("div", {class: "columns"},
        h("section", {}, h("h2", {}, "Когда и как"), facts),
        h("section", {},
          h("h2", {}, "Участники"), participants.some(Boolean) ? h("ul", {class: "plain", id: "participants"}, participants) : h("p", {class: "muted"}, "не названы"),
          h("h2", {}, "Место"), places.some(Boolean) ? h("ul", {class: "plain"}, places) : h("p", {class: "muted"}, "не названо"))),
      disagreements(ev), sources(ev),
      h("h2", {}, "Причины"), linkList(ev.causes || []),
      h("h2", {}, "Следствия"), linkList(ev.effects || []));
  } catch (error) {
    L.show(h("h1", {}, "Событие"), L.errorBox(error));
  }
})();
