import { type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SftpTestServer, type SftpServerInfo } from '@claimline/backend/clearinghouse';
import { spawnBuiltApp } from '@claimline/backend/util-testing';

/**
 * The clearinghouse side of the submission tests: our own OpenSSH server (`SftpTestServer`) with a
 * `sandbox` account answered by the built sandbox process and a `quiet` account nobody answers (a
 * test writes its TA1 or 999 there by hand), and the accounts file claims-service reads.
 */
export class ClearinghouseSide {
  readonly server = new SftpTestServer(['sandbox', 'quiet']);
  readonly work = mkdtempSync(path.join(tmpdir(), 'claims-submission-'));
  readonly stateDir = path.join(this.work, 'sandbox-state');
  readonly archiveDir = path.join(this.work, 'archive');
  readonly accountsFile = path.join(this.work, 'clearinghouse-accounts.json');
  private sandbox: ChildProcess | null = null;

  get info(): SftpServerInfo {
    return this.server.info;
  }

  async start(): Promise<void> {
    await this.server.start();
    this.writeAccounts();
    this.startSandbox();
  }

  /** The accounts file, as `npm start` writes it, with `extra` accounts made from these two. */
  writeAccounts(
    extra: { name: string; from: 'sandbox' | 'quiet'; keyOf?: 'sandbox' | 'quiet'; hostKey?: string }[] = [],
  ): void {
    const entry = (name: string, from: string, keyOf = from, hostKey?: string) => {
      const { privateKey: _key, ...account } = this.server.account(from);
      return {
        ...account,
        name,
        privateKeyFile: this.info.accounts[keyOf].privateKeyPath,
        ...(hostKey ? { hostKey } : {}),
      };
    };
    const entries = [
      entry('sandbox', 'sandbox'),
      entry('quiet', 'quiet'),
      ...extra.map((e) => entry(e.name, e.from, e.keyOf, e.hostKey)),
    ];
    writeFileSync(this.accountsFile, JSON.stringify(entries, null, 2));
  }

  startSandbox(): void {
    this.sandbox = spawnBuiltApp('clearinghouse-sandbox', {
      SANDBOX_HOME: this.info.accounts['sandbox'].home,
      SANDBOX_STATE_DIR: this.stateDir,
      SANDBOX_REMIT_DELAY_MS: '600000',
      SANDBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
    });
  }

  /** The 837P files that reached an account (the sandbox moves what it answered to its state). */
  uploads(account: 'sandbox' | 'quiet'): string[] {
    const inbound = readdirSync(this.info.accounts[account].inbound).filter((n) => !n.startsWith('.'));
    if (account === 'quiet') return inbound;
    const seen: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.837')) seen.push(e.name);
      }
    };
    mkdirSync(this.stateDir, { recursive: true });
    walk(this.stateDir);
    return [...inbound, ...seen];
  }

  /** Leaves a response in an account's download folder, as the clearinghouse would. */
  respond(account: 'sandbox' | 'quiet', name: string, x12: string): void {
    const file = path.join(this.info.accounts[account].outbound, name);
    writeFileSync(file, x12);
    chmodSync(file, 0o644);
  }

  async stop(): Promise<void> {
    this.sandbox?.kill('SIGTERM');
    await this.server.dispose();
    rmSync(this.work, { recursive: true, force: true });
  }
}
