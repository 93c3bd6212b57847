import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { answer837 } from './answer-837';

export interface SandboxOptions {
  /** The account's upload folder (the SFTP account's `inbound`). */
  readonly inbound: string;
  /** Where answers go (the account's `outbound`). */
  readonly outbound: string;
  /** The sandbox's own files: processed uploads, pending 835s, control numbers, ISA13s seen. */
  readonly stateDir: string;
  /** How long after the 999/277CA the 835 comes (ms). */
  readonly remitDelayMs: number;
  readonly name?: string;
  readonly now?: () => Date;
  readonly log?: (msg: string, fields?: Record<string, unknown>) => void;
}

interface State {
  lastControlNumber: number;
  /** `senderId:ISA13` of every interchange received. */
  seen: string[];
}

/**
 * The sandbox clearinghouse's file loop: each `tick()` answers the finished uploads in `inbound`
 * (a name not starting with "." and not ending in ".part"), moves each to `processed/`, and
 * releases the 835s whose delay has passed. Answers are written under a temporary name and
 * renamed, like the connector's uploads, so a client never fetches half a file. State lives in
 * files, so a restarted sandbox neither answers a file twice nor forgets a pending 835.
 */
export class ClearinghouseSandbox {
  private readonly processed: string;
  private readonly pending: string;
  private readonly stateFile: string;
  private state: State;

  constructor(private readonly options: SandboxOptions) {
    this.processed = path.join(options.stateDir, 'processed');
    this.pending = path.join(options.stateDir, 'pending');
    this.stateFile = path.join(options.stateDir, 'state.json');
    for (const d of [this.processed, this.pending, options.outbound]) mkdirSync(d, { recursive: true });
    this.state = existsSync(this.stateFile)
      ? (JSON.parse(readFileSync(this.stateFile, 'utf8')) as State)
      : { lastControlNumber: 0, seen: [] };
  }

  private get now(): Date {
    return this.options.now?.() ?? new Date();
  }

  /** Answers what has arrived and releases what is due; returns the names of the files written. */
  tick(): string[] {
    const written: string[] = [];
    const uploads = readdirSync(this.options.inbound)
      .filter((n) => !n.startsWith('.') && !n.endsWith('.part'))
      .filter((n) => statSync(path.join(this.options.inbound, n)).isFile())
      .sort();
    for (const name of uploads) {
      try {
        written.push(...this.answer(name));
      } catch (error) {
        // A file the sandbox cannot answer must not block the others: set aside, said so.
        const report = `${name.replace(/\.[^.]*$/, '')}.REJECTED.txt`;
        this.put(
          this.options.outbound,
          report,
          `The sandbox could not answer ${name}: ${(error as Error).message}\n`,
        );
        renameSync(
          path.join(this.options.inbound, name),
          path.join(this.processed, `failed__${this.now.getTime()}__${name}`),
        );
        this.options.log?.('could not answer an upload', { file: name, error: (error as Error).message });
        written.push(report);
      }
    }
    written.push(...this.release());
    return written;
  }

  private answer(name: string): string[] {
    const source = path.join(this.options.inbound, name);
    const content = readFileSync(source, 'latin1');
    const seen = new Set(this.state.seen);
    const result = answer837(content, {
      receivedAt: this.now,
      name: this.options.name ?? 'CLAIMLINE SANDBOX CLEARINGHOUSE',
      nextControlNumber: () =>
        (this.state.lastControlNumber = (this.state.lastControlNumber % 999_999_999) + 1),
      seenBefore: (sender, icn) => seen.has(`${sender}:${icn}`),
    });
    const base = name.replace(/\.[^.]*$/, '');
    const written: string[] = [];
    if (result.unreadable) {
      const report = `${base}.REJECTED.txt`;
      this.put(this.options.outbound, report, `The file ${name} was not read: ${result.unreadable}\n`);
      written.push(report);
    }
    for (const a of result.answers) {
      const file = `${base}.${a.suffix}`;
      if (a.delayed)
        this.put(this.pending, `${this.now.getTime() + this.options.remitDelayMs}__${file}`, a.x12);
      else {
        this.put(this.options.outbound, file, a.x12);
        written.push(file);
      }
    }
    if (result.interchange)
      this.state.seen.push(`${result.interchange.senderId}:${result.interchange.controlNumber}`);
    this.saveState();
    renameSync(source, path.join(this.processed, `${this.now.getTime()}__${name}`));
    this.options.log?.('answered an upload', {
      file: name,
      answers: written,
      claimsAccepted: result.claims.accepted,
      claimsRejected: result.claims.rejected,
      remitsPending: result.answers.filter((a) => a.delayed).length,
    });
    return written;
  }

  private release(): string[] {
    const now = this.now.getTime();
    const due = readdirSync(this.pending)
      .map((n) => /^(\d+)__(.+)$/.exec(n))
      .filter((m): m is RegExpExecArray => !!m && Number(m[1]) <= now);
    for (const [pendingName, , file] of due) {
      this.put(this.options.outbound, file, readFileSync(path.join(this.pending, pendingName), 'latin1'));
      renameSync(path.join(this.pending, pendingName), path.join(this.processed, `released__${pendingName}`));
    }
    if (due.length) this.options.log?.('released remittances', { files: due.map((m) => m[2]) });
    return due.map((m) => m[2]);
  }

  private put(dir: string, name: string, content: string): void {
    const temporary = path.join(dir, `.${name}.part`);
    writeFileSync(temporary, content, { encoding: 'latin1', mode: 0o644 });
    renameSync(temporary, path.join(dir, name));
  }

  private saveState(): void {
    const temporary = `${this.stateFile}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state));
    renameSync(temporary, this.stateFile);
  }
}
