#!/usr/bin/env node
// @ts-check
// Bundle budget on what the browser downloads first: the scripts index.html loads (and the
// modules they preload), compressed with gzip as a server would send them. Angular's own
// budgets measure raw bytes; the target here is "initial JavaScript under N kB compressed".
// Usage: node tools/scripts/bundle-budget.mjs <dist/browser> <max kB>
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const [dir, maxKb = '300'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: bundle-budget.mjs <dist/browser dir> <max kB>');
  process.exit(2);
}
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = new Set();
for (const m of html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)) initial.add(m[1]);
if (!initial.size) {
  console.error(`no script found in ${dir}/index.html`);
  process.exit(2);
}
let raw = 0;
let gz = 0;
let br = 0;
for (const file of initial) {
  const bytes = readFileSync(join(dir, file));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
  br += brotliCompressSync(bytes).length;
}
const lazy = readdirSync(dir).filter((f) => f.endsWith('.js') && !initial.has(f));
/** @param {number} n bytes */
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(
  `initial JavaScript (${initial.size} files): ${kb(raw)} raw, ${kb(gz)} gzip, ${kb(br)} brotli; ${lazy.length} lazy chunks`,
);
if (gz > Number(maxKb) * 1024) {
  console.error(`over budget: ${kb(gz)} gzip > ${maxKb} kB`);
  process.exit(1);
}
console.log(`within budget (${maxKb} kB gzip)`);
