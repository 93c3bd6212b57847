import { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, JSONCodec, NatsConnection, Subscription } from 'nats';
import type { Actor, Principal } from '@claimline/contracts/common';
import { DocumentsRpc } from '@claimline/contracts/documents';
import { claimsOf, GatewayTestClient, TestTrust } from '@claimline/backend/util-auth';
import {
  deleteTestStreams,
  freePort,
  TestDatabase,
  testEventsConfig,
  testNatsUrl,
} from '@claimline/backend/util-testing';
import { gatewayDatabase, login, spawnFromSources, stackEnv, stopProcess } from './harness';

const codec = JSONCodec<{ pattern: string; data: { data: Record<string, string> } }>();

/** A record the stubbed client-insurance and enrollments services know: `{ practiceId, id }`. */
export interface KnownRecord {
  practiceId: string;
  id: string;
}

/**
 * The upload path as deployed, each app in its own process so its memory is its own: the gateway
 * and documents-service run from their TypeScript sources (through @swc-node/register: no build
 * of dist/ needed, and the tests see the working tree), on a fresh database, with private RPC and
 * event prefixes and a private transfer bucket on the test NATS server. client-insurance and
 * enrollments are stood in for by responders on their RPC subjects that know `records`.
 */
export class DocumentsStack {
  db!: TestDatabase;
  nc!: NatsConnection;
  rpc!: GatewayTestClient<DocumentsRpc>;
  /** The gateway's and documents-service's own keys; documents-service trusts the gateway's. */
  readonly trust = new TestTrust('documents');
  base = '';
  gateway!: ChildProcess;
  documents!: ChildProcess;
  token = '';
  readonly events = testEventsConfig();
  readonly bucket = `docs-gw-${randomBytes(4).toString('hex')}`;
  readonly dir = mkdtempSync(join(tmpdir(), 'claimline-gw-documents-'));
  readonly records = {
    clients: [] as KnownRecord[],
    policies: [] as KnownRecord[],
    enrollments: [] as KnownRecord[],
    claims: [] as KnownRecord[],
  };
  /** Every lookup the stubs answered: subject, data, and the caller its assertion names. */
  readonly lookups: { subject: string; data: Record<string, string>; actor: Principal | undefined }[] = [];
  private readonly subs: Subscription[] = [];
  private readonly output: string[] = [];

  constructor(private readonly extraEnv: Record<string, string> = {}) {}

  private env(port: number): NodeJS.ProcessEnv {
    return stackEnv(
      { db: this.db, events: this.events, adminEmail: 'admin@documents.test' },
      {
        LOG_LEVEL: 'warn',
        PHI_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
        DOCUMENTS_DIR: this.dir,
        DOCUMENTS_TRANSFER_BUCKET: this.bucket,
        RATE_LIMIT_PER_MINUTE: '100000',
        RPC_TIMEOUT_MS: '10000',
        PORT: String(port),
        RPC_TRUSTED_KEYS: this.trust.serviceEnv().RPC_TRUSTED_KEYS,
        ...this.extraEnv,
      },
    );
  }

  private start(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
    return spawnFromSources(
      entry,
      env,
      (chunk) => {
        this.output.push(`[${name}] ${chunk}`);
        if (this.output.length > 200) this.output.shift();
      },
      { nodeArgs: ['--expose-gc'], preload: [join(__dirname, 'memory-probe.ts')], ipc: true },
    );
  }

  /** What the children printed lately (for a failing test's message). */
  logs(): string {
    return this.output.join('');
  }

  async setUp(): Promise<void> {
    this.db = await gatewayDatabase();
    const port = await freePort();
    const env = this.env(port);
    const migrate = this.start('documents-migrate', 'apps/documents-service/src/migrate.ts', env);
    const code = await new Promise<number | null>((done) => migrate.once('exit', done));
    if (code !== 0) throw new Error(`documents-service migrations failed:\n${this.logs()}`);

    this.nc = await connect({ servers: testNatsUrl() });
    this.rpc = new GatewayTestClient<DocumentsRpc>(this.nc, 5_000, this.events.rpcPrefix, this.trust);
    this.stub(
      'client-insurance.client.get',
      (d) => this.find(this.records.clients, d['practiceId'], d['clientId']),
      'Client',
    );
    this.stub(
      'client-insurance.policy.get',
      (d) => this.find(this.records.policies, d['practiceId'], d['policyId']),
      'Policy',
    );
    // documents-service asks practice-settings whether a practice exists: every practice of a record does.
    this.stub(
      'practice-settings.practice.get',
      (d) =>
        [...this.records.clients, ...this.records.policies, ...this.records.enrollments].find(
          (r) => r.practiceId === d['practiceId'],
        ) && { id: d['practiceId'], practiceId: d['practiceId'] },
      'Practice',
    );
    this.stub(
      'claims.claim.get',
      (d) => this.find(this.records.claims, d['practiceId'], d['claimId']),
      'Claim',
    );
    this.stub(
      'enrollments.enrollment.get',
      (d) => this.records.enrollments.find((r) => r.id === d['enrollmentId']),
      'Enrollment',
    );

    this.documents = this.start('documents', 'apps/documents-service/src/main.ts', {
      ...env,
      RPC_SIGNING_KEY: this.trust.keys('documents').privateKey,
    });
    this.gateway = this.start('gateway', 'apps/api-gateway/src/main.ts', {
      ...env,
      RPC_SIGNING_KEY: this.trust.keys('api-gateway').privateKey,
    });
    this.base = `http://127.0.0.1:${port}`;
    await this.until(
      'documents-service answers',
      async () => (await this.rpc.ping('documents.health.ping')).ok,
    );
    await this.until('the gateway signs in', async () => {
      this.token = await login(this.base, 'admin@documents.test');
      return true;
    });
  }

  private find(list: KnownRecord[], practiceId: string, id: string): KnownRecord | undefined {
    return list.find((r) => r.practiceId === practiceId && r.id === id);
  }

  private stub(
    subject: string,
    lookup: (data: Record<string, string>) => KnownRecord | undefined,
    what: string,
  ): void {
    const sub = this.nc.subscribe(this.events.rpcPrefix + subject, { queue: subject.split('.')[0] });
    this.subs.push(sub);
    void (async () => {
      for await (const msg of sub) {
        const packet = codec.decode(msg.data);
        this.lookups.push({ subject, data: packet.data.data, actor: claimsOf(msg)?.prn });
        const found = lookup(packet.data.data);
        const reply = found
          ? { response: { id: found.id, practiceId: found.practiceId }, isDisposed: true }
          : { err: { code: 'not_found', message: `${what} was not found` }, isDisposed: true };
        msg.respond(JSONCodec().encode(reply));
      }
    })();
  }

  private async until(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const [name, child] of [
        ['gateway', this.gateway],
        ['documents-service', this.documents],
      ] as const) {
        if (child.exitCode !== null)
          throw new Error(`${name} exited with ${child.exitCode}:\n${this.logs()}`);
      }
      if (await check().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}:\n${this.logs()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async tearDown(): Promise<void> {
    for (const child of [this.gateway, this.documents]) await stopProcess(child);
    for (const sub of this.subs) sub.unsubscribe();
    if (this.nc) {
      const os = await this.nc
        .jetstream()
        .views.os(this.bucket)
        .catch(() => undefined);
      await os?.destroy().catch(() => undefined);
      await deleteTestStreams(this.nc, this.events.streamPrefix).catch(() => undefined);
      await this.nc.close();
    }
    await this.db?.drop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const ADMIN: Actor = { userId: 'test', role: 'admin', practiceIds: null };

/** Resident memory of a process, from /proc (Linux), in bytes. */
export function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) * 1024;
}

/** What a child started with the memory probe holds after a full garbage collection (heap + ArrayBuffers), in bytes. */
export function liveMemory(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`process ${child.pid} did not answer the memory probe`)),
      10_000,
    );
    child.once('message', (m: { heapUsed: number; arrayBuffers: number }) => {
      clearTimeout(timer);
      resolve(m.heapUsed + m.arrayBuffers);
    });
    child.send('memory');
  });
}

export interface MemoryGrowth<T> {
  result: T;
  /** Per process: the most its live memory (after GC) rose above where it was before `work`. */
  live: number[];
  /** Per process: the most its RSS rose above where it was before `work` (includes uncollected garbage). */
  rss: number[];
}

/**
 * Runs `work` while sampling each child: its RSS from /proc every 10 ms, and its live memory
 * through the probe as often as a full GC allows. A process that held a file whole while `work`
 * moves it would show the file's size in `live`.
 */
export async function measureGrowth<T>(
  children: ChildProcess[],
  work: () => Promise<T>,
): Promise<MemoryGrowth<T>> {
  const liveBefore = await Promise.all(children.map(liveMemory));
  const rssBefore = children.map((c) => rssOf(c.pid!));
  const livePeak = [...liveBefore];
  const rssPeak = [...rssBefore];
  const rssTimer = setInterval(
    () => children.forEach((c, i) => (rssPeak[i] = Math.max(rssPeak[i], rssOf(c.pid!)))),
    10,
  );
  let done = false;
  const sampling = (async () => {
    while (!done) {
      const now = await Promise.all(children.map(liveMemory));
      now.forEach((v, i) => (livePeak[i] = Math.max(livePeak[i], v)));
      await new Promise((r) => setTimeout(r, 20)); // a full GC takes a while: let the work run between two
    }
  })();
  try {
    const result = await work();
    return {
      result,
      live: livePeak.map((p, i) => p - liveBefore[i]),
      rss: rssPeak.map((p, i) => p - rssBefore[i]),
    };
  } finally {
    done = true;
    clearInterval(rssTimer);
    await sampling;
  }
}

export const newId = () => randomUUID();
