import { batch, claim } from '../test/claims';
import { fixture } from '../test/fixtures';
import { type ClaimStatusInquiry, read277, write276 } from './claim-status';
import { describeStatus } from './claim-status-codes';
import type { Finding } from './errors';
import { read277ca } from './read-277ca';
import { read837p } from './read-837p';
import { tokenize } from './tokenizer';
import { checkEnvelopes } from './validator';
import { write837p } from './write-837p';

const sent = (() => {
  const dependent = {
    relationship: '19',
    lastName: 'Doe',
    firstName: 'Tim',
    address: { line1: '5 Oak Ave', city: 'Portland', state: 'OR', postalCode: '97202' },
    birthDate: '2014-06-01',
    gender: 'M',
  } as const;
  const r = read837p(write837p(batch([claim('ORG-1'), claim('dep-2/b', { patient: dependent })])).x12!);
  if (!r.ok) throw r.error;
  return r.value[0].claims;
})();

const inquiry: ClaimStatusInquiry = {
  createdAt: new Date('2026-04-01T10:00:00Z'),
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
  applicationSender: 'CLAIMLINE',
  applicationReceiver: 'CLEARINGHSE',
  controlNumbers: { interchange: 300, group: 300, transaction: 1 },
  referenceId: 'STATUS-1',
  payer: { name: 'Acme Health Plan', id: '60054' },
  receiver: { name: 'Claimline Billing', id: 'CL0001' },
  provider: { entity: 'organization', name: 'Riverside Counseling, LLC', npi: '1234567893' },
  claims: sent.map((c) => ({
    claimId: c.id,
    charge: c.charge,
    serviceDateFrom: c.lines[0].serviceDate!,
    subscriber: {
      lastName: 'Doe',
      firstName: 'Jane',
      memberId: c.subscriber.id!,
      birthDate: '1985-04-12',
      gender: 'F',
    },
    ...(c.patient
      ? { patient: { lastName: 'Doe', firstName: 'Tim', birthDate: '2014-06-01', gender: 'M' } }
      : {}),
  })),
};

describe('write276', () => {
  it('asks for the status of our claims by their exact ids, a dependent in 2000E', () => {
    const r = write276(inquiry);
    expect(r.problems).toEqual([]);
    const segs = tokenize(r.x12!).segments.map((s) => s.raw);
    expect(segs.slice(2, 18)).toEqual([
      'ST*276*0001*005010X212',
      'BHT*0010*13*STATUS-1*20260401*1000',
      'HL*1**20*1',
      'NM1*PR*2*Acme Health Plan*****PI*60054',
      'HL*2*1*21*1',
      'NM1*41*2*Claimline Billing*****46*CL0001',
      'HL*3*2*19*1',
      'NM1*1P*2*Riverside Counseling, LLC*****XX*1234567893',
      'HL*4*3*22*0',
      'DMG*D8*19850412*F',
      'NM1*IL*1*Doe*Jane****MI*XJ12345678',
      'TRN*1*ORG-1',
      'REF*EJ*ORG-1',
      'AMT*T3*150.5',
      'DTP*472*RD8*20260220-20260220',
      'HL*5*3*22*1',
    ]);
    expect(segs).toEqual(
      expect.arrayContaining(['HL*6*5*23', 'NM1*QC*1*Doe*Tim', 'TRN*1*dep-2/b', 'REF*EJ*dep-2/b']),
    );
    const findings: Finding[] = [];
    checkEnvelopes(tokenize(r.x12!).segments, findings);
    expect(findings).toEqual([]);
  });

  it('refuses a claim id it could not send unchanged', () => {
    const r = write276({
      ...inquiry,
      claims: [{ ...inquiry.claims[0], claimId: 'A*1', serviceDateFrom: '2026-13-01' }],
    });
    expect(r.x12).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['claims[0].claimId', 'claims[0].serviceDateFrom']);
  });
});

// A payer's 277 answer to the 276 above (made for this test).
const response277 = [
  'ISA*00*          *00*          *ZZ*CLEARINGHSE    *ZZ*CLAIMLINE      *260402*0800*^*00501*000000301*0*T*:~',
  'GS*HN*CLEARINGHSE*CLAIMLINE*20260402*0800*301*X*005010X212~',
  'ST*277*0001*005010X212~',
  'BHT*0010*08*STATUS-1*20260402*0800*DG~',
  'HL*1**20*1~',
  'NM1*PR*2*ACME HEALTH PLAN*****PI*60054~',
  'HL*2*1*21*1~',
  'NM1*41*2*CLAIMLINE BILLING*****46*CL0001~',
  'HL*3*2*19*1~',
  'NM1*1P*2*RIVERSIDE COUNSELING*****XX*1234567893~',
  'HL*4*3*22*0~',
  'NM1*IL*1*DOE*JANE****MI*XJ12345678~',
  'TRN*2*ORG-1~',
  'STC*F1:65*20260325**150.5*90*20260325*CHK*20260326*CHK-10001~',
  'REF*1K*PCN-0~',
  'REF*EJ*ORG-1~',
  'DTP*472*RD8*20260220-20260220~',
  'SVC*HC:90837*150.5*90~',
  'STC*F1:65*20260325~',
  'REF*FJ*ORG-1-1~',
  'DTP*472*D8*20260220~',
  'HL*5*3*22*1~',
  'NM1*IL*1*DOE*JANE****MI*XJ12345678~',
  'HL*6*5*23~',
  'NM1*QC*1*DOE*TIM~',
  'TRN*2*dep-2/b~',
  'STC*P3:21:QC*20260330**150.5*0*******PLEASE SEND THE TREATMENT PLAN~',
  'REF*EJ*dep-2/b~',
  'DTP*472*RD8*20260220-20260220~',
  'SE*28*0001~',
  'GE*1*301~',
  'IEA*1*000000301~',
].join('\n');

describe('read277 (claim status response, X212)', () => {
  it('matches each answer to our claim and gives the payer status in words', () => {
    const r = read277(response277);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.findings).toEqual([]);
    const [res] = r.value;
    expect(
      res.claims.map((c) => [c.traceNumber, c.claimId, c.patient.firstName, c.statuses[0].text]),
    ).toEqual([
      ['ORG-1', 'ORG-1', 'JANE', 'Finalized: paid (the claim or line has been paid)'],
      [
        'dep-2/b',
        'dep-2/b',
        'TIM',
        'Pending: waiting for information from the provider (information missing or not valid)',
      ],
    ]);
    expect(res.claims[0].statuses[0]).toMatchObject({
      charge: 15050,
      paid: 9000,
      finalizedDate: '2026-03-25',
      paymentMethod: 'CHK',
      paymentDate: '2026-03-26',
      checkNumber: 'CHK-10001',
    });
    expect(res.claims[0]).toMatchObject({
      payerClaimNumber: 'PCN-0',
      providerId: '1234567893',
      serviceDateFrom: '2026-02-20',
    });
    expect(res.claims[0].lines[0]).toMatchObject({
      procedure: '90837',
      paid: 9000,
      lineControlNumber: 'ORG-1-1',
    });
    expect(res.claims[1].statuses[0]).toMatchObject({
      entity: 'QC',
      message: 'PLEASE SEND THE TREATMENT PLAN',
    });
  });

  it('is not fooled by a 277CA, and read277ca is not fooled by a 277', () => {
    const ca = read277(fixture('277ca', 'x12_277CA_accepted.txt'));
    expect(!ca.ok && ca.error.message).toContain('277CA claim acknowledgment (005010X214)');
    const x212 = read277ca(response277);
    expect(!x212.ok && x212.error.message).toContain('read it with read277');
  });

  it('describes categories it has no words for by their family', () => {
    expect(describeStatus('F9', '999')).toBe('Finalized (category F9) (status code 999)');
    expect(describeStatus('A7')).toBe('Rejected: information not valid');
  });
});
