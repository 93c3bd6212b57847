import { waitFor } from '@claimline/backend/util-testing';
import {
  accessToken,
  address,
  api,
  EVENTUALLY,
  uniqueName,
  uploadForm,
  users,
  newPractice,
  newClinician,
} from './client';

// A real 1×1 PNG: the front of an insurance card, so the policies lack nothing.
const CARD = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * The unbilled list through the gateway (issue #15): a practice with three clients — one missing
 * information, one whose payer wants a prior authorization that has run out, one whose session is
 * switched to self-pay — shows exactly the right "!" reasons, and a reason goes once it is fixed.
 * The practice's own setup (Tax ID, taxonomy, …) is left undone, so every appointment also names
 * those; the client reasons are compared without them.
 */
describe('unbilled appointments', () => {
  let admin: string;
  let staff: string;
  let owner: string;
  let practiceId: string;
  let clinicianId: string;
  let aetna: string;
  const clients: Record<'missing' | 'auth' | 'selfPay', string> = { missing: '', auth: '', selfPay: '' };
  const appointments: Record<string, string> = {};
  let authorizationId: string;

  const newClient = async (lastName: string, phone: string | undefined) => {
    const client = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: {
        firstName: 'Ada',
        lastName: uniqueName(lastName),
        birthDate: '1985-04-12',
        sex: 'F',
        address,
        billingType: 'insurance',
        ...(phone && { phone }),
      },
    });
    expect(client.status).toBe(201);
    const policy = await api('POST', `/practices/${practiceId}/clients/${client.body.id}/policies`, {
      token: staff,
      body: {
        order: 'primary',
        payerId: aetna,
        memberId: `W${Math.floor(Math.random() * 1e9)}`,
        relationship: 'self',
      },
    });
    expect(policy.status).toBe(201);
    const card = await uploadForm(
      staff,
      practiceId,
      { linkedType: 'policy', linkedId: policy.body.id },
      CARD,
      'card-front.png',
      'image/png',
    );
    expect(card.status).toBe(201);
    return { clientId: client.body.id as string, policyId: policy.body.id as string };
  };

  const session = (clientId: string, serviceDate: string) => ({
    clientId,
    renderingTeamMemberId: clinicianId,
    serviceDate,
    startTime: '09:00',
    minutes: 53,
    placeOfService: '10',
    diagnoses: ['F43.10'],
    lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 16000, diagnosisPointers: [1] }],
    attendance: 'attended',
    billingType: 'insurance',
  });

  const list = (query = '', token = staff) =>
    api('GET', `/practices/${practiceId}/unbilled-appointments${query}`, { token });

  /** Each listed appointment's reasons but the practice's own setup, by appointment id. */
  const clientReasons = async (): Promise<Record<string, string[]>> => {
    const page = await list();
    expect(page.status).toBe(200);
    return Object.fromEntries(
      page.body.items.map((i: any) => [
        i.appointmentId,
        i.reasons.map((r: any) => r.code).filter((c: string) => !c.startsWith('practice.')),
      ]),
    );
  };

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    owner = await accessToken(users.owner);
    practiceId = await newPractice(staff, 'Unbilled', '(512) 555-0101');
    clinicianId = await newClinician(staff, practiceId);
    aetna = (await api('GET', '/payers?search=aetna', { token: staff })).body.items[0].id;

    const missing = await newClient('Missing', undefined);
    const auth = await newClient('Authorized', '(512) 555-0102');
    const selfPay = await newClient('SelfPay', '(512) 555-0103');
    clients.missing = missing.clientId;
    clients.auth = auth.clientId;
    clients.selfPay = selfPay.clientId;
    // The payer wanted an authorization for these visits: the one on file ended before the session.
    const authorization = await api(
      'POST',
      `/practices/${practiceId}/policies/${auth.policyId}/authorizations`,
      {
        token: staff,
        body: { number: 'PA-2026-01', usesAuthorized: 12, validFrom: '2026-01-01', validTo: '2026-02-28' },
      },
    );
    expect(authorization.status).toBe(201);
    authorizationId = authorization.body.id;

    for (const [name, date] of [
      ['missing', '2026-03-12'],
      ['auth', '2026-03-11'],
      ['selfPay', '2026-03-10'],
    ] as const) {
      const created = await api('POST', `/practices/${practiceId}/appointments`, {
        token: staff,
        body: session(clients[name], date),
      });
      expect(created.status).toBe(201);
      appointments[name] = created.body.id;
    }
    // The card images reach client-insurance through documents' events.
    await waitFor(
      'the insurance cards on file',
      async () => {
        const r = await api('POST', `/practices/${practiceId}/clients/missing-info`, {
          token: staff,
          body: { clientIds: Object.values(clients) },
        });
        return r.body.items.every((i: any) => !i.missing.some((m: any) => m.field.endsWith('.card')));
      },
      ...EVENTUALLY,
    );
  });

  it('lists the three sessions, newest first, with exactly their reasons and where to fix each', async () => {
    expect(await clientReasons()).toEqual({
      [appointments.missing]: ['client.phone'],
      [appointments.auth]: ['authorization.expired'],
      [appointments.selfPay]: [],
    });
    const page = await list();
    expect(page.body.items.map((i: any) => i.appointmentId)).toEqual([
      appointments.missing,
      appointments.auth,
      appointments.selfPay,
    ]);
    const [missing, auth] = page.body.items;
    expect(missing.reasons.find((r: any) => r.code === 'client.phone')).toEqual({
      code: 'client.phone',
      message: 'Phone number is missing',
      fix: { target: 'client', id: clients.missing, field: 'phone' },
    });
    expect(auth.reasons.find((r: any) => r.code === 'authorization.expired').fix).toEqual({
      target: 'authorization',
      id: authorizationId,
      field: 'validTo',
    });
    expect(missing).toMatchObject({ payer: { id: aetna }, procedures: ['90837'], chargeCents: 16000 });
    // The practice's own setup is named too (this practice has no Tax ID yet), pointing at the practice.
    expect(missing.reasons.find((r: any) => r.code === 'practice.tax-id')?.fix).toEqual({
      target: 'practice',
      id: practiceId,
      field: 'billingProfile.taxId',
    });
  });

  it('switches a session to self-pay and back, with why, and refuses a stale version', async () => {
    const path = `/practices/${practiceId}/appointments/${appointments.selfPay}/billing-type`;
    const switched = await api('PUT', path, {
      token: staff,
      body: { billingType: 'self_pay', reason: 'Client chose to pay out of pocket', version: 1 },
    });
    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ billingType: 'self_pay', version: 2 });
    expect(Object.keys(await clientReasons())).not.toContain(appointments.selfPay);

    const stale = await api('PUT', path, {
      token: staff,
      body: { billingType: 'insurance', reason: 'Back to insurance', version: 1 },
    });
    expect(stale.status).toBe(409);
    const back = await api('PUT', path, {
      token: staff,
      body: { billingType: 'insurance', reason: 'Back to insurance', version: 2 },
    });
    expect(back.status).toBe(200);
    expect(Object.keys(await clientReasons())).toContain(appointments.selfPay);
    const again = await api('PUT', path, {
      token: staff,
      body: { billingType: 'self_pay', reason: 'Client chose to pay out of pocket', version: 3 },
    });
    expect(again.status).toBe(200);

    const changes = await api(
      'GET',
      `/practices/${practiceId}/appointments/${appointments.selfPay}/billing-type-changes`,
      { token: staff },
    );
    expect(changes.status).toBe(200);
    expect(changes.body.items.map((c: any) => [c.to, c.reason])).toEqual([
      ['self_pay', 'Client chose to pay out of pocket'],
      ['insurance', 'Back to insurance'],
      ['self_pay', 'Client chose to pay out of pocket'],
    ]);
    const audit = await api(
      'GET',
      `/audit-events?resourceType=appointment&resourceId=${appointments.selfPay}`,
      {
        token: admin,
      },
    );
    expect(audit.body.items.map((e: any) => [e.action, e.status])).toEqual(
      expect.arrayContaining([
        ['update', 200],
        ['update', 409],
      ]),
    );
  });

  it('drops a reason once it is fixed: the client’s phone, the authorization’s dates', async () => {
    const client = await api('GET', `/practices/${practiceId}/clients/${clients.missing}`, { token: staff });
    const fixed = await api('PATCH', `/practices/${practiceId}/clients/${clients.missing}`, {
      token: staff,
      body: { version: client.body.version, phone: '(512) 555-0109' },
    });
    expect(fixed.status).toBe(200);
    const auth = await api('GET', `/practices/${practiceId}/authorizations/${authorizationId}`, {
      token: staff,
    });
    const extended = await api('PATCH', `/practices/${practiceId}/authorizations/${authorizationId}`, {
      token: staff,
      body: { version: auth.body.version, validTo: '2026-12-31' },
    });
    expect(extended.status).toBe(200);
    expect(await clientReasons()).toEqual({ [appointments.missing]: [], [appointments.auth]: [] });
  });

  it('filters, pages by cursor, and lists across the practices a billing user works for', async () => {
    const first = await list('?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await list(`?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].appointmentId).toBe(appointments.auth);
    expect(
      (await list(`?from=2026-03-11&to=2026-03-11`)).body.items.map((i: any) => i.appointmentId),
    ).toEqual([appointments.auth]);
    expect((await list(`?clinicianId=${clinicianId}&payerId=${aetna}`)).body.items).toHaveLength(2);
    // The practice's own setup is still undone: nothing here is ready.
    expect((await list('?readiness=ready')).body.items).toEqual([]);
    expect((await list('?readiness=missing_info')).body.items).toHaveLength(2);

    const across = await api('GET', `/unbilled-appointments?practiceId=${practiceId}`, { token: staff });
    expect(across.status).toBe(200);
    expect(across.body.items.map((i: any) => i.appointmentId)).toEqual([
      appointments.missing,
      appointments.auth,
    ]);
    const everywhere = await api('GET', '/unbilled-appointments?limit=100&from=2026-03-11&to=2026-03-12', {
      token: staff,
    });
    expect(everywhere.status).toBe(200);
    expect(everywhere.body.items.map((i: any) => i.appointmentId)).toEqual(
      expect.arrayContaining([appointments.missing, appointments.auth]),
    );
  });

  it('answers problem+json naming every bad query parameter', async () => {
    const bad = await list('?readiness=soon&limit=0&from=March&clinicianId=x&payerId=y&cursor=a%20b&page=2');
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(
      ['clinicianId', 'cursor', 'from', 'limit', 'page', 'payerId', 'readiness'].sort(),
    );
    const badCursor = await list(`?cursor=${Buffer.from('nonsense').toString('base64url')}`);
    expect(badCursor.status).toBe(422);
    expect(badCursor.body.errors.map((e: any) => e.field)).toEqual(['cursor']);
    const badBody = await api(
      'PUT',
      `/practices/${practiceId}/appointments/${appointments.auth}/billing-type`,
      {
        token: staff,
        body: { billingType: 'cash', version: 1 },
      },
    );
    expect(badBody.status).toBe(422);
    expect([...new Set(badBody.body.errors.map((e: any) => e.field))].sort()).toEqual([
      'billingType',
      'reason',
    ]);
  });

  it('answers 404 for another practice’s list and appointments', async () => {
    const elsewhere = await api('POST', '/practices', {
      token: admin,
      body: { type: 'solo', name: uniqueName('Unbilled Elsewhere'), phone: '5125550100', address },
    });
    const otherId = elsewhere.body.id;
    expect((await list('', owner)).status).toBe(404);
    expect((await api('GET', `/practices/${otherId}/unbilled-appointments`, { token: staff })).status).toBe(
      404,
    );
    expect((await api('GET', `/unbilled-appointments?practiceId=${otherId}`, { token: staff })).status).toBe(
      404,
    );
    const foreign = await api('PUT', `/practices/${otherId}/appointments/${appointments.auth}/billing-type`, {
      token: admin,
      body: { billingType: 'self_pay', reason: 'Wrong practice', version: 1 },
    });
    expect(foreign.status).toBe(404);
    expect(
      (
        await api('GET', `/practices/${otherId}/appointments/${appointments.auth}/billing-type-changes`, {
          token: admin,
        })
      ).status,
    ).toBe(404);
  });
});
