import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INestMicroservice } from '@nestjs/common';
import type { Actor } from '@claimline/contracts/common';
import type { ClaimAdjudicatedEvent } from '@claimline/contracts/payments';
import { claimRef, Harness } from './harness';
import { era, remitClaim, remitLine, reversalOf } from './eras';

const SAMPLES = '/work/shared/reference/x12-samples/835';
const FIXTURES = join(__dirname, '../../../../libs/x12/test/fixtures/835');
const sample = (name: string) => {
  try {
    return readFileSync(join(SAMPLES, name), 'latin1');
  } catch {
    return readFileSync(join(FIXTURES, name), 'latin1');
  }
};

describe('payments-service: ERA import and posting', () => {
  const h = new Harness();
  let app: INestMicroservice;

  beforeAll(async () => {
    await h.setUp();
    app = await h.start();
  });
  afterAll(async () => {
    await h.stopApp(app);
    await h.tearDown();
  });

  const practice = () => randomUUID();
  const biller = (practiceId: string): Actor => ({
    userId: randomUUID(),
    role: 'billing_staff',
    practiceIds: [practiceId],
  });
  const adjudicated = (claimId: string) =>
    h.seen.filter(
      (e) => e.type === 'payments.claim.adjudicated' && (e.data as ClaimAdjudicatedEvent).claimId === claimId,
    );

  it('managed-care.835: posts both claims to the cent, the deductible on the client ledger, once', async () => {
    const p = practice();
    const c1 = claimRef(p, '5554555444', [['99211', '2002-03-01', 80000]], { filedOutside: true });
    const c2 = claimRef(p, '8765432112', [['93555', '2002-03-10', 120000]], { filedOutside: true });
    await h.claimCreated(c1);
    await h.claimCreated(c2);
    const x12 = sample('managed-care.835');

    const first = await h.upload(biller(p), p, 'managed-care.835', x12);
    expect(first.transactions).toHaveLength(1);
    expect(first.transactions[0]).toMatchObject({
      outcome: 'posted',
      paymentCents: 94500,
      postingCount: 2,
      unmatchedCount: 0,
    });

    const o1 = await h.rpc.send(
      'payments.claim.overview',
      { practiceId: p, claimId: c1.id },
      { actor: biller(p) },
    );
    expect(o1).toMatchObject({
      status: 'paid',
      move: 'era_paid',
      chargeCents: 80000,
      paidCents: 45000,
      clientResponsibilityCents: 30000,
      writeOffCents: 5000,
      openCents: 0,
    });
    expect(o1.postings).toHaveLength(1);
    expect(o1.postings[0].claimAdjustments).toEqual([
      { group: 'CO', reason: 'A2', amountCents: 5000, kind: 'write_off' },
    ]);
    expect(o1.postings[0].lines[0]).toMatchObject({ code: '99211', paidCents: 50000, chargeCents: 80000 });
    const o2 = await h.rpc.send(
      'payments.claim.overview',
      { practiceId: p, claimId: c2.id },
      { actor: biller(p) },
    );
    expect(o2).toMatchObject({
      paidCents: 49500,
      writeOffCents: 10500,
      clientResponsibilityCents: 60000,
      openCents: 0,
    });

    const ledger = await h.rpc.send(
      'payments.client.ledger',
      { practiceId: p, clientId: c1.clientId },
      { actor: biller(p) },
    );
    expect(ledger.balanceCents).toBe(30000);
    expect(ledger.totals.client_responsibility).toBe(30000);

    await h.waitForEvent((e) => e.data.claimId === c2.id, 'c2 adjudicated');
    expect(adjudicated(c1.id).map((e) => e.data)).toEqual([
      expect.objectContaining({
        move: 'era_paid',
        paidCents: 45000,
        clientResponsibilityCents: 30000,
        result: 'paid',
      }),
    ]);

    // The same file again, and the same transaction under another name: recognised, nothing posted.
    const again = await h.upload(biller(p), p, 'copy.835', x12);
    expect(again.transactions[0]).toMatchObject({ outcome: 'duplicate', transactionId: null });
    expect(again.transactions[0].message).toMatch(/already imported/);
    expect(await h.count('posting', 'practice_id = $1', [p])).toBe(2);
    expect(await h.count('era_transaction', 'practice_id = $1', [p])).toBe(1);
    expect(await h.count('era_file', 'practice_id = $1', [p])).toBe(2);
    const ledgerAgain = await h.rpc.send(
      'payments.client.ledger',
      { practiceId: p, clientId: c1.clientId },
      { actor: biller(p) },
    );
    expect(ledgerAgain.balanceCents).toBe(30000);

    const eras = await h.rpc.send('payments.era.list', { practiceId: p }, { actor: biller(p) });
    expect(eras.items.map((t) => [t.status, t.paymentCents, t.traceNumber, t.postingCount])).toEqual([
      ['posted', 94500, '7170066655', 2],
    ]);
  });

  it('keeps every raw file encrypted: no 835 text in the database', async () => {
    const rows: { data: string }[] = await h.sql.query('SELECT data FROM payments.era_file_chunk');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.data).not.toMatch(/ISA\*|CLP\*|5554555444/);
  });

  it('cob-contractural-adjustment.835: a secondary payment of $34.00, OA adjustments, no client share', async () => {
    const p = practice();
    const c = claimRef(p, '0001000055', [['55669', '2005-02-02', 54100]], { filedOutside: true });
    await h.claimCreated(c);
    const r = await h.upload(biller(p), p, 'cob.835', sample('cob-contractural-adjustment.835'));
    expect(r.transactions[0]).toMatchObject({ outcome: 'posted', paymentCents: 3400, postingCount: 1 });
    const o = await h.rpc.send(
      'payments.claim.overview',
      { practiceId: p, claimId: c.id },
      { actor: biller(p) },
    );
    expect(o).toMatchObject({
      status: 'paid',
      paidCents: 3400,
      otherAdjustmentCents: 50700,
      clientResponsibilityCents: 0,
      openCents: 0,
    });
  });

  it('profee.edi: claims filed elsewhere go to the unmatched queue whole; a biller matches one and posts one unapplied', async () => {
    const p = practice();
    const r = await h.upload(biller(p), p, 'profee.edi', sample('profee.edi'));
    expect(r.transactions[0]).toMatchObject({
      outcome: 'posted',
      paymentCents: 4575,
      postingCount: 0,
      unmatchedCount: 3,
    });
    const queue = await h.rpc.send('payments.unmatched.list', { practiceId: p }, { actor: biller(p) });
    expect(
      queue.items.map((u) => [
        u.reason,
        u.statusCode,
        u.payerClaimNumber,
        u.chargeCents,
        u.paidCents,
        u.lineCount,
      ]),
    ).toEqual([
      ['not_our_control_number', '1', '1000210000000030', 3425, 3425, 4],
      ['not_our_control_number', '2', '1000220000000020', 3400, 0, 2],
      ['not_our_control_number', '2', '1000230000000020', 3425, 1150, 4],
    ]);
    // Another practice sees none of it.
    const other = practice();
    expect(
      (await h.rpc.send('payments.unmatched.list', { practiceId: other }, { actor: biller(other) })).total,
    ).toBe(0);

    const c = claimRef(p, 'CL-OUTSIDE-1', [['90837', '2010-01-01', 3425]], { filedOutside: true });
    await h.claimCreated(c);
    const matched = await h.rpc.send(
      'payments.unmatched.resolve',
      { practiceId: p, unmatchedId: queue.items[0].id, action: 'match', claimId: c.id },
      { actor: biller(p) },
    );
    expect(matched).toMatchObject({ state: 'matched', claimId: c.id });
    const o = await h.rpc.send(
      'payments.claim.overview',
      { practiceId: p, claimId: c.id },
      { actor: biller(p) },
    );
    expect(o).toMatchObject({ status: 'paid', paidCents: 3425, openCents: 0 });
    const unapplied = await h.rpc.send(
      'payments.unmatched.resolve',
      { practiceId: p, unmatchedId: queue.items[1].id, action: 'unapplied' },
      { actor: biller(p) },
    );
    expect(unapplied.state).toBe('unapplied');
    await expect(
      h.rpc.send(
        'payments.unmatched.resolve',
        { practiceId: p, unmatchedId: queue.items[1].id, action: 'unapplied' },
        { actor: biller(p) },
      ),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await h.rpc.send('payments.unmatched.list', { practiceId: p }, { actor: biller(p) })).total).toBe(
      1,
    );
  });

  it('a reversal (CLP02 22) in a later ERA undoes the payment and the correction posts, with the history kept', async () => {
    const p = practice();
    const c = claimRef(p, 'PCN-REV-1', [['90837', '2026-11-02', 20000]]);
    await h.claimCreated(c);
    const paid = remitClaim('PCN-REV-1', '1', 'PAYER-77', [
      remitLine('PCN-REV-1-L1', '90837', '2026-11-02', 20000, 15000, [
        { group: 'CO', reason: '45', amount: 3000 },
        { group: 'PR', reason: '2', amount: 2000 },
      ]),
    ]);
    expect(
      (await h.upload(biller(p), p, 'a.835', era([paid], { trace: 'T-1' }))).transactions[0].outcome,
    ).toBe('posted');
    const corrected = remitClaim('PCN-REV-1', '1', 'PAYER-77', [
      remitLine('PCN-REV-1-L1', '90837', '2026-11-02', 20000, 17000, [
        { group: 'CO', reason: '45', amount: 3000 },
      ]),
    ]);
    const second = await h.upload(
      biller(p),
      p,
      'b.835',
      era([reversalOf(paid), corrected], { trace: 'T-2', interchange: 902 }),
    );
    expect(second.transactions[0]).toMatchObject({ outcome: 'posted', postingCount: 2, paymentCents: 2000 });
    const o = await h.rpc.send(
      'payments.claim.overview',
      { practiceId: p, claimId: c.id },
      { actor: biller(p) },
    );
    expect(o).toMatchObject({
      status: 'paid',
      paidCents: 17000,
      clientResponsibilityCents: 0,
      writeOffCents: 3000,
      openCents: 0,
    });
    expect(o.postings.map((x) => [x.kind, x.paidCents, x.reversed])).toEqual([
      ['payment', 15000, true],
      ['reversal', -15000, false],
      ['payment', 17000, false],
    ]);
    // The client's coinsurance was taken back with the reversal.
    const ledger = await h.rpc.send(
      'payments.client.ledger',
      { practiceId: p, clientId: c.clientId },
      { actor: biller(p) },
    );
    expect(ledger.entries.map((e) => e.amountCents)).toEqual([2000, -2000]);
    expect(ledger.balanceCents).toBe(0);
  });

  it('holds a transaction that does not balance: nothing in force, no ledger entry, no event', async () => {
    const p = practice();
    const c = claimRef(p, 'PCN-HELD-1', [['90834', '2026-11-03', 15000]]);
    await h.claimCreated(c);
    const claim = remitClaim('PCN-HELD-1', '1', 'PAYER-9', [
      remitLine('PCN-HELD-1-L1', '90834', '2026-11-03', 15000, 10000, [
        { group: 'CO', reason: '45', amount: 3000 },
        { group: 'PR', reason: '3', amount: 2000 },
      ]),
    ]);
    const r = await h.upload(
      biller(p),
      p,
      'held.835',
      era([claim], { trace: 'T-H' }).replace(/BPR\*I\*100\*/, 'BPR*I*99.99*'),
    );
    expect(r.transactions[0]).toMatchObject({ outcome: 'held', postingCount: 1 });
    expect(r.transactions[0].message).toMatch(/Held for review/);
    expect(await h.count('posting', 'claim_id = $1 AND in_force', [c.id])).toBe(0);
    expect(await h.count('ledger_entry', 'claim_id = $1', [c.id])).toBe(0);
    expect(await h.count('claim_result', 'claim_id = $1', [c.id])).toBe(0);
    const eras = await h.rpc.send(
      'payments.era.list',
      { practiceId: p, status: 'held' },
      { actor: biller(p) },
    );
    expect(eras.items[0].why.join(' ')).toMatch(/9999|99\.99|balance|BPR/i);
  });

  it('refuses what is not an 835, and a clinician', async () => {
    const p = practice();
    await expect(h.upload(biller(p), p, 'x.835', 'hello world, no X12 here')).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      h.upload(
        { userId: randomUUID(), role: 'clinician', practiceIds: [p] },
        p,
        'x.835',
        sample('profee.edi'),
      ),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
