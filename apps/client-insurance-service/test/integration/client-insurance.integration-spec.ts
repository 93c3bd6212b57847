import { randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import { headers as natsHeaders, JSONCodec } from 'nats';
import {
  Actor,
  HEADER_ASSERTION,
  RpcErrorBody,
  servicePrincipal,
  userPrincipal,
} from '@claimline/contracts/common';
import { ClientInsuranceRpc } from '@claimline/contracts/client-insurance';
import { AssertionSigner, generateAssertionKeys } from '@claimline/backend/util-auth';
import { RpcClient } from '@claimline/backend/util-nats';
import { localBcbsPlanForState, PAYERS } from '@claimline/reference-data';
import { validateEnv } from '@claimline/backend/util-config';
import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { ClientInsuranceEnv } from '../../src/config/env';
import { DocumentKind, DocumentView } from '@claimline/contracts/documents';
import { PolicyCardsConsumer } from '../../src/policies/policy-cards.consumer';
import { address, admin, Harness, practiceView, seededPayerId } from './harness';

describe('client-insurance service over NATS (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  let app: INestMicroservice;
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };
  const owner: Actor = { userId: 'owner-1', role: 'practice_owner', practiceIds: [practiceId] };
  const otherOwner: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };
  const aetna = seededPayerId('aetna');
  const cigna = seededPayerId('cigna');
  const texasBlue = seededPayerId(localBcbsPlanForState('TX')!.key);
  const otherBlue = seededPayerId(PAYERS.find((p) => p.isBcbs && !p.states?.includes('TX'))!.key);
  const parent = {
    firstName: 'Maria',
    lastName: 'Lopez',
    birthDate: '1980-05-01',
    sex: 'F' as const,
    address,
  };

  const newClient = (extra: Record<string, unknown> = {}, actor: Actor = owner, pid = practiceId) =>
    h.rpc.send(
      'client-insurance.client.create',
      {
        practiceId: pid,
        firstName: 'Ada',
        lastName: 'Byron',
        birthDate: '1990-02-03',
        sex: 'F',
        phone: '(512) 555-0100',
        address,
        billingType: 'insurance',
        ...extra,
      },
      { actor },
    );

  beforeAll(async () => {
    await h.setUp();
    app = await h.start();
    // practice-settings announces the practice (Texas); the read model must hold it before BCBS checks.
    await h.publishPractice('practice-settings.practice.created', practiceView(practiceId, 'TX'));
    await waitFor('the practice read model', async () => {
      const rows = await h.sql.query(
        'SELECT state FROM client_insurance.practice_ref WHERE practice_id = $1',
        [practiceId],
      );
      return rows[0]?.state === 'TX';
    });
  });

  afterAll(() => h.tearDown());

  it('refuses to boot without a valid PHI encryption key', () => {
    expect(() =>
      validateEnv('client-insurance', ClientInsuranceEnv, h.serviceEnv({ PHI_ENCRYPTION_KEY: 'c2hvcnQ=' })),
    ).toThrow(/PHI_ENCRYPTION_KEY must be 32 bytes encoded in base64; it decodes to 5 bytes/);
  });

  it('keeps a client with a primary and a secondary policy, warns about a non-local BCBS plan, refuses a second primary', async () => {
    const client = await newClient();
    expect(client).toMatchObject({
      firstName: 'Ada',
      phone: '5125550100',
      billingType: 'insurance',
      active: true,
      version: 1,
    });

    const primary = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: texasBlue,
        memberId: 'xyz 123-456',
        relationship: 'self',
        groupNumber: 'G-77',
      },
      { actor: owner },
    );
    expect(primary).toMatchObject({
      order: 'primary',
      memberId: 'XYZ123456',
      relationship: 'self',
      relationshipCode: '18',
      subscriber: null,
      warnings: [],
    });
    expect(primary.payer).toMatchObject({ id: texasBlue, isBcbs: true });

    const secondary = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'secondary',
        payerId: otherBlue,
        memberId: 'ABC987',
        relationship: 'self',
      },
      { actor: owner },
    );
    expect(secondary.warnings).toEqual([expect.objectContaining({ code: 'bcbs_not_local' })]);
    expect(secondary.warnings[0].message).toContain(localBcbsPlanForState('TX')!.name);

    const duplicate = await rpcError(
      h.rpc.send(
        'client-insurance.policy.create',
        {
          practiceId,
          clientId: client.id,
          order: 'primary',
          payerId: aetna,
          memberId: 'W1',
          relationship: 'self',
        },
        { actor: owner },
      ),
    );
    expect(duplicate).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'order', rule: 'unique' }],
    });
    expect(duplicate.errors![0].message).toBe(
      'This client already has a primary insurance policy; edit or remove that one first',
    );

    const list = await h.rpc.send(
      'client-insurance.policy.list',
      { practiceId, clientId: client.id },
      { actor: owner },
    );
    expect(list.items.map((p) => [p.order, p.cards])).toEqual([
      ['primary', {}],
      ['secondary', {}],
    ]);

    // Everything is there but the card images.
    const info = await h.rpc.send(
      'client-insurance.missing-info.get',
      { practiceId, clientId: client.id },
      { actor: owner },
    );
    expect(info).toEqual({
      clientId: client.id,
      complete: false,
      missing: [
        {
          field: 'insurance.primary.card',
          message: 'Primary insurance: the insurance card (front) is not on file',
          fixAt: `/clients/${client.id}/insurance`,
        },
        {
          field: 'insurance.secondary.card',
          message: 'Secondary insurance: the insurance card (front) is not on file',
          fixAt: `/clients/${client.id}/insurance`,
        },
      ],
    });

    // Events: created for both policies, without the member ID; the practice's payer set grew.
    const created = await h.waitForEvent(
      (e) => e.type === 'client-insurance.policy.created' && e.aggregateId === secondary.id,
      'a client-insurance.policy.created event',
    );
    expect(JSON.stringify(created.data)).not.toContain('ABC987');
    expect(created.data).not.toHaveProperty('policy.cards');
    // ids and the order only (ADR 0015): not even the member ID's last digits, no subscriber
    expect(created.data).toEqual({
      policy: {
        id: secondary.id,
        practiceId,
        clientId: client.id,
        order: 'secondary',
        payerId: secondary.payer.id,
        version: 1,
        updatedAt: secondary.updatedAt,
      },
      changed: expect.any(Array),
    });
    expect(JSON.stringify(created.data)).not.toContain('C987');
    const sets = () =>
      h.eventsOf('client-insurance.practice-payers.changed').filter((e) => e.practiceId === practiceId);
    await waitFor('two payer-set changes', () => sets().length === 2);
    expect(sets().map((e) => e.data)).toEqual([
      { practiceId, payerIds: [texasBlue], added: [texasBlue], removed: [], version: 1 },
      { practiceId, payerIds: [texasBlue, otherBlue].sort(), added: [otherBlue], removed: [], version: 2 },
    ]);

    // Removing the secondary takes its payer out of the set.
    await h.rpc.send(
      'client-insurance.policy.remove',
      { practiceId, policyId: secondary.id },
      { actor: owner },
    );
    await waitFor('the payer-set shrink', () => sets().length === 3);
    expect(sets()[2].data).toEqual({
      practiceId,
      payerIds: [texasBlue],
      added: [],
      removed: [otherBlue],
      version: 3,
    });
    expect(
      await rpcError(
        h.rpc.send('client-insurance.policy.get', { practiceId, policyId: secondary.id }, { actor: owner }),
      ),
    ).toMatchObject({ code: 'not_found' });
  });

  it('puts a dependent child on a parent’s plan: subscriber required when not self, refused when self', async () => {
    const child = await newClient({ firstName: 'Leo', lastName: 'Lopez', birthDate: '2015-06-01', sex: 'M' });
    const missing = await rpcError(
      h.rpc.send(
        'client-insurance.policy.create',
        {
          practiceId,
          clientId: child.id,
          order: 'primary',
          payerId: aetna,
          memberId: 'W123456789',
          relationship: 'child',
        },
        { actor: owner },
      ),
    );
    expect(missing.errors).toEqual([expect.objectContaining({ field: 'subscriber', rule: 'required' })]);

    const incomplete = await rpcError(
      h.rpc.send(
        'client-insurance.policy.create',
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        {
          practiceId,
          clientId: child.id,
          order: 'primary',
          payerId: aetna,
          memberId: 'W123456789',
          relationship: 'child',
          subscriber: { ...parent, birthDate: undefined } as any,
        },
        { actor: owner },
      ),
    );
    expect(incomplete.errors).toEqual([
      expect.objectContaining({ field: 'subscriber.birthDate', rule: 'date' }),
    ]);

    const selfWithSubscriber = await rpcError(
      h.rpc.send(
        'client-insurance.policy.create',
        {
          practiceId,
          clientId: child.id,
          order: 'primary',
          payerId: aetna,
          memberId: 'W123456789',
          relationship: 'self',
          subscriber: parent,
        },
        { actor: owner },
      ),
    );
    expect(selfWithSubscriber.errors).toEqual([
      expect.objectContaining({ field: 'subscriber', rule: 'not_allowed' }),
    ]);

    const policy = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: child.id,
        order: 'primary',
        payerId: aetna,
        memberId: 'W123456789',
        relationship: 'child',
        subscriber: parent,
        coverageStart: '2026-01-01',
        coverageEnd: '2026-12-31',
      },
      { actor: owner },
    );
    expect(policy).toMatchObject({
      relationship: 'child',
      relationshipCode: '19',
      subscriber: parent,
      coverageStart: '2026-01-01',
    });

    const badDates = await rpcError(
      h.rpc.send(
        'client-insurance.policy.update',
        { practiceId, policyId: policy.id, version: 1, coverageEnd: '2025-12-31' },
        { actor: owner },
      ),
    );
    expect(badDates.errors).toEqual([expect.objectContaining({ field: 'coverageEnd', rule: 'after_start' })]);

    // Changing the relationship to self drops the subscriber.
    const self = await h.rpc.send(
      'client-insurance.policy.update',
      { practiceId, policyId: policy.id, version: 1, relationship: 'self' },
      { actor: owner },
    );
    expect(self).toMatchObject({ relationship: 'self', subscriber: null, version: 2 });
    const updated = await h.waitForEvent(
      (e) => e.type === 'client-insurance.policy.updated' && e.aggregateId === policy.id,
      'a client-insurance.policy.updated event',
    );
    expect((updated.data as { changed: string[] }).changed.sort()).toEqual(['relationship', 'subscriber']);
  });

  it('consumes an authorization once per key, releases it idempotently, and refuses overlapping active ranges', async () => {
    const client = await newClient({ firstName: 'Auth' });
    const policy = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: cigna,
        memberId: 'U55501',
        relationship: 'self',
      },
      { actor: owner },
    );
    const auth = await h.rpc.send(
      'client-insurance.authorization.create',
      {
        practiceId,
        policyId: policy.id,
        number: 'pa-2026-1',
        usesAuthorized: 3,
        validFrom: '2026-01-01',
        validTo: '2099-12-31',
      },
      { actor: owner },
    );
    expect(auth).toMatchObject({
      number: 'PA-2026-1',
      usesAuthorized: 3,
      usesConsumed: 0,
      usesRemaining: 3,
      active: true,
      warnings: [],
    });

    const overlap = await rpcError(
      h.rpc.send(
        'client-insurance.authorization.create',
        {
          practiceId,
          policyId: policy.id,
          number: 'PA-2',
          usesAuthorized: 5,
          validFrom: '2026-06-01',
          validTo: '2026-07-01',
        },
        { actor: owner },
      ),
    );
    expect(overlap.errors).toEqual([expect.objectContaining({ field: 'validFrom', rule: 'overlap' })]);
    const inactive = await h.rpc.send(
      'client-insurance.authorization.create',
      {
        practiceId,
        policyId: policy.id,
        number: 'PA-OLD',
        usesAuthorized: 5,
        validFrom: '2026-06-01',
        validTo: '2026-07-01',
        active: false,
      },
      { actor: owner },
    );
    expect(inactive.warnings.map((w) => w.code)).toContain('inactive');

    const claimId = randomUUID();
    const use = { practiceId, authorizationId: auth.id, key: claimId };
    const first = await h.rpc.send('client-insurance.authorization.consume', use, { actor: staff });
    const again = await h.rpc.send('client-insurance.authorization.consume', use, { actor: staff });
    expect(first).toMatchObject({ applied: true, authorization: { usesConsumed: 1, usesRemaining: 2 } });
    expect(first.authorization.warnings.map((w) => w.code)).toEqual(['few_uses_left']);
    expect(again).toMatchObject({ applied: false, authorization: { usesConsumed: 1 } });

    // Concurrent repeats of one key still count once.
    const key2 = randomUUID();
    const racing = await Promise.all(
      [1, 2, 3].map(() =>
        h.rpc.send('client-insurance.authorization.consume', { ...use, key: key2 }, { actor: staff }),
      ),
    );
    expect(racing.filter((r) => r.applied)).toHaveLength(1);
    const afterRace = await h.rpc.send(
      'client-insurance.authorization.get',
      { practiceId, authorizationId: auth.id },
      { actor: owner },
    );
    expect(afterRace.usesConsumed).toBe(2);

    const released = await h.rpc.send('client-insurance.authorization.release', use, { actor: staff });
    const releasedAgain = await h.rpc.send('client-insurance.authorization.release', use, { actor: staff });
    expect(released).toMatchObject({ applied: true, authorization: { usesConsumed: 1 } });
    expect(releasedAgain).toMatchObject({ applied: false, authorization: { usesConsumed: 1 } });
    expect(
      await rpcError(h.rpc.send('client-insurance.authorization.consume', use, { actor: staff })),
    ).toMatchObject({ code: 'conflict' });

    await h.rpc.send(
      'client-insurance.authorization.consume',
      { ...use, key: randomUUID() },
      { actor: staff },
    );
    await h.rpc.send(
      'client-insurance.authorization.consume',
      { ...use, key: randomUUID() },
      { actor: staff },
    );
    const exhausted = await rpcError(
      h.rpc.send('client-insurance.authorization.consume', { ...use, key: randomUUID() }, { actor: staff }),
    );
    expect(exhausted.errors).toEqual([
      {
        field: 'authorizationId',
        rule: 'exhausted',
        message: 'All 3 authorized visits of authorization PA-2026-1 are used',
      },
    ]);

    await waitFor(
      'the use events',
      () =>
        h.eventsOf('client-insurance.authorization.released', auth.id).length === 1 &&
        h.eventsOf('client-insurance.authorization.consumed', auth.id).length === 4,
    );
    expect(
      h
        .eventsOf('client-insurance.authorization.consumed', auth.id)
        .filter((e) => (e.data as { key: string }).key === claimId),
    ).toHaveLength(1);
  });

  it('consumes many keys of one authorization at once: each counted once, released keys and keys past the last visit refused', async () => {
    const client = await newClient({ firstName: 'Batch' });
    const policy = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: cigna,
        memberId: 'U55502',
        relationship: 'self',
      },
      { actor: owner },
    );
    const auth = await h.rpc.send(
      'client-insurance.authorization.create',
      {
        practiceId,
        policyId: policy.id,
        number: 'PA-BATCH',
        usesAuthorized: 3,
        validFrom: '2026-01-01',
        validTo: '2099-12-31',
      },
      { actor: owner },
    );
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await h.rpc.send(
      'client-insurance.authorization.consume',
      { practiceId, authorizationId: auth.id, key: a },
      { actor: staff },
    );
    await h.rpc.send(
      'client-insurance.authorization.release',
      { practiceId, authorizationId: auth.id, key: a },
      { actor: staff },
    );
    const many = await h.rpc.send(
      'client-insurance.authorization.consume-many',
      { practiceId, authorizationId: auth.id, keys: [a, b, c, d] },
      { actor: staff },
    );
    expect(many.results.map((r) => [r.key, r.outcome])).toEqual([
      [a, 'refused'],
      [b, 'applied'],
      [c, 'applied'],
      [d, 'applied'],
    ]);
    expect(many.authorization).toMatchObject({ usesConsumed: 3, usesRemaining: 0 });
    const again = await h.rpc.send(
      'client-insurance.authorization.consume-many',
      { practiceId, authorizationId: auth.id, keys: [b, c, randomUUID()] },
      { actor: staff },
    );
    expect(again.results.map((r) => r.outcome)).toEqual(['already', 'already', 'refused']);
    expect(again.results[2].reason).toBe('All 3 authorized visits of authorization PA-BATCH are used');
    expect(again.authorization.usesConsumed).toBe(3);
    await waitFor(
      'the batch use events',
      () => h.eventsOf('client-insurance.authorization.consumed', auth.id).length === 4,
    );
    const clinician = { userId: 'clin-batch', role: 'clinician' as const, practiceIds: [practiceId] };
    expect(
      (
        await rpcError(
          h.rpc.send(
            'client-insurance.authorization.consume-many',
            { practiceId, authorizationId: auth.id, keys: [randomUUID()] },
            { actor: clinician },
          ),
        )
      ).code,
    ).toBe('forbidden');
  });

  it('consumes the keys of many authorizations in one batch, each by the rules of consume-many', async () => {
    const authorizationOf = async (firstName: string, memberId: string, usesAuthorized: number) => {
      const client = await newClient({ firstName });
      const policy = await h.rpc.send(
        'client-insurance.policy.create',
        { practiceId, clientId: client.id, order: 'primary', payerId: cigna, memberId, relationship: 'self' },
        { actor: owner },
      );
      return h.rpc.send(
        'client-insurance.authorization.create',
        {
          practiceId,
          policyId: policy.id,
          number: `PA-${firstName.toUpperCase()}`,
          usesAuthorized,
          validFrom: '2026-01-01',
          validTo: '2099-12-31',
        },
        { actor: owner },
      );
    };
    const [one, two] = [
      await authorizationOf('Batchone', 'U55601', 1),
      await authorizationOf('Batchtwo', 'U55602', 5),
    ];
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const batch = await h.rpc.send(
      'client-insurance.authorization.consume-batch',
      {
        practiceId,
        uses: [
          { authorizationId: two.id, keys: [a, b] },
          { authorizationId: one.id, keys: [a, c] },
        ],
      },
      { actor: staff },
    );
    // In the order asked; the second key of `one` finds its only visit used.
    expect(batch.items.map((i) => [i.authorization.id, i.results.map((r) => r.outcome)])).toEqual([
      [two.id, ['applied', 'applied']],
      [one.id, ['applied', 'refused']],
    ]);
    expect(batch.items.map((i) => i.authorization.usesConsumed)).toEqual([2, 1]);
    expect(batch.items.map((i) => i.authorization.version)).toEqual([two.version + 1, one.version + 1]);
    // One event per visit used, as with consume-many.
    await waitFor(
      'the batch use events',
      () =>
        h.eventsOf('client-insurance.authorization.consumed', two.id).length === 2 &&
        h.eventsOf('client-insurance.authorization.consumed', one.id).length === 1,
    );
    const again = await h.rpc.send(
      'client-insurance.authorization.consume-batch',
      { practiceId, uses: [{ authorizationId: two.id, keys: [a, b] }] },
      { actor: staff },
    );
    expect(again.items[0].results.map((r) => r.outcome)).toEqual(['already', 'already']);
    // The same authorization twice, or an unknown one: refused, nothing consumed.
    const twice = await rpcError(
      h.rpc.send(
        'client-insurance.authorization.consume-batch',
        {
          practiceId,
          uses: [
            { authorizationId: two.id, keys: [randomUUID()] },
            { authorizationId: two.id, keys: [randomUUID()] },
          ],
        },
        { actor: staff },
      ),
    );
    expect(twice.errors?.map((e) => e.field)).toEqual(['uses']);
    expect(
      (
        await rpcError(
          h.rpc.send(
            'client-insurance.authorization.consume-batch',
            {
              practiceId,
              uses: [
                { authorizationId: two.id, keys: [randomUUID()] },
                { authorizationId: randomUUID(), keys: [randomUUID()] },
              ],
            },
            { actor: staff },
          ),
        )
      ).code,
    ).toBe('not_found');
    const [after] = (
      await h.rpc.send(
        'client-insurance.authorization.consume-batch',
        { practiceId, uses: [{ authorizationId: two.id, keys: [a] }] },
        { actor: staff },
      )
    ).items;
    expect(after.authorization.usesConsumed).toBe(2);
  });

  it('needs no insurance fields from a self-pay client and lists exactly what an insurance client lacks', async () => {
    const selfPay = await newClient({ billingType: 'self_pay' });
    expect(
      await h.rpc.send(
        'client-insurance.missing-info.get',
        { practiceId, clientId: selfPay.id },
        { actor: owner },
      ),
    ).toMatchObject({ complete: true, missing: [] });

    const bare = await h.rpc.send(
      'client-insurance.client.create',
      { practiceId, firstName: 'Bare', lastName: 'Minimum', billingType: 'insurance' },
      { actor: owner },
    );
    const info = await h.rpc.send(
      'client-insurance.missing-info.get',
      { practiceId, clientId: bare.id },
      { actor: owner },
    );
    expect(info.missing.map((m) => m.field)).toEqual([
      'phone',
      'address',
      'birthDate',
      'sex',
      'insurance.primary',
    ]);
    expect(info.missing[0]).toEqual({
      field: 'phone',
      message: 'Phone number is missing',
      fixAt: `/clients/${bare.id}/profile`,
    });
    expect(info.missing[4].fixAt).toBe(`/clients/${bare.id}/insurance`);
  });

  it('keeps the insurance cards on file from the documents events: the missing-info item goes and comes back, redelivery changes nothing', async () => {
    const client = await newClient({ firstName: 'Carda' });
    const policy = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: aetna,
        memberId: 'CARD1',
        relationship: 'self',
      },
      { actor: owner },
    );
    const model = app.get(PolicyCardsConsumer);
    const fields = async () =>
      (
        await h.rpc.send(
          'client-insurance.missing-info.get',
          { practiceId, clientId: client.id },
          { actor: owner },
        )
      ).missing.map((m) => m.field);
    const cards = async () =>
      (await h.rpc.send('client-insurance.policy.get', { practiceId, policyId: policy.id }, { actor: owner }))
        .cards;
    const bulk = async () =>
      (
        await h.rpc.send(
          'client-insurance.missing-info.get-many',
          { practiceId, clientIds: [client.id] },
          { actor: owner },
        )
      ).items[0].missing.map((m) => m.field);
    expect(await fields()).toEqual(['insurance.primary.card']);
    expect(await cards()).toEqual({});

    let published = 0;
    const publish = async (envelope: Parameters<Harness['publishDocumentEvent']>[0], msgId?: string) => {
      const before = model.consumer.handled;
      await h.publishDocumentEvent(envelope, msgId);
      published++;
      await waitFor(
        `the documents event ${envelope.type} to be handled`,
        () => model.consumer.handled >= before + 1,
      );
    };
    const at = (minute: number) => `2026-11-27T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const uploaded = (
      kind: DocumentKind,
      extra: Partial<Pick<DocumentView, 'practiceId' | 'linkedType' | 'linkedId'>> = {},
      minute = 0,
    ) => {
      const document = {
        id: randomUUID(),
        practiceId,
        linkedType: 'policy',
        linkedId: policy.id,
        kind,
        originalName: 'card.jpg',
        sizeBytes: 1000,
        contentType: 'image/jpeg',
        sha256: '0'.repeat(64),
        uploadedBy: 'owner-1',
        uploadedAt: at(minute),
        preview: null,
        ...extra,
      } as DocumentView;
      return {
        id: randomUUID(),
        type: 'documents.document.uploaded' as const,
        occurredAt: document.uploadedAt,
        aggregateId: document.id,
        practiceId: document.practiceId,
        actorId: 'owner-1',
        data: { document },
      };
    };
    const removed = (documentId: string, minute: number, pid = practiceId) => ({
      id: randomUUID(),
      type: 'documents.document.removed' as const,
      occurredAt: at(minute),
      aggregateId: documentId,
      practiceId: pid,
      actorId: 'owner-1',
      data: { documentId, practiceId: pid, linkedType: 'policy' as const, linkedId: policy.id },
    });

    // The front arrives: the item goes, in the single and the bulk answer; the policy shows the image.
    const front = uploaded('insurance_card_front', {}, 1);
    await publish(front);
    expect(await fields()).toEqual([]);
    expect(await bulk()).toEqual([]);
    expect(await cards()).toEqual({ front: front.data.document.id });

    // A back is shown too; what is not a card of this practice's policy is not.
    const back = uploaded('insurance_card_back', {}, 2);
    await publish(back);
    await publish(uploaded('insurance_card_front', { practiceId: otherPracticeId }, 3));
    await publish(uploaded('insurance_card_front', { linkedType: 'client', linkedId: client.id }, 4));
    await publish(uploaded('eob', {}, 5));
    expect(await cards()).toEqual({ front: front.data.document.id, back: back.data.document.id });

    // A newer front replaces it on the policy; removing that one falls back to the older one.
    const newer = uploaded('insurance_card_front', {}, 6);
    await publish(newer);
    expect(await cards()).toEqual({ front: newer.data.document.id, back: back.data.document.id });
    await publish(removed(newer.data.document.id, 7));
    expect(await cards()).toEqual({ front: front.data.document.id, back: back.data.document.id });

    // The last front removed: the item comes back (a back alone does not satisfy it).
    const frontRemoved = removed(front.data.document.id, 8);
    await publish(frontRemoved);
    expect(await fields()).toEqual(['insurance.primary.card']);
    expect(await bulk()).toEqual(['insurance.primary.card']);
    expect(await cards()).toEqual({ back: back.data.document.id });

    // Redelivered long after the duplicate window (same events, new message ids): no effect.
    await publish(front, randomUUID());
    await publish(frontRemoved, randomUUID());
    expect(await fields()).toEqual(['insurance.primary.card']);
    expect(await cards()).toEqual({ back: back.data.document.id });
    const inbox = await h.sql.query(
      `SELECT event_id, count(*)::int AS n FROM client_insurance.inbox WHERE consumer = 'client-insurance-documents' AND event_id = ANY($1::uuid[]) GROUP BY event_id`,
      [[front.id, frontRemoved.id]],
    );
    expect(inbox.map((r: { n: number }) => r.n)).toEqual([1, 1]);

    // A removal handled before its upload (out of order across replicas) still wins.
    const late = uploaded('insurance_card_front', {}, 9);
    await publish(removed(late.data.document.id, 10));
    await publish(late);
    expect(await fields()).toEqual(['insurance.primary.card']);
    expect(published).toBe(12);
  });

  it('answers not_found for another practice’s client, exactly like a missing one', async () => {
    const theirs = await newClient({}, admin, otherPracticeId);
    const missing = await rpcError(
      h.rpc.send(
        'client-insurance.client.get',
        { practiceId: otherPracticeId, clientId: randomUUID() },
        { actor: otherOwner },
      ),
    );
    const hidden = await rpcError(
      h.rpc.send(
        'client-insurance.client.get',
        { practiceId: otherPracticeId, clientId: theirs.id },
        { actor: owner },
      ),
    );
    const wrongPractice = await rpcError(
      h.rpc.send('client-insurance.client.get', { practiceId, clientId: theirs.id }, { actor: owner }),
    );
    expect(hidden.code).toBe('not_found');
    expect(wrongPractice.code).toBe('not_found');
    expect(missing.code).toBe('not_found');
    // Another practice is refused before any record is looked at, exactly like a practice that does not exist (issue #13).
    const absentPractice = randomUUID();
    h.absentPractices.add(absentPractice);
    const nowhere = await rpcError(
      h.rpc.send(
        'client-insurance.client.get',
        { practiceId: absentPractice, clientId: theirs.id },
        { actor: admin },
      ),
    );
    expect(hidden.message.replace(otherPracticeId, 'X')).toBe(nowhere.message.replace(absentPractice, 'X'));
    expect(
      await rpcError(
        h.rpc.send(
          'client-insurance.client.update',
          { practiceId: otherPracticeId, clientId: theirs.id, version: 1, firstName: 'Mine' },
          { actor: owner },
        ),
      ),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await rpcError(
        h.rpc.send(
          'client-insurance.missing-info.get',
          { practiceId: otherPracticeId, clientId: theirs.id },
          { actor: owner },
        ),
      ),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(
      await rpcError(
        h.rpc.send(
          'client-insurance.policy.create',
          {
            practiceId,
            clientId: theirs.id,
            order: 'primary',
            payerId: aetna,
            memberId: 'Z1',
            relationship: 'self',
          },
          { actor: owner },
        ),
      ),
    ).toMatchObject({ code: 'not_found' });
    // Another practice's list is not found (issue #13; it used to answer an empty page).
    const list = await rpcError(
      h.rpc.send('client-insurance.client.list', { practiceId: otherPracticeId }, { actor: owner }),
    );
    expect(list).toMatchObject({ code: 'not_found' });
  });

  it('answers a stale update with conflict and the current version', async () => {
    const client = await newClient({ firstName: 'Stale' });
    const updated = await h.rpc.send(
      'client-insurance.client.update',
      { practiceId, clientId: client.id, version: 1, phone: '512.555.0199', preferredName: 'Addie' },
      { actor: owner },
    );
    expect(updated).toMatchObject({ phone: '5125550199', preferredName: 'Addie', version: 2 });
    const stale = await rpcError(
      h.rpc.send(
        'client-insurance.client.update',
        { practiceId, clientId: client.id, version: 1, lastName: 'Other' },
        { actor: owner },
      ),
    );
    expect(stale).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });
    const event = await h.waitForEvent(
      (e) => e.type === 'client-insurance.client.updated' && e.aggregateId === client.id,
      'a client-insurance.client.updated event',
    );
    expect((event.data as { changed: string[] }).changed.sort()).toEqual(['phone', 'preferredName']);
    // the event names the client, never its name, birth date, contact details or address (ADR 0015)
    expect((event.data as { client: unknown }).client).toEqual({
      id: client.id,
      practiceId,
      billingType: updated.billingType,
      active: true,
      version: 2,
      updatedAt: updated.updatedAt,
    });
    for (const phi of [client.firstName, client.lastName, 'Addie', '5125550199', client.birthDate])
      if (phi) expect(JSON.stringify(event.data)).not.toContain(phi);

    const policy = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: aetna,
        memberId: 'S1',
        relationship: 'self',
      },
      { actor: owner },
    );
    await h.rpc.send(
      'client-insurance.policy.update',
      { practiceId, policyId: policy.id, version: 1, groupNumber: 'G1' },
      { actor: owner },
    );
    expect(
      await rpcError(
        h.rpc.send(
          'client-insurance.policy.update',
          { practiceId, policyId: policy.id, version: 1, planName: 'PPO' },
          { actor: owner },
        ),
      ),
    ).toMatchObject({
      code: 'conflict',
      details: { currentVersion: 2 },
    });
  });

  it('stores the member ID encrypted and finds it by exact value through the blind index', async () => {
    const client = await newClient({ firstName: 'Crypto' });
    const policy = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: aetna,
        memberId: 'qwe-987 654 321',
        relationship: 'self',
      },
      { actor: owner },
    );
    expect(policy.memberId).toBe('QWE987654321');
    const [raw] = await h.sql.query('SELECT * FROM client_insurance.insurance_policy WHERE id = $1', [
      policy.id,
    ]);
    expect(JSON.stringify(raw)).not.toMatch(/QWE-?987/i);
    expect(raw.member_id_ciphertext).toMatch(/^v1\./);
    expect(raw.member_id_hmac).toMatch(/^[0-9a-f]{64}$/);

    const found = await h.rpc.send(
      'client-insurance.policy.find-by-member-id',
      { practiceId, memberId: 'QWE 987-654-321' },
      { actor: owner },
    );
    expect(found.items.map((p) => p.id)).toEqual([policy.id]);
    const partial = await h.rpc.send(
      'client-insurance.policy.find-by-member-id',
      { practiceId, memberId: 'QWE987' },
      { actor: owner },
    );
    expect(partial.items).toEqual([]);
    const otherPractice = await h.rpc.send(
      'client-insurance.policy.find-by-member-id',
      { practiceId: otherPracticeId, memberId: 'QWE987654321' },
      { actor: admin },
    );
    expect(otherPractice.items).toEqual([]);

    const badId = await rpcError(
      h.rpc.send(
        'client-insurance.policy.create',
        {
          practiceId,
          clientId: client.id,
          order: 'secondary',
          payerId: aetna,
          memberId: 'AB#1',
          relationship: 'self',
        },
        { actor: owner },
      ),
    );
    expect(badId.errors).toEqual([
      {
        field: 'memberId',
        rule: 'member_id',
        message: 'Member ID AB#1 may contain only letters and digits; remove "#"',
      },
    ]);
  });

  it('shows member IDs whole to admins, billing staff and owners and masked to clinicians, who cannot store the mask', async () => {
    const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };
    const clinician: Actor = { userId: 'clin-1', role: 'clinician', practiceIds: [practiceId] };
    const client = await newClient({ firstName: 'Masked' });
    const created = await h.rpc.send(
      'client-insurance.policy.create',
      {
        practiceId,
        clientId: client.id,
        order: 'primary',
        payerId: aetna,
        memberId: 'MSK 555-4321',
        relationship: 'self',
      },
      { actor: clinician },
    );
    expect(created).toMatchObject({ memberId: '****4321', memberIdMasked: true });
    const ref = { practiceId, policyId: created.id };
    for (const [actor, memberId, masked] of [
      [admin, 'MSK5554321', false],
      [staff, 'MSK5554321', false],
      [owner, 'MSK5554321', false],
      [clinician, '****4321', true],
    ] as const) {
      const one = await h.rpc.send('client-insurance.policy.get', ref, { actor });
      const listed = await h.rpc.send(
        'client-insurance.policy.list',
        { practiceId, clientId: client.id },
        { actor },
      );
      const found = await h.rpc.send(
        'client-insurance.policy.find-by-member-id',
        { practiceId, memberId: 'MSK5554321' },
        { actor },
      );
      for (const view of [one, listed.items[0], found.items[0]])
        expect([actor.role, view.memberId, view.memberIdMasked]).toEqual([actor.role, memberId, masked]);
    }
    // A clinician who sends the mask back (an edit form that round-trips it) is refused on memberId
    // and the stored ID stays; leaving memberId out changes the rest.
    const back = await rpcError(
      h.rpc.send(
        'client-insurance.policy.update',
        { ...ref, version: 1, memberId: '****4321' },
        { actor: clinician },
      ),
    );
    expect(back).toMatchObject({ code: 'validation_failed', errors: [{ field: 'memberId' }] });
    const edited = await h.rpc.send(
      'client-insurance.policy.update',
      { ...ref, version: 1, groupNumber: 'G-9' },
      { actor: clinician },
    );
    expect(edited).toMatchObject({ groupNumber: 'G-9', memberId: '****4321', version: 2 });
    expect((await h.rpc.send('client-insurance.policy.get', ref, { actor: staff })).memberId).toBe(
      'MSK5554321',
    );
    // a clinician may still type a new member ID in full
    const retyped = await h.rpc.send(
      'client-insurance.policy.update',
      { ...ref, version: 2, memberId: 'NEW 000 1111' },
      { actor: clinician },
    );
    expect(retyped).toMatchObject({ memberId: '****1111', memberIdMasked: true });
    expect((await h.rpc.send('client-insurance.policy.get', ref, { actor: owner })).memberId).toBe(
      'NEW0001111',
    );
  });

  it('answers missing-info for many clients in one call, flagging ids it does not know', async () => {
    const created = [];
    for (let batch = 0; batch < 10; batch++) {
      created.push(
        ...(await Promise.all(
          Array.from({ length: 25 }, (_, i) =>
            h.rpc.send(
              'client-insurance.client.create',
              {
                practiceId,
                firstName: `Bulk${batch}`,
                lastName: `Client${i}`,
                billingType: i % 2 === 0 ? 'self_pay' : 'insurance',
                phone: '5125550100',
                address,
                birthDate: '2000-01-01',
                sex: 'U',
              },
              { actor: owner },
            ),
          ),
        )),
      );
    }
    const unknown = randomUUID();
    const ids = [...created.map((c) => c.id), unknown];
    const result = await h.rpc.send(
      'client-insurance.missing-info.get-many',
      { practiceId, clientIds: ids },
      { actor: owner },
    );
    expect(result.items).toHaveLength(250);
    expect(result.notFound).toEqual([unknown]);
    for (const item of result.items) {
      const client = created.find((c) => c.id === item.clientId)!;
      expect(item.missing.map((m) => m.field)).toEqual(
        client.billingType === 'self_pay' ? [] : ['insurance.primary'],
      );
    }
    const tooMany = await rpcError(
      h.rpc.send(
        'client-insurance.missing-info.get-many',
        { practiceId, clientIds: Array.from({ length: 1001 }, () => randomUUID()) },
        { actor: owner },
      ),
    );
    expect(tooMany.errors?.[0]).toMatchObject({ field: 'clientIds', rule: 'arrayMaxSize' });
    // Another practice's list is not found, like a by-id route (issue #13; it used to answer an empty list).
    const scoped = await rpcError(
      h.rpc.send(
        'client-insurance.missing-info.get-many',
        { practiceId, clientIds: ids.slice(0, 3) },
        { actor: otherOwner },
      ),
    );
    expect(scoped).toMatchObject({ code: 'not_found', message: `Practice ${practiceId} was not found` });
  });

  it('searches clients by name prefix (first or last, any case) and birth date, paginated', async () => {
    await newClient({ firstName: 'Zelda', lastName: 'Quintero', birthDate: '1970-07-07' });
    await newClient({ firstName: 'Quinn', lastName: 'Adams', birthDate: '1971-01-01' });
    const byPrefix = await h.rpc.send(
      'client-insurance.client.list',
      { practiceId, search: 'QUIN' },
      { actor: owner },
    );
    expect(byPrefix.items.map((c) => `${c.firstName} ${c.lastName}`)).toEqual([
      'Quinn Adams',
      'Zelda Quintero',
    ]);
    const both = await h.rpc.send(
      'client-insurance.client.list',
      { practiceId, search: 'zel quin' },
      { actor: owner },
    );
    expect(both.items.map((c) => c.firstName)).toEqual(['Zelda']);
    const byDate = await h.rpc.send(
      'client-insurance.client.list',
      { practiceId, birthDate: '1970-07-07' },
      { actor: owner },
    );
    expect(byDate.items.map((c) => c.firstName)).toEqual(['Zelda']);
    const page = await h.rpc.send(
      'client-insurance.client.list',
      { practiceId, search: 'bulk', limit: 10, offset: 5 },
      { actor: owner },
    );
    expect(page).toMatchObject({ total: 250, limit: 10, offset: 5 });
    expect(page.items).toHaveLength(10);
    const literal = await h.rpc.send(
      'client-insurance.client.list',
      { practiceId, search: '%' },
      { actor: owner },
    );
    expect(literal.total).toBe(0);
  });

  it('serves the payer directory: seeded, searchable by name, payer ID and state; edited by staff only', async () => {
    const byName = await h.rpc.send('client-insurance.payer.search', { search: 'aet' }, { actor: owner });
    expect(byName.items[0]).toMatchObject({
      id: aetna,
      key: 'aetna',
      payerIds: { default: '60054' },
      verified: true,
    });
    const byId = await h.rpc.send('client-insurance.payer.search', { search: '62308' }, { actor: owner });
    expect(byId.items.map((p) => p.key)).toEqual(['cigna']);
    const texas = await h.rpc.send(
      'client-insurance.payer.search',
      { search: 'blue', state: 'TX' },
      { actor: owner },
    );
    expect(texas.items[0].id).toBe(texasBlue);
    expect(texas.items.every((p) => p.states.length === 0 || p.states.includes('TX'))).toBe(true);

    const body = {
      name: 'Lone Star Behavioral',
      payerIds: { default: 'ls001', availity: 'LSB01' },
      kind: 'behavioral' as const,
      states: ['TX'],
      isBcbs: false,
      claimFilingEnrollmentRequired: true,
      eraSupported: false,
      eraEnrollmentRequired: true,
    };
    expect(await rpcError(h.rpc.send('client-insurance.payer.create', body, { actor: owner }))).toMatchObject(
      { code: 'forbidden' },
    );
    const payer = await h.rpc.send('client-insurance.payer.create', body, { actor: staff });
    expect(payer).toMatchObject({
      key: null,
      payerIds: { default: 'LS001', availity: 'LSB01' },
      eraEnrollmentRequired: false,
      verified: false,
      version: 1,
    });
    const edited = await h.rpc.send(
      'client-insurance.payer.update',
      { payerId: payer.id, version: 1, verified: true },
      { actor: staff },
    );
    expect(edited).toMatchObject({ verified: true, version: 2 });
    expect(
      await rpcError(
        h.rpc.send(
          'client-insurance.payer.update',
          { payerId: payer.id, version: 1, name: 'X' },
          { actor: staff },
        ),
      ),
    ).toMatchObject({
      code: 'conflict',
      details: { currentVersion: 2 },
    });
    const found = await h.rpc.send('client-insurance.payer.search', { search: 'lsb01' }, { actor: owner });
    expect(found.items.map((p) => p.id)).toEqual([payer.id]);
    await h.waitForEvent(
      (e) => e.type === 'client-insurance.payer.updated' && e.aggregateId === payer.id,
      'a client-insurance.payer.updated event',
    );
  });

  describe('caller assertions and authorization (issue #13)', () => {
    const codec = JSONCodec<unknown>();
    const raw = async (subject: string, data: unknown, headers?: ReturnType<typeof natsHeaders>) => {
      const packet = { pattern: subject, data: { actor: admin, data }, id: randomUUID() };
      const msg = await h.nc.request(h.events.rpcPrefix + subject, codec.encode(packet), {
        timeout: 10_000,
        ...(headers && { headers }),
      });
      return codec.decode(msg.data) as { err?: RpcErrorBody; response?: unknown };
    };

    it('refuses a request whose body names an admin but carries no valid assertion', async () => {
      await newClient();
      const unsigned = await raw('client-insurance.client.list', { practiceId });
      expect(unsigned.response).toBeUndefined();
      expect(unsigned.err).toMatchObject({ code: 'unauthenticated', details: { reason: 'missing' } });

      const stranger = new AssertionSigner('api-gateway', generateAssertionKeys().privateKey);
      const forged = natsHeaders();
      forged.set(
        HEADER_ASSERTION,
        stranger.sign('client-insurance.client.list', { practiceId }, userPrincipal(admin)),
      );
      expect((await raw('client-insurance.client.list', { practiceId }, forged)).err).toMatchObject({
        code: 'unauthenticated',
        details: { reason: 'bad_signature' },
      });

      // A genuine assertion for one request, replayed onto another subject or another practice.
      const gateway = h.trust.signer('api-gateway');
      const genuine = natsHeaders();
      genuine.set(
        HEADER_ASSERTION,
        gateway.sign('client-insurance.client.list', { practiceId }, userPrincipal(owner)),
      );
      expect((await raw('client-insurance.client.list', { practiceId }, genuine)).response).toMatchObject({
        total: expect.any(Number),
      });
      expect((await raw('client-insurance.policy.list', { practiceId }, genuine)).err).toMatchObject({
        code: 'unauthenticated',
        details: { reason: 'wrong_subject' },
      });
      expect(
        (await raw('client-insurance.client.list', { practiceId: otherPracticeId }, genuine)).err,
      ).toMatchObject({ code: 'unauthenticated', details: { reason: 'wrong_body' } });
    });

    it('lets a service call only the handlers that name it, with the rights it claims', async () => {
      const asEnrollments = new RpcClient<ClientInsuranceRpc>(
        h.nc,
        10_000,
        h.events.rpcPrefix,
        h.trust.signer('enrollments'),
      );
      const payers = await asEnrollments.send(
        'client-insurance.payer.search',
        { limit: 1 },
        { principal: servicePrincipal('enrollments', ['client-insurance.payer.search']) },
      );
      expect(payers.items).toHaveLength(1);
      expect(
        await rpcError(
          asEnrollments.send(
            'client-insurance.client.list',
            { practiceId },
            { principal: servicePrincipal('enrollments', ['client-insurance.client.list'], [practiceId]) },
          ),
        ),
      ).toMatchObject({ code: 'forbidden' });
      // Only the gateway asserts users: enrollments cannot pass itself off as an admin.
      expect(
        await rpcError(
          asEnrollments.send(
            'client-insurance.client.list',
            { practiceId },
            { principal: userPrincipal(admin) },
          ),
        ),
      ).toMatchObject({ code: 'unauthenticated', details: { reason: 'principal_not_allowed' } });
    });

    it('answers not_found for every list of another practice and of a practice that does not exist', async () => {
      const nowhere = randomUUID();
      h.absentPractices.add(nowhere);
      const client = await newClient();
      const lists = (pid: string) =>
        [
          ['client-insurance.client.list', { practiceId: pid }],
          ['client-insurance.policy.list', { practiceId: pid, clientId: client.id }],
          ['client-insurance.missing-info.get', { practiceId: pid, clientId: client.id }],
          ['client-insurance.missing-info.get-many', { practiceId: pid, clientIds: [client.id] }],
          ['client-insurance.authorization.list', { practiceId: pid, policyId: randomUUID() }],
        ] as const;
      for (const [subject, data] of lists(practiceId)) {
        const theirs = await rpcError(h.rpc.send(subject, data as never, { actor: otherOwner }));
        expect({ subject, ...theirs }).toMatchObject({
          subject,
          code: 'not_found',
          message: `Practice ${practiceId} was not found`,
        });
      }
      for (const [subject, data] of lists(nowhere)) {
        const missing = await rpcError(h.rpc.send(subject, data as never, { actor: admin }));
        expect({ subject, ...missing }).toMatchObject({
          subject,
          code: 'not_found',
          message: `Practice ${nowhere} was not found`,
        });
      }
    });
  });
});
