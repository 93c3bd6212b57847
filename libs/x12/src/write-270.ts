import type { Gender } from './claim-837p';
import { finish } from './write-acks';
import {
  Checker,
  checkEnvelope,
  controlNumbers,
  d8,
  type EnvelopeInput,
  SegmentWriter,
  stamp,
  type WriteOptions,
  type WriteResult,
} from './write-common';

export interface EligibilityInquiry extends EnvelopeInput {
  /** BHT03: our id for this request. */
  readonly referenceId: string;
  readonly payer: { readonly name: string; readonly id: string };
  readonly provider: {
    readonly entity: 'person' | 'organization';
    /** Organization name, or the person's last name. */
    readonly name: string;
    readonly firstName?: string;
    readonly npi: string;
  };
  readonly subscriber: {
    readonly lastName: string;
    readonly firstName?: string;
    readonly memberId: string;
    readonly birthDate?: string;
    readonly gender?: Gender;
  };
  /** The client, when not the subscriber (loop 2000D). */
  readonly dependent?: {
    readonly lastName: string;
    readonly firstName?: string;
    readonly birthDate: string;
    readonly gender?: Gender;
  };
  /** TRN02: comes back in the 271 so the answer can be matched to this request. */
  readonly traceNumber: string;
  /** TRN03: 1 + our EIN, or 9 + an id of ours (10 characters). */
  readonly originatorId: string;
  /** The date (or ISO range) coverage is asked for: DTP*291. */
  readonly date: string | { readonly from: string; readonly to: string };
  /** EQ01, e.g. ['30'] or the behavioural-health types; at most 99. */
  readonly serviceTypes: readonly string[];
}

/**
 * Writes a 270 eligibility inquiry (005010X279A1). Not validated against a map (none is in the
 * reference set): checked field by field and for envelope counts and HL links.
 */
export function write270(input: EligibilityInquiry, options: WriteOptions = {}): WriteResult {
  const w = new SegmentWriter(options);
  const cn = controlNumbers(input);
  const c = new Checker(undefined);
  checkEnvelope(c, input, w.separators);
  c.text('referenceId', input.referenceId, 'BHT03 is required');
  c.text('payer.name', input.payer?.name, 'NM103 is required');
  c.text('payer.id', input.payer?.id, 'NM109 is required');
  c.text('provider.name', input.provider?.name, 'NM103 is required');
  c.npi('provider.npi', input.provider?.npi);
  c.text('subscriber.lastName', input.subscriber?.lastName, 'NM103 is required');
  c.exact('subscriber.memberId', input.subscriber?.memberId, 80, w.separators, 'NM109 member id, exactly');
  c.date('subscriber.birthDate', input.subscriber?.birthDate, false);
  if (input.dependent) {
    c.text('dependent.lastName', input.dependent.lastName, 'NM103 is required');
    c.date('dependent.birthDate', input.dependent.birthDate);
  }
  c.exact('traceNumber', input.traceNumber, 50, w.separators, 'TRN02 is 1-50 characters');
  if (!/^[19][0-9A-Z]{9}$/.test(input.originatorId ?? ''))
    c.fail(
      'originatorId',
      'TRN03 is 1 + EIN or 9 + 9 characters',
      `"${input.originatorId ?? ''}" is not valid`,
    );
  const range = typeof input.date === 'string' ? { from: input.date, to: input.date } : input.date;
  c.date('date', range?.from);
  c.date('date', range?.to);
  if (range && range.from > range.to) c.fail('date', 'from is not after to', `${range.from} > ${range.to}`);
  const types = input.serviceTypes ?? [];
  if (!types.length || types.length > 99)
    c.fail('serviceTypes', 'EQ01 has 1 to 99 service types', `has ${types.length}`);
  types.forEach((t, i) => {
    if (!/^[0-9A-Z]{1,2}$/.test(t))
      c.fail(`serviceTypes[${i}]`, 'a service type code', `"${t}" is not valid`);
  });
  if (c.problems.length) return { problems: c.problems, controlNumbers: cn };

  const { ymd, hm } = stamp(input.createdAt);
  const p = input.provider;
  const s = input.subscriber;
  const dep = input.dependent;
  const date =
    range.from === range.to ? ['D8', d8(range.from)] : ['RD8', `${d8(range.from)}-${d8(range.to)}`];
  const person = (n: { lastName: string; firstName?: string; birthDate?: string; gender?: Gender }) => {
    if (n.birthDate) w.seg('DMG', 'D8', d8(n.birthDate), n.gender);
  };
  w.seg('ST', '270', cn.transaction, '005010X279A1');
  w.seg('BHT', '0022', '13', w.text(input.referenceId, 50), ymd, hm);
  w.seg('HL', '1', '', '20', '1');
  w.seg('NM1', 'PR', '2', w.text(input.payer.name), '', '', '', '', 'PI', w.text(input.payer.id, 80));
  w.seg('HL', '2', '1', '21', '1');
  if (p.entity === 'person')
    w.seg('NM1', '1P', '1', w.text(p.name), w.text(p.firstName, 35), '', '', '', 'XX', p.npi);
  else w.seg('NM1', '1P', '2', w.text(p.name), '', '', '', '', 'XX', p.npi);
  w.seg('HL', '3', '2', '22', dep ? '1' : '0');
  if (!dep) w.seg('TRN', '1', input.traceNumber, input.originatorId);
  w.seg('NM1', 'IL', '1', w.text(s.lastName), w.text(s.firstName, 35), '', '', '', 'MI', s.memberId);
  person(s);
  if (!dep) {
    w.seg('DTP', '291', ...date);
    w.seg('EQ', types.join(w.R));
  } else {
    w.seg('HL', '4', '3', '23', '0');
    w.seg('TRN', '1', input.traceNumber, input.originatorId);
    w.seg('NM1', '03', '1', w.text(dep.lastName), w.text(dep.firstName, 35));
    person(dep);
    w.seg('DTP', '291', ...date);
    w.seg('EQ', types.join(w.R));
  }
  return finish(w, input, 'HS', '005010X279A1', cn, undefined);
}
