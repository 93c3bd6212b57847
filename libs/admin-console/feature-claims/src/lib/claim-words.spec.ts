import { CLAIM_STATUSES } from '@claimline/domain';
import { CLAIM_STATUS_TONES, findingCount, fixLink, historyWords, money, serviceDates } from './claim-words';

const P = 'p1';
const C = 'c1';

describe('fix links', () => {
  it('takes a client reason to the profile with the field focused, insurance to the insurance tab', () => {
    expect(fixLink(P, C, { target: 'client', id: C, field: 'phone' })).toEqual({
      commands: ['/practices', P, 'clients', C, 'profile'],
      queryParams: { focus: 'phone' },
      label: 'Open the client’s profile',
    });
    expect(fixLink(P, C, { target: 'client', id: C, field: 'insurance.primary' }).commands).toEqual([
      '/practices',
      P,
      'clients',
      C,
      'insurance',
    ]);
  });

  it('opens the client’s insurance for a policy or an authorization (they have no page of their own)', () => {
    expect(fixLink(P, C, { target: 'policy', id: 'pol', field: 'memberId' }).commands).toEqual([
      '/practices',
      P,
      'clients',
      C,
      'insurance',
    ]);
    expect(fixLink(P, C, { target: 'authorization', id: 'a1', field: 'validTo' }).label).toBe(
      'Open the client’s authorizations',
    );
  });

  it('sends practice items to the settings tab that holds them', () => {
    expect(fixLink(P, C, { target: 'practice', id: P, field: 'billingProfile.taxId' })).toEqual({
      commands: ['/practices', P, 'settings', 'billing'],
      queryParams: { focus: 'billingProfile.taxId' },
      label: 'Open the billing profile',
    });
    expect(fixLink(P, C, { target: 'practice', id: P, field: 'npi' }).commands.at(-1)).toBe(
      'practice-details',
    );
    expect(fixLink(P, C, { target: 'team_member', id: 'm1', field: 'npi' }).commands).toEqual([
      '/practices',
      P,
      'settings',
      'team-members',
      'm1',
    ]);
  });

  it('opens the appointment, the enrollments, the claim', () => {
    expect(fixLink(P, C, { target: 'appointment', id: 'a1', field: 'diagnoses' })).toMatchObject({
      commands: ['/practices', P, 'appointments', 'a1'],
      queryParams: { focus: 'diagnoses' },
    });
    expect(fixLink(P, C, { target: 'enrollment', field: 'claim_filing' }).commands.at(-1)).toBe(
      'enrollments',
    );
    expect(fixLink(P, C, { target: 'claim', id: 'k1', field: 'lines' }).commands.at(-1)).toBe('k1');
  });
});

describe('claim words', () => {
  it('has a tone for every status', () => {
    expect(Object.keys(CLAIM_STATUS_TONES).sort()).toEqual([...CLAIM_STATUSES].sort());
  });

  it('words a status change with its reason', () => {
    const base = { move: 'create', findingCodes: [], actorId: null, at: '2026-11-03T10:00:00Z' };
    expect(historyWords({ ...base, from: null, to: 'prepared', reason: null })).toBe('Created as Prepared');
    expect(historyWords({ ...base, from: 'prepared', to: 'void', move: 'void', reason: 'Duplicate' })).toBe(
      'Prepared → Void: Duplicate',
    );
  });

  it('counts findings, words money and dates', () => {
    expect(findingCount(0, 0)).toBe('No problems');
    expect(findingCount(1, 2)).toBe('1 problem, 2 warnings');
    expect(findingCount(3, 0)).toBe('3 problems');
    expect(money(123456)).toBe('$1,234.56');
    expect(money(null)).toBe('—');
    expect(serviceDates('2026-11-03', '2026-11-03')).toBe('2026-11-03');
    expect(serviceDates('2026-11-03', '2026-11-17')).toBe('2026-11-03 – 2026-11-17');
  });
});
