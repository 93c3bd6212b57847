import { execFileSync, spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, ConnectionOptions, NatsConnection, nkeyAuthenticator } from 'nats';

export function testNatsUrl(): string {
  return process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
}

/**
 * Unique prefixes so a test run's events and requests never meet another run's on a shared
 * NATS server: event subjects, stream names and request-reply subjects (`RPC_SUBJECT_PREFIX`).
 */
export function testEventsConfig(): { subjectPrefix: string; streamPrefix: string; rpcPrefix: string } {
  const id = randomBytes(4).toString('hex');
  return { subjectPrefix: `t${id}.events`, streamPrefix: `T${id.toUpperCase()}`, rpcPrefix: `t${id}.rpc.` };
}

/** Deletes every stream whose name starts with the prefix (the run's own streams). */
export async function deleteTestStreams(nc: NatsConnection, streamPrefix: string): Promise<void> {
  const jsm = await nc.jetstreamManager();
  for await (const s of jsm.streams.list()) {
    if (s.config.name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(s.config.name);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = netConnect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The prefixes of one stack, as `tools/scripts/lib/access.mjs` takes them. */
export interface StackPrefixes {
  rpcPrefix: string;
  subjectPrefix: string;
  streamPrefix: string;
  transferBucket: string;
}

/** A nats-server configuration from the project's generator, with fresh keys for every app. */
export interface GeneratedNatsAuth {
  config: string;
  /** App (`api-gateway`, `practice-settings-service`, …) → NKey seed. */
  seeds: Record<string, string>;
  adminSeed: string;
}

const ACCESS_SCRIPT = resolve(__dirname, '../../../../../tools/scripts/lib/access.mjs');

/**
 * Runs the generator the local stack uses (`tools/scripts/lib/access.mjs`) for these stacks, so
 * tests check the very permissions `npm start` and `npm test` give the apps.
 */
export function generateNatsAuth(stacks: StackPrefixes[]): GeneratedNatsAuth {
  const out = execFileSync(process.execPath, [ACCESS_SCRIPT, 'nats-config', JSON.stringify({ stacks })], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as GeneratedNatsAuth;
}

/** Connection options of an app's identity: its NKey and its own inbox prefix. */
export function natsIdentity(seed: string, app?: string): ConnectionOptions {
  return {
    authenticator: nkeyAuthenticator(new TextEncoder().encode(seed)),
    ...(app && { inboxPrefix: `_INBOX_${app}` }),
  };
}

export interface PrivateNatsServerOptions {
  /** A nats-server configuration (e.g. from `generateNatsAuth`); address, port and store are set here. */
  config?: string;
  /** How the start-up check connects (with `config`, an identity allowed `$JS.API.INFO`). */
  connectOptions?: ConnectionOptions;
}

/**
 * A private nats-server with JetStream for tests that stop and restart NATS or need their own
 * configuration. Its store survives `restart()`, as a real server's disk does; `dispose()`
 * removes it.
 */
export class PrivateNatsServer {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    private readonly storeDir: string,
    private readonly options: PrivateNatsServerOptions,
  ) {}

  static async start(options: PrivateNatsServerOptions = {}): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(
      await freePort(),
      mkdtempSync(join(tmpdir(), 'claimline-nats-')),
      options,
    );
    await server.startProcess();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  private async startProcess(): Promise<void> {
    const binary = process.env['NATS_SERVER_BIN'] ?? 'nats-server';
    const args = ['-js', '-sd', this.storeDir, '-a', '127.0.0.1', '-p', String(this.port)];
    if (this.options.config) {
      const file = join(this.storeDir, 'nats-server.conf');
      writeFileSync(file, this.options.config, { mode: 0o600 });
      args.unshift('-c', file);
    }
    this.child = spawn(binary, args, {
      stdio: 'ignore',
      env: { ...process.env, PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/usr/local/sbin` },
    });
    await waitForPort(this.port, 10_000);
    const nc = await connect({ servers: this.url, ...this.options.connectOptions });
    try {
      await (await nc.jetstreamManager()).getAccountInfo();
    } finally {
      await nc.close();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.startProcess();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
