// Reusable steps of the Admin area (users and roles, audit log, e-mails), driven the way an
// administrator does it, plus the few REST calls a test needs to set up or verify.
import type { Page } from 'playwright-core';
import { BASE_URL } from './browser';

type Who = { email: string; password: string };

/** A REST call to the stack (JSON in and out); never throws on an error status. */
export async function adminApi<T = unknown>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as T };
}

/** The HTTP status of a sign-in (200 signed in, 401 refused). */
export async function loginStatus(who: Who): Promise<number> {
  return (await adminApi('POST', '/auth/login', { body: { email: who.email, password: who.password } }))
    .status;
}

export async function apiToken(who: Who): Promise<string> {
  const r = await adminApi<{ accessToken: string }>('POST', '/auth/login', {
    body: { email: who.email, password: who.password },
  });
  if (r.status !== 200)
    throw new Error(`login as ${who.email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/** A practice made over the API (the Practices area owns its UI), for tests that need one. */
export async function createPracticeViaApi(
  token: string,
  name: string,
): Promise<{ id: string; name: string }> {
  const r = await adminApi<{ id: string; name: string }>('POST', '/practices', {
    token,
    body: {
      type: 'group',
      name,
      phone: '(512) 555-0199',
      address: { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' },
    },
  });
  if (r.status !== 201)
    throw new Error(`creating practice ${name} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
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
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await dialog.waitFor({ state: 'detached' });
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
  if (status)
    await page.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: status }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /\d+ e-mails?$/ })
    .waitFor();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
