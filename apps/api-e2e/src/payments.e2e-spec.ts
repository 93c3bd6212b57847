import { write835 } from '@claimline/x12';
import { waitFor } from '@claimline/backend/util-testing';
import {
  accessToken,
  address,
  api,
  billingAddress,
  EVENTUALLY,
  newClinician,
  newPractice,
  uniqueName,
  users,
} from './client';

const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * ERA posting through the gateway (issue #18): a claim made through the API → payments' read model
 * learns it from claims' events → an 835 for it (written with libs/x12's write835: paid with
 * coinsurance) uploaded as the raw body → posted to the cent, the client's balance from the PR
 * amount, the same file again recognised as a duplicate → claims-service is told. The claim is
 * Prepared (submission is being built in parallel and no route moves a claim to Submitted), so
 * `era_paid` is refused by the status machine: the e2e asserts that the refusal is recorded in the
 * claim's history and the status stays, which proves the event reached claims.
 */
describe('ERA posting', () => {
  let staff: string;
  let practiceId: string;
  let clientId: string;
  let claim: any;

  beforeAll(async () => {
    staff = await accessToken(users.staff);
    practiceId = await newPractice(staff, 'Payments', '(512) 555-0100');
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
    const clinicianId = await newClinician(staff, practiceId);
    const payers = await api('GET', '/payers?search=aetna', { token: staff });
    const payer = payers.body.items.find(
      (p: any) => !p.claimFilingEnrollmentRequired && p.kind === 'commercial',
    );
    const client = await api('POST', `/practices/${practiceId}/clients`, {
      token: staff,
      body: {
        firstName: 'Ada',
        lastName: uniqueName('Era'),
        birthDate: '1985-04-12',
        sex: 'F',
        phone: '(512) 555-0101',
        address,
      },
    });
    expect(client.status).toBe(201);
    clientId = client.body.id;
    const policy = await api('POST', `/practices/${practiceId}/clients/${clientId}/policies`, {
      token: staff,
      body: {
        order: 'primary',
        payerId: payer.id,
        memberId: 'W123456789',
        groupNumber: 'GRP-1',
        relationship: 'self',
      },
    });
    expect(policy.status).toBe(201);
    const appointment = await api('POST', `/practices/${practiceId}/appointments`, {
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
      },
    });
    expect(appointment.status).toBe(201);
    const made = await api('POST', `/practices/${practiceId}/claims`, {
      token: staff,
      body: { appointmentIds: [appointment.body.id] },
    });
    expect(made.status).toBe(201);
    claim = (await api('GET', `/practices/${practiceId}/claims/${made.body.claims[0].id}`, { token: staff }))
      .body;
    expect(claim.status).toBe('prepared');
  });

  const era = () => {
    const line = claim.lines[0];
    const r = write835({
      createdAt: new Date(),
      usage: 'T',
      interchangeSender: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
      interchangeReceiver: { qualifier: 'ZZ', id: 'CLAIMLINE' },
      applicationSender: 'CLEARINGHSE',
      applicationReceiver: 'CLAIMLINE',
      controlNumbers: { interchange: 7001, group: 7001, transaction: 1 },
      payment: {
        amount: 11000,
        method: 'CHK',
        date: day(-1),
        traceNumber: `E2E-${claim.id.slice(0, 8)}`,
        payerIdentifier: '1600540000',
      },
      payer: {
        name: 'Aetna',
        address: { line1: 'PO Box 100', city: 'Hartford', state: 'CT', postalCode: '06101' },
        technicalContact: { name: 'EDI desk', phone: '8005550199' },
      },
      payee: { name: 'Payments practice', npi: '1245319599', taxId: '12-3456789' },
      productionDate: day(-1),
      claims: [
        {
          claimId: claim.patientControlNumber,
          statusCode: '1',
          charge: 16000,
          paid: 11000,
          patientResponsibility: 2000,
          filingIndicator: '12', // PPO: CLP06 of a 5010 835 has no CI
          payerClaimNumber: 'AET-0001',
          patient: { lastName: 'RIVERA', firstName: 'ADA', memberId: 'W123456789' },
          adjustments: [],
          lines: [
            {
              procedure: { qualifier: 'HC', code: '90837', modifiers: ['95'] },
              charge: 16000,
              paid: 11000,
              units: 1,
              serviceDate: line.serviceDate,
              lineControlNumber: line.lineControlNumber,
              adjustments: [
                { group: 'CO', reason: '45', amount: 3000 },
                { group: 'PR', reason: '2', amount: 2000 },
              ],
            },
          ],
        },
      ],
      providerAdjustments: [],
    });
    if (!r.x12) throw new Error(JSON.stringify(r.problems));
    return r.x12;
  };
  const upload = (x12: string) =>
    api('POST', `/practices/${practiceId}/eras?name=aetna.835`, {
      token: staff,
      raw: x12,
      headers: { 'content-type': 'application/edi-x12' },
    });

  it('posts an uploaded 835 for a claim made through the API, once, with the client balance from PR', async () => {
    // payments learns the claim from claims' events (its overview answers once it does).
    await waitFor(
      'the claim in payments',
      async () =>
        (await api('GET', `/practices/${practiceId}/claims/${claim.id}/payments`, { token: staff }))
          .status === 200,
      ...EVENTUALLY,
    );
    const x12 = era();
    const first = await upload(x12);
    expect(first.status).toBe(201);
    expect(first.body.transactions).toEqual([
      expect.objectContaining({ outcome: 'posted', paymentCents: 11000, postingCount: 1, unmatchedCount: 0 }),
    ]);

    const overview = await api('GET', `/practices/${practiceId}/claims/${claim.id}/payments`, {
      token: staff,
    });
    expect(overview.body).toMatchObject({
      status: 'paid',
      move: 'era_paid',
      chargeCents: 16000,
      paidCents: 11000,
      clientResponsibilityCents: 2000,
      writeOffCents: 3000,
      openCents: 0,
    });
    expect(overview.body.postings[0].lines[0]).toMatchObject({
      matchedBy: 'line_control_number',
      paidCents: 11000,
    });

    const ledger = await api('GET', `/practices/${practiceId}/clients/${clientId}/ledger`, { token: staff });
    expect(ledger.status).toBe(200);
    expect(ledger.body.balanceCents).toBe(2000);

    const again = await upload(x12);
    expect(again.status).toBe(201);
    expect(again.body.transactions[0]).toMatchObject({ outcome: 'duplicate' });
    expect(
      (await api('GET', `/practices/${practiceId}/clients/${clientId}/ledger`, { token: staff })).body
        .balanceCents,
    ).toBe(2000);
    const eras = await api('GET', `/practices/${practiceId}/eras`, { token: staff });
    expect(eras.body.total).toBe(1);
  });

  it('tells claims: a Prepared claim refuses era_paid, and the refusal is in its history', async () => {
    await waitFor(
      'the ERA result in the claim history',
      async () =>
        (await api('GET', `/practices/${practiceId}/claims/${claim.id}`, { token: staff })).body.history.some(
          (h: any) => h.move === 'era_paid_refused',
        ),
      ...EVENTUALLY,
    );
    const detail = await api('GET', `/practices/${practiceId}/claims/${claim.id}`, { token: staff });
    expect(detail.body.status).toBe('prepared');
  });

  it('refuses a clinician, another practice, and a file that is not an 835', async () => {
    const elsewhere = await newPractice(staff, 'Payments elsewhere', '(512) 555-0199');
    expect(
      (await api('GET', `/practices/${elsewhere}/claims/${claim.id}/payments`, { token: staff })).status,
    ).toBe(404);
    const bad = await upload('not an 835 at all');
    expect(bad.status).toBe(422);
    expect(bad.body.errors?.[0]?.field).toBe('file');
  });
});
