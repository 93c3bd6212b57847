import type { AuthorizationView, PayerView } from '@claimline/contracts/client-insurance';
import { claimFilingIndicator, pickAuthorization, timelyFilingDays } from './claim-snapshot.builder';

const payer = (kind: PayerView['kind']) => ({ kind }) as PayerView;
const auth = (id: string, validFrom: string, validTo: string, active = true) =>
  ({ id, validFrom, validTo, active }) as AuthorizationView;

describe('what a claim copies', () => {
  it('gives SBR09 from the payer: Blue Cross first, then Medicare, Medicaid, TRICARE, else commercial', () => {
    expect(claimFilingIndicator(payer('medicare'), true)).toBe('BL');
    expect(claimFilingIndicator(payer('medicare'), false)).toBe('MB');
    expect(claimFilingIndicator(payer('medicaid'), false)).toBe('MC');
    expect(claimFilingIndicator(payer('tricare'), false)).toBe('CH');
    expect(claimFilingIndicator(payer('behavioral'), false)).toBe('CI');
    expect(claimFilingIndicator(undefined, false)).toBe('CI');
  });

  it('checks timely filing only where the limit is the same for every plan', () => {
    expect(timelyFilingDays(payer('medicare'))).toBe(365);
    expect(timelyFilingDays(payer('tricare'))).toBe(365);
    expect(timelyFilingDays(payer('commercial'))).toBeUndefined();
    expect(timelyFilingDays(payer('medicaid'))).toBeUndefined();
  });

  it('takes the active authorization whose dates hold the first date of service, else the latest active one', () => {
    const old = auth('old', '2026-01-01', '2026-06-30');
    const current = auth('current', '2026-07-01', '2026-12-31');
    const inactive = auth('inactive', '2026-01-01', '2027-12-31', false);
    expect(pickAuthorization([old, current, inactive], '2026-11-03')?.id).toBe('current');
    expect(pickAuthorization([old, current, inactive], '2026-03-01')?.id).toBe('old');
    expect(pickAuthorization([old, current], '2027-02-01')?.id).toBe('current');
    expect(pickAuthorization([inactive], '2026-11-03')).toBeUndefined();
  });
});
