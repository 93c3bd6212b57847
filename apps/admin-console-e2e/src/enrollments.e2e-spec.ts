import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/a11y';
import { screenshot, signIn, useBrowser, users } from './support/browser';
import {
  acceptEnrollment,
  addInsuredClient,
  apiCall,
  apiToken,
  attachDocument,
  createEnrollablePractice,
  enrollmentCell,
  enrollThroughToAccepted,
  ENROLLMENT_PRACTICE,
  expectEnrollmentStatus,
  findPayerId,
  KAISER,
  MEDICARE_TX,
  openEnrollment,
  openEnrollments,
  payerRow,
  requireDocument,
  setUpPracticeReadyToEnroll,
  waitForEnrollmentStatus,
} from './support/enrollments';

describe('console enrollments: list, +Enroll with preview, the clearinghouse’s answers, documents, history', () => {
  const session = useBrowser();
  let page: Page;

  beforeEach(async () => {
    page = session.page;
  });

  it('enrolls in Medicare claim filing from the preview, then takes it through document required to accepted with its history', async () => {
    const { practiceId, payerName, token } = await setUpPracticeReadyToEnroll(MEDICARE_TX);
    // A second payer, which needs no claim-filing enrollment and sends no payment reports.
    const kaiserId = await findPayerId(token, KAISER);
    await addInsuredClient(token, practiceId, kaiserId);
    await waitForEnrollmentStatus(token, practiceId, kaiserId, 'claim_filing', 'not_required');
    await signIn(page, users.staff);
    await openEnrollments(page, practiceId);

    // Both enrollment types of the payer, each with its status chip and what it means.
    const row = payerRow(page, payerName);
    await row.waitFor();
    await enrollmentCell(page, payerName, 'claim_filing').getByText('Enroll', { exact: true }).waitFor();
    expect(await enrollmentCell(page, payerName, 'claim_filing').textContent()).toContain(
      'requires an enrollment before claims can be sent',
    );
    expect(
      (
        await enrollmentCell(page, payerName, 'payment_reports').locator('cl-status-chip').textContent()
      )?.trim(),
    ).toMatch(/^(Enroll|Not required)$/);
    await enrollmentCell(page, KAISER.name, 'claim_filing')
      .getByText('Not required', { exact: true })
      .waitFor();
    await enrollmentCell(page, KAISER.name, 'payment_reports')
      .getByText('Payment reports not supported', { exact: true })
      .waitFor();
    expect(await enrollmentCell(page, KAISER.name, 'payment_reports').textContent()).toContain(
      'share your EOBs with the billing team',
    );
    expect(await payerRow(page, KAISER.name).getByRole('button').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // +Enroll shows exactly what will be sent.
    await page.getByRole('button', { name: `+Enroll: claim filing with ${payerName}` }).click();
    const dialog = page.getByRole('dialog', { name: `+Enroll: claim filing with ${payerName}` });
    const preview = dialog.getByTestId('enroll-preview');
    await preview.waitFor();
    const sent = await preview.textContent();
    for (const expected of [
      payerName,
      ENROLLMENT_PRACTICE.legalName,
      ENROLLMENT_PRACTICE.organizationNpi,
      ENROLLMENT_PRACTICE.einShown,
      ENROLLMENT_PRACTICE.taxonomyCode,
      '500 W 2nd St, Suite 300, Austin, TX 78701-4042',
      '(512) 555-0150',
    ]) {
      expect(sent).toContain(expected);
    }
    expect(await dialog.getByTestId('enroll-missing').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '41-enrollments-enroll-preview');
    await dialog.getByRole('button', { name: 'Send enrollment' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`Claim filing enrollment with ${payerName} submitted`).waitFor();
    await enrollmentCell(page, payerName, 'claim_filing').getByText('Submitted', { exact: true }).waitFor();
    expect(await enrollmentCell(page, payerName, 'claim_filing').textContent()).toContain(
      `NPI ${ENROLLMENT_PRACTICE.organizationNpi} · Tax ID ${ENROLLMENT_PRACTICE.einShown}`,
    );
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('mat-snack-bar-container').waitFor({ state: 'detached' });
    await screenshot(page, '40-enrollments-list');

    // The filter by status finds it.
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: /^Submitted \(1\)/ }).click();
    await payerRow(page, payerName).waitFor();
    expect(page.url()).toContain('status=submitted');

    // Detail: staff (acting as the local clearinghouse) ask for a document; it is attached; accepted.
    await openEnrollment(page, practiceId, { payerName, type: 'claim_filing' });
    await expectEnrollmentStatus(page, 'Submitted');
    await requireDocument(page, 'Sign the EDI agreement and attach it');
    await page.getByRole('heading', { level: 2, name: 'Attach the requested document' }).waitFor();
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('mat-snack-bar-container').waitFor({ state: 'detached' });
    await screenshot(page, '42-enrollments-document-required');
    await attachDocument(page);
    await page.getByText('Document sent; the enrollment is submitted again').waitFor();
    await page.getByRole('button', { name: 'Download' }).waitFor();
    expect(await page.getByText(/edi-agreement-.*\.pdf/).count()).toBeGreaterThan(0);
    await acceptEnrollment(page);

    const steps = page.getByTestId('enrollment-history').getByRole('listitem');
    await expect(steps.count()).resolves.toBe(5);
    const texts = (await steps.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
    expect(texts[0]).toContain('Clients or payer requirements changed');
    expect(texts[0]).toMatch(/No clients on file.*→.*Enroll/);
    expect(texts[1]).toMatch(/Enrollment sent \(\+Enroll\).*Enroll.*→.*Submitted.*By you/);
    expect(texts[2]).toMatch(
      /Payer asked for a document.*Document required.*Instructions: Sign the EDI agreement and attach it/,
    );
    expect(texts[3]).toMatch(/Document attached.*Document required.*→.*Submitted/);
    expect(texts[4]).toMatch(/Accepted by the payer.*Submitted.*→.*Accepted/);
    // (after the snack bar: Material keeps its content aria-hidden while it announces it)
    await page.getByRole('button', { name: 'OK' }).click();
    await page.locator('mat-snack-bar-container').waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1300 });
    await page.getByRole('heading', { level: 1 }).scrollIntoViewIfNeeded();
    await screenshot(page, '43-enrollments-detail-history');

    // Back on the list, the row says Accepted and +Enroll is no longer offered.
    await page.getByRole('link', { name: '← All enrollments' }).click();
    await enrollmentCell(page, payerName, 'claim_filing').getByText('Accepted', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: `+Enroll: claim filing with ${payerName}` }).count()).toBe(
      0,
    );
  });

  it('names what is missing with a link to the settings page that fixes it, and refuses to send', async () => {
    const { practiceId, payerName } = await setUpPracticeReadyToEnroll(MEDICARE_TX, { withTaxId: false });
    await signIn(page, users.staff);
    await openEnrollments(page, practiceId);
    await page.getByRole('button', { name: `+Enroll: claim filing with ${payerName}` }).click();
    const dialog = page.getByRole('dialog', { name: `+Enroll: claim filing with ${payerName}` });
    const missing = dialog.getByTestId('enroll-missing');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('Tax ID (EIN or SSN)');
    expect(
      await missing.getByRole('link', { name: 'Fix in practice settings' }).first().getAttribute('href'),
    ).toBe(`/practices/${practiceId}/settings/billing`);
    expect(await dialog.getByRole('button', { name: 'Send enrollment' }).isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await enrollmentCell(page, payerName, 'claim_filing').getByText('Enroll', { exact: true }).waitFor();
  });

  it('explains a concurrent answer (409) and reloads to the current status', async () => {
    const { practiceId, payerId, payerName, token } = await setUpPracticeReadyToEnroll(MEDICARE_TX);
    const submitted = await apiCall('POST', `/practices/${practiceId}/enrollments`, token, {
      payerId,
      type: 'claim_filing',
    });
    expect(submitted.status).toBe(201);
    await signIn(page, users.staff);
    await openEnrollments(page, practiceId);
    await openEnrollment(page, practiceId, { payerName, type: 'claim_filing' });
    await expectEnrollmentStatus(page, 'Submitted');

    // Another member of the billing team asks for a document meanwhile.
    const other = await apiCall('PATCH', `/enrollments/${submitted.body.id}`, await apiToken(users.staff), {
      version: submitted.body.version,
      action: 'require_document',
      instructions: 'Send the signed W-9',
    });
    expect(other.status).toBe(200);

    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm acceptance' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else acted on this enrollment' }).waitFor();
    await page.getByRole('button', { name: 'Reload the enrollment' }).click();
    await expectEnrollmentStatus(page, 'Document required');
    await page.getByTestId('enrollment-instructions').getByText('Send the signed W-9').waitFor();
    expect(await page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);

    // A file the documents service would refuse is refused before uploading, in words.
    await page
      .getByLabel('Document (PDF, JPEG or PNG)')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('Only PDF, JPEG and PNG files are accepted.').waitFor();
    expect(await page.getByRole('button', { name: 'Upload and send' }).isDisabled()).toBe(true);
    // A file named .pdf whose bytes are not a PDF: the service's words come back.
    await page.getByLabel('Document (PDF, JPEG or PNG)').setInputFiles({
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not really a pdf'),
    });
    await page.getByRole('button', { name: 'Upload and send' }).click();
    await page.getByText(/not a JPEG, PNG or PDF/).waitFor();
    await expectEnrollmentStatus(page, 'Document required');
  });

  it('shows an empty practice what to do first, and is usable at tablet width', async () => {
    const token = await apiToken(users.staff);
    const practiceId = await createEnrollablePractice(token);
    await signIn(page, users.staff);
    await page.setViewportSize({ width: 800, height: 1000 });
    await openEnrollments(page, practiceId);
    await page.getByText('No payers yet: add a client with insurance first').waitFor();
    await screenshot(page, '44-enrollments-empty-tablet');
    expect(await page.getByRole('link', { name: 'Go to clients' }).getAttribute('href')).toBe(
      `/practices/${practiceId}/clients`,
    );
    await page.getByRole('button', { name: 'Show every payer in the directory' }).click();
    await payerRow(page, MEDICARE_TX.name).waitFor();
    await enrollmentCell(page, MEDICARE_TX.name, 'claim_filing')
      .getByText('No clients on file', { exact: true })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, '45-enrollments-directory-tablet');
  });

  it('takes an enrollment from +Enroll to accepted with the reusable steps', async () => {
    const { practiceId, payerName } = await setUpPracticeReadyToEnroll(MEDICARE_TX);
    await signIn(page, users.staff);
    await enrollThroughToAccepted(page, practiceId, payerName);
    expect(await page.getByTestId('enrollment-history').getByRole('listitem').count()).toBe(5);
  });
});
