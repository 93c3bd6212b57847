// @ts-check
// Our own sshd for real: needs `sshd` (openssh-server; apt-installed when missing as root). Target `integration`.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { canConnect } from './procs.mjs';
import { CHROOT_FALLBACK, startSftp } from './sftp.mjs';

const root = path.join(import.meta.dirname, '../../..');

describe('our own sshd', () => {
  const dir = path.join(root, 'tmp', `sftp-spec-${randomBytes(4).toString('hex')}`);
  const work = path.join(root, 'tmp', `sftp-spec-files-${randomBytes(4).toString('hex')}`);
  /** @type {Awaited<ReturnType<typeof startSftp>> | undefined} */
  let server;

  beforeAll(() => {
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    mkdirSync(work, { recursive: true });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  /**
   * Runs OpenSSH's sftp client in batch mode as the account, trusting only our host key.
   * @param {string} commands
   * @param {string} [knownHosts]
   */
  const sftp = (commands, knownHosts) => {
    if (!server) throw new Error('no server');
    const account = server.accounts.sandbox;
    const hosts = knownHosts ?? path.join(work, 'known_hosts');
    if (!knownHosts) writeFileSync(hosts, `[${server.host}]:${server.port} ${server.hostKey}\n`);
    return spawnSync(
      'sftp',
      [
        '-b',
        '-',
        '-i',
        account.privateKeyPath,
        '-o',
        'BatchMode=yes',
        '-o',
        `UserKnownHostsFile=${hosts}`,
        '-o',
        'StrictHostKeyChecking=yes',
        '-o',
        'IdentitiesOnly=yes',
        '-P',
        String(server.port),
        `${account.username}@${server.host}`,
      ],
      { input: commands, encoding: 'utf8', cwd: work },
    );
  };

  it('starts, takes an upload over SFTP and serves a download back, then stops with its sessions', async () => {
    server = await startSftp({ root, dir, port: 0, log: () => undefined });
    const account = server.accounts.sandbox;
    expect(existsSync(account.inbound)).toBe(true);
    expect(existsSync(account.outbound)).toBe(true);

    writeFileSync(path.join(work, 'claims.837'), 'ISA*00*…~');
    const up = sftp('cd inbound\nput claims.837\n');
    expect(up.stderr).not.toContain('denied');
    expect(up.status).toBe(0);
    expect(readFileSync(path.join(account.inbound, 'claims.837'), 'utf8')).toBe('ISA*00*…~');

    writeFileSync(path.join(account.outbound, 'answer.999'), 'ISA*00*999~');
    const down = sftp('cd outbound\nget answer.999\n');
    expect(down.status).toBe(0);
    expect(readFileSync(path.join(work, 'answer.999'), 'utf8')).toBe('ISA*00*999~');

    if (server.mode === 'root') {
      // Jailed: the machine's /etc does not exist for the account.
      expect(sftp('cd /etc\n').status).not.toBe(0);
    }
    const port = server.port;
    await server.stop();
    expect(await canConnect('127.0.0.1', port, 300)).toBe(false);
  }, 60_000);

  it('stops the sshd a killed run left on its directory before starting its own', async () => {
    // A run killed with SIGKILL leaves its sshd: start one with no stop() of its own.
    const left = spawnSync(process.execPath, [
      '-e',
      `import('${path.join(import.meta.dirname, 'sftp.mjs')}').then(async (m) => {
         const s = await m.startSftp({ root: '${root}', dir: '${dir}', port: 0, log: () => {} });
         process.stdout.write(String(s.pid) + "\\n", () => process.kill(process.pid, "SIGKILL"));
       })`,
    ]);
    const pid = Number(left.stdout.toString().trim().split('\n').pop());
    expect(existsSync(`/proc/${pid}`)).toBe(true);
    server = await startSftp({ root, dir, port: 0, log: () => undefined });
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(`/proc/${pid}`)).toBe(false);
    await server.stop();
  }, 60_000);

  it('keeps its host key across restarts, and a client pinning another key is refused', async () => {
    server = await startSftp({ root, dir, port: 0, log: () => undefined });
    const first = server.hostKey;
    await server.stop();
    server = await startSftp({ root, dir, port: 0, log: () => undefined });
    expect(server.hostKey).toBe(first);

    const other = path.join(work, 'other_key');
    spawnSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const hosts = path.join(work, 'wrong_known_hosts');
    writeFileSync(
      hosts,
      `[${server.host}]:${server.port} ${readFileSync(`${other}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`,
    );
    const refused = sftp('ls\n', hosts);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);
  }, 60_000);
});

describe('our own sshd from a directory sshd refuses as a chroot', () => {
  const dir = path.join(tmpdir(), `sftp-fallback-${randomBytes(4).toString('hex')}`);
  /** @type {Awaited<ReturnType<typeof startSftp>> | undefined} */
  let server;
  afterAll(async () => {
    await server?.stop();
    if (server && server.mode === 'root')
      rmSync(path.dirname(server.accounts.sandbox.home), { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  it('as root, keeps the account folders outside it and still serves them', async () => {
    server = await startSftp({ root, dir, port: 0, log: () => undefined });
    const account = server.accounts.sandbox;
    if (server.mode === 'root') expect(account.home.startsWith(`${CHROOT_FALLBACK}/`)).toBe(true);
    const hosts = path.join(dir, 'known_hosts');
    writeFileSync(hosts, `[${server.host}]:${server.port} ${server.hostKey}\n`);
    writeFileSync(path.join(dir, 'claims.837'), 'ISA~');
    const up = spawnSync(
      'sftp',
      [
        '-b',
        '-',
        '-i',
        account.privateKeyPath,
        '-o',
        'BatchMode=yes',
        '-o',
        `UserKnownHostsFile=${hosts}`,
      ].concat([
        '-o',
        'StrictHostKeyChecking=yes',
        '-P',
        String(server.port),
        `${account.username}@${server.host}`,
      ]),
      { input: 'cd inbound\nput claims.837\n', encoding: 'utf8', cwd: dir },
    );
    expect(up.status).toBe(0);
    expect(readFileSync(path.join(account.inbound, 'claims.837'), 'utf8')).toBe('ISA~');
  }, 60_000);
});
