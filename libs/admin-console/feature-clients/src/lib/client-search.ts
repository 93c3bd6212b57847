/** What the client list asks the API for, from the one search box. */
export interface ClientQueryText {
  search?: string;
  /** `YYYY-MM-DD`: the box held a birth date. */
  birthDate?: string;
}

const US_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A birth date typed into the search box (`03/14/1985`, `3/14/1985` or `1985-03-14`) searches by
 * birth date; anything else by name. A date that does not exist (02/30/1985) is searched as text,
 * so it finds nothing rather than the wrong people.
 */
export function clientQueryOf(text: string): ClientQueryText {
  const t = text.trim();
  if (!t) return {};
  const us = US_DATE.exec(t);
  const iso = ISO_DATE.exec(t);
  const parts = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (parts) {
    const [y, m, d] = parts.map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d)
      return { birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
  }
  return { search: t };
}
