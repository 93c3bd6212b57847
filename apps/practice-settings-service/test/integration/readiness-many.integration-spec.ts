import { randomUUID } from 'node:crypto';
import { servicePrincipal } from '@claimline/contracts/common';
import type { PracticeSettingsRpc } from '@claimline/contracts/practice-settings';
import { RpcClient } from '@claimline/backend/util-nats';
import { rpcError } from '@claimline/backend/util-testing';
import { address, admin, Harness } from './harness';

const SUBJECT = 'practice-settings.readiness.get-many';

/** Practice settings' own checklist of many practices, as claims-service asks for one page of its unbilled list. */
describe('practice-settings: readiness of many practices for claims (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  let asClaims: RpcClient<PracticeSettingsRpc>;

  beforeAll(async () => {
    await h.setUp();
    await h.start();
    asClaims = new RpcClient<PracticeSettingsRpc>(h.nc, 10_000, h.events.rpcPrefix, h.trust.signer('claims'));
  });

  afterAll(() => h.tearDown());

  const practice = (name: string) =>
    h.rpc.send(
      'practice-settings.practice.create',
      { type: 'solo', name, phone: '(512) 555-0100', address },
      { actor: admin },
    );

  it('answers each practice’s own items in one call; one out of the caller’s scope or missing is notFound', async () => {
    const [a, b, outside] = [
      await practice('Alder Therapy'),
      await practice('Birch Counseling'),
      await practice('Cedar'),
    ];
    const nowhere = randomUUID();
    const reply = await asClaims.send(
      SUBJECT,
      { practiceIds: [a.id, b.id, outside.id, nowhere] },
      { principal: servicePrincipal('claims', [SUBJECT], [a.id, b.id, nowhere]) },
    );
    expect(reply.items.map((i) => i.practiceId).sort()).toEqual([a.id, b.id].sort());
    expect(reply.notFound.sort()).toEqual([outside.id, nowhere].sort());
    const items = reply.items.find((i) => i.practiceId === a.id)!.items;
    expect(items.every((i) => i.source === 'practice-settings')).toBe(true);
    expect(items.find((i) => i.key === 'practice-settings.tax-id')).toMatchObject({
      status: 'missing',
      missing: [{ field: 'billingProfile.taxId' }],
    });
    // The same items readiness.get gives for the practice (without other services' items).
    const one = await h.rpc.send('practice-settings.readiness.get', { practiceId: a.id }, { actor: admin });
    expect(items).toEqual(one.items.filter((i) => i.source === 'practice-settings'));
  });

  it('is claims’ alone', async () => {
    const a = await practice('Dogwood');
    expect(await rpcError(h.rpc.send(SUBJECT, { practiceIds: [a.id] }, { actor: admin }))).toMatchObject({
      code: 'forbidden',
    });
  });
});
