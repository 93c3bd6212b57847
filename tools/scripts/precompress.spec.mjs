// @ts-check
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompress, summary } from './precompress.mjs';

describe('precompress', () => {
  /** @type {string} */
  let dir;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes brotli and gzip copies that decode to the file, in subdirectories too', () => {
    const script = Buffer.from('export const words = "claim line ";\n'.repeat(200));
    mkdirSync(join(dir, 'media'));
    writeFileSync(join(dir, 'main-ABCDEFGH.js'), script);
    writeFileSync(join(dir, 'media', 'logo.svg'), `<svg>${'<g></g>'.repeat(400)}</svg>`);

    const done = precompress(dir);

    expect(done.map((c) => c.file)).toEqual(['main-ABCDEFGH.js', join('media', 'logo.svg')]);
    expect(brotliDecompressSync(readFileSync(join(dir, 'main-ABCDEFGH.js.br')))).toEqual(script);
    expect(gunzipSync(readFileSync(join(dir, 'main-ABCDEFGH.js.gz')))).toEqual(script);
    expect(existsSync(join(dir, 'media', 'logo.svg.br'))).toBe(true);
    expect(done[0].br).toBeLessThan(done[0].gzip ?? 0);
    expect(summary(done)).toMatch(/^precompressed 2 files: [\d.]+ kB → [\d.]+ kB brotli, [\d.]+ kB gzip$/);
  });

  it('leaves images, and files whose copies would not be smaller, alone', () => {
    writeFileSync(join(dir, 'tiny.txt'), 'x');
    writeFileSync(join(dir, 'tiny.txt.br'), 'a copy of an earlier, bigger tiny.txt');
    writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));
    // Random bytes do not compress: a copy would only be bigger.
    writeFileSync(
      join(dir, 'noise.js'),
      Buffer.from(Array.from({ length: 4096 }, () => Math.floor(Math.random() * 256))),
    );

    const done = precompress(dir);

    expect(done).toEqual([
      { file: 'noise.js', raw: 4096 },
      { file: 'tiny.txt', raw: 1 },
    ]);
    for (const f of ['tiny.txt', 'photo.png', 'noise.js'])
      for (const suffix of ['.br', '.gz'])
        expect([f + suffix, existsSync(join(dir, f + suffix))]).toEqual([f + suffix, false]);
  });
});
