import { fingerprintOf, hostKeyMatches } from './host-key';

const line = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAILcbv4IELkmN/mYrXhONECucC9WXuG14k9b54UDsAEcn';
const blob = Buffer.from(line.split(' ')[1], 'base64');

describe('host key pinning', () => {
  it('matches the pinned key and its fingerprint', () => {
    expect(hostKeyMatches(line, blob)).toBe(true);
    expect(hostKeyMatches(`${line} comment`, blob)).toBe(true);
    expect(hostKeyMatches(fingerprintOf(blob), blob)).toBe(true);
    expect(fingerprintOf(blob)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('refuses any other key', () => {
    const other = Buffer.from(blob);
    other[other.length - 1] ^= 1;
    expect(hostKeyMatches(line, other)).toBe(false);
    expect(hostKeyMatches(fingerprintOf(blob), other)).toBe(false);
    expect(hostKeyMatches('ssh-ed25519', blob)).toBe(false);
  });
});
