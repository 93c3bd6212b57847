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

/** ISO YYYY-MM-DD that exists, to CCYYMMDD; undefined otherwise. */
export function isoToD8(iso: string | undefined): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  const d8 = m ? m[1] + m[2] + m[3] : '';
  return m && isDate(d8) ? d8 : undefined;
}
