import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import type { Actor } from '@claimline/contracts/common';
import type { ClaimView, CreateAppointmentBody } from '@claimline/contracts/claims';
import { MAP_837P, validate } from '@claimline/x12';
import { rpcError } from '@claimline/backend/util-testing';
import { ClaimsHarness } from './claims-harness';

describe('claims service: claims from appointments over NATS (real PostgreSQL and NATS)', () => {
  const h = new ClaimsHarness();
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const clinicianId = randomUUID();
  const locationId = randomUUID();
  const payerId = randomUUID();
  const ready = { clientId: randomUUID(), policyId: randomUUID(), authorizationId: randomUUID() };
  const missing = { clientId: randomUUID(), policyId: randomUUID() };
  const uninsuredClientId = randomUUID();
  const other = {
    clinicianId: randomUUID(),
    locationId: randomUUID(),
    payerId: randomUUID(),
    clientId: randomUUID(),
    policyId: randomUUID(),
  };
  const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };
  const clinician: Actor = { userId: 'clinician-1', role: 'clinician', practiceIds: [practiceId] };
  const otherOwner: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };

  const appointment = (over: Partial<CreateAppointmentBody> = {}): CreateAppointmentBody => ({
    clientId: ready.clientId,
    renderingTeamMemberId: clinicianId,
    serviceDate: '2026-11-03',
    startTime: '09:00',
    minutes: 53,
    placeOfService: '10',
    diagnoses: ['F43.10', 'F41.1'],
    lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 16000, diagnosisPointers: [1, 2] }],
    attendance: 'attended',
    billingType: 'insurance',
    ...over,
  });
  const record = async (body: CreateAppointmentBody, actor: Actor = staff, pid = practiceId) =>
    (await h.rpc.send('claims.appointment.create', { practiceId: pid, ...body }, { actor })).id;
  const createClaims = (appointmentIds: string[], actor: Actor = staff, pid = practiceId) =>
    h.rpc.send('claims.claim.create-from-appointments', { practiceId: pid, appointmentIds }, { actor });
  const getClaim = (claimId: string, actor: Actor = staff, pid = practiceId) =>
    h.rpc.send('claims.claim.get', { practiceId: pid, claimId }, { actor });
  const claimIdOf = async (appointmentId: string): Promise<string | null> =>
    (await h.sql.query(`SELECT claim_id FROM claims.appointment WHERE id = $1`, [appointmentId]))[0].claim_id;

  const ids: Record<string, string> = {};
  let readyClaim: ClaimView;
  let missingClaim: ClaimView;

  beforeAll(async () => {
    await h.setUp();
    h.addPractice({ practiceId, clinicianId, locationId, payerId });
    h.addPractice({ practiceId: otherPracticeId, ...other });
    h.addClient(practiceId, ready.clientId, ready.policyId, payerId);
    h.addAuthorization(practiceId, ready.clientId, ready.policyId, ready.authorizationId, 10);
    h.addClient(practiceId, missing.clientId, missing.policyId, payerId, '');
    h.addClient(practiceId, uninsuredClientId, null, payerId);
    h.addClient(otherPracticeId, other.clientId, other.policyId, other.payerId);
    await h.start();
    ids['ready1'] = await record(appointment());
    ids['ready2'] = await record(appointment({ serviceDate: '2026-11-10' }));
    ids['missing'] = await record(appointment({ clientId: missing.clientId }));
    ids['uninsured'] = await record(appointment({ clientId: uninsuredClientId }));
    ids['noShow'] = await record(appointment({ attendance: 'no_show' }));
    ids['selfPay'] = await record(appointment({ billingType: 'self_pay', serviceDate: '2026-11-17' }));
    ids['outside'] = await record(appointment({ serviceDate: '2026-11-24' }));
    ids['other'] = await record(
      appointment({ clientId: other.clientId, renderingTeamMemberId: other.clinicianId }),
      { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] },
      otherPracticeId,
    );
  });

  afterAll(() => h.tearDown());

  it('makes one claim per client and month: Prepared when clean, Scrub with the findings otherwise, and says why the rest were not claimed', async () => {
    const unknown = randomUUID();
    const result = await createClaims([
      ids['ready1'],
      ids['ready2'],
      ids['missing'],
      ids['uninsured'],
      ids['noShow'],
      ids['selfPay'],
      unknown,
      ids['other'],
    ]);
    expect(result.claims).toHaveLength(2);
    const byClient = new Map(result.claims.map((c) => [c.clientId, c]));
    const ready1 = byClient.get(ready.clientId);
    expect(ready1).toMatchObject({
      status: 'prepared',
      appointmentIds: [ids['ready1'], ids['ready2']],
      lineCount: 2,
      totalCents: 32000,
      serviceFrom: '2026-11-03',
      serviceTo: '2026-11-10',
      payerId,
      errorCount: 0,
    });
    expect(ready1?.patientControlNumber).toMatch(/^CL[0-9A-Z]{9,}$/);
    expect(byClient.get(missing.clientId)).toMatchObject({ status: 'scrub', lineCount: 1 });
    expect(result.notClaimed.map((n) => [n.appointmentId, n.code])).toEqual(
      expect.arrayContaining([
        [ids['uninsured'], 'no_policy'],
        [ids['noShow'], 'not_attended'],
        [ids['selfPay'], 'self_pay'],
        [unknown, 'not_found'],
        [ids['other'], 'not_found'],
      ]),
    );
    expect(result.notClaimed).toHaveLength(5);

    readyClaim = await getClaim(ready1?.id as string);
    missingClaim = await getClaim(byClient.get(missing.clientId)?.id as string);
    expect(await claimIdOf(ids['ready1'])).toBe(readyClaim.id);
    expect(await claimIdOf(ids['missing'])).toBe(missingClaim.id);
    expect(await claimIdOf(ids['uninsured'])).toBeNull();
    expect(readyClaim).toMatchObject({
      billingProvider: { name: 'Riverbend Counseling LLC', npi: '1245319599', billAs: 'organization' },
      renderingProvider: { name: 'Sam Okafor', npi: '1234567893' },
      subscriber: { memberId: 'W123456789' },
      payer: { name: 'Aetna', payerId: '60054', claimFilingIndicator: 'CI' },
      diagnoses: ['F4310', 'F411'],
      authorizationNumber: 'AUTH778899',
      history: [{ from: null, to: 'prepared', move: 'create', actorId: 'staff-1' }],
    });
    expect(
      readyClaim.lines.map((l) => [l.serviceDate, l.procedure, l.chargeCents, l.lineControlNumber]),
    ).toEqual([
      ['2026-11-03', '90837', 16000, `${readyClaim.patientControlNumber}-L1`],
      ['2026-11-10', '90837', 16000, `${readyClaim.patientControlNumber}-L2`],
    ]);
    const memberIdFinding = missingClaim.findings.find((f) => f.code.startsWith('subscriber.member_id'));
    expect(memberIdFinding).toMatchObject({
      severity: 'error',
      fix: { target: 'policy', id: missing.policyId },
    });
    expect(missingClaim.history[0]).toMatchObject({
      to: 'scrub',
      findingCodes: expect.arrayContaining([memberIdFinding?.code]),
    });

    // One visit per appointment of the authorized client; none for the claim without an authorization.
    expect([...(h.uses.get(ready.authorizationId)?.keys() ?? [])].sort()).toEqual(
      [`appointment:${ids['ready1']}:0`, `appointment:${ids['ready2']}:0`].sort(),
    );
    expect(h.authorizations.get(ready.authorizationId)?.usesConsumed).toBe(2);
    // Asked as the service itself, scoped to this one practice.
    expect(h.callers.get('client-insurance.authorization.consume-batch')?.[0]).toMatchObject({
      kind: 'service',
      service: 'claims',
      practiceIds: [practiceId],
    });
  });

  it('keeps the snapshot encrypted at rest and the events free of PHI', async () => {
    const [row] = await h.sql.query(`SELECT payload_ciphertext FROM claims.claim WHERE id = $1`, [
      readyClaim.id,
    ]);
    expect(row.payload_ciphertext).not.toContain('W123456789');
    expect(row.payload_ciphertext).not.toContain('Reyes');
    const event = await h.waitForEvent(
      (e) => e.type === 'claims.claim.created' && e.aggregateId === readyClaim.id,
      'the claim created event',
    );
    expect(event.data).toMatchObject({
      id: readyClaim.id,
      practiceId,
      status: 'prepared',
      clientId: ready.clientId,
    });
    const text = JSON.stringify(event.data);
    for (const phi of ['W123456789', 'Reyes', 'Dana', '2026-11-03', 'F4310', '90837'])
      expect(text).not.toContain(phi);
  });

  it('does not claim twice when the same batch is sent again, and uses each visit once', async () => {
    const again = await createClaims([ids['ready1'], ids['ready2'], ids['missing']]);
    expect(again.claims).toEqual([]);
    expect(again.notClaimed).toEqual([
      expect.objectContaining({
        appointmentId: ids['ready1'],
        code: 'already_claimed',
        claimId: readyClaim.id,
      }),
      expect.objectContaining({
        appointmentId: ids['ready2'],
        code: 'already_claimed',
        claimId: readyClaim.id,
      }),
      expect.objectContaining({
        appointmentId: ids['missing'],
        code: 'already_claimed',
        claimId: missingClaim.id,
      }),
    ]);
    expect(h.authorizations.get(ready.authorizationId)?.usesConsumed).toBe(2);
    const [{ count }] = await h.sql.query(
      `SELECT count(*)::int AS count FROM claims.claim WHERE practice_id = $1`,
      [practiceId],
    );
    expect(count).toBe(2);
  });

  it('moves a fixed claim from Scrub to Prepared on a re-scrub, 409 on a stale version', async () => {
    const stale = await rpcError(
      h.rpc.send(
        'claims.claim.scrub',
        { practiceId, claimId: missingClaim.id, version: 9 },
        { actor: staff },
      ),
    );
    expect(stale).toMatchObject({ code: 'conflict', details: { currentVersion: missingClaim.version } });
    // Still missing: the claim stays in Scrub.
    const still = await h.rpc.send(
      'claims.claim.scrub',
      { practiceId, claimId: missingClaim.id, version: missingClaim.version },
      { actor: staff },
    );
    expect(still.status).toBe('scrub');
    (h.policies.get(missing.policyId) as { memberId: string }).memberId = 'XYZ987654';
    const fixed = await h.rpc.send(
      'claims.claim.scrub',
      { practiceId, claimId: missingClaim.id, version: still.version },
      { actor: staff },
    );
    expect(fixed).toMatchObject({ status: 'prepared', errorCount: 0, subscriber: { memberId: 'XYZ987654' } });
    expect(fixed.patientControlNumber).toBe(missingClaim.patientControlNumber);
    expect(fixed.history.map((x) => [x.from, x.to, x.move])).toEqual([
      [null, 'scrub', 'create'],
      ['scrub', 'prepared', 'scrub_pass'],
    ]);
    const event = await h.waitForEvent(
      (e) => e.type === 'claims.claim.status-changed' && e.aggregateId === missingClaim.id,
      'the status change event',
    );
    expect(event.data).toMatchObject({ from: 'scrub', to: 'prepared', move: 'scrub_pass' });
    missingClaim = fixed;
  });

  it('lists claims with filters, status counts and paging; another practice gets 404 for these ids', async () => {
    const page = await h.rpc.send('claims.claim.list', { practiceId, limit: 1 }, { actor: clinician });
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0, statusCounts: { prepared: 2 } });
    expect(page.items).toHaveLength(1);
    const byClient = await h.rpc.send(
      'claims.claim.list',
      { practiceId, clientId: ready.clientId },
      { actor: staff },
    );
    expect(byClient.items.map((c) => c.id)).toEqual([readyClaim.id]);
    const outOfRange = await h.rpc.send(
      'claims.claim.list',
      { practiceId, from: '2026-12-01' },
      { actor: staff },
    );
    expect(outOfRange.total).toBe(0);
    const otherPractice = await h.rpc.send(
      'claims.claim.list',
      { practiceId: otherPracticeId },
      { actor: otherOwner },
    );
    expect(otherPractice.total).toBe(0);

    for (const call of [
      () =>
        h.rpc.send(
          'claims.claim.get',
          { practiceId: otherPracticeId, claimId: readyClaim.id },
          { actor: otherOwner },
        ),
      () =>
        h.rpc.send(
          'claims.claim.print',
          { practiceId: otherPracticeId, claimId: readyClaim.id },
          { actor: otherOwner },
        ),
      () =>
        h.rpc.send(
          'claims.claim.export',
          { practiceId: otherPracticeId, claimIds: [readyClaim.id] },
          { actor: otherOwner },
        ),
      () =>
        h.rpc.send(
          'claims.claim.scrub',
          { practiceId: otherPracticeId, claimId: readyClaim.id, version: 1 },
          { actor: otherOwner },
        ),
      () =>
        h.rpc.send(
          'claims.claim.void',
          { practiceId: otherPracticeId, claimId: readyClaim.id, version: 1, reason: 'duplicate' },
          { actor: otherOwner },
        ),
      () =>
        h.rpc.send(
          'claims.appointment.file-outside',
          { practiceId: otherPracticeId, appointmentId: ids['outside'] },
          { actor: otherOwner },
        ),
    ])
      expect((await rpcError(call())).code).toBe('not_found');
  });

  it('lets every role read and only billing roles make or void claims', async () => {
    expect((await getClaim(readyClaim.id, clinician)).id).toBe(readyClaim.id);
    expect((await rpcError(createClaims([ids['outside']], clinician))).code).toBe('forbidden');
    expect(
      (
        await rpcError(
          h.rpc.send(
            'claims.claim.void',
            { practiceId, claimId: readyClaim.id, version: 1, reason: 'duplicate' },
            { actor: clinician },
          ),
        )
      ).code,
    ).toBe('forbidden');
  });

  it('prints the CMS-1500 and writes an 837P of a selection that validates', async () => {
    const pdf = await h.rpc.send(
      'claims.claim.print',
      { practiceId, claimId: readyClaim.id, variant: 'data' },
      { actor: clinician },
    );
    expect(pdf.contentType).toBe('application/pdf');
    const bytes = Buffer.from(pdf.contentBase64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes).replace(/[\s.-]/g, '');
    for (const expected of [
      '1245319599',
      '1234567893',
      '123456789',
      '90837',
      'F4310',
      'AUTH778899',
      '16000',
      readyClaim.patientControlNumber,
    ])
      expect(text).toContain(expected);

    const file = await h.rpc.send(
      'claims.claim.export',
      { practiceId, claimIds: [readyClaim.id, missingClaim.id] },
      { actor: staff },
    );
    const x12 = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(validate(x12, MAP_837P).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(x12).toContain(`CLM*${readyClaim.patientControlNumber}*320`);
    expect(x12).toContain(`REF*6R*${readyClaim.patientControlNumber}-L2`);
    expect(x12).toContain('REF*G1*AUTH778899');
    expect(file.refused).toEqual([]);
  });

  it('voids a claim: appointments unbilled again, visits given back, and a new claim uses a new key', async () => {
    const noNote = await rpcError(
      h.rpc.send(
        'claims.claim.void',
        { practiceId, claimId: readyClaim.id, version: readyClaim.version, reason: 'other' },
        { actor: staff },
      ),
    );
    expect(noNote.errors?.map((e) => e.field)).toEqual(['note']);
    const voided = await h.rpc.send(
      'claims.claim.void',
      { practiceId, claimId: readyClaim.id, version: readyClaim.version, reason: 'wrong_payer' },
      { actor: staff },
    );
    expect(voided).toMatchObject({ status: 'void', voidReason: 'Billed to the wrong payer' });
    expect(voided.history.at(-1)).toMatchObject({ from: 'prepared', to: 'void', move: 'void' });
    expect(await claimIdOf(ids['ready1'])).toBeNull();
    expect(h.authorizations.get(ready.authorizationId)?.usesConsumed).toBe(0);
    const twice = await rpcError(
      h.rpc.send(
        'claims.claim.void',
        { practiceId, claimId: readyClaim.id, version: voided.version, reason: 'duplicate' },
        { actor: staff },
      ),
    );
    expect(twice.code).toBe('conflict');
    const notWritten = await rpcError(
      h.rpc.send('claims.claim.export', { practiceId, claimIds: [readyClaim.id] }, { actor: staff }),
    );
    expect(notWritten.errors?.[0]).toMatchObject({ field: 'claimIds', rule: 'status' });

    const rebilled = await createClaims([ids['ready1']]);
    expect(rebilled.claims).toHaveLength(1);
    expect(h.uses.get(ready.authorizationId)?.get(`appointment:${ids['ready1']}:1`)).toBe(false);
    expect(h.authorizations.get(ready.authorizationId)?.usesConsumed).toBe(1);
  });

  it('records a claim filed outside as Downloaded, never scrubbed again', async () => {
    const outside = await h.rpc.send(
      'claims.appointment.file-outside',
      { practiceId, appointmentId: ids['outside'] },
      { actor: staff },
    );
    expect(outside).toMatchObject({
      status: 'downloaded',
      filedOutside: true,
      appointmentIds: [ids['outside']],
    });
    expect(outside.history).toEqual([
      expect.objectContaining({ from: null, to: 'downloaded', move: 'file_outside' }),
    ]);
    expect(await claimIdOf(ids['outside'])).toBe(outside.id);
    expect(
      (
        await rpcError(
          h.rpc.send(
            'claims.appointment.file-outside',
            { practiceId, appointmentId: ids['outside'] },
            { actor: staff },
          ),
        )
      ).code,
    ).toBe('conflict');
    expect(
      (
        await rpcError(
          h.rpc.send(
            'claims.claim.scrub',
            { practiceId, claimId: outside.id, version: outside.version },
            { actor: staff },
          ),
        )
      ).code,
    ).toBe('conflict');
    expect(
      (
        await rpcError(
          h.rpc.send(
            'claims.appointment.file-outside',
            { practiceId, appointmentId: ids['noShow'] },
            { actor: staff },
          ),
        )
      ).errors?.[0],
    ).toMatchObject({ field: 'appointmentId', rule: 'not_attended' });
  });
});

/** The text of a PDF, read with unpdf (PDF.js) in a child process: it is an ES module Jest cannot import. */
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
