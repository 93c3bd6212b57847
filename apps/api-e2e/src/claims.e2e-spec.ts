import { execFileSync } from 'node:child_process';
import { MAP_837P, validate } from '@claimline/x12';
import {
  accessToken,
  address,
  api,
  API_URL,
  billingAddress,
  uniqueName,
  users,
  newPractice,
  newClinician,
} from './client';

/** An ISO date `offset` days from today (UTC): dates of service in the past, as claims need. */
const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Claims through the gateway (issue #15): a group practice with an organization billing profile,
 * a client ready to bill (with an authorization), one whose address is missing, and a self-pay
 * session → a batch of claims (Prepared and Scrub with the right finding) → the fix → re-scrub →
 * Prepared; the authorization used once even when the batch is sent again; void gives the visit
 * back and unbills the appointment; "filed outside" → Downloaded; the CMS-1500 read back and the
 * 837P validated; every claim route answers 404 for another practice.
 */
describe('claims from appointments', () => {
  let admin: string;
  let staff: string;
  let practiceId: string;
  let clinicianId: string;
  let payerId: string;
  const ready = { clientId: '', policyId: '', authorizationId: '' };
  const incomplete = { clientId: '', version: 0 };
  const appointments: Record<string, string> = {};

  const createClient = async (over: object = {}) => {
    const client = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: {
        firstName: 'Ada',
        lastName: uniqueName('Claims'),
        birthDate: '1985-04-12',
        sex: 'F',
        phone: '(512) 555-0101',
        address,
        ...over,
      },
    });
    expect(client.status).toBe(201);
    const policy = await api('POST', `/practices/${practiceId}/clients/${client.body.id}/policies`, {
      token: staff,
      body: { order: 'primary', payerId, memberId: 'W123456789', groupNumber: 'GRP-1', relationship: 'self' },
    });
    expect(policy.status).toBe(201);
    return {
      clientId: client.body.id as string,
      version: client.body.version as number,
      policyId: policy.body.id as string,
    };
  };
  const record = async (clientId: string, over: object = {}) => {
    const r = await api('POST', `/practices/${practiceId}/appointments`, {
      token: staff,
      body: {
        clientId,
        renderingTeamMemberId: clinicianId,
        serviceDate: day(-10),
        startTime: '09:00',
        minutes: 53,
        placeOfService: '10',
        diagnoses: ['F43.10'],
        lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 16000, diagnosisPointers: [1] }],
        attendance: 'attended',
        billingType: 'insurance',
        ...over,
      },
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const authorization = async () =>
    (await api('GET', `/practices/${practiceId}/policies/${ready.policyId}/authorizations`, { token: staff }))
      .body.items[0];

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
    practiceId = await newPractice(staff, 'Claims', '(512) 555-0100');
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
    // A commercial payer that needs no claim-filing enrollment, so a complete claim is clean.
    const payers = await api('GET', '/payers?search=aetna', { token: staff });
    const payer = payers.body.items.find(
      (p: any) => !p.claimFilingEnrollmentRequired && p.kind === 'commercial',
    );
    expect(payer).toBeDefined();
    payerId = payer.id;

    const a = await createClient();
    ready.clientId = a.clientId;
    ready.policyId = a.policyId;
    const auth = await api('POST', `/practices/${practiceId}/policies/${a.policyId}/authorizations`, {
      token: staff,
      body: { number: 'PA-CLAIMS-1', usesAuthorized: 5, validFrom: day(-60), validTo: day(60) },
    });
    expect(auth.status).toBe(201);
    ready.authorizationId = auth.body.id;
    const b = await createClient({ address: undefined });
    incomplete.clientId = b.clientId;
    incomplete.version = b.version;

    appointments['ready'] = await record(ready.clientId);
    appointments['incomplete'] = await record(incomplete.clientId);
    appointments['selfPay'] = await record(ready.clientId, { billingType: 'self_pay', serviceDate: day(-9) });
    appointments['outside'] = await record(ready.clientId, { serviceDate: day(-8) });
  });

  let readyClaim: any;
  let incompleteClaim: any;

  it('makes a Prepared claim, a Scrub claim naming what is missing, and says why the self-pay session was not claimed', async () => {
    const made = await api('POST', `/practices/${practiceId}/claims`, {
      token: staff,
      body: { appointmentIds: [appointments['ready'], appointments['incomplete'], appointments['selfPay']] },
    });
    expect(made.status).toBe(201);
    expect(made.body.claims).toHaveLength(2);
    readyClaim = made.body.claims.find((c: any) => c.clientId === ready.clientId);
    incompleteClaim = made.body.claims.find((c: any) => c.clientId === incomplete.clientId);
    expect(readyClaim).toMatchObject({ status: 'prepared', errorCount: 0, totalCents: 16000, lineCount: 1 });
    expect(incompleteClaim).toMatchObject({ status: 'scrub' });
    expect(made.body.notClaimed).toEqual([
      expect.objectContaining({ appointmentId: appointments['selfPay'], code: 'self_pay' }),
    ]);
    const detail = await api('GET', `/practices/${practiceId}/claims/${incompleteClaim.id}`, {
      token: staff,
    });
    expect(detail.status).toBe(200);
    const findings = detail.body.findings.filter((f: any) => f.severity === 'error');
    expect(findings).toContainEqual(
      expect.objectContaining({
        fix: expect.objectContaining({
          target: 'client',
          id: incomplete.clientId,
          field: expect.stringMatching(/address/),
        }),
      }),
    );
    expect((await authorization()).usesConsumed).toBe(1);
  });

  it('uses the authorization once even when the batch is sent again', async () => {
    const again = await api('POST', `/practices/${practiceId}/claims`, {
      token: staff,
      body: { appointmentIds: [appointments['ready'], appointments['incomplete']] },
    });
    expect(again.status).toBe(201);
    expect(again.body.claims).toEqual([]);
    expect(again.body.notClaimed.map((n: any) => n.code)).toEqual(['already_claimed', 'already_claimed']);
    expect((await authorization()).usesConsumed).toBe(1);
    const list = await api('GET', `/practices/${practiceId}/claims`, { token: staff });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 2, statusCounts: { prepared: 1, scrub: 1 } });
  });

  it('moves the fixed claim from Scrub to Prepared on a re-scrub (409 on a stale version)', async () => {
    const patched = await api('PATCH', `/practices/${practiceId}/clients/${incomplete.clientId}`, {
      token: staff,
      body: { version: incomplete.version, address },
    });
    expect(patched.status).toBe(200);
    const stale = await api('POST', `/practices/${practiceId}/claims/${incompleteClaim.id}/scrub`, {
      token: staff,
      body: { version: incompleteClaim.version + 5 },
    });
    expect(stale.status).toBe(409);
    const scrubbed = await api('POST', `/practices/${practiceId}/claims/${incompleteClaim.id}/scrub`, {
      token: staff,
      body: { version: incompleteClaim.version },
    });
    expect(scrubbed.status).toBe(200);
    expect(scrubbed.body).toMatchObject({ status: 'prepared', errorCount: 0 });
    expect(scrubbed.body.history.map((h: any) => [h.from, h.to, h.move])).toEqual([
      [null, 'scrub', 'create'],
      ['scrub', 'prepared', 'scrub_pass'],
    ]);
    incompleteClaim = scrubbed.body;
  });

  it('prints a CMS-1500 with the NPIs, TIN, codes, amounts and authorization in their boxes', async () => {
    const res = await fetch(
      `${API_URL}/api/v1/practices/${practiceId}/claims/${readyClaim.id}/cms1500?variant=full`,
      {
        headers: { authorization: `Bearer ${staff}` },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    const text = pdfText(Buffer.from(await res.arrayBuffer())).replace(/[\s.-]/g, '');
    for (const expected of [
      '1245319599', // 33a billing NPI
      '1234567893', // 24J rendering NPI
      '123456789', // 25 EIN
      'F4310', // 21 A
      '90837', // 24D
      '95', // 24D modifier
      '16000', // 24F and 28
      'PACLAIMS1', // 23 prior authorization
      readyClaim.patientControlNumber, // 26
    ])
      expect(text).toContain(expected);
    const audit = await api('GET', `/audit-events?resourceType=claim_file&resourceId=${readyClaim.id}`, {
      token: admin,
    });
    expect(audit.body.items.length).toBeGreaterThan(0);
  });

  it('writes an 837P of a selection that validates', async () => {
    const res = await fetch(`${API_URL}/api/v1/practices/${practiceId}/claims/837p`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff}`, 'content-type': 'application/json' },
      body: JSON.stringify({ claimIds: [readyClaim.id, incompleteClaim.id] }),
    });
    expect(res.status).toBe(200);
    const x12 = await res.text();
    expect(validate(x12, MAP_837P).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(x12).toContain(`CLM*${readyClaim.patientControlNumber}*160`);
    expect(x12).toContain(`CLM*${incompleteClaim.patientControlNumber}*160`);
    expect(x12).toContain('*XX*1234567893'); // 2310B rendering provider
    expect(x12).toContain('*XX*1245319599'); // 2010AA billing provider
    expect(x12).toContain('REF*G1*PA-CLAIMS-1');
  });

  it('voids a claim: the visit is given back and the appointment is unbilled again', async () => {
    const voided = await api('POST', `/practices/${practiceId}/claims/${readyClaim.id}/void`, {
      token: staff,
      body: { version: readyClaim.version, reason: 'duplicate' },
    });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({ status: 'void' });
    expect((await authorization()).usesConsumed).toBe(0);
    const rebilled = await api('POST', `/practices/${practiceId}/claims`, {
      token: staff,
      body: { appointmentIds: [appointments['ready']] },
    });
    expect(rebilled.body.claims).toHaveLength(1);
    expect((await authorization()).usesConsumed).toBe(1);
  });

  it('records a filed-outside appointment as a Downloaded claim', async () => {
    const outside = await api(
      'POST',
      `/practices/${practiceId}/appointments/${appointments['outside']}/file-outside`,
      {
        token: staff,
      },
    );
    expect(outside.status).toBe(201);
    expect(outside.body).toMatchObject({ status: 'downloaded', filedOutside: true });
    const again = await api(
      'POST',
      `/practices/${practiceId}/appointments/${appointments['outside']}/file-outside`,
      {
        token: staff,
      },
    );
    expect(again.status).toBe(409);
  });

  it('answers 404 for these claims to another practice and names the field of a bad request', async () => {
    const other = await api('POST', '/practices', {
      token: admin,
      body: { type: 'solo', name: uniqueName('Claims Elsewhere'), phone: '5125550100', address },
    });
    expect(other.status).toBe(201);
    const elsewhere = other.body.id;
    for (const [method, path, body] of [
      ['GET', `/practices/${elsewhere}/claims/${readyClaim.id}`],
      ['GET', `/practices/${elsewhere}/claims/${readyClaim.id}/cms1500`],
      ['GET', `/practices/${elsewhere}/claims/${readyClaim.id}/837p`],
      ['POST', `/practices/${elsewhere}/claims/${readyClaim.id}/scrub`, { version: 1 }],
      ['POST', `/practices/${elsewhere}/claims/${readyClaim.id}/void`, { version: 1, reason: 'duplicate' }],
      ['POST', `/practices/${elsewhere}/claims/837p`, { claimIds: [readyClaim.id] }],
      ['POST', `/practices/${elsewhere}/appointments/${appointments['outside']}/file-outside`],
    ] as const)
      expect([
        method,
        path,
        (await api(method, path, { token: admin, ...(body && { body }) })).status,
      ]).toEqual([method, path, 404]);
    const refused = await api('POST', `/practices/${practiceId}/claims`, {
      token: staff,
      body: { appointmentIds: ['not-a-uuid'] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: any) => e.field)).toEqual([expect.stringMatching(/^appointmentIds/)]);
  });
});

/** The text of a PDF, read with unpdf (PDF.js) in a child process: an ES module Jest cannot import. */
function pdfText(bytes: Buffer): string {
  const script = `
    const { extractText, getDocumentProxy } = await import('unpdf');
    const chunks = [];
    for await (const c of process.stdin) chunks.push(c);
    const pdf = await getDocumentProxy(new Uint8Array(Buffer.concat(chunks)));
    const { text } = await extractText(pdf, { mergePages: true });
    process.stdout.write(text);
  `;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { input: bytes }).toString(
    'utf8',
  );
}
