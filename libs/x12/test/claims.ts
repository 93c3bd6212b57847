import type { Claim837, ClaimBatch837 } from '../src/claim-837p';

/** A Type 2 billing group with a valid NPI, used across the writer tests and the bench. */
export function batch(claims: Claim837[], overrides: Partial<ClaimBatch837> = {}): ClaimBatch837 {
  return {
    createdAt: new Date('2026-03-02T14:05:00Z'),
    usage: 'T',
    interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
    interchangeReceiver: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
    applicationSender: 'CLAIMLINE',
    applicationReceiver: 'CLEARINGHSE',
    batchId: 'B20260302',
    controlNumbers: { interchange: 42, group: 42, transaction: 1 },
    submitter: {
      name: 'Claimline Billing',
      id: 'CL0001',
      contactName: 'Dana Biller',
      phone: '5035550100',
      email: 'billing@example.org',
    },
    receiver: { name: 'Example Clearinghouse', id: 'CH0002' },
    billingProvider: {
      entity: 'organization',
      name: 'Riverside Counseling, LLC',
      npi: '1234567893',
      taxId: { kind: 'EIN', value: '12-3456789' },
      taxonomy: '101YP2500X',
      address: {
        line1: '12 Main St',
        line2: 'Suite 4',
        city: 'Portland',
        state: 'OR',
        postalCode: '97201-1234',
      },
    },
    claims,
    ...overrides,
  };
}

export function claim(id: string, overrides: Partial<Claim837> = {}): Claim837 {
  return {
    id,
    claimFilingIndicator: 'CI',
    subscriber: {
      lastName: 'Doe',
      firstName: 'Jane',
      memberId: 'XJ12345678',
      address: { line1: '5 Oak Ave', city: 'Portland', state: 'OR', postalCode: '97202' },
      birthDate: '1985-04-12',
      gender: 'F',
      groupNumber: 'GRP100',
    },
    payer: { name: 'Acme Health Plan', id: '60054' },
    placeOfService: '11',
    frequencyCode: '1',
    diagnoses: ['F41.1', 'F32.9'],
    renderingProvider: { lastName: 'Smith', firstName: 'Alex', npi: '1245319599', taxonomy: '101YP2500X' },
    lines: [
      {
        procedure: '90837',
        charge: 15050,
        units: 1,
        serviceDate: '2026-02-20',
        diagnosisPointers: [1, 2],
        lineId: `${id}-1`,
      },
    ],
    ...overrides,
  };
}
