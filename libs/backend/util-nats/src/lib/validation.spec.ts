import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { toFieldErrors, validationOptions } from './validation';

class Inner {
  @IsInt()
  @Min(1)
  count: number;
}

class Outer {
  @IsString()
  name: string;

  @ValidateNested()
  @Type(() => Inner)
  inner: Inner;
}

describe('toFieldErrors', () => {
  it('names nested fields by path, unknown fields by rule, and keeps every message', () => {
    const value = plainToInstance(Outer, { name: 3, inner: { count: 0 }, extra: true });
    const errors = toFieldErrors(validateSync(value, validationOptions));
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'name', rule: 'isString', message: 'name must be a string' },
        { field: 'inner.count', rule: 'min', message: 'inner.count must not be less than 1' },
        { field: 'extra', rule: 'unknown_field', message: 'extra is not a known field' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });
});
