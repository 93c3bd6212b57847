import { validateEnv } from './validate-env';
import { IsEnvFlag, IsEnvInt } from './env-rules';

class FlagsEnv {
  @IsEnvFlag()
  STRICT: boolean = true;

  @IsEnvInt(10, 100)
  POLL_MS: number = 50;

  @IsEnvInt(1)
  ATTEMPTS: number = 3;
}

describe('IsEnvFlag and IsEnvInt', () => {
  it('reads true/false/1/0/yes/no and numbers, and keeps the defaults', () => {
    expect(validateEnv('svc', FlagsEnv, {})).toMatchObject({ STRICT: true, POLL_MS: 50, ATTEMPTS: 3 });
    for (const [raw, value] of [
      ['false', false],
      ['0', false],
      [' No ', false],
      ['TRUE', true],
      ['1', true],
      ['yes', true],
    ] as const) {
      expect(validateEnv('svc', FlagsEnv, { STRICT: raw }).STRICT).toBe(value);
    }
    expect(validateEnv('svc', FlagsEnv, { POLL_MS: '100', ATTEMPTS: '1000000' })).toMatchObject({
      POLL_MS: 100,
      ATTEMPTS: 1_000_000,
    });
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => validateEnv('svc', FlagsEnv, { STRICT: 'maybe' })).toThrow(/STRICT must be true or false/);
    expect(() => validateEnv('svc', FlagsEnv, { STRICT: '' })).toThrow(/STRICT must be true or false/);
    expect(() => validateEnv('svc', FlagsEnv, { POLL_MS: '9' })).toThrow(/POLL_MS must not be less than 10/);
    expect(() => validateEnv('svc', FlagsEnv, { POLL_MS: '101' })).toThrow(
      /POLL_MS must not be greater than 100/,
    );
    expect(() => validateEnv('svc', FlagsEnv, { POLL_MS: '1.5' })).toThrow(/POLL_MS must be an integer/);
    expect(() => validateEnv('svc', FlagsEnv, { ATTEMPTS: '0' })).toThrow(/ATTEMPTS must not be less than 1/);
  });
});
