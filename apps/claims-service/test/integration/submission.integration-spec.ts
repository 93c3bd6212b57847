import { randomUUID } from 'node:crypto';
import type { Actor } from '@claimline/contracts/common';
import type { ClaimView, CreateAppointmentBody, SubmitClaimsResult } from '@claimline/contracts/claims';
import type { ClaimStatus } from '@claimline/domain';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAP_837P, validate, writeTa1, write999 } from '@claimline/x12';
import { rpcError, waitFor } from '@claimline/backend/util-testing';
import { ClaimsHarness } from './claims-harness';
import { ClearinghouseSide } from './submission-harness';

describe('claims service: submission through a clearinghouse (real OpenSSH server, sandbox, PostgreSQL, NATS)', () => {
  const h = new ClaimsHarness();
  const ch = new ClearinghouseSide();
  const practiceId = randomUUID();
  const otherPracticeId = randomUUID();
  const soloPracticeId = randomUUID();
  const clinicianId = randomUUID();
  const locationId = randomUUID();
  const payerId = randomUUID();
  const good = { clientId: randomUUID(), policyId: randomUUID() };
  const rej = { clientId: randomUUID(), policyId: randomUUID() };
  const noMember = { clientId: randomUUID(), policyId: randomUUID() };
  const other = { clinicianId: randomUUID(), locationId: randomUUID(), payerId: randomUUID() };
  const solo = {
    clinicianId: randomUUID(),
    secondClinicianId: randomUUID(),
    locationId: randomUUID(),
    payerId: randomUUID(),
    clientId: randomUUID(),
    policyId: randomUUID(),
  };
  const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };
  const soloStaff: Actor = { userId: 'staff-3', role: 'billing_staff', practiceIds: [soloPracticeId] };
  const otherOwner: Actor = { userId: 'owner-2', role: 'practice_owner', practiceIds: [otherPracticeId] };
  const admin: Actor = { userId: 'admin-1', role: 'admin', practiceIds: [practiceId] };
  let day = 1;

  const appointment = (
    clientId: string,
    over: Partial<CreateAppointmentBody> = {},
  ): CreateAppointmentBody => ({
    clientId,
    renderingTeamMemberId: clinicianId,
    serviceDate: `2026-11-${String(day++).padStart(2, '0')}`,
    startTime: '09:00',
    minutes: 53,
    placeOfService: '10',
    diagnoses: ['F43.10'],
    lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 15050, diagnosisPointers: [1] }],
    attendance: 'attended',
    billingType: 'insurance',
    ...over,
  });
  /** One claim (period `appointment`) for a new appointment of the client. */
  const claimFor = async (
    clientId: string,
    actor: Actor = staff,
    pid = practiceId,
    over: Partial<CreateAppointmentBody> = {},
  ): Promise<string> => {
    const a = await h.rpc.send(
      'claims.appointment.create',
      { practiceId: pid, ...appointment(clientId, over) },
      { actor },
    );
    const made = await h.rpc.send(
      'claims.claim.create-from-appointments',
      { practiceId: pid, appointmentIds: [a.id], period: 'appointment' },
      { actor },
    );
    return made.claims[0].id;
  };
  const submit = (claimIds: string[], actor: Actor = staff, pid = practiceId, account = 'sandbox') =>
    h.rpc.send(
      'claims.submission.submit',
      { practiceId: pid, claimIds, account },
      { actor, timeoutMs: 30_000 },
    ) as Promise<SubmitClaimsResult>;
  const getClaim = (claimId: string, actor: Actor = staff, pid: string = practiceId): Promise<ClaimView> =>
    h.rpc.send('claims.claim.get', { practiceId: pid, claimId }, { actor });
  const statusOf = async (claimId: string, actor: Actor = staff, pid: string = practiceId) =>
    (await getClaim(claimId, actor, pid)).status;
  const waitStatus = (claimId: string, status: ClaimStatus, actor: Actor = staff, pid: string = practiceId) =>
    waitFor(
      `claim ${claimId} ${status}`,
      async () => ((await statusOf(claimId, actor, pid)) === status ? true : undefined),
      30_000,
      200,
    );
  const moves = async (claimId: string, actor: Actor = staff, pid: string = practiceId) =>
    (await getClaim(claimId, actor, pid)).history.map((x) => `${x.from ?? '-'}>${x.to}`);

  beforeAll(async () => {
    await ch.start();
    await h.setUp();
    h.addPractice({ practiceId, clinicianId, locationId, payerId });
    h.addPractice({ practiceId: otherPracticeId, ...other });
    h.addClient(practiceId, good.clientId, good.policyId, payerId, 'W100200300');
    h.addClient(practiceId, rej.clientId, rej.policyId, payerId, 'REJ4455667');
    h.addClient(practiceId, noMember.clientId, noMember.policyId, payerId, '');
    // A practice billing as its clinicians: two billing providers, two transactions in one file.
    h.addPractice({
      practiceId: soloPracticeId,
      clinicianId: solo.clinicianId,
      locationId: solo.locationId,
      payerId: solo.payerId,
    });
    const profile = h.profiles.get(soloPracticeId);
    if (!profile) throw new Error('no profile');
    h.profiles.set(soloPracticeId, { ...profile, billAs: 'individual', organizationNpi: null });
    const member = h.members.get(solo.clinicianId);
    if (!member) throw new Error('no member');
    h.members.set(solo.secondClinicianId, {
      ...member,
      id: solo.secondClinicianId,
      firstName: 'Ana',
      npi: '1679576722',
    });
    h.addClient(soloPracticeId, solo.clientId, solo.policyId, solo.payerId, 'W555666777');
    await h.start({
      CLEARINGHOUSE_ACCOUNTS_FILE: ch.accountsFile,
      CLEARINGHOUSE_ARCHIVE_DIR: ch.archiveDir,
      SUBMISSION_UPLOAD_POLL_MS: '200',
      CLEARINGHOUSE_POLL_MS: '250',
    });
  }, 60_000);

  afterAll(async () => {
    await h.tearDown();
    await ch.stop();
  });

  it('sends claims in one 837P, then Submitted → Received → Accepted with the payer claim number, and a REJ member Rejected in words', async () => {
    const accepted = await claimFor(good.clientId);
    const rejected = await claimFor(rej.clientId);
    const result = await submit([accepted, rejected]);
    expect(result.refused).toEqual([]);
    expect(result.batches).toHaveLength(1);
    const [batch] = result.batches;
    expect(batch).toMatchObject({ account: 'sandbox', claimCount: 2, status: 'pending', payerId });
    expect(batch.fileName).toBe(
      `CLAIMLINE_${batch.interchangeControlNumber}_${batch.fileName.slice(-18, -4)}.837`,
    );

    await waitStatus(accepted, 'accepted');
    await waitStatus(rejected, 'rejected');
    expect(await moves(accepted)).toEqual([
      '->prepared',
      'prepared>submitted',
      'submitted>received',
      'received>accepted',
    ]);
    expect(await moves(rejected)).toEqual([
      '->prepared',
      'prepared>submitted',
      'submitted>received',
      'received>rejected',
    ]);
    expect(ch.uploads('sandbox').filter((n) => n.includes(batch.interchangeControlNumber))).toHaveLength(1);

    const history = await h.rpc.send(
      'claims.submission.history',
      { practiceId, claimId: accepted },
      { actor: staff },
    );
    expect(history.submissions).toHaveLength(1);
    const sub = history.submissions[0];
    expect(sub).toMatchObject({
      status: 'accepted',
      fileName: batch.fileName,
      transactionControlNumber: '0001',
    });
    expect(sub.payerClaimNumber).toMatch(/^SBX/);
    expect(sub.responses.map((r) => `${r.kind}:${r.outcome}`).sort()).toEqual([
      '277CA:accepted',
      '999:received',
    ]);
    const rejHistory = await h.rpc.send(
      'claims.submission.history',
      { practiceId, claimId: rejected },
      { actor: staff },
    );
    const words = rejHistory.submissions[0].responses.find((r) => r.kind === '277CA')?.words ?? '';
    expect(words).toMatch(/^The payer rejected the claim \(277CA\): /);
    expect(words.length).toBeGreaterThan(45);

    // Events carry the moves, never PHI.
    await waitFor('status events', () =>
      h.seen.filter((e) => e.type === 'claims.claim.status-changed' && e.aggregateId === accepted).length >= 3
        ? true
        : undefined,
    );
    const events = h.seen.filter(
      (e) => e.type === 'claims.claim.status-changed' && e.aggregateId === accepted,
    );
    expect(JSON.stringify(events)).not.toMatch(/W100200300|Reyes/);

    const batches = await h.rpc.send('claims.submission.batch-list', { practiceId }, { actor: staff });
    expect(batches.items.find((b) => b.id === batch.id)).toMatchObject({ status: 'uploaded' });
    // The bytes are kept encrypted.
    const [row] = await h.sql.query(`SELECT content_ciphertext FROM claims.submission_batch WHERE id = $1`, [
      batch.id,
    ]);
    expect(row.content_ciphertext).not.toMatch(/ISA|W100200300/);
  });

  it('refuses, with the reason, claims that cannot go: in Scrub, not enrolled, already in a batch or sent; 404 across practices', async () => {
    const scrub = await claimFor(noMember.clientId);
    expect(await statusOf(scrub)).toBe('scrub');
    const first = await claimFor(good.clientId);
    const sent = await submit([first]);
    expect(sent.batches).toHaveLength(1);
    const again = await submit([first, scrub]);
    expect(again.batches).toEqual([]);
    const reasons = Object.fromEntries(again.refused.map((r) => [r.claimId, r]));
    expect(['in_batch', 'status']).toContain(reasons[first].code);
    expect(reasons[scrub].code).toBe('scrub');
    expect(reasons[scrub].reason).toMatch(/member ID/i);

    h.claimFiling = 'submitted';
    try {
      const unenrolled = await claimFor(good.clientId);
      const refused = await submit([unenrolled]);
      expect(refused.batches).toEqual([]);
      expect(refused.refused[0]).toMatchObject({ claimId: unenrolled, code: 'enrollment' });
      expect(refused.refused[0].reason).toMatch(/claim-filing enrollment/);
    } finally {
      h.claimFiling = 'not_required';
    }

    expect((await rpcError(submit([first], otherOwner, otherPracticeId))).code).toBe('not_found');
    const foreign = h.rpc.send(
      'claims.submission.history',
      { practiceId: otherPracticeId, claimId: first },
      { actor: otherOwner },
    );
    expect((await rpcError(foreign)).code).toBe('not_found');
    const clinician: Actor = { userId: 'c-1', role: 'clinician', practiceIds: [practiceId] };
    expect((await rpcError(submit([first], clinician))).code).toBe('forbidden');
    await waitStatus(first, 'accepted');
  });

  it('lists a rejected claim in the work queue, and once fixed sends it again as CLM01 -1 until accepted', async () => {
    const claimId = await claimFor(rej.clientId);
    await submit([claimId]);
    await waitStatus(claimId, 'rejected');
    const queue = await h.rpc.send('claims.submission.rejected-list', { practiceId }, { actor: staff });
    const item = queue.items.find((i) => i.claimId === claimId);
    expect(item?.reason).toMatch(/^The payer rejected the claim \(277CA\)/);
    expect(item?.submissions).toBe(1);

    // Still wrong: scrubbed again, it goes anyway (the member ID passes scrubbing) — fix it first.
    const policy = h.policies.get(rej.policyId);
    if (!policy) throw new Error('no policy');
    h.policies.set(rej.policyId, { ...policy, memberId: 'W900800700' });
    const again = await submit([claimId]);
    expect(again.refused).toEqual([]);
    await waitStatus(claimId, 'accepted');
    const history = await h.rpc.send('claims.submission.history', { practiceId, claimId }, { actor: staff });
    expect(history.submissions.map((s) => s.status)).toEqual(['rejected', 'accepted']);
    const [firstPcn, secondPcn] = history.submissions.map((s) => s.patientControlNumber);
    expect(secondPcn).toBe(`${firstPcn}-1`);
    expect(await moves(claimId)).toEqual([
      '->prepared',
      'prepared>submitted',
      'submitted>received',
      'received>rejected',
      'rejected>prepared',
      'prepared>submitted',
      'submitted>received',
      'received>accepted',
    ]);
    const after = await h.rpc.send('claims.submission.rejected-list', { practiceId }, { actor: staff });
    expect(after.items.some((i) => i.claimId === claimId)).toBe(false);
  });

  const envelope = (icn: number) => ({
    createdAt: new Date(),
    usage: 'T' as const,
    interchangeSender: { qualifier: 'ZZ', id: 'SANDBOXCH' },
    interchangeReceiver: { qualifier: 'ZZ', id: 'CLAIMLINE' },
    applicationSender: 'SANDBOXCH',
    applicationReceiver: 'CLAIMLINE',
    controlNumbers: { interchange: icn, group: icn, transaction: 1 },
  });

  it('a TA1 rejection rejects every claim of the file with the reason; the same file again is processed once', async () => {
    const a = await claimFor(good.clientId);
    const b = await claimFor(good.clientId);
    const { batches } = await submit([a, b], staff, practiceId, 'quiet');
    await waitStatus(a, 'submitted');
    await waitStatus(b, 'submitted');
    expect(ch.uploads('quiet')).toContain(batches[0].fileName);
    const icn = batches[0].interchangeControlNumber;
    const ta1 = writeTa1({
      ...envelope(900000001),
      acknowledged: { controlNumber: icn, date: '261203', time: '1200' },
      status: 'rejected',
      noteCode: '024',
    });
    if (!ta1.x12) throw new Error(JSON.stringify(ta1.problems));
    ch.respond('quiet', `${batches[0].fileName}.TA1`, ta1.x12);
    ch.respond('quiet', `${batches[0].fileName}.copy.TA1`, ta1.x12);
    await waitStatus(a, 'rejected');
    await waitStatus(b, 'rejected');
    const history = await h.rpc.send(
      'claims.submission.history',
      { practiceId, claimId: a },
      { actor: staff },
    );
    expect(history.submissions[0].responses).toHaveLength(1);
    expect(history.submissions[0].responses[0].words).toBe(
      `The clearinghouse rejected the whole file ${batches[0].fileName} (TA1 note 024): The interchange content is not valid`,
    );
    const rows = await waitFor('the copy recorded as a duplicate', async () => {
      const found: { duplicate: boolean }[] = await h.sql.query(
        `SELECT duplicate FROM claims.clearinghouse_received_file WHERE name LIKE $1 ORDER BY name`,
        [`${batches[0].fileName}%`],
      );
      return found.length === 2 ? found : undefined;
    });
    expect(rows.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(await moves(a)).toEqual(['->prepared', 'prepared>submitted', 'submitted>rejected']);
  });

  it('a 999 partially accepted rejects only the claims of the refused transaction', async () => {
    const first = await claimFor(solo.clientId, soloStaff, soloPracticeId, {
      renderingTeamMemberId: solo.clinicianId,
    });
    const second = await claimFor(solo.clientId, soloStaff, soloPracticeId, {
      renderingTeamMemberId: solo.secondClinicianId,
    });
    const { batches, refused } = await submit([first, second], soloStaff, soloPracticeId, 'quiet');
    expect(refused).toEqual([]);
    expect(batches).toHaveLength(1);
    await waitStatus(first, 'submitted', soloStaff, soloPracticeId);
    await waitStatus(second, 'submitted', soloStaff, soloPracticeId);
    // One interchange, one transaction per billing provider, valid as a whole.
    const x12 = readFileSync(path.join(ch.info.accounts['quiet'].inbound, batches[0].fileName), 'utf8');
    expect(x12.match(/~ST\*837\*/g)).toHaveLength(2);
    expect(validate(x12, MAP_837P).findings.filter((f) => f.severity === 'error')).toEqual([]);
    const icn = Number(batches[0].interchangeControlNumber);
    const ack = write999({
      ...envelope(900000002),
      functionalId: 'HC',
      groupControlNumber: String(icn),
      groupVersion: '005010X222A1',
      transactions: [
        { setId: '837', controlNumber: '0001', status: 'accepted' },
        {
          setId: '837',
          controlNumber: '0002',
          status: 'rejected',
          errorCodes: ['5'],
          segmentErrors: [
            { segmentId: 'NM1', position: 14, code: '8', elementErrors: [{ position: 9, code: '1' }] },
          ],
        },
      ],
    });
    if (!ack.x12) throw new Error(JSON.stringify(ack.problems));
    ch.respond('quiet', `${batches[0].fileName}.999`, ack.x12);
    await waitStatus(first, 'received', soloStaff, soloPracticeId);
    await waitStatus(second, 'rejected', soloStaff, soloPracticeId);
    const history = await h.rpc.send(
      'claims.submission.history',
      { practiceId: soloPracticeId, claimId: second },
      { actor: soloStaff },
    );
    expect(history.submissions[0].responses[0].words).toContain(
      'segment NM1 (segment 14 of the transaction): the segment has errors in its elements; element NM109: a required element is missing',
    );
  });

  it('keeps responses that match nothing in the unmatched queue (admins), and shows the accounts without keys', async () => {
    const ta1 = writeTa1({
      ...envelope(900000003),
      acknowledged: { controlNumber: '999999990', date: '261203', time: '1200' },
      status: 'rejected',
      noteCode: '001',
    });
    ch.respond('quiet', 'STRAY_999999990.TA1', ta1.x12 ?? '');
    ch.respond('quiet', 'NOTES.txt', 'not an x12 file at all');
    const page = await waitFor('two unmatched responses', async () => {
      const p = await h.rpc
        .send('claims.submission.unmatched-list', {}, { actor: admin })
        .catch((e: { body?: unknown }) => {
          throw new Error(JSON.stringify(e.body ?? e));
        });
      return p.items.filter((i) => i.fileName === 'STRAY_999999990.TA1' || i.fileName === 'NOTES.txt')
        .length === 2
        ? p
        : undefined;
    });
    expect(page.items.find((i) => i.fileName === 'STRAY_999999990.TA1')).toMatchObject({
      kind: 'TA1',
      reference: '999999990',
      account: 'quiet',
    });
    expect(page.items.find((i) => i.fileName === 'NOTES.txt')).toMatchObject({ kind: 'unknown' });
    expect((await rpcError(h.rpc.send('claims.submission.unmatched-list', {}, { actor: staff }))).code).toBe(
      'forbidden',
    );

    const accounts = await h.rpc.send('claims.clearinghouse-account.list', {}, { actor: admin });
    expect(accounts.items.map((a) => a.name)).toEqual(['sandbox', 'quiet']);
    expect(accounts.items[0]).toMatchObject({ host: '127.0.0.1', hostKey: ch.info.hostKey });
    expect(JSON.stringify(accounts)).not.toMatch(/PRIVATE KEY/);
    const one = await h.rpc.send('claims.clearinghouse-account.list', { name: 'quiet' }, { actor: admin });
    expect(one.items.map((a) => a.name)).toEqual(['quiet']);
  });
});
