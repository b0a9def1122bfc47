/* Day arithmetic for the viewer, as letopis.time.calendar does it: ISO days on the proleptic
 * Gregorian calendar ("1944-08-19"; years below 1 are astronomical: "-0043-03-15" is 44 BC)
 * and Julian Day Numbers. Integer arithmetic only: JavaScript's Date is not used. */
"use strict";

const Days = (() => {
  const ISO = /^(-?)(\d{4,})-(\d\d)-(\d\d)$/;
  const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const div = (a, b) => Math.floor(a / b);

  function isLeap(y) { return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0); }

  function monthDays(y, m) { return m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]; }

  /** The Julian Day Number of year y (astronomical), month m (1–12), day d. */
  function jdn(y, m, d) {
    const a = div(14 - m, 12), yy = y + 4800 - a, mm = m + 12 * a - 3;
    return d + div(153 * mm + 2, 5) + 365 * yy + div(yy, 4) - div(yy, 100) + div(yy, 400) - 32045;
  }

  /** {y, m (1–12), d} of a day number; a fractional number is the day it falls in. */
  function date(number) {
    const a = Math.floor(number) + 32044;
    const b = div(4 * a + 3, 146097), c = a - div(146097 * b, 4);
    const d = div(4 * c + 3, 1461), e = c - div(1461 * d, 4);
    const m = div(5 * e + 2, 153);
    return {y: 100 * b + d - 4800 + div(m, 10), m: m + 3 - 12 * div(m, 10), d: e - div(153 * m + 2, 5) + 1};
  }

  /** The day number of an ISO day, or null when the text is not one. */
  function number(iso) {
    const found = ISO.exec(iso || "");
    if (!found) return null;
    const y = (found[1] ? -1 : 1) * Number(found[2]), m = Number(found[3]), d = Number(found[4]);
    if (m < 1 || m > 12 || d < 1 || d > monthDays(y, m)) return null;
    return jdn(y, m, d);
  }

  /** The ISO day of a day number. */
  function text(n) {
    const {y, m, d} = date(n), pad = (x, w) => String(x).padStart(w, "0");
    return `${y < 0 ? "-" : ""}${pad(Math.abs(y), 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  }

  /** A year as a reader writes it: 1944; 44 до н. э. for the astronomical year -43. */
  function yearText(y) { return y > 0 ? String(y) : `${1 - y} до н. э.`; }

  return {jdn, date, number, text, yearText};
})();

if (typeof module !== "undefined") module.exports = Days;  // for the tests, under Node
