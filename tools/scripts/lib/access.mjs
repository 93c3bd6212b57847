// @ts-check
// Who may do what: one NATS identity (NKey) and one PostgreSQL role per app. Used by infra.mjs
// (the nats-server config), stack.mjs (each app's credentials), the docker-compose NATS config
// (`node tools/scripts/lib/access.mjs compose-nats-config`) and the permission tests
// (libs/backend/util-testing). Node built-ins only at top level; `nats` and `pg` are imported
// lazily. ADR 0012 explains the design.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @typedef {{ rpcPrefix: string, subjectPrefix: string, streamPrefix: string, transferBucket: string }} Stack
 * @typedef {{
 *   schema: string,
 *   serves: string[],
 *   calls: string[],
 *   events: string | null,
 *   consumes: Record<string, string[]>,
 *   listens?: string[],
 *   transferBucket: boolean,
 * }} AppAccess
 * @typedef {{ publish: string[], subscribe: string[], allowResponses: boolean }} NatsPermissions
 * @typedef {{
 *   natsAdminSeed: string,
 *   natsSeeds: Record<string, string>,
 *   dbRoleTag: string,
 *   dbPasswords: Record<string, string>,
 * }} LocalAccess
 */

/**
 * The prefixes of one stack; several stacks (npm start, an npm test run, a bench) may share a server.
 * @type {Readonly<Stack>}
 */
export const DEFAULT_STACK = Object.freeze({
  rpcPrefix: '',
  subjectPrefix: 'events',
  streamPrefix: 'CLAIMLINE',
  transferBucket: 'claimline-document-transfer',
});

/**
 * What each app does on NATS, read from the code: the RPC subjects it serves (`serves`, under
 * the stack's RPC prefix, in its queue group), the services it calls, whether it publishes its
 * own events (outbox relay), the streams it consumes with its durable names, the producers whose
 * events it only listens to (`listens`: a plain subscription per replica, no durable), and whether it
 * moves document bytes through the transfer bucket. `schema` is its PostgreSQL schema.
 * @type {Readonly<Record<string, AppAccess>>}
 */
export const APP_ACCESS = Object.freeze({
  'api-gateway': {
    schema: 'gateway',
    serves: [],
    calls: [
      'practice-settings.>',
      'client-insurance.>',
      'enrollments.>',
      'notifications.>',
      'documents.>',
      'claims.>',
      'messaging.>',
      'payments.>',
    ],
    events: null,
    consumes: {},
    // The messaging sockets: every replica hears every messaging event (ADR 0026).
    listens: ['messaging'],
    transferBucket: true,
  },
  'practice-settings-service': {
    schema: 'practice_settings',
    serves: ['practice-settings.>'],
    // ReadinessService asks every READINESS_CONTRIBUTORS service for its checklist items.
    calls: ['readiness.items.*'],
    events: 'practice-settings',
    consumes: {},
    transferBucket: false,
  },
  'client-insurance-service': {
    schema: 'client_insurance',
    serves: ['client-insurance.>', 'readiness.items.client-insurance'],
    // The guard's practice check; the billing NPI of an eligibility inquiry (src/eligibility).
    calls: ['practice-settings.practice.get', 'practice-settings.billing-profile.get'],
    events: 'client-insurance',
    consumes: {
      'practice-settings': ['client-insurance-practices'],
      documents: ['client-insurance-documents'],
    },
    transferBucket: false,
  },
  'enrollments-service': {
    schema: 'enrollments',
    serves: ['enrollments.>', 'readiness.items.enrollments'],
    calls: ['practice-settings.>', 'client-insurance.>', 'documents.document.get'],
    events: 'enrollments',
    consumes: { 'client-insurance': ['enrollments-client-insurance'] },
    transferBucket: false,
  },
  'notifications-service': {
    schema: 'notifications',
    serves: ['notifications.>'],
    calls: ['practice-settings.practice.get'],
    events: null, // no outbox
    consumes: {
      'practice-settings': ['notifications-practices'],
      enrollments: ['notifications-enrollments'],
      messaging: ['notifications-messaging'],
    },
    transferBucket: false,
  },
  'documents-service': {
    schema: 'documents',
    serves: ['documents.>'],
    calls: ['practice-settings.practice.get'],
    events: 'documents',
    consumes: {},
    transferBucket: true,
  },
  'claims-service': {
    schema: 'claims',
    serves: ['claims.>'],
    // The guard's practice check, and an appointment's client and rendering clinician.
    calls: [
      'practice-settings.practice.get',
      'practice-settings.team-member.get',
      'client-insurance.client.get',
      // What a claim copies and uses (src/claims/claim-sources.client.ts).
      'practice-settings.billing-profile.get',
      'practice-settings.location.get',
      'client-insurance.payer.get',
      'client-insurance.authorization.consume-batch',
      'client-insurance.authorization.release',
      'enrollments.claim-filing.check',
      // The unbilled list's reasons, in bulk per page (coverage with `missingInfo`); coverage (with
      // `detail`) is also what a batch of claims copies of its clients, policies and authorizations.
      'practice-settings.readiness.get-many',
      'client-insurance.coverage.get-many',
    ],
    events: 'claims',
    // ERA results move claims (src/adjudication/).
    consumes: { payments: ['claims-payments'] },
    transferBucket: false,
  },
  'messaging-service': {
    schema: 'messaging',
    serves: ['messaging.>'],
    // Its practice check reads its own read model (PracticeRefLookup); it calls nobody.
    calls: [],
    events: 'messaging',
    consumes: { 'practice-settings': ['messaging-practices'] },
    transferBucket: false,
  },
  'payments-service': {
    schema: 'payments',
    serves: ['payments.>'],
    // The guard's practice check, and a new claim's lines and control numbers (claims-ref/).
    calls: ['practice-settings.practice.get', 'claims.claim.remittance-ref'],
    events: 'payments',
    consumes: { claims: ['payments-claims'] },
    // Uploaded 835s come through the gateway's transfer bucket (ADR 0007).
    transferBucket: true,
  },
});

export const ACCESS_APPS = Object.keys(APP_ACCESS);

/**
 * Each app's own reply subjects (`inboxPrefix`): nobody else may subscribe to them.
 * @param {string} app
 */
export function inboxPrefixOf(app) {
  return `_INBOX_${app}`;
}

/**
 * `<streamPrefix>_<SERVICE>`, as streamName() in libs/backend/util-nats.
 * @param {Stack} stack
 * @param {string} service
 */
export function streamNameOf(stack, service) {
  return `${stack.streamPrefix}_${service.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** @param {string[]} list */
const uniq = (list) => [...new Set(list)];

/**
 * The publish/subscribe allow-lists of one app, for one stack's prefixes.
 * @param {string} app
 * @param {Stack} [stack]
 * @returns {NatsPermissions}
 */
export function natsPermissions(app, stack = DEFAULT_STACK) {
  const a = APP_ACCESS[app];
  if (!a) throw new Error(`unknown app ${app}`);
  /** @param {string} s */
  const js = (s) => `$JS.API.${s}`;
  const publish = [js('INFO')];
  const subscribe = [`${inboxPrefixOf(app)}.>`];
  for (const s of a.serves) subscribe.push(stack.rpcPrefix + s);
  for (const c of a.calls) publish.push(stack.rpcPrefix + c);
  if (a.events) {
    const stream = streamNameOf(stack, a.events);
    publish.push(
      `${stack.subjectPrefix}.${a.events}.>`,
      js(`STREAM.INFO.${stream}`),
      js(`STREAM.CREATE.${stream}`),
      js(`STREAM.UPDATE.${stream}`),
    );
  }
  for (const [producer, durables] of Object.entries(a.consumes)) {
    const stream = streamNameOf(stack, producer);
    // A consumer may create its producer's stream if it starts first (ensureEventStream).
    publish.push(js(`STREAM.INFO.${stream}`), js(`STREAM.CREATE.${stream}`));
    for (const d of durables) {
      publish.push(
        js(`CONSUMER.INFO.${stream}.${d}`),
        js(`CONSUMER.CREATE.${stream}.${d}`),
        js(`CONSUMER.CREATE.${stream}.${d}.>`),
        js(`CONSUMER.DURABLE.CREATE.${stream}.${d}`),
        js(`CONSUMER.MSG.NEXT.${stream}.${d}`),
        `$JS.ACK.${stream}.${d}.>`,
      );
    }
  }
  for (const producer of a.listens ?? []) subscribe.push(`${stack.subjectPrefix}.${producer}.>`);
  if (a.transferBucket) {
    const stream = `OBJ_${stack.transferBucket}`;
    publish.push(
      `$O.${stack.transferBucket}.>`,
      ...['INFO', 'CREATE', 'PURGE', 'MSG.GET'].map((op) => js(`STREAM.${op}.${stream}`)),
      js(`DIRECT.GET.${stream}`),
      js(`DIRECT.GET.${stream}.>`),
    );
  }
  return { publish: uniq(publish), subscribe: uniq(subscribe), allowResponses: a.serves.length > 0 };
}

/** @param {string} s */
const q = (s) => JSON.stringify(s);

/**
 * A nats-server configuration: JetStream on, every app one NKey user with its allow-lists (the
 * union over `stacks`), the operator (`admin`, scripts only) without limits, and nobody else —
 * a connection without credentials is refused. `users[app]` and `admin` are public keys, or
 * `$VARIABLE` references that nats-server resolves from its environment (docker-compose).
 * @param {{ users: Record<string, string>, admin?: string, stacks?: Stack[], listen?: string, http?: string,
 *   storeDir?: string, serverName?: string }} options
 * @returns {string}
 */
export function natsServerConfig({
  users,
  admin,
  stacks = [DEFAULT_STACK],
  listen,
  http,
  storeDir,
  serverName,
}) {
  const lines = ['# Generated by tools/scripts/lib/access.mjs (ADR 0012). Do not edit by hand.'];
  if (serverName) lines.push(`server_name: ${q(serverName)}`);
  if (listen) lines.push(`listen: ${q(listen)}`);
  if (http) lines.push(`http: ${q(http)}`);
  lines.push('jetstream {', ...(storeDir ? [`  store_dir: ${q(storeDir)}`] : []), '}', '');
  lines.push('authorization {', '  users = [');
  /** @param {string} k */
  const key = (k) => (k.startsWith('$') ? k : q(k));
  for (const app of ACCESS_APPS) {
    if (!users[app]) throw new Error(`no NATS key for ${app}`);
    const perms = stacks.map((s) => natsPermissions(app, s));
    const publish = uniq(perms.flatMap((p) => p.publish));
    const subscribe = uniq(perms.flatMap((p) => p.subscribe));
    /** @param {string[]} items */
    const list = (items) => items.map((s) => `          ${q(s)}`).join('\n');
    lines.push(
      `    # ${app}`,
      `    {`,
      `      nkey: ${key(users[app])}`,
      `      permissions: {`,
      `        publish: { allow: [\n${list(publish)}\n        ] }`,
      `        subscribe: { allow: [\n${list(subscribe)}\n        ] }`,
      ...(perms[0].allowResponses ? ['        allow_responses: true'] : []),
      `      }`,
      `    }`,
    );
  }
  if (admin)
    lines.push(
      '    # operator: the scripts (stream clean-up, health checks), never an app',
      `    { nkey: ${key(admin)} }`,
    );
  lines.push('  ]', '}', '');
  return lines.join('\n');
}

/** The compose file's config: default prefixes, keys from the nats container's environment. */
export function composeNatsConfig() {
  const users = Object.fromEntries(ACCESS_APPS.map((a) => [a, `$${envKeyOf(a, 'NATS_PUBLIC_KEY')}`]));
  return natsServerConfig({
    users,
    admin: '$OPERATOR_NATS_PUBLIC_KEY',
    stacks: [DEFAULT_STACK],
    storeDir: '/data',
  });
}

/**
 * `api-gateway`, `NATS_NKEY_SEED` → `API_GATEWAY_NATS_NKEY_SEED`.
 * @param {string} app
 * @param {string} name
 */
export function envKeyOf(app, name) {
  return `${app
    .replace(/-service$/, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '_')}_${name}`;
}

// ================================================================ local secrets

/**
 * NKey seeds of every app and of the operator, and the PostgreSQL roles' passwords, generated
 * once per checkout into `.data/stack-access.json` (0600, never committed).
 * @param {string} root the checkout
 * @returns {Promise<LocalAccess>}
 */
export async function localAccess(root) {
  const file = join(root, '.data', 'stack-access.json');
  const existing = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const { nkeys } = await import('nats');
  const seed = () => new TextDecoder().decode(nkeys.createUser().getSeed());
  const access = {
    natsAdminSeed: existing.natsAdminSeed ?? seed(),
    natsSeeds: Object.fromEntries(ACCESS_APPS.map((a) => [a, existing.natsSeeds?.[a] ?? seed()])),
    // Roles are per server, not per database: a tag keeps two checkouts sharing one server apart.
    dbRoleTag: existing.dbRoleTag ?? randomBytes(3).toString('hex'),
    dbPasswords: Object.fromEntries(
      ACCESS_APPS.map((a) => [a, existing.dbPasswords?.[a] ?? randomBytes(24).toString('hex')]),
    ),
  };
  if (JSON.stringify(access) !== JSON.stringify(existing)) {
    mkdirSync(join(root, '.data'), { recursive: true });
    writeFileSync(file, JSON.stringify(access, null, 2) + '\n', { mode: 0o600 });
  }
  return access;
}

/**
 * The public key of an NKey seed.
 * @param {string} seed
 * @returns {Promise<string>}
 */
export async function publicKeyOf(seed) {
  const { nkeys } = await import('nats');
  return nkeys.fromSeed(new TextEncoder().encode(seed)).getPublicKey();
}

/**
 * Connection options of nats.js for a seed (nothing for none).
 * @param {string | undefined} seed
 * @param {string} [inboxPrefix]
 * @returns {Promise<Partial<import('nats').ConnectionOptions>>}
 */
export async function natsAuthOptions(seed, inboxPrefix) {
  if (!seed) return {};
  const { nkeyAuthenticator } = await import('nats');
  return {
    authenticator: nkeyAuthenticator(new TextEncoder().encode(seed)),
    ...(inboxPrefix && { inboxPrefix }),
  };
}

// ================================================================ PostgreSQL roles

/**
 * The PostgreSQL role of an app: `claimline_<schema>_<tag>`.
 * @param {string} app
 * @param {string} [tag] the checkout's (roles are shared by every database of a server)
 */
export function dbRoleOf(app, tag) {
  return `claimline_${APP_ACCESS[app].schema}${tag ? `_${tag}` : ''}`;
}

/** @param {string} name */
const ident = (name) => '"' + String(name).replace(/"/g, '""') + '"';
/** @param {string} s */
const literal = (s) => "'" + String(s).replace(/'/g, "''") + "'";

/**
 * Whether the URL's user may create roles (a superuser, e.g. the local or embedded PostgreSQL).
 * @param {string} url
 * @returns {Promise<boolean>}
 */
export async function canCreateRoles(url) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    const { rows } = await c.query(
      'SELECT rolsuper OR rolcreaterole AS ok FROM pg_roles WHERE rolname = current_user',
    );
    return rows[0]?.ok === true;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * For each app: a login role (created or given its password again), its schema created if
 * missing and — with everything in it (tables, sequences, views, functions, types) — owned by that
 * role. The role gets CONNECT on the database and nothing else: no right on another schema.
 * Idempotent; `url` is a superuser's connection to the stack's database. Returns app → URL.
 * @param {string} url
 * @param {Record<string, { role: string, password: string }>} roles app → its role and password
 * @returns {Promise<Record<string, string>>}
 */
export async function provisionDatabaseRoles(url, roles) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await c.connect();
  /** @type {Record<string, string>} */
  const urls = {};
  try {
    const { rows } = await c.query('SELECT current_database() AS db');
    const database = rows[0].db;
    for (const [app, { role, password }] of Object.entries(roles)) {
      const schema = APP_ACCESS[app].schema;
      // Serialised per role name across concurrent runs sharing the server (CREATE ROLE races).
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`claimline-role:${role}`]);
      const exists = ((await c.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount ?? 0) > 0;
      await c.query(
        `${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD ${literal(password)}`,
      );
      await c.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(role)}`);
      await c.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)} AUTHORIZATION ${ident(role)}`);
      await c.query(`ALTER SCHEMA ${ident(schema)} OWNER TO ${ident(role)}`);
      // Objects made earlier by another user (a database migrated before roles existed).
      await c.query(
        `DO $$
         DECLARE r record;
         BEGIN
           FOR r IN SELECT c.relname, c.relkind FROM pg_class c
                     WHERE c.relnamespace = ${literal(schema)}::regnamespace
                       AND c.relkind IN ('r','p','v','m','f','S')
                       AND pg_get_userbyid(c.relowner) <> ${literal(role)}
                       AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d
                             WHERE d.objid = c.oid AND d.deptype IN ('a','i')))
           LOOP
             EXECUTE format('ALTER %s %I.%I OWNER TO %I',
               CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                 WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
               ${literal(schema)}, r.relname, ${literal(role)});
           END LOOP;
           FOR r IN SELECT p.oid::regprocedure AS sig FROM pg_proc p
                     WHERE p.pronamespace = ${literal(schema)}::regnamespace
                       AND pg_get_userbyid(p.proowner) <> ${literal(role)}
           LOOP
             EXECUTE format('ALTER ROUTINE %s OWNER TO %I', r.sig, ${literal(role)});
           END LOOP;
           FOR r IN SELECT t.typname FROM pg_type t
                     WHERE t.typnamespace = ${literal(schema)}::regnamespace AND t.typtype IN ('e','d','c')
                       AND t.typrelid = 0 AND pg_get_userbyid(t.typowner) <> ${literal(role)}
           LOOP
             EXECUTE format('ALTER TYPE %I.%I OWNER TO %I', ${literal(schema)}, r.typname, ${literal(role)});
           END LOOP;
         END $$`,
      );
      await c.query('COMMIT');
      const u = new URL(url);
      u.username = role;
      u.password = password;
      urls[app] = u.toString();
    }
    // PostgreSQL < 15 lets every role create tables in `public`; nobody needs to.
    await c.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC').catch(() => undefined);
    return urls;
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await c.end().catch(() => undefined);
  }
}

// ================================================================ CLI

// node tools/scripts/lib/access.mjs compose-nats-config      → docker/nats/claimline.conf
// node tools/scripts/lib/access.mjs compose-env              → fresh keys and passwords as .env lines
// node tools/scripts/lib/access.mjs nats-config <json>       → a config (tests): {users?, stacks, ...}
// node tools/scripts/lib/access.mjs provision-db <url> <json> → per-app URLs as JSON (tests)
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'compose-nats-config') {
    process.stdout.write(composeNatsConfig());
  } else if (cmd === 'compose-env') {
    const { nkeys } = await import('nats');
    const operator = nkeys.createUser();
    console.log(`OPERATOR_NATS_PUBLIC_KEY=${operator.getPublicKey()}`);
    console.log(
      `# the operator's seed (nats CLI: backups, stream edits): keep it in your secret store, not in .env`,
    );
    console.log(`# OPERATOR_NATS_NKEY_SEED=${new TextDecoder().decode(operator.getSeed())}`);
    for (const app of ACCESS_APPS) {
      const kp = nkeys.createUser();
      console.log(`${envKeyOf(app, 'NATS_PUBLIC_KEY')}=${kp.getPublicKey()}`);
      console.log(`${envKeyOf(app, 'NATS_NKEY_SEED')}=${new TextDecoder().decode(kp.getSeed())}`);
      console.log(`${envKeyOf(app, 'DB_PASSWORD')}=${randomBytes(32).toString('hex')}`);
    }
  } else if (cmd === 'nats-config') {
    // Generates keys for every app and the operator; prints {config, seeds, adminSeed}.
    const opts = JSON.parse(args[0] ?? '{}');
    const { nkeys } = await import('nats');
    const pair = () => nkeys.createUser();
    /** @type {Record<string, string>} */
    const seeds = {};
    /** @type {Record<string, string>} */
    const users = {};
    for (const app of ACCESS_APPS) {
      const kp = pair();
      seeds[app] = new TextDecoder().decode(kp.getSeed());
      users[app] = kp.getPublicKey();
    }
    const admin = pair();
    const config = natsServerConfig({ ...opts, users, admin: admin.getPublicKey() });
    process.stdout.write(
      JSON.stringify({ config, seeds, adminSeed: new TextDecoder().decode(admin.getSeed()) }),
    );
  } else if (cmd === 'provision-db') {
    process.stdout.write(JSON.stringify(await provisionDatabaseRoles(args[0], JSON.parse(args[1]))));
  } else {
    console.error(
      'usage: access.mjs compose-nats-config | compose-env | nats-config <json> | provision-db <url> <json>',
    );
    process.exit(2);
  }
}
