/* Paste page: a text in, its chronology at once; stored only when asked and the server is writable. */
"use strict";

(() => {
  const {h} = L;
  const writable = document.body.dataset.writable === "1";
  const area = h("textarea", {name: "text", id: "text", placeholder: "Вставьте сюда русский текст…", spellcheck: "false"});
  const file = h("input", {type: "file", id: "file", accept: ".txt,.md,.html,.htm,text/plain,text/html"});
  const store = h("input", {type: "checkbox", id: "store", disabled: !writable});
  const button = h("button", {type: "submit", class: "primary", id: "run"}, "построить хронологию");
  const status = h("p", {class: "muted", id: "status"});
  const results = h("div", {id: "results"});

  function table(rows) {
    const head = h("tr", {}, ["№", "дата", "событие", "участники", "место", "предложение"].map((w) => h("th", {}, w)));
    const body = rows.map((r) => h("tr", {},
      h("td", {}, String(r.number)),
      h("td", {class: "date"}, r.date, r.basis ? h("span", {class: "basis"}, r.basis) : null),
      h("td", {}, h("strong", {}, r.trigger), " ", h("span", {class: "type"}, L.typeWords(r.type)), " ",
        r.factuality ? h("span", {class: "fact"}, r.factuality) : null),
      h("td", {}, r.who.map(([name, role], i) => [i ? ", " : "", name, " ", h("span", {class: "role"}, "(" + role + ")")])),
      h("td", {}, r.where.join(", ")),
      h("td", {class: "small"}, r.quote ? [r.quote.before, h("mark", {class: "trigger"}, r.quote.mark), r.quote.after] : "")));
    return h("table", {id: "chronology"}, h("thead", {}, head), h("tbody", {}, body));
  }

  const PAGE = 50;
  let shown = null;

  /** One page of the rows (a long text gives hundreds), with links to the stored text's views. */
  function showPage(offset) {
    const rows = shown.rows;
    if (!rows.length) { L.fill(results, h("p", {class: "muted"}, "В тексте не найдено событий.")); return; }
    const page = {items: rows.slice(offset, offset + PAGE), offset, limit: PAGE, more: offset + PAGE < rows.length};
    const stored = shown.stored;
    const links = stored ? h("p", {id: "stored-links"}, "Этот текст в корпусе: ",
      h("a", {href: "/explore?doc=" + encodeURIComponent(stored)}, "обзор"), " · ",
      h("a", {href: "/timeline?doc=" + encodeURIComponent(stored)}, "хронология"), " · ",
      h("a", {href: "/documents/" + encodeURIComponent(stored)}, "текст")) : null;
    L.fill(results, links, h("div", {class: "scroll"}, table(page.items)),
      rows.length > PAGE ? h("div", {}, h("span", {class: "muted", id: "rows-count"}, `Всего событий: ${rows.length}. `), L.pager(page, (o) => { showPage(o); results.scrollIntoView(); })) : null);
  }

  async function submit(e) {
    e.preventDefault();
    let options;
    const keep = store.checked;
    if (file.files.length) {
      const chosen = file.files[0];
      const limit = Number(document.body.dataset.maxUpload || 0);
      if (limit && chosen.size > limit) {
        L.fill(status, L.errorBox(new Error(`файл весит ${(chosen.size / 1048576).toFixed(1)} МБ; сервер принимает не больше ${(limit / 1048576).toFixed(1)} МБ (его --max-upload)`)));
        return;
      }
      const params = new URLSearchParams({source: chosen.name});
      if (keep) params.set("store", "1");
      options = ["/api/extract?" + params, {method: "POST", headers: {"Content-Type": "application/octet-stream"}, body: chosen}];
    } else {
      if (!area.value.trim()) { L.fill(status, L.errorBox(new Error("вставьте текст или выберите файл"))); return; }
      options = ["/api/extract", {method: "POST", headers: {"Content-Type": "application/json"},
                                  body: JSON.stringify({text: area.value, store: keep})}];
    }
    button.disabled = true;
    status.textContent = "Анализ… (первый текст после запуска сервера ждёт загрузки моделей, несколько секунд)";
    results.replaceChildren();
    try {
      const out = await L.api(options[0], null, options[1]);
      const events = out.rows.length;
      L.fill(status, `Событий: ${events}; анализ занял ${out.seconds.toFixed(1)} с. `,
        out.stored ? h("span", {}, "Текст сохранён в корпус как ", h("a", {href: "/documents/" + encodeURIComponent(out.stored)}, out.stored), ".")
                   : "Текст не сохранён.");
      shown = out;
      showPage(0);
    } catch (error) {
      L.fill(status, L.errorBox(error));
    } finally {
      button.disabled = false;
    }
  }

  const form = h("form", {id: "paste"},
    area,
    h("div", {class: "toolbar"},
      h("label", {}, "или файл: ", file),
      h("label", {title: writable ? "" : "сервер запущен только для чтения (нужен --writable)"}, store,
        writable ? " сохранить в корпус" : " сохранить в корпус (недоступно: сервер только для чтения)"),
      button));
  form.addEventListener("submit", submit);
  L.title("Вставить текст");
  L.show(h("h1", {}, "Хронология вставленного текста"),
    h("p", {class: "muted"}, "Текст анализируется сразу и нигде не сохраняется, если не отметить «сохранить в корпус»."),
    form, status, results);
})();
