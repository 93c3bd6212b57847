import {
  accessToken,
  address,
  api,
  billingAddress,
  newClinician,
  newPractice,
  uniqueName,
  users,
} from './client';

/** An ISO date `offset` days from today (UTC). */
const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const until = async <T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

/**
 * Submission through the clearinghouse (issue #17): the stack's own OpenSSH server and the
 * sandbox clearinghouse (tools/scripts/test.mjs). Claims → submit → 837P uploaded → 999 → 277CA
 * → Submitted, Received, Accepted with the payer claim number; a `REJ` member Rejected in words,
 * in the work queue, fixed and sent again as a new submission until Accepted; the accounts shown
 * to admins without keys; every route answers 404 for another practice.
 */
describe('claims submitted through the clearinghouse', () => {
  let admin: string;
  let staff: string;
  let practiceId: string;
  let clinicianId: string;
  let payerId: string;

  const client = async (memberId: string) => {
    const c = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: {
        firstName: 'Ada',
        lastName: uniqueName('Submit'),
        birthDate: '1985-04-12',
        sex: 'F',
        phone: '(512) 555-0101',
        address,
      },
    });
    expect(c.status).toBe(201);
    const policy = await api('POST', `/practices/${practiceId}/clients/${c.body.id}/policies`, {
      token: staff,
      body: { order: 'primary', payerId, memberId, groupNumber: 'GRP-1', relationship: 'self' },
    });
    expect(policy.status).toBe(201);
    return {
      clientId: c.body.id as string,
      policyId: policy.body.id as string,
      version: policy.body.version,
    };
  };
  const claimOf = async (clientId: string, offset: number): Promise<string> => {
    const a = await api('POST', `/practices/${practiceId}/appointments`, {
      token: staff,
      body: {
        clientId,
        renderingTeamMemberId: clinicianId,
        serviceDate: day(offset),
        startTime: '09:00',
        minutes: 53,
        placeOfService: '10',
        diagnoses: ['F43.10'],
        lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 15050, diagnosisPointers: [1] }],
        attendance: 'attended',
        billingType: 'insurance',
      },
    });
    expect(a.status).toBe(201);
    const made = await api('POST', `/practices/${practiceId}/claims`, {
      token: staff,
      body: { appointmentIds: [a.body.id], period: 'appointment' },
    });
    expect(made.status).toBe(201);
    expect(made.body.claims[0].status).toBe('prepared');
    return made.body.claims[0].id;
  };
  const claim = async (claimId: string) =>
    (await api('GET', `/practices/${practiceId}/claims/${claimId}`, { token: staff })).body;
  const reaches = (claimId: string, status: string) =>
    until(`claim ${claimId} ${status}`, async () =>
      (await claim(claimId)).status === status ? true : undefined,
    );
  const moves = async (claimId: string) =>
    (await claim(claimId)).history.map((h: any) => `${h.from ?? '-'}>${h.to}`);

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    practiceId = await newPractice(staff, 'Submission', '(512) 555-0100');
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
    clinicianId = await newClinician(staff, practiceId);
    const payers = await api('GET', '/payers?search=aetna', { token: staff });
    const payer = payers.body.items.find(
      (p: any) => !p.claimFilingEnrollmentRequired && p.kind === 'commercial',
    );
    expect(payer).toBeDefined();
    payerId = payer.id;
  });

  it('shows admins the sandbox account without its key', async () => {
    const accounts = await api('GET', '/admin/clearinghouse/accounts', { token: admin });
    expect(accounts.status).toBe(200);
    expect(accounts.body.items.map((a: any) => a.name)).toEqual(['sandbox']);
    expect(accounts.body.items[0].hostKey).toMatch(/^ssh-ed25519 /);
    expect(JSON.stringify(accounts.body)).not.toMatch(/PRIVATE KEY|privateKey/);
    expect((await api('GET', '/admin/clearinghouse/accounts', { token: staff })).status).toBe(403);
  });

  it('claims → submit → Submitted → Received → Accepted; a REJ member Rejected, fixed and sent again until Accepted', async () => {
    const good = await client('W100200300');
    const bad = await client('REJ4455667');
    const accepted = await claimOf(good.clientId, -12);
    const rejected = await claimOf(bad.clientId, -11);

    const sent = await api('POST', `/practices/${practiceId}/claim-submissions`, {
      token: staff,
      body: { claimIds: [accepted, rejected] },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.refused).toEqual([]);
    expect(sent.body.batches).toHaveLength(1);
    const batch = sent.body.batches[0];
    expect(batch).toMatchObject({ account: 'sandbox', claimCount: 2, payerId });

    await reaches(accepted, 'accepted');
    await reaches(rejected, 'rejected');
    expect(await moves(accepted)).toEqual([
      '->prepared',
      'prepared>submitted',
      'submitted>received',
      'received>accepted',
    ]);
    const history = await api('GET', `/practices/${practiceId}/claims/${accepted}/submissions`, {
      token: staff,
    });
    expect(history.status).toBe(200);
    expect(history.body.submissions[0]).toMatchObject({ status: 'accepted', fileName: batch.fileName });
    expect(history.body.submissions[0].payerClaimNumber).toMatch(/^SBX/);
    expect(history.body.submissions[0].responses.map((r: any) => r.kind).sort()).toEqual(['277CA', '999']);

    const batches = await api('GET', `/practices/${practiceId}/submission-batches`, { token: staff });
    expect(batches.body.items.find((b: any) => b.id === batch.id)).toMatchObject({ status: 'uploaded' });

    const queue = await api('GET', `/practices/${practiceId}/rejected-claims`, { token: staff });
    expect(queue.status).toBe(200);
    const item = queue.body.items.find((i: any) => i.claimId === rejected);
    expect(item.reason).toMatch(/^The payer rejected the claim \(277CA\): /);

    // Sending it again as it is would be rejected again: fix the member ID, then submit.
    const fixed = await api('PATCH', `/practices/${practiceId}/policies/${bad.policyId}`, {
      token: staff,
      body: { version: bad.version, memberId: 'W900800700' },
    });
    expect(fixed.status).toBe(200);
    const again = await api('POST', `/practices/${practiceId}/claim-submissions`, {
      token: staff,
      body: { claimIds: [rejected] },
    });
    expect(again.body.refused).toEqual([]);
    await reaches(rejected, 'accepted');
    const twice = await api('GET', `/practices/${practiceId}/claims/${rejected}/submissions`, {
      token: staff,
    });
    expect(twice.body.submissions.map((s: any) => s.status)).toEqual(['rejected', 'accepted']);
    const [first, second] = twice.body.submissions.map((s: any) => s.patientControlNumber);
    expect(second).toBe(`${first}-1`);
    const words = twice.body.submissions[0].responses.find((r: any) => r.kind === '277CA').words;
    expect(words).toMatch(/^The payer rejected the claim \(277CA\): /);
  });

  it('refuses a claim sent already with the reason, checks the body, and answers 404 for another practice', async () => {
    const c = await client('W300400500');
    const claimId = await claimOf(c.clientId, -9);
    await api('POST', `/practices/${practiceId}/claim-submissions`, {
      token: staff,
      body: { claimIds: [claimId] },
    });
    await reaches(claimId, 'accepted');
    const again = await api('POST', `/practices/${practiceId}/claim-submissions`, {
      token: staff,
      body: { claimIds: [claimId] },
    });
    expect(again.status).toBe(200);
    expect(again.body.refused).toEqual([
      expect.objectContaining({
        claimId,
        code: 'status',
        reason: 'A claim in status Accepted cannot be submitted',
      }),
    ]);
    const bad = await api('POST', `/practices/${practiceId}/claim-submissions`, {
      token: staff,
      body: { claimIds: ['nope'] },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/claimIds/);

    const other = await newPractice(admin, 'Elsewhere', '(512) 555-0199');
    const routes: [string, string, object?][] = [
      ['POST', `/practices/${other}/claim-submissions`, { claimIds: [claimId] }],
      ['GET', `/practices/${other}/submission-batches`],
      ['GET', `/practices/${other}/rejected-claims`],
      ['GET', `/practices/${other}/claims/${claimId}/submissions`],
    ];
    for (const [method, path, body] of routes)
      expect([path, (await api(method, path, { token: staff, ...(body ? { body } : {}) })).status]).toEqual([
        path,
        404,
      ]);
  });
});
