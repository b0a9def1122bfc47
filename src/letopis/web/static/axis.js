/* Time axes shared by the timeline and the exploration page: ticks that suit the span
 * (centuries, years, months or days), on day numbers (days.js). */
"use strict";

const Axis = (() => {
  const MONTHS = ["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"];

  function fromDay(n) {
    const {y, m, d} = Days.date(n);
    return {y, m: m - 1, d};
  }

  /** [[day number, label], ...] for the span [d0, d1] drawn `width` pixels wide. */
  function ticks(d0, d1, width, spacing) {
    const span = d1 - d0, wanted = Math.max(2, Math.floor(width / (spacing || 90)));
    const out = [];
    if (span / 365.25 > wanted) {
      const years = span / 365.25 / wanted;
      const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((x) => x >= years) || 1000;
      const first = Math.ceil(fromDay(d0).y / step) * step;
      for (let y = first; y <= fromDay(d1).y; y += step) out.push([Days.jdn(y, 1, 1), Days.yearText(y)]);
    } else if (span / 30.44 > wanted / 2) {
      const step = [1, 2, 3, 6].find((x) => x >= span / 30.44 / wanted) || 12;
      let {y, m} = fromDay(d0);
      m = Math.ceil(m / step) * step;
      for (let guard = 0; guard < 500; guard++) {
        if (m >= 12) { y += 1; m -= 12; }
        const n = Days.jdn(y, m + 1, 1);
        if (n > d1) break;
        if (n >= d0) out.push([n, m === 0 ? `${MONTHS[m]} ${Days.yearText(y)}` : MONTHS[m]]);
        m += step;
      }
    } else {
      const step = [1, 2, 5, 7, 10, 14].find((x) => x >= span / wanted) || 15;
      for (let n = Math.ceil(d0 / step) * step; n <= d1; n += step) {
        const d = fromDay(n);
        out.push([n, `${d.d} ${MONTHS[d.m]} ${Days.yearText(d.y)}`]);
      }
    }
    return out;
  }

  /** A short date for a label: «1944», «авг 1944», «19 авг 1944», «52 до н. э.». */
  function short(earliest, latest) {
    const a = Days.number(earliest), b = Days.number(latest);
    if (a === null && b === null) return "";
    if (a === null) return "до " + short(latest, latest);
    if (b === null) return "после " + short(earliest, earliest);
    const x = fromDay(a), y = fromDay(b);
    if (a === b) return `${x.d} ${MONTHS[x.m]} ${Days.yearText(x.y)}`;
    if (x.y === y.y && x.m === y.m) return `${MONTHS[x.m]} ${Days.yearText(x.y)}`;
    if (x.y === y.y) return Days.yearText(x.y);
    return `${Days.yearText(x.y)}–${Days.yearText(y.y)}`;
  }

  return {ticks, short, MONTHS};
})();
