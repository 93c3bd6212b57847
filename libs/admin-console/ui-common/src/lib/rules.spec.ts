import {
  emailRule,
  noPoBoxRule,
  npiRule,
  phoneRule,
  poBoxRule,
  taxIdRule,
  taxonomyRule,
  zipPlus4Rule,
  zipRule,
} from './rules';

describe('form rules (the server’s rules, worded for the form)', () => {
  it('accepts a valid NPI and names the check digit of a wrong one', () => {
    expect(npiRule('1234567893')).toBeNull();
    expect(npiRule('1234567890')).toMatch(/check digit/i);
    expect(npiRule('12345')).not.toBeNull();
    expect(npiRule('')).toBeNull();
  });

  it('checks tax IDs by kind', () => {
    expect(taxIdRule('ein')('12-3456789')).toBeNull();
    expect(taxIdRule('ein')('00-3456789')).not.toBeNull();
    expect(taxIdRule('ssn')('123-45-6789')).toBeNull();
    expect(taxIdRule('ssn')('000-45-6789')).not.toBeNull();
  });

  it('refuses PO boxes for a billing address', () => {
    expect(noPoBoxRule('P.O. Box 12')).toMatch(/PO box/);
    expect(noPoBoxRule('12 Main Street')).toBeNull();
    expect(poBoxRule('Not a PO box here')('PO Box 77')).toBe('Not a PO box here');
    expect(poBoxRule('Not a PO box here')('Boxwood Rd')).toBeNull();
  });

  it('asks for ZIP+4 on a valid five-digit ZIP only', () => {
    expect(zipPlus4Rule('78701')).toBe(
      'Add the last four digits (ZIP+4, e.g. 78701-1234): payers require them on the billing address',
    );
    expect(zipPlus4Rule('78701-4042')).toBeNull();
    expect(zipPlus4Rule('787014042')).toBeNull();
    // a malformed or empty ZIP is another rule's to word
    expect(zipPlus4Rule('7870')).toBeNull();
    expect(zipPlus4Rule('  ')).toBeNull();
  });

  it('checks phone, e-mail, ZIP and taxonomy formats', () => {
    expect(phoneRule('(555) 555-0100')).toBeNull();
    expect(phoneRule('12')).not.toBeNull();
    expect(emailRule('a@b.example')).toBeNull();
    expect(emailRule('nope')).not.toBeNull();
    expect(zipRule('02139')).toBeNull();
    expect(zipRule('0213')).not.toBeNull();
    expect(taxonomyRule('1041C0700X')).toBeNull();
    expect(taxonomyRule('104')).not.toBeNull();
  });
});
