import {
  CLAIM_SEXES,
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  ENROLLMENT_STATUSES,
  ENROLLMENT_STATUS_LABELS,
  INSURANCE_ORDER_X12,
  isOneOf,
  isPlaceOfServiceCodeFormat,
  RELATIONSHIP_X12_CODES,
  TEAM_MEMBER_ROLES,
} from './vocabulary';

describe('vocabularies', () => {
  it('labels every enrollment and claim status', () => {
    expect(Object.keys(ENROLLMENT_STATUS_LABELS).sort()).toEqual([...ENROLLMENT_STATUSES].sort());
    expect(Object.keys(CLAIM_STATUS_LABELS).sort()).toEqual([...CLAIM_STATUSES].sort());
  });

  it('maps relationships to the X12 individual relationship codes', () =>
    expect(RELATIONSHIP_X12_CODES).toEqual({ self: '18', spouse: '01', child: '19', other: 'G8' }));

  it('maps insurance order to SBR01', () =>
    expect(Object.values(INSURANCE_ORDER_X12)).toEqual(['P', 'S', 'T']));

  it('checks membership', () => {
    expect(isOneOf(CLAIM_SEXES, 'U')).toBe(true);
    expect(isOneOf(CLAIM_SEXES, 'X')).toBe(false);
    expect(isOneOf(TEAM_MEMBER_ROLES, 'clinician')).toBe(true);
    expect(isOneOf(TEAM_MEMBER_ROLES, 'admin')).toBe(false);
  });

  it.each([
    ['02', true],
    ['11', true],
    ['99', true],
    ['00', false],
    ['2', false],
    ['111', false],
    ['1a', false],
  ])('place-of-service shape %s is %s', (code, expected) =>
    expect(isPlaceOfServiceCodeFormat(code)).toBe(expected),
  );
});
