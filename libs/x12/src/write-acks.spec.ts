import { batch, claim } from '../test/claims';
import { MAP_277CA } from './generated/map-277ca';
import { MAP_999 } from './generated/map-999';
import { read277ca } from './read-277ca';
import { read837p } from './read-837p';
import { read999 } from './read-999';
import { readTa1 } from './read-ta1';
import { validate } from './validator';
import { type Ack277caInput, type Ack999Input, write277ca, write999, writeTa1 } from './write-acks';
import { write837p } from './write-837p';
import type { EnvelopeInput } from './write-common';

const env: EnvelopeInput = {
  createdAt: new Date('2026-03-03T09:30:00Z'),
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  applicationSender: 'CLEARINGHSE',
  applicationReceiver: 'CLAIMLINE',
  controlNumbers: { interchange: 501, group: 501, transaction: 1 },
};

const submitted = write837p(batch([claim('ORG-1'), claim('dep-2/b'), claim('REJ-3')]));
const sent = (() => {
  const r = read837p(submitted.x12!);
  if (!r.ok) throw r.error;
  return r.value[0];
})();

function valid(x12: string | undefined, map = MAP_999): string {
  expect(x12).toBeDefined();
  expect(validate(x12!, map).findings).toEqual([]);
  return x12!;
}

describe('writeTa1', () => {
  it('acknowledges the interchange we received and reads back', () => {
    const isa = sent.envelope.interchange;
    const r = writeTa1({
      ...env,
      acknowledged: { controlNumber: isa.controlNumber, date: isa.date, time: isa.time },
      status: 'rejected',
      noteCode: '025',
    });
    expect(r.problems).toEqual([]);
    const x12 = valid(r.x12);
    expect(x12).toContain('TA1*000000042*260302*1405*R*025~IEA*0*000000501~');
    const back = readTa1(x12);
    expect(back.ok && back.value).toEqual([
      expect.objectContaining({
        controlNumber: '000000042',
        status: 'rejected',
        noteCode: '025',
        note: 'This interchange control number was already received',
      }),
    ]);
  });

  it('refuses what a TA1 cannot say', () => {
    const r = writeTa1({
      ...env,
      acknowledged: { controlNumber: '42', date: '260230', time: '2500' },
      status: 'accepted',
      noteCode: '999',
    });
    expect(r.x12).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual([
      'acknowledged.controlNumber',
      'acknowledged.date',
      'acknowledged.time',
      'noteCode',
      'noteCode',
    ]);
  });
});

describe('write999', () => {
  const input: Ack999Input = {
    ...env,
    functionalId: 'HC',
    groupControlNumber: sent.envelope.group.controlNumber,
    groupVersion: sent.envelope.group.version,
    transactions: [
      {
        setId: '837',
        controlNumber: sent.envelope.controlNumber,
        version: '005010X222A1',
        status: 'accepted',
      },
      {
        setId: '837',
        controlNumber: '0002',
        status: 'rejected',
        errorCodes: ['5'],
        segmentErrors: [
          {
            segmentId: 'NM1',
            position: 17,
            loopId: '2300',
            code: '8',
            elementErrors: [{ position: 9, dataElement: '67', code: '7', badValue: 'X*1' }],
          },
          { segmentId: 'N3', position: 18, code: '8', elementErrors: [] },
        ],
      },
    ],
  };

  it('writes a valid 999 for our 837P that read999 reads back, with the AK9 counts', () => {
    const r = write999(input);
    expect(r.problems).toEqual([]);
    const back = read999(valid(r.x12));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.findings).toEqual([]);
    const [ack] = back.value;
    expect(ack).toMatchObject({
      groupControlNumber: '42',
      groupStatus: 'partially-accepted',
      transactionsIncluded: 2,
      transactionsReceived: 2,
      transactionsAccepted: 1,
    });
    expect(ack.transactions[0]).toMatchObject({ controlNumber: '0001', status: 'accepted' });
    expect(ack.transactions[1].segmentErrors).toEqual([
      {
        segmentId: 'NM1',
        position: 17,
        loopId: '2300',
        code: '8',
        elementErrors: [{ position: 9, dataElement: '67', code: '7', badValue: 'X 1' }],
      },
      { segmentId: 'N3', position: 18, code: '8', elementErrors: [] },
    ]);
  });

  it('derives the group status and refuses a rejection without a reason', () => {
    const all = write999({ ...input, transactions: [input.transactions[0]] });
    expect(
      read999(valid(all.x12)).ok &&
        (read999(all.x12!) as { value: { groupStatus: string }[] }).value[0].groupStatus,
    ).toBe('accepted');
    const bad = write999({ ...input, transactions: [{ ...input.transactions[1], errorCodes: [] }] });
    expect(bad.problems.map((p) => p.field)).toEqual(['transactions[0].errorCodes']);
    const badCode = write999({ ...input, transactions: [{ ...input.transactions[1], errorCodes: ['99'] }] });
    expect(badCode.x12).toBeUndefined();
    expect(badCode.problems[0].message).toContain('IK502 "99" is not a valid code');
  });
});

describe('write277ca', () => {
  const input: Ack277caInput = {
    ...env,
    referenceId: 'ACK-1',
    payer: { name: 'Acme Health Plan', id: '60054' },
    receiver: { name: 'Claimline Billing', id: 'CL0001' },
    traceNumber: 'TR-77',
    batchId: 'B20260302',
    receivedDate: '2026-03-02',
    processedDate: '2026-03-03',
    providers: [
      {
        name: 'Riverside Counseling, LLC',
        npi: '1234567893',
        claims: sent.claims.map((c, i) => ({
          claimId: c.id,
          patient: {
            lastName: c.subscriber.name,
            firstName: c.subscriber.firstName,
            memberId: c.subscriber.id!,
          },
          charge: c.charge,
          serviceDateFrom: c.lines[0].serviceDate!,
          ...(i < 2
            ? { status: { category: 'A2', code: '20' }, payerClaimNumber: `PCN${i}` }
            : {
                status: { category: 'A7', code: '562', entity: '85', message: 'NPI not on file' },
                lines: [
                  {
                    procedure: c.lines[0].procedure,
                    charge: c.lines[0].charge,
                    lineControlNumber: c.lines[0].lineId,
                    serviceDate: c.lines[0].serviceDate,
                    status: { category: 'A7', code: '453' },
                  },
                ],
              }),
        })),
      },
    ],
  };

  it('acknowledges our 837P claims by their exact ids and reads back', () => {
    const r = write277ca(input);
    expect(r.problems).toEqual([]);
    const back = read277ca(valid(r.x12, MAP_277CA));
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.findings).toEqual([]);
    const [ack] = back.value;
    expect(ack.receiver).toMatchObject({
      acceptedCount: 2,
      rejectedCount: 1,
      acceptedAmount: 30100,
      rejectedAmount: 15050,
    });
    expect(ack.claims.map((c) => [c.claimId, c.category, c.payerClaimNumber, c.billingProviderId])).toEqual([
      ['ORG-1', 'A2', 'PCN0', '1234567893'],
      ['dep-2/b', 'A2', 'PCN1', '1234567893'],
      ['REJ-3', 'A7', undefined, '1234567893'],
    ]);
    expect(ack.claims[2].statuses[0]).toMatchObject({
      code: '562',
      entity: '85',
      action: 'U',
      message: 'NPI not on file',
    });
    expect(ack.claims[2].lines[0]).toMatchObject({ procedure: '90837', lineControlNumber: 'REJ-3-1' });
  });

  it('refuses what would not validate', () => {
    const r = write277ca({
      ...input,
      processedDate: '2026-02-30',
      providers: [{ ...input.providers[0], npi: '1234567890' }],
    });
    expect(r.x12).toBeUndefined();
    expect(r.problems.map((p) => p.field)).toEqual(['processedDate', 'providers[0].npi']);
  });
});
