import type { Page } from 'playwright-core';
import type { PracticeView } from '@claimline/contracts/practice-settings';
import { seriousA11yViolations } from './support/a11y';
import { runId, signIn, useBrowser, users } from './support/browser';
import { fillAddress } from './support/forms';
import {
  addLocation,
  addTeamMember,
  api,
  apiToken,
  billingProfileViaApi,
  createPracticeViaApi,
  fieldOf,
  fillBillingForm,
  fillBillingProfile,
  fillTeamMember,
  makeNpi,
  openBillingProfile,
  openNewTeamMember,
  pickTaxonomy,
  readiness,
  screenshotWhole,
  teamMembersViaApi,
  until,
  waitForSaved,
  wrongCheckDigit,
} from './support/practice-settings';

describe('practice settings: team members, office locations, billing profile', () => {
  const session = useBrowser();
  let page: Page;
  let token: string;

  beforeAll(async () => {
    token = await apiToken(users.staff);
  });
  beforeEach(async () => {
    page = session.page;
    await signIn(page, users.staff);
  });

  it('sets up a solo practice: team member (NPI check digit, taxonomy type-ahead), location, billing profile; readiness follows', async () => {
    const practice = await createPracticeViaApi(token, { name: `Solo settings ${runId}` });
    const npi = makeNpi('1');
    const wrong = wrongCheckDigit(npi);

    // Team member: a wrong check digit is named next to the field as it is typed, and blocks the save.
    const editor = await openNewTeamMember(page, practice.id);
    await fillTeamMember(page, editor, {
      firstName: 'Robin',
      lastName: `Solo${runId}`,
      credentials: 'LCSW',
      role: 'Owner',
      npi: wrong,
    });
    const npiField = fieldOf(editor, 'Personal NPI (Type 1)');
    await npiField.getByText(`NPI ${wrong} fails its check digit`).waitFor();
    await screenshotWhole(page, '31-practice-settings-team-npi-error');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: 'Add team member' }).click();
    await until(
      () => editor.getByLabel('Personal NPI (Type 1)').evaluate((el) => el === document.activeElement),
      'the NPI field to get the focus',
    );
    expect(await npiField.getByText('fails its check digit').isVisible()).toBe(true);
    expect(await teamMembersViaApi(token, practice.id)).toHaveLength(0);

    // Fixed, with the taxonomy picked from the type-ahead, it saves.
    await editor.getByLabel('Personal NPI (Type 1)').fill(npi);
    await npiField.getByText('fails its check digit').waitFor({ state: 'detached' });
    await pickTaxonomy(editor, page, 'Taxonomy code', 'clinical social worker', '1041C0700X');
    await editor.getByRole('button', { name: 'Add team member' }).click();
    await waitForSaved(page);
    const row = page.getByRole('row', { name: new RegExp(`Robin Solo${runId}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(npi);
    expect(await row.textContent()).toContain('1041C0700X');
    await screenshotWhole(page, '32-practice-settings-team');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [member] = await teamMembersViaApi(token, practice.id);
    expect(member).toMatchObject({
      npi,
      taxonomyCode: '1041C0700X',
      role: 'owner',
      credentials: ['LCSW'],
      secureMessagingEnabled: true,
    });

    // Office location.
    await addLocation(page, practice.id, {
      name: 'Main office',
      line1: '200 Congress Ave',
      line2: 'Suite 4',
      city: 'Austin',
      state: 'TX',
      zip: '78701',
      phone: '(512) 555-0123',
    });
    expect(await page.getByRole('row', { name: /Main office/ }).textContent()).toContain('Office');
    await screenshotWhole(page, '33-practice-settings-locations');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Billing profile: a PO box as billing address is refused as it is typed, then a street address saves.
    await openBillingProfile(page, practice.id);
    await fillBillingForm(page, {
      ein: '12-3456789',
      taxonomySearch: 'clinical social worker',
      taxonomyCode: '1041C0700X',
      line1: 'P.O. Box 1234',
      city: 'Austin',
      state: 'TX',
      zip: '78701-1234',
    });
    const billing = page.getByRole('group', { name: 'Billing address', exact: true });
    await fieldOf(billing, 'Street address')
      .getByText('A billing address cannot be a PO box; use a pay-to address for PO boxes')
      .waitFor();
    await page.getByRole('button', { name: 'Save billing profile' }).click();
    expect((await billingProfileViaApi(token, practice.id)).version).toBe(0);
    await fillAddress(page, 'Billing address', {
      line1: '200 Congress Ave',
      line2: 'Suite 4',
      city: 'Austin',
      state: 'TX',
      zip: '78701-1234',
    });
    await page.getByRole('button', { name: 'Save billing profile' }).click();
    await waitForSaved(page);
    await screenshotWhole(page, '34-practice-settings-billing');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const profile = await billingProfileViaApi(token, practice.id);
    expect(profile).toMatchObject({
      billAs: 'individual',
      taxId: { kind: 'ein', display: '12-3456789' },
      taxonomyCode: '1041C0700X',
      billingAddress: { line1: '200 Congress Ave', zip: '78701-1234' },
    });

    const ready = await readiness(token, practice.id);
    const status = (key: string) => ready.items.find((i) => i.key === key)?.status;
    expect(status('practice-settings.tax-id')).toBe('done');
    expect(status(`practice-settings.personal-npi.${member.id}`)).toBe('done');
    expect(status('practice-settings.organization-npi')).toBe('done');
    expect(status('practice-settings.billing-address')).toBe('done');
    expect(status('practice-settings.taxonomy-code')).toBe('done');
    expect(status('practice-settings.team')).toBe('done');
  });

  it('opens a member from a readiness link on the right field, and shows the server’s refusal next to the field', async () => {
    const practice = await createPracticeViaApi(token);
    const personal = makeNpi('1');
    const member = await api<{ id: string }>(token, 'POST', `/practices/${practice.id}/team-members`, {
      firstName: 'Sam',
      lastName: `Link${runId}`,
      email: `sam.link.${runId}@example.com`,
      role: 'clinician',
    });

    // team-members/:memberId?focus=<readiness field> opens the editor with the cursor in the NPI.
    await page.goto(
      `/practices/${practice.id}/settings/team-members/${member.id}?focus=teamMembers.${member.id}.npi`,
    );
    const editor = page.getByRole('region', { name: `Edit Sam Link${runId}` });
    await editor.waitFor();
    await until(
      () => editor.getByLabel('Personal NPI (Type 1)').evaluate((el) => el === document.activeElement),
      'the NPI field to get the focus',
    );
    await editor.getByLabel('Personal NPI (Type 1)').fill(personal);
    // The taxonomy type-ahead works from the keyboard: type, then Enter takes the first match.
    const taxonomy = editor.getByRole('combobox', { name: 'Taxonomy code', exact: true });
    await taxonomy.pressSequentially('marriage', { delay: 15 });
    await page.getByRole('option', { name: /106H00000X/ }).waitFor();
    await taxonomy.press('Enter');
    await until(async () => (await taxonomy.inputValue()).startsWith('106H00000X'), 'the picked taxonomy');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await waitForSaved(page);
    await page.waitForURL(new RegExp(`/settings/team-members$`));
    expect((await teamMembersViaApi(token, practice.id))[0]).toMatchObject({
      npi: personal,
      taxonomyCode: '106H00000X',
    });

    // The server refuses a member's personal NPI as the Organization NPI: its words show under the field.
    await openBillingProfile(page, practice.id);
    await fillBillingForm(page, {
      billAs: 'organization',
      organizationNpi: personal,
      line1: '1 Main St',
      city: 'Austin',
      state: 'TX',
      zip: '78701-0001',
    });
    await page.getByRole('button', { name: 'Save billing profile' }).click();
    await fieldOf(page, 'Organization NPI (Type 2)')
      .getByText(`is the personal (Type 1) NPI of Sam Link${runId}`)
      .waitFor();
    await until(
      () => page.getByLabel('Organization NPI (Type 2)').evaluate((el) => el === document.activeElement),
      'the Organization NPI to get the focus',
    );

    // Organization without an NPI is refused as typed; a Type 2 NPI saves.
    await page.getByLabel('Organization NPI (Type 2)').fill('');
    await fieldOf(page, 'Organization NPI (Type 2)')
      .getByText('To bill as an Organization, enter the Organization (Type 2) NPI')
      .waitFor();
    const org = makeNpi('2');
    await page.getByLabel('Organization NPI (Type 2)').fill(org);
    await page.getByRole('button', { name: 'Save billing profile' }).click();
    await waitForSaved(page);
    expect(await billingProfileViaApi(token, practice.id)).toMatchObject({
      billAs: 'organization',
      organizationNpi: org,
    });

    // ?focus= on the billing page lands on the field a readiness item names.
    await page.goto(`/practices/${practice.id}/settings/billing?focus=billingProfile.taxId`);
    await until(
      () => page.getByLabel('EIN', { exact: true }).evaluate((el) => el === document.activeElement),
      'the Tax ID field to get the focus',
    );
  });

  it('explains a conflicting change in words and reloads the latest version', async () => {
    const practice: PracticeView = await createPracticeViaApi(token);
    await fillBillingProfile(page, practice.id, {
      ein: '12-3456789',
      line1: '5 Elm St',
      city: 'Austin',
      state: 'TX',
      zip: '78701-0005',
    });

    // Someone else saves meanwhile.
    const current = await billingProfileViaApi(token, practice.id);
    await api(token, 'PUT', `/practices/${practice.id}/billing-profile`, {
      version: current.version,
      billAs: 'individual',
      billingAddress: { line1: '9 Oak St', city: 'Austin', state: 'TX', zip: '78701-0009' },
      serviceFacilityLocation: true,
    });

    await page.getByLabel('Organization NPI (Type 2)').fill(makeNpi('2'));
    await page.getByRole('button', { name: 'Save billing profile' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Someone else saved the billing profile since you opened it' })
      .waitFor();
    await page.getByRole('button', { name: 'Load the latest version' }).click();
    const billing = page.getByRole('group', { name: 'Billing address', exact: true });
    await until(
      async () => (await billing.getByLabel('Street address').inputValue()) === '9 Oak St',
      'the latest billing address',
    );
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows a practice owner a masked SSN and lets them replace it (checked as typed)', async () => {
    const practice = await createPracticeViaApi(token);
    await api(token, 'PUT', `/practices/${practice.id}/billing-profile`, {
      version: 0,
      billAs: 'individual',
      taxId: { kind: 'ssn', value: '123-45-6789' },
      billingAddress: { line1: '7 Pine St', city: 'Austin', state: 'TX', zip: '78701-0007' },
      serviceFacilityLocation: false,
    });
    const owner = {
      email: `owner.${runId}.${Math.random().toString(36).slice(2, 6)}@example.com`,
      password: `Owner-pass-${runId}-1234`,
    };
    await api(await apiToken(users.admin), 'POST', '/users', {
      ...owner,
      displayName: 'Settings Owner',
      role: 'practice_owner',
      practiceId: practice.id,
    });

    const ownerPage = await session.newPage();
    await signIn(ownerPage, owner);
    await openBillingProfile(ownerPage, practice.id);
    const taxId = ownerPage.getByRole('group', { name: 'Tax ID', exact: true });
    await taxId.getByText('***-**-6789').waitFor();
    expect(await taxId.textContent()).not.toContain('123-45');

    await taxId.getByRole('button', { name: 'Replace the Tax ID' }).click();
    await taxId.getByRole('radio', { name: /^SSN/ }).check();
    await taxId.getByLabel('SSN', { exact: true }).fill('000-12-3456');
    await fieldOf(taxId, 'SSN').getByText('An SSN cannot start with 000, 666 or 900–999').waitFor();
    await taxId.getByLabel('SSN', { exact: true }).fill('234-56-7890');
    await fieldOf(taxId, 'SSN').getByText('cannot start with').waitFor({ state: 'detached' });
    await ownerPage.getByRole('button', { name: 'Save billing profile' }).click();
    await waitForSaved(ownerPage);
    await taxId.getByText('***-**-7890').waitFor();
    expect((await billingProfileViaApi(token, practice.id)).taxId).toMatchObject({
      kind: 'ssn',
      display: '234-56-7890',
      masked: false,
    });
  });

  it('edits and removes office locations and team members, with a confirmation', async () => {
    const practice = await createPracticeViaApi(token);
    await addLocation(page, practice.id, {
      name: 'Telehealth',
      line1: '10 Main St',
      city: 'Austin',
      state: 'TX',
      zip: '78701',
      placeOfService: '10',
    });
    const row = page.getByRole('row', { name: /Telehealth/ });
    expect(await row.textContent()).toContain('Telehealth Provided in Patient');

    // A PO box is refused for a location as it is typed.
    await row.getByRole('button', { name: 'Edit Telehealth' }).click();
    const editor = page.getByRole('region', { name: 'Edit Telehealth' });
    await editor.getByLabel('Location name').fill('Telehealth (home)');
    await editor.getByRole('group', { name: 'Address' }).getByLabel('Street address').fill('PO Box 77');
    await fieldOf(editor, 'Street address').getByText('not a PO box').waitFor();
    await editor.getByRole('group', { name: 'Address' }).getByLabel('Street address').fill('12 Main St');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await waitForSaved(page);
    await page.getByRole('row', { name: /Telehealth \(home\)/ }).waitFor();

    await page.getByRole('button', { name: 'Remove Telehealth (home)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove Telehealth (home)?' });
    await dialog.getByRole('button', { name: 'Keep' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Remove Telehealth (home)' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No office locations yet').waitFor();

    // A team member's Secure Messaging switch saves from the list; removing asks first.
    await addTeamMember(page, practice.id, {
      firstName: 'Pat',
      lastName: `Gone${runId}`,
      role: 'Staff',
      secureMessaging: false,
    });
    const memberRow = page.getByRole('row', { name: new RegExp(`Pat Gone${runId}`) });
    await memberRow.getByRole('switch', { name: `Secure Messaging for Pat Gone${runId}` }).click();
    await page
      .locator('mat-snack-bar-container')
      .getByText(`Saved: Secure Messaging on for Pat Gone${runId}`)
      .waitFor();
    expect((await teamMembersViaApi(token, practice.id))[0].secureMessagingEnabled).toBe(true);

    // Switching the editor from one member to another shows the other's details.
    await api(token, 'POST', `/practices/${practice.id}/team-members`, {
      firstName: 'Kim',
      lastName: `Stay${runId}`,
      email: `kim.${runId}@example.com`,
      role: 'clinician',
    });
    await page.reload();
    await page.getByRole('button', { name: `Edit Pat Gone${runId}` }).click();
    await page.getByRole('region', { name: `Edit Pat Gone${runId}` }).waitFor();
    await page.getByRole('button', { name: `Edit Kim Stay${runId}` }).click();
    const kim = page.getByRole('region', { name: `Edit Kim Stay${runId}` });
    await until(
      async () => (await kim.getByLabel('First name').inputValue()) === 'Kim',
      'the editor to show Kim',
    );
    await kim.getByRole('button', { name: 'Cancel' }).click();

    await memberRow.getByRole('button', { name: `Remove Pat Gone${runId}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.locator('mat-snack-bar-container').getByText(`Removed Pat Gone${runId}`).waitFor();
    expect((await teamMembersViaApi(token, practice.id)).map((m) => m.firstName)).toEqual(['Kim']);
  });

  it('is usable at tablet width (800 px)', async () => {
    const practice = await createPracticeViaApi(token);
    const narrow = await session.newPage();
    await signIn(narrow, users.staff);
    // The shell hides the signed-in name below 900 px, so sign in first, then narrow the window.
    await narrow.setViewportSize({ width: 800, height: 1000 });
    await addTeamMember(narrow, practice.id, {
      firstName: 'Alex',
      lastName: `Narrow${runId}`,
      npi: makeNpi('1'),
      taxonomySearch: 'psychologist',
      taxonomyCode: '103T00000X',
    });
    await screenshotWhole(narrow, '35-practice-settings-team-tablet');
    await openBillingProfile(narrow, practice.id);
    const width = await narrow.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(800);
    await screenshotWhole(narrow, '36-practice-settings-billing-tablet');
  });
});
