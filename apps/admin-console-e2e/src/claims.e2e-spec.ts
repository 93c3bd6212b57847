import type { Page } from 'playwright-core';
import { restOk, restToken } from './support/api';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import {
  billingClient,
  billingPractice,
  billingSession,
  CLAIMS_ADDRESS,
  day,
  downloadOf,
  type BillingPractice,
} from './support/claims';
import { fillAddress } from './support/forms';

/**
 * Claims as a biller works them (issue #15): the list with its counts per status and the status
 * filter in the address; a claim in Scrub names its finding with the link that fixes it, and a
 * re-scrub after the fix makes it Prepared; a Prepared claim's detail shows its lines, diagnoses
 * and history, downloads its CMS-1500 (a PDF, full and data-only) and 837P, and is voided with a
 * reason.
 */
describe('claims: list with status counts, detail, scrub findings and their fix, downloads, void', () => {
  const session = useBrowser({ page: 'per-file' });
  let page: Page;
  let token: string;
  let p: BillingPractice;
  const names = { ready: `Claimed${runId}`, noAddress: `Unhoused${runId}` };
  const ids = { readyClient: '', noAddressClient: '', prepared: '', scrub: '' };

  beforeAll(async () => {
    token = await restToken(users.staff);
    p = await billingPractice(token, `Claims Counseling ${runId}`);
    ids.readyClient = await billingClient(token, p, {
      firstName: 'Ada',
      lastName: names.ready,
      phone: '(512) 555-0101',
    });
    ids.noAddressClient = await billingClient(token, p, {
      firstName: 'Bea',
      lastName: names.noAddress,
      phone: '(512) 555-0102',
      address: null,
    });
    const a = await billingSession(token, p, ids.readyClient, day(-10));
    const b = await billingSession(token, p, ids.noAddressClient, day(-11));
    const made = await restOk(token, 'POST', `/practices/${p.practiceId}/claims`, { appointmentIds: [a, b] });
    ids.prepared = made.claims.find((c: any) => c.clientId === ids.readyClient).id;
    ids.scrub = made.claims.find((c: any) => c.clientId === ids.noAddressClient).id;
    page = session.page;
    await signIn(page, users.staff);
  });

  it('lists the claims with a count per status, and keeps the status filter in the address', async () => {
    await page.goto(`/practices/${p.practiceId}`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Claims', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
    await page.getByRole('button', { name: /^Prepared 1$/ }).waitFor();
    await page.getByRole('button', { name: /^Scrub 1$/ }).waitFor();
    await page.getByRole('button', { name: /^All 2$/ }).waitFor();
    expect(await page.locator('tr.mat-mdc-row').count()).toBe(2);
    await screenshot(page, '73-claims-status-counts');

    await page.getByRole('button', { name: /^Scrub 1$/ }).click();
    await page.waitForURL(/status=scrub/);
    await page
      .getByRole('row')
      .filter({ hasText: `${names.noAddress}, Bea` })
      .waitFor();
    await page.waitForFunction(() => document.querySelectorAll('tr.mat-mdc-row').length === 1);
    await page.reload();
    await page.getByRole('button', { name: /^Scrub 1$/, pressed: true }).waitFor();
    expect(await page.locator('tr.mat-mdc-row').count()).toBe(1);
  });

  it('opens a client’s claims from the client page', async () => {
    await page.goto(`/practices/${p.practiceId}/clients/${ids.readyClient}/profile`);
    await page.getByRole('main').getByRole('link', { name: 'Claims', exact: true }).click();
    await page.waitForURL(new RegExp(`/practices/${p.practiceId}/claims\\?client=${ids.readyClient}`));
    await page.getByText(`Claims of ${names.ready}, Ada`).waitFor();
    await page.getByRole('button', { name: /^All 1$/ }).waitFor();
    expect(await page.locator('tr.mat-mdc-row').count()).toBe(1);
    await page.getByRole('button', { name: 'Show every client' }).click();
    await page.getByRole('button', { name: /^All 2$/ }).waitFor();
    await page.getByRole('button', { name: /^Scrub 1$/ }).click();
    await page.waitForURL(/status=scrub/);
  });

  it('shows a Scrub claim’s finding with the link that fixes it; after the fix a re-scrub makes it Prepared', async () => {
    const scrub = await restOk(token, 'GET', `/practices/${p.practiceId}/claims/${ids.scrub}`);
    await page.getByRole('link', { name: scrub.patientControlNumber }).click();
    await page.getByRole('heading', { level: 1, name: `Claim ${scrub.patientControlNumber}` }).waitFor();
    const findings = page.getByRole('region', { name: 'Scrub findings' });
    const address = scrub.findings.find((f: any) => f.severity === 'error' && f.fix.target === 'client');
    expect(address).toBeDefined();
    const finding = findings.getByRole('listitem').filter({ hasText: address.message });
    await finding.waitFor();
    await screenshot(page, '74-claim-scrub-findings');

    await finding.getByRole('link', { name: 'Open the client’s profile' }).click();
    await page.waitForURL(new RegExp(`/practices/${p.practiceId}/clients/${ids.noAddressClient}/profile`));
    await fillAddress(page, 'Home address', CLAIMS_ADDRESS);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: `Claim ${scrub.patientControlNumber}` }).waitFor();
    await page.getByRole('button', { name: 'Re-scrub' }).click();
    await page.getByText('Scrubbed again: Prepared.').waitFor();
    await page.getByRole('region', { name: 'Status' }).getByText('Prepared', { exact: true }).waitFor();
    await page.getByRole('list', { name: 'Status history' }).getByText('Scrub → Prepared').waitFor();
    expect(await page.getByText(address.message).count()).toBe(0);
  });

  it('shows a Prepared claim’s lines, diagnoses and history; downloads its CMS-1500 and 837P; voids it with a reason', async () => {
    const claim = await restOk(token, 'GET', `/practices/${p.practiceId}/claims/${ids.prepared}`);
    await page.goto(`/practices/${p.practiceId}/claims`);
    await page
      .getByRole('row')
      .filter({ hasText: `${names.ready}, Ada` })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 1, name: `Claim ${claim.patientControlNumber}` }).waitFor();
    const lines = page.getByRole('table', { name: 'Service lines' });
    const line = lines.getByRole('row').filter({ hasText: '90837' });
    await line.getByText('$160.00').waitFor();
    await line.getByText('95', { exact: true }).waitFor();
    expect(claim.diagnoses).toHaveLength(1);
    await page.getByRole('region', { name: 'Diagnoses' }).getByText(claim.diagnoses[0]).waitFor();
    const history = page.getByRole('list', { name: 'Status history' });
    await history.getByText('Created as Prepared').waitFor();
    await screenshot(page, '75-claim-detail');

    const pdf = await downloadOf(page, () => page.getByRole('button', { name: 'Download CMS-1500' }).click());
    expect(pdf.name).toMatch(/\.pdf$/);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const data = await downloadOf(page, () =>
      page.getByRole('button', { name: 'CMS-1500 data only' }).click(),
    );
    expect(data.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(data.bytes.equals(pdf.bytes)).toBe(false);
    const x12 = await downloadOf(page, () => page.getByRole('button', { name: 'Download 837P' }).click());
    expect(x12.bytes.subarray(0, 3).toString('latin1')).toBe('ISA');
    expect(x12.bytes.toString('latin1')).toContain(claim.patientControlNumber);

    await page.getByRole('button', { name: 'Void claim' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Reason' }).click();
    await page.getByRole('option', { name: 'Duplicate of another claim' }).click();
    await dialog.getByRole('button', { name: 'Void claim' }).click();
    await page.getByText('The claim is void.').waitFor();
    await history.getByText(/^Prepared → Void/).waitFor();
    expect(await page.getByRole('button', { name: 'Void claim' }).count()).toBe(0);
    const after = await restOk(token, 'GET', `/practices/${p.practiceId}/claims/${ids.prepared}`);
    expect(after).toMatchObject({ status: 'void' });
  });
});
