import {
  BEHAVIOURAL_HEALTH_SERVICE_TYPES,
  BENEFIT_KINDS,
  FOLLOW_UP_ACTIONS,
  REJECT_REASONS,
  TIME_PERIODS,
} from './eligibility-codes';
import type { TransactionEnvelope } from './envelope';
import type { X12Result } from './errors';
import { FindingSink, isoDate, type ReaderHandler, runReader } from './read-common';
import type { Segment } from './tokenizer';
import { KIND_271 } from './transactions';

/** An AAA segment: the payer could not answer, and why, in words. */
export interface Rejection {
  readonly level: 'payer' | 'provider' | 'subscriber' | 'dependent' | 'benefit';
  /** AAA03 */
  readonly code: string;
  readonly reason: string;
  /** AAA04 */
  readonly followUp?: string;
  readonly followUpAction?: string;
}

export interface DatePeriod {
  /** DTP01, e.g. 346 plan begin, 347 plan end, 356 eligibility begin, 357 eligibility end, 291 plan, 307 eligibility. */
  readonly qualifier: string;
  readonly from: string;
  readonly to?: string;
}

export interface Benefit {
  /** EB01 and its meaning (BENEFIT_KINDS). */
  readonly code: string;
  readonly kind: string;
  /** EB02, e.g. IND individual, FAM family. */
  readonly coverageLevel?: string;
  /** EB03: service types (SERVICE_TYPES); empty when the benefit applies to the plan as a whole. */
  readonly serviceTypes: string[];
  /** EB04, e.g. PR PPO, HM HMO. */
  readonly insuranceType?: string;
  /** EB05: the payer's plan name. */
  readonly planDescription?: string;
  /** EB06 time period, e.g. 23 calendar year, 29 remaining (TIME_PERIODS). */
  readonly timePeriod?: string;
  /** EB07, cents. */
  readonly amount?: number;
  /** EB08 as a fraction: 0.2 is 20%. */
  readonly percent?: number;
  readonly quantityQualifier?: string;
  readonly quantity?: number;
  /** EB11: prior authorization or certification required; undefined when the payer does not know. */
  readonly authorizationRequired?: boolean;
  /** EB12: in network (true), out of network (false), both ('both'), or not said. */
  readonly inNetwork?: boolean | 'both';
  readonly dates: DatePeriod[];
  /** MSG01: the payer's own words. */
  readonly messages: string[];
  readonly rejections: Rejection[];
}

export interface EligibilityMember {
  readonly role: 'subscriber' | 'dependent';
  lastName: string;
  firstName?: string;
  memberId?: string;
  birthDate?: string;
  gender?: string;
  /** TRN02 of the 270 (TRN01 2), to match the answer to the request. */
  readonly traceNumbers: string[];
  groupNumber?: string;
  readonly dates: DatePeriod[];
  readonly rejections: Rejection[];
  readonly benefits: Benefit[];
}

export interface EligibilityResponse {
  readonly envelope: TransactionEnvelope;
  payer: { name: string; id?: string };
  provider: { name: string; id?: string };
  /** Rejections of the whole request (payer or provider level). */
  readonly rejections: Rejection[];
  readonly members: EligibilityMember[];
}

const LEVELS: Record<string, Rejection['level']> = {
  '20': 'payer',
  '21': 'provider',
  '22': 'subscriber',
  '23': 'dependent',
};
const NETWORK: Record<string, boolean | 'both'> = { Y: true, N: false, W: 'both' };
const YES_NO: Record<string, boolean> = { Y: true, N: false };

class Eligibility271Handler implements ReaderHandler<EligibilityResponse> {
  readonly results: EligibilityResponse[] = [];
  readonly sink = new FindingSink();
  private res: EligibilityResponse | undefined;
  private level = '';
  private member: EligibilityMember | undefined;
  private benefit: Benefit | undefined;

  begin(envelope: TransactionEnvelope): void {
    this.res = { envelope, payer: { name: '' }, provider: { name: '' }, rejections: [], members: [] };
    this.level = '';
    this.member = this.benefit = undefined;
  }

  private period(seg: Segment): DatePeriod | undefined {
    const [, qualifier = '', format, value = ''] = seg.fields;
    const [from, to] = format === 'RD8' ? value.split('-') : [value];
    const iso = isoDate(from);
    if (!iso || iso === from) {
      this.sink.add(seg, 'bad-date', `DTP03 "${value}" is not a date`, 'error');
      return undefined;
    }
    return to ? { qualifier, from: iso, to: isoDate(to) } : { qualifier, from: iso };
  }

  segment(seg: Segment): void {
    const f = seg.fields;
    const res = this.res!;
    switch (seg.id) {
      case 'HL':
        this.level = f[3] ?? '';
        this.benefit = undefined;
        if (this.level === '22' || this.level === '23') {
          this.member = {
            role: this.level === '22' ? 'subscriber' : 'dependent',
            lastName: '',
            traceNumbers: [],
            dates: [],
            rejections: [],
            benefits: [],
          };
          res.members.push(this.member);
        } else this.member = undefined;
        return;
      case 'NM1':
        if (this.benefit) return; // 2120: an entity about the benefit, not the member
        if (this.level === '20') res.payer = { name: f[3] ?? '', id: f[9] || undefined };
        else if (this.level === '21') res.provider = { name: f[3] ?? '', id: f[9] || undefined };
        else if (this.member) {
          this.member.lastName = f[3] ?? '';
          if (f[4]) this.member.firstName = f[4];
          if (f[9]) this.member.memberId = f[9];
        }
        return;
      case 'TRN':
        if (this.member && f[1] === '2' && f[2]) this.member.traceNumbers.push(f[2]);
        return;
      case 'DMG':
        if (this.member && !this.benefit) {
          this.member.birthDate = isoDate(f[2]);
          if (f[3]) this.member.gender = f[3];
        }
        return;
      case 'REF':
        if (this.member && !this.benefit && f[1] === '6P') this.member.groupNumber = f[2];
        return;
      case 'DTP': {
        const p = this.period(seg);
        if (!p) return;
        if (this.benefit) this.benefit.dates.push(p);
        else if (this.member) this.member.dates.push(p);
        return;
      }
      case 'AAA': {
        const code = f[3] ?? '';
        const followUp = f[4] || undefined;
        const level = this.benefit ? 'benefit' : (LEVELS[this.level] ?? 'payer');
        const r: Rejection = {
          level,
          code,
          reason: REJECT_REASONS[code] ?? `Rejected (reason code ${code})`,
          ...(followUp
            ? { followUp, followUpAction: FOLLOW_UP_ACTIONS[followUp] ?? `follow-up code ${followUp}` }
            : {}),
        };
        if (this.benefit) this.benefit.rejections.push(r);
        else if (this.member) this.member.rejections.push(r);
        else res.rejections.push(r);
        return;
      }
      case 'EB':
        return this.eb(seg);
      case 'MSG':
        if (this.benefit && f[1]) this.benefit.messages.push(f[1]);
        return;
      default:
        return;
    }
  }

  private eb(seg: Segment): void {
    const f = seg.fields;
    if (!this.member)
      return this.sink.add(seg, 'unexpected-segment', 'EB outside a subscriber or dependent', 'error');
    const code = f[1] ?? '';
    const rep = seg.separators.repetition ?? '^';
    const percent = f[8] ? Number(f[8]) : undefined;
    const quantity = f[10] ? Number(f[10]) : undefined;
    const b: Benefit = {
      code,
      kind: BENEFIT_KINDS[code] ?? `Benefit code ${code}`,
      coverageLevel: f[2] || undefined,
      serviceTypes: f[3] ? f[3].split(rep).filter((s) => s !== '') : [],
      insuranceType: f[4] || undefined,
      planDescription: f[5] || undefined,
      timePeriod: f[6] || undefined,
      amount: this.sink.cents(seg, 7, false),
      percent: percent !== undefined && Number.isFinite(percent) ? percent : undefined,
      quantityQualifier: f[9] || undefined,
      quantity: quantity !== undefined && Number.isFinite(quantity) ? quantity : undefined,
      authorizationRequired: YES_NO[f[11] ?? ''],
      inNetwork: NETWORK[f[12] ?? ''],
      dates: [],
      messages: [],
      rejections: [],
    };
    if (!BENEFIT_KINDS[code]) this.sink.add(seg, 'invalid-code', `EB01 "${code}" is not a benefit code`);
    this.member.benefits.push(b);
    this.benefit = b;
  }

  end(): void {
    this.results.push(this.res!);
    this.res = undefined;
  }
}

/** Reads every 271 eligibility response (005010X279A1) in the input. Not map-validated. */
export function read271(input: string | Uint8Array): X12Result<EligibilityResponse[]> {
  return runReader(input, KIND_271, new Eligibility271Handler());
}

export interface CostShare {
  /** Cents, or a fraction for coinsurance. */
  readonly amount?: number;
  readonly percent?: number;
  /** True when the payer gives what is left (time period 29 remaining or 33 lifetime remaining). */
  readonly remaining: boolean;
  readonly period?: string;
  readonly inNetwork?: boolean | 'both';
  readonly coverageLevel?: string;
  readonly serviceTypes: string[];
  readonly messages: string[];
}

export interface CoverageSummary {
  /** Coverage on `date` for the service types asked: undefined when the payer did not say. */
  readonly active: boolean | undefined;
  readonly date: string;
  readonly planName?: string;
  readonly copays: CostShare[];
  readonly coinsurance: CostShare[];
  readonly deductibles: CostShare[];
  readonly outOfPocket: CostShare[];
  /** True if any matching benefit says prior authorization is required; undefined if none says. */
  readonly priorAuthorizationRequired: boolean | undefined;
  readonly notCovered: boolean;
  /** The payer's own messages on the matching benefits. */
  readonly messages: string[];
  readonly rejections: Rejection[];
}

const ACTIVE = new Set(['1', '2', '3', '4', '5']);
const INACTIVE = new Set(['6', '7', '8']);

function within(date: string, dates: readonly DatePeriod[]): boolean {
  const begin = dates.find((d) => d.qualifier === '346' || d.qualifier === '356');
  const end = dates.find((d) => d.qualifier === '347' || d.qualifier === '357');
  const span = dates.find((d) => (d.qualifier === '291' || d.qualifier === '307') && d.to);
  if (begin && date < begin.from) return false;
  if (end && date > end.from) return false;
  if (span && (date < span.from || date > (span.to ?? span.from))) return false;
  return true;
}

/**
 * What a biller needs from a 271 for one client: coverage on a date and, for the service types
 * asked (behavioural health by default), copay, coinsurance, deductible and out-of-pocket with
 * what remains, network, prior authorization and the payer's messages, and rejections in words.
 */
export function summarizeCoverage(
  member: EligibilityMember,
  date: string,
  serviceTypes: readonly string[] = BEHAVIOURAL_HEALTH_SERVICE_TYPES,
): CoverageSummary {
  const specific = (b: Benefit) => b.serviceTypes.some((t) => serviceTypes.includes(t));
  const general = (b: Benefit) => b.serviceTypes.length === 0 || b.serviceTypes.includes('30');
  const pick = (code: string, planWide: boolean) => {
    const all = member.benefits.filter((b) => b.code === code && within(date, b.dates));
    const own = all.filter(specific);
    return own.length || !planWide ? own : all.filter(general);
  };
  const share = (b: Benefit): CostShare => ({
    ...(b.amount !== undefined ? { amount: b.amount } : {}),
    ...(b.percent !== undefined ? { percent: b.percent } : {}),
    remaining: b.timePeriod === '29' || b.timePeriod === '33',
    ...(b.timePeriod ? { period: TIME_PERIODS[b.timePeriod] ?? b.timePeriod } : {}),
    ...(b.inNetwork !== undefined ? { inNetwork: b.inNetwork } : {}),
    ...(b.coverageLevel ? { coverageLevel: b.coverageLevel } : {}),
    serviceTypes: b.serviceTypes,
    messages: b.messages,
  });
  const status = member.benefits.filter(
    (b) => (ACTIVE.has(b.code) || INACTIVE.has(b.code)) && (specific(b) || general(b)),
  );
  const onDate = status.filter((b) => within(date, b.dates));
  let active: boolean | undefined;
  if (onDate.some((b) => INACTIVE.has(b.code) && specific(b))) active = false;
  else if (onDate.some((b) => ACTIVE.has(b.code) && specific(b))) active = true;
  else if (onDate.some((b) => INACTIVE.has(b.code))) active = false;
  else if (onDate.some((b) => ACTIVE.has(b.code))) active = true;
  else if (status.length) active = false;
  if (active && !within(date, member.dates)) active = false;
  if (member.rejections.length && !status.length) active = undefined;
  const relevant = member.benefits.filter((b) => specific(b) || (general(b) && b.code !== 'D'));
  const auth = relevant.map((b) => b.authorizationRequired).filter((x): x is boolean => x !== undefined);
  return {
    active,
    date,
    planName: status.find((b) => b.planDescription)?.planDescription,
    copays: pick('B', false).map(share),
    coinsurance: pick('A', false).map(share),
    deductibles: pick('C', true).map(share),
    outOfPocket: pick('G', true).map(share),
    priorAuthorizationRequired: auth.length ? auth.some(Boolean) : undefined,
    notCovered: member.benefits.some((b) => b.code === 'I' && specific(b)),
    messages: [...new Set(relevant.flatMap((b) => b.messages))],
    rejections: [...member.rejections, ...member.benefits.flatMap((b) => b.rejections)],
  };
}
