/**
 * The spreadsheet rows of the valid appointments, cut into chunks for the commit: each chunk is
 * one request (`fromRow`–`toRow`), so the progress bar moves as rows are saved and a retried chunk
 * saves nothing twice (the server keys each row on the file and its row number).
 */
export function importChunks(rows: readonly number[], size: number): { fromRow: number; toRow: number }[] {
  const sorted = [...rows].sort((a, b) => a - b);
  const out: { fromRow: number; toRow: number }[] = [];
  for (let i = 0; i < sorted.length; i += size) {
    const part = sorted.slice(i, i + size);
    out.push({ fromRow: part[0], toRow: part[part.length - 1] });
  }
  return out;
}
