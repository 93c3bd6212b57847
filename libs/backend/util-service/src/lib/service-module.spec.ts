import { DynamicModule, Module } from '@nestjs/common';
import { generateAssertionKeys } from '@claimline/backend/util-auth';
import { BaseServiceEnv, ConfigModule, validateEnv } from '@claimline/backend/util-config';
import { OutboxModule } from '@claimline/backend/util-nats';
import { serviceModule } from './service-infrastructure';
import { serviceBootstrapOptions } from './run-service';

class ProbeEnv extends BaseServiceEnv {}

@Module({})
class FeatureModule {}

@Module({})
class AppModule {}

const keys = generateAssertionKeys();
const env = validateEnv('probe', ProbeEnv, {
  DATABASE_URL: 'postgres://u@h/db',
  RPC_SIGNING_KEY: keys.privateKey,
  RPC_TRUSTED_KEYS: `api-gateway=${keys.publicKey}`,
  NATS_URL: 'nats://a:4222,nats://b:4222',
  RPC_SUBJECT_PREFIX: 'run1.',
});

describe('serviceModule', () => {
  it('imports the infrastructure first, then the service modules, with the env under its own class', () => {
    const dataSource = jest.fn((url: string) => ({ type: 'postgres' as const, url }));
    const m = serviceModule(AppModule, env, {
      service: 'probe',
      schema: 'probe',
      dataSource,
      imports: [FeatureModule],
    });
    expect(m.module).toBe(AppModule);
    expect(dataSource).toHaveBeenCalledWith('postgres://u@h/db');
    const imports = m.imports as DynamicModule[];
    expect(imports[0].module).toBe(ConfigModule);
    expect(imports[0].providers).toEqual([{ provide: ProbeEnv, useValue: env }]);
    expect(imports.some((i) => i.module === OutboxModule)).toBe(true);
    expect(imports[imports.length - 1]).toBe(FeatureModule);
  });

  it('leaves the outbox out of a service that publishes nothing', () => {
    const m = serviceModule(AppModule, env, {
      service: 'probe',
      schema: 'probe',
      dataSource: (url) => ({ type: 'postgres', url }),
      outbox: false,
      imports: [],
    });
    expect((m.imports as DynamicModule[]).some((i) => i.module === OutboxModule)).toBe(false);
  });

  it('refuses an environment that validateEnv() did not make (its class is the injection token)', () => {
    expect(() =>
      serviceModule(AppModule, { ...env } as ProbeEnv, {
        service: 'probe',
        schema: 'probe',
        dataSource: (url) => ({ type: 'postgres', url }),
        imports: [],
      }),
    ).toThrow('probe: pass the environment validateEnv() returned');
  });
});

describe('serviceBootstrapOptions', () => {
  it('listens in the service queue group with its NATS identity and subject prefix', () => {
    expect(serviceBootstrapOptions('probe', env)).toEqual({
      name: 'probe',
      natsUrl: 'nats://a:4222,nats://b:4222',
      natsCredentials: { seed: undefined, inboxPrefix: undefined },
      rpcSubjectPrefix: 'run1.',
    });
  });
});
