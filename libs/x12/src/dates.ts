/** CCYYMMDD or YYMMDD, a day that exists. */
export function isDate(v: string): boolean {
  const m = /^(\d{2})?(\d{2})(\d{2})(\d{2})$/.exec(v);
  if (!m) return false;
  const year = Number((m[1] ?? '20') + m[2]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** HHMM, HHMMSS or HHMMSSd..: hours 00-23, minutes and seconds 00-59. */
export function isTime(v: string): boolean {
  const m = /^(\d{2})(\d{2})(?:(\d{2})\d{0,2})?$/.exec(v);
  return !!m && +m[1] < 24 && +m[2] < 60 && (m[3] === undefined || +m[3] < 60);
}

/**
 * ISO YYYY-MM-DD that exists, to CCYYMMDD; undefined otherwise. Read from the character codes:
 * writers check every date of every line, and a regex and a Date per date dominated.
 */
export function isoToD8(iso: string | undefined): string | undefined {
  if (iso === undefined || iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45)
    return undefined;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return undefined;
  // Date.UTC, which isDate uses, reads years 0-99 as 1900-1999: the same leap years here.
  return day <= daysInMonth(year < 100 ? year + 1900 : year, month)
    ? iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10)
    : undefined;
}

/** The number written by the ASCII digits from `start` to `end`, or -1 if one is not a digit. */
function digits(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
