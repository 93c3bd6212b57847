import type { Page } from 'playwright-core';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import { chooseOption } from './support/forms';
import {
  apiCall,
  apiCreatePractice,
  apiCreateReadyPractice,
  apiLogin,
  createSoloPractice,
  editPracticeDetails,
  enableSecureMessaging,
  expectListed,
  openPracticeSettings,
  openReadiness,
  readinessItem,
  readinessProgress,
  searchPractices,
  settingsTab,
} from './support/practices';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('practices: list, new practice, readiness checklist, details, owner scope', () => {
  const session = useBrowser();
  let page: Page;
  let staffToken: string;

  beforeAll(async () => {
    staffToken = await apiLogin(users.staff);
  });
  beforeEach(async () => {
    page = session.page;
  });

  it('billing staff create a solo practice through the form, find it, follow its checklist and edit its details', async () => {
    const name = `Brattle Counseling ${runId}`;
    await signIn(page, users.staff);
    await page.waitForURL(/\/practices$/);
    await page.getByRole('link', { name: 'New practice' }).first().click();
    await page.waitForURL(/\/practices\/new$/);

    // The server's rules, as you type: a short phone number and a four-digit ZIP.
    await page.getByLabel('Phone').fill('617 555');
    await page.getByText('Phone number 617 555 must have 10 digits').waitFor();
    await page.getByLabel('ZIP code').fill('0213');
    await page.getByText('ZIP code 0213 must be 5 digits, or 9 written as 12345-6789').waitFor();
    await page.getByRole('button', { name: 'Create practice' }).click();
    await page.getByRole('alert').filter({ hasText: 'Some fields need your attention' }).waitFor();
    await screenshot(page, '30-practices-new-errors');
    expect(page.url()).toMatch(/\/practices\/new$/);

    const id = await createSoloPractice(page, { name, email: `front-desk-${runId}@brattle.test` });
    await page.getByText(`Practice ${name} created`).waitFor();

    // The overview: the checklist of a new practice has gaps, each with its missing fields in words.
    await page.getByTestId('readiness-progress').waitFor();
    const before = await readinessProgress(page);
    expect(before.total).toBeGreaterThan(before.done);
    const taxId = await readinessItem(page, 'Tax ID (EIN) or SSN');
    expect(await taxId.textContent()).toContain('Enter the Tax ID (EIN) or SSN that claims are filed under');
    expect(await taxId.textContent()).toContain('Missing');
    await page.getByRole('heading', { level: 2, name: /Set up your account/ }).waitFor();
    await screenshot(page, '31-practices-overview-readiness');
    await page.setViewportSize({ width: 800, height: 1000 });
    await screenshot(page, '31-practices-overview-readiness-tablet');
    await page.setViewportSize({ width: 1280, height: 860 });

    // A checklist link leads to the right settings tab.
    await taxId.getByRole('link', { name: /fix in Billing profile/i }).click();
    await page.waitForURL(new RegExp(`/practices/${id}/settings/billing\\?focus=billingProfile\\.taxId$`));
    await settingsTab(page, 'Billing profile').waitFor();
    await page.goBack();
    const info = await readinessItem(page, 'Practice information');
    expect(await info.textContent()).toContain('Legal name of the practice, as registered with the IRS');
    await info.getByRole('link', { name: /fix in Practice details/i }).click();
    await page.waitForURL(new RegExp(`/practices/${id}/settings/practice-details(\\?focus=[^&]+)?$`));
    await settingsTab(page, 'Practice details').waitFor();
    expect(await page.getByLabel('Display name').inputValue()).toBe(name);

    // Edit and save: the header follows the new name; the checklist no longer asks for the legal name.
    const renamed = `${name} Center`;
    await editPracticeDetails(page, id, { name: renamed, legalName: `Brattle Counseling ${runId} LLC` });
    await page.getByRole('heading', { level: 1, name: 'Practice settings' }).waitFor();
    await page.getByText(renamed, { exact: true }).first().waitFor();
    expect(await page.getByRole('combobox', { name: 'Switch practice' }).getAttribute('placeholder')).toBe(
      renamed,
    );
    await screenshot(page, '32-practices-details-form');
    await openReadiness(page, id);
    expect(await (await readinessItem(page, 'Practice information')).textContent()).not.toContain(
      'Legal name of the practice',
    );

    // The list finds it by the start of its name, with its readiness at a glance.
    await page.goto('/practices');
    await searchPractices(page, renamed);
    await expectListed(page, [renamed]);
    const row = page.getByRole('row').filter({ hasText: renamed });
    await row.getByTestId('row-readiness').waitFor();
    expect(await row.textContent()).toMatch(/\d+ of \d+ done/);
    expect(await row.textContent()).toContain('Missing:');
    await searchPractices(page, '');
    await page.getByText('Checking…').first().waitFor({ state: 'detached' });
    await screenshot(page, '33-practices-list');
  });

  it('filters the list by readiness and type, and sorts the page by readiness', async () => {
    const prefix = `Filter ${runId}`;
    await apiCreateReadyPractice(staffToken, `${prefix} Ready`);
    await apiCreatePractice(staffToken, `${prefix} Pending`);
    await signIn(page, users.staff);
    await searchPractices(page, prefix);
    await expectListed(page, [`${prefix} Pending`, `${prefix} Ready`]);

    await chooseOption(page, page, 'Readiness', 'Settings complete');
    await page.waitForURL((u) => u.searchParams.get('readiness') === 'complete');
    await expectListed(page, [`${prefix} Ready`]);

    await chooseOption(page, page, 'Readiness', 'Settings incomplete');
    await page.waitForURL((u) => u.searchParams.get('readiness') === 'incomplete');
    await expectListed(page, [`${prefix} Pending`]);

    // A filter with no match says so and offers a way out.
    await chooseOption(page, page, 'Type', 'Group');
    await page.getByText('No practice matches these filters').waitFor();

    // The filters live in the address: a reload keeps them.
    await page.goto(`/practices?search=${encodeURIComponent(prefix)}`);
    await page.locator('[aria-busy="false"]').waitFor();
    await page.getByTestId('row-readiness').nth(1).waitFor();
    await page.getByRole('button', { name: 'Readiness', exact: true }).click();
    await expectListed(page, [`${prefix} Pending`, `${prefix} Ready`]);
    await page.getByRole('button', { name: 'Readiness', exact: true }).click();
    await expectListed(page, [`${prefix} Ready`, `${prefix} Pending`]);
  });

  it('turns Secure Messaging on for the practice and says which team members still need their own switch', async () => {
    const practice = await apiCreatePractice(staffToken, `Messaging ${runId}`);
    await apiCall(staffToken, 'POST', `/practices/${practice.id}/team-members`, {
      firstName: 'Dana',
      lastName: 'Reyes',
      email: `dana-${runId}@messaging.test`,
      role: 'clinician',
    });
    await signIn(page, users.staff);
    await openReadiness(page, practice.id);
    const item = await readinessItem(page, 'Secure Messaging on for the practice');
    expect(await item.textContent()).toContain('Turn on Secure Messaging for the practice');

    await enableSecureMessaging(page, practice.id);
    const member = page.getByRole('listitem').filter({ hasText: 'Dana Reyes' });
    expect(await member.textContent()).toContain('Their switch is off');
    await page.getByText('0 of 1 team member has their own switch on.').waitFor();
    await screenshot(page, '34-practices-secure-messaging');

    await openReadiness(page, practice.id);
    const after = await (await readinessItem(page, 'Secure Messaging on for the practice')).textContent();
    expect(after).not.toContain('Turn on Secure Messaging for the practice');
    expect(after).toContain('Turn on Secure Messaging for Dana Reyes');
  });

  it('shows a conflict with a Reload button when someone else saved the details meanwhile', async () => {
    const practice = await apiCreatePractice(staffToken, `Conflict ${runId}`);
    await signIn(page, users.staff);
    await openPracticeSettings(page, practice.id, 'Practice details');
    await page.getByLabel('Legal name').fill('Mine LLC');
    await apiCall(staffToken, 'PATCH', `/practices/${practice.id}`, {
      version: practice.version,
      legalName: 'Theirs LLC',
    });
    await page.getByRole('button', { name: 'Save details' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Someone else saved this practice while you were editing it' })
      .waitFor();
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('button', { name: 'Reload' }).waitFor({ state: 'detached' });
    expect(await page.getByLabel('Legal name').inputValue()).toBe('Theirs LLC');
    await page.getByLabel('Legal name').fill('Mine after all LLC');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Practice details saved').waitFor();
  });

  it('a practice owner lands on their practice, has no practice list, and cannot open another practice', async () => {
    const other = await apiCreatePractice(staffToken, `Elsewhere ${runId}`);
    await signIn(page, users.owner);
    await page.waitForURL(new RegExp(`/practices/${UUID.source}$`));
    const own = /\/practices\/([^/?#]+)$/.exec(page.url())?.[1];
    await page.getByTestId('readiness-progress').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Overview' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Practices' }).count()).toBe(0);

    // No list and no creating for an owner: the addresses lead back to their own practice.
    await page.goto('/practices');
    await page.waitForURL(new RegExp(`/practices/${own}$`));
    await page.goto('/practices/new');
    await page.waitForURL(new RegExp(`/practices/${own}$`));

    // Another practice: the same "not found" whether it exists or not, and none of its data.
    for (const path of [`/practices/${other.id}`, `/practices/${other.id}/settings/practice-details`]) {
      await page.goto(path);
      await page.getByTestId('practice-not-found').waitFor();
      await page
        .getByRole('heading', { level: 1, name: 'You do not have access to this practice' })
        .waitFor();
      expect(await page.getByText(`Elsewhere ${runId}`).count()).toBe(0);
      expect(await page.getByLabel('Display name').count()).toBe(0);
    }
    await screenshot(page, '35-practices-owner-not-found');
  });

  it('an admin creating a practice is told to assign staff; staff not assigned see why, not empty lists', async () => {
    const name = `Unassigned Therapy ${runId}`;
    await signIn(page, users.admin);
    const id = await createSoloPractice(page, { name });
    const notice = page.getByTestId('assign-staff');
    await notice
      .getByText('Billing staff see this practice only once an administrator assigns it to them')
      .waitFor();
    await notice.getByRole('link', { name: 'Assign staff on the Users page' }).click();
    await page.waitForURL(/\/admin\/users/);

    // Billing staff not assigned to it: the API answers 404 for the practice (and nothing of its
    // lists); each of its pages says so instead of "No active clients".
    const staff = await session.newPage();
    await signIn(staff, users.staff);
    for (const path of [`/practices/${id}/clients`, `/practices/${id}/enrollments`, `/practices/${id}`]) {
      await staff.goto(path);
      await staff
        .getByRole('heading', { level: 1, name: 'You do not have access to this practice' })
        .waitFor();
      await staff.getByText('Ask an administrator to assign you to it').waitFor();
      expect(await staff.getByText('Add a client').count()).toBe(0);
      expect(await staff.getByText(name).count()).toBe(0);
    }
    await screenshot(staff, '36-practices-no-access');

    // An administrator sees every practice: for them an unknown one simply does not exist.
    await page.goto('/practices/00000000-0000-4000-8000-000000000000/clients');
    await page.getByRole('heading', { level: 1, name: 'Practice not found' }).waitFor();
  });
});
