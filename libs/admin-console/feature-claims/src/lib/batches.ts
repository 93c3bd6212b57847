/** Appointments sent per request when claims are made from a selection (the bar moves per request). */
export const CLAIM_BATCH_SIZE = 25;

/**
 * A selection of unbilled appointments in the requests that make their claims: one practice per
 * request (the route is the practice's), at most `size` appointments each, in the order given.
 */
export function batchesOf(
  rows: readonly { practiceId: string; appointmentId: string }[],
  size: number,
): { practiceId: string; ids: string[] }[] {
  const byPractice = new Map<string, string[]>();
  for (const r of rows) {
    const ids = byPractice.get(r.practiceId) ?? [];
    ids.push(r.appointmentId);
    byPractice.set(r.practiceId, ids);
  }
  const out: { practiceId: string; ids: string[] }[] = [];
  for (const [practiceId, ids] of byPractice)
    for (let i = 0; i < ids.length; i += size) out.push({ practiceId, ids: ids.slice(i, i + size) });
  return out;
}
