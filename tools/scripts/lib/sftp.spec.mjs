// @ts-check
import { checkAccountName, chrootProblem, parseServeArgs, sshdConfig } from './sftp.mjs';

describe('sshd configuration', () => {
  it('as root: key-only, chrooted per user, SFTP only, on loopback', () => {
    const config = sshdConfig({ dir: '/d', port: 2222, mode: 'root', users: ['claimline-sftp-sandbox'] });
    expect(config).toContain('ListenAddress 127.0.0.1:2222\n');
    expect(config).toContain('PasswordAuthentication no\n');
    expect(config).toContain('KbdInteractiveAuthentication no\n');
    expect(config).toContain('AuthorizedKeysFile /d/authorized_keys/%u\n');
    expect(config).toContain('ChrootDirectory /d/chroot/%u\n');
    expect(config).toContain('ForceCommand internal-sftp -d /\n');
    expect(config).toContain('AllowUsers claimline-sftp-sandbox\n');
  });

  it('as another user: no chroot and no ForceCommand (each key forces its own folder)', () => {
    const config = sshdConfig({ dir: '/d', port: 2300, mode: 'user', users: ['dev'] });
    expect(config).not.toContain('ChrootDirectory');
    expect(config).not.toContain('ForceCommand');
    expect(config).toContain('AllowUsers dev\n');
  });

  it('names the chroot component sshd would refuse', () => {
    /** @type {Record<string, { uid: number, mode: number }>} */
    const tree = {
      '/': { uid: 0, mode: 0o755 },
      '/home': { uid: 0, mode: 0o755 },
      '/home/dev': { uid: 1000, mode: 0o755 },
      '/srv': { uid: 0, mode: 0o777 },
      '/srv/x': { uid: 0, mode: 0o755 },
    };
    const stat = (/** @type {string} */ p) => tree[p];
    expect(chrootProblem('/home/dev', stat)).toBe('/home/dev is not owned by root');
    expect(chrootProblem('/srv/x', stat)).toBe('/srv is writable by its group or others');
    expect(chrootProblem('/home', stat)).toBeNull();
  });

  it('refuses account names that cannot be a user name, and reads the serve options', () => {
    expect(() => checkAccountName('Sandbox')).toThrow('lower-case');
    expect(() => checkAccountName('a/b')).toThrow();
    expect(() => checkAccountName('sandbox-2')).not.toThrow();
    expect(parseServeArgs(['--dir', '/d', '--port', '0'])).toEqual({
      dir: '/d',
      port: 0,
      accounts: ['sandbox'],
    });
    expect(() => parseServeArgs(['--port', '1'])).toThrow('--dir is required');
  });
});
