import { COMMON_PLACES_OF_SERVICE } from '@claimline/domain';
import { findPlaceOfService, isTelehealthPlaceOfService, PLACES_OF_SERVICE } from './place-of-service';

describe('place of service', () => {
  it.each([
    ['02', "Telehealth Provided Other than in Patient's Home"],
    ['10', "Telehealth Provided in Patient's Home"],
    ['11', 'Office'],
    ['12', 'Home'],
    ['53', 'Community Mental Health Center'],
    ['99', 'Other Place of Service'],
  ])('names %s %s', (code, name) => expect(findPlaceOfService(code)?.name).toBe(name));

  it('reads a single digit with its leading zero', () => expect(findPlaceOfService('2')?.code).toBe('02'));

  it.each(['00', '28', '30', '59', '98', '100', 'ab', ''])('does not know %j', (code) =>
    expect(findPlaceOfService(code)).toBeUndefined(),
  );

  it('lists unique two-digit codes in order', () => {
    const codes = PLACES_OF_SERVICE.map((p) => p.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^\d{2}$/.test(c))).toBe(true);
  });

  it('covers the defaults the domain offers', () =>
    Object.values(COMMON_PLACES_OF_SERVICE).forEach((code) =>
      expect(findPlaceOfService(code)).toBeDefined(),
    ));

  it('knows which codes are telehealth', () => {
    expect(isTelehealthPlaceOfService('02')).toBe(true);
    expect(isTelehealthPlaceOfService('10')).toBe(true);
    expect(isTelehealthPlaceOfService('11')).toBe(false);
  });
});
