import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/a11y';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import { fillAddress } from './support/forms';
import {
  addAuthorization,
  addClient,
  addPolicy,
  addPrimaryPolicy,
  chooseOption,
  createPracticeViaApi,
  drawnCardPng,
  missingInfoPanel,
  openClients,
  openClientTab,
  pickCardFile,
  policyCard,
  restCall,
  restToken,
  searchClients,
  TINY_PNG,
  uploadCardFront,
} from './support/clients';

/** A calendar date `days` from today (UTC, as the API computes authorization warnings). */
const day = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('clients: list, profile, insurance, card images, prior authorizations', () => {
  const session = useBrowser({ page: 'per-file' });
  let page: Page;
  let token: string;
  let practiceId: string;
  let clientId: string;
  const lastName = `Lovelace${runId}`;

  beforeAll(async () => {
    token = await restToken(users.staff);
    practiceId = await createPracticeViaApi(token, `Clients Counseling ${runId}`);
    page = session.page;
    await signIn(page, users.staff);
  });

  it('starts with an empty client list that says what to do', async () => {
    await openClients(page, practiceId);
    await page.getByText('No active clients').waitFor();
    await page.getByLabel('Show clients').getByText('All', { exact: true }).click();
    await page.getByText('No clients yet').waitFor();
  });

  it('adds a client, showing field errors while typing', async () => {
    await page.getByRole('link', { name: 'Add client' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Add client' }).waitFor();
    await page.getByLabel('ZIP code').fill('7870');
    await page.getByText('ZIP code 7870 must be 5 digits').waitFor();
    await page.getByLabel('Phone').fill('555-01');
    await page
      .getByRole('alert')
      .or(page.locator('mat-error'))
      .filter({ hasText: /phone/i })
      .first()
      .waitFor();
    // the address was started: the rest of it is now required
    await page.getByRole('button', { name: 'Add client' }).click();
    await page.getByText('Required for the address').first().waitFor();
    expect(new URL(page.url()).pathname).toBe(`/practices/${practiceId}/clients/new`);
    await screenshot(page, '30-clients-add-client-errors');

    clientId = await addClient(page, practiceId, { firstName: 'Ada', lastName, preferredName: 'Addie' });
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lists what is missing for billing, with links to the tab where it is fixed', async () => {
    const panel = missingInfoPanel(page);
    await panel.getByText('Primary insurance is missing').waitFor();
    expect(await panel.getByText('Phone number is missing').count()).toBe(0);
    await screenshot(page, '31-clients-profile-missing-info');
    await panel.getByRole('link', { name: 'Fix on Insurance' }).first().click();
    await page.waitForURL(
      new RegExp(`/practices/${practiceId}/clients/${clientId}/insurance#insurance.primary$`),
    );
    await page.getByText('No insurance on file').waitFor();
    // the link put the focus on the button that adds the policy
    await page.waitForFunction(() => document.activeElement?.textContent?.trim() === 'Add insurance policy');
  });

  it('saves a profile change and refuses a stale one (409) in words', async () => {
    await openClientTab(page, practiceId, clientId, 'profile');
    await page.getByLabel('Gender identity').fill('Woman');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Profile saved').waitFor();
    // someone else changes the client meanwhile
    const current = await restCall('GET', `/practices/${practiceId}/clients/${clientId}`, token);
    expect(
      (
        await restCall('PATCH', `/practices/${practiceId}/clients/${clientId}`, token, {
          version: current.body.version,
          email: 'ada@example.com',
        })
      ).status,
    ).toBe(200);
    await page.getByLabel('Preferred name').fill('Ada L.');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('alert').filter({ hasText: 'Someone else changed this client' }).waitFor();
    await page.getByRole('button', { name: 'Load the current version' }).click();
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('input[data-field="email"]')?.value === 'ada@example.com',
    );
    expect(await page.getByLabel('Preferred name').inputValue()).toBe('Addie');
  });

  it('adds the primary policy through the payer type-ahead; missing info updates', async () => {
    const card = await addPrimaryPolicy(page, practiceId, clientId, {
      payerSearch: 'aetn',
      payerName: 'Aetna',
      memberId: 'w12 345-6789',
      groupNumber: 'GRP-1',
    });
    await card.getByText('W123456789').waitFor(); // normalised by the server
    await card.getByText('60054').waitFor();
    await missingInfoPanel(page).getByText('Primary insurance is missing').waitFor({ state: 'detached' });
  });

  it('shows the API’s warning for a BCBS plan that is not local to the practice (TX)', async () => {
    await openClientTab(page, practiceId, clientId, 'insurance');
    await page.getByRole('button', { name: 'Add insurance policy' }).click();
    const form = page.getByRole('form', { name: 'Add insurance policy' });
    await form.getByLabel('Insurance company (payer)').fill('BCBSIL');
    await page
      .getByRole('option', { name: /^Blue Cross and Blue Shield of Illinois · payer ID .*not local to TX/ })
      .waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    const card = await addPolicy(page, practiceId, clientId, {
      order: 'Secondary',
      payerSearch: 'BCBSIL',
      payerName: 'Blue Cross and Blue Shield of Illinois',
      memberId: 'XOF123456789',
    });
    // The warning comes back with the saved policy, and with every read of it. It needs the
    // practice's state, which reaches client-insurance by an event: on a slow stack, read again.
    const warning = () =>
      policyCard(page, 'Secondary')
        .getByRole('status')
        .filter({ hasText: 'Blue Cross and Blue Shield of Texas' });
    for (let attempt = 0; ; attempt++) {
      try {
        await warning().waitFor({ timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        await page.reload();
        await card.waitFor();
      }
    }
  });

  it('changes a policy to the local BCBS plan and to a dependant’s, asking for the insured’s details', async () => {
    const card = policyCard(page, 'Secondary');
    await card.getByRole('button', { name: 'Change secondary insurance' }).click();
    const form = card.getByRole('form', { name: 'Change secondary insurance' });
    await form.getByLabel('Insurance company (payer)').fill('BCBSTX');
    await page.getByRole('option', { name: /^Blue Cross and Blue Shield of Texas · payer ID/ }).click();
    await chooseOption(form, page, 'Client’s relationship to the insured', /^Child/);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Required: choose the insured’s sex').waitFor();
    await form.getByLabel('Insured’s first name').fill('Grace');
    await form.getByLabel('Insured’s last name').fill('Parent');
    await form.getByLabel('Insured’s birth date').fill('1960-01-31');
    await form
      .getByRole('radiogroup', { name: /Insured’s sex/ })
      .getByRole('radio', { name: 'Female' })
      .check();
    await fillAddress(form, 'Insured’s address', {
      line1: '500 W 2nd St',
      city: 'Austin',
      state: 'TX',
      zip: '78701',
    });
    await form.getByRole('button', { name: 'Save changes' }).click();
    const changed = policyCard(page, 'Secondary');
    await changed
      .getByRole('heading', { name: 'Secondary insurance — Blue Cross and Blue Shield of Texas' })
      .waitFor();
    await changed.getByText(/Grace Parent, born Jan 31, 1960, Female/).waitFor();
    expect(await changed.getByText('Check this policy').count()).toBe(0); // the local plan: no BCBS warning
  });

  it('records a prior authorization and shows it with its warnings', async () => {
    const row = await addAuthorization(page, practiceId, clientId, {
      number: `pa-${runId}`,
      visits: 2,
      validFrom: day(-10),
      validTo: day(60),
    });
    await row.getByText('0 of 2 visits used').waitFor();
    await row.getByText(/Only 2 of 2 authorized visits are left/).waitFor();
    // a second active one over the same dates is refused on the field, in words
    const card = policyCard(page, 'Primary');
    await card.getByRole('button', { name: 'Add authorization' }).click();
    const form = card.getByRole('form', { name: 'Add a prior authorization' });
    await form.getByLabel('Authorization number').fill(`PB-${runId}`);
    await form.getByLabel('Authorized visits').fill('10');
    await form.getByLabel('Valid from').fill(day(0));
    await form.getByLabel('Valid to').fill(day(30));
    await form.getByRole('button', { name: 'Save authorization' }).click();
    await form
      .getByText(/already covers/)
      .first()
      .waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    // One that ended before today says so on its badge (not "Active"), and its warning shows once.
    const ended = await addAuthorization(page, practiceId, clientId, {
      number: `px-${runId}`,
      visits: 5,
      validFrom: day(-200),
      validTo: day(-100),
    });
    await ended.getByText('Expired', { exact: true }).waitFor();
    expect(await ended.getByText('Active', { exact: true }).count()).toBe(0);
    expect(await card.getByText(/expired on/).count()).toBe(1);
  });

  it('uploads the card front and shows the stored image; refuses a text file named .png in words', async () => {
    const img = await uploadCardFront(page, practiceId, clientId, {
      name: 'card-front.png',
      mimeType: 'image/png',
      buffer: TINY_PNG,
    });
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    // a second, card-like image replaces it as the one shown first
    const drawn = await uploadCardFront(page, practiceId, clientId, {
      name: 'aetna-card-front.png',
      mimeType: 'image/png',
      buffer: await drawnCardPng(page),
    });
    expect(await drawn.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(340);
    await policyCard(page, 'Primary')
      .getByText(/aetna-card-front\.png · .* · uploaded/)
      .first()
      .waitFor();
    // The file is named by its name, size and time: internal document ids are not for people.
    expect(
      await policyCard(page, 'Primary')
        .getByText(/[0-9a-f]{8}-[0-9a-f]{4}-/)
        .count(),
    ).toBe(0);
    await policyCard(page, 'Primary')
      .getByRole('heading', { name: 'Insurance card' })
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, '32-clients-insurance-card');

    const card = await pickCardFile(page, 'Back', {
      name: 'notes.png',
      mimeType: 'image/png',
      buffer: Buffer.from('hello, these are my notes, not a picture\n'),
    });
    await card
      .getByRole('alert')
      .filter({ hasText: /back of insurance card was not uploaded: .*not a JPEG, PNG or PDF/ })
      .waitFor();
  });

  it('finds the client by searching the list', async () => {
    await openClients(page, practiceId);
    await page.getByRole('link', { name: `${lastName}, Ada` }).waitFor();
    await searchClients(page, `ada ${lastName.slice(0, 6)}`);
    await page.getByRole('link', { name: `${lastName}, Ada` }).waitFor();
    await screenshot(page, '33-clients-list');
    // A birth date typed into the same box searches by birth date (this practice has one client).
    await searchClients(page, '04/12/1985');
    await page.getByRole('link', { name: `${lastName}, Ada` }).waitFor();
    await page.getByRole('cell', { name: 'Apr 12, 1985' }).waitFor();
    await searchClients(page, '04/13/1985');
    await page.getByText('No client matches “04/13/1985”').waitFor();
    await searchClients(page, 'nobodyxyz');
    await page.getByText('No client matches “nobodyxyz”').waitFor();
    await searchClients(page, '');
    await page.getByRole('link', { name: `${lastName}, Ada` }).click();
    await page.waitForURL(new RegExp(`/clients/${clientId}/profile$`));
  });

  it('has no serious accessibility problems on the list, profile and insurance screens', async () => {
    await openClients(page, practiceId);
    await page.getByRole('link', { name: `${lastName}, Ada` }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await openClientTab(page, practiceId, clientId, 'profile');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await openClientTab(page, practiceId, clientId, 'insurance');
    await policyCard(page, 'Primary').getByTestId('authorization').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('is usable at tablet width (800 px): no sideways scrolling', async () => {
    await page.setViewportSize({ width: 800, height: 1000 });
    await openClientTab(page, practiceId, clientId, 'insurance');
    await policyCard(page, 'Primary').waitFor();
    // the card uploaded earlier in this session is shown again after the reload
    await policyCard(page, 'Primary')
      .getByRole('img', { name: 'Front of insurance card (aetna-card-front.png)' })
      .waitFor();
    const overflow = await page.evaluate(() => {
      const pane = document.querySelector('mat-sidenav-content') ?? document.documentElement;
      return Math.max(
        pane.scrollWidth - pane.clientWidth,
        document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, '34-clients-insurance-800');
    await page.setViewportSize({ width: 1280, height: 860 });
  });
});
