import { Type } from 'class-transformer';
import { IsOptional, IsString, ValidateIf, ValidateNested } from 'class-validator';
import {
  hostileTextProblems,
  jsonShapeProblem,
  MultiLine,
  textProblem,
  unexpectedNullProblems,
} from './input-rules';

const nested = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('jsonShapeProblem', () => {
  it('accepts an ordinary body', () => {
    expect(jsonShapeProblem({ name: 'A', address: { line1: 'B' }, ids: ['1', '2'] })).toBeNull();
    expect(jsonShapeProblem(nested(31))).toBeNull();
  });

  it('measures 2,000 levels without recursion and names the limit', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonShapeProblem(deep)).toMatchObject({ rule: 'max_depth' });
    expect(jsonShapeProblem(nested(2_000))).toMatchObject({
      rule: 'max_depth',
      field: 'a.a.a.a.a.a.a.a…',
      message: 'objects and arrays are nested deeper than 32 levels',
    });
  });

  it('refuses too many keys, items or values', () => {
    const wide = Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`k${i}`, i]));
    expect(jsonShapeProblem({ wide })).toMatchObject({ rule: 'max_keys', field: 'wide' });
    expect(jsonShapeProblem({ list: new Array(10_001).fill(0) })).toMatchObject({ rule: 'max_items' });
    const many = Array.from({ length: 20 }, () => new Array(10_000).fill(0));
    expect(jsonShapeProblem(many)).toMatchObject({ rule: 'max_values' });
  });
});

describe('textProblem', () => {
  it.each([['Calm Minds Counseling'], ['Zoë Ærøskøbing-Łódź'], ['مركز الصحة'], ['心理咨询 😀'], ['']])(
    'accepts %j',
    (value) => expect(textProblem(value, 'name')).toBeNull(),
  );

  it.each([
    ['Calm\u0000Minds', 'no_nul'],
    ['Calm \uD800 Minds', 'well_formed_unicode'],
    ['\uDC00', 'well_formed_unicode'],
    ['Calm\u001b[31mMinds', 'no_control_characters'],
    ['Calm\nMinds', 'no_control_characters'],
    ['Calm\u0085Minds', 'no_control_characters'],
    ['Calm\u202EsdniM', 'no_bidi_controls'],
    ['Calm\u2066Minds\u2069', 'no_bidi_controls'],
    ['   ', 'not_blank'],
    ['\t', 'no_control_characters'],
  ])('refuses %j (%s) naming the field', (value, rule) => {
    expect(textProblem(value, 'address.line1')).toMatchObject({ field: 'address.line1', rule });
  });

  it('lets a multi-line field have tabs, line breaks and isolates, never NUL or escapes', () => {
    expect(textProblem('Line one\r\n\tLine \u2067two\u2069', 'reason', true)).toBeNull();
    expect(textProblem('a\u0000', 'reason', true)).toMatchObject({ rule: 'no_nul' });
    expect(textProblem('a\u001b[2J', 'reason', true)).toMatchObject({ rule: 'no_control_characters' });
    expect(textProblem(' \n ', 'reason', true)).toMatchObject({ rule: 'not_blank' });
  });
});

class Address {
  @IsString()
  line1: string;
}

class Body {
  @IsString()
  name: string;

  @IsOptional()
  @MultiLine()
  @IsString()
  note?: string;

  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  legalName?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => Address)
  address?: Address;
}

class Child extends Body {}

describe('hostileTextProblems', () => {
  it('walks every string, nested and in arrays, with the multi-line opt-in of the class', () => {
    const address = Object.assign(new Address(), { line1: 'x\u0000' });
    const body = Object.assign(new Child(), {
      name: 'ok',
      note: 'two\nlines',
      address,
      extra: ['fine', '\u202E'],
    });
    expect(hostileTextProblems(body)).toEqual([
      expect.objectContaining({ field: 'address.line1', rule: 'no_nul' }),
      expect.objectContaining({ field: 'extra.1', rule: 'no_bidi_controls' }),
    ]);
    expect(hostileTextProblems(Object.assign(new Body(), { name: 'a\nb' }))).toEqual([
      expect.objectContaining({ field: 'name', rule: 'no_control_characters' }),
    ]);
  });
});

describe('unexpectedNullProblems', () => {
  it('refuses null for an optional field unless the contract lets it be null', () => {
    const body = Object.assign(new Child(), { name: 'a', note: null, legalName: null, address: null });
    expect(unexpectedNullProblems(body)).toEqual([
      { field: 'note', rule: 'not_null', message: 'note must not be null (leave it out to keep it)' },
      { field: 'address', rule: 'not_null', message: 'address must not be null (leave it out to keep it)' },
    ]);
  });
});
