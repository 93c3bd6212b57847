import { describeStatus } from './claim-status-codes';
import { type FindingSink, isoDate } from './read-common';
import type { Segment } from './tokenizer';

/*
 * What the 277CA (read-277ca.ts) and the 277 claim status response (claim-status.ts) read the same
 * way: the status composites of an STC, a service line's SVC and its DTP*472 dates.
 */

/** One status composite of an STC (STC01, STC10 or STC11), with the status in words. */
export interface StcComposite {
  readonly category: string;
  readonly code: string;
  /** Empty when the composite names no entity. */
  readonly entity: string;
  readonly text: string;
}

/** Each status of an STC, built by `make`; an STC without any is a finding. */
export function readStc<T>(sink: FindingSink, seg: Segment, make: (status: StcComposite) => T): T[] {
  const f = seg.fields;
  const out: T[] = [];
  for (const i of [1, 10, 11]) {
    if (!f[i]) continue;
    const [category = '', code = '', entity = ''] = sink.composite(seg, i);
    out.push(make({ category, code, entity, text: describeStatus(category, code) }));
  }
  if (!out.length) sink.add(seg, 'missing-element', 'STC01 status is missing', 'error');
  return out;
}

/** SVC01 (procedure and modifiers) and SVC02 (charge, cents) of a service line. */
export function readSvc(
  sink: FindingSink,
  seg: Segment,
): { procedure: string; modifiers: string[]; charge?: number } {
  const [, procedure = '', ...modifiers] = sink.composite(seg, 1);
  return { procedure, modifiers: modifiers.filter((m) => m !== ''), charge: sink.cents(seg, 2, false) };
}

/** DTP*472 service dates, a day (D8) or a range (RD8): the line's date, or else the claim's from and to. */
export function readServiceDates(
  seg: Segment,
  line: { serviceDate?: string } | undefined,
  claim: { serviceDateFrom?: string; serviceDateTo?: string } | undefined,
): void {
  const f = seg.fields;
  if (f[1] !== '472') return;
  const [from, to = from] = (f[3] ?? '').split('-');
  if (line) line.serviceDate = isoDate(from);
  else if (claim) {
    claim.serviceDateFrom = isoDate(from);
    claim.serviceDateTo = isoDate(to);
  }
}
