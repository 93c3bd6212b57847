import type { TransactionEnvelope } from './envelope';
import type { X12Result } from './errors';
import { readServiceDates, readStc, readSvc } from './read-277-common';
import { FindingSink, isoDate, type ReaderHandler, runReader } from './read-common';
import type { Segment } from './tokenizer';
import { KIND_277CA } from './transactions';

export interface ClaimStatus {
  /** STC01-1 etc.: A1 received, A2 accepted, A3 returned as unprocessable, A6/A7 rejected, A8 rejected for relational field... */
  readonly category: string;
  /** STC01-2: claim status code. */
  readonly code: string;
  /** STC01-3: entity identifier code. */
  readonly entity?: string;
  /** The category and status code in words, e.g. "Rejected: information not valid (…)". */
  readonly text: string;
  readonly effectiveDate?: string;
  /** STC03: action code (WQ, U, ...). */
  readonly action?: string;
  /** STC04: total charge, cents. */
  readonly amount?: number;
  readonly message?: string;
}

export interface ServiceLineAck {
  readonly procedure: string;
  readonly modifiers: string[];
  readonly charge?: number;
  readonly statuses: ClaimStatus[];
  lineControlNumber?: string;
  serviceDate?: string;
}

export interface ClaimAck {
  /** TRN02 of loop 2200D: the patient control number we sent in CLM01. */
  claimId: string;
  readonly patient: { lastName: string; firstName?: string; memberId?: string };
  billingProviderId?: string;
  readonly statuses: ClaimStatus[];
  /** Category of the first status: A1, A2, A3, A6, A7, A8... */
  category?: string;
  /** REF*1K: the payer's claim number. */
  payerClaimNumber?: string;
  billType?: string;
  serviceDateFrom?: string;
  serviceDateTo?: string;
  readonly lines: ServiceLineAck[];
  readonly segmentNumber: number;
}

export interface Ack277 {
  readonly envelope: TransactionEnvelope;
  payer: { name: string; id?: string };
  receiver: {
    name: string;
    id?: string;
    traceNumber?: string;
    statuses: ClaimStatus[];
    acceptedCount?: number;
    rejectedCount?: number;
    acceptedAmount?: number;
    rejectedAmount?: number;
  };
  readonly claims: ClaimAck[];
}

class Ack277Handler implements ReaderHandler<Ack277> {
  readonly results: Ack277[] = [];
  readonly sink = new FindingSink();
  private ack: Ack277 | undefined;
  private level = '';
  private providerId: string | undefined;
  private claim: ClaimAck | undefined;
  private line: ServiceLineAck | undefined;

  begin(envelope: TransactionEnvelope): void {
    this.ack = { envelope, payer: { name: '' }, receiver: { name: '', statuses: [] }, claims: [] };
    this.level = '';
    this.claim = this.line = this.providerId = undefined;
  }

  private statuses(seg: Segment): ClaimStatus[] {
    const f = seg.fields;
    return readStc(this.sink, seg, ({ category, code, entity, text }) => ({
      category,
      code,
      entity: entity || undefined,
      text,
      effectiveDate: isoDate(f[2]),
      action: f[3] || undefined,
      amount: this.sink.cents(seg, 4, false),
      message: f[12] || undefined,
    }));
  }

  segment(seg: Segment): void {
    const f = seg.fields;
    const ack = this.ack!;
    switch (seg.id) {
      case 'HL':
        this.level = f[3] ?? '';
        this.line = undefined;
        if (this.level === 'PT') {
          this.claim = {
            claimId: '',
            patient: { lastName: '' },
            billingProviderId: this.providerId,
            statuses: [],
            lines: [],
            segmentNumber: seg.number,
          };
          ack.claims.push(this.claim);
        } else this.claim = undefined;
        return;
      case 'NM1':
        if (this.level === '20') ack.payer = { name: f[3] ?? '', id: f[9] || undefined };
        else if (this.level === '21') {
          ack.receiver.name = f[3] ?? '';
          ack.receiver.id = f[9] || undefined;
        } else if (this.level === '19') this.providerId = f[9] || undefined;
        else if (this.claim && f[1] === 'QC') {
          const p = this.claim.patient;
          p.lastName = f[3] ?? '';
          if (f[4]) p.firstName = f[4];
          if (f[9]) p.memberId = f[9];
        }
        return;
      case 'TRN':
        if (this.level === '21') ack.receiver.traceNumber = f[2];
        else if (this.claim && !this.line) this.claim.claimId = f[2] ?? '';
        return;
      case 'STC': {
        const s = this.statuses(seg);
        if (this.line) this.line.statuses.push(...s);
        else if (this.claim) {
          this.claim.statuses.push(...s);
          this.claim.category ??= s[0]?.category;
        } else if (this.level === '21') ack.receiver.statuses.push(...s);
        return;
      }
      case 'QTY':
        if (this.level === '21') {
          const n = /^\d+$/.test(f[2] ?? '') ? Number(f[2]) : undefined;
          if (f[1] === '90') ack.receiver.acceptedCount = n;
          else if (f[1] === 'AA') ack.receiver.rejectedCount = n;
        }
        return;
      case 'AMT':
        if (this.level === '21') {
          if (f[1] === 'YU') ack.receiver.acceptedAmount = this.sink.cents(seg, 2);
          else if (f[1] === 'YY') ack.receiver.rejectedAmount = this.sink.cents(seg, 2);
        }
        return;
      case 'REF':
        if (this.line && f[1] === 'FJ') this.line.lineControlNumber = f[2];
        else if (this.claim && f[1] === '1K') this.claim.payerClaimNumber = f[2];
        else if (this.claim && f[1] === 'BLT') this.claim.billType = f[2];
        return;
      case 'DTP':
        return readServiceDates(seg, this.line, this.claim);
      case 'SVC':
        if (!this.claim) return this.sink.add(seg, 'unexpected-segment', 'SVC outside a claim', 'error');
        this.line = { ...readSvc(this.sink, seg), statuses: [] };
        this.claim.lines.push(this.line);
        return;
      default:
        return;
    }
  }

  end(se: Segment): void {
    for (const c of this.ack!.claims)
      if (!c.claimId)
        this.sink.add(
          se,
          'missing-segment',
          `claim at segment ${c.segmentNumber} has no TRN patient control number`,
          'error',
        );
    this.results.push(this.ack!);
    this.ack = undefined;
  }
}

/** Reads every 277CA (005010X214) in the input. */
export function read277ca(input: string | Uint8Array): X12Result<Ack277[]> {
  return runReader(input, KIND_277CA, new Ack277Handler());
}
