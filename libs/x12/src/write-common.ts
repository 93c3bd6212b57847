import { formatCents, formatQuantity } from './amount';
import type { CasAdjustment, PostalAddress } from './claim-837p';
import { isoToD8 } from './dates';
import { CODE_SETS } from './generated/data-elements';
import { MAP_837P } from './generated/map-837p';
import type { SimpleElementData, TxMapData } from './map-types';
import { isValidNpi } from './npi';

export interface Problem {
  /** undefined for a batch-level problem. */
  readonly claimId?: string;
  /** Path of the field in the input, e.g. claims[2].diagnoses. */
  readonly field: string;
  /** The guide rule that would be broken. */
  readonly rule: string;
  readonly message: string;
}

export interface WriteOptions {
  /** Separators; defaults * : ^ ~ */
  readonly element?: string;
  readonly component?: string;
  readonly repetition?: string;
  readonly segment?: string;
  /** Appended after each segment terminator, e.g. "\n". */
  readonly lineBreak?: string;
}

/** The code list of an element in a guide's map. */
export const codeList = (map: TxMapData, segId: string, seq: string): readonly string[] => {
  const def = map.segs.find((s) => s[0] === segId)?.[4].find((e) => e[0] === seq) as SimpleElementData;
  return Array.isArray(def?.[3]) ? (def[3] as readonly string[]) : [];
};

export const ID_QUALIFIERS = codeList(MAP_837P, 'ISA', '05');
export const STATES = CODE_SETS['states'];

/** Collects the problems of a writer's input, each naming the field and the guide rule. */
export class Checker {
  readonly problems: Problem[] = [];
  constructor(private readonly claimId: string | undefined) {}
  fail(field: string, rule: string, message: string): void {
    const who = this.claimId === undefined ? 'batch' : `claim ${this.claimId}`;
    this.problems.push({
      claimId: this.claimId,
      field,
      rule,
      message: `${who}: ${field} ${message} (rule: ${rule})`,
    });
  }
  text(field: string, v: string | undefined, rule: string): void {
    if (!v || !v.trim()) this.fail(field, rule, 'is required');
  }
  npi(field: string, v: string | undefined): void {
    if (!v) this.fail(field, 'NPI is required (NM108 XX)', 'is required');
    else if (!isValidNpi(v))
      this.fail(field, 'NPI must be 10 digits with a valid check digit', `NPI ${v} fails its check digit`);
  }
  date(field: string, v: string | undefined, required = true): void {
    if (!v) {
      if (required) this.fail(field, 'date is required', 'is required');
      return;
    }
    if (!isoToD8(v)) this.fail(field, 'dates are YYYY-MM-DD (D8 CCYYMMDD)', `"${v}" is not a date`);
  }
  address(field: string, a: PostalAddress | undefined, nineDigitZip = false): void {
    if (!a) return this.fail(field, 'address is required (N3/N4)', 'is required');
    this.text(`${field}.line1`, a.line1, 'N301 is required');
    this.text(`${field}.city`, a.city, 'N401 is required');
    if (!STATES.includes(a.state ?? ''))
      this.fail(`${field}.state`, 'N402 is a 2-letter state code', `"${a.state ?? ''}" is not a state code`);
    const zip = (a.postalCode ?? '').replace(/-/g, '');
    if (nineDigitZip ? !/^\d{9}$/.test(zip) : !/^\d{5}(\d{4})?$/.test(zip))
      this.fail(
        `${field}.postalCode`,
        nineDigitZip ? 'billing provider ZIP must be 9 digits' : 'ZIP is 5 or 9 digits',
        `"${a.postalCode ?? ''}" is not valid`,
      );
  }
  /** An identifier written exactly as given (it comes back in the 277CA and 835), so it cannot be cleaned. */
  exact(field: string, v: string | undefined, max: number, separators: string, rule: string): void {
    if (!v) return this.fail(field, rule, 'is required');
    const bad = firstUnsendable(v, separators);
    if (v.length > max || bad !== undefined || v.trim() !== v)
      this.fail(
        field,
        rule,
        `"${v}" cannot be sent unchanged (${v.length > max ? `longer than ${max}` : bad !== undefined ? `contains "${bad}"` : 'leading or trailing space'})`,
      );
  }
  code(field: string, v: string | undefined, list: readonly string[], rule: string): void {
    if (!list.includes(v ?? '')) this.fail(field, rule, `"${v ?? ''}" is not a valid code`);
  }
  money(field: string, v: number, positive = false): void {
    if (!Number.isSafeInteger(v) || (positive ? v <= 0 : false))
      this.fail(
        field,
        'amounts are integer cents' + (positive ? ' greater than 0' : ''),
        `${v} is not valid`,
      );
  }
}

/** The first character of `v` that is not printable ASCII or is a separator (a loop: no array per value). */
function firstUnsendable(v: string, separators: string): string | undefined {
  for (let i = 0; i < v.length; i++) {
    const ch = v[i];
    if (ch < ' ' || ch > '~' || separators.includes(ch)) return ch;
  }
  return undefined;
}

/** Elements (or components) joined by `sep`, without the trailing empty ones; the first always stays. */
export function joinTrimmed(els: readonly (string | undefined)[], sep: string): string {
  let n = els.length;
  while (n > 1 && !els[n - 1]) n--;
  // Array.join makes one flat string; trimming by slice only when needed (setting length was slow).
  return n === els.length ? els.join(sep) : els.slice(0, n).join(sep);
}

export function cas(
  seg: (...els: (string | undefined)[]) => void,
  adjustments: readonly CasAdjustment[],
): void {
  const groups = new Map<string, CasAdjustment[]>();
  for (const a of adjustments) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  for (const [group, list] of groups) {
    for (let i = 0; i < list.length; i += 6) {
      const els: string[] = [];
      for (const a of list.slice(i, i + 6))
        els.push(a.reason, formatCents(a.amount), a.quantity === undefined ? '' : formatQuantity(a.quantity));
      seg('CAS', group, ...els);
    }
  }
}

export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Upper-cases (837P) and replaces separator and control characters so text cannot break the structure. */
export function makeCleaner(separators: string[], upper = true): (s: string) => string {
  const escaped = separators.map((c) => c.replace(/[\\^\]-]/g, '\\$&')).join('');
  const bad = new RegExp(`[${escaped}\\x00-\\x1f\\x7f-\\uffff]+`, 'g');
  // Printable ASCII that is not a separator: text made only of these needs no regex.
  const plain = new Uint8Array(127);
  plain.fill(1, 32);
  for (const c of separators.join('')) if (c.charCodeAt(0) < 127) plain[c.charCodeAt(0)] = 0;
  return (s: string) => {
    // Most text is already clean printable ASCII with single spaces: one scan spares the regexes.
    let clean = true;
    for (let i = 0, prev = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 126 || plain[c] === 0 || (c === 32 && prev === 32)) {
        clean = false;
        break;
      }
      prev = c;
    }
    if (clean) return (upper ? s.toUpperCase() : s).trim();
    const out = (upper ? s.toUpperCase() : s).replace(bad, ' ');
    return (out.includes('  ') ? out.replace(/ {2,}/g, ' ') : out).trim();
  };
}

/** Who sends and receives an interchange, and when: the ISA and GS of every writer. */
export interface EnvelopeInput {
  readonly createdAt: Date;
  /** ISA15. */
  readonly usage: 'P' | 'T';
  readonly interchangeSender: { readonly qualifier: string; readonly id: string };
  readonly interchangeReceiver: { readonly qualifier: string; readonly id: string };
  /** GS02 / GS03. */
  readonly applicationSender: string;
  readonly applicationReceiver: string;
  readonly controlNumbers?: {
    readonly interchange?: number;
    readonly group?: number;
    readonly transaction?: number;
  };
  readonly acknowledgmentRequested?: boolean;
}

export interface ControlNumbers {
  readonly interchange: string;
  readonly group: string;
  readonly transaction: string;
}

/** What every writer but the 837P returns: the whole file, or nothing and every problem. */
export interface WriteResult {
  readonly x12?: string;
  readonly problems: Problem[];
  readonly controlNumbers: ControlNumbers;
}

export function checkEnvelope(c: Checker, b: EnvelopeInput, separators: string): void {
  c.code('interchangeSender.qualifier', b.interchangeSender?.qualifier, ID_QUALIFIERS, 'ISA05 code list');
  c.code('interchangeReceiver.qualifier', b.interchangeReceiver?.qualifier, ID_QUALIFIERS, 'ISA07 code list');
  c.exact('interchangeSender.id', b.interchangeSender?.id, 15, separators, 'ISA06 is 1-15 characters');
  c.exact('interchangeReceiver.id', b.interchangeReceiver?.id, 15, separators, 'ISA08 is 1-15 characters');
  for (const f of ['applicationSender', 'applicationReceiver'] as const)
    if (!/^[\x20-\x7e]{2,15}$/.test(b[f] ?? '') || [...(b[f] ?? '')].some((ch) => separators.includes(ch)))
      c.fail(
        f,
        `${f === 'applicationSender' ? 'GS02' : 'GS03'} is 2-15 characters`,
        `"${b[f] ?? ''}" is not valid`,
      );
  if (!(b.createdAt instanceof Date) || Number.isNaN(b.createdAt.getTime()))
    c.fail('createdAt', 'creation date is required', 'is not a date');
}

/** Builds the segments of one transaction, then wraps them in ST…SE, GS…GE and ISA…IEA. */
export class SegmentWriter {
  readonly E: string;
  readonly C: string;
  readonly R: string;
  readonly T: string;
  readonly nl: string;
  readonly separators: string;
  readonly segs: string[] = [];
  private readonly cleaner: (s: string) => string;

  constructor(options: WriteOptions = {}) {
    this.E = options.element ?? '*';
    this.C = options.component ?? ':';
    this.R = options.repetition ?? '^';
    this.T = options.segment ?? '~';
    this.nl = options.lineBreak ?? '';
    this.separators = this.E + this.C + this.R + this.T;
    this.cleaner = makeCleaner([this.E, this.C, this.R, this.T], false);
  }

  /** Free text: separators and control characters become spaces, cut to `max`. */
  text(s: string | undefined, max = 60): string {
    return this.cleaner(s ?? '')
      .slice(0, max)
      .trim();
  }

  seg(...els: (string | undefined)[]): void {
    this.segs.push(joinTrimmed(els, this.E));
  }

  comp(...parts: (string | undefined)[]): string {
    return joinTrimmed(parts, this.C);
  }

  /** The whole interchange; `segs` hold the transaction from ST on, without SE. */
  interchange(env: EnvelopeInput, functionalId: string, version: string, cn: ControlNumbers): string {
    const E = this.E;
    const { ymd, hm } = stamp(env.createdAt);
    this.seg('SE', String(this.segs.length + 1), cn.transaction);
    const gs = [
      'GS',
      functionalId,
      env.applicationSender,
      env.applicationReceiver,
      ymd,
      hm,
      cn.group,
      'X',
      version,
    ];
    const out = [isa(this, env, cn.interchange), gs.join(E), ...this.segs, ['GE', '1', cn.group].join(E)];
    out.push(['IEA', '1', cn.interchange].join(E));
    const sep = this.T + this.nl;
    return out.join(sep) + sep;
  }
}

export function isa(w: SegmentWriter, env: EnvelopeInput, icn: string): string {
  const { ymd, hm } = stamp(env.createdAt);
  return [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    env.interchangeSender.qualifier,
    env.interchangeSender.id.padEnd(15),
    env.interchangeReceiver.qualifier,
    env.interchangeReceiver.id.padEnd(15),
    ymd.slice(2),
    hm,
    w.R,
    '00501',
    icn,
    env.acknowledgmentRequested ? '1' : '0',
    env.usage,
    w.C,
  ].join(w.E);
}

export function stamp(at: Date): { ymd: string; hm: string } {
  const d = at instanceof Date && !Number.isNaN(at.getTime()) ? at : new Date(0);
  return {
    ymd: `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`,
    hm: `${pad2(d.getUTCHours())}${pad2(d.getUTCMinutes())}`,
  };
}

export function controlNumbers(env: EnvelopeInput): ControlNumbers {
  const at =
    env.createdAt instanceof Date && !Number.isNaN(env.createdAt.getTime()) ? env.createdAt : new Date(0);
  const fallback = Math.floor(at.getTime() / 1000) % 1_000_000_000 || 1;
  const cn = env.controlNumbers ?? {};
  return {
    interchange: String(cn.interchange ?? fallback)
      .padStart(9, '0')
      .slice(-9),
    group: String(cn.group ?? fallback),
    transaction: String(cn.transaction ?? 1).padStart(4, '0'),
  };
}

/** ISO YYYY-MM-DD to CCYYMMDD (checked before writing). */
export const d8 = (iso: string): string => iso.replace(/-/g, '');
