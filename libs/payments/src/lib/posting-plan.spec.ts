import { Readable } from 'node:stream';
import { lineControlNumber, patientControlNumber } from '@claimline/claims';
import { stream835 } from '@claimline/x12';
import { era, known, pcn, ports, read, remitClaim, remitLine, reversalOf } from '../../test/eras';
import { clientResponsibilityByClient, clientResponsibilityEntries } from './client-ledger';
import type { KnownClaim } from './posting-model';
import { planRemittances, planRemittanceStream, priorPostingOf, transactionKey } from './posting-plan';

const D1 = '2026-10-06';
const D2 = '2026-10-13';
const plan = async (x12: string, claims: KnownClaim[], imported: string[] = []) =>
  planRemittances(
    read(x12),
    ports(
      claims.map((c) => [pcn(Number(c.claimId.split('-')[1])), c]),
      imported,
    ),
  );

/** 90834 billed 150.00: allowed 110.00, paid 90.00, copay 20.00, CO 45 40.00. */
const paidLine = (n: number, line = 1, date = D1, o: Parameters<typeof remitLine>[7] = {}) =>
  remitLine(
    n,
    line,
    '90834',
    date,
    15000,
    9000,
    [
      { group: 'CO', reason: '45', amount: 4000 },
      { group: 'PR', reason: '3', amount: 2000 },
    ],
    o,
  );

describe('posting plan from 835s written with write835', () => {
  it('posts a paid claim line by line: REF*6R match, copay as client responsibility, Paid', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const x12 = era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])]);
    const [t] = (await plan(x12, [c])).transactions;
    expect(t).toMatchObject({ status: 'post', paymentAmount: 9000, accountedAmount: 9000, unmatched: [] });
    const [p] = t.postings;
    expect(p.lines[0]).toMatchObject({
      lineId: 'claim-1-line-1',
      matchedBy: 'line_control_number',
      allowed: 11000,
      paid: 9000,
      writeOff: 4000,
    });
    expect(p.clientResponsibility).toEqual({
      deductible: 0,
      coinsurance: 0,
      copay: 2000,
      other: 0,
      total: 2000,
    });
    expect(t.results[0]).toMatchObject({
      status: 'paid',
      move: 'era_paid',
      paid: 9000,
      clientResponsibility: 2000,
      writeOff: 4000,
      open: 0,
      flags: [],
    });
    expect(clientResponsibilityEntries(t)).toEqual([
      {
        clientId: 'client-1',
        kind: 'client_responsibility',
        amount: 2000,
        date: '2026-11-20',
        claimId: 'claim-1',
        postingKey: `${t.transactionKey}#1`,
      },
    ]);
  });

  it('matches REF*6R of an earlier submission to the line of the resubmitted claim', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const resubmitted = {
      ...c,
      lines: c.lines.map((l) => ({
        ...l,
        lineControlNumber: lineControlNumber(patientControlNumber(1, 1), 1),
      })),
    };
    const [t] = (await plan(era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])]), [resubmitted]))
      .transactions;
    expect(t.postings[0].lines[0]).toMatchObject({
      lineId: 'claim-1-line-1',
      matchedBy: 'line_control_number',
    });
  });

  it('sets Denied, Deductible and partly paid from what the claims add up to', async () => {
    const denied = known(1, [['90837', [], D1, 20000]]);
    const deductible = known(2, [['90834', [], D1, 15000]]);
    const half = known(3, [
      ['90834', [], D1, 15000],
      ['90834', [], D2, 15000],
    ]);
    const x12 = era([
      remitClaim(pcn(1), '4', 'PCN-1', [
        remitLine(1, 1, '90837', D1, 20000, 0, [{ group: 'CO', reason: '197', amount: 20000 }], {
          remarks: ['N54'],
        }),
      ]),
      remitClaim(pcn(2), '1', 'PCN-2', [
        remitLine(2, 1, '90834', D1, 15000, 0, [
          { group: 'CO', reason: '45', amount: 4000 },
          { group: 'PR', reason: '1', amount: 11000 },
        ]),
      ]),
      remitClaim(pcn(3), '1', 'PCN-3', [paidLine(3, 1, D1)]),
    ]);
    const [t] = (await plan(x12, [denied, deductible, half])).transactions;
    expect(t.results.map((r) => [r.claimId, r.status, r.move, r.open])).toEqual([
      ['claim-1', 'denied', 'era_denied', 0],
      ['claim-2', 'deductible', 'era_deductible', 0],
      ['claim-3', 'partly_paid', null, 15000],
    ]);
    expect(t.postings[0].lines[0].remarkCodes).toEqual(['N54']);
    expect(clientResponsibilityByClient(clientResponsibilityEntries(t))).toEqual(
      new Map([
        ['client-2', 11000],
        ['client-3', 2000],
      ]),
    );
    expect(t.results[2].flags).toEqual([
      {
        code: 'payment_missing',
        message: '150.00 of the claim is not accounted for; no payment yet for 90834 of 2026-10-13',
      },
    ]);
  });

  it('handles a split claim: two CLPs for one claim, each paying one line, make it Paid', async () => {
    const c = known(1, [
      ['90834', [], D1, 15000],
      ['90834', [], D2, 15000],
    ]);
    const x12 = era([
      remitClaim(pcn(1), '1', 'PCN-1A', [paidLine(1, 1, D1)]),
      remitClaim(pcn(1), '1', 'PCN-1B', [paidLine(1, 2, D2)]),
    ]);
    const p = ports([[pcn(1), c]]);
    const [t] = (await planRemittances(read(x12), p)).transactions;
    expect(t.postings.map((x) => [x.claimId, x.payerClaimNumber, x.lines[0].lineId])).toEqual([
      ['claim-1', 'PCN-1A', 'claim-1-line-1'],
      ['claim-1', 'PCN-1B', 'claim-1-line-2'],
    ]);
    expect(t.results).toHaveLength(1);
    expect(t.results[0]).toMatchObject({
      status: 'paid',
      paid: 18000,
      clientResponsibility: 4000,
      writeOff: 8000,
      open: 0,
    });
    expect(p.calls).toBe(1);
  });

  it('recognises a duplicate payment by payer + trace number + amount + date, in another file or the same one', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const x12 = era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])]);
    const first = (await plan(x12, [c])).transactions[0];
    expect(first.transactionKey).toBe('1600540000|CHK-20001|9000|2026-11-20');
    // The same ERA again: the caller knows the key.
    const again = (await plan(x12, [c], [first.transactionKey])).transactions[0];
    expect(again).toMatchObject({ status: 'duplicate', postings: [], results: [], accountedAmount: 9000 });
    expect(again.why[0]).toContain('already imported');
    // The same transaction inside another file, after a new one.
    const other = era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])], {
      trace: 'CHK-20002',
      interchange: 902,
    });
    const both = await plan(other + x12 + x12.replace(/000000901/g, '000000903'), [c]);
    expect(both.transactions.map((t) => t.status)).toEqual(['post', 'post', 'duplicate']);
    // A different date is a different payment.
    const later = era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])], { date: '2026-11-27' });
    expect(transactionKey(read(later)[0])).not.toBe(first.transactionKey);
  });

  it('undoes an earlier posting on a reversal and posts the correction that follows, across two ERAs', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const original = remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)]);
    const first = (await plan(era([original]), [c])).transactions[0];
    const posted = first.postings.map((p) => priorPostingOf(p, first.transactionKey));
    // The payer re-adjudicates: copay 20.00 becomes coinsurance 30.00, so it pays 80.00.
    const corrected = remitClaim(pcn(1), '1', 'PCN-1', [
      remitLine(1, 1, '90834', D1, 15000, 8000, [
        { group: 'CO', reason: '45', amount: 4000 },
        { group: 'PR', reason: '2', amount: 3000 },
      ]),
    ]);
    const x12 = era([reversalOf(original), corrected], {
      trace: 'EFT-777',
      amount: -9000 + 8000 + 1000,
      plb: [{ providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reasonCode: 'CS', amount: -1000 }],
    });
    const [t] = (await plan(x12, [{ ...c, postings: posted }])).transactions;
    expect(t.status).toBe('post');
    const [rev, cor] = t.postings;
    expect(rev).toMatchObject({
      kind: 'reversal',
      paid: -9000,
      reverses: `${first.transactionKey}#1`,
      flags: [],
    });
    expect(rev.clientResponsibility.total).toBe(-2000);
    expect(cor).toMatchObject({ kind: 'payment', paid: 8000, flags: [] });
    expect(t.results[0]).toMatchObject({
      status: 'paid',
      paid: 8000,
      clientResponsibility: 3000,
      writeOff: 4000,
      open: 0,
      postingsInForce: [`${t.transactionKey}#2`],
    });
    // The client's balance follows: +20.00, then −20.00 and +30.00.
    const ledger = [...clientResponsibilityEntries(first), ...clientResponsibilityEntries(t)];
    expect(ledger.map((e) => e.amount)).toEqual([2000, -2000, 3000]);
    expect(ledger[1].reverses).toBe(`${first.transactionKey}#1`);
    expect(clientResponsibilityByClient(ledger)).toEqual(new Map([['client-1', 3000]]));
  });

  it('reverses and corrects inside one ERA, and flags a reversal with nothing to undo', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const original = remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)]);
    const [t] = (await plan(era([original, reversalOf(original), original]), [c])).transactions;
    expect(t.postings[1].reverses).toBe(`${t.transactionKey}#1`);
    expect(t.results[0]).toMatchObject({
      status: 'paid',
      paid: 9000,
      postingsInForce: [`${t.transactionKey}#3`],
    });
    const [lone] = (
      await plan(
        era([reversalOf(original)], {
          plb: [
            { providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reasonCode: 'CS', amount: -9000 },
          ],
        }),
        [c],
      )
    ).transactions;
    expect(lone.postings[0].flags.map((f) => f.code)).toEqual(['reversal_without_original']);
    expect(lone.results[0]).toMatchObject({ status: 'reversed', move: null, paid: 0 });
    expect(lone.results[0].flags.map((f) => f.code)).toEqual(['reversal_without_original']);
  });

  it('flags a second payment of the same payer claim from another ERA as a duplicate payment', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const original = remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)]);
    const first = (await plan(era([original]), [c])).transactions[0];
    const posted = first.postings.map((p) => priorPostingOf(p, first.transactionKey));
    const [t] = (await plan(era([original], { trace: 'CHK-30003' }), [{ ...c, postings: posted }]))
      .transactions;
    expect(t.postings[0].flags.map((f) => f.code)).toEqual(['duplicate_payment']);
    expect(t.results[0].flags.map((f) => f.code)).toEqual([
      'duplicate_payment',
      'over_accounted',
      'write_off_too_high',
    ]);
    expect(t.results[0].open).toBe(-15000);
  });

  it('records PLB against the payment: interest L6, recoupment WO, refund 72, forward balance FB with its reference', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const plb = [
      { providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reasonCode: 'L6', amount: -125 },
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'WO',
        reference: 'PCN-OLD-9',
        amount: 2500,
      },
      { providerId: '1234567893', fiscalPeriodDate: '2026-12-31', reasonCode: '72', amount: -700 },
      {
        providerId: '1234567893',
        fiscalPeriodDate: '2026-12-31',
        reasonCode: 'FB',
        reference: 'FB-2026-11',
        amount: 1000,
      },
    ];
    const [t] = (await plan(era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])], { plb }), [c]))
      .transactions;
    // 90.00 paid − (−1.25 + 25.00 − 7.00 + 10.00) = 63.25
    expect(t).toMatchObject({ status: 'post', paymentAmount: 6325, accountedAmount: 6325 });
    expect(t.paymentAdjustments.map((a) => [a.reasonCode, a.kind, a.amount, a.reference])).toEqual([
      ['L6', 'interest', -125, undefined],
      ['WO', 'recoupment', 2500, 'PCN-OLD-9'],
      ['72', 'refund', -700, undefined],
      ['FB', 'forward_balance', 1000, 'FB-2026-11'],
    ]);
    expect(t.results[0].paid).toBe(9000);
  });

  it('keeps claims that match nothing in the unmatched queue, whole', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const x12 = era([
      remitClaim('OUTSIDE-123', '1', 'PCN-X', [
        remitLine(
          9,
          1,
          '90837',
          D1,
          20000,
          12000,
          [
            { group: 'CO', reason: '45', amount: 5000 },
            { group: 'PR', reason: '2', amount: 3000 },
          ],
          { noLineId: true },
        ),
      ]),
      remitClaim(pcn(77), '1', 'PCN-77', [paidLine(77)]),
      remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)]),
    ]);
    const [t] = (await plan(x12, [c])).transactions;
    expect(
      t.unmatched.map((u) => [u.reason, u.controlNumber, u.paid, u.clientResponsibility, u.serviceDateFrom]),
    ).toEqual([
      ['not_our_control_number', 'OUTSIDE-123', 12000, 3000, D1],
      ['claim_not_found', pcn(77), 9000, 2000, D1],
    ]);
    expect(t.unmatched[0].patient).toEqual({
      lastName: 'RIVERA',
      firstName: 'ANA',
      idQualifier: 'MI',
      id: 'XJ100200',
    });
    expect(t.postings).toHaveLength(1);
    expect(t.accountedAmount).toBe(t.paymentAmount);
    expect(t.paymentAmount).toBe(12000 + 9000 + 9000);
  });

  it('matches a line whose modifier the payer dropped on code and date, and flags it; a line of another code stays unmatched', async () => {
    const c = known(1, [
      ['90834', ['95'], D1, 15000],
      ['90785', [], D1, 3000],
    ]);
    const x12 = era([
      remitClaim(pcn(1), '1', 'PCN-1', [
        paidLine(1, 1, D1, { noLineId: true }),
        remitLine(1, 2, '90791', D1, 3000, 0, [{ group: 'CO', reason: '97', amount: 3000 }], {
          noLineId: true,
        }),
      ]),
    ]);
    const [t] = (await plan(x12, [c])).transactions;
    const [p] = t.postings;
    expect(p.lines.map((l) => [l.matchedBy, l.lineId])).toEqual([
      ['modifiers_dropped', 'claim-1-line-1'],
      ['none', undefined],
    ]);
    expect(p.flags.map((f) => f.code)).toEqual(['modifiers_dropped', 'line_unmatched']);
    expect(p.flags[0].message).toContain('[95]');
  });

  it('holds an unbalanced transaction for review and says why', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const x12 = era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])]).replace('BPR*I*90*', 'BPR*I*91*');
    expect(x12).toContain('BPR*I*91*');
    const [t] = (await plan(x12, [c])).transactions;
    expect(t.status).toBe('held');
    expect(t.why).toEqual(['payment 91.00 (BPR02) ≠ claims paid 90.00 − provider adjustments 0.00 = 90.00']);
    const line = era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])]).replace(
      'CAS*CO*45*40~',
      'CAS*CO*45*41~',
    );
    const [u] = (await plan(line, [c])).transactions;
    expect(u.status).toBe('held');
    expect(u.balance.map((b) => b.level)).toEqual(['line', 'claim']);
  });

  it('notes a crossover so no secondary claim is created', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const [t] = (await plan(era([remitClaim(pcn(1), '19', 'PCN-1', [paidLine(1)])]), [c])).transactions;
    expect(t.postings[0].crossover).toBe(true);
    expect(t.postings[0].flags[0].code).toBe('crossover');
    expect(t.results[0]).toMatchObject({ crossover: true, status: 'paid' });
  });

  it('notes a crossover named by NM1*TT even when CLP02 says only "processed as primary"', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const x12 = era([remitClaim(pcn(1), '1', 'PCN-1', [paidLine(1)])]).replace(
      'NM1*QC*',
      'NM1*TT*2*TEXAS MEDICAID*****PI*TXMCD~NM1*QC*',
    );
    expect(x12).toContain('NM1*TT*2*TEXAS MEDICAID');
    const [t] = (await plan(x12, [c])).transactions;
    expect(t.postings[0].crossover).toBe(true);
    expect(t.postings[0].flags[0].message).toBe(
      `The payer sent claim ${pcn(1)} on to TEXAS MEDICAID (NM1*TT): do not create a secondary claim`,
    );
  });

  it('flags a write-off above the limit on a paid claim', async () => {
    const c = known(1, [['90834', [], D1, 15000]]);
    const line = remitLine(1, 1, '90834', D1, 15000, 2000, [{ group: 'CO', reason: '45', amount: 13000 }]);
    const [t] = (await plan(era([remitClaim(pcn(1), '1', 'PCN-1', [line])]), [c])).transactions;
    expect(t.results[0].flags).toEqual([
      { code: 'write_off_too_high', message: 'Write-off 130.00 is over 75% of the charge 150.00' },
    ]);
  });

  it('gives the same plan from the stream, claim by claim in batches, as from read835', async () => {
    const claims = Array.from({ length: 25 }, (_, i) => known(i + 1, [['90834', [], D1, 15000]]));
    const x12 = era(claims.map((c, i) => remitClaim(pcn(i + 1), '1', `PCN-${i + 1}`, [paidLine(i + 1)])));
    const p = ports(claims.map((c, i) => [pcn(i + 1), c]));
    const streamed = await planRemittanceStream(stream835(Readable.from([x12])), p, { batchSize: 10 });
    expect(p.calls).toBe(3);
    const whole = await plan(x12, claims);
    expect(streamed.ok && JSON.stringify(streamed.plan)).toBe(JSON.stringify(whole));
    const taken: string[] = [];
    const batched = await planRemittanceStream(stream835(Readable.from([x12])), p, {
      batchSize: 10,
      onPlanned: (postings, unmatched) => {
        taken.push(`${postings.length}+${unmatched.length}`);
      },
    });
    expect(taken).toEqual(['10+0', '10+0', '5+0']);
    const [t] = batched.ok ? batched.plan.transactions : [];
    expect(t).toMatchObject({
      postings: [],
      postingCount: 25,
      unmatchedCount: 0,
      accountedAmount: 25 * 9000,
    });
    expect(t.results).toHaveLength(25);
    const bad = await planRemittanceStream(stream835(Readable.from(['ISA*nonsense~'])), p);
    expect(bad.ok).toBe(false);
  });
});
