// @ts-check
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_STACK } from './access.mjs';
import {
  claimOwnership,
  databaseOf,
  databaseUrl,
  lineTail,
  ownerAlive,
  redact,
  releaseOwnership,
  sameStack,
  serverUrlOf,
  withLock,
} from './infra.mjs';

/** A pid that no process has any more: a child that has exited. */
async function deadPid() {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.once('exit', r));
  return /** @type {number} */ (child.pid);
}

describe('PostgreSQL URLs', () => {
  it('splits a URL into its server and its database and puts them together again', () => {
    const url = 'postgres://app:p%40ss@db.example:5433/claimline_e2e?sslmode=require';
    expect(serverUrlOf(url)).toBe('postgres://app:p%40ss@db.example:5433?sslmode=require');
    expect(databaseOf(url)).toBe('claimline_e2e');
    expect(databaseOf('postgres://postgres@127.0.0.1:5432')).toBe('');
    expect(databaseUrl('postgres://postgres@127.0.0.1:5432', 'my db')).toBe(
      'postgres://postgres@127.0.0.1:5432/my%20db',
    );
    expect(databaseOf(databaseUrl('postgres://postgres@127.0.0.1:5432', 'my db'))).toBe('my db');
  });

  it('never logs a password', () => {
    expect(redact('postgres://app:secret@db:5432/x')).toBe('postgres://app:***@db:5432/x');
    expect(redact('postgres://app@db:5432/x')).toBe('postgres://app@db:5432/x');
    expect(redact('not a url')).toBe('(unparseable URL)');
  });
});

describe('helpers', () => {
  it('compares stacks by their prefixes', () => {
    expect(sameStack({ ...DEFAULT_STACK }, DEFAULT_STACK)).toBe(true);
    expect(sameStack({ ...DEFAULT_STACK, rpcPrefix: 'e2e.rpc.' }, DEFAULT_STACK)).toBe(false);
  });

  it('keeps the last lines of output, without blank ones', () => {
    const tail = lineTail(2);
    tail.push('one\n\ntwo\r\nthree');
    tail.push('four');
    expect(tail.text()).toBe('    three\n    four');
  });
});

describe('locks and ownership of a server', () => {
  /** @type {string} */
  let dir;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'claimline-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const log = () => undefined;

  it('runs one holder at a time and releases the lock after', async () => {
    const file = join(dir, 'x.lock');
    /** @type {string[]} */
    const order = [];
    const hold = (/** @type {string} */ name) =>
      withLock(
        file,
        async () => {
          order.push(`${name} in`);
          await new Promise((r) => setTimeout(r, 50));
          order.push(`${name} out`);
          return name;
        },
        log,
        'a test',
      );
    expect(await Promise.all([hold('a'), hold('b')])).toEqual(['a', 'b']);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(existsSync(file)).toBe(false);
  });

  it('breaks the lock of a holder that died, and times out on a live one', async () => {
    const file = join(dir, 'x.lock');
    writeFileSync(file, `${await deadPid()}\n`);
    expect(await withLock(file, async () => readFileSync(file, 'utf8'), log, 'a test')).toBe(
      `${process.pid}\n`,
    );
    writeFileSync(file, `${process.ppid}\n`);
    await expect(withLock(file, async () => 'never', log, 'the server', 300)).rejects.toThrow(
      `timed out waiting for process ${process.ppid} to finish starting the server`,
    );
  });

  it('lets a run adopt a server whose owner is gone, never one whose owner runs', async () => {
    const file = join(dir, 'nats.owner');
    expect(claimOwnership(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(`${process.pid}\n`);
    expect(ownerAlive(file)).toBeNull(); // this process is not "another" owner
    releaseOwnership(file);
    expect(existsSync(file)).toBe(false);

    writeFileSync(file, `${await deadPid()}\n`);
    expect(claimOwnership(file)).toBe(true);

    const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
    try {
      writeFileSync(file, `${other.pid}\n`);
      expect(ownerAlive(file)).toBe(other.pid);
      expect(claimOwnership(file)).toBe(false);
      releaseOwnership(file); // not ours: left alone
      expect(readFileSync(file, 'utf8')).toBe(`${other.pid}\n`);
    } finally {
      other.kill('SIGKILL');
    }
  });
});
