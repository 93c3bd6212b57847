import { accessToken, address, api, uniqueName, users, newPractice, newClinician } from './client';

/**
 * Appointments and the fee schedule through the gateway: a practice's fees, a telehealth session
 * priced from them, every refusal naming its field, optimistic versions, tenancy and the audit.
 */
describe('appointments and the fee schedule', () => {
  let admin: string;
  let staff: string;
  let owner: string;
  let practiceId: string;
  let clientId: string;
  let clinicianId: string;

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    owner = await accessToken(users.owner);
    practiceId = await newPractice(staff, 'Appointments', '(512) 555-0101');
    clinicianId = await newClinician(staff, practiceId);
    const client = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: { firstName: 'Ada', lastName: uniqueName('Client'), birthDate: '1985-04-12', sex: 'F', address },
    });
    expect(client.status).toBe(201);
    clientId = client.body.id;
  });

  const session = (over: object = {}) => ({
    clientId,
    renderingTeamMemberId: clinicianId,
    serviceDate: '2026-11-03',
    startTime: '09:00',
    minutes: 53,
    placeOfService: '10',
    diagnoses: ['F43.10'],
    lines: [{ procedure: '90837', modifiers: ['95'], units: 1, diagnosisPointers: [1] }],
    attendance: 'attended',
    billingType: 'insurance',
    ...over,
  });

  it('keeps the fee schedule to billing roles and versions it', async () => {
    const empty = await api('GET', `/practices/${practiceId}/fee-schedule`, { token: staff });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ entries: [], version: 0 });
    const put = await api('PUT', `/practices/${practiceId}/fee-schedule`, {
      token: staff,
      body: { version: 0, entries: [{ procedure: '90837', modifiers: ['95'], feeCents: 16000 }] },
    });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    const stale = await api('PUT', `/practices/${practiceId}/fee-schedule`, {
      token: staff,
      body: { version: 0, entries: [] },
    });
    expect(stale.status).toBe(409);
    const unknown = await api('PUT', `/practices/${practiceId}/fee-schedule`, {
      token: staff,
      body: { version: 1, entries: [{ procedure: '12345', modifiers: [], feeCents: 100 }] },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: any) => e.field)).toEqual(['entries.0.procedure']);
  });

  it('records a telehealth session priced from the schedule, and answers 409 on a stale PATCH', async () => {
    const created = await api('POST', `/practices/${practiceId}/appointments`, {
      token: staff,
      body: session(),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      renderingNpi: '1234567893',
      lines: [{ procedure: '90837', feeCents: 16000, feeSource: 'schedule' }],
      version: 1,
    });
    const id = created.body.id;
    const read = await api('GET', `/practices/${practiceId}/appointments/${id}`, { token: staff });
    expect(read.body).toEqual(created.body);
    const noShow = await api('PATCH', `/practices/${practiceId}/appointments/${id}`, {
      token: staff,
      body: { version: 1, attendance: 'no_show' },
    });
    expect(noShow.status).toBe(200);
    expect(noShow.body).toMatchObject({ attendance: 'no_show', version: 2 });
    const stale = await api('PATCH', `/practices/${practiceId}/appointments/${id}`, {
      token: staff,
      body: { version: 1, attendance: 'attended' },
    });
    expect(stale.status).toBe(409);
    const list = await api('GET', `/practices/${practiceId}/appointments?clientId=${clientId}`, {
      token: staff,
    });
    expect(list.body.items.map((a: any) => a.id)).toContain(id);

    const audit = await api('GET', `/audit-events?resourceType=appointment&resourceId=${id}`, {
      token: admin,
    });
    expect(audit.body.items.map((e: any) => [e.action, e.status])).toEqual(
      expect.arrayContaining([
        ['read', 200],
        ['update', 200],
        ['update', 409],
      ]),
    );
  });

  it('refuses a broken appointment with 422 naming each field', async () => {
    const r = await api('POST', `/practices/${practiceId}/appointments`, {
      token: staff,
      body: session({
        diagnoses: ['F43.1'],
        lines: [{ procedure: '90834', modifiers: [], units: 1, diagnosisPointers: [2] }],
      }),
    });
    expect(r.status).toBe(422);
    expect(r.body.errors.map((e: any) => e.field)).toEqual([
      'diagnoses.0',
      'lines.0.modifiers',
      'lines.0.diagnosisPointers',
      'lines.0.feeCents',
    ]);
  });

  it('answers 404 to an owner of another practice', async () => {
    for (const path of [`/practices/${practiceId}/appointments`, `/practices/${practiceId}/fee-schedule`])
      expect((await api('GET', path, { token: owner })).status).toBe(404);
  });
});
