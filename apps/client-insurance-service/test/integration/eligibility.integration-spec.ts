import { randomUUID } from 'node:crypto';
import type { Actor } from '@claimline/contracts/common';
import {
  freePort,
  rpcError,
  type SandboxHttp,
  startSandboxHttp,
  waitFor,
} from '@claimline/backend/util-testing';
import { address, Harness, practiceView, seededPayerId } from './harness';

/**
 * Real-time eligibility against the built clearinghouse sandbox, run as its own process on a free
 * port (the real HTTP server, 270 → 271 by its member-ID rules); PostgreSQL and NATS real too.
 */
describe('client-insurance: eligibility through the clearinghouse sandbox (real HTTP, PostgreSQL, NATS)', () => {
  const h = new Harness();
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };
  const stranger: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };
  let sandbox: SandboxHttp | undefined;
  let app: Awaited<ReturnType<Harness['start']>>;

  const newPolicy = async (memberId: string, relationship = 'self') => {
    const client = await h.rpc.send(
      'client-insurance.client.create',
      {
        practiceId,
        firstName: 'Ada',
        lastName: 'Byron',
        birthDate: '1990-02-03',
        sex: 'F',
        address,
        billingType: 'insurance',
      },
      { actor: owner },
    );
    return h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: seededPayerId('aetna'),
        memberId,
        relationship,
        ...(relationship !== 'self' && {
          subscriber: { firstName: 'Ann', lastName: 'Byron', birthDate: '1960-05-01', sex: 'F', address },
        }),
      } as never,
      { actor: owner },
    );
  };
  const check = (policyId: string, date = '2026-03-10', actor = owner) =>
    h.rpc.send('client-insurance.eligibility.check', { practiceId, policyId, date }, { actor });

  beforeAll(async () => {
    sandbox = await startSandboxHttp();
    await h.setUp();
    h.serve('practice-settings.billing-profile.get', () => ({ organizationNpi: '1234567893' }));
    app = await h.start({ CLEARINGHOUSE_ELIGIBILITY_URL: sandbox.url });
    await h.publishPractice('practice-settings.practice.created', practiceView(practiceId, 'TX'));
    await waitFor('the practice read model', async () => {
      const rows = await h.sql.query('SELECT 1 FROM client_insurance.practice_ref WHERE practice_id = $1', [
        practiceId,
      ]);
      return rows.length === 1;
    });
  });

  afterAll(async () => {
    sandbox?.stop();
    await h.tearDown();
  });

  it('checks an active policy: benefits for behavioural health in figures and words, stored encrypted', async () => {
    const policy = await newPolicy('COP12345');
    const result = await check(policy.id);
    expect(result).toMatchObject({
      policyId: policy.id,
      clientId: policy.clientId,
      date: '2026-03-10',
      outcome: 'active',
      active: true,
      planName: 'SANDBOX PPO 500',
      priorAuthorizationRequired: false,
    });
    expect(result.copays.map((c) => [c.amountCents, c.inNetwork, c.text])).toEqual([
      [2000, true, '$20.00 per visit, in network'],
    ]);
    expect(result.deductibles.find((d) => d.remaining)?.text).toBe('$0.00 left, in network');
    expect(result.outOfPocket.find((d) => d.remaining)?.amountCents).toBe(275_000);
    expect(result.messages).toContain('COPAY APPLIES PER VISIT');
    expect(result.summary[0]).toBe('Coverage is active on 2026-03-10 (SANDBOX PPO 500).');
    // The 270 went with the practice's NPI, asked as client-insurance itself.
    expect(h.callers.get('practice-settings.billing-profile.get')?.at(-1)).toMatchObject({
      kind: 'service',
      service: 'client-insurance',
    });

    const last = await h.rpc.send(
      'client-insurance.eligibility.last',
      { practiceId, policyId: policy.id },
      { actor: owner },
    );
    expect(last.check).toEqual(result);
    const [row] = await h.sql.query(
      'SELECT outcome, details_ciphertext FROM client_insurance.eligibility_check WHERE id = $1',
      [result.id],
    );
    expect(row.outcome).toBe('active');
    expect(row.details_ciphertext).not.toContain('COPAY');
    expect(row.details_ciphertext).not.toContain('SANDBOX');
  });

  it('gives the last check only, and null before any', async () => {
    const policy = await newPolicy('DED777');
    const none = await h.rpc.send(
      'client-insurance.eligibility.last',
      { practiceId, policyId: policy.id },
      { actor: owner },
    );
    expect(none).toEqual({ check: null });
    await check(policy.id, '2026-01-05');
    const second = await check(policy.id, '2026-02-05');
    const last = await h.rpc.send(
      'client-insurance.eligibility.last',
      { practiceId, policyId: policy.id },
      { actor: owner },
    );
    expect(last.check?.id).toBe(second.id);
    expect(last.check?.deductibles.find((d) => d.remaining)?.amountCents).toBe(50_000);
  });

  it('says inactive, prior authorization required, and a rejection in words', async () => {
    expect((await check((await newPolicy('INA1')).id)).outcome).toBe('inactive');
    const auth = await check((await newPolicy('AUTH1')).id);
    expect(auth.priorAuthorizationRequired).toBe(true);
    expect(auth.summary).toContain('Prior authorization is required.');
    const rejected = await check((await newPolicy('REJ1')).id);
    expect(rejected).toMatchObject({ outcome: 'rejected', active: null });
    expect(rejected.rejections).toEqual([
      expect.objectContaining({
        level: 'subscriber',
        code: '75',
        reason: expect.stringMatching(/not found/i),
      }),
    ]);
    const down = await check((await newPolicy('DOWN1')).id);
    expect(down.rejections.map((r) => [r.level, r.code])).toEqual([['payer', '42']]);
  });

  it('asks for a dependent in loop 2000D with the subscriber on the policy', async () => {
    const result = await check((await newPolicy('XJ900', 'child')).id);
    expect(result.outcome).toBe('active');
    expect(result.coinsurance.map((c) => c.text)).toEqual(['20 %, in network', '40 %, out of network']);
  });

  it("answers 404 for another practice's policy and refuses a date that does not exist", async () => {
    const policy = await newPolicy('XJ901');
    const err = await rpcError(
      h.rpc.send(
        'client-insurance.eligibility.check',
        { practiceId: otherPracticeId, policyId: policy.id },
        { actor: stranger },
      ),
    );
    expect(err.code).toBe('not_found');
    const bad = await rpcError(check(policy.id, '2026-02-30'));
    expect(bad.code).toBe('validation_failed');
  });

  it('answers unavailable, saying why, when the clearinghouse does not answer', async () => {
    const policy = await newPolicy('XJ902');
    const closed = await freePort();
    await h.stopApp(app);
    await h.start({ CLEARINGHOUSE_ELIGIBILITY_URL: `http://127.0.0.1:${closed}/x12` });
    const err = await rpcError(check(policy.id));
    expect(err).toMatchObject({ code: 'unavailable', message: 'The clearinghouse could not be reached' });
  });
});
