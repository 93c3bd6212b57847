import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { ClearinghouseAccount } from '../lib/account';

/** What `tools/scripts/lib/sftp.mjs serve` prints once our sshd listens. */
export interface SftpServerInfo {
  readonly host: string;
  readonly port: number;
  readonly dir: string;
  readonly hostKey: string;
  readonly mode: 'root' | 'user';
  readonly accounts: Record<
    string,
    {
      username: string;
      privateKeyPath: string;
      publicKey: string;
      home: string;
      inbound: string;
      outbound: string;
    }
  >;
}

function workspaceRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('no nx.json above ' + __dirname);
    dir = up;
  }
  return dir;
}

/**
 * A real OpenSSH SFTP server for tests: `tools/scripts/lib/sftp.mjs serve` (our own sshd, own
 * host key, chrooted key-only account) in a directory of its own under the workspace's tmp/
 * (sshd refuses a chroot under /tmp, which everyone can write; sftp.mjs would move the account
 * folders to /var/lib/claimline-sftp). `stop()` ends the server and
 * every session, as a crash of the server would; `start()` again reuses its host key and port.
 */
export class SftpTestServer {
  private child: ChildProcess | null = null;
  private current: SftpServerInfo | null = null;
  readonly dir: string;

  constructor(private readonly accounts: string[] = ['sandbox']) {
    this.dir = path.join(
      workspaceRoot(),
      'tmp',
      `sftp-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    );
  }

  get info(): SftpServerInfo {
    if (!this.current) throw new Error('the SFTP test server is not started');
    return this.current;
  }

  async start(port = this.current?.port ?? 0): Promise<SftpServerInfo> {
    mkdirSync(path.dirname(this.dir), { recursive: true });
    const root = workspaceRoot();
    const args = [
      path.join(root, 'tools/scripts/lib/sftp.mjs'),
      'serve',
      '--dir',
      this.dir,
      '--port',
      String(port),
    ];
    for (const a of this.accounts) args.push('--account', a);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: root });
    this.child = child;
    let errors = '';
    child.stderr?.on('data', (c: Buffer) => (errors = (errors + c.toString()).slice(-4000)));
    const line = await new Promise<string>((resolve, reject) => {
      if (!child.stdout) return reject(new Error('no stdout'));
      const lines = createInterface({ input: child.stdout });
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`sftp.mjs serve exited (${code}): ${errors}`)));
    });
    this.current = JSON.parse(line) as SftpServerInfo;
    return this.current;
  }

  /** Stops sshd and its sessions (the serve process ends them on SIGTERM). */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await exited;
  }

  /** Stops and removes its directory. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** A connector account for one of its accounts (the host key pinned). */
  account(name = 'sandbox', overrides: Partial<ClearinghouseAccount> = {}): ClearinghouseAccount {
    const info = this.info;
    const a = info.accounts[name];
    return {
      name,
      host: info.host,
      port: info.port,
      username: a.username,
      privateKey: readFileSync(a.privateKeyPath, 'utf8'),
      hostKey: info.hostKey,
      folders: { upload: 'inbound', download: 'outbound' },
      fileNamePattern: '{sender}_{icn}_{date}{time}.837',
      interchange: {
        senderQualifier: 'ZZ',
        senderId: 'CLAIMLINE',
        receiverQualifier: 'ZZ',
        receiverId: 'SANDBOXCH',
        applicationSender: 'CLAIMLINE',
        applicationReceiver: 'SANDBOXCH',
        usage: 'T',
      },
      ...overrides,
    };
  }
}
