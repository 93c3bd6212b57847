import { fixture } from '../test/fixtures';
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
      { category: 'A1', code: '20', effectiveDate: '2011-03-11', action: 'WQ', amount: 12500 },
    ]);
    expect(ack.claims).toHaveLength(1);
    expect(ack.claims[0]).toMatchObject({
      claimId: '5781',
      category: 'A2',
      payerClaimNumber: '1107000000014420',
      billingProviderId: '1234567890',
      patient: { lastName: 'TPATIENT', firstName: 'THEBE', memberId: 'LL99999X' },
      statuses: [{ category: 'A2', code: '20', action: 'WQ', amount: 12500 }],
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
      { category: 'A7', code: '562', entity: '85', effectiveDate: '2011-03-11', action: 'WQ', amount: 19914 },
    ]);
  });
});
