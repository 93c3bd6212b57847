import { read277ca, read835, read999, readTa1 } from '@claimline/x12';
import { X12Parser } from 'node-x12';
import { claimFor, sample837p } from '../../test/sample-837p';
import { type AnswerContext, answer837 } from './answer-837';

function context(seen: string[] = []): AnswerContext {
  let icn = 500;
  return {
    receivedAt: new Date('2026-10-16T10:00:00Z'),
    nextControlNumber: () => ++icn,
    seenBefore: (sender, n) => seen.includes(`${sender}:${n}`),
    name: 'CLAIMLINE SANDBOX',
  };
}
/** A third-party reader (node-x12, strict) takes the file, and every SE01 counts its transaction. */
function expectThirdPartyReads(x12: string) {
  const interchange = new X12Parser(true).parse(x12) as import('node-x12').X12Interchange;
  for (const group of interchange.functionalGroups)
    for (const t of group.transactions) expect(Number(t.trailer.valueOf(1))).toBe(t.segments.length + 2);
}
const byName = (answers: { suffix: string; x12: string }[], suffix: string) =>
  answers.find((a) => a.suffix.endsWith(suffix))?.x12 ?? '';

/** Our 837P with one transaction's element broken: CLM05-01 (place of service) "X1", no such code. */
const brokenPos = (x12: string) => x12.replace(/(CLM\*[^*]+\*[^*]+\*\*\*)11:B:1/, '$1X1:B:1');

describe('the sandbox answers an 837P', () => {
  it('accepts a clean file: 999 accepted, 277CA accepted claims, 835s that pass our readers', () => {
    const x12 = sample837p([claimFor(1, 'XJ100'), claimFor(2, 'DEN200'), claimFor(3, 'PART300')]);
    const result = answer837(x12, context());
    expect(result.answers.map((a) => a.suffix)).toEqual(['999', '277CA', '1.835']);
    const ack = read999(byName(result.answers, '999'));
    if (!ack.ok) throw ack.error;
    expect(ack.value[0].transactions[0].status).toBe('accepted');

    const ca = read277ca(byName(result.answers, '277CA'));
    if (!ca.ok) throw ca.error;
    const claims = ca.value[0].claims;
    expect(claims).toHaveLength(3);
    expect(claims.every((c) => c.statuses[0].category === 'A2')).toBe(true);
    expect(claims.every((c) => c.payerClaimNumber?.startsWith('SBX'))).toBe(true);

    const remit = read835(byName(result.answers, '835'));
    if (!remit.ok) throw remit.error;
    expect(remit.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const paid = Object.fromEntries(remit.value[0].claims.map((c) => [c.claimId, c]));
    expect(paid[claimFor(1, '').patientControlNumber]).toMatchObject({ statusCode: '1', paid: 2 * 9632 });
    expect(paid[claimFor(2, '').patientControlNumber]).toMatchObject({ statusCode: '4', paid: 0 });
    expect(paid[claimFor(3, '').patientControlNumber]).toMatchObject({ statusCode: '1', paid: 9632 });
    expect(result.answers.find((a) => a.suffix === '1.835')?.delayed).toBe(true);
    for (const a of result.answers) expectThirdPartyReads(a.x12);
  });

  it('rejects a REJ member in the 277CA and leaves it out of the 835', () => {
    const x12 = sample837p([claimFor(1, 'XJ100'), claimFor(4, 'REJ400')]);
    const result = answer837(x12, context());
    const ca = read277ca(byName(result.answers, '277CA'));
    if (!ca.ok) throw ca.error;
    const rejected = ca.value[0].claims.find((c) => c.claimId === claimFor(4, '').patientControlNumber);
    expect(rejected?.statuses[0]).toMatchObject({ category: 'A3', code: '33' });
    expect(rejected?.payerClaimNumber).toBeUndefined();
    const remit = read835(byName(result.answers, '835'));
    if (!remit.ok) throw remit.error;
    expect(remit.value[0].claims.map((c) => c.claimId)).toEqual([claimFor(1, '').patientControlNumber]);
    expect(result.claims).toEqual({ accepted: 1, rejected: 1 });
  });

  it('rejects a transaction with an invalid code, naming the segment and element (IK3/IK4/IK5)', () => {
    const result = answer837(brokenPos(sample837p([claimFor(1, 'XJ100')])), context());
    expect(result.answers.map((a) => a.suffix)).toEqual(['999']);
    const ack = read999(byName(result.answers, '999'));
    if (!ack.ok) throw ack.error;
    const t = ack.value[0].transactions[0];
    expect(t.status).toBe('rejected');
    expect(t.errorCodes).toContain('5');
    const clm = t.segmentErrors.find((s) => s.segmentId === 'CLM');
    expect(clm?.code).toBe('8');
    expect(clm?.elementErrors[0]).toMatchObject({ position: 5, componentPosition: 1, code: '7' });
    expect(ack.value[0].groupStatus).toBe('rejected');
  });

  it('partly accepts a file whose second transaction is broken (AK9 P), answering only the first’s claims', () => {
    const good = sample837p([claimFor(1, 'XJ100')]);
    const [head, rest] = [good.slice(0, good.indexOf('ST*')), good.slice(good.indexOf('ST*'))];
    const tx = rest.slice(0, rest.indexOf('GE*'));
    const second = brokenPos(
      tx.replace(/ST\*837\*(\d+)/, 'ST*837*0002').replace(/SE\*(\d+)\*\d+/, 'SE*$1*0002'),
    );
    const file = head + tx + second + rest.slice(rest.indexOf('GE*')).replace(/GE\*1\*/, 'GE*2*');
    const result = answer837(file, context());
    const ack = read999(byName(result.answers, '999'));
    if (!ack.ok) throw ack.error;
    expect(ack.value[0].groupStatus).toBe('partially-accepted');
    expect(ack.value[0].transactions.map((t) => t.status)).toEqual(['accepted', 'rejected']);
    const ca = read277ca(byName(result.answers, '277CA'));
    if (!ca.ok) throw ca.error;
    expect(ca.value[0].claims).toHaveLength(1);
  });

  it('refuses a broken envelope with a TA1 (IEA control number), and an ISA13 sent twice (025)', () => {
    const x12 = sample837p([claimFor(1, 'XJ100')], 777);
    const broken = answer837(x12.replace(/IEA\*1\*000000777/, 'IEA*1*000000778'), context());
    expect(broken.answers.map((a) => a.suffix)).toEqual(['TA1']);
    const ta1 = readTa1(broken.answers[0].x12);
    if (!ta1.ok) throw ta1.error;
    expect(ta1.value[0]).toMatchObject({ status: 'rejected', noteCode: '001', controlNumber: '000000777' });

    const twice = answer837(x12, context(['CLAIMLINE:000000777']));
    const again = readTa1(twice.answers[0].x12);
    if (!again.ok) throw again.error;
    expect(again.value[0]).toMatchObject({ status: 'rejected', noteCode: '025' });
  });

  it('sends a TA1 accepted when the 837P asks for one (ISA14 = 1), and says why it cannot read a file', () => {
    const asked = answer837(sample837p([claimFor(1, 'XJ100')], 102, true), context());
    expect(asked.answers.map((a) => a.suffix)).toEqual(['TA1', '999', '277CA', '1.835']);
    expect(answer837('hello', context()).unreadable).toBeTruthy();
  });
});
