import { randomUUID } from 'node:crypto';
import type { Actor } from '@claimline/contracts/common';
import type { ClaimAdjudicatedEvent } from '@claimline/contracts/payments';
import { waitFor } from '@claimline/backend/util-testing';
import { ClaimsHarness } from './claims-harness';

describe('claims service: ERA results from payments move claims (real PostgreSQL and NATS)', () => {
  const h = new ClaimsHarness();
  const practiceId = randomUUID();
  const clinicianId = randomUUID();
  const locationId = randomUUID();
  const payerId = randomUUID();
  const clientId = randomUUID();
  const policyId = randomUUID();
  const staff: Actor = { userId: 'staff-1', role: 'billing_staff', practiceIds: [practiceId] };

  beforeAll(async () => {
    await h.setUp();
    h.addPractice({ practiceId, clinicianId, locationId, payerId });
    h.addClient(practiceId, clientId, policyId, payerId);
    await h.start();
  });
  afterAll(() => h.tearDown());

  const newClaim = async (serviceDate: string): Promise<string> => {
    const { id } = await h.rpc.send(
      'claims.appointment.create',
      {
        practiceId,
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
      },
      { actor: staff },
    );
    const r = await h.rpc.send(
      'claims.claim.create-from-appointments',
      { practiceId, appointmentIds: [id] },
      { actor: staff },
    );
    return r.claims[0].id;
  };
  const adjudicated = (claimId: string, move: ClaimAdjudicatedEvent['move']) =>
    h.publish(
      'payments',
      h.envelope<ClaimAdjudicatedEvent>('payments.claim.adjudicated', claimId, practiceId, {
        claimId,
        practiceId,
        clientId,
        transactionId: randomUUID(),
        result: move === 'era_paid' ? 'paid' : 'denied',
        move,
        chargeCents: 16000,
        paidCents: move === 'era_paid' ? 12000 : 0,
        clientResponsibilityCents: 0,
        writeOffCents: 4000,
        openCents: 0,
      }),
    );
  const history = (
    claimId: string,
  ): Promise<{ move: string; from_status: string; to_status: string; reason: string }[]> =>
    h.sql.query(
      'SELECT move, from_status, to_status, reason FROM claims.claim_status_history WHERE claim_id = $1 ORDER BY id',
      [claimId],
    );

  it('applies era_paid to a submitted claim, and records a refused move without changing the status', async () => {
    const claimId = await newClaim('2026-10-06');
    // Submission is built elsewhere: the claim is put in Submitted as the submission would.
    await h.sql.query(`UPDATE claims.claim SET status = 'submitted' WHERE id = $1`, [claimId]);
    await adjudicated(claimId, 'era_paid');
    await waitFor('claim paid', async () => (await history(claimId)).some((r) => r.move === 'era_paid'));
    const claim = await h.rpc.send('claims.claim.get', { practiceId, claimId }, { actor: staff });
    expect(claim.status).toBe('paid');
    await h.waitForEvent(
      (e) =>
        e.type === 'claims.claim.status-changed' &&
        (e.data as { id: string }).id === claimId &&
        (e.data as { to: string }).to === 'paid',
      'status-changed to paid',
    );

    // A denial after the payment is not a move the status machine allows: kept in the history, status stays.
    await adjudicated(claimId, 'era_denied');
    await waitFor('refusal recorded', async () =>
      (await history(claimId)).some((r) => r.move === 'era_denied_refused'),
    );
    const refused = (await history(claimId)).find((r) => r.move === 'era_denied_refused');
    expect(refused).toMatchObject({ from_status: 'paid', to_status: 'paid' });
    expect(refused?.reason).toMatch(/ERA result not applied/);
    expect((await h.rpc.send('claims.claim.get', { practiceId, claimId }, { actor: staff })).status).toBe(
      'paid',
    );
  });
});
