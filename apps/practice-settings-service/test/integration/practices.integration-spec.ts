import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { address, admin, Harness } from './harness';

describe('practice-settings service over NATS (real PostgreSQL and NATS)', () => {
  const h = new Harness();
  beforeAll(async () => {
    await h.setUp();
    await h.start();
  });

  afterAll(() => h.tearDown());

  it('creates, reads, lists and updates a practice, emitting created and updated events', async () => {
    const created = await h.rpc.send(
      'practice-settings.practice.create',
      { type: 'group', name: 'Harbor Counseling', phone: '(512) 555-0100', address },
      { actor: admin },
    );
    expect(created).toMatchObject({ type: 'group', name: 'Harbor Counseling', version: 1, address });

    const read = await h.rpc.send(
      'practice-settings.practice.get',
      { practiceId: created.id },
      { actor: admin },
    );
    expect(read).toEqual(created);

    const updated = await h.rpc.send(
      'practice-settings.practice.update',
      { practiceId: created.id, version: 1, phone: '(512) 555-0199' },
      { actor: admin },
    );
    expect(updated.phone).toBe('(512) 555-0199');
    expect(updated.version).toBe(2);

    const stale = await rpcError(
      h.rpc.send(
        'practice-settings.practice.update',
        { practiceId: created.id, version: 1, name: 'Other' },
        { actor: admin },
      ),
    );
    expect(stale).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });

    await h.waitForEffects(2);
    const mine = h.seen.filter((e) => e.aggregateId === created.id);
    expect(mine.map((e) => e.type)).toEqual([
      'practice-settings.practice.created',
      'practice-settings.practice.updated',
    ]);
    expect(mine[1].data).toMatchObject({ changed: ['phone'], practice: { version: 2 } });
    expect(mine[0].actorId).toBe('admin-1');

    const page = await h.rpc.send(
      'practice-settings.practice.list',
      { search: 'harb', limit: 10 },
      { actor: admin },
    );
    expect(page.items.map((p) => p.id)).toContain(created.id);
  });

  it('scopes every query to the practices the actor may see: another practice answers not found', async () => {
    const a = await h.rpc.send(
      'practice-settings.practice.create',
      { type: 'solo', name: 'A Practice', phone: '5125550101', address },
      { actor: admin },
    );
    const b = await h.rpc.send(
      'practice-settings.practice.create',
      { type: 'solo', name: 'B Practice', phone: '5125550102', address },
      { actor: admin },
    );
    const owner = { userId: 'owner-a', role: 'practice_owner' as const, practiceIds: [a.id] };

    const list = await h.rpc.send('practice-settings.practice.list', {}, { actor: owner });
    expect(list.items.map((p) => p.id)).toEqual([a.id]);
    expect(list.total).toBe(1);

    expect(
      await rpcError(h.rpc.send('practice-settings.practice.get', { practiceId: b.id }, { actor: owner })),
    ).toMatchObject({
      code: 'not_found',
    });
    expect(
      await rpcError(
        h.rpc.send(
          'practice-settings.practice.update',
          { practiceId: b.id, version: 1, name: 'Mine now' },
          { actor: owner },
        ),
      ),
    ).toMatchObject({ code: 'not_found' });
    const untouched = await h.rpc.send(
      'practice-settings.practice.get',
      { practiceId: b.id },
      { actor: admin },
    );
    expect(untouched.name).toBe('B Practice');
  });

  it('manages team members, refusing a bad NPI by field and rule and a duplicate e-mail', async () => {
    const p = await h.rpc.send(
      'practice-settings.practice.create',
      { type: 'group', name: 'Team Practice', phone: '5125550103', address },
      { actor: admin },
    );
    const bad = await rpcError(
      h.rpc.send(
        'practice-settings.team-member.create',
        {
          practiceId: p.id,
          firstName: 'Ada',
          lastName: 'Lovelace',
          email: 'ada@example.com',
          role: 'clinician',
          npi: '1234567890',
        },
        { actor: admin },
      ),
    );
    expect(bad).toEqual({
      code: 'validation_failed',
      message: 'Some fields are not valid',
      errors: [{ field: 'npi', rule: 'npi', message: 'NPI 1234567890 fails its check digit' }],
    });

    const unknownField = await rpcError(
      h.rpc.send(
        'practice-settings.team-member.create',
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        {
          practiceId: p.id,
          firstName: 'A',
          lastName: 'B',
          email: 'x@example.com',
          role: 'clinician',
          favouriteColour: 'red',
        } as any,
        { actor: admin },
      ),
    );
    expect(unknownField.errors).toEqual([
      { field: 'favouriteColour', rule: 'unknown_field', message: 'favouriteColour is not a known field' },
    ]);

    const ada = await h.rpc.send(
      'practice-settings.team-member.create',
      {
        practiceId: p.id,
        firstName: 'Ada',
        lastName: 'Lovelace',
        email: 'Ada@Example.com',
        role: 'clinician',
        npi: '1234567893',
      },
      { actor: admin },
    );
    expect(ada).toMatchObject({ email: 'ada@example.com', npi: '1234567893', version: 1 });

    const dup = await rpcError(
      h.rpc.send(
        'practice-settings.team-member.create',
        { practiceId: p.id, firstName: 'Other', lastName: 'Ada', email: 'ada@example.com', role: 'staff' },
        { actor: admin },
      ),
    );
    expect(dup.errors?.[0]).toMatchObject({ field: 'email', rule: 'unique' });

    const renamed = await h.rpc.send(
      'practice-settings.team-member.update',
      { practiceId: p.id, memberId: ada.id, version: 1, lastName: 'King' },
      { actor: admin },
    );
    expect(renamed).toMatchObject({ lastName: 'King', version: 2 });

    const members = await h.rpc.send(
      'practice-settings.team-member.list',
      { practiceId: p.id },
      { actor: admin },
    );
    expect(members.items.map((m) => m.id)).toEqual([ada.id]);

    await h.rpc.send(
      'practice-settings.team-member.remove',
      { practiceId: p.id, memberId: ada.id },
      { actor: admin },
    );
    expect(
      await rpcError(
        h.rpc.send(
          'practice-settings.team-member.get',
          { practiceId: p.id, memberId: ada.id },
          { actor: admin },
        ),
      ),
    ).toMatchObject({ code: 'not_found' });

    const types = () => h.seen.filter((e) => e.practiceId === p.id).map((e) => e.type);
    await waitFor('the member events', () => types().length === 4);
    expect(types()).toEqual([
      'practice-settings.practice.created',
      'practice-settings.team-member.added',
      'practice-settings.team-member.updated',
      'practice-settings.team-member.removed',
    ]);
  });
});
