import type { AuthorizationView, ClientCoverage } from '@claimline/contracts/client-insurance';
import type { ReadinessItem } from '@claimline/contracts/practice-settings';
import { type ReasonFacts, unbilledReasons } from './unbilled-reasons';

const practiceId = '00000000-0000-4000-8000-000000000001';
const clientId = '00000000-0000-4000-8000-000000000002';
const memberId = '00000000-0000-4000-8000-000000000003';
const otherMember = '00000000-0000-4000-8000-000000000004';
const policyId = '00000000-0000-4000-8000-000000000005';
const appointmentId = '00000000-0000-4000-8000-000000000006';

const auth = (over: Partial<AuthorizationView>): AuthorizationView => ({
  id: 'auth-1',
  practiceId,
  clientId,
  policyId,
  number: 'PA-1',
  usesAuthorized: 10,
  usesConsumed: 2,
  usesRemaining: 8,
  validFrom: '2026-01-01',
  validTo: '2026-06-30',
  active: true,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  warnings: [],
  ...over,
});

const coverage = (authorizations: AuthorizationView[] = []): ClientCoverage => ({
  clientId,
  policyId,
  payer: { id: 'payer-1', name: 'Aetna' },
  authorizations,
});

const item = (
  key: string,
  missing: { field: string; label: string }[],
  section = 'account',
): ReadinessItem => ({
  key: `practice-settings.${key}`,
  section,
  title: key,
  status: missing.length ? 'missing' : 'done',
  missing,
  fixAt: '/somewhere',
  source: 'practice-settings',
});

function facts(over: Partial<ReasonFacts> = {}): ReasonFacts {
  return {
    appointment: {
      id: appointmentId,
      practiceId,
      clientId,
      renderingTeamMemberId: memberId,
      serviceDate: '2026-03-10',
      diagnoses: ['F4310'],
    },
    missingInfo: { clientId, complete: true, missing: [] },
    coverage: coverage(),
    practiceItems: [],
    ...over,
  };
}

describe('unbilledReasons', () => {
  it('has none for an appointment with everything a claim needs', () => {
    expect(unbilledReasons(facts())).toEqual([]);
  });

  it('sends client fields to the client and primary-policy fields to that policy', () => {
    const reasons = unbilledReasons(
      facts({
        missingInfo: {
          clientId,
          complete: false,
          missing: [
            { field: 'phone', message: 'Phone number is missing', fixAt: '/x' },
            {
              field: 'insurance.primary.memberId',
              message: 'Primary insurance: the member ID is missing',
              fixAt: '/x',
            },
          ],
        },
      }),
    );
    expect(reasons).toEqual([
      {
        code: 'client.phone',
        message: 'Phone number is missing',
        fix: { target: 'client', id: clientId, field: 'phone' },
      },
      {
        code: 'policy.memberId',
        message: 'Primary insurance: the member ID is missing',
        fix: { target: 'policy', id: policyId, field: 'memberId' },
      },
    ]);
  });

  it('sends a missing primary policy to the client', () => {
    const [reason] = unbilledReasons(
      facts({
        coverage: null,
        missingInfo: {
          clientId,
          complete: false,
          missing: [{ field: 'insurance.primary', message: 'Primary insurance is missing', fixAt: '/x' }],
        },
      }),
    );
    expect(reason.fix).toEqual({ target: 'client', id: clientId, field: 'insurance.primary' });
  });

  it('says so when the client is no longer in the practice', () => {
    expect(unbilledReasons(facts({ missingInfo: null })).map((r) => r.code)).toEqual(['client.not_found']);
  });

  describe('authorization', () => {
    it('asks nothing of a policy with no authorization on file', () => {
      expect(unbilledReasons(facts({ coverage: coverage([]) }))).toEqual([]);
    });

    it('is satisfied by an active one covering the date with visits left', () => {
      expect(unbilledReasons(facts({ coverage: coverage([auth({})]) }))).toEqual([]);
    });

    it('names one that ended before the visit, to be fixed on its end date', () => {
      const [r] = unbilledReasons(facts({ coverage: coverage([auth({ validTo: '2026-02-28' })]) }));
      expect(r.code).toBe('authorization.expired');
      expect(r.message).toContain('PA-1 ended on 2026-02-28');
      expect(r.fix).toEqual({ target: 'authorization', id: 'auth-1', field: 'validTo' });
    });

    it('names one used up', () => {
      const [r] = unbilledReasons(
        facts({ coverage: coverage([auth({ usesConsumed: 10, usesRemaining: 0 })]) }),
      );
      expect(r.code).toBe('authorization.used_up');
      expect(r.fix).toEqual({ target: 'authorization', id: 'auth-1', field: 'usesAuthorized' });
    });

    it('names one marked inactive', () => {
      expect(unbilledReasons(facts({ coverage: coverage([auth({ active: false })]) }))[0].code).toBe(
        'authorization.inactive',
      );
    });

    it('says one is missing when those on file start after the visit', () => {
      const [r] = unbilledReasons(facts({ coverage: coverage([auth({ validFrom: '2026-04-01' })]) }));
      expect(r.code).toBe('authorization.missing');
      expect(r.fix).toEqual({ target: 'policy', id: policyId, field: 'authorizations' });
    });
  });

  describe('practice', () => {
    it('keeps only what blocks a claim: not Secure Messaging, not another clinician’s NPI', () => {
      const reasons = unbilledReasons(
        facts({
          practiceItems: [
            item(
              'secure-messaging',
              [{ field: 'practice.secureMessagingEnabled', label: 'Turn it on' }],
              'secure-messaging',
            ),
            item(`personal-npi.${otherMember}`, [
              { field: `teamMembers.${otherMember}.npi`, label: 'Enter it' },
            ]),
            item(`personal-npi.${memberId}`, [
              { field: `teamMembers.${memberId}.npi`, label: 'Enter the personal NPI of Ada Byron' },
            ]),
            item('tax-id', [{ field: 'billingProfile.taxId', label: 'Enter the Tax ID' }]),
            item('taxonomy-code', []),
          ],
        }),
      );
      expect(reasons).toEqual([
        {
          code: 'clinician.npi',
          message: 'Enter the personal NPI of Ada Byron',
          fix: { target: 'team_member', id: memberId, field: 'npi' },
        },
        {
          code: 'practice.tax-id',
          message: 'Enter the Tax ID',
          fix: { target: 'practice', id: practiceId, field: 'billingProfile.taxId' },
        },
      ]);
    });
  });

  describe('diagnoses', () => {
    it('names an appointment without any', () => {
      const a = { ...facts().appointment, diagnoses: [] };
      expect(unbilledReasons(facts({ appointment: a }))).toEqual([
        {
          code: 'appointment.diagnoses_missing',
          message: 'No diagnosis is recorded for this appointment',
          fix: { target: 'appointment', id: appointmentId, field: 'diagnoses' },
        },
      ]);
    });

    it('names a code that is a heading, on its position', () => {
      const a = { ...facts().appointment, diagnoses: ['F4310', 'F43'] };
      const [r] = unbilledReasons(facts({ appointment: a }));
      expect(r.code).toBe('appointment.diagnosis.not_billable');
      expect(r.fix).toEqual({ target: 'appointment', id: appointmentId, field: 'diagnoses.1' });
    });
  });
});
