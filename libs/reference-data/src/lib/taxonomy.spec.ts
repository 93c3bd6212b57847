import {
  checkTaxonomyCode,
  findTaxonomy,
  isKnownTaxonomyCode,
  NUCC_TAXONOMY,
  NUCC_TAXONOMY_VERSION,
  searchTaxonomy,
} from './taxonomy';

const codes = (query: string, limit?: number) => searchTaxonomy(query, limit).map((e) => e.code);

describe('NUCC taxonomy data', () => {
  it('holds all 883 codes of v25.1, each well formed and unique', () => {
    expect(NUCC_TAXONOMY_VERSION).toBe('25.1');
    expect(NUCC_TAXONOMY).toHaveLength(883);
    expect(new Set(NUCC_TAXONOMY.map((e) => e.code)).size).toBe(883);
    expect(NUCC_TAXONOMY.every((e) => /^[0-9A-Z]{9}X$/.test(e.code))).toBe(true);
  });

  it('keeps fields that held commas and quotes in the CSV intact', () =>
    expect(findTaxonomy('163WW0101X')).toMatchObject({
      specialization: "Women's Health Care, Ambulatory",
      displayName: "Ambulatory Women's Health Care Registered Nurse",
    }));
});

describe('findTaxonomy / isKnownTaxonomyCode', () => {
  it('finds a clinical social worker', () =>
    expect(findTaxonomy('1041C0700X')).toEqual({
      code: '1041C0700X',
      grouping: 'Behavioral Health & Social Service Providers',
      classification: 'Social Worker',
      specialization: 'Clinical',
      displayName: 'Clinical Social Worker',
      section: 'Individual',
      deactivated: false,
    }));

  it('leaves out specialization when there is none', () =>
    expect(findTaxonomy('103T00000X')).not.toHaveProperty('specialization'));

  it('ignores case and spaces', () => expect(findTaxonomy(' 103t00000x ')?.displayName).toBe('Psychologist'));

  it('marks deactivated codes', () => expect(findTaxonomy('103TE1000X')?.deactivated).toBe(true));

  it.each(['1041C0700X', '101YP2500X', '2084P0800X', '193400000X'])('knows %s', (code) =>
    expect(isKnownTaxonomyCode(code)).toBe(true),
  );
  it.each(['123456789X', '1041C0700', ''])('does not know %j', (code) =>
    expect(isKnownTaxonomyCode(code)).toBe(false),
  );
});

describe('checkTaxonomyCode', () => {
  it('returns the entry for a known code', () =>
    expect(checkTaxonomyCode('101yp2500x')).toMatchObject({
      ok: true,
      value: { displayName: 'Professional Counselor' },
    }));

  it('refuses a well-formed but unknown code', () =>
    expect(checkTaxonomyCode('123456789X')).toEqual({
      ok: false,
      problems: [
        {
          code: 'taxonomy.unknown',
          message:
            'Taxonomy code 123456789X is not in the NUCC code set (v25.1); check it on the NPI registry',
        },
      ],
    }));

  it('passes on shape problems from the domain rule', () =>
    expect(checkTaxonomyCode('12345')).toMatchObject({ ok: false, problems: [{ code: 'taxonomy.length' }] }));
});

describe('searchTaxonomy', () => {
  it('finds a clinical social worker first', () =>
    expect(codes('clinical social worker')[0]).toBe('1041C0700X'));
  it('is case-insensitive', () => expect(codes('CLINICAL Social worker')[0]).toBe('1041C0700X'));
  it('finds psychologist first', () => expect(codes('psychologist')[0]).toBe('103T00000X'));
  it('finds the professional counselor', () => expect(codes('counselor')).toContain('101YP2500X'));
  it('accepts British spelling', () => expect(codes('professional counsellor')[0]).toBe('101YP2500X'));
  it('puts the exact code first', () => expect(codes('106H00000X')[0]).toBe('106H00000X'));
  it('matches a code prefix', () =>
    expect(codes('1041')).toEqual(['104100000X', '1041S0200X', '1041C0700X']));
  it('matches word prefixes', () =>
    expect(codes('psych', 50)).toEqual(expect.arrayContaining(['103T00000X', '2084P0800X'])));
  it('understands licence abbreviations', () => {
    expect(codes('LCSW')[0]).toBe('1041C0700X');
    expect(codes('lmft')[0]).toBe('106H00000X');
  });

  it('requires every word to match', () => {
    expect(codes('marriage family')).toEqual(['106H00000X']);
    expect(codes('psychologist plumber')).toEqual([]);
  });

  it('ranks behavioural-health codes before others', () => {
    const results = searchTaxonomy('counselor');
    const firstOther = results.findIndex(
      (e) => e.grouping !== 'Behavioral Health & Social Service Providers',
    );
    expect(results.slice(0, firstOther).map((e) => e.code)).toContain('101YP2500X');
  });

  it('ranks deactivated codes last', () => {
    const results = searchTaxonomy('psychologist', 100);
    const firstDeactivated = results.findIndex((e) => e.deactivated);
    expect(firstDeactivated).toBeGreaterThan(0);
    expect(results.slice(firstDeactivated).every((e) => e.deactivated)).toBe(true);
  });

  it('honours the limit and the default of 20', () => {
    expect(searchTaxonomy('physician')).toHaveLength(20);
    expect(searchTaxonomy('physician', 3)).toHaveLength(3);
  });

  it('returns nothing for an empty query', () => {
    expect(searchTaxonomy('')).toEqual([]);
    expect(searchTaxonomy('  --  ')).toEqual([]);
  });
});
