import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, dropRoles } from '../src/lib/test-database';
import { freePort } from '../src/lib/test-nats';

const root = resolve(__dirname, '../../../..');

// What npm start / npm test do for NATS (tools/scripts/lib/infra.mjs), in a throw-away checkout
// directory: they start their own nats-server with the generated configuration — never an open
// server — and a stack's own prefixes are allowed once it registers them.
const probe = `
const [infraPath, accessPath, natsPath, dir] = process.argv.slice(1);
const { ensureNats, provisionStackAccess } = await import(infraPath);
const { ACCESS_APPS, localAccess, natsAuthOptions } = await import(accessPath);
const natsModule = await import(natsPath);
const connect = natsModule.connect ?? natsModule.default.connect;
const out = {};
const nats = await ensureNats({ root: dir, log: () => undefined });
out.source = nats.source;
try {
  await (await connect({ servers: nats.url, reconnect: false })).close();
  out.anonymous = 'accepted';
} catch (e) {
  out.anonymous = e.code;
}
const access = await localAccess(dir);
const as = async (app) =>
  connect({ servers: nats.url, reconnect: false, ...(await natsAuthOptions(access.natsSeeds[app], '_INBOX_' + app)) });
const ps = await as('practice-settings-service');
const gw = await as('api-gateway');
const ask = async (subject) => {
  ps.subscribe(subject, { max: 1, callback: (e, m) => e || m.respond(new TextEncoder().encode("pong")) });
  await ps.flush();
  try {
    return new TextDecoder().decode((await gw.request(subject, new Uint8Array(), { timeout: 1500 })).data);
  } catch (e) {
    return e.code;
  }
};
out.defaultPrefix = await ask('practice-settings.health.ping');
out.runPrefixBefore = await ask('run1.rpc.practice-settings.health.ping');
const env = { RPC_SUBJECT_PREFIX: 'run1.rpc.', EVENTS_SUBJECT_PREFIX: 'run1.events', EVENTS_STREAM_PREFIX: 'RUN1',
  DOCUMENTS_TRANSFER_BUCKET: 'run1-documents', DATABASE_URL: process.env.PROBE_DATABASE_URL };
const byApp = await provisionStackAccess({ root: dir, env, log: () => undefined });
out.apps = Object.keys(byApp).sort().join(',');
out.registeredApps = [...ACCESS_APPS].sort().join(',');
out.seedsPerApp = Object.values(byApp).map((a) => a.NATS_NKEY_SEED).filter(Boolean).length;
out.distinctSeeds = new Set(Object.values(byApp).map((a) => a.NATS_NKEY_SEED)).size;
out.inbox = byApp['api-gateway'].NATS_INBOX_PREFIX;
out.dbUsers = Object.values(byApp).map((a) => new URL(a.DATABASE_URL).username);
out.roleTag = access.dbRoleTag;
const ps2 = await as('practice-settings-service');
const gw2 = await as('api-gateway');
ps2.subscribe('run1.rpc.practice-settings.health.ping', { max: 1, callback: (e, m) => e || m.respond(new TextEncoder().encode("pong")) });
await ps2.flush();
try {
  out.runPrefixAfter = new TextDecoder().decode((await gw2.request('run1.rpc.practice-settings.health.ping', new Uint8Array(), { timeout: 1500 })).data);
} catch (e) {
  out.runPrefixAfter = e.code;
}
for (const c of [ps, gw, ps2, gw2]) await c.close().catch(() => undefined);
await nats.stop();
console.log(JSON.stringify(out));
process.exit(0);
`;

describe('the local stack NATS (tools/scripts/lib/infra.mjs)', () => {
  it('starts its own authenticating nats-server and widens the permissions to a registered stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimline-checkout-'));
    const db = await createTestDatabase('claimline_stack');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CLAIMLINE_NATS_PORT: String(await freePort()),
      PATH: `${process.env['PATH'] ?? ''}:/usr/sbin`,
      // The same step gives every app its own database role (the test server's user is a superuser).
      PROBE_DATABASE_URL: db.url,
    };
    delete env['NATS_URL'];
    let roles: string[] = [];
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          probe,
          join(root, 'tools/scripts/lib/infra.mjs'),
          join(root, 'tools/scripts/lib/access.mjs'),
          require.resolve('nats'),
          dir,
        ],
        { env, timeout: 60_000 },
      );
      const out = JSON.parse(stdout.trim().split('\n').pop() ?? '{}');
      roles = (out.dbUsers ?? []) as string[];
      expect(out).toMatchObject({
        source: 'started',
        anonymous: 'AUTHORIZATION_VIOLATION',
        defaultPrefix: 'pong',
        runPrefixBefore: 'PERMISSIONS_VIOLATION',
        runPrefixAfter: 'pong',
        inbox: '_INBOX_api-gateway',
      });
      // Every registered app (ACCESS_APPS, the one list a new service is added to) gets its own
      // NATS identity and database role: none shared, none left out.
      const apps: string[] = out.apps.split(',');
      expect(out.apps).toBe(out.registeredApps);
      expect(apps).toEqual(expect.arrayContaining(['api-gateway', 'practice-settings-service']));
      expect(out.seedsPerApp).toBe(apps.length);
      expect(out.distinctSeeds).toBe(apps.length);
      expect(new Set(roles).size).toBe(apps.length);
      expect(roles).toContain(`claimline_gateway_${out.roleTag}`);
    } finally {
      await db.drop();
      if (roles.length) await dropRoles(roles);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
