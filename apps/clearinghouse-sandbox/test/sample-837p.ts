import {
  type ClaimSnapshot,
  lineControlNumber,
  patientControlNumber,
  type Submission837Config,
  writeClaims837,
} from '@claimline/claims';

/** What our claims library sends: a clean claim of two 90837 lines, the member ID as given. */
export function claimFor(sequence: number, memberId: string, lines = 2): ClaimSnapshot {
  const pcn = patientControlNumber(sequence);
  return {
    claimId: `claim-${sequence}`,
    patientControlNumber: pcn,
    sources: {
      practiceId: 'p-1',
      clientId: 'c-1',
      policyId: 'pol-1',
      renderingTeamMemberId: 'tm-1',
      locationId: 'l-1',
    },
    frequencyCode: '1',
    billingProvider: {
      billAs: 'organization',
      name: 'Riverside Counseling, LLC',
      npi: '1234567893',
      taxId: { kind: 'ein', value: '12-3456789' },
      taxonomy: '101YP2500X',
      address: { line1: '12 Main St', city: 'Portland', state: 'OR', postalCode: '97201-1234' },
      phone: '5035550100',
    },
    renderingProvider: {
      lastName: 'Smith',
      firstName: 'Alex',
      credential: 'LCSW',
      npi: '1245319599',
      taxonomy: '1041C0700X',
    },
    subscriber: { lastName: 'Doe', firstName: 'Jane', memberId, groupNumber: 'GRP100' },
    patient: {
      lastName: 'Doe',
      firstName: 'Jane',
      birthDate: '1985-04-12',
      sex: 'F',
      address: { line1: '5 Oak Ave', city: 'Portland', state: 'OR', postalCode: '97202' },
      relationshipToSubscriber: 'self',
    },
    payer: {
      name: 'Acme Health Plan',
      payerId: '60054',
      address: { line1: 'PO Box 1000', city: 'Hartford', state: 'CT', postalCode: '06101' },
      claimFilingIndicator: 'CI',
      order: 'primary',
    },
    diagnoses: ['F411'],
    lines: Array.from({ length: lines }, (_, i) => ({
      appointmentId: `appt-${sequence}-${i + 1}`,
      serviceDate: `2026-09-${String(4 + 7 * i).padStart(2, '0')}`,
      procedure: '90837',
      modifiers: [],
      units: 1,
      chargeCents: 15050,
      placeOfService: '11',
      diagnosisPointers: [1],
      lineControlNumber: lineControlNumber(pcn, i + 1),
      minutes: 55,
    })),
    signatureOnFile: true,
    acceptAssignment: true,
  } as ClaimSnapshot;
}

export const CONFIG: Submission837Config = {
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'SANDBOXCH' },
  applicationSender: 'CLAIMLINE',
  applicationReceiver: 'SANDBOXCH',
  submitter: { name: 'Claimline Billing', id: 'CL0001', contactName: 'Dana Biller', phone: '5035550100' },
  receiver: { name: 'Claimline Sandbox', id: 'SANDBOXCH' },
} as Submission837Config;

/** One 837P interchange of the given claims (throws if the writer refuses one). */
export function sample837p(
  claims: ClaimSnapshot[],
  interchange = 101,
  acknowledgmentRequested = false,
): string {
  const result = writeClaims837(
    claims,
    { ...CONFIG, acknowledgmentRequested },
    {
      batchId: `B${interchange}`,
      createdAt: new Date('2026-10-15T16:00:00Z'),
      controlNumbers: { interchange },
    },
  );
  if (!result.x12 || result.rejected.length || result.batchProblems.length)
    throw new Error(JSON.stringify([...result.rejected, ...result.batchProblems]));
  return result.x12;
}
