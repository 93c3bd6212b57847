import { fail, ok, type Result } from './result';

/**
 * Normalises an insurance member ID (a.k.a. subscriber number, contract number): spaces and
 * dashes removed, upper-cased, letters and digits only, 2 to 30 characters. X12 allows up to 80,
 * but no US payer issues IDs longer than about 20, so anything past 30 is a paste accident.
 */
export function parseMemberId(input: string): Result<string> {
  const id = input.replace(/[\s-]+/g, '').toUpperCase();
  if (id === '') return fail('member_id.missing', "Client's member ID is missing");
  const stray = [...new Set(id.replace(/[A-Z0-9]/g, ''))];
  if (stray.length > 0) {
    return fail(
      'member_id.characters',
      `Member ID ${input.trim()} may contain only letters and digits; remove ${stray.map((c) => `"${c}"`).join(', ')}`,
    );
  }
  if (id.length < 2 || id.length > 30) {
    return fail('member_id.length', `Member ID ${id} must be 2 to 30 characters long; it has ${id.length}`);
  }
  return ok(id);
}
