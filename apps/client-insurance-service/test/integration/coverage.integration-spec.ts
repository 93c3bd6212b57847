import { randomUUID } from 'node:crypto';
import { type Actor, servicePrincipal } from '@claimline/contracts/common';
import type { ClientInsuranceRpc } from '@claimline/contracts/client-insurance';
import { RpcClient } from '@claimline/backend/util-nats';
import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { address, Harness, practiceView, seededPayerId } from './harness';

/**
 * The bulk reads claims-service makes for one page of its unbilled list: the primary coverage of
 * many clients (ids, payer, authorizations) and their missing info, asked as claims itself.
 */
describe('client-insurance: coverage and missing info in bulk for claims (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };
  const aetna = seededPayerId('aetna');
  const cigna = seededPayerId('cigna');
  let asClaims: RpcClient<ClientInsuranceRpc>;
  const claims = (subject: keyof ClientInsuranceRpc & string, pid = practiceId) => ({
    principal: servicePrincipal('claims', [subject], [pid]),
  });

  const newClient = async (extra: Record<string, unknown> = {}) =>
    h.rpc.send(
      'client-insurance.client.create',
      {
        practiceId,
        firstName: 'Ada',
        lastName: 'Byron',
        birthDate: '1990-02-03',
        sex: 'F',
        phone: '(512) 555-0100',
        address,
        billingType: 'insurance',
        ...extra,
      },
      { actor: owner },
    );
  const newPolicy = (clientId: string, payerId: string, order = 'primary') =>
    h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId,
        order,
        payerId,
        memberId: `M${Math.floor(Math.random() * 1e8)}`,
        relationship: 'self',
      } as never,
      { actor: owner },
    );

  beforeAll(async () => {
    await h.setUp();
    await h.start();
    await h.publishPractice('practice-settings.practice.created', practiceView(practiceId, 'TX'));
    await waitFor('the practice read model', async () => {
      const rows = await h.sql.query('SELECT 1 FROM client_insurance.practice_ref WHERE practice_id = $1', [
        practiceId,
      ]);
      return rows.length === 1;
    });
    asClaims = new RpcClient<ClientInsuranceRpc>(h.nc, 10_000, h.events.rpcPrefix, h.trust.signer('claims'));
  });

  afterAll(() => h.tearDown());

  it('gives each client’s primary policy with its payer and authorizations, by clients or by payer', async () => {
    const [withAuth, plain, none] = [await newClient(), await newClient(), await newClient()];
    const aetnaPolicy = await newPolicy(withAuth.id, aetna);
    await newPolicy(withAuth.id, cigna, 'secondary');
    const cignaPolicy = await newPolicy(plain.id, cigna);
    const auth = await h.rpc.send(
      'client-insurance.authorization.create',
      {
        practiceId,
        policyId: aetnaPolicy.id,
        number: 'PA-1',
        usesAuthorized: 5,
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      },
      { actor: owner },
    );

    const byClients = await asClaims.send(
      'client-insurance.coverage.get-many',
      { practiceId, clientIds: [withAuth.id, plain.id, none.id] },
      claims('client-insurance.coverage.get-many'),
    );
    const sorted = [...byClients.items].sort((a, b) =>
      a.clientId === withAuth.id ? -1 : b.clientId === withAuth.id ? 1 : 0,
    );
    expect(sorted).toEqual([
      {
        clientId: withAuth.id,
        policyId: aetnaPolicy.id,
        payer: { id: aetna, name: aetnaPolicy.payer.name },
        authorizations: [expect.objectContaining({ id: auth.id, number: 'PA-1', usesRemaining: 5 })],
      },
      {
        clientId: plain.id,
        policyId: cignaPolicy.id,
        payer: { id: cigna, name: cignaPolicy.payer.name },
        authorizations: [],
      },
    ]);
    // No member ID leaves for this read.
    expect(JSON.stringify(byClients)).not.toContain('memberId');

    const byPayer = await asClaims.send(
      'client-insurance.coverage.get-many',
      { practiceId, payerId: cigna },
      claims('client-insurance.coverage.get-many'),
    );
    expect(byPayer.items.map((i) => i.clientId)).toEqual([plain.id]);

    const missing = await asClaims.send(
      'client-insurance.missing-info.get-many',
      { practiceId, clientIds: [none.id] },
      claims('client-insurance.missing-info.get-many'),
    );
    expect(missing.items[0].missing.map((m) => m.field)).toEqual(['insurance.primary']);
  });

  it('with detail, also gives each client and its whole primary policy, as a claim copies them', async () => {
    const [insured, uninsured] = [await newClient({ lastName: 'Lovelace' }), await newClient()];
    const policy = await newPolicy(insured.id, aetna);
    const { items } = await asClaims.send(
      'client-insurance.coverage.get-many',
      { practiceId, clientIds: [insured.id, uninsured.id], detail: true },
      claims('client-insurance.coverage.get-many'),
    );
    // The client without a primary policy is absent, as without detail.
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      clientId: insured.id,
      policyId: policy.id,
      client: { id: insured.id, lastName: 'Lovelace', birthDate: '1990-02-03' },
      policy: { id: policy.id, order: 'primary', memberIdMasked: false, payer: { id: aetna } },
    });
    // The whole member ID (a claim carries it), as policy.get gives it to a service.
    const whole = await h.rpc.send(
      'client-insurance.policy.get',
      { practiceId, policyId: policy.id },
      { actor: owner },
    );
    expect(items[0].policy?.memberId).toMatch(/^M\d+$/);
    expect(items[0].policy?.memberId.slice(-4)).toBe(whole.memberId.slice(-4));
    const invalid = await rpcError(
      asClaims.send(
        'client-insurance.coverage.get-many',
        { practiceId, clientIds: [insured.id], detail: 'yes' } as never,
        claims('client-insurance.coverage.get-many'),
      ),
    );
    expect(invalid.errors?.map((e) => e.field)).toEqual(['detail']);
  });

  it('with missingInfo, also answers each named client’s missing info in the same call', async () => {
    const [noPhone, insured] = [await newClient({ phone: undefined }), await newClient()];
    await newPolicy(insured.id, aetna);
    const both = await asClaims.send(
      'client-insurance.coverage.get-many',
      { practiceId, clientIds: [noPhone.id, insured.id, randomUUID()], missingInfo: true },
      claims('client-insurance.coverage.get-many'),
    );
    expect(both.items.map((i) => i.clientId)).toEqual([insured.id]);
    // As missing-info.get-many answers it: the client of no practice is left out.
    const alone = await asClaims.send(
      'client-insurance.missing-info.get-many',
      { practiceId, clientIds: [noPhone.id, insured.id] },
      claims('client-insurance.missing-info.get-many'),
    );
    expect(both.missingInfo).toEqual(alone.items);
    expect(both.missingInfo?.[0].missing.map((m) => m.field)).toContain('phone');
    const byPayer = await rpcError(
      asClaims.send(
        'client-insurance.coverage.get-many',
        { practiceId, payerId: aetna, missingInfo: true },
        claims('client-insurance.coverage.get-many'),
      ),
    );
    expect(byPayer.errors?.map((e) => e.field)).toEqual(['missingInfo']);
  });

  it('is claims’ alone, scoped to the practice it names, and needs clients or a payer', async () => {
    expect(
      await rpcError(
        h.rpc.send(
          'client-insurance.coverage.get-many',
          { practiceId, clientIds: [randomUUID()] },
          { actor: owner },
        ),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await rpcError(
        asClaims.send(
          'client-insurance.coverage.get-many',
          { practiceId, clientIds: [randomUUID()] },
          claims('client-insurance.coverage.get-many', otherPracticeId),
        ),
      ),
    ).toMatchObject({ code: 'not_found' });
    const neither = await rpcError(
      asClaims.send(
        'client-insurance.coverage.get-many',
        { practiceId },
        claims('client-insurance.coverage.get-many'),
      ),
    );
    expect(new Set(neither.errors?.map((e) => e.field))).toEqual(new Set(['clientIds']));
  });
});
