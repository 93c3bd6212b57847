import { chooseCoding } from './console-assets';

describe('chooseCoding', () => {
  const both = ['br', 'gzip'] as const;

  it.each([
    ['gzip, deflate, br, zstd', both, 'br'], // Chromium: all q=1, the server's preference breaks the tie
    ['gzip, deflate', both, 'gzip'],
    ['br;q=0.1, gzip', both, 'gzip'],
    ['br;q=0.5, gzip;q=0.4', both, 'br'],
    ['gzip;q=0, *', both, 'br'],
    ['br;q=0, *;q=0.5', both, 'gzip'],
    ['*', ['gzip'], 'gzip'],
    ['identity', both, 'identity'],
    ['br;q=0.3, identity;q=0.8', both, 'identity'],
    ['BR', both, 'br'],
    ['zstd', both, 'identity'],
    ['gzip', ['br'], 'identity'],
  ] as const)('%s offered %j → %s', (header, available, expected) => {
    expect(chooseCoding(header, available)).toBe(expected);
  });

  it('sends the plain file without an Accept-Encoding header, or when nothing offered is acceptable', () => {
    expect(chooseCoding(undefined, both)).toBe('identity');
    expect(chooseCoding('', both)).toBe('identity');
    expect(chooseCoding('identity;q=0, br;q=0, gzip;q=0', both)).toBe('identity');
  });
});
