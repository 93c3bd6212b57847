import type { Page } from 'playwright-core';
import {
  adminApi,
  apiSession,
  apiToken,
  createPracticeViaApi,
  createUser,
  deactivateUser,
  dialogSettled,
  editUser,
  loginStatus,
  openAudit,
  openEditUser,
  openEmails,
  openUsers,
  reactivateUser,
  refreshStatus,
  setStaffPractices,
  userRow,
  whoAmI,
} from './support/admin';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';

describe('console admin area: users and roles, audit log, e-mails', () => {
  const session = useBrowser();
  let page: Page;
  let practice: { id: string; name: string };
  let adminToken: string;
  const owner = {
    email: `owner-${runId}@admin-e2e.example`,
    name: `Olivia Admin-E2E ${runId}`,
    password: `Str0ng-pass-${runId}-owner`,
  };

  beforeAll(async () => {
    // The practice belongs to the Practices area: made over the API, as the administrator.
    adminToken = await apiToken(users.admin); // lives 15 minutes: one sign-in for the whole file
    practice = await createPracticeViaApi(adminToken, `Admin E2E Practice ${runId}`);
  });
  beforeEach(async () => {
    page = session.page;
  });

  it('creates a practice owner for a practice, then deactivates and reactivates the account', async () => {
    await signIn(page, users.admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await openUsers(page);

    // Validation as you type, before anything is sent.
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog', { name: 'New user' });
    await dialog.getByLabel('E-mail').fill('not-an-address');
    await dialog.getByLabel('First password').fill('short');
    await dialog.getByText('At least 12 characters', { exact: true }).waitFor();
    expect(
      await dialog
        .locator('mat-error')
        .filter({ hasText: /e-mail/i })
        .count(),
    ).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    await createUser(page, { ...owner, role: 'practice_owner', practice: practice.name });
    const row = userRow(page, owner.email);
    expect(await row.textContent()).toEqual(expect.stringContaining(owner.name));
    await row.getByText('Practice owner').waitFor();
    await row.getByRole('link', { name: practice.name }).waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    await screenshot(page, '60-admin-users');
    expect(await loginStatus(owner)).toBe(200);

    // The server's refusal shows next to the field: the e-mail is taken now.
    await page.getByRole('button', { name: 'New user' }).click();
    await dialog.getByLabel('E-mail').fill(owner.email);
    await dialog.getByLabel('Name').fill('Someone Else');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: /^Billing team —/ }).click();
    await dialog.getByLabel('First password').fill('another-long-password');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.locator('mat-error').filter({ hasText: 'A user with this e-mail already exists' }).waitFor();
    await screenshot(page, '61-admin-new-user-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Deactivating asks first, ends the account's sign-in; reactivating gives it back.
    await page.getByRole('button', { name: `Deactivate ${owner.email}` }).click();
    await page
      .getByRole('dialog', { name: `Deactivate ${owner.email}?` })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await row.getByText('Active', { exact: true }).waitFor();
    await deactivateUser(page, owner.email);
    await page
      .locator('mat-snack-bar-container')
      .filter({ hasText: `Deactivated ${owner.email}` })
      .waitFor();
    expect(await loginStatus(owner)).toBe(401);
    await reactivateUser(page, owner.email);
    expect(await loginStatus(owner)).toBe(200);
  });

  it('creates billing staff with practices, shows them from the server and changes them', async () => {
    const staff = {
      email: `staff-${runId}@admin-e2e.example`,
      name: `Sam Staff-E2E ${runId}`,
      password: `Str0ng-pass-${runId}-staff`,
    };
    await signIn(page, users.admin);
    await createUser(page, { ...staff, role: 'billing_staff', practices: [practice.name] });
    const row = userRow(page, staff.email);
    await row.getByText('Billing team').waitFor();
    await row.getByRole('link', { name: practice.name }).waitFor();
    // One session is enough: /auth/me resolves the practices afresh (after a short cache).
    const token = await apiToken(staff);
    const me = async () => (await whoAmI(token)).practiceIds ?? [];
    expect(await me()).toEqual([practice.id]);

    // The assignments come from the server: a reload still names the practice.
    await page.reload();
    await openUsers(page);
    await row.getByRole('link', { name: practice.name }).waitFor();

    // “Set practices” starts from the current practices; removing the only one leaves none.
    await page.getByRole('button', { name: `Set practices of ${staff.email}` }).click();
    const dialog = page.getByRole('dialog', { name: `Practices of ${staff.name}` });
    await dialog.getByText('1 practice.', { exact: false }).waitFor();
    await dialogSettled(page);
    await screenshot(page, '66-admin-set-practices');
    await dialog.getByRole('button', { name: `Remove ${practice.name}` }).click();
    await dialog.getByText('None selected.', { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Save practices' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByText('None assigned').waitFor();
    // The gateway reuses a resolved scope for up to 2 s: ask until it has moved on.
    let ids = await me();
    for (let i = 0; i < 10 && ids.length; i++) {
      await new Promise((r) => setTimeout(r, 500));
      ids = await me();
    }
    expect(ids).toEqual([]);

    // And back through the helper the journey test uses.
    await setStaffPractices(page, staff.email, staff.name, { add: [practice.name] });
    await row.getByRole('link', { name: practice.name }).waitFor();
  });

  it('changes a practice owner into billing staff and back into a clinician; each change ends their sessions', async () => {
    const person = {
      email: `role-${runId}@admin-e2e.example`,
      name: `Riley Role-E2E ${runId}`,
      password: `Str0ng-pass-${runId}-role`,
    };
    await signIn(page, users.admin);
    await createUser(page, { ...person, role: 'practice_owner', practice: practice.name });
    const before = await apiSession(person);
    expect((await whoAmI(before.accessToken)).role).toBe('practice_owner');

    // Owner → billing team, with the practice they keep working on; the dialog warns first.
    const dialog = await openEditUser(page, person.email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: /^Billing team —/ }).click();
    await dialog
      .getByRole('status')
      .filter({ hasText: `Saving signs ${person.name} out everywhere; they sign in again as Billing team.` })
      .waitFor();
    expect(await dialog.getByText('Their assigned practices are removed').count()).toBe(0);
    await dialog.getByRole('combobox', { name: 'Practices they work on' }).fill(practice.name);
    await page.getByRole('option', { name: practice.name, exact: true }).click();
    await dialogSettled(page);
    await screenshot(page, '67-admin-change-role');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .locator('mat-snack-bar-container')
      .filter({ hasText: `Saved ${person.email}: now Billing team, signed out everywhere.` })
      .waitFor();
    const row = userRow(page, person.email);
    await row.getByText('Billing team', { exact: true }).waitFor();
    await row.getByRole('link', { name: practice.name }).waitFor();

    // The old session is over; a new sign-in has the new role and the assigned practice.
    expect(await refreshStatus(before.refreshToken)).toBe(401);
    const second = await apiSession(person);
    const staffMe = await whoAmI(second.accessToken);
    expect(staffMe.role).toBe('billing_staff');
    expect(staffMe.practiceIds).toEqual([practice.id]);

    // After a reload the table shows the role and the practice from the server.
    await page.reload();
    await openUsers(page);
    await row.getByText('Billing team', { exact: true }).waitFor();
    await row.getByRole('link', { name: practice.name }).waitFor();

    // Billing team → clinician of the practice (the practice type-ahead is back).
    await editUser(page, person.email, { role: 'clinician', practice: practice.name });
    await row.getByRole('link', { name: practice.name }).waitFor();
    expect(await refreshStatus(second.refreshToken)).toBe(401);
    const clinicianMe = await whoAmI(person);
    expect(clinicianMe.role).toBe('clinician');
    expect(clinicianMe.practiceId).toBe(practice.id);
  });

  it('offers no role change or deactivation on the administrator’s own row (the API refuses both)', async () => {
    await signIn(page, users.admin);
    await openUsers(page);
    const own = userRow(page, users.admin.email);
    await own.getByText('(you)').waitFor();
    expect(await own.getByRole('button', { name: /^Deactivate/ }).count()).toBe(0);
    const dialog = await openEditUser(page, users.admin.email);
    await dialog.getByText('You cannot change your own role; another administrator can.').waitFor();
    expect(await dialog.getByRole('combobox', { name: 'Role' }).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    const token = adminToken;
    const adminId = (await whoAmI(token)).id;
    const demote = await adminApi<{ errors: { field: string }[] }>('PATCH', `/users/${adminId}`, {
      token,
      body: { role: 'billing_staff' },
    });
    expect(demote.status).toBe(422);
    expect(demote.body.errors.map((e) => e.field)).toEqual(['role']);
    const deactivate = await adminApi<{ errors: { field: string }[] }>('PATCH', `/users/${adminId}`, {
      token,
      body: { active: false },
    });
    expect(deactivate.status).toBe(422);
    expect(deactivate.body.errors.map((e) => e.field)).toEqual(['active']);
  });

  it('finds the administrator’s own action in the audit log by who, resource and action', async () => {
    // A user the administrator creates (over the API, to have its id): audited as user · create.
    const created = (
      await adminApi<{ id: string; email: string }>('POST', '/users', {
        token: adminToken,
        body: {
          email: `audited-${runId}@admin-e2e.example`,
          displayName: `Audited User ${runId}`,
          password: `Str0ng-pass-${runId}-audit`,
          role: 'billing_staff',
        },
      })
    ).body;
    expect(created.id).toBeTruthy();
    await signIn(page, users.admin);
    await openAudit(page, { who: users.admin.email, resource: 'User', action: 'Created' });
    await page.getByText('Every read and change of a record is recorded here', { exact: false }).waitFor();
    expect(page.url()).toContain('resource=user');
    expect(page.url()).toContain('action=create');
    const row = page.locator('tr.event-row').filter({ hasText: `id ${created.id.slice(0, 8)}` });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toEqual(expect.stringContaining(users.admin.email));
    expect(text).toEqual(expect.stringContaining(created.email));
    expect(text).toEqual(expect.stringContaining('Done · 201'));
    const resources = await page.locator('tr.event-row td.mat-column-resource').allTextContents();
    // Refused attempts (an e-mail already taken) are there too, without a record id.
    expect(resources.every((t) => /^User\s+(id |no single record)/.test(t.trim()))).toBe(true);
    await row.getByRole('button', { name: 'Details' }).click();
    await page.locator('dd').filter({ hasText: created.id }).first().waitFor();
    await screenshot(page, '62-admin-audit-log');

    // Filters live in the URL: a reload shows the same result.
    await page.reload();
    await page
      .getByRole('status')
      .filter({ hasText: /match the filters$/ })
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Who' }).inputValue()).toBe(users.admin.email);
    await page
      .locator('tr.event-row')
      .filter({ hasText: `id ${created.id.slice(0, 8)}` })
      .waitFor();

    // By practice (type-ahead) and day: the same event, and nothing from other practices.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
    await openAudit(page, { practice: practice.name, action: 'Created', from: today, to: today });
    expect(page.url()).toContain(`practice=${practice.id}`);
    await page
      .locator('tr.event-row')
      .filter({ hasText: `id ${practice.id.slice(0, 8)}` })
      .waitFor();
    const practices = await page.locator('tr.event-row td.mat-column-practice').allTextContents();
    expect(practices.every((t) => t.trim() === practice.name)).toBe(true);
  });

  it('shows the e-mail outbox with a status filter and the local mail catcher hint', async () => {
    await signIn(page, users.admin);
    await openEmails(page);
    await page.getByText('http://127.0.0.1:1080/messages').waitFor();
    const rows = await page.locator('table tr.mat-mdc-row').count();
    if (rows === 0) await page.getByText('No e-mails yet').waitFor();
    await screenshot(page, '63-admin-emails');
    await openEmails(page, 'Failed');
    const failed = await page.locator('table tr.mat-mdc-row').count();
    if (failed === 0) await page.getByText('No failed e-mails').waitFor();
    else expect(await page.locator('table tr.mat-mdc-row').first().textContent()).toContain('Failed');
  });

  it('is usable at tablet width (800 px)', async () => {
    const p = await session.newPage();
    await signIn(p, users.admin);
    // At this width the shell hides the signed-in line and folds the navigation into “Menu”.
    await p.setViewportSize({ width: 800, height: 1000 });
    const sideways = (selector: string) =>
      p.evaluate((sel) => {
        const el = sel === 'page' ? document.documentElement : document.querySelector(sel);
        return el ? el.scrollWidth - el.clientWidth : 0;
      }, selector);
    await openUsers(p);
    await userRow(p, users.admin.email).waitFor();
    await p.waitForLoadState('networkidle');
    // Neither the page nor the tables scroll sideways; every action button is in view.
    expect(await sideways('page')).toBeLessThanOrEqual(0);
    expect(await sideways('.table-wrap')).toBeLessThanOrEqual(0);
    await screenshot(p, '64-admin-users-tablet');
    await openAudit(p);
    await p.waitForLoadState('networkidle');
    expect(await sideways('page')).toBeLessThanOrEqual(0);
    expect(await sideways('.table-wrap')).toBeLessThanOrEqual(0);
    await screenshot(p, '65-admin-audit-tablet');
    await openEmails(p);
    expect(await sideways('page')).toBeLessThanOrEqual(0);
  });

  it('keeps billing staff out of the admin area', async () => {
    await signIn(page, users.staff);
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).count(),
    ).toBe(0);
    for (const path of ['/admin', '/admin/users', '/admin/audit', '/admin/emails']) {
      await page.goto(path);
      await page.waitForURL((url) => !url.pathname.startsWith('/admin'));
    }
    expect(new URL(page.url()).pathname).toBe('/practices');
  });
});
