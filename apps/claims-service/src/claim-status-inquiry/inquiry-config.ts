/** Days after submission with no answer before the payer is asked, when the payer has no days of its own. */
export const DEFAULT_STATUS_AFTER_DAYS = 30;

/**
 * `CLAIM_STATUS_AFTER_DAYS_BY_PAYER`: `<payer uuid>=<days>,…` → a map; a malformed entry is an
 * error naming it (the service refuses to start rather than ask at the wrong time).
 */
export function parseDaysByPayer(raw: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (raw ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([0-9a-f-]{36})=(\d{1,3})$/i.exec(part);
    if (!m || Number(m[2]) < 1) throw new Error(`"${part}" is not <payer uuid>=<days from 1 to 999>`);
    out.set(m[1]!.toLowerCase(), Number(m[2]));
  }
  return out;
}

/** The days a claim of `payerId` waits for an answer before the payer is asked. */
export function daysFor(payerId: string, byPayer: ReadonlyMap<string, number>, fallback: number): number {
  return byPayer.get(payerId.toLowerCase()) ?? fallback;
}
