import type { Page } from 'playwright-core';
import { restCall, restOk, restToken } from './support/api';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import { createPracticeViaApi } from './support/clients';
import { chooseOption } from './support/forms';

/**
 * Appointments: the fee schedule in practice settings, an appointment priced from it (after the
 * server's 422 on an impossible diagnosis pointer, shown on that field), and a CSV import whose
 * preview names a bad row's column before the valid rows are imported.
 */
describe('appointments: fee schedule, add with a schedule fee, CSV import', () => {
  const session = useBrowser({ page: 'per-file' });
  let page: Page;
  let token: string;
  let practiceId: string;
  let clientId: string;
  let clinicianId: string;
  const lastName = `Okafor${runId}`;

  beforeAll(async () => {
    token = await restToken(users.staff);
    practiceId = await createPracticeViaApi(token, `Appointments Counseling ${runId}`);
    clinicianId = (
      await restOk(token, 'POST', `/practices/${practiceId}/team-members`, {
        firstName: 'Robin',
        lastName: 'Hale',
        email: `robin.${runId}@appointments.test`,
        role: 'clinician',
        credentials: ['LCSW'],
        taxonomyCode: '1041C0700X',
        npi: '1234567893',
      })
    ).id;
    clientId = (
      await restOk(token, 'POST', `/practices/${practiceId}/clients`, {
        firstName: 'Dana',
        lastName,
        birthDate: '1990-04-12',
        sex: 'F',
      })
    ).id;
    page = session.page;
    await signIn(page, users.staff);
  });

  it('edits the fee schedule in practice settings', async () => {
    await page.goto(`/practices/${practiceId}/settings/fee-schedule`);
    await page.getByRole('heading', { name: 'Fee schedule' }).waitFor();
    await page.getByText('No fees yet').waitFor();
    await page.getByRole('button', { name: 'Add a fee' }).click();
    const fee = page.getByRole('group', { name: 'Fee 1' });
    await fee.getByLabel('Procedure').fill('90837');
    await fee.getByLabel('Modifiers').fill('95');
    await fee.getByLabel('Fee ($)').fill('160');
    await page.getByRole('button', { name: 'Save fee schedule' }).click();
    await page.getByText('Last saved').waitFor();
    expect(await fee.getByLabel('Fee ($)').inputValue()).toBe('160.00');
    await screenshot(page, '60-fee-schedule');
    const saved = await restOk(token, 'GET', `/practices/${practiceId}/fee-schedule`);
    expect(saved).toMatchObject({
      version: 1,
      entries: [{ procedure: '90837', modifiers: ['95'], feeCents: 16000 }],
    });
  });

  it('adds a telehealth appointment with the fee from the schedule, after a 422 shown on its field', async () => {
    await page.goto(`/practices/${practiceId}/appointments`);
    await page.getByText('No appointments yet').waitFor();
    await page.getByRole('link', { name: 'Add appointment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add appointment' }).waitFor();
    await chooseOption(page, page, 'Client', `${lastName}, Dana`);
    await chooseOption(page, page, 'Clinician', /Robin Hale/);
    await page.getByLabel('Date of service').fill('2026-11-03');
    await chooseOption(page, page, 'Place of service', /^10 · Telehealth/);
    await page.getByLabel('Add a diagnosis').fill('F43.10');
    await page.getByRole('option', { name: /F43\.10/ }).click();
    await page.getByText('Post-traumatic stress disorder', { exact: false }).first().waitFor();
    const line = page.getByRole('group', { name: 'Service 1' });
    await line.getByLabel('Procedure (CPT/HCPCS)').fill('90837');
    expect(await line.getByLabel('Modifiers').inputValue()).toBe('95');
    await line.getByLabel('Fee ($)').click();
    expect(await line.getByLabel('Fee ($)').inputValue()).toBe('160.00');
    await line.getByText('From the fee schedule').waitFor();
    // a pointer to a third diagnosis of an appointment that has one: only the server knows
    await line.getByLabel('Diagnosis pointers').fill('3');
    await page.getByRole('button', { name: 'Add appointment' }).click();
    await line.getByText('diagnosis pointer 3 points past the 1 diagnoses').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/practices/${practiceId}/appointments/new`);
    await screenshot(page, '61-appointment-pointer-error');

    await line.getByLabel('Diagnosis pointers').fill('1');
    await page.getByRole('button', { name: 'Add appointment' }).click();
    await page.waitForURL(new RegExp(`/practices/${practiceId}/appointments(\\?|$)`));
    const row = page.getByRole('row').filter({ hasText: 'Nov 3, 2026' });
    await row.getByText('$160.00').waitFor();
    await row.getByText('90837-95').waitFor();
    await row.getByText(`${lastName}, Dana`).waitFor();
    await screenshot(page, '62-appointments-list');
    const list = await restOk(token, 'GET', `/practices/${practiceId}/appointments`);
    expect(list.items[0].lines[0]).toMatchObject({ feeCents: 16000, feeSource: 'schedule' });
  });

  it('edits the appointment: a no-show with a fee typed over the schedule’s', async () => {
    await page.getByRole('link', { name: 'Nov 3, 2026' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appointment' }).waitFor();
    const line = page.getByRole('group', { name: 'Service 1' });
    expect(await line.getByLabel('Fee ($)').inputValue()).toBe('160.00');
    await page.getByRole('radio', { name: 'No-show' }).check();
    await line.getByLabel('Fee ($)').fill('40.00');
    await page.getByRole('button', { name: 'Save appointment' }).click();
    await page.waitForURL(new RegExp(`/practices/${practiceId}/appointments(\\?|$)`));
    const row = page.getByRole('row').filter({ hasText: 'Nov 3, 2026' });
    await row.getByText('No-show').waitFor();
    await row.getByText('$40.00').waitFor();
    const saved = (await restOk(token, 'GET', `/practices/${practiceId}/appointments`)).items[0];
    expect(saved).toMatchObject({ attendance: 'no_show', version: 2 });
    expect(saved.lines[0]).toMatchObject({ feeCents: 4000, feeSource: 'override' });
  });

  it('imports a CSV: the preview names the bad row’s column, then the valid rows are imported', async () => {
    const header =
      'client_id,clinician_id,date,start_time,minutes,place_of_service,location_id,diagnoses,procedure,modifiers,units,fee,diagnosis_pointers,attendance,billing_type';
    const csv = [
      header,
      `${clientId},${clinicianId},2026-11-10,09:00,53,10,,F43.10,90837,95,1,,1,attended,insurance`,
      `${clientId},${clinicianId},2026-11-11,09:00,53,10,,F43,90837,95,1,,1,attended,insurance`,
      `${clientId},${clinicianId},2026-11-12,09:00,53,10,,F43.10,90837,95,1,175.00,1,attended,insurance`,
    ].join('\n');
    await page.goto(`/practices/${practiceId}/appointments`);
    await page.getByRole('link', { name: 'Import a CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import appointments' }).waitFor();
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'week.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('3 rows: 2 ready to import, 1 with problems').waitFor();
    const bad = page.getByRole('row').filter({ hasText: 'Nov 11, 2026' });
    await bad.getByText('Problems').waitFor();
    await bad.getByText(/diagnoses.*heading/).waitFor();
    await screenshot(page, '63-appointments-import-preview');
    expect((await restCall('GET', `/practices/${practiceId}/appointments?limit=1`, token)).body.total).toBe(
      1,
    );

    await page.getByRole('button', { name: 'Import 2 appointments' }).click();
    await page.getByText('2 appointments created.').waitFor();
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    expect((await restCall('GET', `/practices/${practiceId}/appointments?limit=1`, token)).body.total).toBe(
      3,
    );

    // the same file again: nothing new, and the preview says the rows were imported before
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'week.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('3 rows: 0 ready to import, 1 with problems, 2 imported before').waitFor();
    expect(await page.getByRole('button', { name: /^Import \d/ }).isDisabled()).toBe(true);
  });
});
