import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { restOk } from './api';

/** An ISO date `offset` days from today (UTC): dates of service in the past, as claims need. */
export const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const CLAIMS_ADDRESS = { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' };

/** A group practice that can bill: an organization billing profile, a clinician with an NPI, a payer that needs no enrollment. */
export interface BillingPractice {
  practiceId: string;
  clinicianId: string;
  payerId: string;
  payerName: string;
}

export async function billingPractice(token: string, name: string): Promise<BillingPractice> {
  const practice = await restOk(token, 'POST', '/practices', {
    type: 'group',
    name,
    phone: '(512) 555-0100',
    address: CLAIMS_ADDRESS,
  });
  await restOk(token, 'PUT', `/practices/${practice.id}/billing-profile`, {
    version: 0,
    billAs: 'organization',
    organizationNpi: '1245319599',
    taxId: { kind: 'ein', value: '12-3456789' },
    taxonomyCode: '1041C0700X',
    billingAddress: { ...CLAIMS_ADDRESS, line2: 'Suite 300', zip: '78701-4042' },
    serviceFacilityLocation: false,
  });
  const clinician = await restOk(token, 'POST', `/practices/${practice.id}/team-members`, {
    firstName: 'Robin',
    lastName: 'Hale',
    email: `robin.${Date.now().toString(36)}@claims.test`,
    role: 'clinician',
    credentials: ['LCSW'],
    taxonomyCode: '1041C0700X',
    npi: '1234567893',
  });
  // A commercial payer that needs no claim-filing enrollment, so a complete claim is clean.
  const payers = await restOk(token, 'GET', '/payers?search=aetna');
  const payer = payers.items.find((p: any) => !p.claimFilingEnrollmentRequired && p.kind === 'commercial');
  if (!payer) throw new Error('no commercial Aetna payer without enrollment in the payer list');
  return { practiceId: practice.id, clinicianId: clinician.id, payerId: payer.id, payerName: payer.name };
}

/** A client (with a primary policy at the practice's payer unless `policy` is false); its id. */
export async function billingClient(
  token: string,
  p: BillingPractice,
  input: { firstName: string; lastName: string; phone?: string; address?: object | null; policy?: boolean },
): Promise<string> {
  const { policy = true, address = CLAIMS_ADDRESS, ...names } = input;
  const client = await restOk(token, 'POST', `/practices/${p.practiceId}/clients`, {
    birthDate: '1985-04-12',
    sex: 'F',
    billingType: 'insurance',
    ...names,
    ...(address && { address }),
  });
  if (policy)
    await restOk(token, 'POST', `/practices/${p.practiceId}/clients/${client.id}/policies`, {
      order: 'primary',
      payerId: p.payerId,
      memberId: 'W123456789',
      groupNumber: 'GRP-1',
      relationship: 'self',
    });
  return client.id;
}

/** An attended telehealth session (90837-95, F43.10, $160) billed to insurance; its id. */
export async function billingSession(
  token: string,
  p: BillingPractice,
  clientId: string,
  serviceDate: string,
): Promise<string> {
  const a = await restOk(token, 'POST', `/practices/${p.practiceId}/appointments`, {
    clientId,
    renderingTeamMemberId: p.clinicianId,
    serviceDate,
    startTime: '09:00',
    minutes: 53,
    placeOfService: '10',
    diagnoses: ['F43.10'],
    lines: [{ procedure: '90837', modifiers: ['95'], units: 1, feeCents: 16000, diagnosisPointers: [1] }],
    attendance: 'attended',
    billingType: 'insurance',
  });
  return a.id;
}

/** Runs `click` and answers the file the browser downloaded because of it. */
export async function downloadOf(
  page: Page,
  click: () => Promise<void>,
  timeout = 30_000,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = (await Promise.all([page.waitForEvent('download', { timeout }), click()])) as [
    Download,
    void,
  ];
  const path = await download.path();
  if (!path) throw new Error('the download did not finish');
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}
