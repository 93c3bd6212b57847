import { batch, claim } from '../test/claims';
import { MAP_835 } from './generated/map-835';
import { read835 } from './read-835';
import { read837p } from './read-837p';
import { validate } from './validator';
import { type Remittance835Input, write835 } from './write-835';
import { write837p } from './write-837p';

const sent = (() => {
  const r = read837p(write837p(batch([claim('ORG-1'), claim('dep-2/b'), claim('DEN-3')])).x12!);
  if (!r.ok) throw r.error;
  return r.value[0].claims;
})();

const era: Remittance835Input = {
  createdAt: new Date('2026-03-20T08:00:00Z'),
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  applicationSender: 'CLEARINGHSE',
  applicationReceiver: 'CLAIMLINE',
  controlNumbers: { interchange: 900, group: 900, transaction: 1 },
  payment: {
    amount: 18000 - 500,
    method: 'CHK',
    date: '2026-03-20',
    traceNumber: 'CHK-10001',
    payerIdentifier: '1600540000',
  },
  payer: {
    name: 'Acme Health Plan',
    address: { line1: 'PO Box 100', city: 'Hartford', state: 'CT', postalCode: '06101' },
    technicalContact: { name: 'EDI desk', phone: '8005550199' },
  },
  payee: { name: 'Riverside Counseling, LLC', npi: '1234567893', taxId: '12-3456789' },
  productionDate: '2026-03-19',
  claims: sent.map((c, i) => {
    const line = c.lines[0];
    const paid = i === 2 ? 0 : 9000;
    const adjustments =
      i === 2
        ? [{ group: 'CO', reason: '50', amount: line.charge }]
        : [
            { group: 'CO', reason: '45', amount: line.charge - 11000 },
            { group: 'PR', reason: '3', amount: 2000 },
          ];
    return {
      claimId: c.id,
      statusCode: i === 2 ? '4' : '1',
      charge: c.charge,
      paid,
      patientResponsibility: i === 2 ? 0 : 2000,
      filingIndicator: '12',
      payerClaimNumber: `PCN-${i}`,
      facilityCode: '11',
      patient: { lastName: c.subscriber.name, firstName: c.subscriber.firstName, memberId: c.subscriber.id },
      lines: [
        {
          procedure: { qualifier: 'HC', code: line.procedure, modifiers: line.modifiers },
          charge: line.charge,
          paid,
          units: line.units,
          serviceDate: line.serviceDate,
          lineControlNumber: line.lineId,
          allowed: i === 2 ? 0 : 11000,
          adjustments,
          remarkCodes: i === 2 ? ['N130'] : [],
        },
      ],
    };
  }),
  providerAdjustments: [
    {
      providerId: '1234567893',
      fiscalPeriodDate: '2026-12-31',
      reasonCode: 'WO',
      reference: 'PCN-OLD',
      amount: 500,
    },
  ],
};

describe('write835', () => {
  it('pays our 837P claims by their exact ids, validates and reads back balanced', () => {
    const r = write835(era);
    expect(r.problems).toEqual([]);
    expect(validate(r.x12!, MAP_835).findings).toEqual([]);
    const back = read835(r.x12!);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.findings).toEqual([]);
    const [remit] = back.value;
    expect(remit.payment).toMatchObject({
      amount: 17500,
      method: 'CHK',
      traceNumber: 'CHK-10001',
      date: '2026-03-20',
    });
    expect(remit.payee).toMatchObject({ idQualifier: 'XX', id: '1234567893' });
    expect(remit.claims.map((c) => [c.claimId, c.statusCode, c.charge, c.paid, c.balanced])).toEqual([
      ['ORG-1', '1', 15050, 9000, true],
      ['dep-2/b', '1', 15050, 9000, true],
      ['DEN-3', '4', 15050, 0, true],
    ]);
    expect(remit.claims[0].lines[0]).toMatchObject({
      lineControlNumber: 'ORG-1-1',
      allowed: 11000,
      serviceDate: '2026-02-20',
      adjustments: [
        { group: 'CO', reason: '45', amount: 4050 },
        { group: 'PR', reason: '3', amount: 2000 },
      ],
    });
    expect(remit.claims[2].lines[0].remarkCodes).toEqual(['N130']);
    expect(remit.providerAdjustments).toEqual([
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'WO',
        reference: 'PCN-OLD',
        amount: 500,
      },
    ]);
  });

  it('writes an ACH payment with both banks', () => {
    const r = write835({
      ...era,
      payment: {
        ...era.payment,
        method: 'ACH',
        bank: {
          payerRouting: '011000015',
          payerAccount: '12345',
          payeeRouting: '021000021',
          payeeAccount: '998877',
        },
      },
    });
    expect(r.problems).toEqual([]);
    expect(r.x12).toContain(
      'BPR*I*175*C*ACH*CCP*01*011000015*DA*12345*1600540000**01*021000021*DA*998877*20260320~',
    );
  });

  it('refuses an 835 that does not balance, and codes the guide does not list', () => {
    const unbalanced = write835({
      ...era,
      payment: { ...era.payment, amount: 99 },
      claims: [{ ...era.claims[0], paid: 9100, statusCode: '9' }],
    });
    expect(unbalanced.x12).toBeUndefined();
    expect(unbalanced.problems.map((p) => p.field)).toEqual([
      'claims[0].statusCode',
      'claims[0].adjustments',
      'payment.amount',
    ]);
  });
});
