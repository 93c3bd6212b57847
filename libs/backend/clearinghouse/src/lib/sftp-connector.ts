import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { Client, type SFTPWrapper } from 'ssh2';
import { assertAccount, type ClearinghouseAccount, isResponseName } from './account';
import { HostKeyRefusedError, LoginRefusedError, RemoteFileConflictError } from './errors';
import type { FileArchive } from './file-archive';
import { hostKeyMatches } from './host-key';
import type { ReceivedFile, ResponseLedger } from './received-file';
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry';

/** What the connector tells its caller (ids, names and sizes only: never file contents). */
export type ConnectorEvent =
  | { type: 'retry'; operation: 'upload' | 'poll'; attempt: number; delayMs: number; error: string }
  | { type: 'uploaded'; name: string; size: number; attempts: number; alreadyThere: boolean }
  | { type: 'received'; name: string; size: number; outcome: 'processed' | 'duplicate' };

export interface SftpConnectorOptions<Tx> {
  readonly account: ClearinghouseAccount;
  readonly ledger: ResponseLedger<Tx>;
  readonly archive: FileArchive;
  readonly retry?: RetryPolicy;
  /** Handshake and login must finish within this (ms). */
  readonly readyTimeoutMs?: number;
  /** A connection that stops answering is given up after about 3 × this (ms). */
  readonly keepaliveMs?: number;
  /** Remove each response from the server once processed (some clearinghouses expect it). */
  readonly removeAfterProcessing?: boolean;
  readonly onEvent?: (event: ConnectorEvent) => void;
}

export interface UploadResult {
  readonly name: string;
  readonly size: number;
  readonly checksum: string;
  readonly archivedAs: string;
  readonly attempts: number;
  /** An earlier attempt had already put the whole file there (its rename got through, its answer did not). */
  readonly alreadyThere: boolean;
}

export interface PollResult {
  readonly processed: string[];
  readonly duplicates: string[];
  /** Recorded earlier under the same name and size: not downloaded again. */
  readonly skipped: string[];
}

interface Session {
  readonly sftp: SFTPWrapper;
  /** Runs one SFTP call; fails at once if the connection drops meanwhile. */
  call<T>(fn: (done: (err: Error | null | undefined, value?: T) => void) => void): Promise<T>;
  end(): void;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * An SFTP client for one clearinghouse account (ssh2): key authentication, the host key pinned,
 * uploads under a temporary name then renamed (the clearinghouse never sees half a file, and a
 * retried upload never makes a second file), responses fetched once (ResponseLedger), every file
 * archived encrypted (FileArchive), retries with back-off on connection errors only — never on
 * a refused login or host key. One connection per operation.
 */
export class SftpConnector<Tx = unknown> {
  private readonly account: ClearinghouseAccount;
  private readonly retry: RetryPolicy;

  constructor(private readonly options: SftpConnectorOptions<Tx>) {
    this.account = assertAccount(options.account);
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  /** Uploads one file to the account's upload folder as `name`. */
  async upload(name: string, content: Buffer | string): Promise<UploadResult> {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name))
      throw new Error(`"${name}" is not a file name to upload`);
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const checksum = sha256(bytes);
    // Archived before it leaves: the audit trail has every file that may have been sent.
    const archivedAs = await this.options.archive.put(this.account.name, 'sent', name, bytes);
    const folder = this.account.folders.upload;
    const final = posix.join(folder, name);
    const temporary = posix.join(folder, `.${name}.part`);
    let attempts = 0;
    const alreadyThere = await withRetry(
      this.retry,
      async (attempt) => {
        attempts = attempt;
        return this.withSession(async (s) => {
          const existing = await this.sizeOf(s, final);
          if (existing !== null) return this.sameFile(existing, bytes.length, final);
          await s.call<void>((done) => s.sftp.writeFile(temporary, bytes, (err) => done(err)));
          try {
            // Plain SFTP rename refuses to replace a file: the one name appears once, whole.
            await s.call<void>((done) => s.sftp.rename(temporary, final, (err) => done(err)));
            return false;
          } catch (error) {
            const now = await this.sizeOf(s, final);
            if (now === null) throw error;
            await s.call<void>((done) => s.sftp.unlink(temporary, (err) => done(err))).catch(() => undefined);
            return this.sameFile(now, bytes.length, final);
          }
        });
      },
      (attempt, delayMs, error) =>
        this.options.onEvent?.({
          type: 'retry',
          operation: 'upload',
          attempt,
          delayMs,
          error: messageOf(error),
        }),
    );
    this.options.onEvent?.({ type: 'uploaded', name, size: bytes.length, attempts, alreadyThere });
    return { name, size: bytes.length, checksum, archivedAs, attempts, alreadyThere };
  }

  /**
   * Fetches the responses in the download folder not processed yet, in name order, and runs
   * `process` once per distinct file (with the ledger's transaction). A file whose processing
   * fails stops the poll with that error; the next poll tries it again.
   */
  async poll(process: (file: ReceivedFile, tx: Tx) => Promise<void>): Promise<PollResult> {
    const result: PollResult = { processed: [], duplicates: [], skipped: [] };
    const done = new Set<string>();
    await withRetry(
      this.retry,
      () =>
        this.withSession(async (s) => {
          const folder = this.account.folders.download;
          const entries = await s.call<{ filename: string; attrs: { size?: number; mode?: number } }[]>(
            (cb) => s.sftp.readdir(folder, cb),
          );
          const files = entries
            .filter(
              (e) =>
                ((e.attrs.mode ?? 0) & 0o170000) === 0o100000 && isResponseName(this.account, e.filename),
            )
            .sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
          for (const entry of files) {
            const name = entry.filename;
            if (done.has(name)) continue;
            const size = entry.attrs.size ?? 0;
            if (await this.options.ledger.known(this.account.name, name, size)) {
              result.skipped.push(name);
              done.add(name);
              continue;
            }
            const path = posix.join(folder, name);
            const content = await s.call<Buffer>((cb) => s.sftp.readFile(path, cb));
            const archivedAs = await this.options.archive.put(this.account.name, 'received', name, content);
            const file: ReceivedFile = {
              account: this.account.name,
              name,
              size: content.length,
              checksum: sha256(content),
              content,
              archivedAs,
            };
            const { content: _bytes, archivedAs: _ref, ...record } = file;
            const outcome = await this.options.ledger.once(record, (tx) => process(file, tx));
            (outcome === 'processed' ? result.processed : result.duplicates).push(name);
            done.add(name);
            this.options.onEvent?.({ type: 'received', name, size: content.length, outcome });
            if (this.options.removeAfterProcessing)
              await s.call<void>((cb) => s.sftp.unlink(path, (err) => cb(err)));
          }
        }),
      (attempt, delayMs, error) =>
        this.options.onEvent?.({
          type: 'retry',
          operation: 'poll',
          attempt,
          delayMs,
          error: messageOf(error),
        }),
    );
    return result;
  }

  private sameFile(remoteSize: number, size: number, path: string): boolean {
    if (remoteSize === size) return true;
    throw new RemoteFileConflictError(
      `${path} is already on the server with other content (${remoteSize} bytes, ours ${size})`,
    );
  }

  private async sizeOf(s: Session, path: string): Promise<number | null> {
    try {
      const stats = await s.call<{ size: number }>((cb) => s.sftp.stat(path, cb));
      return stats.size;
    } catch (error) {
      if ((error as { code?: unknown }).code === 2) return null; // no such file
      throw error;
    }
  }

  private async withSession<T>(work: (s: Session) => Promise<T>): Promise<T> {
    const s = await this.connect();
    try {
      return await work(s);
    } finally {
      s.end();
    }
  }

  private connect(): Promise<Session> {
    const a = this.account;
    return new Promise<Session>((resolve, reject) => {
      const client = new Client();
      let hostKeyRefused = false;
      let settled = false;
      let lost: Error | null = null;
      const waiting = new Set<(error: Error) => void>();
      const fail = (error: Error) => {
        lost ??= error;
        for (const w of waiting) w(error);
        waiting.clear();
        if (!settled) {
          settled = true;
          reject(error);
        }
      };
      client.on('error', (error: Error & { level?: string }) => {
        if (hostKeyRefused)
          fail(
            new HostKeyRefusedError(
              `${a.host}:${a.port} showed a host key other than the pinned one: refused`,
            ),
          );
        else if (error.level === 'client-authentication')
          fail(
            new LoginRefusedError(
              `${a.host}:${a.port} refused the login of ${a.username} (${error.message})`,
            ),
          );
        else fail(error);
      });
      client.on('close', () => fail(Object.assign(new Error('Connection lost'), { code: 7 as const })));
      client.on('ready', () => {
        client.sftp((error, sftp) => {
          if (error) return fail(error);
          settled = true;
          resolve({
            sftp,
            call: <T>(fn: (done: (err: Error | null | undefined, value?: T) => void) => void) =>
              new Promise<T>((res, rej) => {
                if (lost) return rej(lost);
                waiting.add(rej);
                fn((err, value) => {
                  waiting.delete(rej);
                  if (err) rej(err);
                  else res(value as T);
                });
              }),
            end: () => client.end(),
          });
        });
      });
      client.connect({
        host: a.host,
        port: a.port,
        username: a.username,
        privateKey: a.privateKey,
        tryKeyboard: false,
        readyTimeout: this.options.readyTimeoutMs ?? 15_000,
        keepaliveInterval: this.options.keepaliveMs ?? 5_000,
        keepaliveCountMax: 3,
        hostVerifier: (key: Buffer) => {
          const ok = hostKeyMatches(a.hostKey, key);
          if (!ok) hostKeyRefused = true;
          return ok;
        },
      });
    });
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
