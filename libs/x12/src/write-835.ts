import { formatCents, formatQuantity } from './amount';
import type { CasAdjustment, PostalAddress } from './claim-837p';
import { MAP_835 } from './generated/map-835';
import type { Procedure } from './read-835';
import { finish } from './write-acks';
import {
  cas,
  Checker,
  checkEnvelope,
  codeList,
  controlNumbers,
  d8,
  type EnvelopeInput,
  SegmentWriter,
  type WriteOptions,
  type WriteResult,
} from './write-common';

export interface RemitLineInput {
  readonly procedure: Procedure;
  readonly charge: number;
  readonly paid: number;
  readonly units?: number;
  readonly serviceDate?: string;
  /** REF*6R: the line id the 837P sent. */
  readonly lineControlNumber?: string;
  /** AMT*B6. */
  readonly allowed?: number;
  readonly adjustments?: readonly CasAdjustment[];
  /** LQ*HE remark codes, e.g. N130. */
  readonly remarkCodes?: readonly string[];
}

export interface RemitClaimInput {
  /** CLP01: the CLM01 the 837P sent, written exactly. */
  readonly claimId: string;
  /** CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal… */
  readonly statusCode: string;
  readonly charge: number;
  readonly paid: number;
  readonly patientResponsibility?: number;
  /** CLP06, e.g. 12 PPO, CI commercial, MB Medicare B. */
  readonly filingIndicator: string;
  readonly payerClaimNumber: string;
  readonly facilityCode?: string;
  readonly frequencyCode?: string;
  readonly patient: { readonly lastName: string; readonly firstName?: string; readonly memberId?: string };
  readonly statementFrom?: string;
  readonly statementTo?: string;
  readonly adjustments?: readonly CasAdjustment[];
  readonly lines?: readonly RemitLineInput[];
}

export interface ProviderAdjustmentInput {
  readonly providerId: string;
  /** Last day of the provider's fiscal year, ISO. */
  readonly fiscalPeriodDate: string;
  /** PLB03-1, e.g. WO overpayment recovery, L6 interest, FB forwarding balance. */
  readonly reasonCode: string;
  readonly reference?: string;
  /** Positive reduces the payment. */
  readonly amount: number;
}

export interface Remittance835Input extends EnvelopeInput {
  readonly payment: {
    readonly amount: number;
    /** BPR04: CHK check, ACH, NON no payment, BOP, FWT. */
    readonly method: 'CHK' | 'ACH' | 'NON' | 'BOP' | 'FWT';
    /** BPR16: check issue or EFT effective date. */
    readonly date: string;
    /** TRN02: check or EFT trace number. */
    readonly traceNumber: string;
    /** TRN03: 1 followed by the payer's 9-digit EIN. */
    readonly payerIdentifier: string;
    /** For ACH: routing (9 digits) and account numbers of payer and payee. */
    readonly bank?: {
      readonly payerRouting: string;
      readonly payerAccount: string;
      readonly payeeRouting: string;
      readonly payeeAccount: string;
    };
  };
  readonly payer: {
    readonly name: string;
    readonly address: PostalAddress;
    /** PER*BL, required: who answers questions about the file. */
    readonly technicalContact: { readonly name?: string; readonly phone?: string; readonly email?: string };
  };
  readonly payee: { readonly name: string; readonly npi: string; readonly taxId?: string };
  readonly productionDate?: string;
  readonly claims: readonly RemitClaimInput[];
  readonly providerAdjustments?: readonly ProviderAdjustmentInput[];
}

const CLAIM_STATUS = codeList(MAP_835, 'CLP', '02');
const sumCas = (a: readonly CasAdjustment[] | undefined) => (a ?? []).reduce((s, x) => s + x.amount, 0);

/**
 * Writes an 835 (005010X221A1) from typed values. Every claim and line must balance
 * (charge − paid = adjustments) and BPR02 must equal the claims paid less provider adjustments:
 * an 835 that does not balance is refused, never written.
 */
export function write835(input: Remittance835Input, options: WriteOptions = {}): WriteResult {
  const w = new SegmentWriter(options);
  const cn = controlNumbers(input);
  const c = new Checker(undefined);
  checkEnvelope(c, input, w.separators);
  const pay = input.payment;
  c.money('payment.amount', pay?.amount);
  if (pay && pay.amount < 0) c.fail('payment.amount', 'BPR02 is not negative', `${pay.amount} is negative`);
  c.date('payment.date', pay?.date);
  c.exact('payment.traceNumber', pay?.traceNumber, 50, w.separators, 'TRN02 is 1-50 characters');
  if (!/^1\d{9}$/.test(pay?.payerIdentifier ?? ''))
    c.fail(
      'payment.payerIdentifier',
      'TRN03 is 1 followed by the payer EIN',
      `"${pay?.payerIdentifier ?? ''}" is not valid`,
    );
  if (pay?.method === 'ACH') {
    const b = pay.bank;
    if (
      !b ||
      !/^\d{9}$/.test(b.payerRouting) ||
      !/^\d{9}$/.test(b.payeeRouting) ||
      !b.payerAccount ||
      !b.payeeAccount
    )
      c.fail('payment.bank', 'an ACH payment names both banks (BPR06-BPR15)', 'is missing or not valid');
  }
  if (pay?.method === 'NON' && pay.amount !== 0)
    c.fail('payment.amount', 'a NON payment is 0', `${pay.amount} is not 0`);
  c.text('payer.name', input.payer?.name, 'N102 is required');
  c.address('payer.address', input.payer?.address);
  const tc = input.payer?.technicalContact;
  if (!tc?.phone && !tc?.email)
    c.fail('payer.technicalContact', 'PER*BL has a phone or e-mail', 'is required');
  c.text('payee.name', input.payee?.name, 'N102 is required');
  c.npi('payee.npi', input.payee?.npi);
  c.date('productionDate', input.productionDate, false);
  if (!input.claims?.length) c.fail('claims', 'at least one claim (loop 2100)', 'is empty');
  let paidSum = 0;
  (input.claims ?? []).forEach((cl, i) => {
    const p = `claims[${i}]`;
    c.exact(`${p}.claimId`, cl.claimId, 38, w.separators, 'CLP01 is the CLM01 sent');
    c.code(`${p}.statusCode`, cl.statusCode, CLAIM_STATUS, 'CLP02 code list');
    c.money(`${p}.charge`, cl.charge);
    c.money(`${p}.paid`, cl.paid);
    c.text(`${p}.filingIndicator`, cl.filingIndicator, 'CLP06 is required');
    c.text(`${p}.payerClaimNumber`, cl.payerClaimNumber, 'CLP07 is required');
    c.text(`${p}.patient.lastName`, cl.patient?.lastName, 'NM103 is required');
    c.date(`${p}.statementFrom`, cl.statementFrom, false);
    c.date(`${p}.statementTo`, cl.statementTo, false);
    paidSum += cl.paid;
    let adjusted = sumCas(cl.adjustments);
    (cl.lines ?? []).forEach((l, j) => {
      const lp = `${p}.lines[${j}]`;
      c.money(`${lp}.charge`, l.charge);
      c.money(`${lp}.paid`, l.paid);
      c.date(`${lp}.serviceDate`, l.serviceDate, false);
      if (l.lineControlNumber !== undefined)
        c.exact(
          `${lp}.lineControlNumber`,
          l.lineControlNumber,
          50,
          w.separators,
          'REF*6R is the line id sent',
        );
      const lineAdj = sumCas(l.adjustments);
      adjusted += lineAdj;
      if (l.charge - l.paid !== lineAdj)
        c.fail(
          `${lp}.adjustments`,
          'line charge − paid must equal its CAS adjustments',
          `${l.charge} − ${l.paid} ≠ ${lineAdj}`,
        );
    });
    if (cl.charge - cl.paid !== adjusted)
      c.fail(
        `${p}.adjustments`,
        'claim charge − paid must equal all its CAS adjustments',
        `${cl.charge} − ${cl.paid} ≠ ${adjusted}`,
      );
  });
  const plb = input.providerAdjustments ?? [];
  plb.forEach((a, i) => {
    c.text(`providerAdjustments[${i}].providerId`, a.providerId, 'PLB01 is required');
    c.date(`providerAdjustments[${i}].fiscalPeriodDate`, a.fiscalPeriodDate);
    c.money(`providerAdjustments[${i}].amount`, a.amount);
  });
  const expected = paidSum - plb.reduce((s, a) => s + a.amount, 0);
  if (pay && pay.amount !== expected)
    c.fail('payment.amount', 'BPR02 = claims paid − provider adjustments', `${pay.amount} ≠ ${expected}`);
  if (c.problems.length) return { problems: c.problems, controlNumbers: cn };

  const b = pay.bank;
  const ach = pay.method === 'ACH' && b;
  w.seg('ST', '835', cn.transaction);
  w.seg(
    'BPR',
    pay.amount > 0 ? 'I' : 'H',
    formatCents(pay.amount),
    'C',
    pay.method,
    ach ? 'CCP' : '',
    ach ? '01' : '',
    ach ? b.payerRouting : '',
    ach ? 'DA' : '',
    ach ? b.payerAccount : '',
    ach ? pay.payerIdentifier : '',
    '',
    ach ? '01' : '',
    ach ? b.payeeRouting : '',
    ach ? 'DA' : '',
    ach ? b.payeeAccount : '',
    d8(pay.date),
  );
  w.seg('TRN', '1', pay.traceNumber, pay.payerIdentifier);
  if (input.productionDate) w.seg('DTM', '405', d8(input.productionDate));
  w.seg('N1', 'PR', w.text(input.payer.name));
  const a = input.payer.address;
  w.seg('N3', w.text(a.line1, 55), a.line2 ? w.text(a.line2, 55) : undefined);
  w.seg('N4', w.text(a.city, 30), a.state, a.postalCode.replace(/-/g, ''));
  const per: string[] = ['PER', 'BL', w.text(tc.name)];
  if (tc.phone) per.push('TE', tc.phone);
  if (tc.email) per.push('EM', w.text(tc.email, 256));
  w.seg(...per);
  w.seg('N1', 'PE', w.text(input.payee.name), 'XX', input.payee.npi);
  if (input.payee.taxId) w.seg('REF', 'TJ', input.payee.taxId.replace(/-/g, ''));
  w.seg('LX', '1');
  for (const cl of input.claims) {
    w.seg(
      'CLP',
      cl.claimId,
      cl.statusCode,
      formatCents(cl.charge),
      formatCents(cl.paid),
      cl.patientResponsibility === undefined ? undefined : formatCents(cl.patientResponsibility),
      cl.filingIndicator,
      w.text(cl.payerClaimNumber, 50),
      cl.facilityCode,
      cl.frequencyCode,
    );
    cas((...els) => w.seg(...els), cl.adjustments ?? []);
    const pt = cl.patient;
    w.seg(
      'NM1',
      'QC',
      '1',
      w.text(pt.lastName),
      w.text(pt.firstName, 35),
      '',
      '',
      '',
      pt.memberId ? 'MI' : '',
      pt.memberId && w.text(pt.memberId, 80),
    );
    if (cl.statementFrom) w.seg('DTM', '232', d8(cl.statementFrom));
    if (cl.statementTo) w.seg('DTM', '233', d8(cl.statementTo));
    for (const l of cl.lines ?? []) {
      w.seg(
        'SVC',
        w.comp(l.procedure.qualifier || 'HC', l.procedure.code, ...l.procedure.modifiers),
        formatCents(l.charge),
        formatCents(l.paid),
        '',
        l.units === undefined ? undefined : formatQuantity(l.units),
      );
      if (l.serviceDate) w.seg('DTM', '472', d8(l.serviceDate));
      cas((...els) => w.seg(...els), l.adjustments ?? []);
      if (l.lineControlNumber) w.seg('REF', '6R', l.lineControlNumber);
      if (l.allowed !== undefined) w.seg('AMT', 'B6', formatCents(l.allowed));
      for (const r of l.remarkCodes ?? []) w.seg('LQ', 'HE', r);
    }
  }
  const byProvider = new Map<string, ProviderAdjustmentInput[]>();
  for (const x of plb) {
    const key = `${x.providerId}|${x.fiscalPeriodDate}`;
    byProvider.set(key, [...(byProvider.get(key) ?? []), x]);
  }
  for (const list of byProvider.values())
    for (let i = 0; i < list.length; i += 6) {
      const els: string[] = [];
      for (const x of list.slice(i, i + 6))
        els.push(w.comp(x.reasonCode, x.reference && w.text(x.reference, 50)), formatCents(x.amount));
      w.seg('PLB', list[0].providerId, d8(list[0].fiscalPeriodDate), ...els);
    }
  return finish(w, input, 'HP', '005010X221A1', cn, MAP_835);
}
