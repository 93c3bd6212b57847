import { accessToken, address, api, billingAddress, uniqueName, users } from './client';

/**
 * The seed's "Set up your profile", "Enable Secure Messaging" and "Set up your account", through
 * the gateway: a solo and a group practice each taken from empty to ready, with the readiness
 * answer checked after every step, plus reference look-ups, masking and auditing.
 */
describe('practice settings: from empty to ready', () => {
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    admin = await accessToken(users.admin);
    staff = await accessToken(users.staff);
  });

  /** Keys (without the service prefix) of practice settings' items still missing. */
  async function missing(practiceId: string, token: string): Promise<string[]> {
    const r = await api('GET', `/practices/${practiceId}/readiness`, { token });
    expect(r.status).toBe(200);
    return r.body.items
      .filter((i: any) => i.source === 'practice-settings' && i.status === 'missing')
      .map((i: any) => i.key.replace('practice-settings.', '').replace(/\.[0-9a-f-]{36}$/, ''));
  }
  async function ownItemsDone(practiceId: string, token: string): Promise<boolean> {
    const r = await api('GET', `/practices/${practiceId}/readiness`, { token });
    return r.body.items
      .filter((i: any) => i.source === 'practice-settings')
      .every((i: any) => i.status === 'done');
  }

  it('answers taxonomy and place-of-service look-ups from the reference data', async () => {
    const search = await api('GET', '/reference/taxonomy?search=clinical%20social%20worker', {
      token: staff,
    });
    expect(search.status).toBe(200);
    expect(search.body.items.map((t: any) => t.code)).toContain('1041C0700X');
    const one = await api('GET', '/reference/taxonomy/1041C0700X', { token: staff });
    expect(one.body).toMatchObject({ code: '1041C0700X', displayName: 'Clinical Social Worker' });
    expect((await api('GET', '/reference/taxonomy/1041C0799X', { token: staff })).status).toBe(404);
    const pos = await api('GET', '/reference/places-of-service', { token: staff });
    expect(pos.body.items.map((p: any) => p.code)).toEqual(expect.arrayContaining(['02', '10', '11']));
  });

  it('takes a solo practice from empty to ready, one step at a time', async () => {
    const created = await api('POST', '/practices', {
      token: staff,
      body: { type: 'solo', name: uniqueName('Solo Calm'), phone: '(512) 555-0101', address },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      legalName: null,
      secureMessagingEnabled: false,
      settingsComplete: false,
    });

    const first = await api('GET', `/practices/${id}/readiness`, { token: staff });
    expect(first.body).toMatchObject({ practiceId: id, practiceType: 'solo', complete: false });
    const taxItem = first.body.items.find((i: any) => i.key === 'practice-settings.tax-id');
    expect(taxItem).toMatchObject({
      status: 'missing',
      fixAt: `/practices/${id}/settings/billing`,
      missing: [{ field: 'billingProfile.taxId' }],
    });
    expect(await missing(id, staff)).toEqual([
      'team',
      'secure-messaging',
      'practice-information',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    // Set up your profile: the clinician, with credentials and taxonomy.
    const me = await api('POST', `/practices/${id}/team-members`, {
      token: staff,
      body: {
        firstName: 'Robin',
        lastName: 'Hale',
        email: 'robin@solo.test',
        role: 'owner',
        credentials: ['LCSW'],
        taxonomyCode: '1041C0700X',
      },
    });
    expect(me.status).toBe(201);
    expect(await missing(id, staff)).toEqual([
      'secure-messaging',
      'personal-npi',
      'practice-information',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    // Personal NPI: a wrong check digit is refused with the reason, the right one accepted.
    const badNpi = await api('PATCH', `/practices/${id}/team-members/${me.body.id}`, {
      token: staff,
      body: { version: 1, npi: '1234567890' },
    });
    expect(badNpi.status).toBe(422);
    expect(badNpi.body.errors).toEqual([
      { field: 'npi', rule: 'npi', message: 'NPI 1234567890 fails its check digit' },
    ]);
    const npi = await api('PATCH', `/practices/${id}/team-members/${me.body.id}`, {
      token: staff,
      body: { version: 1, npi: '1234567893', secureMessagingEnabled: true },
    });
    expect(npi.status).toBe(200);
    expect(await missing(id, staff)).toEqual([
      'secure-messaging',
      'practice-information',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    // Enable Secure Messaging (practice level) and the practice information.
    const practice = await api('PATCH', `/practices/${id}`, {
      token: staff,
      body: { version: 1, secureMessagingEnabled: true, legalName: 'Robin Hale LCSW PLLC' },
    });
    expect(practice.body).toMatchObject({
      version: 2,
      secureMessagingEnabled: true,
      legalName: 'Robin Hale LCSW PLLC',
    });
    const stale = await api('PATCH', `/practices/${id}`, {
      token: staff,
      body: { version: 1, legalName: 'Late' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(2);
    expect(await missing(id, staff)).toEqual([
      'practice-information',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    const location = await api('POST', `/practices/${id}/locations`, {
      token: staff,
      body: { name: 'Main office', address, phone: '(512) 555-0102' },
    });
    expect(location.status).toBe(201);
    expect(location.body).toMatchObject({ placeOfService: '11', placeOfServiceName: 'Office' });
    const tele = await api('POST', `/practices/${id}/locations`, {
      token: staff,
      body: { name: 'Telehealth', address, placeOfService: '10' },
    });
    expect(tele.status).toBe(201);
    expect(await missing(id, staff)).toEqual(['tax-id', 'taxonomy-code', 'billing-address']);

    // Billing and Services: a PO box billing address is refused and nothing is saved.
    const poBox = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 0,
        billAs: 'individual',
        taxId: { kind: 'ssn', value: '123-45-6789' },
        taxonomyCode: '1041C0700X',
        billingAddress: { ...billingAddress, line1: 'PO Box 1200', line2: undefined },
        serviceFacilityLocation: false,
      },
    });
    expect(poBox.status).toBe(422);
    expect(poBox.body.errors).toEqual([
      {
        field: 'billingAddress.line1',
        rule: 'po_box',
        message: 'The billing address must be a street address; enter a PO box as the pay-to address instead',
      },
    ]);
    expect((await api('GET', `/practices/${id}/billing-profile`, { token: staff })).body).toMatchObject({
      version: 0,
      taxId: null,
    });
    const badSsn = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 0,
        billAs: 'individual',
        taxId: { kind: 'ssn', value: '666-12-3456' },
        serviceFacilityLocation: false,
      },
    });
    expect(badSsn.body.errors).toEqual([
      { field: 'taxId.value', rule: 'tax_id', message: 'An SSN cannot start with 000, 666 or 900–999' },
    ]);

    const profile = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 0,
        billAs: 'individual',
        organizationNpi: null,
        taxId: { kind: 'ssn', value: '123456789' },
        taxonomyCode: '1041C0700X',
        billingAddress,
        payToAddress: { line1: 'PO Box 1200', city: 'Austin', state: 'TX', zip: '78767' },
        serviceFacilityLocation: false,
      },
    });
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      version: 1,
      taxId: { kind: 'ssn', display: '123-45-6789', masked: false },
      taxonomyName: 'Clinical Social Worker',
    });
    // The billing address (Suite 300) is not the office's: box 32 must be on, and readiness says why.
    expect(profile.body.serviceFacilityLocation).toMatchObject({ enabled: false, required: true });
    expect(profile.body.serviceFacilityLocation.reason).toMatch(/differs from the location "Main office"/);
    expect(await missing(id, staff)).toEqual(['service-facility-location']);
    const list = await api(
      'GET',
      `/practices?readiness=incomplete&search=${encodeURIComponent(created.body.name)}`,
      { token: staff },
    );
    expect(list.body.items.map((p: any) => p.id)).toEqual([id]);

    const on = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 1,
        billAs: 'individual',
        taxonomyCode: '1041C0700X',
        billingAddress,
        payToAddress: profile.body.payToAddress,
        serviceFacilityLocation: true,
      },
    });
    expect(on.body).toMatchObject({
      version: 2,
      taxId: { kind: 'ssn' },
      serviceFacilityLocation: { enabled: true, required: true, reason: null },
    });
    expect(await missing(id, staff)).toEqual([]);
    expect(await ownItemsDone(id, staff)).toBe(true);
    const ready = await api(
      'GET',
      `/practices?readiness=complete&search=${encodeURIComponent(created.body.name)}`,
      { token: staff },
    );
    expect(ready.body.items.map((p: any) => p.id)).toEqual([id]);
    expect(ready.body.items[0].settingsComplete).toBe(true);

    // The practice owner sees the SSN masked; billing staff see it whole.
    const ownerEmail = `owner-${id.slice(0, 8)}@solo.test`;
    const ownerUser = await api('POST', '/users', {
      token: admin,
      body: {
        email: ownerEmail,
        displayName: 'Robin Hale',
        password: 'owner-password-123',
        role: 'practice_owner',
        practiceId: id,
      },
    });
    expect(ownerUser.status).toBe(201);
    const owner = await accessToken({ email: ownerEmail, password: 'owner-password-123' });
    expect((await api('GET', `/practices/${id}/billing-profile`, { token: owner })).body.taxId).toEqual({
      kind: 'ssn',
      display: '***-**-6789',
      masked: true,
    });
    expect((await api('GET', `/practices/${id}/billing-profile`, { token: staff })).body.taxId).toEqual({
      kind: 'ssn',
      display: '123-45-6789',
      masked: false,
    });

    // Every read and change above was audited.
    const audit = await api('GET', `/audit-events?practiceId=${id}&limit=200`, { token: admin });
    const seen = new Set(audit.body.items.map((e: any) => `${e.resourceType}:${e.action}`));
    for (const entry of [
      'practice:create',
      'practice:update',
      'readiness:read',
      'team_member:create',
      'team_member:update',
      'location:create',
      'billing_profile:update',
      'billing_profile:read',
    ]) {
      expect(seen).toContain(entry);
    }
    expect(
      audit.body.items.find(
        (e: any) => e.resourceType === 'billing_profile' && e.action === 'update' && e.status === 422,
      ),
    ).toBeDefined();
  });

  it('takes a group practice from empty to ready: every clinician NPI, the group NPI and its taxonomy, billing as Organization', async () => {
    const created = await api('POST', '/practices', {
      token: staff,
      body: {
        type: 'group',
        name: uniqueName('Group Harbor'),
        legalName: 'Harbor Group Counseling LLC',
        phone: '5125550150',
        address,
        secureMessagingEnabled: true,
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    // Secure Messaging is on for the practice, but with nobody on the team it reaches no one yet.
    expect(await missing(id, staff)).toEqual([
      'team',
      'secure-messaging',
      'practice-information',
      'organization-npi',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    const clinicians = [];
    for (const [first, cred] of [
      ['Ana', 'LPC'],
      ['Ben', 'PhD'],
      ['Cai', 'LMFT'],
    ]) {
      const r = await api('POST', `/practices/${id}/team-members`, {
        token: staff,
        body: {
          firstName: first,
          lastName: 'Harbor',
          email: `${first.toLowerCase()}@harbor.test`,
          role: 'clinician',
          credentials: [cred],
          secureMessagingEnabled: true,
        },
      });
      expect(r.status).toBe(201);
      clinicians.push(r.body);
    }
    const withNpis = await api('GET', `/practices/${id}/readiness`, { token: staff });
    const npiItems = withNpis.body.items.filter((i: any) =>
      i.key.startsWith('practice-settings.personal-npi.'),
    );
    expect(npiItems.map((i: any) => [i.title, i.status, i.fixAt])).toEqual(
      clinicians.map((c) => [
        `Personal (Type 1) NPI of ${c.firstName} Harbor`,
        'missing',
        `/practices/${id}/settings/team-members/${c.id}`,
      ]),
    );

    const npis = ['1234567893', '1245319599', '1679576722'];
    for (const [n, c] of clinicians.entries()) {
      expect(
        (
          await api('PATCH', `/practices/${id}/team-members/${c.id}`, {
            token: staff,
            body: { version: 1, npi: npis[n] },
          })
        ).status,
      ).toBe(200);
      const left = await missing(id, staff);
      expect(left.filter((k) => k === 'personal-npi')).toHaveLength(clinicians.length - n - 1);
    }
    expect(await missing(id, staff)).toEqual([
      'practice-information',
      'organization-npi',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    await api('POST', `/practices/${id}/locations`, {
      token: staff,
      body: { name: 'Harbor office', address: { ...billingAddress, zip: '78701' } },
    });
    expect(await missing(id, staff)).toEqual([
      'organization-npi',
      'tax-id',
      'taxonomy-code',
      'billing-address',
    ]);

    // Billing as Organization needs the group NPI.
    const noNpi = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: { version: 0, billAs: 'organization', serviceFacilityLocation: false },
    });
    expect(noNpi.status).toBe(422);
    expect(noNpi.body.errors).toEqual([
      {
        field: 'organizationNpi',
        rule: 'required',
        message: 'To bill as an Organization, enter the Organization (Type 2) NPI',
      },
    ]);

    const unknownTaxonomy = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 0,
        billAs: 'organization',
        organizationNpi: '1982947636',
        taxonomyCode: '261QM0899X',
        serviceFacilityLocation: false,
      },
    });
    expect(unknownTaxonomy.body.errors[0]).toMatchObject({ field: 'taxonomyCode', rule: 'taxonomy_code' });

    const step1 = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 0,
        billAs: 'organization',
        organizationNpi: '1982947636',
        taxId: { kind: 'ein', value: '123456789' },
        serviceFacilityLocation: false,
      },
    });
    expect(step1.status).toBe(200);
    expect(step1.body.taxId).toEqual({ kind: 'ein', display: '12-3456789', masked: false });
    expect(await missing(id, staff)).toEqual(['taxonomy-code', 'billing-address']);

    const done = await api('PUT', `/practices/${id}/billing-profile`, {
      token: staff,
      body: {
        version: 1,
        billAs: 'organization',
        organizationNpi: '1982947636',
        taxonomyCode: '261QM0801X',
        billingAddress,
        serviceFacilityLocation: false,
      },
    });
    expect(done.status).toBe(200);
    // The office shares the billing address, so box 32 is not needed.
    expect(done.body.serviceFacilityLocation).toEqual({ enabled: false, required: false, reason: null });
    expect(await missing(id, staff)).toEqual([]);

    // A later change can make it incomplete again: a new clinician without an NPI.
    const dee = await api('POST', `/practices/${id}/team-members`, {
      token: staff,
      body: {
        firstName: 'Dee',
        lastName: 'Harbor',
        email: 'dee@harbor.test',
        role: 'clinician',
        secureMessagingEnabled: true,
      },
    });
    expect(await missing(id, staff)).toEqual(['personal-npi']);
    await api('DELETE', `/practices/${id}/team-members/${dee.body.id}`, { token: staff });
    expect(await ownItemsDone(id, staff)).toBe(true);
  });

  it('keeps other practices out: 404 for locations, billing profile and readiness of a practice not assigned', async () => {
    const other = await api('POST', '/practices', {
      token: admin,
      body: { type: 'solo', name: uniqueName('Not Yours'), phone: '5125550100', address },
    });
    for (const path of ['locations', 'billing-profile', 'readiness']) {
      expect((await api('GET', `/practices/${other.body.id}/${path}`, { token: staff })).status).toBe(404);
    }
    const put = await api('PUT', `/practices/${other.body.id}/billing-profile`, {
      token: staff,
      body: { version: 0, billAs: 'individual', serviceFacilityLocation: false },
    });
    expect(put.status).toBe(404);
  });
});
