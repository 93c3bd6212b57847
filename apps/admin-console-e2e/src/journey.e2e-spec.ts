// The onboarding journey of issue #9 in one browser session, as billing staff: sign in, create a
// solo practice, fill everything until readiness is complete (a wrong NPI first, and its error),
// add a client with a primary policy and an authorization, upload the card, enroll with the
// payer through to accepted. Then a practice owner sees only their practice. One test: each step
// needs what the one before made, so they are steps of the test, not tests of their own.
import type { Page } from 'playwright-core';
import { seriousA11yViolations } from './support/a11y';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import {
  addAuthorization,
  addClient,
  addPrimaryPolicy,
  drawnCardPng,
  missingInfoPanel,
  uploadCardFront,
} from './support/clients';
import {
  acceptEnrollment,
  attachDocument,
  enrollWithPayer,
  expectEnrollmentStatus,
  openEnrollment,
  openEnrollments,
  requireDocument,
} from './support/enrollments';
import {
  addLocation,
  fillBillingProfile,
  fillTeamMember,
  makeNpi,
  openNewTeamMember,
  waitForSaved,
  wrongCheckDigit,
} from './support/practice-settings';
import {
  createSoloPractice,
  editPracticeDetails,
  enableSecureMessaging,
  openReadiness,
  readinessProgress,
} from './support/practices';

const iso = (d: Date) => d.toISOString().slice(0, 10);
const days = (n: number) => new Date(Date.now() + n * 86_400_000);

describe('journey: a solo practice from nothing to an accepted enrollment, in the browser', () => {
  const session = useBrowser();
  const practiceName = `Journey Counseling ${runId}`;

  it('billing staff onboard a solo practice to an accepted enrollment; its owner sees only it', async () => {
    const page: Page = session.page;
    // billing staff sign in and create a solo practice
    await signIn(page, users.staff);
    await page.waitForURL(/\/practices$/);
    await page.getByRole('link', { name: 'New practice' }).click();
    const practiceId = await createSoloPractice(page, {
      name: practiceName,
      email: `office-${runId}@journey.test`,
    });
    await openReadiness(page, practiceId);
    const started = await readinessProgress(page);
    expect(started.done).toBeLessThan(started.total);

    // adds the clinician: a wrong NPI is refused next to the field, the right one saves
    const npi = makeNpi('1');
    const editor = await openNewTeamMember(page, practiceId);
    await fillTeamMember(page, editor, {
      firstName: 'Dana',
      lastName: `Reyes${runId}`,
      role: 'Owner',
      credentials: 'LCSW',
      npi: wrongCheckDigit(npi),
      taxonomySearch: 'clinical social worker',
      taxonomyCode: '1041C0700X',
      secureMessaging: true,
    });
    await editor.getByRole('button', { name: 'Add team member' }).click();
    const npiError = editor.getByText(/check digit/i);
    await npiError.waitFor();
    await screenshot(page, '10-journey-wrong-npi');
    expect(await page.getByRole('row', { name: new RegExp(`Reyes${runId}`) }).count()).toBe(0);
    await editor.getByLabel('Personal NPI (Type 1)').fill(npi);
    await npiError.waitFor({ state: 'detached' });
    await editor.getByRole('button', { name: 'Add team member' }).click();
    await waitForSaved(page);
    await page.getByRole('row', { name: new RegExp(`Reyes${runId}`) }).waitFor();

    // fills details, location, billing profile and secure messaging until readiness is complete
    await editPracticeDetails(page, practiceId, { legalName: `${practiceName} LLC` });
    await addLocation(page, practiceId, {
      name: 'Main office',
      line1: '24 Brattle St',
      city: 'Cambridge',
      state: 'MA',
      zip: '02138',
    });
    await fillBillingProfile(page, practiceId, {
      ein: '12-3456789',
      billAs: 'individual',
      taxonomySearch: 'clinical social worker',
      taxonomyCode: '1041C0700X',
      line1: '24 Brattle St',
      city: 'Cambridge',
      state: 'MA',
      zip: '02138-3722',
    });
    await enableSecureMessaging(page, practiceId);
    await openReadiness(page, practiceId);
    const finished = await readinessProgress(page);
    expect(finished.done).toBe(finished.total);
    await page.getByText('Ready to bill').first().waitFor();
    await screenshot(page, '11-journey-readiness-complete');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // adds a client with a primary policy, a prior authorization and the card
    const clientId = await addClient(page, practiceId, { firstName: 'Avery', lastName: `Quinn${runId}` });
    await missingInfoPanel(page)
      .getByText(/Primary insurance/)
      .first()
      .waitFor();
    await addPrimaryPolicy(page, practiceId, clientId, {
      payerSearch: 'aetna',
      payerName: 'Aetna',
      memberId: `W${runId.toUpperCase()}01`,
    });
    await addAuthorization(page, practiceId, clientId, {
      number: `PA-${runId}`,
      visits: 12,
      validFrom: iso(days(-1)),
      validTo: iso(days(90)),
    });
    const img = await uploadCardFront(page, practiceId, clientId, {
      name: 'aetna-card.png',
      mimeType: 'image/png',
      buffer: await drawnCardPng(page),
    });
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    // With the card on file nothing required for claims is missing any more.
    await missingInfoPanel(page)
      .getByText(/nothing required for claims is missing/i)
      .waitFor();
    await screenshot(page, '12-journey-client-insurance');

    // enrolls with the payer: +Enroll, a document required and attached, accepted
    await openEnrollments(page, practiceId);
    await enrollWithPayer(page, practiceId, { payerName: 'Aetna', type: 'payment_reports' });
    await openEnrollment(page, practiceId, { payerName: 'Aetna', type: 'payment_reports' });
    await requireDocument(page);
    await attachDocument(page);
    await acceptEnrollment(page);
    await expectEnrollmentStatus(page, 'Accepted');
    await screenshot(page, '13-journey-enrollment-accepted');

    // a practice owner sees only their own practice
    const owner = await session.newPage();
    await signIn(owner, users.owner);
    await owner.waitForURL(/\/practices\/[0-9a-f-]{36}$/);
    expect(owner.url()).not.toContain(practiceId);
    expect(
      await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Practices' }).count(),
    ).toBe(0);
    await owner.goto(`/practices/${practiceId}`);
    // Not an admin: the page says the practice is not theirs to see (issue #20), and nothing of it.
    await owner.getByRole('heading', { name: 'You do not have access to this practice' }).waitFor();
    expect(await owner.getByText(practiceName).count()).toBe(0);
  }, 600_000);
});
