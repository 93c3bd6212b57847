/* 835s for the payments-service tests, written with @claimline/x12's write835. */
import { type Remittance835Input, type RemitClaimInput, type RemitLineInput, write835 } from '@claimline/x12';

type Cas = { group: string; reason: string; amount: number };

export function remitLine(
  lineControlNumber: string,
  code: string,
  date: string,
  charge: number,
  paid: number,
  adjustments: Cas[],
): RemitLineInput {
  return {
    procedure: { qualifier: 'HC', code, modifiers: [] },
    charge,
    paid,
    units: 1,
    serviceDate: date,
    lineControlNumber,
    adjustments,
  };
}

export function remitClaim(
  controlNumber: string,
  statusCode: string,
  payerClaimNumber: string,
  lines: RemitLineInput[],
): RemitClaimInput {
  const pr = lines
    .flatMap((l) => l.adjustments ?? [])
    .filter((a) => a.group === 'PR')
    .reduce((s, a) => s + a.amount, 0);
  return {
    claimId: controlNumber,
    statusCode,
    charge: lines.reduce((s, l) => s + l.charge, 0),
    paid: lines.reduce((s, l) => s + l.paid, 0),
    patientResponsibility: pr,
    filingIndicator: '12',
    payerClaimNumber,
    patient: { lastName: 'RIVERA', firstName: 'ANA', memberId: 'XJ100200' },
    adjustments: [],
    lines,
  };
}

/** The opposite of a claim the payer paid before (CLP02 22): every amount negated. */
export function reversalOf(c: RemitClaimInput): RemitClaimInput {
  const neg = (a: Cas) => ({ ...a, amount: -a.amount });
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
      adjustments: (l.adjustments ?? []).map(neg),
    })),
  };
}

export function era(
  claims: RemitClaimInput[],
  o: { trace?: string; date?: string; amount?: number; interchange?: number } = {},
): string {
  const amount = o.amount ?? claims.reduce((s, c) => s + c.paid, 0);
  const input: Remittance835Input = {
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
    providerAdjustments: [],
  };
  const r = write835(input);
  if (!r.x12) throw new Error(JSON.stringify(r.problems, null, 2));
  return r.x12;
}
