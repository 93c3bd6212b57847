import {
  isPoBox,
  isUsStateCode,
  parseUsStateCode,
  parseZipCode,
  US_STATE_CODES,
  US_STATE_LIKE_CODES,
} from './us-address';

describe('isPoBox', () => {
  it.each([
    'PO Box 123',
    'P.O. Box 123',
    'P O Box 123',
    'P. O. Box 123',
    'p.o.box 123',
    'POBox 55',
    'PO Bx 9',
    'POB 123',
    'P.O.B. 77',
    'Post Office Box 456',
    'Post Box 8',
    'Postal Box 8',
    'Box 123',
    'BOX #12',
    'Lockbox 7788',
    'Lock Box 123',
    'Caller Box 4',
    'PO Drawer 10',
    'Drawer 10',
    'PMB 210',
    '1234 Main St PMB 210',
    '1234 Main St, Ste 5, #PMB 210',
    'Private Mailbox 22',
    'RR 2 Box 10',
    'P/O Box 1',
  ])('flags %j', (line) => expect(isPoBox(line)).toBe(true));

  it.each([
    '12 Boxwood Rd',
    '123 Postal Way',
    '100 Box Elder St',
    '1 Post Office Sq',
    '45 Post Rd',
    '9 Boxer Ave',
    '77 Lockwood Dr',
    '5 Pobst Ln',
    '300 Tempo Blvd',
    '8 Mailbox Peak Rd',
    '1600 Pennsylvania Ave NW',
    'Suite 200',
  ])('leaves %j alone', (line) => expect(isPoBox(line)).toBe(false));
});

describe('US state codes', () => {
  it('has the 50 states and 59 codes in all', () => {
    expect(US_STATE_CODES).toHaveLength(50);
    expect(new Set(US_STATE_LIKE_CODES).size).toBe(59);
  });

  it.each(['CA', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP', 'AE'])('knows %s', (code) =>
    expect(isUsStateCode(code)).toBe(true),
  );
  it.each(['XX', 'ca', 'CAL', ''])('does not know %j', (code) => expect(isUsStateCode(code)).toBe(false));

  it('normalises case', () => expect(parseUsStateCode(' tx ')).toEqual({ ok: true, value: 'TX' }));
  it('refuses unknown codes', () =>
    expect(parseUsStateCode('ZZ')).toEqual({
      ok: false,
      problems: [{ code: 'state.unknown', message: 'ZZ is not a US state or territory code' }],
    }));
});

describe('parseZipCode', () => {
  it.each([
    ['12345', '12345'],
    ['12345-6789', '12345-6789'],
    ['123456789', '12345-6789'],
    ['12345 6789', '12345-6789'],
    [' 02134 ', '02134'],
  ])('reads %j as %s', (input, zip) => expect(parseZipCode(input)).toEqual({ ok: true, value: zip }));

  it.each(['1234', '123456', '12345-678', 'ABCDE', '12345--6789', '1234567890'])('refuses %j', (input) =>
    expect(parseZipCode(input)).toMatchObject({ ok: false, problems: [{ code: 'zip.format' }] }),
  );

  it('refuses an empty ZIP', () =>
    expect(parseZipCode('')).toMatchObject({ ok: false, problems: [{ code: 'zip.missing' }] }));
});
