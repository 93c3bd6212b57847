import { isTaxonomyCodeFormat, parseTaxonomyCode } from './taxonomy-code';

describe('parseTaxonomyCode', () => {
  it.each([
    ['1041C0700X', '1041C0700X'],
    ['103t00000x', '103T00000X'],
    [' 101YP2500X ', '101YP2500X'],
  ])('accepts %j as %s', (input, code) =>
    expect(parseTaxonomyCode(input)).toEqual({ ok: true, value: code }),
  );

  it.each([
    ['', 'taxonomy.missing'],
    ['1041C0700', 'taxonomy.length'],
    ['1041C0700XX', 'taxonomy.length'],
    ['1041C-700X', 'taxonomy.characters'],
    ['1041C07000', 'taxonomy.last_character'],
  ])('refuses %j with %s', (input, code) => {
    const result = parseTaxonomyCode(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.code)).toEqual([code]);
  });

  it('explains a missing X', () =>
    expect(parseTaxonomyCode('1041C07000')).toEqual({
      ok: false,
      problems: [{ code: 'taxonomy.last_character', message: 'Taxonomy code 1041C07000 must end in X' }],
    }));
});

describe('isTaxonomyCodeFormat', () => {
  it('checks shape only', () => {
    expect(isTaxonomyCodeFormat('123456789X')).toBe(true);
    expect(isTaxonomyCodeFormat('103t00000x')).toBe(false);
  });
});
