// Reusable steps of the Clients area (client list, profile, insurance, cards, authorizations),
// driven the way a user works: labels, roles, visible text. REST helpers set up what belongs to
// other areas (a practice) as billing staff.
import type { Locator, Page } from 'playwright-core';
import { restCall, restCreatePractice, restToken } from './api';
import { chooseOption, fillAddress } from './forms';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A real 1×1 PNG (complete: signature to IEND). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A card-like PNG (340×214) drawn on a canvas in the page, for screenshots that look like the real thing. */
export async function drawnCardPng(page: Page, memberId = 'W123456789'): Promise<Buffer> {
  const base64 = await page.evaluate((id) => {
    const canvas = document.createElement('canvas');
    canvas.width = 340;
    canvas.height = 214;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    g.fillStyle = '#1e5aa8';
    g.fillRect(0, 0, 340, 214);
    g.fillStyle = '#ffffff';
    g.font = 'bold 22px sans-serif';
    g.fillText('Sample Health Plan', 20, 44);
    g.font = '16px sans-serif';
    g.fillText(`Member ID ${id}`, 20, 110);
    g.fillText('Group GRP-1', 20, 140);
    return canvas.toDataURL('image/png').split(',')[1];
  }, memberId);
  return Buffer.from(base64, 'base64');
}

// ---------------------------------------------------------------- REST set-up (another area's)

export { restCall, restToken };

/** A solo practice in Austin, TX, created by billing staff (who may then see it); returns its id. */
export async function createPracticeViaApi(token: string, name: string): Promise<string> {
  return (await restCreatePractice(token, { name })).id;
}

// ---------------------------------------------------------------- UI steps

export interface NewClientInput {
  firstName: string;
  lastName: string;
  preferredName?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
  sex?: 'Female' | 'Male' | 'Unknown';
  phone?: string;
  address?: { line1: string; city: string; state: string; zip: string };
  billingType?: 'Insurance' | 'Self-pay';
}

export const CLIENT_ADDRESS = { line1: '1200 Barton Springs Rd', city: 'Austin', state: 'TX', zip: '78704' };

export async function openClients(page: Page, practiceId: string): Promise<void> {
  await page.goto(`/practices/${practiceId}/clients`);
  await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
}

export { chooseOption } from './forms';

/** Fills the client fields of the add-client form (or the profile tab); leaves fields not given alone. */
export async function fillClientFields(page: Page, input: Partial<NewClientInput>): Promise<void> {
  if (input.firstName !== undefined) await page.getByLabel('First name').fill(input.firstName);
  if (input.lastName !== undefined) await page.getByLabel('Last name').fill(input.lastName);
  if (input.preferredName !== undefined) await page.getByLabel('Preferred name').fill(input.preferredName);
  if (input.birthDate !== undefined) await page.getByLabel('Birth date').fill(input.birthDate);
  if (input.sex)
    await page
      .getByRole('radiogroup', { name: /Sex for claims/ })
      .getByRole('radio', { name: input.sex })
      .check();
  if (input.phone !== undefined) await page.getByLabel('Phone').fill(input.phone);
  if (input.address) await fillAddress(page, 'Home address', input.address);
  if (input.billingType) await page.getByRole('radio', { name: input.billingType, exact: true }).check();
}

/**
 * Adds a client through the form (opened unless it already is, so a test can show field errors
 * first) and lands on the client's profile; returns the client's id.
 */
export async function addClient(page: Page, practiceId: string, input: NewClientInput): Promise<string> {
  if (!new URL(page.url()).pathname.endsWith(`/practices/${practiceId}/clients/new`))
    await page.goto(`/practices/${practiceId}/clients/new`);
  await page.getByRole('heading', { level: 1, name: 'Add client' }).waitFor();
  await fillClientFields(page, {
    birthDate: '1985-04-12',
    sex: 'Female',
    phone: '(512) 555-0199',
    address: CLIENT_ADDRESS,
    billingType: 'Insurance',
    ...input,
  });
  await page.getByRole('button', { name: 'Add client' }).click();
  await page.waitForURL(new RegExp(`/practices/${practiceId}/clients/${UUID}/profile$`));
  await page
    .getByRole('heading', {
      level: 1,
      name: new RegExp(`^${escape(input.firstName)} ${escape(input.lastName)}`),
    })
    .waitFor();
  const id = new RegExp(`/clients/(${UUID})/`).exec(page.url())?.[1];
  if (!id) throw new Error(`no client id in ${page.url()}`);
  return id;
}

/** The client page's billing-information panel. */
export function missingInfoPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Billing information' });
}

export async function openClientTab(
  page: Page,
  practiceId: string,
  clientId: string,
  tab: 'profile' | 'insurance',
): Promise<void> {
  const path = `/practices/${practiceId}/clients/${clientId}/${tab}`;
  if (new URL(page.url()).pathname !== path) await page.goto(path);
  await page
    .getByRole('heading', { level: 2, name: tab === 'profile' ? 'Profile' : 'Insurance policies' })
    .waitFor();
}

/** The card of one policy on the insurance tab, e.g. `policyCard(page, 'Primary')`. */
export function policyCard(page: Page, order: 'Primary' | 'Secondary' | 'Tertiary' = 'Primary'): Locator {
  return page.getByRole('article', { name: new RegExp(`^${order} insurance — `) });
}

export interface PolicyInput {
  /** What to type in the payer type-ahead, e.g. "aetna" or "60054". */
  payerSearch: string;
  /** The payer's name as the directory lists it, e.g. "Aetna". */
  payerName: string;
  memberId: string;
  groupNumber?: string;
  order?: 'Primary' | 'Secondary' | 'Tertiary';
}

/** Adds a policy (relationship self) through the payer type-ahead and waits for its card. */
export async function addPolicy(
  page: Page,
  practiceId: string,
  clientId: string,
  input: PolicyInput,
): Promise<Locator> {
  const order = input.order ?? 'Primary';
  await openClientTab(page, practiceId, clientId, 'insurance');
  await page.getByRole('button', { name: 'Add insurance policy' }).click();
  const form = page.getByRole('form', { name: 'Add insurance policy' });
  await chooseOption(form, page, 'Insurance type', order);
  await form.getByLabel('Insurance company (payer)').fill(input.payerSearch);
  await page.getByRole('option', { name: new RegExp(`^${escape(input.payerName)} · payer ID`) }).click();
  await form.getByLabel('Member ID').fill(input.memberId);
  if (input.groupNumber) await form.getByLabel('Group number').fill(input.groupNumber);
  await chooseOption(form, page, 'Client’s relationship to the insured', /^Self/);
  await form.getByRole('button', { name: 'Save policy' }).click();
  const card = policyCard(page, order);
  await card.getByRole('heading', { name: `${order} insurance — ${input.payerName}` }).waitFor();
  return card;
}

export async function addPrimaryPolicy(
  page: Page,
  practiceId: string,
  clientId: string,
  input: Omit<PolicyInput, 'order'>,
): Promise<Locator> {
  return addPolicy(page, practiceId, clientId, { ...input, order: 'Primary' });
}

export interface AuthorizationInput {
  number: string;
  visits: number;
  /** YYYY-MM-DD */
  validFrom: string;
  validTo: string;
  order?: 'Primary' | 'Secondary' | 'Tertiary';
}

/** Records a prior authorization on a policy and waits for it in the policy's list; returns its row. */
export async function addAuthorization(
  page: Page,
  practiceId: string,
  clientId: string,
  input: AuthorizationInput,
): Promise<Locator> {
  await openClientTab(page, practiceId, clientId, 'insurance');
  const card = policyCard(page, input.order ?? 'Primary');
  await card.getByRole('button', { name: 'Add authorization' }).click();
  const form = card.getByRole('form', { name: 'Add a prior authorization' });
  await form.getByLabel('Authorization number').fill(input.number);
  await form.getByLabel('Authorized visits').fill(String(input.visits));
  await form.getByLabel('Valid from').fill(input.validFrom);
  await form.getByLabel('Valid to').fill(input.validTo);
  await form.getByRole('button', { name: 'Save authorization' }).click();
  const row = card.getByTestId('authorization').filter({ hasText: input.number.toUpperCase() });
  await row.waitFor();
  return row;
}

export interface CardFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Picks a file for one side of a policy's card; waits until it is uploaded or refused. */
export async function pickCardFile(
  page: Page,
  side: 'Front' | 'Back',
  file: CardFile,
  order: PolicyInput['order'] = 'Primary',
): Promise<Locator> {
  const card = policyCard(page, order);
  await card.getByLabel(`${side} of insurance card`, { exact: true }).setInputFiles(file);
  await card.getByText('Uploading…').waitFor({ state: 'detached' });
  return card;
}

/** Uploads the card front of a policy and waits until the server's copy shows as an image; returns the image. */
export async function uploadCardFront(
  page: Page,
  practiceId: string,
  clientId: string,
  file: CardFile = { name: 'card-front.png', mimeType: 'image/png', buffer: TINY_PNG },
  order: PolicyInput['order'] = 'Primary',
): Promise<Locator> {
  await openClientTab(page, practiceId, clientId, 'insurance');
  const card = await pickCardFile(page, 'Front', file, order);
  const img = card.getByRole('img', { name: `Front of insurance card (${file.name})` }).first();
  await img.waitFor();
  await img.evaluate((el: HTMLImageElement) =>
    el.complete ? undefined : new Promise((ok) => el.addEventListener('load', ok, { once: true })),
  );
  return img;
}

/** Types in the client list's search and waits for the list to settle. */
export async function searchClients(page: Page, text: string): Promise<void> {
  await page.getByLabel('Search clients').fill(text);
  await page.waitForURL((url) => url.searchParams.get('q') === (text.trim() || null));
  await page.getByRole('status').filter({ hasText: 'Loading clients…' }).waitFor({ state: 'detached' });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
