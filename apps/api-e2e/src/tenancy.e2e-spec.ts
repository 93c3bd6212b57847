import { randomUUID } from 'node:crypto';
import { accessToken, address, api, uniqueName, users } from './client';

/**
 * The tenancy sweep (issue #13): every practice-scoped list answers 404 for a practice the
 * caller may not see — its owner asking about another practice, billing staff about one not
 * assigned to them — and for a practice that does not exist (even to an admin), exactly like a
 * by-id route. These lists used to answer 200 with an empty page.
 */
describe('tenancy of practice-scoped lists', () => {
  let admin: string;
  let staff: string;
  let owner: string;
  let otherId: string;
  let clientId: string;
  let policyId: string;
  let payerId: string;

  const lists = (practiceId: string) =>
    [
      ['GET', `/practices/${practiceId}`],
      ['GET', `/practices/${practiceId}/clients`],
      ['POST', `/practices/${practiceId}/clients/missing-info`, { clientIds: [clientId] }],
      ['GET', `/practices/${practiceId}/clients/${clientId}/missing-info`],
      ['GET', `/practices/${practiceId}/clients/${clientId}/policies`],
      ['GET', `/practices/${practiceId}/policies/${policyId}/authorizations`],
      ['GET', `/practices/${practiceId}/documents`],
      ['GET', `/practices/${practiceId}/enrollments`],
      ['GET', `/practices/${practiceId}/enrollments/preview?payerId=${payerId}&type=claim_filing`],
      ['GET', `/practices/${practiceId}/team-members`],
      ['GET', `/practices/${practiceId}/locations`],
      ['GET', `/practices/${practiceId}/billing-profile`],
      ['GET', `/practices/${practiceId}/readiness`],
      ['GET', `/practices/${practiceId}/appointments`],
      ['GET', `/practices/${practiceId}/fee-schedule`],
      ['GET', `/practices/${practiceId}/messaging/participants`],
      ['GET', `/practices/${practiceId}/claims`],
      ['GET', `/practices/${practiceId}/unbilled-appointments`],
      ['GET', `/practices/${practiceId}/submission-batches`],
      ['GET', `/practices/${practiceId}/rejected-claims`],
      ['GET', `/practices/${practiceId}/policies/${policyId}/eligibility`],
      ['GET', `/practices/${practiceId}/eras`],
      ['GET', `/practices/${practiceId}/unmatched-payments`],
      ['GET', `/practices/${practiceId}/clients/${clientId}/ledger`],
    ] as const;

  async function statuses(token: string, practiceId: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [method, path, body] of lists(practiceId)) {
      const r = await api(method, path, { token, ...(body && { body }) });
      out[`${method} ${path.replace(practiceId, '{practice}')}`] = r.status;
    }
    return out;
  }

  const all404 = (practiceId: string) =>
    Object.fromEntries(
      lists(practiceId).map(([method, path]) => [`${method} ${path.replace(practiceId, '{practice}')}`, 404]),
    );

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    owner = await accessToken(users.owner);
    // A practice created by an admin: neither the demo owner's nor assigned to the demo staff member.
    const other = await api('POST', '/practices', {
      token: admin,
      body: { type: 'solo', name: uniqueName('Tenancy Elsewhere'), phone: '5125550100', address },
    });
    expect(other.status).toBe(201);
    otherId = other.body.id;
    const client = await api('POST', `/practices/${otherId}/clients`, {
      token: admin,
      body: {
        firstName: 'Ada',
        lastName: uniqueName('Hidden'),
        birthDate: '1985-04-12',
        sex: 'F',
        phone: '(512) 555-0101',
        address,
      },
    });
    expect(client.status).toBe(201);
    clientId = client.body.id;
    const payers = await api('GET', '/payers?search=aetna', { token: admin });
    payerId = payers.body.items[0].id;
    const policy = await api('POST', `/practices/${otherId}/clients/${clientId}/policies`, {
      token: admin,
      body: { order: 'primary', payerId, memberId: 'T1234', relationship: 'self' },
    });
    expect(policy.status).toBe(201);
    policyId = policy.body.id;
  });

  it('lets an admin read every list of the practice (so the 404s below are about scope)', async () => {
    const seen = await statuses(admin, otherId);
    expect(Object.values(seen).every((s) => s === 200)).toBe(true);
  });

  it('answers 404 to another practice’s owner and to staff not assigned to it, for every list', async () => {
    expect(await statuses(owner, otherId)).toEqual(all404(otherId));
    expect(await statuses(staff, otherId)).toEqual(all404(otherId));
  });

  it('answers 404 for a practice that does not exist, even to an admin, for every list', async () => {
    const nowhere = randomUUID();
    expect(await statuses(admin, nowhere)).toEqual(all404(nowhere));
    // No list invents rows for it either (enrollments used to derive one per payer).
    const enrollments = await api('GET', `/practices/${nowhere}/enrollments`, { token: admin });
    expect(enrollments.body.items).toBeUndefined();
  });
});
