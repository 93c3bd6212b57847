import { randomUUID } from 'node:crypto';
import type { Actor } from '@claimline/contracts/common';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { rpcError, type SandboxHttp, startSandboxHttp } from '@claimline/backend/util-testing';
import { ClaimStatusInquiryService } from '../../src/claim-status-inquiry/claim-status-inquiry.service';
import { Harness } from './harness';

const DAY = 86_400_000;

/**
 * Claim status (276 → 277) against the built clearinghouse sandbox run as a process (its real
 * HTTP port and member-ID rules), for claims at the payer. Submission is built elsewhere: the
 * claims here are written at the payer (status and history) the way submission leaves them.
 */
describe('claims: claim status requests through the clearinghouse sandbox (real HTTP, PostgreSQL, NATS)', () => {
  const h = new Harness();
  const practiceId = randomUUID();
  const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };
  const slowPayer = randomUUID();
  let sandbox: SandboxHttp | undefined;
  let pcn = 9_000;
  let app: Awaited<ReturnType<Harness['start']>>;

  /** A claim in `status`, submitted `daysAgo` days ago, for a subscriber with `memberId`. */
  const claimAtPayer = async (
    memberId: string,
    status = 'accepted',
    daysAgo = 40,
    payerId = randomUUID(),
  ) => {
    const id = randomUUID();
    const patientControlNumber = `SBX${++pcn}`;
    const snapshot = {
      patientControlNumber,
      billingProvider: { billAs: 'organization', name: 'Riverside Counseling', npi: '1245319599' },
      subscriber: { lastName: 'Reyes', firstName: 'Dana', memberId, birthDate: '1990-04-12', sex: 'F' },
      patient: {
        lastName: 'Reyes',
        firstName: 'Dana',
        birthDate: '1990-04-12',
        sex: 'F',
        relationshipToSubscriber: 'self',
      },
      payer: { name: 'Acme Health Plan', payerId: '60054' },
    };
    const cipher = new PhiCipher(h.phiKey);
    await h.sql.query(
      `INSERT INTO claims.claim (id, practice_id, sequence, patient_control_number, status, client_id, policy_id,
         payer_id, payer_name, rendering_team_member_id, billing_provider_key, appointment_ids, service_keys,
         service_from, service_to, total_cents, line_count, frequency_code, payload_ciphertext, version)
       VALUES ($1, $2, $3, $4, $5, $6, $6, $7, 'Acme Health Plan', $6, 'k', ARRAY[$6]::uuid[], '{}',
         '2026-02-20', '2026-02-20', 15050, 1, '1', $8, 1)`,
      [
        id,
        practiceId,
        pcn,
        patientControlNumber,
        status,
        randomUUID(),
        payerId,
        cipher.encrypt(JSON.stringify({ snapshot, findings: [] }), `claim:${id}`),
      ],
    );
    await h.sql.query(
      `INSERT INTO claims.claim_status_history (claim_id, from_status, to_status, move, at) VALUES ($1, 'prepared', 'submitted', 'submit', $2)`,
      [id, new Date(Date.now() - daysAgo * DAY)],
    );
    return { id, patientControlNumber };
  };

  beforeAll(async () => {
    sandbox = await startSandboxHttp();
    await h.setUp();
    app = await h.start({
      CLEARINGHOUSE_ELIGIBILITY_URL: sandbox.url,
      CLAIM_STATUS_SWEEP_MINUTES: '0',
      CLAIM_STATUS_AFTER_DAYS_BY_PAYER: `${slowPayer}=60`,
    });
  });

  afterAll(async () => {
    sandbox?.stop();
    await h.tearDown();
  });

  it('asks on demand and keeps the payer status in words with the claim', async () => {
    const claim = await claimAtPayer('XJ100');
    const none = await h.rpc.send(
      'claims.claim.payer-status',
      { practiceId, claimId: claim.id },
      { actor: staff },
    );
    expect(none).toEqual({ last: null });
    const answer = await h.rpc.send(
      'claims.claim.status-inquire',
      { practiceId, claimId: claim.id },
      { actor: staff },
    );
    expect(answer).toMatchObject({
      claimId: claim.id,
      category: 'F1',
      code: '65',
      status: expect.stringMatching(/^Finalized: paid/),
      paidCents: 96_32,
      trigger: 'manual',
    });
    const last = await h.rpc.send(
      'claims.claim.payer-status',
      { practiceId, claimId: claim.id },
      { actor: staff },
    );
    expect(last.last).toEqual(answer);
  });

  it('gives denied, not found and pending with the payer message (stored encrypted)', async () => {
    const ask = async (memberId: string) =>
      h.rpc.send(
        'claims.claim.status-inquire',
        { practiceId, claimId: (await claimAtPayer(memberId)).id },
        { actor: staff },
      );
    expect((await ask('DEN1')).category).toBe('F2');
    expect((await ask('REJ1')).status).toMatch(/not found/);
    const pending = await ask('PEND1');
    expect([pending.category, pending.message]).toEqual(['P3', 'PLEASE SEND THE TREATMENT PLAN']);
    const [row] = await h.sql.query(
      'SELECT message_ciphertext FROM claims.claim_status_inquiry WHERE id = $1',
      [pending.id],
    );
    expect(row.message_ciphertext).not.toContain('TREATMENT');
  });

  it('refuses a claim that is not at the payer (409), and another practice’s claim (404)', async () => {
    const paid = await claimAtPayer('XJ200', 'paid');
    expect(
      (
        await rpcError(
          h.rpc.send('claims.claim.status-inquire', { practiceId, claimId: paid.id }, { actor: staff }),
        )
      ).code,
    ).toBe('conflict');
    const other = randomUUID();
    const stranger: Actor = { userId: 'x', role: 'practice_owner', practiceIds: [other] };
    expect(
      (
        await rpcError(
          h.rpc.send(
            'claims.claim.status-inquire',
            { practiceId: other, claimId: paid.id },
            { actor: stranger },
          ),
        )
      ).code,
    ).toBe('not_found');
  });

  it('finds the claims due by their payer’s days (default 30, a slow payer 60) and not asked since', async () => {
    await h.sql.query(`UPDATE claims.claim SET status = 'paid' WHERE practice_id = $1`, [practiceId]);
    const due = await claimAtPayer('XJ300', 'submitted', 31);
    const early = await claimAtPayer('XJ301', 'received', 10);
    const slowNotYet = await claimAtPayer('XJ302', 'accepted', 45, slowPayer);
    const slowDue = await claimAtPayer('XJ303', 'accepted', 61, slowPayer);
    // The sweep as the running service makes it.
    const service = app.get(ClaimStatusInquiryService);
    const ids = (await service.due()).map((c) => c.id);
    expect(ids.sort()).toEqual([due.id, slowDue.id].sort());
    expect(ids).not.toContain(early.id);
    expect(ids).not.toContain(slowNotYet.id);
    expect(await service.sweep({ kind: 'service', service: 'claims', rights: [], practiceIds: null })).toBe(
      2,
    );
    // Asked now: not due again until its days have passed once more.
    expect(await service.due()).toEqual([]);
    const last = await h.rpc.send(
      'claims.claim.payer-status',
      { practiceId, claimId: due.id },
      { actor: staff },
    );
    expect(last.last?.trigger).toBe('scheduled');
  });
});
