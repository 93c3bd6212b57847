import { RELATIONSHIP_X12_CODES } from '@claimline/domain';
import { coverageProblems, relationshipProblems, subscriberDateProblems } from './relationship';

const parent = {
  firstName: 'Maria',
  lastName: 'Lopez',
  birthDate: '1980-05-01',
  sex: 'F' as const,
  address: { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' },
};

describe('relationship to the primary insured', () => {
  it('accepts self without a subscriber and refuses self with one', () => {
    expect(relationshipProblems('self', undefined)).toEqual([]);
    expect(relationshipProblems('self', null)).toEqual([]);
    expect(relationshipProblems('self', parent)).toEqual([
      expect.objectContaining({ field: 'subscriber', rule: 'not_allowed' }),
    ]);
  });

  it.each(['spouse', 'child', 'other'] as const)(
    'requires the subscriber when the client is the %s',
    (relationship) => {
      expect(relationshipProblems(relationship, parent)).toEqual([]);
      const [problem] = relationshipProblems(relationship, undefined);
      expect(problem).toMatchObject({ field: 'subscriber', rule: 'required' });
      expect(problem.message).toContain('name, birth date, sex and address');
    },
  );

  it('maps relationships to the X12 codes claims carry', () => {
    expect(RELATIONSHIP_X12_CODES.child).toBe('19');
    expect(RELATIONSHIP_X12_CODES.self).toBe('18');
  });

  it('checks coverage dates and a future subscriber birth date', () => {
    expect(coverageProblems('2026-01-01', '2026-12-31')).toEqual([]);
    expect(coverageProblems('2026-01-01', '2026-01-01')).toEqual([]);
    expect(coverageProblems('2026-02-01', null)).toEqual([]);
    expect(coverageProblems('2026-02-01', '2026-01-31')).toEqual([
      {
        field: 'coverageEnd',
        rule: 'after_start',
        message: 'Coverage end 2026-01-31 is before coverage start 2026-02-01',
      },
    ]);
    expect(subscriberDateProblems({ ...parent, birthDate: '2030-01-01' }, '2026-11-27')[0]).toMatchObject({
      rule: 'not_future',
    });
    expect(subscriberDateProblems(parent, '2026-11-27')).toEqual([]);
  });
});
