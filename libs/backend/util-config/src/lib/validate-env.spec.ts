import { BaseServiceEnv } from './base-env';
import { EnvValidationError, validateEnv } from './validate-env';

describe('validateEnv', () => {
  it('converts and defaults valid variables', () => {
    const env = validateEnv('svc', BaseServiceEnv, {
      DATABASE_URL: 'postgres://u@h/db',
      RPC_TIMEOUT_MS: '2500',
    });
    expect(env.DATABASE_URL).toBe('postgres://u@h/db');
    expect(env.RPC_TIMEOUT_MS).toBe(2500);
    expect(env.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('lists every problem with the variable name', () => {
    expect.assertions(4);
    try {
      validateEnv('svc', BaseServiceEnv, { NATS_URL: 'http://x', RPC_TIMEOUT_MS: 'soon' });
    } catch (e) {
      expect(e).toBeInstanceOf(EnvValidationError);
      const message = (e as Error).message;
      expect(message).toContain('DATABASE_URL must be a postgres:// URL');
      expect(message).toContain('NATS_URL must be a nats:// URL');
      expect(message).toContain('RPC_TIMEOUT_MS');
    }
  });

  it('takes a NATS identity (NKey seed and inbox prefix) and refuses malformed ones', () => {
    const seed = `SU${'A'.repeat(56)}`;
    const env = validateEnv('svc', BaseServiceEnv, {
      DATABASE_URL: 'postgres://u@h/db',
      NATS_NKEY_SEED: seed,
      NATS_INBOX_PREFIX: '_INBOX_api-gateway',
    });
    expect(env.NATS_NKEY_SEED).toBe(seed);
    expect(env.NATS_INBOX_PREFIX).toBe('_INBOX_api-gateway');
    expect(() =>
      validateEnv('svc', BaseServiceEnv, {
        DATABASE_URL: 'postgres://u@h/db',
        NATS_NKEY_SEED: 'UABCDEF',
        NATS_INBOX_PREFIX: '_INBOX.>',
      }),
    ).toThrow(/NATS_NKEY_SEED must be an NKey user seed[\s\S]*NATS_INBOX_PREFIX must be dot-separated/);
  });
});

describe('metrics endpoint variables', () => {
  const base = { DATABASE_URL: 'postgres://u@h/db' };

  it('is off unless METRICS_PORT is set (empty counts as unset), on loopback by default', () => {
    expect(validateEnv('svc', BaseServiceEnv, base).METRICS_PORT).toBeUndefined();
    expect(validateEnv('svc', BaseServiceEnv, { ...base, METRICS_PORT: '' }).METRICS_PORT).toBeUndefined();
    const env = validateEnv('svc', BaseServiceEnv, { ...base, METRICS_PORT: '9464' });
    expect(env.METRICS_PORT).toBe(9464);
    expect(env.METRICS_HOST).toBe('127.0.0.1');
  });

  it('refuses a port that is not one', () => {
    for (const METRICS_PORT of ['70000', '-1', 'metrics', '94.5']) {
      expect(() => validateEnv('svc', BaseServiceEnv, { ...base, METRICS_PORT })).toThrow(/METRICS_PORT/);
    }
  });
});
