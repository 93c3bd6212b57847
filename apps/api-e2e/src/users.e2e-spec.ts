import { accessToken, address, api, login, uniqueName, users } from './client';

describe('users (admin)', () => {
  let admin: string;
  let practiceA: string;
  let practiceB: string;

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    const make = async () =>
      (
        await api('POST', '/practices', {
          token: admin,
          body: { type: 'solo', name: uniqueName('Users Practice'), phone: '(512) 555-0188', address },
        })
      ).body.id as string;
    practiceA = await make();
    practiceB = await make();
  });

  it('changes a role with its practice, ends the user’s sessions at once, and audits every change', async () => {
    const email = `${uniqueName('role').replace(/\s+/g, '-').toLowerCase()}@users.test`;
    const password = 'clinician-password-1';
    const created = await api('POST', '/users', {
      token: admin,
      body: { email, displayName: 'Casey Role', password, role: 'clinician', practiceId: practiceA },
    });
    expect(created.status).toBe(201);
    const session = await login({ email, password });

    // A practice role needs a practice; one that does not exist is named.
    const noPractice = await api('PATCH', `/users/${created.body.id}`, {
      token: admin,
      body: { role: 'practice_owner' },
    });
    expect(noPractice.status).toBe(422);
    expect(noPractice.body.errors[0].field).toBe('practiceId');

    const changed = await api('PATCH', `/users/${created.body.id}`, {
      token: admin,
      body: { role: 'practice_owner', practiceId: practiceB },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'practice_owner', practiceId: practiceB, practiceIds: null });
    // The old session is over: refresh refused, and the old access token with it (issue #13: it
    // used to live on until it expired, seeing only what the new role allowed).
    expect(
      (await api('POST', '/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);
    expect((await api('GET', `/practices/${practiceA}`, { token: session.accessToken })).status).toBe(401);

    // Billing staff: assignments are part of the user view and dropped when the role changes.
    const staff = await api('PATCH', `/users/${created.body.id}`, {
      token: admin,
      body: { role: 'billing_staff' },
    });
    expect(staff.body).toMatchObject({ role: 'billing_staff', practiceId: null, practiceIds: [] });
    expect(
      (
        await api('PUT', `/users/${created.body.id}/practices`, {
          token: admin,
          body: { practiceIds: [practiceA] },
        })
      ).status,
    ).toBe(200);
    const listed = await api('GET', '/users?role=billing_staff&limit=200', { token: admin });
    expect(listed.body.items.find((u: any) => u.id === created.body.id).practiceIds).toEqual([practiceA]);
    const back = await api('PATCH', `/users/${created.body.id}`, {
      token: admin,
      body: { role: 'clinician', practiceId: practiceA },
    });
    expect(back.body).toMatchObject({ role: 'clinician', practiceIds: null });

    const audit = await api('GET', `/audit-events?resourceId=${created.body.id}&limit=50`, { token: admin });
    const actions = audit.body.items.map((e: any) => `${e.resourceType}:${e.action}:${e.status}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user:create:201',
        'user:update:422',
        'user:update:200',
        'user_practices:update:200',
      ]),
    );
  });

  it('refuses an administrator demoting or deactivating themselves', async () => {
    const me = (await api('GET', '/auth/me', { token: admin })).body;
    const demote = await api('PATCH', `/users/${me.id}`, { token: admin, body: { role: 'billing_staff' } });
    expect(demote.status).toBe(422);
    expect(demote.body.errors[0].field).toBe('role');
    expect((await api('PATCH', `/users/${me.id}`, { token: admin, body: { active: false } })).status).toBe(
      422,
    );
  });
});
