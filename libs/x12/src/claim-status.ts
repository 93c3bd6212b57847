import { formatCents } from './amount';
import type { Gender } from './claim-837p';
import type { TransactionEnvelope } from './envelope';
import type { X12Result } from './errors';
import { readServiceDates, readStc, readSvc } from './read-277-common';
import { FindingSink, isoDate, type ReaderHandler, runReader } from './read-common';
import type { Segment } from './tokenizer';
import { KIND_277 } from './transactions';
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

export interface ClaimStatusQuery {
  /** CLM01 we sent: written in REF*EJ and, unless traceNumber is given, as TRN02. */
  readonly claimId: string;
  readonly traceNumber?: string;
  /** REF*1K, from the 277CA, when known. */
  readonly payerClaimNumber?: string;
  /** CLM02, cents. */
  readonly charge: number;
  readonly serviceDateFrom: string;
  readonly serviceDateTo?: string;
  readonly subscriber: {
    readonly lastName: string;
    readonly firstName?: string;
    readonly memberId: string;
    readonly birthDate?: string;
    readonly gender?: Gender;
  };
  /** The client when not the subscriber (loop 2000E). */
  readonly patient?: {
    readonly lastName: string;
    readonly firstName?: string;
    readonly birthDate: string;
    readonly gender?: Gender;
  };
}

export interface ClaimStatusInquiry extends EnvelopeInput {
  /** BHT03. */
  readonly referenceId: string;
  readonly payer: { readonly name: string; readonly id: string };
  /** Information receiver (us): NM1*41, qualifier 46. */
  readonly receiver: { readonly name: string; readonly id: string };
  readonly provider: {
    readonly entity: 'person' | 'organization';
    readonly name: string;
    readonly firstName?: string;
    readonly npi: string;
  };
  readonly claims: readonly ClaimStatusQuery[];
}

/**
 * Writes a 276 claim status request (005010X212) for claims with no answer yet. Not validated
 * against a map (none in the reference set): checked field by field and for envelope counts
 * and HL links.
 */
export function write276(input: ClaimStatusInquiry, options: WriteOptions = {}): WriteResult {
  const w = new SegmentWriter(options);
  const cn = controlNumbers(input);
  const c = new Checker(undefined);
  checkEnvelope(c, input, w.separators);
  c.text('referenceId', input.referenceId, 'BHT03 is required');
  c.text('payer.name', input.payer?.name, 'NM103 is required');
  c.text('payer.id', input.payer?.id, 'NM109 is required');
  c.text('receiver.name', input.receiver?.name, 'NM103 is required');
  c.text('receiver.id', input.receiver?.id, 'NM109 is required');
  c.text('provider.name', input.provider?.name, 'NM103 is required');
  c.npi('provider.npi', input.provider?.npi);
  if (!input.claims?.length) c.fail('claims', 'at least one claim', 'is empty');
  (input.claims ?? []).forEach((q, i) => {
    const p = `claims[${i}]`;
    c.exact(`${p}.claimId`, q.claimId, 38, w.separators, 'REF*EJ is the CLM01 sent, exactly');
    if (q.traceNumber !== undefined)
      c.exact(`${p}.traceNumber`, q.traceNumber, 50, w.separators, 'TRN02 is 1-50 characters');
    c.money(`${p}.charge`, q.charge);
    c.date(`${p}.serviceDateFrom`, q.serviceDateFrom);
    c.date(`${p}.serviceDateTo`, q.serviceDateTo, false);
    c.text(`${p}.subscriber.lastName`, q.subscriber?.lastName, 'NM103 is required');
    c.exact(`${p}.subscriber.memberId`, q.subscriber?.memberId, 80, w.separators, 'NM109 member id, exactly');
    c.date(`${p}.subscriber.birthDate`, q.subscriber?.birthDate, false);
    if (q.patient) {
      c.text(`${p}.patient.lastName`, q.patient.lastName, 'NM103 is required');
      c.date(`${p}.patient.birthDate`, q.patient.birthDate);
    }
  });
  if (c.problems.length) return { problems: c.problems, controlNumbers: cn };

  const { ymd, hm } = stamp(input.createdAt);
  const pr = input.provider;
  w.seg('ST', '276', cn.transaction, '005010X212');
  w.seg('BHT', '0010', '13', w.text(input.referenceId, 50), ymd, hm);
  w.seg('HL', '1', '', '20', '1');
  w.seg('NM1', 'PR', '2', w.text(input.payer.name), '', '', '', '', 'PI', w.text(input.payer.id, 80));
  w.seg('HL', '2', '1', '21', '1');
  w.seg('NM1', '41', '2', w.text(input.receiver.name), '', '', '', '', '46', w.text(input.receiver.id, 80));
  w.seg('HL', '3', '2', '19', '1');
  if (pr.entity === 'person')
    w.seg('NM1', '1P', '1', w.text(pr.name), w.text(pr.firstName, 35), '', '', '', 'XX', pr.npi);
  else w.seg('NM1', '1P', '2', w.text(pr.name), '', '', '', '', 'XX', pr.npi);
  let hl = 3;
  for (const q of input.claims) {
    const s = q.subscriber;
    const subscriberHl = ++hl;
    w.seg('HL', String(subscriberHl), '3', '22', q.patient ? '1' : '0');
    if (!q.patient && s.birthDate) w.seg('DMG', 'D8', d8(s.birthDate), s.gender);
    w.seg('NM1', 'IL', '1', w.text(s.lastName), w.text(s.firstName, 35), '', '', '', 'MI', s.memberId);
    if (q.patient) {
      w.seg('HL', String(++hl), String(subscriberHl), '23');
      w.seg('DMG', 'D8', d8(q.patient.birthDate), q.patient.gender);
      w.seg('NM1', 'QC', '1', w.text(q.patient.lastName), w.text(q.patient.firstName, 35));
    }
    w.seg('TRN', '1', q.traceNumber ?? q.claimId);
    if (q.payerClaimNumber) w.seg('REF', '1K', w.text(q.payerClaimNumber, 50));
    w.seg('REF', 'EJ', q.claimId);
    w.seg('AMT', 'T3', formatCents(q.charge));
    const from = d8(q.serviceDateFrom);
    const to = q.serviceDateTo ? d8(q.serviceDateTo) : from;
    w.seg('DTP', '472', 'RD8', `${from}-${to}`);
  }
  return finish(w, input, 'HR', '005010X212', cn, undefined);
}

/** One STC of a 277 claim status response. */
export interface ClaimStatusDetail {
  readonly category: string;
  readonly code: string;
  readonly entity?: string;
  /** The status in words. */
  readonly text: string;
  readonly effectiveDate?: string;
  /** STC04 total charge, STC05 paid, cents. */
  readonly charge?: number;
  readonly paid?: number;
  /** STC06: when the claim was finalized. */
  readonly finalizedDate?: string;
  /** STC07, e.g. ACH, CHK, NON. */
  readonly paymentMethod?: string;
  readonly paymentDate?: string;
  /** STC09: check or EFT number. */
  readonly checkNumber?: string;
  readonly message?: string;
}

export interface ClaimStatusLine {
  readonly procedure: string;
  readonly modifiers: string[];
  readonly charge?: number;
  readonly paid?: number;
  readonly statuses: ClaimStatusDetail[];
  lineControlNumber?: string;
  serviceDate?: string;
}

export interface ClaimStatusResult {
  /** TRN02: the trace number we sent (our claim id unless we chose another). */
  readonly traceNumber: string;
  /** REF*EJ: our claim id, when the payer echoes it. */
  claimId?: string;
  /** REF*1K. */
  payerClaimNumber?: string;
  readonly patient: { lastName: string; firstName?: string; memberId?: string };
  providerId?: string;
  readonly statuses: ClaimStatusDetail[];
  serviceDateFrom?: string;
  serviceDateTo?: string;
  readonly lines: ClaimStatusLine[];
  readonly segmentNumber: number;
}

export interface ClaimStatusResponse {
  readonly envelope: TransactionEnvelope;
  payer: { name: string; id?: string };
  receiver: { name: string; id?: string };
  readonly claims: ClaimStatusResult[];
}

class ClaimStatus277Handler implements ReaderHandler<ClaimStatusResponse> {
  readonly results: ClaimStatusResponse[] = [];
  readonly sink = new FindingSink();
  private res: ClaimStatusResponse | undefined;
  private level = '';
  private providerId: string | undefined;
  private person: { lastName: string; firstName?: string; memberId?: string } | undefined;
  private claim: ClaimStatusResult | undefined;
  private line: ClaimStatusLine | undefined;

  begin(envelope: TransactionEnvelope): void {
    this.res = { envelope, payer: { name: '' }, receiver: { name: '' }, claims: [] };
    this.level = '';
    this.providerId = this.person = this.claim = this.line = undefined;
  }

  private statuses(seg: Segment): ClaimStatusDetail[] {
    const f = seg.fields;
    return readStc(this.sink, seg, ({ category, code, entity, text }) => ({
      category,
      code,
      text,
      ...(entity ? { entity } : {}),
      ...(f[2] ? { effectiveDate: isoDate(f[2]) } : {}),
      ...(f[4] ? { charge: this.sink.cents(seg, 4, false) } : {}),
      ...(f[5] ? { paid: this.sink.cents(seg, 5, false) } : {}),
      ...(f[6] ? { finalizedDate: isoDate(f[6]) } : {}),
      ...(f[7] ? { paymentMethod: f[7] } : {}),
      ...(f[8] ? { paymentDate: isoDate(f[8]) } : {}),
      ...(f[9] ? { checkNumber: f[9] } : {}),
      ...(f[12] ? { message: f[12] } : {}),
    }));
  }

  segment(seg: Segment): void {
    const f = seg.fields;
    const res = this.res!;
    switch (seg.id) {
      case 'HL':
        this.level = f[3] ?? '';
        this.claim = this.line = undefined;
        if (this.level === '22' || this.level === '23') this.person = { lastName: '' };
        return;
      case 'NM1':
        if (this.level === '20') res.payer = { name: f[3] ?? '', id: f[9] || undefined };
        else if (this.level === '21') res.receiver = { name: f[3] ?? '', id: f[9] || undefined };
        else if (this.level === '19') this.providerId = f[9] || undefined;
        else if (this.person && (f[1] === 'IL' || f[1] === 'QC')) {
          // the patient is the subscriber unless a dependent level (23) follows
          this.person.lastName = f[3] ?? '';
          if (f[4]) this.person.firstName = f[4];
          if (f[9]) this.person.memberId = f[9];
        }
        return;
      case 'TRN':
        if (this.level !== '22' && this.level !== '23') return;
        this.line = undefined;
        this.claim = {
          traceNumber: f[2] ?? '',
          patient: { ...(this.person ?? { lastName: '' }) },
          providerId: this.providerId,
          statuses: [],
          lines: [],
          segmentNumber: seg.number,
        };
        res.claims.push(this.claim);
        return;
      case 'STC': {
        const s = this.statuses(seg);
        if (this.line) this.line.statuses.push(...s);
        else if (this.claim) this.claim.statuses.push(...s);
        return;
      }
      case 'REF':
        if (this.line && f[1] === 'FJ') this.line.lineControlNumber = f[2];
        else if (this.claim && !this.line && f[1] === '1K') this.claim.payerClaimNumber = f[2];
        else if (this.claim && !this.line && f[1] === 'EJ') this.claim.claimId = f[2];
        return;
      case 'DTP':
        return readServiceDates(seg, this.line, this.claim);
      case 'SVC':
        if (!this.claim) return this.sink.add(seg, 'unexpected-segment', 'SVC outside a claim', 'error');
        this.line = { ...readSvc(this.sink, seg), paid: this.sink.cents(seg, 3, false), statuses: [] };
        this.claim.lines.push(this.line);
        return;
      default:
        return;
    }
  }

  end(se: Segment): void {
    for (const c of this.res!.claims)
      if (!c.statuses.length)
        this.sink.add(
          se,
          'missing-segment',
          `claim ${c.traceNumber} at segment ${c.segmentNumber} has no STC status`,
          'error',
        );
    this.results.push(this.res!);
    this.res = undefined;
  }
}

/** Reads every 277 claim status response (005010X212) in the input. Not map-validated. */
export function read277(input: string | Uint8Array): X12Result<ClaimStatusResponse[]> {
  return runReader(input, KIND_277, new ClaimStatus277Handler());
}
