import { buildEnrollmentRequest, PracticeFacts, taxIdForViewer } from './enrollment-request';

const address = { line1: '100 Congress Ave', city: 'Austin', state: 'TX', zip: '78701-1234' };
const payer = { payerId: 'p-1', payerName: 'Medicare (Novitas JH, Texas)', clearinghousePayerId: '04412' };

const facts = (over: Partial<PracticeFacts> = {}): PracticeFacts => ({
  practice: {
    id: 'pr-1',
    name: 'Riverbend',
    legalName: 'Riverbend Counseling PLLC',
    phone: '5125550100',
    email: 'office@riverbend.test',
    address,
  },
  billingProfile: {
    billAs: 'organization',
    organizationNpi: '1234567893',
    taxId: { kind: 'ein', display: '12-3456789', masked: false },
    taxonomyCode: '101YP2500X',
    billingAddress: address,
  },
  owner: { id: 'm-1', firstName: 'Sam', lastName: 'Okafor', npi: '1987654321', email: 'sam@riverbend.test' },
  notes: [],
  ...over,
});

describe('buildEnrollmentRequest', () => {
  it('fills the request from practice settings when everything is there', () => {
    const built = buildEnrollmentRequest(facts(), payer, 'claim_filing');
    expect(built.missing).toEqual([]);
    expect(built.request).toEqual({
      ...payer,
      type: 'claim_filing',
      legalName: 'Riverbend Counseling PLLC',
      billingNpi: '1234567893',
      taxId: { kind: 'ein', value: '12-3456789' },
      taxonomyCode: '101YP2500X',
      billingAddress: address,
      contact: { name: 'Sam Okafor', phone: '5125550100', email: 'office@riverbend.test' },
    });
  });

  it('names the missing tax ID', () => {
    const f = facts();
    const built = buildEnrollmentRequest(
      { ...f, billingProfile: { ...f.billingProfile!, taxId: null } },
      payer,
      'claim_filing',
    );
    expect(built.missing).toEqual([{ field: 'billingProfile.taxId', label: 'Tax ID (EIN or SSN)' }]);
  });

  it('lists every billing field when the billing profile could not be read, and the legal name when absent', () => {
    const f = facts({ billingProfile: null });
    const built = buildEnrollmentRequest(
      { ...f, practice: { ...f.practice, legalName: null } },
      payer,
      'payment_reports',
    );
    expect(built.missing.map((m) => m.field)).toEqual([
      'practice.legalName',
      'billingProfile.organizationNpi',
      'billingProfile.taxId',
      'billingProfile.taxonomyCode',
      'billingProfile.billingAddress',
    ]);
  });

  it('enrolls a practice billing as an individual with the owner’s NPI, and asks for it when absent', () => {
    const f = facts();
    const individual = {
      ...f,
      billingProfile: { ...f.billingProfile!, billAs: 'individual' as const, organizationNpi: null },
    };
    expect(buildEnrollmentRequest(individual, payer, 'claim_filing').request.billingNpi).toBe('1987654321');
    const noNpi = buildEnrollmentRequest(
      { ...individual, owner: { ...f.owner!, npi: null } },
      payer,
      'claim_filing',
    );
    expect(noNpi.missing).toEqual([
      { field: 'teamMembers.m-1.npi', label: 'Billing NPI (the owner’s personal NPI)' },
    ]);
  });

  it('refuses a masked SSN (it cannot be sent) and masks a whole SSN for practice users', () => {
    const f = facts();
    const masked = buildEnrollmentRequest(
      {
        ...f,
        billingProfile: {
          ...f.billingProfile!,
          taxId: { kind: 'ssn', display: '***-**-6789', masked: true },
        },
      },
      payer,
      'claim_filing',
    );
    expect(masked.missing.map((m) => m.field)).toEqual(['billingProfile.taxId']);
    const ssn = { kind: 'ssn' as const, value: '123-45-6789' };
    expect(
      taxIdForViewer(ssn, { kind: 'user', userId: 'o', role: 'practice_owner', practiceIds: ['pr-1'] }),
    ).toEqual({
      kind: 'ssn',
      value: '***-**-6789',
    });
    expect(
      taxIdForViewer(ssn, { kind: 'user', userId: 's', role: 'billing_staff', practiceIds: ['pr-1'] }),
    ).toEqual(ssn);
  });
});
