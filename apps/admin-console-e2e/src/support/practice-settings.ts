// Reusable steps for a practice's settings (team members, office locations, billing profile),
// driven the way a person uses the console. Each step waits for the visible saved state.
import type { Locator, Page } from 'playwright-core';
import type {
  BillingProfileView,
  PracticeReadiness,
  PracticeView,
  TeamMemberView,
} from '@claimline/contracts/practice-settings';
import { npiCheckDigit } from '@claimline/domain';
import { waitFor } from '@claimline/backend/util-testing';
import { type Credentials, EVENTUALLY, restCreatePractice, restOk, restToken } from './api';
import { runId, screenshot } from './browser';
import { fillAddress } from './forms';

// ---------------------------------------------------------------------------------------------
// REST helpers, for what other areas own (creating the practice) and for checking results.

export type { Credentials } from './api';

export const apiToken = (who: Credentials): Promise<string> => restToken(who);

export function api<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  return restOk<T>(token, method, path, body);
}

/** A fresh practice (through the API: creating practices is another area's screen). */
export async function createPracticeViaApi(
  token: string,
  options: { name?: string; type?: 'solo' | 'group' } = {},
): Promise<PracticeView> {
  return restCreatePractice<PracticeView>(token, {
    type: options.type ?? 'solo',
    name: options.name ?? `Settings e2e ${runId} ${Math.random().toString(36).slice(2, 6)}`,
    phone: '(512) 555-0199',
    address: { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701' },
  });
}

export function readiness(token: string, practiceId: string): Promise<PracticeReadiness> {
  return api<PracticeReadiness>(token, 'GET', `/practices/${practiceId}/readiness`);
}

export async function teamMembersViaApi(token: string, practiceId: string): Promise<TeamMemberView[]> {
  return (await api<{ items: TeamMemberView[] }>(token, 'GET', `/practices/${practiceId}/team-members`))
    .items;
}

export function billingProfileViaApi(token: string, practiceId: string): Promise<BillingProfileView> {
  return api<BillingProfileView>(token, 'GET', `/practices/${practiceId}/billing-profile`);
}

/** A valid NPI (right check digit) that starts with `first` (1: a person, 2: an organization). */
export function makeNpi(first: '1' | '2' = '1'): string {
  const body = first + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  return body + String(npiCheckDigit(body));
}

/** The same digits with the check digit off by one: passes every rule but the check digit. */
export function wrongCheckDigit(npi: string): string {
  return npi.slice(0, 9) + String((Number(npi[9]) + 1) % 10);
}

// ---------------------------------------------------------------------------------------------
// UI steps

/**
 * A screenshot of the whole page: the shell scrolls inside its content area, so the window is
 * made tall enough for the content first (and put back afterwards). Waits out field animations.
 */
export async function screenshotWhole(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 860 };
  const height = await page.evaluate(() => {
    const content = document.querySelector('mat-sidenav-content');
    return content ? content.scrollHeight + content.getBoundingClientRect().top : document.body.scrollHeight;
  });
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(height)) });
  await page.waitForTimeout(350);
  await screenshot(page, name);
  await page.setViewportSize(size);
}

/** The field (mat-form-field) around an input, to find the message shown next to it. */
export function fieldOf(scope: Page | Locator, label: string | RegExp): Locator {
  // The inner locator is matched inside each form field, so it starts from the page.
  const page = 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
  return scope
    .locator('mat-form-field')
    .filter({ has: page.getByLabel(label, { exact: typeof label === 'string' }) });
}

/** Waits for the snack bar that confirms a save ("Saved", or "Saved: …"). */
export async function waitForSaved(page: Page): Promise<void> {
  await page
    .locator('mat-snack-bar-container')
    .getByText(/^\s*Saved/)
    .first()
    .waitFor();
}

/** Types in a taxonomy type-ahead and picks the option with the code (keyboard: arrows and Enter also work). */
export async function pickTaxonomy(
  scope: Page | Locator,
  page: Page,
  label: string,
  search: string,
  code: string,
): Promise<void> {
  const input = scope.getByRole('combobox', { name: label, exact: true });
  await input.fill('');
  await input.pressSequentially(search, { delay: 15 });
  const option = page.getByRole('option', { name: new RegExp(code) });
  await option.waitFor();
  await option.click();
  await until(async () => (await input.inputValue()).startsWith(code), `the taxonomy field to show ${code}`);
}

/** Polls a condition (for states no single element change announces): `waitFor` with the condition first. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(what, check, timeoutMs, EVENTUALLY[1]);
}

export interface TeamMemberInput {
  firstName: string;
  lastName: string;
  email?: string;
  role?: 'Owner' | 'Clinician' | 'Staff';
  credentials?: string;
  npi?: string;
  /** Text typed in the taxonomy type-ahead, e.g. "clinical social worker". */
  taxonomySearch?: string;
  /** The code to pick among the results, e.g. 1041C0700X. */
  taxonomyCode?: string;
  secureMessaging?: boolean;
}

export async function openTeamMembers(page: Page, practiceId: string): Promise<void> {
  await page.goto(`/practices/${practiceId}/settings/team-members`);
  await page.getByRole('heading', { name: 'Team members', level: 2 }).waitFor();
  await page.getByText('Loading team members…').waitFor({ state: 'detached' });
}

/** Opens the "Add a team member" form and returns it. */
export async function openNewTeamMember(page: Page, practiceId: string): Promise<Locator> {
  await openTeamMembers(page, practiceId);
  await page
    .getByRole('button', { name: /^Add (team member|the first team member)$/ })
    .first()
    .click();
  const editor = page.getByRole('region', { name: 'Add a team member' });
  await editor.waitFor();
  return editor;
}

/** Fills the open team-member form (does not save). */
export async function fillTeamMember(page: Page, editor: Locator, m: TeamMemberInput): Promise<void> {
  await editor.getByLabel('First name').fill(m.firstName);
  await editor.getByLabel('Last name').fill(m.lastName);
  if (m.credentials !== undefined) await editor.getByLabel('Credentials').fill(m.credentials);
  await editor
    .getByLabel('E-mail')
    .fill(m.email ?? `${m.firstName}.${m.lastName}.${runId}@example.com`.toLowerCase());
  if (m.role) {
    await editor.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: m.role, exact: true }).click();
  }
  if (m.npi !== undefined) await editor.getByLabel('Personal NPI (Type 1)').fill(m.npi);
  if (m.taxonomySearch && m.taxonomyCode)
    await pickTaxonomy(editor, page, 'Taxonomy code', m.taxonomySearch, m.taxonomyCode);
  if (m.secureMessaging !== undefined) {
    const toggle = editor.getByRole('switch', { name: 'Secure Messaging' });
    if ((await toggle.getAttribute('aria-checked')) !== String(m.secureMessaging)) await toggle.click();
  }
}

/** Adds a team member through the form and waits until it is saved and listed. */
export async function addTeamMember(page: Page, practiceId: string, m: TeamMemberInput): Promise<void> {
  const editor = await openNewTeamMember(page, practiceId);
  await fillTeamMember(page, editor, { role: 'Clinician', ...m });
  await editor.getByRole('button', { name: 'Add team member' }).click();
  await waitForSaved(page);
  await page.getByRole('row', { name: new RegExp(`${m.firstName} ${m.lastName}`) }).waitFor();
}

export interface LocationInput {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  state: string;
  zip: string;
  phone?: string;
  /** Option text start, e.g. "11" (office), "02" or "10" (telehealth). Default: 11. */
  placeOfService?: string;
}

export async function addLocation(page: Page, practiceId: string, l: LocationInput): Promise<void> {
  await page.goto(`/practices/${practiceId}/settings/locations`);
  await page.getByRole('heading', { name: 'Office locations', level: 2 }).waitFor();
  await page.getByText('Loading office locations…').waitFor({ state: 'detached' });
  await page
    .getByRole('button', { name: /^Add (location|the first location)$/ })
    .first()
    .click();
  const editor = page.getByRole('region', { name: 'Add an office location' });
  await editor.getByLabel('Location name').fill(l.name);
  if (l.placeOfService && l.placeOfService !== '11') {
    await editor.getByRole('combobox', { name: 'Place of service' }).click();
    await page.getByRole('option', { name: new RegExp(`^${l.placeOfService} ·`) }).click();
  }
  if (l.phone) await editor.getByLabel('Phone (optional)').fill(l.phone);
  await fillAddress(editor, 'Address', l);
  await editor.getByRole('button', { name: 'Add location' }).click();
  await waitForSaved(page);
  await page.getByRole('row', { name: new RegExp(l.name) }).waitFor();
}

export interface BillingProfileInput {
  /** EIN as typed, e.g. 12-3456789; or `ssn`. */
  ein?: string;
  ssn?: string;
  billAs?: 'individual' | 'organization';
  organizationNpi?: string;
  taxonomySearch?: string;
  taxonomyCode?: string;
  line1: string;
  line2?: string;
  city: string;
  state: string;
  /** ZIP+4, e.g. 78701-1234. */
  zip: string;
  payTo?: { line1: string; line2?: string; city: string; state: string; zip: string };
  serviceFacility?: boolean;
}

export async function openBillingProfile(page: Page, practiceId: string): Promise<void> {
  await page.goto(`/practices/${practiceId}/settings/billing`);
  await page.getByRole('heading', { name: 'Billing profile', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Save billing profile' }).waitFor();
}

/** Fills the billing profile form (does not save). */
export async function fillBillingForm(page: Page, b: BillingProfileInput): Promise<void> {
  if (b.ein || b.ssn) {
    const replace = page.getByRole('button', { name: 'Replace the Tax ID' });
    if (await replace.isVisible()) await replace.click();
    await page.getByRole('radio', { name: b.ssn ? /^SSN/ : /^EIN/ }).check();
    await page.getByLabel(b.ssn ? 'SSN' : 'EIN', { exact: true }).fill((b.ssn ?? b.ein) as string);
  }
  if (b.billAs)
    await page
      .getByRole('radio', { name: b.billAs === 'organization' ? /^Organization:/ : /^Individual:/ })
      .check();
  if (b.organizationNpi !== undefined)
    await page.getByLabel('Organization NPI (Type 2)').fill(b.organizationNpi);
  if (b.taxonomySearch && b.taxonomyCode) {
    const label = (await page
      .getByRole('combobox', { name: 'Taxonomy code of the group NPI', exact: true })
      .count())
      ? 'Taxonomy code of the group NPI'
      : 'Billing taxonomy code';
    await pickTaxonomy(page, page, label, b.taxonomySearch, b.taxonomyCode);
  }
  await fillAddress(page, 'Billing address', b);
  if (b.payTo) {
    await page.getByRole('checkbox', { name: /pay-to address/ }).check();
    await fillAddress(page, 'Pay-to address', b.payTo);
  }
  if (b.serviceFacility !== undefined) {
    const toggle = page.getByRole('switch', { name: 'Print the service facility location on claims' });
    if ((await toggle.getAttribute('aria-checked')) !== String(b.serviceFacility)) await toggle.click();
  }
}

/** Fills and saves the billing profile; waits for "Saved". */
export async function fillBillingProfile(
  page: Page,
  practiceId: string,
  b: BillingProfileInput,
): Promise<void> {
  await openBillingProfile(page, practiceId);
  await fillBillingForm(page, b);
  await page.getByRole('button', { name: 'Save billing profile' }).click();
  await waitForSaved(page);
}
