import type { ClaimSnapshot, Submission837Config } from '@claimline/claims';
import { groupByBillingProvider, writeClaims837 } from '@claimline/claims';

/** A claim of a batch as written: its CLM01 and the ST02 of the transaction that carries it. */
export interface WrittenClaim {
  readonly claimId: string;
  readonly patientControlNumber: string;
  readonly transactionControlNumber: string;
}

export interface Interchange837 {
  readonly x12: string;
  readonly written: WrittenClaim[];
  /** Claims the writer refused, with its problems in words. */
  readonly refused: { claimId: string; reason: string }[];
}

/**
 * One 837P interchange (ISA13 = GS06 = `icn`) holding one transaction per billing provider (the
 * writer puts one billing provider in a transaction: loop 2000A), ST02 0001, 0002… in order, so a
 * 999 can accept some transactions and reject others.
 */
export function writeInterchange837(
  snapshots: readonly ClaimSnapshot[],
  config: Submission837Config,
  icn: number,
  createdAt: Date,
): Interchange837 {
  const written: WrittenClaim[] = [];
  const refused: { claimId: string; reason: string }[] = [];
  const transactions: string[][] = [];
  let head: string[] | null = null;
  let terminator = '~';
  let element = '*';
  for (const group of groupByBillingProvider(snapshots)) {
    const st02 = String(transactions.length + 1).padStart(4, '0');
    const result = writeClaims837(group, config, {
      batchId: `${icn}${st02}`,
      createdAt,
      controlNumbers: { interchange: icn, group: icn, transaction: transactions.length + 1 },
    });
    const byPcn = new Map(group.map((s) => [s.patientControlNumber, s]));
    for (const r of result.rejected) {
      const snapshot = byPcn.get(r.claimId) ?? group[r.index];
      refused.push({
        claimId: snapshot?.claimId ?? r.claimId,
        reason: r.problems.map((p) => p.message).join('; '),
      });
    }
    if (!result.x12) continue;
    element = result.x12[3];
    terminator = result.x12[105];
    const segments = result.x12.split(terminator).map((s) => s.replace(/^\s+/, ''));
    const st = segments.findIndex((s) => s.startsWith(`ST${element}`));
    const se = segments.findIndex((s) => s.startsWith(`SE${element}`));
    head ??= segments.slice(0, st);
    transactions.push(segments.slice(st, se + 1));
    const refusedIds = new Set(result.rejected.map((r) => r.claimId));
    for (const s of group)
      if (!refusedIds.has(s.patientControlNumber) && !refused.some((r) => r.claimId === s.claimId))
        written.push({
          claimId: s.claimId,
          patientControlNumber: s.patientControlNumber,
          transactionControlNumber: st02,
        });
  }
  if (!head) return { x12: '', written: [], refused };
  const icn9 = String(icn).padStart(9, '0');
  const segments = [
    ...head,
    ...transactions.flat(),
    ['GE', String(transactions.length), String(icn)].join(element),
    ['IEA', '1', icn9].join(element),
  ];
  return { x12: segments.join(terminator) + terminator, written, refused };
}
