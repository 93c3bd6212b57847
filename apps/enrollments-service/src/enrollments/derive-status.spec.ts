import { deriveStatus, PayerRequirements } from './derive-status';

const payer = (flags: Partial<PayerRequirements>): PayerRequirements => ({
  claimFilingEnrollmentRequired: false,
  eraSupported: true,
  eraEnrollmentRequired: false,
  ...flags,
});

describe('deriveStatus (payer requirements × clients on file)', () => {
  it.each([
    // claim filing
    [{ claimFilingEnrollmentRequired: true }, 'claim_filing', false, 'no_clients_on_file'],
    [{ claimFilingEnrollmentRequired: true }, 'claim_filing', true, 'enroll'],
    [{ claimFilingEnrollmentRequired: false }, 'claim_filing', false, 'no_clients_on_file'],
    [{ claimFilingEnrollmentRequired: false }, 'claim_filing', true, 'not_required'],
    // claim filing does not depend on ERA support
    [{ claimFilingEnrollmentRequired: true, eraSupported: false }, 'claim_filing', true, 'enroll'],
    // payment reports
    [{ eraSupported: false }, 'payment_reports', false, 'not_supported'],
    [{ eraSupported: false }, 'payment_reports', true, 'not_supported'],
    [{ eraSupported: true, eraEnrollmentRequired: true }, 'payment_reports', false, 'no_clients_on_file'],
    [{ eraSupported: true, eraEnrollmentRequired: true }, 'payment_reports', true, 'enroll'],
    [{ eraSupported: true, eraEnrollmentRequired: false }, 'payment_reports', true, 'not_required'],
    [{ eraSupported: true, eraEnrollmentRequired: false }, 'payment_reports', false, 'no_clients_on_file'],
    // payment reports do not depend on claim filing
    [{ claimFilingEnrollmentRequired: true, eraSupported: true }, 'payment_reports', true, 'not_required'],
  ] as const)('%j, %s, clients on file %s → %s', (flags, type, hasClients, expected) => {
    expect(deriveStatus(payer(flags), type, hasClients)).toBe(expected);
  });

  it('turns a payer with no client into enroll or not_required when the first client appears', () => {
    const medicare = payer({ claimFilingEnrollmentRequired: true, eraEnrollmentRequired: true });
    expect([
      deriveStatus(medicare, 'claim_filing', false),
      deriveStatus(medicare, 'claim_filing', true),
    ]).toEqual(['no_clients_on_file', 'enroll']);
    const aetna = payer({ eraEnrollmentRequired: true });
    expect([deriveStatus(aetna, 'claim_filing', false), deriveStatus(aetna, 'claim_filing', true)]).toEqual([
      'no_clients_on_file',
      'not_required',
    ]);
  });
});
