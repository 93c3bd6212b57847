// Reusable steps of the Practices area, driven the way a user works: labels, roles, visible text.
import type { Page } from 'playwright-core';
import { type Credentials, restCreatePractice, restOk, restToken } from './api';
import { type AddressInput, fillAddress } from './forms';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export type PracticeAddress = AddressInput;

export interface NewPracticeInput {
  name: string;
  legalName?: string;
  phone?: string;
  email?: string;
  address?: PracticeAddress;
}

export const DEFAULT_ADDRESS: PracticeAddress = {
  line1: '24 Brattle St',
  city: 'Cambridge',
  state: 'MA',
  zip: '02138',
};

/** Fills the practice fields (new practice form or details tab); leaves fields not given alone. */
export async function fillPracticeFields(
  page: Page,
  input: Partial<NewPracticeInput> & { type?: 'solo' | 'group' },
): Promise<void> {
  if (input.type)
    await page
      .getByRole('radio', { name: input.type === 'solo' ? /Solo practice/ : /Group practice/ })
      .check();
  if (input.name !== undefined) await page.getByLabel('Display name').fill(input.name);
  if (input.legalName !== undefined) await page.getByLabel('Legal name').fill(input.legalName);
  if (input.phone !== undefined) await page.getByLabel('Phone').fill(input.phone);
  if (input.email !== undefined) await page.getByLabel('E-mail').fill(input.email);
  if (input.address) await fillAddress(page, 'Address', input.address);
}

/**
 * Billing staff (or an admin) creates a solo practice through the form (opened unless it is
 * already, so a test can show field errors first) and lands on its overview; returns its id.
 */
export async function createSoloPractice(page: Page, input: NewPracticeInput): Promise<string> {
  if (new URL(page.url()).pathname !== '/practices/new') await page.goto('/practices/new');
  await page.getByRole('heading', { level: 1, name: 'New practice' }).waitFor();
  await fillPracticeFields(page, {
    type: 'solo',
    name: input.name,
    legalName: input.legalName ?? '',
    phone: input.phone ?? '(617) 555-0142',
    email: input.email ?? '',
    address: input.address ?? DEFAULT_ADDRESS,
  });
  await page.getByRole('button', { name: 'Create practice' }).click();
  await page.waitForURL(new RegExp(`/practices/${UUID}$`));
  await page.getByRole('heading', { level: 1, name: input.name }).waitFor();
  return practiceIdFromUrl(page);
}

export function practiceIdFromUrl(page: Page): string {
  const id = new RegExp(`/practices/(${UUID})`).exec(page.url())?.[1];
  if (!id) throw new Error(`no practice id in ${page.url()}`);
  return id;
}

/** Opens a practice's overview and waits for its setup checklist. */
export async function openReadiness(page: Page, practiceId: string): Promise<void> {
  await page.goto(`/practices/${practiceId}`);
  await page.getByTestId('readiness-progress').waitFor();
}

/** The checklist's overall figure ("5 of 8 done") on the overview. */
export async function readinessProgress(page: Page): Promise<{ done: number; total: number }> {
  const text = (await page.getByTestId('readiness-progress').textContent()) ?? '';
  const m = /(\d+) of (\d+) done/.exec(text);
  if (!m) throw new Error(`no readiness figure in "${text}"`);
  return { done: Number(m[1]), total: Number(m[2]) };
}

/** The missing fields of one checklist item, in words, found by the item's title. */
export async function readinessItem(page: Page, title: string | RegExp) {
  const item = page.getByTestId('readiness-item').filter({ hasText: title });
  await item.first().waitFor();
  return item.first();
}

export type SettingsTab =
  'Practice details' | 'Team members' | 'Office locations' | 'Billing profile' | 'Secure messaging';
const TAB_PATHS: Record<SettingsTab, string> = {
  'Practice details': 'practice-details',
  'Team members': 'team-members',
  'Office locations': 'locations',
  'Billing profile': 'billing',
  'Secure messaging': 'secure-messaging',
};

/** Opens one tab of a practice's settings and waits until the tab is the current one. */
export async function openPracticeSettings(
  page: Page,
  practiceId: string,
  tab: SettingsTab = 'Practice details',
): Promise<void> {
  await page.goto(`/practices/${practiceId}/settings/${TAB_PATHS[tab]}`);
  await settingsTab(page, tab).waitFor();
}

/** The tab (a link styled as a tab) of a settings section; `selected` when it is the open one. */
export function settingsTab(page: Page, tab: SettingsTab, selected = true) {
  return page
    .getByRole('tablist', { name: 'Practice settings sections' })
    .getByRole('tab', { name: tab, exact: true, selected });
}

/** Changes fields on the Practice details tab and saves; waits for the confirmation. */
export async function editPracticeDetails(
  page: Page,
  practiceId: string,
  changes: Partial<NewPracticeInput>,
): Promise<void> {
  await openPracticeSettings(page, practiceId, 'Practice details');
  await page.getByLabel('Display name').waitFor();
  await fillPracticeFields(page, changes);
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByText('Practice details saved').waitFor();
}

/** Turns on the practice-level Secure Messaging switch (members have their own on the team page). */
export async function enableSecureMessaging(page: Page, practiceId: string): Promise<void> {
  await openPracticeSettings(page, practiceId, 'Secure messaging');
  const toggle = page.getByRole('switch', { name: 'Secure Messaging for the practice' });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-checked')) !== 'true') {
    await toggle.click();
    await page.getByText('Secure Messaging is on for the practice').waitFor();
  }
  await page.waitForSelector('[role="switch"][aria-checked="true"]');
}

/** Types in the practice list's search box and waits until the list answers. */
export async function searchPractices(page: Page, text: string): Promise<void> {
  if (!/\/practices(\?|$)/.test(new URL(page.url()).pathname + new URL(page.url()).search))
    await page.goto('/practices');
  await page.getByRole('heading', { level: 1, name: 'Practices' }).waitFor();
  await page.getByLabel('Search by name').fill(text);
  await page.waitForURL((url) => (url.searchParams.get('search') ?? '') === text.trim());
  await page.locator('[aria-busy="false"]').waitFor();
}

/** The practice names the list shows right now. */
export async function listedPractices(page: Page): Promise<string[]> {
  await page.locator('[aria-busy="false"]').waitFor();
  if (!(await page.getByRole('table', { name: 'Practices' }).count())) return [];
  return page
    .getByRole('table', { name: 'Practices' })
    .locator('tbody tr td:first-child a')
    .allTextContents()
    .catch(() => []);
}

/** Waits until the list shows exactly these practice names, in this order. */
export async function expectListed(page: Page, names: string[], timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen: string[] = [];
  while (Date.now() < deadline) {
    seen = (await listedPractices(page)).map((n) => n.trim());
    if (JSON.stringify(seen) === JSON.stringify(names)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`the practice list shows ${JSON.stringify(seen)}, expected ${JSON.stringify(names)}`);
}

// --- Prerequisites through the REST API (for other areas' data, or a second practice) ---------

export const apiLogin = (who: Credentials): Promise<string> => restToken(who);

export function apiCall<T = any>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  return restOk<T>(token, method, path, body);
}

export function apiCreatePractice(
  token: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; version: number }> {
  return restCreatePractice(token, { name, phone: '(617) 555-0190', address: DEFAULT_ADDRESS, ...extra });
}

/**
 * A solo practice whose own checklist is complete (clinician with NPI, Secure Messaging on,
 * legal name, an office, Tax ID, taxonomy, billing address at the office), through the API.
 */
export async function apiCreateReadyPractice(token: string, name: string): Promise<{ id: string }> {
  const practice = await apiCreatePractice(token, name, {
    legalName: `${name} PLLC`,
    secureMessagingEnabled: true,
  });
  await apiCall(token, 'POST', `/practices/${practice.id}/team-members`, {
    firstName: 'Robin',
    lastName: 'Hale',
    email: `robin-${practice.id.slice(0, 8)}@ready.test`,
    role: 'owner',
    credentials: ['LCSW'],
    npi: '1234567893',
    taxonomyCode: '1041C0700X',
    secureMessagingEnabled: true,
  });
  await apiCall(token, 'POST', `/practices/${practice.id}/locations`, {
    name: 'Main office',
    address: DEFAULT_ADDRESS,
  });
  await apiCall(token, 'PUT', `/practices/${practice.id}/billing-profile`, {
    version: 0,
    billAs: 'individual',
    organizationNpi: null,
    taxId: { kind: 'ssn', value: '123456789' },
    taxonomyCode: '1041C0700X',
    // Payers need ZIP+4 on the billing address; same street as the office, so box 32 is not needed.
    billingAddress: { ...DEFAULT_ADDRESS, zip: `${DEFAULT_ADDRESS.zip}-2912` },
    serviceFacilityLocation: false,
  });
  return { id: practice.id };
}
