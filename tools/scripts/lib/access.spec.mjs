// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACCESS_APPS,
  APP_ACCESS,
  DEFAULT_STACK,
  composeNatsConfig,
  dbRoleOf,
  envKeyOf,
  inboxPrefixOf,
  natsPermissions,
  natsServerConfig,
  streamNameOf,
} from './access.mjs';

const run = {
  rpcPrefix: 'e2eab12.rpc.',
  subjectPrefix: 'e2eab12.events',
  streamPrefix: 'E2EAB12',
  transferBucket: 'e2e-ab12-documents',
};

describe('NATS permissions of each app', () => {
  it('lets a service answer its own subjects and call only what it calls', () => {
    const p = natsPermissions('client-insurance-service');
    expect(p.subscribe).toEqual([
      '_INBOX_client-insurance-service.>',
      'client-insurance.>',
      'readiness.items.client-insurance',
    ]);
    expect(p.publish).toContain('practice-settings.practice.get');
    expect(p.publish).not.toContain('enrollments.>');
    expect(p.allowResponses).toBe(true);
  });

  it('gives the gateway no subjects to serve, so no responses either, and lets it listen to messaging events', () => {
    const p = natsPermissions('api-gateway');
    expect(p.subscribe).toEqual(['_INBOX_api-gateway.>', 'events.messaging.>']);
    expect(p.allowResponses).toBe(false);
    expect(p.publish).toEqual(expect.arrayContaining(APP_ACCESS['api-gateway'].calls));
  });

  it('puts a stack’s prefixes on every subject, stream and bucket', () => {
    const p = natsPermissions('enrollments-service', run);
    expect(p.subscribe).toContain('e2eab12.rpc.enrollments.>');
    expect(p.publish).toContain('e2eab12.rpc.documents.document.get');
    expect(p.publish).toContain('e2eab12.events.enrollments.>');
    expect(p.publish).toContain('$JS.API.STREAM.CREATE.E2EAB12_ENROLLMENTS');
    // its consumer of client-insurance's stream, by durable name
    expect(p.publish).toContain(
      '$JS.API.CONSUMER.MSG.NEXT.E2EAB12_CLIENT_INSURANCE.enrollments-client-insurance',
    );
    expect(p.publish).toContain('$JS.ACK.E2EAB12_CLIENT_INSURANCE.enrollments-client-insurance.>');
    expect(p.publish.some((s) => s.startsWith('events.'))).toBe(false);
  });

  it('lets only the apps that move document bytes use the transfer bucket', () => {
    for (const app of ACCESS_APPS) {
      const p = natsPermissions(app, run);
      expect(p.publish.includes('$O.e2e-ab12-documents.>')).toBe(APP_ACCESS[app].transferBucket);
    }
  });

  it('lists nothing twice and refuses an unknown app', () => {
    for (const app of ACCESS_APPS) {
      const { publish, subscribe } = natsPermissions(app);
      expect(new Set(publish).size).toBe(publish.length);
      expect(new Set(subscribe).size).toBe(subscribe.length);
    }
    expect(() => natsPermissions('billing-service')).toThrow('unknown app billing-service');
  });
});

describe('names', () => {
  it('derives stream, inbox, environment and role names', () => {
    expect(streamNameOf(DEFAULT_STACK, 'client-insurance')).toBe('CLAIMLINE_CLIENT_INSURANCE');
    expect(inboxPrefixOf('documents-service')).toBe('_INBOX_documents-service');
    expect(envKeyOf('api-gateway', 'NATS_NKEY_SEED')).toBe('API_GATEWAY_NATS_NKEY_SEED');
    expect(envKeyOf('practice-settings-service', 'DB_PASSWORD')).toBe('PRACTICE_SETTINGS_DB_PASSWORD');
    expect(dbRoleOf('practice-settings-service', 'a1b2c3')).toBe('claimline_practice_settings_a1b2c3');
    expect(dbRoleOf('api-gateway')).toBe('claimline_gateway');
  });
});

describe('nats-server configuration', () => {
  const users = Object.fromEntries(ACCESS_APPS.map((a, i) => [a, `UKEY${i}`]));

  it('has one user per app with the union of its stacks’ permissions, and the operator', () => {
    const config = natsServerConfig({
      users,
      admin: 'UADMIN',
      stacks: [DEFAULT_STACK, run],
      listen: '127.0.0.1:4223',
      storeDir: '/tmp/x',
    });
    expect(config).toContain('listen: "127.0.0.1:4223"');
    expect(config).toContain('store_dir: "/tmp/x"');
    for (const key of Object.values(users)) expect(config).toContain(`nkey: "${key}"`);
    expect(config).toContain('{ nkey: "UADMIN" }');
    expect(config).toContain('"e2eab12.rpc.practice-settings.>"');
    expect(config).toContain('"practice-settings.>"');
    // The gateway serves nothing, the services answer requests.
    expect(config.match(/allow_responses: true/g)).toHaveLength(ACCESS_APPS.length - 1);
  });

  it('refuses to leave an app without a key', () => {
    const { 'documents-service': _missing, ...rest } = users;
    expect(() => natsServerConfig({ users: rest })).toThrow('no NATS key for documents-service');
  });

  it('is what docker/nats/claimline.conf holds (keys from the container’s environment)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../../docker/nats/claimline.conf'), 'utf8');
    const generated = composeNatsConfig();
    expect(generated).toBe(committed);
    expect(generated).toContain('nkey: $API_GATEWAY_NATS_PUBLIC_KEY');
  });
});
