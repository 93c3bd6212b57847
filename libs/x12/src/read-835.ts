import type { TransactionEnvelope } from './envelope';
import { type Finding, X12Error, type X12Result } from './errors';
import {
  type Address,
  type Adjustment,
  FindingSink,
  isoDate,
  type ReaderHandler,
  readAddress,
  readAdjustments,
  runReader,
} from './read-common';
import type { Segment } from './tokenizer';
import { KIND_835 } from './transactions';

export interface Procedure {
  /** e.g. HC (HCPCS/CPT). */
  readonly qualifier: string;
  readonly code: string;
  readonly modifiers: string[];
}

export interface RemitLine {
  readonly procedure: Procedure;
  readonly charge: number;
  readonly paid: number;
  readonly units?: number;
  /** SVC06 when the payer adjudicated a different code than submitted. */
  originalProcedure?: Procedure;
  serviceDate?: string;
  serviceDateFrom?: string;
  serviceDateTo?: string;
  /** REF*6R: the line control number we sent. */
  lineControlNumber?: string;
  /** AMT*B6. */
  allowed?: number;
  readonly adjustments: Adjustment[];
  readonly remarkCodes: string[];
  readonly segmentNumber: number;
}

export interface RemitPerson {
  lastName: string;
  firstName?: string;
  idQualifier?: string;
  id?: string;
}

export interface RemitClaim {
  /** CLP01: our claim id (patient control number). */
  readonly claimId: string;
  /** CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19-23, 25. */
  readonly statusCode: string;
  readonly charge: number;
  readonly paid: number;
  readonly patientResponsibility?: number;
  readonly filingIndicator: string;
  /** CLP07. */
  readonly payerClaimNumber: string;
  readonly facilityCode?: string;
  readonly frequencyCode?: string;
  patient?: RemitPerson;
  insured?: RemitPerson;
  correctedPatient?: RemitPerson;
  /** NM1*TT: the payer the claim was forwarded to (a crossover); no secondary claim is to be sent. */
  crossoverCarrier?: RemitPerson;
  renderingProvider?: RemitPerson;
  statementFrom?: string;
  statementTo?: string;
  readonly adjustments: Adjustment[];
  readonly lines: RemitLine[];
  /** True when charge − paid equals all claim and line adjustments. */
  balanced: boolean;
  readonly segmentNumber: number;
}

export interface ProviderAdjustment {
  readonly providerId: string;
  readonly fiscalPeriodDate?: string;
  /** PLB03-1 etc., e.g. WO, L6, FB. */
  readonly reasonCode: string;
  readonly reference?: string;
  /** Positive reduces the payment. */
  readonly amount: number;
}

export interface RemitParty {
  name: string;
  idQualifier?: string;
  id?: string;
  address?: Address;
}

export interface RemitPayment {
  /** BPR02. */
  readonly amount: number;
  /** BPR01: I remittance with payment, H notification only, etc. */
  readonly handlingCode: string;
  /** BPR04: ACH, CHK, BOP, FWT, NON. */
  readonly method: string;
  readonly date?: string;
  /** TRN02: check or EFT trace number. */
  traceNumber?: string;
  payerIdentifier?: string;
}

export interface RemittanceHeader {
  readonly envelope: TransactionEnvelope;
  payment: RemitPayment;
  payer: RemitParty;
  payee: RemitParty;
  productionDate?: string;
}

export interface Remittance extends RemittanceHeader {
  readonly claims: RemitClaim[];
  readonly providerAdjustments: ProviderAdjustment[];
  /** Balancing and content findings of this transaction. */
  readonly findings: Finding[];
}

export type RemittanceEvent =
  | { readonly kind: 'header'; readonly header: RemittanceHeader }
  | { readonly kind: 'claim'; readonly claim: RemitClaim }
  | {
      readonly kind: 'end';
      readonly providerAdjustments: ProviderAdjustment[];
      /** Findings of this transaction, each already yielded as a `finding` event. */
      readonly findingCount: number;
      readonly claimCount: number;
    }
  | { readonly kind: 'finding'; readonly finding: Finding };

const NO_HEADER: RemitPayment = { amount: 0, handlingCode: '', method: '' };

/** Builds remittances from 835 segments; emits events so large files need not be kept whole. */
export class Remittance835Handler implements ReaderHandler<Remittance> {
  readonly results: Remittance[] = [];
  readonly sink: FindingSink;
  private header: RemittanceHeader | undefined;
  private headerSent = false;
  private party: RemitParty | undefined;
  private n3: Segment | undefined;
  private claim: RemitClaim | undefined;
  private line: RemitLine | undefined;
  private claims: RemitClaim[] = [];
  private plb: ProviderAdjustment[] = [];
  private txFindings: Finding[] = [];
  private bpr: Segment | undefined;
  private paidSum = 0;
  private claimCount = 0;
  private findingCount = 0;

  /** With `retain` false (streaming), claims and findings are emitted, not kept. */
  constructor(
    private readonly emit?: (e: RemittanceEvent) => void,
    private readonly retain = true,
  ) {
    this.sink = new FindingSink(
      retain
        ? undefined
        : (finding) => {
            this.findingCount++;
            this.emit?.({ kind: 'finding', finding });
          },
    );
  }

  /** A finding the caller also sees per transaction (Remittance.findings). */
  private keep(f: Finding): void {
    if (this.retain) this.txFindings.push(f);
    this.sink.push(f);
  }

  private note(seg: Segment, code: string, message: string, severity: Finding['severity'] = 'warning'): void {
    this.keep({ severity, code, message, segmentNumber: seg.number, segmentId: seg.id });
  }

  begin(envelope: TransactionEnvelope): void {
    this.header = { envelope, payment: NO_HEADER, payer: { name: '' }, payee: { name: '' } };
    this.headerSent = false;
    this.claims = [];
    this.plb = [];
    this.txFindings = [];
    this.claim = this.line = this.party = this.bpr = undefined;
    this.paidSum = 0;
    this.claimCount = 0;
    this.findingCount = 0;
  }

  private sendHeader(): void {
    if (this.headerSent || !this.header) return;
    this.headerSent = true;
    this.emit?.({ kind: 'header', header: this.header });
  }

  private closeClaim(): void {
    const c = this.claim;
    if (!c) return;
    this.claim = this.line = undefined;
    const claimAdj = sum(c.adjustments) + c.lines.reduce((s, l) => s + sum(l.adjustments), 0);
    c.balanced = c.charge - c.paid === claimAdj;
    if (!c.balanced)
      this.noteAt(
        c.segmentNumber,
        'CLP',
        'claim-balance',
        `claim ${c.claimId}: charge ${c.charge} − paid ${c.paid} ≠ adjustments ${claimAdj} (cents)`,
      );
    for (const l of c.lines) {
      const lineAdj = sum(l.adjustments);
      if (l.charge - l.paid !== lineAdj)
        this.noteAt(
          l.segmentNumber,
          'SVC',
          'line-balance',
          `claim ${c.claimId} line ${l.procedure.code}: charge ${l.charge} − paid ${l.paid} ≠ adjustments ${lineAdj} (cents)`,
        );
    }
    this.paidSum += c.paid;
    this.claimCount++;
    if (this.retain) this.claims.push(c);
    this.emit?.({ kind: 'claim', claim: c });
  }

  private noteAt(segmentNumber: number, segmentId: string, code: string, message: string): void {
    this.keep({ severity: 'warning', code, message, segmentNumber, segmentId });
  }

  segment(seg: Segment): void {
    const f = seg.fields;
    const h = this.header!;
    switch (seg.id) {
      case 'BPR':
        this.bpr = seg;
        h.payment = {
          amount: this.sink.cents(seg, 2) ?? 0,
          handlingCode: f[1] ?? '',
          method: f[4] ?? '',
          date: isoDate(f[16]),
        };
        return;
      case 'TRN':
        if (!this.claim) {
          h.payment.traceNumber = f[2];
          h.payment.payerIdentifier = f[3];
        }
        return;
      case 'DTM':
        return this.dtm(seg);
      case 'N1': {
        const party: RemitParty = { name: f[2] ?? '' };
        if (f[3]) party.idQualifier = f[3];
        if (f[4]) party.id = f[4];
        if (f[1] === 'PR') h.payer = party;
        else if (f[1] === 'PE') h.payee = party;
        this.party = party;
        this.n3 = undefined;
        return;
      }
      case 'N3':
        this.n3 = seg;
        return;
      case 'N4':
        if (this.party && !this.claim) this.party.address = readAddress(this.n3, seg);
        return;
      case 'LX':
        this.closeClaim();
        this.sendHeader();
        return;
      case 'CLP':
        return this.clp(seg);
      case 'CAS': {
        const target = this.line?.adjustments ?? this.claim?.adjustments;
        if (!target) return this.note(seg, 'unexpected-segment', 'CAS outside a claim', 'error');
        return readAdjustments(seg, this.sink, target);
      }
      case 'NM1':
        return this.nm1(seg);
      case 'SVC':
        return this.svc(seg);
      case 'REF':
        if (this.line && f[1] === '6R') this.line.lineControlNumber = f[2];
        return;
      case 'AMT':
        if (this.line && f[1] === 'B6') this.line.allowed = this.sink.cents(seg, 2);
        return;
      case 'LQ':
        if (this.line && f[2]) this.line.remarkCodes.push(f[2]);
        return;
      case 'PLB':
        this.closeClaim();
        this.sendHeader();
        return this.plbSegment(seg);
      default:
        return;
    }
  }

  private dtm(seg: Segment): void {
    const [, q, d] = seg.fields;
    const date = isoDate(d);
    if (this.line) {
      if (q === '472') this.line.serviceDate = date;
      else if (q === '150') this.line.serviceDateFrom = date;
      else if (q === '151') this.line.serviceDateTo = date;
    } else if (this.claim) {
      if (q === '232') this.claim.statementFrom = date;
      else if (q === '233') this.claim.statementTo = date;
    } else if (q === '405') this.header!.productionDate = date;
  }

  private clp(seg: Segment): void {
    this.closeClaim();
    this.sendHeader();
    const f = seg.fields;
    if (!f[1]) this.note(seg, 'missing-element', 'CLP01 claim id is missing', 'error');
    const claim: RemitClaim = {
      claimId: f[1] ?? '',
      statusCode: f[2] ?? '',
      charge: this.sink.cents(seg, 3) ?? 0,
      paid: this.sink.cents(seg, 4) ?? 0,
      patientResponsibility: this.sink.cents(seg, 5, false),
      filingIndicator: f[6] ?? '',
      payerClaimNumber: f[7] ?? '',
      facilityCode: f[8] || undefined,
      frequencyCode: f[9] || undefined,
      adjustments: [],
      lines: [],
      balanced: true,
      segmentNumber: seg.number,
    };
    this.claim = claim;
  }

  private nm1(seg: Segment): void {
    const f = seg.fields;
    if (!this.claim) return;
    const p: RemitPerson = { lastName: f[3] ?? '' };
    if (f[4]) p.firstName = f[4];
    if (f[8]) p.idQualifier = f[8];
    if (f[9]) p.id = f[9];
    if (f[1] === 'QC') this.claim.patient = p;
    else if (f[1] === 'IL') this.claim.insured = p;
    else if (f[1] === '74') this.claim.correctedPatient = p;
    else if (f[1] === '82') this.claim.renderingProvider = p;
    else if (f[1] === 'TT') this.claim.crossoverCarrier = p;
  }

  private procedure(seg: Segment, i: number): Procedure {
    const [qualifier = '', code = '', ...modifiers] = this.sink.composite(seg, i);
    return { qualifier, code, modifiers: modifiers.slice(0, 4).filter((m) => m !== '') };
  }

  private svc(seg: Segment): void {
    if (!this.claim) return this.note(seg, 'unexpected-segment', 'SVC outside a claim', 'error');
    const f = seg.fields;
    const units = f[5] ? Number(f[5]) : undefined;
    const line: RemitLine = {
      procedure: this.procedure(seg, 1),
      charge: this.sink.cents(seg, 2) ?? 0,
      paid: this.sink.cents(seg, 3) ?? 0,
      units: units !== undefined && Number.isFinite(units) ? units : undefined,
      adjustments: [],
      remarkCodes: [],
      segmentNumber: seg.number,
    };
    if (f[6]) line.originalProcedure = this.procedure(seg, 6);
    this.claim.lines.push(line);
    this.line = line;
  }

  private plbSegment(seg: Segment): void {
    const f = seg.fields;
    for (let i = 3; i <= 13; i += 2) {
      if (!f[i]) continue;
      const [reasonCode = '', reference] = this.sink.composite(seg, i);
      const adj: ProviderAdjustment = {
        providerId: f[1] ?? '',
        fiscalPeriodDate: isoDate(f[2]),
        reasonCode,
        amount: this.sink.cents(seg, i + 1) ?? 0,
      };
      this.plb.push(reference ? { ...adj, reference } : adj);
    }
  }

  end(se: Segment): void {
    this.closeClaim();
    this.sendHeader();
    const h = this.header!;
    if (!this.bpr) this.note(se, 'missing-segment', 'the 835 has no BPR payment segment', 'error');
    else {
      const plb = this.plb.reduce((s, a) => s + a.amount, 0);
      const expected = this.paidSum - plb;
      if (h.payment.amount !== expected)
        this.noteAt(
          this.bpr.number,
          'BPR',
          'payment-balance',
          `BPR02 ${h.payment.amount} ≠ claims paid ${this.paidSum} − provider adjustments ${plb} = ${expected} (cents)`,
        );
    }
    this.emit?.({
      kind: 'end',
      providerAdjustments: this.plb,
      findingCount: this.findingCount,
      claimCount: this.claimCount,
    });
    if (this.retain)
      this.results.push({
        ...h,
        claims: this.claims,
        providerAdjustments: this.plb,
        findings: this.txFindings,
      });
    this.header = undefined;
  }
}

function sum(adjs: readonly Adjustment[]): number {
  let s = 0;
  for (const a of adjs) s += a.amount;
  return s;
}

/**
 * Largest input `read835` takes (characters of a string, bytes of a Uint8Array): a whole
 * remittance is kept in memory, several times the size of its text. Use `stream835` above it.
 */
export const READ835_MAX_SIZE = 32 * 1024 * 1024;

/** Reads every 835 transaction in the input (any number of interchanges and groups). */
export function read835(input: string | Uint8Array): X12Result<Remittance[]> {
  if (input.length > READ835_MAX_SIZE)
    return {
      ok: false,
      error: new X12Error(
        `input of ${input.length} ${typeof input === 'string' ? 'characters' : 'bytes'} is larger than READ835_MAX_SIZE (${READ835_MAX_SIZE}); read it with stream835, claim by claim`,
        undefined,
        undefined,
        `at most ${READ835_MAX_SIZE}`,
      ),
      findings: [],
    };
  return runReader(input, KIND_835, new Remittance835Handler());
}
