import { accessToken, address, api, uniqueName, users } from './client';

describe('practices and team members through the gateway', () => {
  let admin: string;
  let staff: string;
  let owner: string;
  let ownPracticeId: string;

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    owner = await accessToken(users.owner);
    ownPracticeId = (await api('GET', '/auth/me', { token: owner })).body.practiceId;
  });

  it('lets billing staff create a practice and a team member, read, list and update them', async () => {
    const name = uniqueName('Riverbend Therapy');
    const created = await api('POST', '/practices', {
      token: staff,
      body: { type: 'group', name, phone: '(512) 555-0188', address },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;

    // The creator is assigned the practice and sees it in the list.
    const list = await api('GET', `/practices?search=${encodeURIComponent(name)}`, { token: staff });
    expect(list.body.items.map((p: any) => p.id)).toEqual([id]);

    const member = await api('POST', `/practices/${id}/team-members`, {
      token: staff,
      body: {
        firstName: 'Sam',
        lastName: 'Okafor',
        email: 'sam@riverbend.test',
        role: 'clinician',
        npi: '1234567893',
      },
    });
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ practiceId: id, npi: '1234567893' });

    const patched = await api('PATCH', `/practices/${id}`, {
      token: staff,
      body: { version: 1, phone: '512-555-0199' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ phone: '512-555-0199', version: 2 });

    const stale = await api('PATCH', `/practices/${id}`, {
      token: staff,
      body: { version: 1, name: 'Stale edit' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);

    const members = await api('GET', `/practices/${id}/team-members`, { token: staff });
    expect(members.body.items).toHaveLength(1);
  });

  it('refuses an invalid NPI with 422 naming the field and the reason, and saves nothing', async () => {
    const r = await api('POST', `/practices/${ownPracticeId}/team-members`, {
      token: admin,
      body: {
        firstName: 'Nia',
        lastName: 'Check',
        email: 'nia@example.com',
        role: 'clinician',
        npi: '1234567890',
      },
    });
    expect(r.status).toBe(422);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.errors).toEqual([
      { field: 'npi', rule: 'npi', message: 'NPI 1234567890 fails its check digit' },
    ]);
    const members = await api('GET', `/practices/${ownPracticeId}/team-members?limit=200`, { token: admin });
    expect(members.body.items.map((m: any) => m.email)).not.toContain('nia@example.com');
  });

  it('answers malformed, unknown, oversized and mistyped input with its 4xx and changes nothing', async () => {
    const before = (await api('GET', `/practices/${ownPracticeId}`, { token: admin })).body;

    const malformed = await api('PATCH', `/practices/${ownPracticeId}`, {
      token: admin,
      raw: '{"version": 1, "name": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toMatch(/not valid JSON/);

    const unknown = await api('PATCH', `/practices/${ownPracticeId}`, {
      token: admin,
      body: { version: before.version, name: 'X', isAdmin: true },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([
      { field: 'isAdmin', rule: 'unknown_field', message: 'isAdmin is not a known field' },
    ]);

    const oversized = await api('PATCH', `/practices/${ownPracticeId}`, {
      token: admin,
      body: { version: before.version, name: 'y'.repeat(200_000) },
    });
    expect(oversized.status).toBe(413);

    const wrongType = await api('POST', '/practices', {
      token: admin,
      raw: 'type=solo',
      headers: { 'content-type': 'text/plain' },
    });
    expect(wrongType.status).toBe(415);

    const badState = await api('PATCH', `/practices/${ownPracticeId}`, {
      token: admin,
      body: { version: before.version, address: { ...address, state: 'ZZ' } },
    });
    expect(badState.status).toBe(422);
    expect(badState.body.errors[0].field).toBe('address.state');

    const after = (await api('GET', `/practices/${ownPracticeId}`, { token: admin })).body;
    expect(after).toEqual(before);
  });

  it('refuses a wrong role with 403 and another practice with 404, changing nothing', async () => {
    const ownerCreates = await api('POST', '/practices', {
      token: owner,
      body: { type: 'solo', name: 'Owner made', phone: '5125550100', address },
    });
    expect(ownerCreates.status).toBe(403);

    const other = await api('POST', '/practices', {
      token: admin,
      body: { type: 'solo', name: uniqueName('Elsewhere'), phone: '5125550100', address },
    });
    const otherId = other.body.id;
    for (const token of [owner, staff]) {
      expect((await api('GET', `/practices/${otherId}`, { token })).status).toBe(404);
      expect(
        (await api('PATCH', `/practices/${otherId}`, { token, body: { version: 1, name: 'Taken over' } }))
          .status,
      ).toBe(404);
      expect((await api('GET', `/practices/${otherId}/team-members`, { token })).status).toBe(404);
    }
    expect((await api('GET', '/practices/not-a-uuid', { token: owner })).status).toBe(404);
    const unchanged = await api('GET', `/practices/${otherId}`, { token: admin });
    expect(unchanged.body).toMatchObject({ name: other.body.name, version: 1 });

    const ownerList = await api('GET', '/practices', { token: owner });
    expect(ownerList.body.items.map((p: any) => p.id)).toEqual([ownPracticeId]);
  });

  it('audits every read and change of practice data, for admins only', async () => {
    await api('GET', `/practices/${ownPracticeId}`, { token: owner });
    const me = (await api('GET', '/auth/me', { token: owner })).body;
    const audit = await api('GET', `/audit-events?userId=${me.id}&resourceId=${ownPracticeId}&action=read`, {
      token: admin,
    });
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({
      userId: me.id,
      role: 'practice_owner',
      action: 'read',
      resourceType: 'practice',
      resourceId: ownPracticeId,
      status: 200,
    });
    expect((await api('GET', '/audit-events', { token: staff })).status).toBe(403);
  });
});
