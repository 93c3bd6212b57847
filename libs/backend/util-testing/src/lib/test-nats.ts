import { spawn, ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, NatsConnection } from 'nats';

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

/**
 * A private nats-server with JetStream for tests that stop and restart NATS. Its store survives
 * `restart()`, as a real server's disk does; `dispose()` removes it.
 */
export class PrivateNatsServer {
  private child: ChildProcess | null = null;
  private constructor(
    readonly port: number,
    private readonly storeDir: string,
  ) {}

  static async start(): Promise<PrivateNatsServer> {
    const server = new PrivateNatsServer(await freePort(), mkdtempSync(join(tmpdir(), 'claimline-nats-')));
    await server.startProcess();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  private async startProcess(): Promise<void> {
    const binary = process.env['NATS_SERVER_BIN'] ?? 'nats-server';
    this.child = spawn(binary, ['-js', '-sd', this.storeDir, '-a', '127.0.0.1', '-p', String(this.port)], {
      stdio: 'ignore',
      env: { ...process.env, PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/usr/local/sbin` },
    });
    await waitForPort(this.port, 10_000);
    const nc = await connect({ servers: this.url });
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
