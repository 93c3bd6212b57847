/* Every public 835 sample (the copies in libs/x12/test/fixtures/835, identical to
 * shared/reference/x12-samples/835) posts balanced to the cent. The figures below were added up by
 * hand from each file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { read835 } from '@claimline/x12';
import { known, ports } from '../../test/eras';
import { planRemittances } from './posting-plan';
import type { KnownClaim } from './posting-model';

const DIR = join(__dirname, '../../../x12/test/fixtures/835');
const sample = (name: string) => {
  const r = read835(readFileSync(join(DIR, name), 'utf8'));
  if (!r.ok) throw r.error;
  return r.value;
};

describe('public 835 samples', () => {
  it('covers every file in the sample folder', () => {
    expect(readdirSync(DIR).sort()).toEqual([
      'cob-contractural-adjustment.835',
      'managed-care.835',
      'profee.edi',
    ]);
  });

  it('managed-care.835: two claims paid with a deductible and claim-level write-offs, $945.00', async () => {
    // Claims filed outside Claimline, known to the caller by the payer's CLP01.
    const c1: KnownClaim = { ...known(1, [['99211', [], '2002-03-01', 80000]]), claimId: 'mc-1' };
    const c2: KnownClaim = { ...known(2, [['93555', [], '2002-03-10', 120000]]), claimId: 'mc-2' };
    const plan = await planRemittances(
      sample('managed-care.835'),
      ports([
        ['5554555444', c1],
        ['8765432112', c2],
      ]),
    );
    const [t] = plan.transactions;
    expect(t.status).toBe('post');
    expect(t.balance).toEqual([]);
    expect(t.paymentAmount).toBe(94500);
    expect(t.accountedAmount).toBe(94500); // 450.00 + 495.00
    expect(t.unmatched).toEqual([]);
    const [p1, p2] = t.postings;
    // 800.00 charged: 450.00 paid, PR 1 300.00 on the line, CO A2 50.00 at claim level.
    expect(p1).toMatchObject({
      claimId: 'mc-1',
      paid: 45000,
      writeOff: 5000,
      reportedPatientResponsibility: 30000,
    });
    expect(p1.clientResponsibility).toEqual({
      deductible: 30000,
      coinsurance: 0,
      copay: 0,
      other: 0,
      total: 30000,
    });
    expect(p1.claimAdjustments).toEqual([{ group: 'CO', reason: 'A2', amount: 5000, kind: 'write_off' }]);
    expect(p1.lines[0]).toMatchObject({
      lineId: 'claim-1-line-1',
      matchedBy: 'code_and_date',
      charge: 80000,
      paid: 50000,
      allowed: 80000, // no AMT*B6: paid 500.00 + client 300.00
      writeOff: 0,
    });
    // 1,200.00 charged: 495.00 paid, PR 1 600.00 and CO 45 50.00 on the line, CO A2 55.00 at claim level.
    expect(p2).toMatchObject({ claimId: 'mc-2', paid: 49500, writeOff: 10500 });
    expect(p2.clientResponsibility.deductible).toBe(60000);
    expect(p2.lines[0]).toMatchObject({ paid: 55000, writeOff: 5000 });
    expect(t.results.map((r) => [r.claimId, r.status, r.move, r.open])).toEqual([
      ['mc-1', 'paid', 'era_paid', 0],
      ['mc-2', 'paid', 'era_paid', 0],
    ]);
  });

  it('cob-contractural-adjustment.835: a secondary payment of $34.00 after the prior payer (OA 23, OA 94)', async () => {
    const c: KnownClaim = { ...known(3, [['55669', [], '2005-02-02', 54100]]), claimId: 'cob-1' };
    const [t] = (await planRemittances(sample('cob-contractural-adjustment.835'), ports([['0001000055', c]])))
      .transactions;
    expect(t).toMatchObject({ status: 'post', paymentAmount: 3400, accountedAmount: 3400, balance: [] });
    const [p] = t.postings;
    // 541.00 − 34.00 = 507.00 = OA 23 516.00 + OA 94 −9.00
    expect(p).toMatchObject({
      statusCode: '2',
      charge: 54100,
      paid: 3400,
      writeOff: 0,
      otherAdjustments: 50700,
    });
    expect(p.clientResponsibility.total).toBe(0);
    expect(p.lines[0]).toMatchObject({ allowed: 55000, lineId: 'claim-3-line-1' });
    expect(t.results[0]).toMatchObject({ status: 'paid', open: 0, paid: 3400 });
  });

  it('profee.edi: three claims with a CLP01 that is not ours stay whole in the unmatched queue, $45.75', async () => {
    const [t] = (await planRemittances(sample('profee.edi'), ports([]))).transactions;
    expect(t).toMatchObject({
      status: 'post',
      paymentAmount: 4575,
      accountedAmount: 4575,
      balance: [],
      postings: [],
    });
    expect(
      t.unmatched.map((u) => [u.reason, u.statusCode, u.payerClaimNumber, u.charge, u.paid, u.lineCount]),
    ).toEqual([
      ['not_our_control_number', '1', '1000210000000030', 3425, 3425, 4],
      ['not_our_control_number', '2', '1000220000000020', 3400, 0, 2],
      ['not_our_control_number', '2', '1000230000000020', 3425, 1150, 4],
    ]);
    expect(t.unmatched.map((u) => u.postingKey.split('#')[1])).toEqual(['1', '2', '3']);
    expect(t.transactionKey).toBe('1000000000|10100000000|4575|2010-01-01');
  });

  it('managed-care.835 with no claim known: both claims unmatched, dated from their lines (DTM*150)', async () => {
    const [t] = (await planRemittances(sample('managed-care.835'), ports([]))).transactions;
    expect(
      t.unmatched.map((u) => [u.controlNumber, u.serviceDateFrom, u.paid, u.clientResponsibility]),
    ).toEqual([
      ['5554555444', '2002-03-01', 45000, 30000],
      ['8765432112', '2002-03-10', 49500, 60000],
    ]);
  });

  it('every sample posts balanced to the cent with no claim known', async () => {
    for (const name of readdirSync(DIR)) {
      const plan = await planRemittances(sample(name), ports([]));
      for (const t of plan.transactions) {
        expect(t.balance).toEqual([]);
        expect(t.accountedAmount).toBe(t.paymentAmount);
      }
    }
  });
});
