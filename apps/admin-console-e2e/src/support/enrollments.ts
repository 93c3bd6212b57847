import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { waitFor } from '@claimline/backend/util-testing';
import { type Credentials, EVENTUALLY, restCall, type RestResult, restToken } from './api';
import { runId, users } from './browser';

// Reusable steps of the Enrollments area, and the REST set-up they need (a practice complete
// enough to enroll and a client insured by the payer), done as billing staff like
// apps/api-e2e/src/enrollments.e2e-spec.ts does.

export type EnrollmentTypeName = 'claim_filing' | 'payment_reports';

const TYPE_WORDS: Record<EnrollmentTypeName, string> = {
  claim_filing: 'claim filing',
  payment_reports: 'payment reports',
};

/** A payer that requires claim-filing enrollment (seeded in the payer directory). */
export const MEDICARE_TX = { name: 'Medicare (Novitas JH Part B, Texas)', search: 'novitas' };

/** Needs no claim-filing enrollment and sends no payment reports (not_required / not_supported). */
export const KAISER = { name: 'Kaiser Permanente (Northern California)', search: 'kaiser' };

export const ENROLLMENT_PRACTICE = {
  legalName: 'Harbor Group Counseling LLC',
  organizationNpi: '1982947636',
  ein: '123456789',
  einShown: '12-3456789',
  taxonomyCode: '261QM0801X',
  billingAddress: {
    line1: '500 W 2nd St',
    line2: 'Suite 300',
    city: 'Austin',
    state: 'TX',
    zip: '78701-4042',
  },
};

// ---------------------------------------------------------------- REST set-up (another area's)

type ApiResult<T = any> = RestResult<T>;

export const apiCall = restCall;
export const apiToken = (who: Credentials = users.staff): Promise<string> => restToken(who);

function expectStatus(r: ApiResult, status: number, what: string): void {
  if (r.status !== status)
    throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
}

export async function findPayerId(token: string, payer: { name: string; search: string }): Promise<string> {
  const r = await apiCall('GET', `/payers?search=${encodeURIComponent(payer.search)}&limit=50`, token);
  const found = (r.body?.items ?? []).find((p: { name: string }) => p.name === payer.name);
  if (!found) throw new Error(`payer ${payer.name} not found by "${payer.search}"`);
  return found.id as string;
}

/**
 * A group practice created by billing staff with a legal name and — unless `withTaxId` is false —
 * the full billing profile +Enroll needs (organization NPI, EIN, taxonomy, billing address).
 */
export async function createEnrollablePractice(
  token: string,
  options: { name?: string; withTaxId?: boolean } = {},
): Promise<string> {
  const created = await apiCall('POST', '/practices', token, {
    type: 'group',
    name: options.name ?? `Enroll Harbor ${runId} ${randomUUID().slice(0, 4)}`,
    legalName: ENROLLMENT_PRACTICE.legalName,
    phone: '5125550150',
    email: `office-${randomUUID().slice(0, 8)}@harbor.test`,
    address: { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' },
  });
  expectStatus(created, 201, 'create practice');
  const id = created.body.id as string;
  const profile = await apiCall('PUT', `/practices/${id}/billing-profile`, token, {
    version: 0,
    billAs: 'organization',
    organizationNpi: ENROLLMENT_PRACTICE.organizationNpi,
    ...(options.withTaxId !== false && { taxId: { kind: 'ein', value: ENROLLMENT_PRACTICE.ein } }),
    taxonomyCode: ENROLLMENT_PRACTICE.taxonomyCode,
    billingAddress: ENROLLMENT_PRACTICE.billingAddress,
    serviceFacilityLocation: false,
  });
  expectStatus(profile, 200, 'billing profile');
  return id;
}

/** A client of the practice with a primary policy for the payer. */
export async function addInsuredClient(token: string, practiceId: string, payerId: string): Promise<string> {
  const client = await apiCall('POST', `/practices/${practiceId}/clients`, token, {
    firstName: 'Ada',
    lastName: `Byron ${runId}`,
    birthDate: '1985-04-12',
    sex: 'F',
    phone: '(512) 555-0101',
    address: { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' },
  });
  expectStatus(client, 201, 'create client');
  const policy = await apiCall('POST', `/practices/${practiceId}/clients/${client.body.id}/policies`, token, {
    order: 'primary',
    payerId,
    memberId: 'W123456789',
    relationship: 'self',
  });
  expectStatus(policy, 201, 'create policy');
  return client.body.id as string;
}

/** Waits until the enrollment of payer × type has a row (with an id) in `status`. */
export async function waitForEnrollmentStatus(
  token: string,
  practiceId: string,
  payerId: string,
  type: EnrollmentTypeName,
  status: string,
) {
  return waitFor(
    `${type} with payer ${payerId} to be ${status}`,
    async () => {
      const r = await apiCall('GET', `/practices/${practiceId}/enrollments`, token);
      const row = (r.body?.items ?? []).find(
        (i: { payerId: string; type: string }) => i.payerId === payerId && i.type === type,
      );
      return row?.status === status && row.id
        ? (row as { id: string; version: number; status: string })
        : null;
    },
    ...EVENTUALLY,
  );
}

/**
 * Everything +Enroll needs, through the API as billing staff: a complete practice and a client
 * insured by the payer, waited for until the enrollments page offers +Enroll.
 */
export async function setUpPracticeReadyToEnroll(
  payer: { name: string; search: string } = MEDICARE_TX,
  options: { withTaxId?: boolean } = {},
): Promise<{ practiceId: string; payerId: string; payerName: string; token: string }> {
  const token = await apiToken(users.staff);
  const payerId = await findPayerId(token, payer);
  const practiceId = await createEnrollablePractice(token, options);
  await addInsuredClient(token, practiceId, payerId);
  await waitForEnrollmentStatus(token, practiceId, payerId, 'claim_filing', 'enroll');
  return { practiceId, payerId, payerName: payer.name, token };
}

/** A minimal valid one-page PDF (header, objects, xref with exact offsets, trailer, %%EOF). */
export function minimalPdf(text = 'Signed EDI agreement'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------- UI steps (this area)

/** Opens the practice's Enrollments page and waits for its list. */
export async function openEnrollments(page: Page, practiceId: string, query = ''): Promise<void> {
  await page.goto(`/practices/${practiceId}/enrollments${query}`);
  await page.getByRole('heading', { level: 1, name: 'Enrollments' }).waitFor();
  await page
    .getByRole('table')
    .or(page.getByText('No payers yet: add a client with insurance first'))
    .first()
    .waitFor();
}

/** The table row of a payer on the Enrollments page. */
export function payerRow(page: Page, payerName: string) {
  return page.locator('tr', { has: page.getByRole('rowheader', { name: payerName, exact: true }) });
}

/** The cell of one enrollment type in a payer's row. */
export function enrollmentCell(page: Page, payerName: string, type: EnrollmentTypeName) {
  return payerRow(page, payerName).locator(`td[data-type="${type}"]`);
}

/**
 * +Enroll from the Enrollments page: opens the preview, checks it is ready, sends it and waits
 * for the row to show Submitted. Returns the enrollment's id (from its Details link).
 */
export async function enrollWithPayer(
  page: Page,
  practiceId: string,
  { payerName, type = 'claim_filing' }: { payerName: string; type?: EnrollmentTypeName },
): Promise<string> {
  if (!new URL(page.url()).pathname.endsWith(`/practices/${practiceId}/enrollments`))
    await openEnrollments(page, practiceId);
  await page.getByRole('button', { name: `+Enroll: ${TYPE_WORDS[type]} with ${payerName}` }).click();
  const dialog = page.getByRole('dialog', { name: `+Enroll: ${TYPE_WORDS[type]} with ${payerName}` });
  await dialog.getByTestId('enroll-preview').waitFor();
  await dialog.getByRole('button', { name: 'Send enrollment' }).click();
  await dialog.waitFor({ state: 'detached' });
  await enrollmentCell(page, payerName, type).getByText('Submitted', { exact: true }).waitFor();
  const href = await enrollmentCell(page, payerName, type)
    .getByRole('link', { name: /^Details/ })
    .first()
    .getAttribute('href');
  const id = href?.split('/').pop();
  if (!id) throw new Error('no Details link after +Enroll');
  return id;
}

/** Opens an enrollment's detail page from the Enrollments page. */
export async function openEnrollment(
  page: Page,
  practiceId: string,
  { payerName, type = 'claim_filing' }: { payerName: string; type?: EnrollmentTypeName },
): Promise<void> {
  if (!new URL(page.url()).pathname.endsWith(`/practices/${practiceId}/enrollments`))
    await openEnrollments(page, practiceId);
  await page
    .getByRole('link', { name: `Details of the ${TYPE_WORDS[type]} enrollment with ${payerName}` })
    .click();
  await page.getByRole('heading', { level: 1, name: `${payerName}: ${TYPE_WORDS[type]}` }).waitFor();
  await page.getByTestId('enrollment-history').waitFor();
}

/** Waits until the open enrollment shows `label` as its status. */
export async function expectEnrollmentStatus(page: Page, label: string): Promise<void> {
  await page.getByTestId('enrollment-status').getByText(label, { exact: true }).waitFor();
}

/** Waits until the history of the open enrollment lists a step (its action label). */
export async function historyStep(page: Page, actionLabel: string): Promise<void> {
  await page
    .getByTestId('enrollment-history')
    .getByRole('listitem')
    .filter({ hasText: actionLabel })
    .last()
    .waitFor();
}

/** Staff, on an enrollment's page: the payer asks for a document, with instructions for the practice. */
export async function requireDocument(
  page: Page,
  instructions = 'Sign the EDI agreement and attach it',
): Promise<void> {
  await page.getByRole('button', { name: 'Require a document…' }).click();
  await page.getByLabel('Instructions for the practice').fill(instructions);
  await page.getByRole('button', { name: 'Ask for the document' }).click();
  await expectEnrollmentStatus(page, 'Document required');
  await page.getByTestId('enrollment-instructions').getByText(instructions).waitFor();
  await historyStep(page, 'Payer asked for a document');
}

/** Practice or staff, on an enrollment waiting for a document: uploads a file and sends it; back to Submitted. */
export async function attachDocument(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer } = {
    name: `edi-agreement-${runId}.pdf`,
    mimeType: 'application/pdf',
    buffer: minimalPdf(),
  },
): Promise<void> {
  await page.getByLabel('Document (PDF, JPEG or PNG)').setInputFiles(file);
  await page.getByRole('button', { name: 'Upload and send' }).click();
  await expectEnrollmentStatus(page, 'Submitted');
  await historyStep(page, 'Document attached');
}

/** Staff, on a submitted enrollment: records the payer's acceptance. */
export async function acceptEnrollment(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  await page.getByRole('button', { name: 'Confirm acceptance' }).click();
  await expectEnrollmentStatus(page, 'Accepted');
  await historyStep(page, 'Accepted by the payer');
}

/** The whole journey of a claim-filing enrollment, as billing staff: +Enroll, document requested and attached, accepted. */
export async function enrollThroughToAccepted(
  page: Page,
  practiceId: string,
  payerName: string,
): Promise<string> {
  const id = await enrollWithPayer(page, practiceId, { payerName, type: 'claim_filing' });
  await openEnrollment(page, practiceId, { payerName, type: 'claim_filing' });
  await requireDocument(page);
  await attachDocument(page);
  await acceptEnrollment(page);
  return id;
}
