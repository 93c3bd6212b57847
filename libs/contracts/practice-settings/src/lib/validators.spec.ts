import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { IsNpi } from '@claimline/contracts/common';
import { BillingAddressDto, PutBillingProfileBody, TaxIdInput } from './dto/billing-profile.dto';
import { CreateLocationBody } from './dto/location.dto';
import { CreateTeamMemberBody } from './dto/team-member.dto';
import { placeOfServiceProblem, taxIdProblem, taxonomyCodeProblem, zipPlus4Problem } from './validators';

/** Every failed constraint as `field: message`, nested fields dotted. */
function problems(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return Object.values(e.constraints ?? {})
      .map((m) => `${field}: ${m}`)
      .concat(problems(e.children ?? [], field));
  });
}
const check = <T extends object>(cls: new () => T, plain: object) =>
  problems(validateSync(plainToInstance(cls, plain)));

class Provider {
  @IsNpi()
  npi: string;
}

describe('NPI (Type 1 and Type 2)', () => {
  it('accepts 1234567893 and refuses 1234567890 for its check digit', () => {
    expect(check(Provider, { npi: '1234567893' })).toEqual([]);
    expect(check(Provider, { npi: '1234567890' })).toEqual(['npi: NPI 1234567890 fails its check digit']);
  });
});

describe('Tax ID', () => {
  it.each([
    ['ein', '12-3456789'],
    ['ein', '123456789'],
    ['ssn', '123-45-6789'],
    ['ssn', '123456789'],
    ['ssn', '123-456789'], // the seed guide's own SSN layout
  ])('accepts %s %s', (kind, value) => {
    expect(taxIdProblem(value, kind)).toBeNull();
    expect(check(TaxIdInput, { kind, value })).toEqual([]);
  });

  it.each([
    ['ssn', '000-12-3456', 'An SSN cannot start with 000, 666 or 900–999'],
    ['ssn', '666-12-3456', 'An SSN cannot start with 000, 666 or 900–999'],
    ['ssn', '912-34-5678', 'An SSN cannot start with 000, 666 or 900–999'],
    ['ssn', '123-00-4567', 'The middle two digits of an SSN cannot be 00'],
    ['ssn', '123-45-0000', 'The last four digits of an SSN cannot be 0000'],
    ['ein', '07-1234567', 'An EIN cannot start with 07; the IRS never issues that prefix'],
    ['ein', '12-345678', 'EIN 12-345678 must have 9 digits; it has 8'],
    ['ein', '123-45-6789', '123-45-6789 is written like an SSN, but EIN was chosen'],
    ['ssn', '12-3456789', '12-3456789 is written like an EIN, but SSN was chosen'],
  ])('refuses %s %s saying why', (kind, value, message) => {
    expect(taxIdProblem(value, kind)).toBe(message);
    expect(check(TaxIdInput, { kind, value })).toEqual([`value: ${message}`]);
  });

  it('refuses an unknown kind', () => {
    expect(check(TaxIdInput, { kind: 'itin', value: '12-3456789' })).toEqual([
      'kind: kind must be ein or ssn',
    ]);
  });
});

describe('taxonomy code', () => {
  it('accepts a code in the NUCC set, in any case', () => {
    expect(taxonomyCodeProblem('1041C0700X')).toBeNull();
    expect(
      check(CreateTeamMemberBody, {
        firstName: 'A',
        lastName: 'B',
        email: 'a@b.co',
        role: 'clinician',
        taxonomyCode: '1041c0700x',
      }),
    ).toEqual([]);
  });

  it('refuses a well-formed code that NUCC does not list, and a malformed one', () => {
    expect(taxonomyCodeProblem('1041C0799X')).toMatch(
      /^Taxonomy code 1041C0799X is not in the NUCC code set/,
    );
    expect(taxonomyCodeProblem('1041C0700')).toBe(
      'Taxonomy code 1041C0700 must be 10 characters long; it has 9',
    );
    expect(taxonomyCodeProblem('1041C07001')).toBe('Taxonomy code 1041C07001 must end in X');
  });
});

describe('billing address', () => {
  const street = { line1: '500 W 2nd St', city: 'Austin', state: 'TX', zip: '78701-1234' };

  it('accepts a street address with ZIP+4', () => {
    expect(check(BillingAddressDto, street)).toEqual([]);
  });

  it.each(['PO Box 123', 'P.O. Box 9', 'Post Office Box 4', 'PMB 200'])(
    'refuses %s, pointing to the pay-to address',
    (line1) => {
      expect(check(BillingAddressDto, { ...street, line1 })).toEqual([
        'line1: The billing address must be a street address; enter a PO box as the pay-to address instead',
      ]);
    },
  );

  it('leaves look-alikes such as Boxwood Rd alone', () => {
    expect(check(BillingAddressDto, { ...street, line1: '12 Boxwood Rd' })).toEqual([]);
  });

  it('asks for ZIP+4', () => {
    expect(zipPlus4Problem('78701-1234')).toBeNull();
    expect(zipPlus4Problem('787011234')).toBeNull();
    expect(zipPlus4Problem('78701')).toMatch(/needs its last four digits/);
    expect(zipPlus4Problem('7870')).toBe('ZIP code 7870 must be 5 digits, or 9 written as 12345-6789');
  });

  it('takes a PO box as pay-to address', () => {
    const body = {
      version: 0,
      billAs: 'individual',
      serviceFacilityLocation: false,
      billingAddress: street,
      payToAddress: { ...street, line1: 'PO Box 77', zip: '78701' },
    };
    expect(check(PutBillingProfileBody, body)).toEqual([]);
  });

  it('names nested fields of a bad profile', () => {
    const body = {
      version: 0,
      billAs: 'group',
      serviceFacilityLocation: 'yes',
      organizationNpi: '1234567890',
      taxId: { kind: 'ssn', value: '666-12-3456' },
      taxonomyCode: 'ABCDEFGHIX',
    };
    expect(check(PutBillingProfileBody, body).sort()).toEqual([
      'billAs: billAs must be individual or organization',
      'organizationNpi: NPI 1234567890 fails its check digit',
      'serviceFacilityLocation: serviceFacilityLocation must be a boolean value',
      'taxId.value: An SSN cannot start with 000, 666 or 900–999',
      'taxonomyCode: Taxonomy code ABCDEFGHIX is not in the NUCC code set (v25.1); check it on the NPI registry',
    ]);
  });
});

describe('location', () => {
  const address = { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' };

  it.each(['11', '02', '10', '53'])('accepts place of service %s', (placeOfService) => {
    expect(check(CreateLocationBody, { name: 'Main office', address, placeOfService })).toEqual([]);
  });

  it('refuses an unassigned or malformed place of service and a PO box', () => {
    expect(placeOfServiceProblem('30')).toBe('Place of service 30 is not in the CMS code set');
    expect(placeOfServiceProblem('1')).toMatch(/two-digit CMS code/);
    expect(check(CreateLocationBody, { name: 'Box', address: { ...address, line1: 'PO Box 1' } })).toEqual([
      'address.line1: An office location must be a street address where clients are seen, not a PO box',
    ]);
  });

  it('checks the phone with the shared rule', () => {
    expect(check(CreateLocationBody, { name: 'A', address, phone: '(512) 555-0100' })).toEqual([]);
    expect(check(CreateLocationBody, { name: 'A', address, phone: '(112) 555-0100' })).toEqual([
      'phone: Phone number (112) 555-0100 has an area code starting with 1, which does not exist',
    ]);
  });
});

describe('team member credentials', () => {
  it('accepts abbreviations and refuses sentences', () => {
    const base = { firstName: 'A', lastName: 'B', email: 'a@b.co', role: 'clinician' };
    expect(check(CreateTeamMemberBody, { ...base, credentials: ['LCSW', 'Ph.D.'] })).toEqual([]);
    expect(
      check(CreateTeamMemberBody, { ...base, credentials: ['licensed clinical social worker'] })[0],
    ).toMatch(/^credentials: each credential/);
  });
});
