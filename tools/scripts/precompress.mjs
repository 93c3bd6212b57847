#!/usr/bin/env node
// @ts-check
// Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each text asset of a built web app, once
// at build time, so the gateway sends them as they are instead of compressing on every request
// (and can afford the slowest, smallest settings). The last step of `admin-console:build`.
// Usage: node tools/scripts/precompress.mjs <dist/browser dir>
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Formats that compress; images and fonts are compressed already. */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.map',
  '.webmanifest',
]);

/** The encodings written, with the suffix of their file (the gateway reads the same pairs). */
export const ENCODINGS = /** @type {const} */ ([
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
]);

/**
 * @typedef {{ file: string, raw: number, br?: number, gzip?: number }} Compressed
 * One asset: its path under the directory, its size and the size of each copy written.
 */

/**
 * @param {Buffer} bytes
 * @returns {{ br: Buffer, gzip: Buffer }}
 */
export function compress(bytes) {
  return {
    br: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  };
}

/**
 * Compresses every compressible file of `dir` (recursively), keeping a copy only when it is smaller
 * than the file (tiny files are not): without a copy the gateway sends the file itself.
 * @param {string} dir
 * @returns {Compressed[]}
 */
export function precompress(dir) {
  /** @type {Compressed[]} */
  const done = [];
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const path = join(dir, file);
    if (!COMPRESSIBLE.has(extname(file).toLowerCase()) || !statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    const copies = compress(bytes);
    /** @type {Compressed} */
    const entry = { file, raw: bytes.length };
    for (const { encoding, suffix } of ENCODINGS) {
      const copy = copies[encoding];
      // A copy left by an earlier run over the same directory would be served for the new file.
      if (copy.length >= bytes.length) {
        rmSync(path + suffix, { force: true });
        continue;
      }
      writeFileSync(path + suffix, copy);
      entry[encoding] = copy.length;
    }
    done.push(entry);
  }
  return done;
}

/**
 * @param {Compressed[]} done
 * @returns {string}
 */
export function summary(done) {
  /** @param {number} n bytes */
  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  const sum = (/** @type {(c: Compressed) => number} */ size) => done.reduce((n, c) => n + size(c), 0);
  return `precompressed ${done.length} files: ${kb(sum((c) => c.raw))} → ${kb(sum((c) => c.br ?? c.raw))} brotli, ${kb(sum((c) => c.gzip ?? c.raw))} gzip`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [dir] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: precompress.mjs <dist/browser dir>');
    process.exit(2);
  }
  console.log(summary(precompress(dir)));
}
