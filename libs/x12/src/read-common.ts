import { parseCents } from './amount';
import { EnvelopeWalker, type TransactionHandler } from './envelope';
import { type Finding, X12Error, type X12Result } from './errors';
import { type Segment, X12Tokenizer } from './tokenizer';
import type { TransactionKind } from './transactions';

export interface Adjustment {
  /** CAS01: CO, PR, OA, PI, CR. */
  readonly group: string;
  readonly reason: string;
  readonly amount: number;
  readonly quantity?: number;
}

export interface Address {
  readonly line1: string;
  readonly line2?: string;
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
}

/** Collects findings for one reader run. */
export class FindingSink {
  readonly list: Finding[] = [];
  /** With `report`, findings are handed on as found and not kept (streaming). */
  constructor(private readonly report?: (f: Finding) => void) {}
  push(f: Finding): void {
    if (this.report) this.report(f);
    else this.list.push(f);
  }
  add(seg: Segment, code: string, message: string, severity: Finding['severity'] = 'warning'): void {
    this.push({ severity, code, message, segmentNumber: seg.number, segmentId: seg.id });
  }
  /** Cents from element `i`; a bad or missing required amount is a finding and reads as 0. */
  cents(seg: Segment, i: number, required = true): number | undefined {
    const v = seg.fields[i] ?? '';
    if (v === '') {
      if (required) this.add(seg, 'missing-amount', `${seg.id}${pad(i)} amount is missing`, 'error');
      return required ? 0 : undefined;
    }
    const c = parseCents(v);
    if (c === undefined) {
      this.add(seg, 'bad-amount', `${seg.id}${pad(i)} "${v}" is not an amount in cents`, 'error');
      return required ? 0 : undefined;
    }
    return c;
  }
  /**
   * Components of a composite. Some published files use a component separator other than the
   * one their ISA16 declares (e.g. "HC>99213" with ISA16 ":"): accept it with a warning.
   */
  composite(seg: Segment, i: number): string[] {
    const v = seg.fields[i] ?? '';
    if (v === '') return [];
    const sep = seg.separators.component;
    if (v.includes(sep)) return v.split(sep);
    const m = /^[A-Z0-9]{2}([^A-Za-z0-9 ])/.exec(v);
    if (m && m[1] !== seg.separators.element && m[1] !== '-' && m[1] !== '.') {
      this.add(
        seg,
        'component-separator',
        `${seg.id}${pad(i)} uses "${m[1]}" as component separator, ISA16 declares "${sep}"`,
      );
      return v.split(m[1]);
    }
    return [v];
  }
}

export const pad = (i: number): string => (i < 10 ? `0${i}` : String(i));

export function readAdjustments(seg: Segment, sink: FindingSink, into: Adjustment[]): void {
  const group = seg.fields[1] ?? '';
  if (group === '') sink.add(seg, 'missing-element', 'CAS01 adjustment group is missing', 'error');
  for (let i = 2; i <= 17; i += 3) {
    const reason = seg.fields[i] ?? '';
    if (reason === '') continue;
    const amount = sink.cents(seg, i + 1) ?? 0;
    const q = seg.fields[i + 2];
    const quantity = q ? Number(q) : undefined;
    into.push(
      quantity !== undefined && Number.isFinite(quantity)
        ? { group, reason, amount, quantity }
        : { group, reason, amount },
    );
  }
}

export function readAddress(n3: Segment | undefined, n4: Segment): Address {
  const a: Address = {
    line1: n3?.fields[1] ?? '',
    city: n4.fields[1] ?? '',
    state: n4.fields[2] ?? '',
    postalCode: n4.fields[3] ?? '',
  };
  return n3?.fields[2] ? { ...a, line2: n3.fields[2] } : a;
}

/** X12 date CCYYMMDD to ISO YYYY-MM-DD; other text is returned as sent. */
export function isoDate(d: string | undefined): string | undefined {
  if (!d) return undefined;
  if (d.length !== 8) return d;
  for (let i = 0; i < 8; i++) {
    const c = d.charCodeAt(i);
    if (c < 48 || c > 57) return d;
  }
  const month = +d.slice(4, 6);
  const day = +d.slice(6, 8);
  if (month < 1 || month > 12 || day < 1 || day > 31) return d;
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`;
}

export interface ReaderHandler<T> extends TransactionHandler {
  readonly results: T[];
  readonly sink: FindingSink;
}

/** Tokenizes a whole input and walks it through a reader; never throws on bad input. */
export function runReader<T>(
  input: string | Uint8Array,
  kind: TransactionKind,
  handler: ReaderHandler<T>,
): X12Result<T[]> {
  const tok = new X12Tokenizer();
  const walker = new EnvelopeWalker(kind, handler);
  let last = 0;
  const take = (segs: Segment[]) => {
    for (const s of segs) {
      walker.push(s);
      last = s.number;
      if (walker.error) return;
    }
  };
  try {
    take(tok.feed(input));
    if (!walker.error && !tok.error) take(tok.end());
    if (!walker.error && !tok.error) walker.finish(last);
  } catch (e) {
    return crash(e, last, [...walker.findings, ...handler.sink.list]);
  }
  const findings = [...walker.findings, ...handler.sink.list];
  const error = tok.error ?? walker.error;
  if (error) return { ok: false, error, findings };
  return { ok: true, value: handler.results, findings };
}

/** Last line of defence: an unforeseen exception still comes back as a result naming the segment. */
export function crash(
  e: unknown,
  last: number,
  findings: Finding[],
): { ok: false; error: X12Error; findings: Finding[] } {
  const message = `internal error after segment ${last}: ${e instanceof Error ? e.message : String(e)}`;
  return { ok: false, error: new X12Error(message, last + 1, undefined, 'readable input'), findings };
}
