import type { TransactionEnvelope } from './envelope';
import type { X12Result } from './errors';
import {
  type Adjustment,
  FindingSink,
  isoDate,
  type ReaderHandler,
  readAdjustments,
  runReader,
} from './read-common';
import type { Segment } from './tokenizer';
import { KIND_837P } from './transactions';

export interface ReadParty {
  entity: '1' | '2' | string;
  name: string;
  firstName?: string;
  idQualifier?: string;
  id?: string;
}

export interface ReadLine837 {
  procedure: string;
  modifiers: string[];
  charge: number;
  units: number;
  serviceDate?: string;
  diagnosisPointers: number[];
  lineId?: string;
  readonly adjudications: { payerId: string; paid: number; adjustments: Adjustment[]; date?: string }[];
}

export interface ReadPriorPayer837 {
  responsibility: string;
  relationship: string;
  claimFilingIndicator: string;
  paid?: number;
  readonly adjustments: Adjustment[];
  subscriber?: ReadParty;
  payer?: ReadParty;
  adjudicationDate?: string;
}

export interface ReadClaim837 {
  readonly id: string;
  readonly charge: number;
  readonly placeOfService: string;
  readonly frequencyCode: string;
  diagnoses: string[];
  priorAuthorization?: string;
  originalClaimNumber?: string;
  readonly billingProvider: ReadParty & { taxIdQualifier?: string; taxId?: string; taxonomy?: string };
  readonly payToAddress: boolean;
  readonly subscriber: ReadParty & {
    payerResponsibility: string;
    relationship: string;
    claimFilingIndicator: string;
  };
  readonly payer: ReadParty;
  readonly patient?: ReadParty & { relationship: string };
  renderingProvider?: ReadParty;
  serviceFacility?: ReadParty;
  readonly priorPayers: ReadPriorPayer837[];
  readonly lines: ReadLine837[];
}

export interface ClaimFile837 {
  readonly envelope: TransactionEnvelope;
  readonly batchId: string;
  readonly submitter?: ReadParty;
  readonly receiver?: ReadParty;
  readonly claims: ReadClaim837[];
}

type Ctx = 'header' | '2000A' | '2010AB' | '2000B' | '2000C' | 'claim' | '2320' | 'line';

class Claim837Handler implements ReaderHandler<ClaimFile837> {
  readonly results: ClaimFile837[] = [];
  readonly sink = new FindingSink();
  private file:
    | {
        envelope: TransactionEnvelope;
        batchId: string;
        submitter?: ReadParty;
        receiver?: ReadParty;
        claims: ReadClaim837[];
      }
    | undefined;
  private ctx: Ctx = 'header';
  private billing: ReadClaim837['billingProvider'] = { entity: '', name: '' };
  private payTo = false;
  private subscriber: ReadClaim837['subscriber'] = {
    entity: '1',
    name: '',
    payerResponsibility: '',
    relationship: '',
    claimFilingIndicator: '',
  };
  private payer: ReadParty = { entity: '2', name: '' };
  private patient: ReadClaim837['patient'];
  private claim: ReadClaim837 | undefined;
  private prior: ReadPriorPayer837 | undefined;
  private line: ReadLine837 | undefined;

  begin(envelope: TransactionEnvelope): void {
    this.file = { envelope, batchId: '', claims: [] };
    this.ctx = 'header';
  }

  private party(seg: Segment): ReadParty {
    const f = seg.fields;
    const p: ReadParty = { entity: f[2] ?? '', name: f[3] ?? '' };
    if (f[4]) p.firstName = f[4];
    if (f[8]) p.idQualifier = f[8];
    if (f[9]) p.id = f[9];
    return p;
  }

  segment(seg: Segment): void {
    const f = seg.fields;
    const file = this.file!;
    switch (seg.id) {
      case 'BHT':
        file.batchId = f[3] ?? '';
        return;
      case 'HL':
        this.claim = this.line = this.prior = undefined;
        if (f[3] === '20') {
          this.ctx = '2000A';
          this.billing = { entity: '', name: '' };
          this.payTo = false;
        } else if (f[3] === '22') {
          this.ctx = '2000B';
          this.patient = undefined;
        } else if (f[3] === '23') this.ctx = '2000C';
        return;
      case 'PRV':
        if (this.ctx === '2000A' && f[1] === 'BI') this.billing.taxonomy = f[3];
        return;
      case 'SBR':
        if (this.ctx === '2000B') {
          this.subscriber = {
            ...this.subscriber,
            payerResponsibility: f[1] ?? '',
            relationship: f[2] ?? '',
            claimFilingIndicator: f[9] ?? '',
          };
        } else if (this.claim) {
          this.prior = {
            responsibility: f[1] ?? '',
            relationship: f[2] ?? '',
            claimFilingIndicator: f[9] ?? '',
            adjustments: [],
          };
          this.claim.priorPayers.push(this.prior);
          this.ctx = '2320';
        }
        return;
      case 'PAT':
        if (this.ctx === '2000C') this.patient = { entity: '1', name: '', relationship: f[1] ?? '' };
        return;
      case 'NM1':
        return this.nm1(seg);
      case 'REF':
        if (this.ctx === '2000A' && (f[1] === 'EI' || f[1] === 'SY')) {
          this.billing.taxIdQualifier = f[1];
          this.billing.taxId = f[2];
        } else if (this.line && f[1] === '6R') this.line.lineId = f[2];
        else if (this.claim && this.ctx === 'claim' && f[1] === 'G1') this.claim.priorAuthorization = f[2];
        else if (this.claim && this.ctx === 'claim' && f[1] === 'F8') this.claim.originalClaimNumber = f[2];
        return;
      case 'CLM': {
        const [pos = '', , freq = ''] = this.sink.composite(seg, 5);
        this.claim = {
          id: f[1] ?? '',
          charge: this.sink.cents(seg, 2) ?? 0,
          placeOfService: pos,
          frequencyCode: freq,
          diagnoses: [],
          billingProvider: this.billing,
          payToAddress: this.payTo,
          subscriber: this.subscriber,
          payer: this.payer,
          patient: this.patient,
          priorPayers: [],
          lines: [],
        };
        this.line = this.prior = undefined;
        file.claims.push(this.claim);
        this.ctx = 'claim';
        return;
      }
      case 'HI':
        if (this.claim && this.ctx === 'claim') {
          for (let i = 1; i < f.length; i++) {
            const [q, code] = this.sink.composite(seg, i);
            if (code && (q === 'ABK' || q === 'ABF' || q === 'BK' || q === 'BF'))
              this.claim.diagnoses.push(code);
          }
        }
        return;
      case 'CAS':
        if (this.line?.adjudications.length)
          readAdjustments(
            seg,
            this.sink,
            this.line.adjudications[this.line.adjudications.length - 1].adjustments,
          );
        else if (this.prior && this.ctx === '2320') readAdjustments(seg, this.sink, this.prior.adjustments);
        return;
      case 'AMT':
        if (this.prior && f[1] === 'D') this.prior.paid = this.sink.cents(seg, 2);
        return;
      case 'DTP':
        if (f[1] === '472' && this.line) this.line.serviceDate = isoDate((f[3] ?? '').split('-')[0]);
        else if (f[1] === '573') {
          const adj = this.line?.adjudications[this.line.adjudications.length - 1];
          if (adj) adj.date = isoDate(f[3]);
          else if (this.prior) this.prior.adjudicationDate = isoDate(f[3]);
        }
        return;
      case 'LX':
        this.line = undefined;
        this.ctx = 'line';
        return;
      case 'SV1': {
        if (!this.claim) return this.sink.add(seg, 'unexpected-segment', 'SV1 outside a claim', 'error');
        const [, procedure = '', ...modifiers] = this.sink.composite(seg, 1);
        const units = Number(f[4] ?? '');
        this.line = {
          procedure,
          modifiers: modifiers.filter((m) => m !== ''),
          charge: this.sink.cents(seg, 2) ?? 0,
          units: Number.isFinite(units) ? units : 0,
          diagnosisPointers: this.sink
            .composite(seg, 7)
            .map(Number)
            .filter((n) => Number.isInteger(n)),
          adjudications: [],
        };
        this.claim.lines.push(this.line);
        return;
      }
      case 'SVD':
        if (this.line)
          this.line.adjudications.push({
            payerId: f[1] ?? '',
            paid: this.sink.cents(seg, 2) ?? 0,
            adjustments: [],
          });
        return;
      default:
        return;
    }
  }

  private nm1(seg: Segment): void {
    const code = seg.fields[1];
    const p = this.party(seg);
    const file = this.file!;
    if (code === '41') file.submitter = p;
    else if (code === '40') file.receiver = p;
    else if (code === '85') this.billing = { ...this.billing, ...p };
    else if (code === '87') this.payTo = true;
    else if (code === 'IL' && this.ctx === '2000B') this.subscriber = { ...this.subscriber, ...p };
    else if (code === 'PR' && this.ctx === '2000B') this.payer = p;
    else if (code === 'QC' && this.patient) Object.assign(this.patient, p);
    else if (code === '82' && this.claim) this.claim.renderingProvider = p;
    else if (code === '77' && this.claim) this.claim.serviceFacility = p;
    else if (code === 'IL' && this.prior) this.prior.subscriber = p;
    else if (code === 'PR' && this.prior) this.prior.payer = p;
  }

  end(): void {
    this.results.push(this.file!);
    this.file = undefined;
  }
}

/** Reads the claims of 837P transactions back (used to check our own output and to import files). */
export function read837p(input: string | Uint8Array): X12Result<ClaimFile837[]> {
  return runReader(input, KIND_837P, new Claim837Handler());
}
