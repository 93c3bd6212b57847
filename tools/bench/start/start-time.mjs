#!/usr/bin/env node
// @ts-check
// How long `npm start` takes from the command to the console answering (issue #21: < 20 s on a
// machine that has run it before). Runs `node tools/scripts/start.mjs` on PORT (default 3900)
// as its own process group, polls GET / until it answers the console's index.html, prints the
// elapsed time, then stops the stack with SIGINT (what Ctrl-C does) and waits for it to exit.
//   node tools/bench/start/start-time.mjs [--runs N]
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const port = Number(process.env.PORT ?? 3900);
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 1;
// a first run may install dependencies and build everything
const LIMIT_MS = Number(process.env.START_LIMIT_S ?? 1800) * 1000;

/** @returns {Promise<boolean>} */
async function consoleAnswers() {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2000) });
    return res.ok && (await res.text()).includes('<app-root');
  } catch {
    return false;
  }
}

/** @returns {Promise<number>} milliseconds until the console answered */
async function once() {
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'tools/scripts/start.mjs')], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {string[]} */
  const phases = [];
  child.stdout.on('data', (b) => {
    for (const line of String(b).split('\n'))
      if (line.includes('[claimline]'))
        phases.push(
          `${((performance.now() - started) / 1000).toFixed(1)} s ${line.replace(/\x1b\[[0-9;]*m/g, '')}`,
        );
  });
  child.stderr.resume();
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let ms = -1;
  while (performance.now() - started < LIMIT_MS && child.exitCode === null) {
    if (await consoleAnswers()) {
      ms = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const p of phases) console.log(`  ${p}`);
  if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGINT');
  await exited;
  if (ms < 0)
    throw new Error(`the console never answered (exit ${child.exitCode ?? child.signalCode}; phases above)`);
  return ms;
}

for (let i = 1; i <= runs; i++) {
  const ms = await once();
  console.log(`run ${i}: npm start → console answering in ${(ms / 1000).toFixed(1)} s`);
}
