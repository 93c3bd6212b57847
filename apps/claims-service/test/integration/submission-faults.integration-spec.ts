import { type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { Actor } from '@claimline/contracts/common';
import type { SubmitClaimsResult } from '@claimline/contracts/claims';
import { builtAppPath, killHard, spawnBuiltApp, waitFor } from '@claimline/backend/util-testing';
import { ClaimsHarness } from './claims-harness';
import { ClearinghouseSide } from './submission-harness';

/** An ed25519 public key no server of ours has. */
const OTHER_HOST_KEY = `ssh-ed25519 ${Buffer.concat([
  Buffer.from([0, 0, 0, 11]),
  Buffer.from('ssh-ed25519'),
  Buffer.from([0, 0, 0, 32]),
  Buffer.alloc(32, 7),
]).toString('base64')}`;

/**
 * What goes wrong between us and the clearinghouse: a wrong host key and a refused login (never
 * retried), the server down when the upload starts (retried, one file), and the service killed
 * with SIGKILL after recording a batch and after uploading it (the built service, restarted):
 * exactly one file on the server, every claim Submitted once.
 */
describe('claims service: submission faults (real OpenSSH server, PostgreSQL, NATS)', () => {
  const h = new ClaimsHarness();
  const ch = new ClearinghouseSide();
  const practiceId = randomUUID();
  const ids = { clinicianId: randomUUID(), locationId: randomUUID(), payerId: randomUUID() };
  const client = { clientId: randomUUID(), policyId: randomUUID() };
  const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };
  let app: INestMicroservice | undefined;
  let child: ChildProcess | null = null;
  let day = 1;

  const env = () => ({
    CLEARINGHOUSE_ACCOUNTS_FILE: ch.accountsFile,
    CLEARINGHOUSE_ARCHIVE_DIR: ch.archiveDir,
    SUBMISSION_UPLOAD_POLL_MS: '200',
    CLEARINGHOUSE_POLL_MS: '600000',
  });
  const claim = async (): Promise<string> => {
    const a = await h.rpc.send(
      'claims.appointment.create',
      {
        practiceId,
        clientId: client.clientId,
        renderingTeamMemberId: ids.clinicianId,
        serviceDate: `2026-10-${String(day++).padStart(2, '0')}`,
        startTime: '10:00',
        minutes: 53,
        placeOfService: '10',
        diagnoses: ['F41.1'],
        lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 15000, diagnosisPointers: [1] }],
        attendance: 'attended',
        billingType: 'insurance',
      },
      { actor: staff },
    );
    const made = await h.rpc.send(
      'claims.claim.create-from-appointments',
      { practiceId, appointmentIds: [a.id], period: 'appointment' },
      { actor: staff },
    );
    return made.claims[0].id;
  };
  const submit = (claimIds: string[], account: string, timeoutMs = 30_000) =>
    h.rpc.send(
      'claims.submission.submit',
      { practiceId, claimIds, account },
      { actor: staff, timeoutMs },
    ) as Promise<SubmitClaimsResult>;
  const batchOf = async (claimId: string) =>
    (
      await h.sql.query(
        `SELECT b.id, b.status, b.attempts, b.error, b.file_name FROM claims.submission_batch b
           JOIN claims.claim_submission s ON s.batch_id = b.id WHERE s.claim_id = $1 ORDER BY b.created_at DESC`,
        [claimId],
      )
    )[0] as
      { id: string; status: string; attempts: number; error: string | null; file_name: string } | undefined;
  const statusOf = async (claimId: string): Promise<string> =>
    (await h.sql.query(`SELECT status FROM claims.claim WHERE id = $1`, [claimId]))[0].status;
  const submitMoves = async (claimId: string): Promise<number> =>
    (
      await h.sql.query(
        `SELECT count(*)::int AS n FROM claims.claim_status_history WHERE claim_id = $1 AND move = 'submit'`,
        [claimId],
      )
    )[0].n;

  const spawnService = (extra: Record<string, string> = {}): ChildProcess =>
    spawnBuiltApp('claims-service', h.serviceEnv({ ...env(), ...extra }), {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const exited = (proc: ChildProcess) =>
    new Promise<NodeJS.Signals | number | null>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null)
        return resolve(proc.signalCode ?? proc.exitCode);
      proc.once('exit', (code, signal) => resolve(signal ?? code));
    });
  const kill = async (proc: ChildProcess | null) => {
    if (proc) await killHard(proc);
  };

  beforeAll(async () => {
    builtAppPath('claims-service');
    await ch.server.start();
    ch.writeAccounts([
      { name: 'wrong-key', from: 'quiet', hostKey: OTHER_HOST_KEY },
      { name: 'wrong-login', from: 'quiet', keyOf: 'sandbox' },
    ]);
    await h.setUp();
    h.addPractice({ practiceId, ...ids });
    h.addClient(practiceId, client.clientId, client.policyId, ids.payerId, 'W222333444');
    app = await h.start(env());
  }, 60_000);

  afterAll(async () => {
    await kill(child);
    await h.tearDown();
    await ch.stop();
  });

  it('refuses a server showing another host key, and a refused login, at once and for good: nothing sent, the claims free to go again', async () => {
    for (const account of ['wrong-key', 'wrong-login']) {
      const claimId = await claim();
      const before = ch.uploads('quiet').length;
      await submit([claimId], account);
      const batch = await waitFor(`the ${account} batch failed`, async () => {
        const b = await batchOf(claimId);
        return b?.status === 'failed' ? b : undefined;
      });
      expect(batch.error).toMatch(
        account === 'wrong-key' ? /host key other than the pinned one/ : /refused the login/,
      );
      // Several upload rounds later: still one attempt (a clearinghouse locks accounts after a few).
      await new Promise((r) => setTimeout(r, 1000));
      expect((await batchOf(claimId))?.attempts).toBe(1);
      expect(ch.uploads('quiet')).toHaveLength(before);
      expect(await statusOf(claimId)).toBe('prepared');
      // Free to go again, through the right account.
      await submit([claimId], 'quiet');
      await waitFor('sent through quiet', async () =>
        (await statusOf(claimId)) === 'submitted' ? true : undefined,
      );
    }
  });

  it('keeps trying while the server is down, and sends the file once when it is back', async () => {
    const claimId = await claim();
    await ch.server.stop();
    let down = true;
    try {
      const { batches } = await submit([claimId], 'quiet');
      // The connector retries with back-off meanwhile (inside one upload round).
      await new Promise((r) => setTimeout(r, 2000));
      expect(await statusOf(claimId)).toBe('prepared');
      expect((await batchOf(claimId))?.status).toBe('pending');
      await ch.server.start();
      down = false;
      await waitFor(
        'submitted after the server came back',
        async () => ((await statusOf(claimId)) === 'submitted' ? true : undefined),
        40_000,
        200,
      );
      expect(ch.uploads('quiet').filter((n) => n === batches[0].fileName)).toHaveLength(1);
      expect(await submitMoves(claimId)).toBe(1);
    } finally {
      if (down) await ch.server.start();
    }
  });

  it('killed with SIGKILL after recording the batch, then after uploading it: one file on the server, the claims Submitted once', async () => {
    const claimIds = [await claim(), await claim()];
    await h.stopApp(app);
    app = undefined;

    child = spawnService({ CLAIMS_TEST_CRASH_AT: 'after-batch-recorded' });
    await waitFor(
      'the built service answering',
      async () =>
        (await h.rpc.ping('claims.health.ping', 500).catch(() => ({ ok: false }))).ok ? true : undefined,
      30_000,
      200,
    );
    const submitted = submit(claimIds, 'quiet', 20_000).catch((e: Error) => e);
    expect(await exited(child)).toBe('SIGKILL');
    expect(await submitted).toBeInstanceOf(Error);
    const recorded = await batchOf(claimIds[0]);
    expect(recorded).toMatchObject({ status: 'pending' });
    expect(ch.uploads('quiet')).not.toContain(recorded?.file_name);
    expect(await statusOf(claimIds[0])).toBe('prepared');

    // Started again, the worker uploads the recorded batch and is killed before recording it.
    child = spawnService({ CLAIMS_TEST_CRASH_AT: 'after-upload' });
    expect(await exited(child)).toBe('SIGKILL');
    expect(ch.uploads('quiet').filter((n) => n === recorded?.file_name)).toHaveLength(1);
    expect((await batchOf(claimIds[0]))?.status).toBe('pending');
    expect(await statusOf(claimIds[0])).toBe('prepared');

    // Started again without the crash point: uploads again, finds the whole file there, records.
    child = spawnService();
    await waitFor(
      'the batch recorded as uploaded',
      async () => ((await batchOf(claimIds[0]))?.status === 'uploaded' ? true : undefined),
      30_000,
      200,
    );
    await kill(child);
    child = null;
    expect(ch.uploads('quiet').filter((n) => n === recorded?.file_name)).toHaveLength(1);
    for (const id of claimIds) {
      expect(await statusOf(id)).toBe('submitted');
      expect(await submitMoves(id)).toBe(1);
    }
  });
});
