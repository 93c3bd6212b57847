/* ERAs for the payments tests and bench, written with @claimline/x12's write835, and the claims
 * they pay as the claims service would answer them. */
import { lineControlNumber, patientControlNumber } from '@claimline/claims';
import {
  read835,
  type Remittance,
  type Remittance835Input,
  type RemitClaimInput,
  type RemitLineInput,
  write835,
} from '@claimline/x12';
import type { KnownClaim, KnownClaimLine, PostingPorts } from '../src/index';

export const pcn = (n: number) => patientControlNumber(n);

/** One of our claims: `lines` as [code, modifiers, date, charge]. */
export function known(
  n: number,
  lines: [string, string[], string, number][],
  extra: Partial<KnownClaim> = {},
): KnownClaim {
  const control = pcn(n);
  const claimLines: KnownClaimLine[] = lines.map(([code, modifiers, serviceDate, charge], i) => ({
    lineId: `claim-${n}-line-${i + 1}`,
    lineControlNumber: lineControlNumber(control, i + 1),
    code,
    modifiers,
    serviceDate,
    charge,
  }));
  return {
    claimId: `claim-${n}`,
    clientId: `client-${n}`,
    payerId: 'payer-acme',
    charge: claimLines.reduce((s, l) => s + l.charge, 0),
    lines: claimLines,
    postings: [],
    ...extra,
  };
}

/** A port over claims kept in a map by control number; `imported` holds the known duplicate keys. */
export function ports(
  claims: Iterable<[string, KnownClaim]>,
  imported: Iterable<string> = [],
): PostingPorts & {
  calls: number;
} {
  const byControl = new Map(claims);
  const keys = new Set(imported);
  const port = {
    calls: 0,
    findClaims(refs: readonly { controlNumber: string }[]) {
      port.calls++;
      const out = new Map<string, KnownClaim>();
      for (const r of refs) {
        const c = byControl.get(r.controlNumber);
        if (c) out.set(r.controlNumber, c);
      }
      return out;
    },
    isKnownTransaction: (key: string) => keys.has(key),
  };
  return port;
}

/** A line of an ERA that pays `paid` of `charge` with the given CAS; REF*6R unless `noLineId`. */
export function remitLine(
  claimNumber: number,
  lineNumber: number,
  code: string,
  date: string,
  charge: number,
  paid: number,
  adjustments: { group: string; reason: string; amount: number }[],
  options: { modifiers?: string[]; noLineId?: boolean; remarks?: string[] } = {},
): RemitLineInput {
  return {
    procedure: { qualifier: 'HC', code, modifiers: options.modifiers ?? [] },
    charge,
    paid,
    units: 1,
    serviceDate: date,
    lineControlNumber: options.noLineId ? undefined : lineControlNumber(pcn(claimNumber), lineNumber),
    adjustments,
    remarkCodes: options.remarks,
  };
}

export function remitClaim(
  claimId: string,
  statusCode: string,
  payerClaimNumber: string,
  lines: RemitLineInput[],
  claimAdjustments: { group: string; reason: string; amount: number }[] = [],
): RemitClaimInput {
  const charge = lines.reduce((s, l) => s + l.charge, 0);
  const lineAdj = lines.flatMap((l) => l.adjustments ?? []);
  const claimPaid =
    lines.reduce((s, l) => s + l.paid, 0) - claimAdjustments.reduce((s, a) => s + a.amount, 0);
  const pr = [...lineAdj, ...claimAdjustments]
    .filter((a) => a.group === 'PR')
    .reduce((s, a) => s + a.amount, 0);
  return {
    claimId,
    statusCode,
    charge,
    paid: claimPaid,
    patientResponsibility: pr,
    filingIndicator: '12',
    payerClaimNumber,
    patient: { lastName: 'RIVERA', firstName: 'ANA', memberId: 'XJ100200' },
    adjustments: claimAdjustments,
    lines,
  };
}

/** The opposite of a claim the payer paid before (CLP02 22): every amount negated. */
export function reversalOf(c: RemitClaimInput): RemitClaimInput {
  const neg = (a: { group: string; reason: string; amount: number }) => ({ ...a, amount: -a.amount });
  return {
    ...c,
    statusCode: '22',
    charge: -c.charge,
    paid: -c.paid,
    patientResponsibility: c.patientResponsibility === undefined ? undefined : -c.patientResponsibility,
    adjustments: (c.adjustments ?? []).map(neg),
    lines: (c.lines ?? []).map((l) => ({
      ...l,
      charge: -l.charge,
      paid: -l.paid,
      allowed: undefined,
      adjustments: (l.adjustments ?? []).map(neg),
    })),
  };
}

export interface EraOptions {
  trace?: string;
  date?: string;
  interchange?: number;
  plb?: Remittance835Input['providerAdjustments'];
  /** BPR02; by default what balances: claims paid − PLB. */
  amount?: number;
}

export function eraInput(claims: RemitClaimInput[], o: EraOptions = {}): Remittance835Input {
  const plb = o.plb ?? [];
  const amount = o.amount ?? claims.reduce((s, c) => s + c.paid, 0) - plb.reduce((s, a) => s + a.amount, 0);
  return {
    createdAt: new Date('2026-11-20T08:00:00Z'),
    usage: 'T',
    interchangeSender: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
    interchangeReceiver: { qualifier: 'ZZ', id: 'CLAIMLINE' },
    applicationSender: 'CLEARINGHSE',
    applicationReceiver: 'CLAIMLINE',
    controlNumbers: { interchange: o.interchange ?? 901, group: o.interchange ?? 901, transaction: 1 },
    payment: {
      amount,
      method: amount > 0 ? 'CHK' : 'NON',
      date: o.date ?? '2026-11-20',
      traceNumber: o.trace ?? 'CHK-20001',
      payerIdentifier: '1600540000',
    },
    payer: {
      name: 'Acme Health Plan',
      address: { line1: 'PO Box 100', city: 'Hartford', state: 'CT', postalCode: '06101' },
      technicalContact: { name: 'EDI desk', phone: '8005550199' },
    },
    payee: { name: 'Riverside Counseling, LLC', npi: '1234567893', taxId: '12-3456789' },
    productionDate: '2026-11-19',
    claims,
    providerAdjustments: plb,
  };
}

/** The 835 text; throws with the writer's problems when it refuses. */
export function era(claims: RemitClaimInput[], o: EraOptions = {}): string {
  const r = write835(eraInput(claims, o));
  if (!r.x12) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.x12;
}

export function read(x12: string): Remittance[] {
  const r = read835(x12);
  if (!r.ok) throw r.error;
  return r.value;
}
