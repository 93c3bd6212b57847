import { formatTaxId, isValidEinPrefix, maskTaxId, parseTaxId } from './tax-id';

const codes = (r: ReturnType<typeof parseTaxId>) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('parseTaxId: EIN', () => {
  it.each(['12-3456789', '123456789', ' 12 3456789 '])('accepts %s as an EIN', (input) =>
    expect(parseTaxId(input, 'ein')).toEqual({
      ok: true,
      value: { kind: 'ein', digits: '123456789', formatted: '12-3456789' },
    }),
  );

  it('recognises an EIN from its dash without being told', () =>
    expect(parseTaxId('12-3456789')).toEqual({
      ok: true,
      value: { kind: 'ein', digits: '123456789', formatted: '12-3456789' },
    }));

  it.each(['00', '07', '08', '09', '17', '19', '28', '29', '49', '69', '70', '78', '79', '89', '96', '97'])(
    'refuses the never-issued prefix %s',
    (prefix) => {
      const result = parseTaxId(`${prefix}-3456789`, 'ein');
      expect(result).toEqual({
        ok: false,
        problems: [
          {
            code: 'ein.prefix',
            message: `An EIN cannot start with ${prefix}; the IRS never issues that prefix`,
          },
        ],
      });
    },
  );

  it.each([
    '01',
    '06',
    '10',
    '16',
    '20',
    '27',
    '30',
    '48',
    '50',
    '68',
    '71',
    '77',
    '80',
    '88',
    '90',
    '95',
    '98',
    '99',
  ])('accepts the issued prefix %s', (prefix) => expect(isValidEinPrefix(prefix)).toBe(true));
});

describe('parseTaxId: SSN', () => {
  it.each(['123-45-6789', '123456789', '123-456789', '123 45 6789'])('accepts %s as an SSN', (input) =>
    expect(parseTaxId(input, 'ssn')).toEqual({
      ok: true,
      value: { kind: 'ssn', digits: '123456789', formatted: '123-45-6789' },
    }),
  );

  it("accepts the seed guide's XXX-XXXXXX form without being told the kind", () =>
    expect(parseTaxId('123-456789')).toMatchObject({
      ok: true,
      value: { kind: 'ssn', formatted: '123-45-6789' },
    }));

  it.each([
    ['000-12-3456', 'ssn.area'],
    ['666-12-3456', 'ssn.area'],
    ['912-34-5678', 'ssn.area'],
    ['999-12-3456', 'ssn.area'],
    ['123-00-4567', 'ssn.group'],
    ['123-45-0000', 'ssn.serial'],
  ])('refuses %s (%s)', (input, code) => {
    expect(codes(parseTaxId(input))).toEqual([code]);
    expect(codes(parseTaxId(input, 'ssn'))).toEqual([code]);
  });

  it('says why the area is refused', () =>
    expect(parseTaxId('666-12-3456')).toEqual({
      ok: false,
      problems: [{ code: 'ssn.area', message: 'An SSN cannot start with 000, 666 or 900–999' }],
    }));

  it('lists every problem at once', () =>
    expect(codes(parseTaxId('000-00-0000'))).toEqual(['ssn.area', 'ssn.group', 'ssn.serial']));
});

describe('parseTaxId: input shape', () => {
  it.each([
    ['', undefined, 'tax_id.missing'],
    ['12-345678', 'ein', 'tax_id.length'],
    ['1234567890', 'ssn', 'tax_id.length'],
    ['12-34A6789', undefined, 'tax_id.non_digit'],
    ['1234-56789', undefined, 'tax_id.format'],
    ['123456789', undefined, 'tax_id.kind_unknown'],
    ['123-45-6789', 'ein', 'tax_id.kind_mismatch'],
    ['12-3456789', 'ssn', 'tax_id.kind_mismatch'],
  ] as const)('refuses %j (kind %s) with %s', (input, kind, code) =>
    expect(codes(parseTaxId(input, kind))).toEqual([code]),
  );

  it('words a mismatch plainly', () =>
    expect(parseTaxId('123-45-6789', 'ein')).toEqual({
      ok: false,
      problems: [
        { code: 'tax_id.kind_mismatch', message: '123-45-6789 is written like an SSN, but EIN was chosen' },
      ],
    }));
});

describe('formatTaxId and maskTaxId', () => {
  it('formats each kind', () => {
    expect(formatTaxId('ein', '123456789')).toBe('12-3456789');
    expect(formatTaxId('ssn', '123456789')).toBe('123-45-6789');
  });

  it('masks an SSN down to its last four', () =>
    expect(maskTaxId({ kind: 'ssn', digits: '123456789' })).toBe('***-**-6789'));

  it('shows an EIN whole unless asked to mask it', () => {
    expect(maskTaxId({ kind: 'ein', digits: '123456789' })).toBe('12-3456789');
    expect(maskTaxId({ kind: 'ein', digits: '123456789' }, { maskEin: true })).toBe('**-***6789');
  });
});
