import type { ClaimLineSnapshot, ClaimSnapshot, ScrubContext } from '../src/lib/claim-snapshot';
import type { Submission837Config } from '../src/lib/claim-837p';
import { lineControlNumber, patientControlNumber } from '../src/lib/control-numbers';

/** A clean claim: a Type 2 group billing a month of 90837 for a client who is her own subscriber. */
export function snapshot(sequence = 1, overrides: Partial<ClaimSnapshot> = {}): ClaimSnapshot {
  const pcn = patientControlNumber(sequence);
  return {
    claimId: `claim-${sequence}`,
    patientControlNumber: pcn,
    sources: {
      practiceId: 'practice-1',
      clientId: 'client-1',
      policyId: 'policy-1',
      renderingTeamMemberId: 'tm-1',
      locationId: 'loc-1',
    },
    frequencyCode: '1',
    billingProvider: {
      billAs: 'organization',
      name: 'Riverside Counseling, LLC',
      npi: '1234567893',
      taxId: { kind: 'ein', value: '12-3456789' },
      taxonomy: '101YP2500X',
      address: {
        line1: '12 Main St',
        line2: 'Suite 4',
        city: 'Portland',
        state: 'OR',
        postalCode: '97201-1234',
      },
      phone: '5035550100',
    },
    renderingProvider: {
      lastName: 'Smith',
      firstName: 'Alex',
      credential: 'LCSW',
      npi: '1245319599',
      taxonomy: '1041C0700X',
    },
    serviceFacility: {
      name: 'Riverside Counseling East',
      npi: '1234567893',
      address: { line1: '400 Elm St', city: 'Portland', state: 'OR', postalCode: '97214' },
    },
    subscriber: {
      lastName: 'Doe',
      firstName: 'Jane',
      memberId: 'XJ12345678',
      groupNumber: 'GRP100',
    },
    patient: {
      lastName: 'Doe',
      firstName: 'Jane',
      middleName: 'Q',
      birthDate: '1985-04-12',
      sex: 'F',
      address: { line1: '5 Oak Ave', city: 'Portland', state: 'OR', postalCode: '97202' },
      phone: '5035550199',
      relationshipToSubscriber: 'self',
    },
    payer: {
      name: 'Acme Health Plan',
      payerId: '60054',
      address: { line1: 'PO Box 1000', city: 'Hartford', state: 'CT', postalCode: '06101' },
      claimFilingIndicator: 'CI',
      order: 'primary',
      planName: 'Acme Choice PPO',
    },
    diagnoses: ['F411', 'F329'],
    lines: [
      line(pcn, 1, { serviceDate: '2026-09-04' }),
      line(pcn, 2, { serviceDate: '2026-09-11', diagnosisPointers: [1, 2] }),
    ],
    authorization: {
      number: 'AUTH-778',
      validFrom: '2026-09-01',
      validThrough: '2026-12-31',
      visitsAuthorized: 12,
    },
    signatureOnFile: true,
    acceptAssignment: true,
    ...overrides,
  };
}

export function line(pcn: string, n: number, overrides: Partial<ClaimLineSnapshot> = {}): ClaimLineSnapshot {
  return {
    appointmentId: `appt-${n}`,
    serviceDate: '2026-09-04',
    procedure: '90837',
    modifiers: [],
    units: 1,
    chargeCents: 15050,
    placeOfService: '11',
    diagnosisPointers: [1],
    lineControlNumber: lineControlNumber(pcn, n),
    minutes: 55,
    ...overrides,
  };
}

export const CONTEXT: ScrubContext = {
  today: '2026-10-15',
  timelyFilingDays: 90,
  existingClaims: [],
  claimFilingEnrollment: 'accepted',
  authorizationRequired: true,
  authorizationVisitsUsed: 3,
  submission: 'electronic',
};

export const CONFIG: Submission837Config = {
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'CLEARINGHSE' },
  applicationSender: 'CLAIMLINE',
  applicationReceiver: 'CLEARINGHSE',
  submitter: { name: 'Claimline Billing', id: 'CL0001', contactName: 'Dana Biller', phone: '5035550100' },
  receiver: { name: 'Example Clearinghouse', id: 'CH0002' },
};
