import { plainToInstance, Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { RpcError } from './rpc-error';
import { rpcValidationPipe, toFieldErrors, validationOptions } from './validation';

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

class Login {
  @IsEmail()
  email: string;

  @IsOptional()
  @IsString()
  note?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => Inner)
  inner?: Inner;
}

describe("rpcValidationPipe (the services' pipe)", () => {
  const pipe = rpcValidationPipe();
  const refusal = async (payload: unknown) => {
    try {
      await pipe.transform(payload, { type: 'body', metatype: Login });
    } catch (error) {
      expect(error).toBeInstanceOf(RpcError);
      return (error as RpcError).body;
    }
    throw new Error('the payload was accepted');
  };

  it('refuses a payload nested 2,000 deep before class-transformer recurses into it', async () => {
    let inner: unknown = 1;
    for (let i = 0; i < 2_000; i++) inner = { count: inner };
    expect(await refusal({ email: 'a@b.co', inner })).toMatchObject({
      code: 'validation_failed',
      errors: [{ rule: 'max_depth', field: 'inner.count.count.count.count.count.count.count…' }],
    });
  });

  it('refuses a lone surrogate in an e-mail without the e-mail check throwing', async () => {
    expect(await refusal({ email: 'a\ud800@b.co' })).toMatchObject({
      errors: [{ field: 'email', rule: 'well_formed_unicode' }],
    });
  });

  it('refuses NUL and null for an optional field, naming each', async () => {
    expect((await refusal({ email: 'a@b.co', note: 'x\u0000' })).errors).toEqual([
      { field: 'note', rule: 'no_nul', message: 'note must not contain a NUL character' },
    ]);
    expect((await refusal({ email: 'a@b.co', note: null })).errors).toEqual([
      { field: 'note', rule: 'not_null', message: 'note must not be null (leave it out to keep it)' },
    ]);
  });

  it('passes a clean payload through', async () => {
    await expect(
      pipe.transform({ email: 'a@b.co', note: 'fine' }, { type: 'body', metatype: Login }),
    ).resolves.toEqual({
      email: 'a@b.co',
      note: 'fine',
    });
  });
});
