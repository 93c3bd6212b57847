// Steps for the form parts every area shares (ui-common), driven by labels like a person.
import type { Locator, Page } from 'playwright-core';

export interface AddressInput {
  line1: string;
  line2?: string;
  city: string;
  /** Two-letter code, e.g. TX. */
  state: string;
  zip: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Opens the Material select labelled `label` in `scope` (its accessible name is the label, then the
 * value chosen), picks the option, and waits for the option list to close: a click that comes while
 * it is still closing lands on its backdrop.
 */
export async function chooseOption(
  scope: Page | Locator,
  page: Page,
  label: string | RegExp,
  option: string | RegExp,
): Promise<void> {
  const name = typeof label === 'string' ? new RegExp(`^${escape(label)}( |$)`) : label;
  await scope.getByRole('combobox', { name }).click();
  await page.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await page.locator('.mat-mdc-select-panel').waitFor({ state: 'detached' });
}

/** Picks a state in the State select of `scope` by its code (the options read "MA · Massachusetts"). */
export async function chooseState(scope: Page | Locator, page: Page, code: string): Promise<void> {
  await chooseOption(scope, page, 'State', new RegExp(`^${escape(code)} · `));
}

/**
 * Fills an address (`<cl-address-fields>`): inside the fieldset with the given legend, or in the
 * whole of `scope` when the page has only one address. A second line not given is emptied.
 */
export async function fillAddress(
  scope: Page | Locator,
  legend: string | null,
  a: AddressInput,
): Promise<void> {
  const page = 'page' in scope ? scope.page() : scope;
  const group = legend ? scope.getByRole('group', { name: legend, exact: true }) : scope;
  await group.getByLabel('Street address').fill(a.line1);
  await group.getByRole('textbox', { name: /^Suite or apartment/ }).fill(a.line2 ?? '');
  await group.getByLabel('City').fill(a.city);
  await chooseState(group, page, a.state);
  await group.getByLabel('ZIP code').fill(a.zip);
}
