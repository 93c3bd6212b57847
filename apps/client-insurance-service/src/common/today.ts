/** Today's date (UTC) as `YYYY-MM-DD`; rules take it as an argument so tests pick the day. */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
