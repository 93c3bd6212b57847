import type { Locator, Page } from 'playwright-core';
import { restOk, restToken } from './support/api';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import {
  billingClient,
  billingPractice,
  billingSession,
  day,
  downloadOf,
  type BillingPractice,
} from './support/claims';

/**
 * The unbilled list as a biller works it (issue #15): the "!" of an appointment lists every
 * reason in words and its link opens the form that fixes it; a session goes to self-pay and
 * back; one filed outside leaves the list with its CMS-1500 downloaded; a selection becomes
 * claims with a progress bar and a report of the appointment that could not be claimed.
 */
describe('unbilled appointments: "!" reasons and their fix, self-pay, filed outside, batch claims', () => {
  const session = useBrowser({ page: 'per-file' });
  let page: Page;
  let token: string;
  let p: BillingPractice;
  const last = { ready: `Ready${runId}`, phone: `NoPhone${runId}`, uninsured: `NoPolicy${runId}` };
  const clients: Record<keyof typeof last, string> = { ready: '', phone: '', uninsured: '' };
  const visits: Record<string, string> = {};
  const dates = { ready: day(-10), phone: day(-11), uninsured: day(-12), selfPay: day(-9), outside: day(-8) };

  const row = (date: string) => page.locator('tbody tr').filter({ hasText: date });
  /** Waits for a dialog that sends a request to close; a refusal it shows fails the test in its words. */
  const closed = async (dialog: Locator) => {
    const alert = dialog.getByRole('alert');
    await Promise.race([
      dialog.waitFor({ state: 'detached', timeout: 60_000 }),
      alert.waitFor({ timeout: 60_000 }).then(async () => {
        throw new Error(`the dialog refused: ${await alert.innerText()}`);
      }),
    ]);
  };

  beforeAll(async () => {
    token = await restToken(users.staff);
    p = await billingPractice(token, `Unbilled Counseling ${runId}`);
    clients.ready = await billingClient(token, p, {
      firstName: 'Ada',
      lastName: last.ready,
      phone: '(512) 555-0101',
    });
    clients.phone = await billingClient(token, p, { firstName: 'Bea', lastName: last.phone });
    clients.uninsured = await billingClient(token, p, {
      firstName: 'Cy',
      lastName: last.uninsured,
      phone: '(512) 555-0103',
      policy: false,
    });
    visits['ready'] = await billingSession(token, p, clients.ready, dates.ready);
    visits['phone'] = await billingSession(token, p, clients.phone, dates.phone);
    visits['uninsured'] = await billingSession(token, p, clients.uninsured, dates.uninsured);
    visits['selfPay'] = await billingSession(token, p, clients.ready, dates.selfPay);
    visits['outside'] = await billingSession(token, p, clients.ready, dates.outside);
    page = session.page;
    await signIn(page, users.staff);
  });

  it('lists every reason of the "!" in words, and its link opens the exact field that fixes it', async () => {
    await page.goto(`/practices/${p.practiceId}/unbilled`);
    await page.getByRole('heading', { level: 1, name: 'Unbilled appointments' }).waitFor();
    await row(dates.phone).getByText(`${last.phone}, Bea`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(5);
    await row(dates.phone)
      .getByRole('button', { name: /^What is missing for/ })
      .click();
    const menu = page.getByRole('menu');
    await menu.getByText('Missing before a claim can be made').waitFor();
    const phone = menu.getByRole('menuitem').filter({ hasText: 'Phone number is missing' });
    await phone.getByText('Open the client’s profile').waitFor();
    // every reason the server gave is listed, each with a link
    const listed = await restOk(token, 'GET', `/practices/${p.practiceId}/unbilled-appointments`);
    const reasons = listed.items.find((i: any) => i.appointmentId === visits['phone']).reasons;
    expect(await menu.getByRole('menuitem').count()).toBe(reasons.length);
    await screenshot(page, '70-unbilled-reasons');

    await phone.click();
    await page.waitForURL(
      new RegExp(`/practices/${p.practiceId}/clients/${clients.phone}/profile\\?focus=phone$`),
    );
    await page.getByLabel('Phone').fill('(512) 555-0102');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Unbilled appointments' }).waitFor();
    await row(dates.phone).getByText(`${last.phone}, Bea`).waitFor();
    const bang = row(dates.phone).getByRole('button', { name: /^What is missing for/ });
    if ((await bang.count()) > 0) {
      await bang.click();
      await page.getByRole('menu').getByText('Missing before a claim can be made').waitFor();
      expect(await page.getByRole('menu').getByText('Phone number is missing').count()).toBe(0);
      await page.keyboard.press('Escape');
    }
  });

  it('keeps the filters in the address', async () => {
    await page.goto(`/practices/${p.practiceId}/unbilled?from=${dates.uninsured}&to=${dates.phone}`);
    await row(dates.phone).waitFor();
    await page.getByText(`${last.uninsured}, Cy`).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(2);
    expect(await page.getByLabel('From').inputValue()).toBe(dates.uninsured);
    await page.goto(`/practices/${p.practiceId}/unbilled`);
    await row(dates.selfPay).waitFor();
  });

  it('switches a session to self-pay (it leaves the list) and back', async () => {
    await row(dates.selfPay)
      .getByRole('button', { name: /to self-pay$/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reason').fill('Client chose to pay out of pocket');
    await dialog.getByRole('button', { name: 'Switch to self-pay' }).click();
    await closed(dialog);
    await page.getByText(/switched to self-pay\./).waitFor();
    await page.waitForFunction(
      (d) => ![...document.querySelectorAll('tbody tr')].some((r) => r.textContent?.includes(d)),
      dates.selfPay,
    );
    const appointment = await restOk(
      token,
      'GET',
      `/practices/${p.practiceId}/appointments/${visits['selfPay']}`,
    );
    expect(appointment.billingType).toBe('self_pay');

    await page.getByRole('button', { name: 'Undo self-pay' }).click();
    await page.getByText(/is billed to insurance again\./).waitFor();
    await row(dates.selfPay).waitFor();
    const changes = await restOk(
      token,
      'GET',
      `/practices/${p.practiceId}/appointments/${visits['selfPay']}/billing-type-changes`,
    );
    expect(changes.items.map((c: any) => c.to)).toEqual(['insurance', 'self_pay']);
  });

  it('records a session filed outside: it leaves the list, its CMS-1500 is downloaded, its claim is Downloaded', async () => {
    await row(dates.outside)
      .getByRole('button', { name: /as filed outside$/ })
      .click();
    // making the claim and rendering its form may take a while on a busy machine
    const file = await downloadOf(
      page,
      () => page.getByRole('dialog').getByRole('button', { name: 'Record and download' }).click(),
      60_000,
    );
    expect(file.name).toMatch(/\.pdf$/);
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.getByText(/recorded as filed outside\./).waitFor();
    await page.waitForFunction(
      (d) => ![...document.querySelectorAll('tbody tr')].some((r) => r.textContent?.includes(d)),
      dates.outside,
    );
    const claims = await restOk(token, 'GET', `/practices/${p.practiceId}/claims`);
    expect(claims).toMatchObject({ total: 1, statusCounts: { downloaded: 1 } });
    expect(claims.items[0]).toMatchObject({
      status: 'downloaded',
      filedOutside: true,
      appointmentIds: [visits['outside']],
    });
  });

  it('makes claims from a selection with a progress bar, and says which appointment was not claimed and why', async () => {
    for (const d of [dates.ready, dates.phone, dates.uninsured]) await row(d).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Create claims (3)' }).click();
    await page.getByRole('progressbar', { name: 'Claim creation progress' }).waitFor();
    await page.getByText('3 of 3 appointments processed').waitFor();
    await page.getByText('2 claims created.').waitFor();
    const report = page.getByRole('region', { name: 'Claims created' });
    await report.getByRole('heading', { name: 'Not claimed (1)' }).waitFor();
    const notClaimed = report.getByRole('listitem').filter({ hasText: `${last.uninsured}, Cy` });
    expect(await notClaimed.count()).toBe(1);
    await screenshot(page, '71-unbilled-batch-report');
    // the claimed ones left the list; the uninsured one stays
    await page.waitForFunction(
      (d) => ![...document.querySelectorAll('tbody tr')].some((r) => r.textContent?.includes(d)),
      dates.ready,
    );
    await row(dates.uninsured).waitFor();

    await report.getByRole('link', { name: /^Open the claims of/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Claims' }).waitFor();
    for (const name of [`${last.ready}, Ada`, `${last.phone}, Bea`]) {
      const claim = page.getByRole('row').filter({ hasText: name }).filter({ hasText: 'Prepared' });
      await claim.waitFor();
    }
    await page.getByRole('button', { name: /^Prepared 2$/ }).waitFor();
    await screenshot(page, '72-claims-list');
    const claims = await restOk(token, 'GET', `/practices/${p.practiceId}/claims?status=prepared`);
    expect(claims.total).toBe(2);
  });
});
