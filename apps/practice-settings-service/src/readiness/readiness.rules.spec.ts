import { computeReadiness, ReadinessInput, sameAddress, serviceFacilityRule } from './readiness.rules';

const office = { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701' };
const elsewhere = { line1: '9 Lamar Blvd', city: 'Austin', state: 'TX', zip: '78704' };

function solo(overrides: Partial<ReadinessInput> = {}): ReadinessInput {
  return {
    practice: {
      id: 'p1',
      type: 'solo',
      name: 'Calm',
      legalName: 'Calm LLC',
      phone: '5125550100',
      address: office,
      secureMessagingEnabled: true,
    },
    members: [
      {
        id: 'm1',
        firstName: 'Dana',
        lastName: 'Rivera',
        role: 'owner',
        npi: '1234567893',
        secureMessagingEnabled: true,
      },
    ],
    locations: [{ id: 'l1', name: 'Office', address: office, placeOfService: '11' }],
    profile: {
      billAs: 'individual',
      organizationNpi: null,
      taxIdKind: 'ssn',
      taxonomyCode: '1041C0700X',
      billingAddress: { ...office, zip: '78701-1234' },
      serviceFacilityLocation: false,
    },
    ...overrides,
  };
}
const missing = (input: ReadinessInput) =>
  computeReadiness(input)
    .filter((i) => i.status === 'missing')
    .map((i) => i.key.replace('practice-settings.', ''));

describe('readiness checklist', () => {
  it('is complete for a solo practice with everything entered, without an Organization NPI', () => {
    const items = computeReadiness(solo());
    expect(items.every((i) => i.status === 'done')).toBe(true);
    expect(items.find((i) => i.key === 'practice-settings.organization-npi')?.note).toMatch(
      /Optional for a solo practice/,
    );
    expect(items.map((i) => i.fixAt)).toContain('/practices/p1/settings/billing');
  });

  it('lists exactly what an empty solo practice lacks, and where to fix it', () => {
    const items = computeReadiness(
      solo({
        members: [],
        locations: [],
        profile: null,
        practice: { ...solo().practice, legalName: null, secureMessagingEnabled: false },
      }),
    );
    const byKey = Object.fromEntries(items.map((i) => [i.key.replace('practice-settings.', ''), i]));
    expect(Object.keys(byKey)).toEqual([
      'team',
      'secure-messaging',
      'practice-information',
      'organization-npi',
      'tax-id',
      'taxonomy-code',
      'billing-address',
      'service-facility-location',
    ]);
    expect(byKey['practice-information'].missing.map((f) => f.field)).toEqual([
      'practice.legalName',
      'locations',
    ]);
    expect(byKey['practice-information'].fixAt).toBe('/practices/p1/settings/practice-details');
    expect(byKey['tax-id'].missing).toEqual([
      { field: 'billingProfile.taxId', label: 'Enter the Tax ID (EIN) or SSN that claims are filed under' },
    ]);
    expect(byKey['organization-npi'].status).toBe('done');
    expect(byKey['service-facility-location'].status).toBe('done');
  });

  it('makes every clinician NPI an item of a group, requires the group NPI and billing as Organization', () => {
    const input = solo({
      practice: { ...solo().practice, type: 'group' },
      members: [
        {
          id: 'a',
          firstName: 'Ann',
          lastName: 'Lee',
          role: 'clinician',
          npi: '1234567893',
          secureMessagingEnabled: true,
        },
        {
          id: 'b',
          firstName: 'Ben',
          lastName: 'Ode',
          role: 'clinician',
          npi: null,
          secureMessagingEnabled: false,
        },
        {
          id: 'c',
          firstName: 'Cy',
          lastName: 'Staff',
          role: 'staff',
          npi: null,
          secureMessagingEnabled: true,
        },
      ],
    });
    expect(missing(input)).toEqual([
      'secure-messaging',
      'personal-npi.b',
      'organization-npi',
      'billing-address',
    ]);
    const items = computeReadiness(input);
    expect(items.filter((i) => i.key.includes('personal-npi')).map((i) => i.title)).toEqual([
      'Personal (Type 1) NPI of Ann Lee',
      'Personal (Type 1) NPI of Ben Ode',
    ]);
    expect(items.find((i) => i.key.endsWith('billing-address'))?.missing.map((f) => f.field)).toEqual([
      'billingProfile.billAs',
    ]);
    expect(items.find((i) => i.key.endsWith('secure-messaging'))?.missing).toEqual([
      { field: 'teamMembers.b.secureMessagingEnabled', label: 'Turn on Secure Messaging for Ben Ode' },
    ]);
  });

  it('does not call Secure Messaging done for a practice with nobody on its team', () => {
    const items = computeReadiness(solo({ members: [] }));
    expect(items.find((i) => i.key.endsWith('secure-messaging'))).toMatchObject({
      status: 'missing',
      missing: [
        { field: 'teamMembers', label: 'Add a team member: Secure Messaging reaches the people on the team' },
      ],
    });
  });

  it('needs an Organization NPI for a solo practice only when it bills as Organization', () => {
    expect(missing(solo({ profile: { ...solo().profile!, billAs: 'organization' } }))).toEqual([
      'organization-npi',
    ]);
  });
});

describe('service facility location (box 32)', () => {
  it('is required, with the reason, when services are performed away from the billing address', () => {
    const rule = serviceFacilityRule(
      office,
      [{ id: 'l', name: 'Lamar', address: elsewhere, placeOfService: '11' }],
      false,
    );
    expect(rule.required).toBe(true);
    expect(rule.reason).toMatch(
      /differs from the location "Lamar" \(9 Lamar Blvd, Austin\).*turn on Service Facility Location \(box 32\)/,
    );
    expect(
      serviceFacilityRule(
        office,
        [{ id: 'l', name: 'Lamar', address: elsewhere, placeOfService: '11' }],
        true,
      ),
    ).toEqual({ required: true, reason: null });
    expect(
      missing(solo({ locations: [{ id: 'l', name: 'Lamar', address: elsewhere, placeOfService: '11' }] })),
    ).toEqual(['service-facility-location']);
  });

  it('is not required when locations share the billing address (ZIP+4 and case aside) or are telehealth only', () => {
    expect(sameAddress(office, { ...office, line1: '500 w 2nd st.', zip: '78701-1234' })).toBe(true);
    expect(
      serviceFacilityRule(
        office,
        [{ id: 'l', name: 'Office', address: { ...office, zip: '78701-1234' }, placeOfService: '11' }],
        false,
      ).required,
    ).toBe(false);
    expect(
      serviceFacilityRule(
        office,
        [{ id: 't', name: 'Telehealth', address: elsewhere, placeOfService: '10' }],
        false,
      ).required,
    ).toBe(false);
    expect(
      serviceFacilityRule(null, [{ id: 'l', name: 'Lamar', address: elsewhere, placeOfService: '11' }], false)
        .required,
    ).toBe(false);
  });
});
