// Reusable steps of the Admin area (users and roles, audit log, e-mails), driven the way an
// administrator does it, plus the few REST calls a test needs to set up or verify (on top of
// the shared ./api helpers).
import type { Page } from 'playwright-core';
import { type Credentials, restCall, restCreatePractice, restOk, type RestResult, restToken } from './api';
import { animationsSettled, BASE_URL } from './browser';

type Who = Credentials;

/** A REST call to the stack (JSON in and out); never throws on an error status. */
export async function adminApi<T = unknown>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<RestResult<T>> {
  return restCall<T>(method, path, options.token, options.body);
}

/** The HTTP status of a sign-in (200 signed in, 401 refused). */
export async function loginStatus(who: Who): Promise<number> {
  return (await restCall('POST', '/auth/login', undefined, { email: who.email, password: who.password }))
    .status;
}

export async function apiToken(who: Who): Promise<string> {
  return restToken({ email: who.email, password: who.password });
}

/** Both tokens of a new session (to check later that the session ended). */
export async function apiSession(who: Who): Promise<{ accessToken: string; refreshToken: string }> {
  const r = await restCall<{ accessToken: string; refreshToken: string }>('POST', '/auth/login', undefined, {
    email: who.email,
    password: who.password,
  });
  if (r.status !== 200)
    throw new Error(`login as ${who.email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** The HTTP status of exchanging a refresh token (200 the session lives, 401 it ended). */
export async function refreshStatus(refreshToken: string): Promise<number> {
  return (await restCall('POST', '/auth/refresh', undefined, { refreshToken })).status;
}

/** GET /auth/me with an access token, or with a fresh sign-in of `who`: the role and practices. */
export async function whoAmI(
  who: Who | string,
): Promise<{ id: string; role: RoleKey; practiceId: string | null; practiceIds: string[] | null }> {
  return restOk(typeof who === 'string' ? who : await apiToken(who), 'GET', '/auth/me');
}

/** A practice made over the API (the Practices area owns its UI), for tests that need one. */
export async function createPracticeViaApi(
  token: string,
  name: string,
): Promise<{ id: string; name: string }> {
  return restCreatePractice<{ id: string; name: string }>(token, {
    name,
    type: 'group',
    phone: '(512) 555-0199',
  });
}

export const ROLE_LABELS = {
  admin: 'Administrator',
  billing_staff: 'Billing team',
  practice_owner: 'Practice owner',
  clinician: 'Clinician',
} as const;
export type RoleKey = keyof typeof ROLE_LABELS;

/** Opens Admin → Users and waits for the table (or its empty state). */
export async function openUsers(page: Page): Promise<void> {
  if (!new URL(page.url(), BASE_URL).pathname.startsWith('/admin/users')) await page.goto('/admin/users');
  await page.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: /\d+ users?$/ })
    .waitFor();
}

/** The table row of a user (by e-mail). */
export function userRow(page: Page, email: string) {
  return page.locator(`tr[data-user="${email.toLowerCase()}"]`);
}

/** Picks `name` in a practice type-ahead field with the given label. */
async function pickPractice(page: Page, label: string, name: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
}

export interface NewUser {
  email: string;
  name: string;
  role: RoleKey;
  password: string;
  /** The practice of a practice owner or clinician (its name, as the type-ahead shows it). */
  practice?: string;
  /** Practices of a billing staff member (names). */
  practices?: string[];
}

/** Admin → Users → New user: fills the form, creates the account and waits for its row. */
export async function createUser(page: Page, user: NewUser): Promise<void> {
  await openUsers(page);
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByLabel('E-mail').fill(user.email);
  await dialog.getByLabel('Name').fill(user.name);
  await dialog.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: new RegExp(`^${ROLE_LABELS[user.role]} —`) }).click();
  if (user.practice) await pickPractice(page, 'Practice', user.practice);
  for (const p of user.practices ?? []) await pickPractice(page, 'Practices they work on', p);
  await dialog.getByLabel('First password').fill(user.password);
  // The chips and the type-ahead panel change the dialog's height as they come and go, which
  // moves the button: click it once everything has stopped moving.
  await animationsSettled(page);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  // Creating hashes the password (argon2) and estimates its strength: allow a loaded machine
  // time, and when the dialog stays, say what it shows (a problem, a field error, still busy).
  await dialog.waitFor({ state: 'detached', timeout: 30_000 }).catch(async (error: Error) => {
    const shown = await dialog.innerText().catch(() => '(unreadable)');
    throw new Error(
      `the New user dialog stayed open after "Create user": ${shown.replace(/\s+/g, ' ')}\n${error.message}`,
    );
  });
  await page
    .locator('mat-snack-bar-container')
    .filter({ hasText: `Created ${user.email.toLowerCase()}` })
    .waitFor();
  await userRow(page, user.email).waitFor();
}

/** Deactivates a user from the users table, confirming the question; waits for the new status. */
export async function deactivateUser(page: Page, email: string): Promise<void> {
  await openUsers(page);
  await page.getByRole('button', { name: `Deactivate ${email.toLowerCase()}` }).click();
  const confirm = page.getByRole('dialog', { name: `Deactivate ${email.toLowerCase()}?` });
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await userRow(page, email).getByText('Deactivated').waitFor();
}

export async function reactivateUser(page: Page, email: string): Promise<void> {
  await openUsers(page);
  await page.getByRole('button', { name: `Reactivate ${email.toLowerCase()}` }).click();
  await userRow(page, email).getByText('Active', { exact: true }).waitFor();
}

export interface UserChange {
  name?: string;
  /** A new role; practice roles need `practice`, billing staff may get `practices`. */
  role?: RoleKey;
  /** The practice of a practice owner or clinician (its name). */
  practice?: string;
  /** Practices of someone who becomes billing staff (names). */
  practices?: string[];
  password?: string;
}

/** Waits until the open dialog has finished its opening animation (for screenshots). */
export async function dialogSettled(page: Page): Promise<void> {
  await page.locator('mat-dialog-container.mdc-dialog--open:not(.mdc-dialog--opening)').waitFor();
}

/** Opens a user's Edit dialog from the users table. */
export async function openEditUser(page: Page, email: string) {
  await openUsers(page);
  await page.getByRole('button', { name: `Edit ${email.toLowerCase()}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${email.toLowerCase()}` });
  await dialog.waitFor();
  return dialog;
}

/**
 * Admin → Users → Edit: changes the name, role (with its practice) or password and saves;
 * waits for the confirmation and the row's new role.
 */
export async function editUser(page: Page, email: string, change: UserChange): Promise<void> {
  const dialog = await openEditUser(page, email);
  if (change.name !== undefined) await dialog.getByLabel('Name', { exact: true }).fill(change.name);
  if (change.role) {
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: new RegExp(`^${ROLE_LABELS[change.role]} —`) }).click();
    // A role change is announced before saving: it signs the user out.
    await dialog.getByRole('status').filter({ hasText: 'out everywhere' }).waitFor();
  }
  if (change.practice) await pickPractice(page, 'Practice', change.practice);
  for (const p of change.practices ?? []) await pickPractice(page, 'Practices they work on', p);
  if (change.password) await dialog.getByLabel('New password').fill(change.password);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
  await page
    .locator('mat-snack-bar-container')
    .filter({ hasText: `Saved ${email.toLowerCase()}` })
    .waitFor();
  if (change.role) await userRow(page, email).getByText(ROLE_LABELS[change.role], { exact: true }).waitFor();
}

/** Admin → Users → Set practices: removes and adds practices (names) and saves. */
export async function setStaffPractices(
  page: Page,
  email: string,
  name: string,
  change: { add?: string[]; remove?: string[] },
): Promise<void> {
  await openUsers(page);
  await page.getByRole('button', { name: `Set practices of ${email.toLowerCase()}` }).click();
  const dialog = page.getByRole('dialog', { name: `Practices of ${name}` });
  await dialog.getByRole('combobox', { name: 'Practices they work on' }).waitFor();
  for (const p of change.remove ?? []) await dialog.getByRole('button', { name: `Remove ${p}` }).click();
  for (const p of change.add ?? []) await pickPractice(page, 'Practices they work on', p);
  await dialog.getByRole('button', { name: 'Save practices' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page
    .locator('mat-snack-bar-container')
    .filter({ hasText: `${email.toLowerCase()} now works on` })
    .last()
    .waitFor();
}

export interface AuditFilterInput {
  /** E-mail of the user who acted. */
  who?: string;
  /** Resource as the filter lists it, e.g. 'Practice', 'Client', 'Email'. */
  resource?: string;
  /** Action as the filter lists it: 'Listed', 'Read', 'Created', 'Changed', 'Deleted'. */
  action?: 'Listed' | 'Read' | 'Created' | 'Changed' | 'Deleted';
  recordId?: string;
  /** Practice name (type-ahead). */
  practice?: string;
  /** Days as YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

/** Admin → Audit log with the given filters applied; waits for the filtered result. */
export async function openAudit(page: Page, filters: AuditFilterInput = {}): Promise<void> {
  await page.goto('/admin/audit');
  await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  const count = page.getByRole('status').filter({ hasText: /\d+ events?/ });
  await count.waitFor();
  if (!Object.values(filters).some(Boolean)) return;
  const form = page.getByRole('region', { name: 'Filters' });
  if (filters.who) {
    await form.getByRole('combobox', { name: 'Who' }).fill(filters.who);
    await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(filters.who)}\\b`) }).click();
  }
  if (filters.resource) {
    await form.getByRole('combobox', { name: 'Resource' }).click();
    await page.getByRole('option', { name: filters.resource, exact: true }).click();
  }
  if (filters.action) {
    await form.getByRole('combobox', { name: 'Action' }).click();
    await page.getByRole('option', { name: filters.action, exact: true }).click();
  }
  if (filters.recordId) await form.getByLabel('Record id', { exact: true }).fill(filters.recordId);
  if (filters.practice) await pickPractice(page, 'Practice', filters.practice);
  if (filters.from) await form.getByLabel('From', { exact: true }).fill(filters.from);
  if (filters.to) await form.getByLabel('To', { exact: true }).fill(filters.to);
  await form.getByRole('button', { name: 'Apply filters' }).click();
  await page.waitForURL(/\/admin\/audit\?/);
  await page
    .getByRole('status')
    .filter({ hasText: /match the filters$/ })
    .waitFor();
}

/** Admin → E-mails, optionally filtered by status; waits for rows or the empty state. */
export async function openEmails(page: Page, status?: 'All' | 'Pending' | 'Sent' | 'Failed'): Promise<void> {
  await page.goto('/admin/emails');
  await page.getByRole('heading', { level: 1, name: 'E-mails' }).waitFor();
  if (status) {
    // The count of the unfiltered list is on screen until the filtered answer arrives: wait for it.
    const param = status === 'All' ? null : `status=${status.toLowerCase()}`;
    const filtered = page.waitForResponse((r) => {
      const url = r.url();
      return url.includes('/api/v1/admin/emails') && (param ? url.includes(param) : !url.includes('status='));
    });
    await page.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: status }).click();
    await filtered;
  }
  await page
    .getByRole('status')
    .filter({ hasText: /\d+ e-mails?$/ })
    .waitFor();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
