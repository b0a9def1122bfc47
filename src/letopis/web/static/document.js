/* Document page: the text, its event triggers marked as links, a sentence in focus (#sSTART-END). */
"use strict";

(async () => {
  const {h} = L;
  try {
    const doc = await L.api("/api/documents/" + encodeURIComponent(L.pathId()));
    L.title(doc.title || doc.source || doc.id);
    const text = doc.text || "";
    const focus = /^#s(\d+)-(\d+)$/.exec(location.hash);
    const spans = [];
    let at = -1;
    for (const ev of [...doc.events].sort((a, b) => a.trigger.start - b.trigger.start)) {
      if (ev.trigger.start < at) continue;
      spans.push({start: ev.trigger.start, end: ev.trigger.end, kind: "ev", ev});
      at = ev.trigger.end;
    }
    const box = h("div", {class: "doctext", id: "text"});
    // The focused sentence is its own element so it can be outlined and scrolled to.
    const [f0, f1] = focus ? [Number(focus[1]), Number(focus[2])] : [-1, -1];
    const piece = (from, to) => {
      const frag = document.createDocumentFragment();
      let pos = from;
      for (const span of spans) {
        if (span.start < from || span.end > to) continue;
        frag.append(text.slice(pos, span.start));
        const link = h("a", {class: "ev", href: "/events/" + encodeURIComponent(span.ev.id),
                              title: `${L.typeWords(span.ev.type)} — ${span.ev.date.text}`}, text.slice(span.start, span.end));
        frag.append(link);
        pos = span.end;
      }
      frag.append(text.slice(pos, to));
      return frag;
    };
    if (f0 >= 0 && f0 <= f1 && f1 <= text.length) {
      box.append(piece(0, f0), h("span", {class: "focus", id: "focus"}, piece(f0, f1)), piece(f1, text.length));
    } else {
      box.append(piece(0, text.length));
    }
    L.show(
      h("p", {class: "small muted"}, h("a", {href: "/documents"}, "← документы"), " · ", doc.id,
        " · ", h("a", {href: "/timeline?doc=" + encodeURIComponent(doc.id)}, "хронология документа")),
      h("h1", {}, doc.title || doc.source || doc.id),
      h("p", {class: "muted small"}, `${text.length} символов, событий: ${doc.events.length}. Подчёркнуты слова, называющие события.`),
      box);
    const target = document.getElementById("focus");
    if (target) target.scrollIntoView({block: "center"});
  } catch (error) {
    L.show(h("h1", {}, "Документ"), L.errorBox(error));
  }
})();
