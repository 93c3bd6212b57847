import type { Page } from 'playwright-core';
import { runId, screenshot, signIn, useBrowser, users } from './support/browser';
import {
  CLIENT_ADDRESS,
  createPracticeViaApi,
  openClientTab,
  policyCard,
  restCall,
  restToken,
} from './support/clients';

/**
 * The client's insurance page shows each policy's last eligibility check and "Check eligibility
 * now", answered by the clearinghouse sandbox (270 → 271, its member-ID rules). The practice, its
 * billing NPI, the client and the policies are set up over REST (other areas' screens).
 */
describe('eligibility on the client insurance page', () => {
  const session = useBrowser({ page: 'per-file' });
  let page: Page;
  let token: string;
  let practiceId: string;

  const clientWithPolicy = async (lastName: string, memberId: string): Promise<string> => {
    const client = await restCall('POST', `/practices/${practiceId}/clients`, token, {
      firstName: 'Ada',
      lastName,
      birthDate: '1985-04-12',
      sex: 'F',
      address: CLIENT_ADDRESS,
    });
    expect(client.status).toBe(201);
    const payers = await restCall('GET', '/payers?search=aetna', token);
    const policy = await restCall(
      'POST',
      `/practices/${practiceId}/clients/${client.body.id}/policies`,
      token,
      {
        order: 'primary',
        payerId: payers.body.items[0].id,
        memberId,
        relationship: 'self',
      },
    );
    expect(policy.status).toBe(201);
    return client.body.id as string;
  };

  beforeAll(async () => {
    token = await restToken(users.staff);
    practiceId = await createPracticeViaApi(token, `Eligibility Counseling ${runId}`);
    const profile = await restCall('PUT', `/practices/${practiceId}/billing-profile`, token, {
      version: 0,
      billAs: 'organization',
      organizationNpi: '1245319599',
      taxId: { kind: 'ein', value: '12-3456789' },
      taxonomyCode: '1041C0700X',
      billingAddress: { ...CLIENT_ADDRESS, zip: '78704-1234' },
      serviceFacilityLocation: false,
    });
    expect(profile.status).toBe(200);
    page = session.page;
    await signIn(page, users.staff);
  });

  it('checks now and shows the answer in words, kept as the last check', async () => {
    const clientId = await clientWithPolicy(`Active${runId}`, 'COP77001');
    await openClientTab(page, practiceId, clientId, 'insurance');
    const card = policyCard(page);
    const eligibility = card.getByTestId('eligibility');
    await eligibility.getByText('Not checked yet.').waitFor();
    await eligibility.getByRole('button', { name: 'Check eligibility now' }).click();
    await eligibility.getByTestId('eligibility-outcome').getByText('Active — SANDBOX PPO 500').waitFor();
    await eligibility.getByText('Copay: $20.00 per visit, in network.').waitFor();
    await eligibility.getByText('COPAY APPLIES PER VISIT').waitFor();
    await screenshot(page, '36-clients-eligibility-active');

    await page.reload();
    await openClientTab(page, practiceId, clientId, 'insurance');
    await policyCard(page).getByTestId('eligibility').getByText('Active — SANDBOX PPO 500').waitFor();
  });

  it('says why when the payer cannot answer', async () => {
    const clientId = await clientWithPolicy(`Unknown${runId}`, 'REJ77002');
    await openClientTab(page, practiceId, clientId, 'insurance');
    const eligibility = policyCard(page).getByTestId('eligibility');
    await eligibility.getByRole('button', { name: 'Check eligibility now' }).click();
    await eligibility
      .getByTestId('eligibility-outcome')
      .getByText(/The payer could not answer: .*not found/i)
      .waitFor();
  });
});
