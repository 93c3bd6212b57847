#!/usr/bin/env node
// @ts-check
// Bundle budget on what the browser downloads first: the scripts index.html loads (and the
// modules they preload), counted as the bytes the gateway really sends — the precompressed copy
// `admin-console:build` wrote beside each file (tools/scripts/precompress.mjs), or the file
// itself when there is none. Angular's own budgets measure raw bytes; the target here is
// "initial JavaScript under N kB as sent", for a browser that takes brotli and for one that only
// takes gzip (the larger of the two is held to the budget).
// Usage: node tools/scripts/bundle-budget.mjs <dist/browser> <max kB>
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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

/**
 * The size of what is sent for `file` to a client taking the first of `suffixes` that exists.
 * @param {string} file
 * @param {string[]} suffixes
 * @returns {number}
 */
function sent(file, suffixes) {
  const path = join(dir, file);
  const copy = suffixes.map((s) => path + s).find((p) => existsSync(p));
  return statSync(copy ?? path).size;
}

let raw = 0;
let br = 0;
let gz = 0;
/** @type {string[]} */
const uncompressed = [];
for (const file of initial) {
  raw += statSync(join(dir, file)).size;
  br += sent(file, ['.br', '.gz']);
  gz += sent(file, ['.gz']);
  if (!existsSync(join(dir, `${file}.br`)) && !existsSync(join(dir, `${file}.gz`))) uncompressed.push(file);
}
const lazy = readdirSync(dir).filter((f) => f.endsWith('.js') && !initial.has(f));
/** @param {number} n bytes */
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(
  `initial JavaScript (${initial.size} files) as sent: ${kb(br)} brotli, ${kb(gz)} gzip (${kb(raw)} raw); ${lazy.length} lazy chunks`,
);
if (uncompressed.length)
  console.warn(`sent uncompressed (no .br or .gz beside them; run the build): ${uncompressed.join(', ')}`);
const worst = Math.max(br, gz);
if (worst > Number(maxKb) * 1024) {
  console.error(`over budget: ${kb(worst)} sent > ${maxKb} kB`);
  process.exit(1);
}
console.log(`within budget (${maxKb} kB as sent)`);
