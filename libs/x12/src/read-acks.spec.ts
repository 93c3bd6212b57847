import { fixture } from '../test/fixtures';
import { CLAIM_STATUS_CATEGORIES } from './claim-status-codes';
import { read277ca } from './read-277ca';
import { read999 } from './read-999';

describe('read999', () => {
  it('reads an accepted 999', () => {
    const r = read999(fixture('999', 'x12_999_accepted.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [ack] = r.value;
    expect(ack).toMatchObject({
      functionalId: 'HC',
      groupControlNumber: '17456',
      groupStatus: 'accepted',
      transactionsIncluded: 1,
      transactionsReceived: 1,
      transactionsAccepted: 1,
    });
    expect(ack.transactions).toEqual([
      {
        setId: '837',
        controlNumber: '0001',
        version: '005010X223A2',
        status: 'accepted',
        statusCode: 'A',
        errorCodes: [],
        segmentErrors: [],
      },
    ]);
    expect(r.findings.map((f) => f.code)).toEqual(['iea-control']);
  });

  it('reads a rejected 999 with its segment error ("|" component separator)', () => {
    const r = read999(fixture('999', 'x12_999_rejected.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [ack] = r.value;
    expect(ack).toMatchObject({ groupControlNumber: '28', groupStatus: 'rejected', transactionsAccepted: 0 });
    expect(ack.transactions[0]).toMatchObject({
      controlNumber: '0028',
      status: 'rejected',
      errorCodes: ['5'],
    });
    expect(ack.transactions[0].segmentErrors).toEqual([
      { segmentId: 'NM', position: 17, code: '1', elementErrors: [] },
    ]);
    expect(r.findings).toEqual([]);
  });

  it('reads IK4 element errors and every IK5 status', () => {
    const base = fixture('999', 'x12_999_rejected.txt');
    const text = base
      .replace('IK3*NM*17**1~', 'IK3*NM1*17*2010BA*8~IK4*9|1*67*7*ABC~')
      .replace('IK5*R*5~', 'IK5*E*5~')
      .replace('SE*7*', 'SE*8*');
    const r = read999(text);
    expect(r.ok && r.value[0].transactions[0]).toMatchObject({
      status: 'accepted-with-errors',
      segmentErrors: [
        {
          segmentId: 'NM1',
          position: 17,
          loopId: '2010BA',
          code: '8',
          elementErrors: [
            { position: 9, componentPosition: 1, dataElement: '67', code: '7', badValue: 'ABC' },
          ],
        },
      ],
    });
    const partial = read999(base.replace('IK5*R*5~', 'IK5*P~').replace('AK9*R*1*1*0~', 'AK9*P*2*2*1~'));
    expect(partial.ok && [partial.value[0].transactions[0].status, partial.value[0].groupStatus]).toEqual([
      'partially-accepted',
      'partially-accepted',
    ]);
  });
});

it('reads several groups and transactions in one interchange', () => {
  const base = fixture('999', 'x12_999_accepted.txt');
  const st = base.slice(base.indexOf('ST*'), base.indexOf('GE*'));
  const gs = base.slice(base.indexOf('GS*'), base.indexOf('ST*'));
  const second = st.replace(/0001/g, '0002').replace('AK2*837*0002', 'AK2*837*0009');
  const text = base
    .replace(/GE\*1\*1~\n/, `GE*2*1~\n${gs.replace('*1*X*', '*2*X*')}${st}GE*1*2~\n`)
    .replace(st, st + second)
    .replace('IEA*1*', 'IEA*2*');
  const r = read999(text);
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(
    r.value.map((a) => [
      a.envelope.group.controlNumber,
      a.envelope.controlNumber,
      a.transactions[0].controlNumber,
    ]),
  ).toEqual([
    ['1', '0001', '0001'],
    ['1', '0002', '0009'],
    ['2', '0001', '0001'],
  ]);
  expect(r.findings.map((f) => f.code)).toEqual(['iea-control']);
});

describe('read277ca', () => {
  it('reads an accepted claim: our id from TRN02, A2, the payer claim number', () => {
    const r = read277ca(fixture('277ca', 'x12_277CA_accepted.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [ack] = r.value;
    expect(ack.payer).toEqual({ name: 'NYSDOH', id: '141797357' });
    expect(ack.receiver).toMatchObject({
      name: 'A NY MD GROUP',
      traceNumber: '000000674',
      acceptedCount: 1,
      acceptedAmount: 12500,
    });
    expect(ack.receiver.statuses).toEqual([
      {
        category: 'A1',
        code: '20',
        text: 'Acknowledged: received (accepted for processing)',
        effectiveDate: '2011-03-11',
        action: 'WQ',
        amount: 12500,
      },
    ]);
    expect(ack.claims).toHaveLength(1);
    expect(ack.claims[0]).toMatchObject({
      claimId: '5781',
      category: 'A2',
      payerClaimNumber: '1107000000014420',
      billingProviderId: '1234567890',
      patient: { lastName: 'TPATIENT', firstName: 'THEBE', memberId: 'LL99999X' },
      statuses: [
        {
          category: 'A2',
          code: '20',
          text: 'Acknowledged: accepted into adjudication (accepted for processing)',
          action: 'WQ',
          amount: 12500,
        },
      ],
    });
    expect(r.findings).toEqual([]);
  });

  it('reads a rejected claim (A7 562, entity 85) with "|" as component separator', () => {
    const r = read277ca(fixture('277ca', 'x12_277CA_rejected.txt'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const claim = r.value[0].claims[0];
    expect(claim).toMatchObject({
      claimId: '3920394930203',
      category: 'A7',
      payerClaimNumber: '1107000000001120',
      billType: '731',
      serviceDateFrom: '2009-03-11',
    });
    expect(claim.statuses).toEqual([
      {
        category: 'A7',
        code: '562',
        entity: '85',
        text: "Rejected: information not valid (the entity's National Provider Identifier (NPI))",
        effectiveDate: '2011-03-11',
        action: 'WQ',
        amount: 19914,
      },
    ]);
  });

  it('reads line statuses in words, with the line and claim service dates', () => {
    const segs = [
      'ST*277*0001*005010X214',
      'BHT*0085*08*T1*20260302*1200*TH',
      'HL*1**20*1',
      'NM1*PR*2*ACME HEALTH PLAN*****PI*60054',
      'TRN*1*T1',
      'DTP*050*D8*20260302',
      'DTP*009*D8*20260302',
      'HL*2*1*21*1',
      'NM1*41*2*CLAIMLINE*****46*CL0001',
      'TRN*2*B1',
      'STC*A1:19:PR*20260302*WQ*300',
      'QTY*AA*1',
      'AMT*YY*300',
      'HL*3*2*19*1',
      'NM1*85*2*RIVERSIDE*****XX*1234567893',
      'HL*4*3*PT',
      'NM1*QC*1*DOE*JANE****MI*XJ1',
      'TRN*2*ORG-1',
      'STC*A3:21:82*20260302*U*300',
      'DTP*472*RD8*20260220-20260227',
      'SVC*HC:90837:95:HO*150',
      'STC*A7:454**U*******A6:164:IL',
      'REF*FJ*ORG-1-1',
      'DTP*472*D8*20260220',
    ];
    const x12 =
      [
        'ISA*00*          *00*          *ZZ*ACME           *ZZ*CLAIMLINE      *260302*1200*^*00501*000000001*0*T*:',
        'GS*HN*ACME*CLAIMLINE*20260302*1200*1*X*005010X214',
        ...segs,
        `SE*${segs.length + 1}*0001`,
        'GE*1*1',
        'IEA*1*000000001',
      ].join('~') + '~';
    const r = read277ca(x12);
    if (!r.ok) throw r.error;
    expect(r.findings).toEqual([]);
    const claim = r.value[0].claims[0];
    expect(claim).toMatchObject({
      claimId: 'ORG-1',
      category: 'A3',
      serviceDateFrom: '2026-02-20',
      serviceDateTo: '2026-02-27',
    });
    expect(claim.statuses[0].text).toBe(
      'Acknowledged: returned as unprocessable (information missing or not valid)',
    );
    expect(claim.lines).toEqual([
      {
        procedure: '90837',
        modifiers: ['95', 'HO'],
        charge: 15000,
        lineControlNumber: 'ORG-1-1',
        serviceDate: '2026-02-20',
        statuses: [
          {
            category: 'A7',
            code: '454',
            text: 'Rejected: information not valid (the procedure code of the service)',
            action: 'U',
          },
          {
            category: 'A6',
            code: '164',
            entity: 'IL',
            text: "Rejected: information missing (the entity's contract or member number)",
            action: 'U',
          },
        ],
      },
    ]);
  });

  it('has words for every category a 277CA gives', () => {
    const families: [string, number, number][] = [
      ['A', 0, 8],
      ['E', 0, 4],
      ['F', 0, 4],
      ['P', 0, 5],
      ['R', 0, 16],
    ];
    const missing = families
      .flatMap(([f, from, to]) => Array.from({ length: to - from + 1 }, (_, i) => `${f}${from + i}`))
      // R2 is left to the family's words ("More information requested (category R2)"): its meaning
      // could not be confirmed when the list was written.
      .filter((c) => c !== 'R2' && !CLAIM_STATUS_CATEGORIES[c]);
    expect(missing).toEqual([]);
  });
});
