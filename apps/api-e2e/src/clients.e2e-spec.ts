import { accessToken, address, api, uniqueName, users } from './client';

/** Today and a day `days` from now, UTC, as the service computes warnings. */
const day = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const profile = (lastName: string) => ({
  firstName: 'Ada',
  lastName,
  birthDate: '1985-04-12',
  sex: 'F',
  phone: '(512) 555-0101',
  email: 'ada@example.com',
  address,
});

const subscriber = { firstName: 'Grace', lastName: 'Parent', birthDate: '1970-01-31', sex: 'F', address };

describe('clients, insurance policies, authorizations and payers through the gateway', () => {
  let admin: string;
  let staff: string;
  let owner: string;
  let practiceId: string;
  const payer: Record<string, string> = {};

  async function payerId(search: string, name: string): Promise<string> {
    const r = await api('GET', `/payers?search=${encodeURIComponent(search)}`, { token: staff });
    expect(r.status).toBe(200);
    const found = r.body.items.find((p: any) => p.name === name);
    if (!found)
      throw new Error(
        `payer ${name} not found by "${search}": ${JSON.stringify(r.body.items.map((p: any) => p.name))}`,
      );
    return found.id;
  }

  async function createClient(token: string, body: object, practice = practiceId) {
    const r = await api('POST', `/practices/${practice}/clients`, { token, body });
    expect(r.status).toBe(201);
    return r.body;
  }

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    owner = await accessToken(users.owner);
    practiceId = (await api('GET', '/auth/me', { token: owner })).body.practiceId;
    payer.aetna = await payerId('aetna', 'Aetna');
    payer.cigna = await payerId('cigna', 'Cigna');
    payer.bcbsTx = await payerId('BCBSTX', 'Blue Cross and Blue Shield of Texas');
    payer.bcbsIl = await payerId('BCBSIL', 'Blue Cross and Blue Shield of Illinois');
  });

  it('finds Aetna in the payer directory by name and by its payer ID 60054', async () => {
    for (const search of ['aetna', 'Aet', '60054']) {
      const r = await api('GET', `/payers?search=${search}`, { token: owner });
      expect(r.status).toBe(200);
      expect(r.body.items.map((p: any) => p.name)).toContain('Aetna');
    }
    const one = await api('GET', `/payers/${payer.aetna}`, { token: owner });
    expect(one.body).toMatchObject({ name: 'Aetna', payerIds: { default: '60054' }, isBcbs: false });
    // With a state, other states' BCBS plans are left out and the local one comes first.
    const tx = await api('GET', '/payers?search=blue&state=TX', { token: owner });
    expect(tx.body.items[0].name).toBe('Blue Cross and Blue Shield of Texas');
    expect(tx.body.items.map((p: any) => p.name)).not.toContain('Blue Cross and Blue Shield of Illinois');
  });

  it('keeps a client with a primary and a secondary policy, member IDs normalised', async () => {
    const client = await createClient(staff, {
      ...profile(uniqueName('Lovelace')),
      billingType: 'insurance',
    });
    expect(client).toMatchObject({ practiceId, billingType: 'insurance', phone: '5125550101', version: 1 });

    const primary = await api('POST', `/practices/${practiceId}/clients/${client.id}/policies`, {
      token: staff,
      body: {
        order: 'primary',
        payerId: payer.aetna,
        memberId: 'w12 345-6789',
        groupNumber: 'GRP-1',
        relationship: 'self',
      },
    });
    expect(primary.status).toBe(201);
    expect(primary.body).toMatchObject({
      clientId: client.id,
      order: 'primary',
      memberId: 'W123456789',
      relationship: 'self',
      relationshipCode: '18',
      subscriber: null,
      payer: { id: payer.aetna, name: 'Aetna', payerId: '60054' },
      warnings: [],
    });

    const secondary = await api('POST', `/practices/${practiceId}/clients/${client.id}/policies`, {
      token: owner,
      body: { order: 'secondary', payerId: payer.cigna, memberId: ' u-9876 5432 ', relationship: 'self' },
    });
    expect(secondary.status).toBe(201);
    expect(secondary.body.memberId).toBe('U98765432');

    const listed = await api('GET', `/practices/${practiceId}/clients/${client.id}/policies`, {
      token: owner,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: any) => [p.order, p.memberId])).toEqual([
      ['primary', 'W123456789'],
      ['secondary', 'U98765432'],
    ]);

    // A second primary is refused; the existing one stays.
    const duplicate = await api('POST', `/practices/${practiceId}/clients/${client.id}/policies`, {
      token: staff,
      body: { order: 'primary', payerId: payer.cigna, memberId: 'X1', relationship: 'self' },
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'order', rule: 'unique' })]);

    // Complete but for the card images (documents linked to each policy).
    expect(listed.body.items.map((p: any) => p.cards)).toEqual([{}, {}]);
    const cardsOnly = await api('GET', `/practices/${practiceId}/clients/${client.id}/missing-info`, {
      token: owner,
    });
    expect(cardsOnly.body).toEqual({
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

    // Removing the secondary: 204, then it is gone from the list and answers 404.
    const removed = await api('DELETE', `/practices/${practiceId}/policies/${secondary.body.id}`, {
      token: staff,
    });
    expect(removed.status).toBe(204);
    expect(
      (await api('GET', `/practices/${practiceId}/policies/${secondary.body.id}`, { token: staff })).status,
    ).toBe(404);
    const after = await api('GET', `/practices/${practiceId}/clients/${client.id}/policies`, {
      token: staff,
    });
    expect(after.body.items.map((p: any) => p.order)).toEqual(['primary']);
  });

  it('puts a dependent child on a parent’s plan only with the subscriber’s data (422 naming the field otherwise)', async () => {
    const child = await createClient(owner, {
      ...profile(uniqueName('Child')),
      firstName: 'Timmy',
      birthDate: '2015-06-01',
      sex: 'M',
      billingType: 'insurance',
    });
    const path = `/practices/${practiceId}/clients/${child.id}/policies`;
    const base = { order: 'primary', payerId: payer.aetna, memberId: 'W555 000 111', relationship: 'child' };

    const noSubscriber = await api('POST', path, { token: owner, body: base });
    expect(noSubscriber.status).toBe(422);
    expect(noSubscriber.headers.get('content-type')).toContain('application/problem+json');
    expect(noSubscriber.body.errors).toEqual([
      expect.objectContaining({ field: 'subscriber', rule: 'required' }),
    ]);

    const { birthDate: _omitted, ...noBirthDate } = subscriber;
    const partial = await api('POST', path, { token: owner, body: { ...base, subscriber: noBirthDate } });
    expect(partial.status).toBe(422);
    expect(partial.body.errors.map((e: any) => e.field)).toEqual(['subscriber.birthDate']);

    expect((await api('GET', path, { token: owner })).body.items).toEqual([]);

    const ok = await api('POST', path, { token: owner, body: { ...base, subscriber } });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      relationship: 'child',
      relationshipCode: '19',
      memberId: 'W555000111',
      subscriber: { ...subscriber, address: expect.objectContaining(address) },
    });

    // Self with a subscriber is refused too.
    const selfWith = await api('PATCH', `/practices/${practiceId}/policies/${ok.body.id}`, {
      token: owner,
      body: { version: ok.body.version, relationship: 'self', subscriber },
    });
    expect(selfWith.status).toBe(422);
    expect(selfWith.body.errors).toEqual([
      expect.objectContaining({ field: 'subscriber', rule: 'not_allowed' }),
    ]);
  });

  it('records an authorization on a policy and shows its warnings', async () => {
    const client = await createClient(staff, {
      ...profile(uniqueName('Authorized')),
      billingType: 'insurance',
    });
    const policy = (
      await api('POST', `/practices/${practiceId}/clients/${client.id}/policies`, {
        token: staff,
        body: { order: 'primary', payerId: payer.cigna, memberId: 'C1234567', relationship: 'self' },
      })
    ).body;

    const created = await api('POST', `/practices/${practiceId}/policies/${policy.id}/authorizations`, {
      token: staff,
      body: { number: 'PA-2026-001', usesAuthorized: 2, validFrom: day(-30), validTo: day(5) },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      policyId: policy.id,
      clientId: client.id,
      usesAuthorized: 2,
      usesConsumed: 0,
      usesRemaining: 2,
      active: true,
    });
    expect(created.body.warnings.map((w: any) => w.code).sort()).toEqual(['ending_soon', 'few_uses_left']);
    expect(
      created.body.warnings.every((w: any) => typeof w.message === 'string' && w.message.length > 0),
    ).toBe(true);

    const listed = await api('GET', `/practices/${practiceId}/policies/${policy.id}/authorizations`, {
      token: owner,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].warnings.map((w: any) => w.code).sort()).toEqual([
      'ending_soon',
      'few_uses_left',
    ]);

    const updated = await api('PATCH', `/practices/${practiceId}/authorizations/${created.body.id}`, {
      token: owner,
      body: { version: created.body.version, usesAuthorized: 20, validTo: day(90) },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.warnings).toEqual([]);

    const read = await api('GET', `/practices/${practiceId}/authorizations/${created.body.id}`, {
      token: staff,
    });
    expect(read.body).toMatchObject({ usesAuthorized: 20, version: created.body.version + 1 });

    // Two active authorizations for the same dates are refused.
    const overlap = await api('POST', `/practices/${practiceId}/policies/${policy.id}/authorizations`, {
      token: staff,
      body: { number: 'PA-2026-002', usesAuthorized: 5, validFrom: day(), validTo: day(10) },
    });
    expect(overlap.status).toBe(422);

    // Consuming visits is not an HTTP route (claims call it over NATS).
    const consume = await api('POST', `/practices/${practiceId}/authorizations/${created.body.id}/consume`, {
      token: admin,
      body: { key: 'x' },
    });
    expect(consume.status).toBe(404);
  });

  it('lists exactly the missing fields: none of the insurance ones for a self-pay client', async () => {
    const selfPay = await createClient(owner, { ...profile(uniqueName('Selfpay')), billingType: 'self_pay' });
    const r = await api('GET', `/practices/${practiceId}/clients/${selfPay.id}/missing-info`, {
      token: owner,
    });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ clientId: selfPay.id, complete: true, missing: [] });

    // An insurance client without phone, sex and any policy.
    const insured = await createClient(owner, {
      firstName: 'Ivy',
      lastName: uniqueName('Gaps'),
      birthDate: '1990-02-03',
      address,
      billingType: 'insurance',
    });
    const gaps = await api('GET', `/practices/${practiceId}/clients/${insured.id}/missing-info`, {
      token: staff,
    });
    expect(gaps.body.complete).toBe(false);
    expect(gaps.body.missing.map((m: any) => m.field)).toEqual(['phone', 'sex', 'insurance.primary']);
    expect(gaps.body.missing[2]).toMatchObject({ fixAt: `/clients/${insured.id}/insurance` });

    // The same self-pay client with a gap: only the profile field, still no insurance field.
    const patched = await api('PATCH', `/practices/${practiceId}/clients/${selfPay.id}`, {
      token: owner,
      body: { version: selfPay.version, phone: null },
    });
    expect(patched.status).toBe(200);

    // Bulk: both, plus an id that is no client of this practice.
    const stranger = '00000000-0000-4000-8000-000000000001';
    const bulk = await api('POST', `/practices/${practiceId}/clients/missing-info`, {
      token: staff,
      body: { clientIds: [selfPay.id, insured.id, stranger] },
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.notFound).toEqual([stranger]);
    const byId = Object.fromEntries(
      bulk.body.items.map((i: any) => [i.clientId, i.missing.map((m: any) => m.field)]),
    );
    expect(byId).toEqual({ [selfPay.id]: ['phone'], [insured.id]: ['phone', 'sex', 'insurance.primary'] });

    const tooMany = await api('POST', `/practices/${practiceId}/clients/missing-info`, {
      token: staff,
      body: {
        clientIds: Array.from(
          { length: 1001 },
          (_, i) => `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`,
        ),
      },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors[0].field).toBe('clientIds');
  });

  it('searches clients by name prefix and birth date, paginated', async () => {
    const surname = uniqueName('Zephyrine').replace(' ', '');
    await createClient(staff, { ...profile(surname), firstName: 'Ada', birthDate: '1971-03-03' });
    await createClient(staff, { ...profile(surname), firstName: 'Bea', birthDate: '1972-03-03' });
    await createClient(staff, { ...profile(surname), firstName: 'Cal', birthDate: '1971-03-03' });

    const prefix = surname.slice(0, -2).toLowerCase();
    const page1 = await api('GET', `/practices/${practiceId}/clients?search=${prefix}&limit=2`, {
      token: owner,
    });
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page1.body.items.map((c: any) => c.firstName)).toEqual(['Ada', 'Bea']);
    const page2 = await api('GET', `/practices/${practiceId}/clients?search=${prefix}&limit=2&offset=2`, {
      token: owner,
    });
    expect(page2.body.items.map((c: any) => c.firstName)).toEqual(['Cal']);

    const both = await api(
      'GET',
      `/practices/${practiceId}/clients?search=${encodeURIComponent(`bea ${surname}`)}`,
      { token: owner },
    );
    expect(both.body.items.map((c: any) => c.firstName)).toEqual(['Bea']);

    const born = await api(
      'GET',
      `/practices/${practiceId}/clients?search=${prefix}&birthDate=1971-03-03&active=true`,
      { token: owner },
    );
    expect(born.body.items.map((c: any) => c.firstName)).toEqual(['Ada', 'Cal']);

    const bad = await api('GET', `/practices/${practiceId}/clients?birthDate=1971-02-30&limit=0`, {
      token: owner,
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['birthDate', 'limit']);
  });

  it('answers 404 for another practice’s client, to its owner and to staff not assigned to it', async () => {
    const other = await api('POST', '/practices', {
      token: admin,
      body: {
        type: 'solo',
        name: uniqueName('Elsewhere Counseling'),
        phone: '(214) 555-0100',
        address: { ...address, city: 'Dallas', zip: '75201' },
      },
    });
    expect(other.status).toBe(201);
    const otherId = other.body.id;
    const client = await createClient(
      admin,
      { ...profile(uniqueName('Hidden')), billingType: 'insurance' },
      otherId,
    );
    const policy = await api('POST', `/practices/${otherId}/clients/${client.id}/policies`, {
      token: admin,
      body: { order: 'primary', payerId: payer.aetna, memberId: 'H1234', relationship: 'self' },
    });
    expect(policy.status).toBe(201);

    for (const [who, token] of [
      ['owner', owner],
      ['staff', staff],
    ] as const) {
      const attempts = [
        await api('GET', `/practices/${otherId}/clients/${client.id}`, { token }),
        // Naming their own practice in the path does not reach it either.
        await api('GET', `/practices/${practiceId}/clients/${client.id}`, { token }),
        await api('PATCH', `/practices/${otherId}/clients/${client.id}`, {
          token,
          body: { version: 1, firstName: 'Mallory' },
        }),
        await api('GET', `/practices/${otherId}/clients/${client.id}/missing-info`, { token }),
        await api('GET', `/practices/${otherId}/clients/${client.id}/policies`, { token }),
        await api('GET', `/practices/${otherId}/policies/${policy.body.id}`, { token }),
        await api('POST', `/practices/${otherId}/clients/${client.id}/policies`, {
          token,
          body: { order: 'secondary', payerId: payer.aetna, memberId: 'M1', relationship: 'self' },
        }),
      ];
      expect({ who, statuses: attempts.map((a) => a.status) }).toEqual({
        who,
        statuses: [404, 404, 404, 404, 404, 404, 404],
      });
      expect(attempts[0].body.detail).toMatch(/not found/i);
      // Their lists are 404 like their records (issue #13; they used to be empty 200s).
      const list = await api('GET', `/practices/${otherId}/clients`, { token });
      expect({ who, status: list.status }).toEqual({ who, status: 404 });
      const bulk = await api('POST', `/practices/${otherId}/clients/missing-info`, {
        token,
        body: { clientIds: [client.id] },
      });
      expect({ who, status: bulk.status }).toEqual({ who, status: 404 });
    }
    expect(
      (await api('GET', `/practices/${otherId}/clients/${client.id}`, { token: admin })).body.firstName,
    ).toBe('Ada');
    // A malformed id answers like a missing record.
    expect((await api('GET', `/practices/${practiceId}/clients/not-a-uuid`, { token: owner })).status).toBe(
      404,
    );
  });

  it('answers a stale PATCH with 409 and the current version', async () => {
    const client = await createClient(staff, {
      ...profile(uniqueName('Versioned')),
      billingType: 'self_pay',
    });
    const first = await api('PATCH', `/practices/${practiceId}/clients/${client.id}`, {
      token: staff,
      body: { version: 1, preferredName: 'Addie' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ preferredName: 'Addie', version: 2 });

    const stale = await api('PATCH', `/practices/${practiceId}/clients/${client.id}`, {
      token: owner,
      body: { version: 1, preferredName: 'Stale' },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.body.currentVersion).toBe(2);
    expect(
      (await api('GET', `/practices/${practiceId}/clients/${client.id}`, { token: owner })).body
        .preferredName,
    ).toBe('Addie');
  });

  it('warns when a BCBS plan is not the local plan of the practice’s state (TX)', async () => {
    const client = await createClient(staff, { ...profile(uniqueName('Blue')), billingType: 'insurance' });
    const path = `/practices/${practiceId}/clients/${client.id}/policies`;
    const illinois = await api('POST', path, {
      token: staff,
      body: { order: 'primary', payerId: payer.bcbsIl, memberId: 'XOF 123456789', relationship: 'self' },
    });
    expect(illinois.status).toBe(201);
    expect(illinois.body.warnings).toEqual([
      expect.objectContaining({
        code: 'bcbs_not_local',
        message: expect.stringContaining('Blue Cross and Blue Shield of Texas'),
      }),
    ]);
    expect(
      (
        await api('GET', `/practices/${practiceId}/policies/${illinois.body.id}`, { token: owner })
      ).body.warnings.map((w: any) => w.code),
    ).toEqual(['bcbs_not_local']);

    const texas = await api('PATCH', `/practices/${practiceId}/policies/${illinois.body.id}`, {
      token: staff,
      body: { version: illinois.body.version, payerId: payer.bcbsTx },
    });
    expect(texas.status).toBe(200);
    expect(texas.body.warnings).toEqual([]);
  });

  it('lets a clinician of the practice maintain its clients, but not the payer directory', async () => {
    const email = `clinician-${Date.now().toString(36)}@example.com`;
    const password = 'clinician-password-1';
    const user = await api('POST', '/users', {
      token: admin,
      body: { email, displayName: 'Cleo Clinician', password, role: 'clinician', practiceId },
    });
    expect(user.status).toBe(201);
    const clinician = await accessToken({ email, password });

    const client = await createClient(clinician, {
      ...profile(uniqueName('Clinical').replace(' ', '')),
      billingType: 'insurance',
    });
    const policy = await api('POST', `/practices/${practiceId}/clients/${client.id}/policies`, {
      token: clinician,
      body: { order: 'primary', payerId: payer.aetna, memberId: 'W777-888', relationship: 'self' },
    });
    expect(policy.status).toBe(201);
    const patched = await api('PATCH', `/practices/${practiceId}/clients/${client.id}`, {
      token: clinician,
      body: { version: 1, preferredName: 'Cleo' },
    });
    expect(patched.status).toBe(200);
    expect(
      (
        await api('GET', `/practices/${practiceId}/clients?search=${encodeURIComponent(client.lastName)}`, {
          token: clinician,
        })
      ).body.total,
    ).toBe(1);

    const body = {
      name: 'Nope',
      payerIds: { default: 'NOPE1' },
      kind: 'commercial',
      isBcbs: false,
      claimFilingEnrollmentRequired: false,
      eraSupported: false,
      eraEnrollmentRequired: false,
    };
    expect((await api('POST', '/payers', { token: clinician, body })).status).toBe(403);
  });

  it('lets only admins and billing staff edit the payer directory', async () => {
    const code = `LSB${Date.now().toString(36).slice(-6).toUpperCase()}`;
    const body = {
      name: uniqueName('Lone Star Behavioral'),
      payerIds: { default: code },
      kind: 'behavioral',
      states: ['TX'],
      isBcbs: false,
      claimFilingEnrollmentRequired: false,
      eraSupported: true,
      eraEnrollmentRequired: true,
    };
    expect((await api('POST', '/payers', { token: owner, body })).status).toBe(403);
    const created = await api('POST', '/payers', { token: staff, body });
    expect(created.status).toBe(201);
    expect(
      (await api('GET', `/payers?search=${code}`, { token: owner })).body.items.map((p: any) => p.id),
    ).toEqual([created.body.id]);
    const patched = await api('PATCH', `/payers/${created.body.id}`, {
      token: admin,
      body: { version: created.body.version, verified: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.verified).toBe(true);
    expect(
      (
        await api('PATCH', `/payers/${created.body.id}`, {
          token: owner,
          body: { version: 2, verified: false },
        })
      ).status,
    ).toBe(403);
  });

  it('audits every read of a client, with who, which record and which practice', async () => {
    const client = await createClient(owner, { ...profile(uniqueName('Audited')), billingType: 'self_pay' });
    expect((await api('GET', `/practices/${practiceId}/clients/${client.id}`, { token: owner })).status).toBe(
      200,
    );
    expect((await api('GET', `/practices/${practiceId}/clients/${client.id}`, { token: staff })).status).toBe(
      200,
    );

    const audit = await api('GET', `/audit-events?resourceType=client&resourceId=${client.id}&limit=50`, {
      token: admin,
    });
    expect(audit.status).toBe(200);
    const rows = audit.body.items.map((e: any) => ({
      action: e.action,
      role: e.role,
      practiceId: e.practiceId,
      status: e.status,
    }));
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'create', role: 'practice_owner', practiceId, status: 201 },
        { action: 'read', role: 'practice_owner', practiceId, status: 200 },
        { action: 'read', role: 'billing_staff', practiceId, status: 200 },
      ]),
    );
    expect(
      (await api('GET', `/audit-events?resourceType=client&resourceId=${client.id}`, { token: owner }))
        .status,
    ).toBe(403);
  });
});
