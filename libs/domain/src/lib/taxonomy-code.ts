import { fail, ok, type Result } from './result';

const TAXONOMY_CODE = /^[0-9A-Z]{9}X$/;

/** True when the text has the shape of a NUCC taxonomy code (e.g. `1041C0700X`); says nothing about whether it exists. */
export function isTaxonomyCodeFormat(value: string): boolean {
  return TAXONOMY_CODE.test(value);
}

/**
 * Checks the shape of a taxonomy code and returns it upper-cased. Whether the code exists in the
 * NUCC code set is for `@claimline/reference-data` to say, so this library stays free of data.
 */
export function parseTaxonomyCode(input: string): Result<string> {
  const code = input.trim().toUpperCase();
  if (code === '') return fail('taxonomy.missing', 'Taxonomy code is missing');
  if (code.length !== 10) {
    return fail('taxonomy.length', `Taxonomy code ${code} must be 10 characters long; it has ${code.length}`);
  }
  if (!/^[0-9A-Z]+$/.test(code)) {
    return fail('taxonomy.characters', `Taxonomy code ${code} may contain only letters and digits`);
  }
  if (!TAXONOMY_CODE.test(code))
    return fail('taxonomy.last_character', `Taxonomy code ${code} must end in X`);
  return ok(code);
}
