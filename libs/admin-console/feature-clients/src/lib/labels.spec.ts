import { authorizationBadge } from './labels';

describe('authorizationBadge', () => {
  const w = (...codes: string[]) => codes.map((code) => ({ code }));

  it('says Active only for an active authorization that claims can use today', () => {
    expect(authorizationBadge({ active: true, warnings: [] })).toEqual({ label: 'Active', tone: 'success' });
    expect(authorizationBadge({ active: true, warnings: w('ending_soon', 'few_uses_left') })).toEqual({
      label: 'Active',
      tone: 'success',
    });
  });

  it('says Expired, Used up or Not yet valid instead of Active when the dates or visits rule it out', () => {
    expect(authorizationBadge({ active: true, warnings: w('expired') }).label).toBe('Expired');
    expect(authorizationBadge({ active: true, warnings: w('exhausted') }).label).toBe('Used up');
    expect(authorizationBadge({ active: true, warnings: w('not_yet_valid') })).toEqual({
      label: 'Not yet valid',
      tone: 'warning',
    });
  });

  it('says Inactive for one switched off, whatever its dates', () => {
    expect(authorizationBadge({ active: false, warnings: w('inactive', 'expired') })).toEqual({
      label: 'Inactive',
      tone: 'neutral',
    });
  });
});
