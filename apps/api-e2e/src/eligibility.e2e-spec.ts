import { accessToken, address, api, billingAddress, newPractice, uniqueName, users } from './client';

/**
 * Real-time eligibility through the whole stack: gateway → client-insurance → the clearinghouse
 * sandbox's HTTP port (270 → 271, rules keyed on the member ID) → stored, read back, audited.
 */
describe('eligibility (270/271) through the clearinghouse sandbox', () => {
  let staff: string;
  let admin: string;
  let practiceId: string;
  let payerId: string;

  const policyFor = async (memberId: string) => {
    const client = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: { firstName: 'Ada', lastName: uniqueName('Elig'), birthDate: '1985-04-12', sex: 'F', address },
    });
    expect(client.status).toBe(201);
    const policy = await api('POST', `/practices/${practiceId}/clients/${client.body.id}/policies`, {
      token: staff,
      body: { order: 'primary', payerId, memberId, relationship: 'self' },
    });
    expect(policy.status).toBe(201);
    return policy.body.id as string;
  };

  beforeAll(async () => {
    staff = await accessToken(users.staff);
    admin = await accessToken(users.admin);
    practiceId = await newPractice(staff, 'Eligibility');
    const profile = await api('PUT', `/practices/${practiceId}/billing-profile`, {
      token: staff,
      body: {
        version: 0,
        billAs: 'organization',
        organizationNpi: '1245319599',
        taxId: { kind: 'ein', value: '12-3456789' },
        taxonomyCode: '1041C0700X',
        billingAddress,
        serviceFacilityLocation: false,
      },
    });
    expect(profile.status).toBe(200);
    const payers = await api('GET', '/payers?search=aetna', { token: staff });
    payerId = payers.body.items[0].id;
  });

  it('checks now, keeps the answer as the last check, and audits both', async () => {
    const policyId = await policyFor('COP55501');
    const none = await api('GET', `/practices/${practiceId}/policies/${policyId}/eligibility`, {
      token: staff,
    });
    expect([none.status, none.body]).toEqual([200, { check: null }]);

    const check = await api('POST', `/practices/${practiceId}/policies/${policyId}/eligibility`, {
      token: staff,
      body: { date: '2026-03-10' },
    });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({
      policyId,
      date: '2026-03-10',
      outcome: 'active',
      active: true,
      planName: 'SANDBOX PPO 500',
      priorAuthorizationRequired: false,
    });
    expect(check.body.copays[0].text).toBe('$20.00 per visit, in network');
    expect(check.body.summary).toContain('Copay: $20.00 per visit, in network.');

    const last = await api('GET', `/practices/${practiceId}/policies/${policyId}/eligibility`, {
      token: staff,
    });
    expect(last.body.check).toEqual(check.body);

    const audit = await api(
      'GET',
      `/audit-events?practiceId=${practiceId}&resourceType=insurance_policy&limit=50`,
      { token: admin },
    );
    const rows = (audit.body.items as { resourceId: string; action: string; status: number }[]).filter(
      (r) => r.resourceId === policyId && r.action === 'read',
    );
    expect(rows.map((r) => r.status).sort()).toEqual([200, 200, 200]);
  });

  it('gives an inactive plan and a payer rejection in words', async () => {
    const inactive = await api(
      'POST',
      `/practices/${practiceId}/policies/${await policyFor('INA55502')}/eligibility`,
      { token: staff, body: {} },
    );
    expect([inactive.status, inactive.body.outcome, inactive.body.active]).toEqual([200, 'inactive', false]);
    const rejected = await api(
      'POST',
      `/practices/${practiceId}/policies/${await policyFor('REJ55503')}/eligibility`,
      { token: staff, body: {} },
    );
    expect(rejected.body.outcome).toBe('rejected');
    expect(rejected.body.rejections[0]).toMatchObject({ level: 'subscriber', code: '75' });
    expect(rejected.body.summary[0]).toMatch(/^The payer could not answer: .*not found/i);
  });

  it('refuses a date that does not exist and unknown fields, naming them', async () => {
    const policyId = await policyFor('XJ55504');
    const bad = await api('POST', `/practices/${practiceId}/policies/${policyId}/eligibility`, {
      token: staff,
      body: { date: '2026-02-30', extra: 1 },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['date', 'extra']);
  });
});
