#!/usr/bin/env node
// A private stack for the practice-settings end-to-end tests and benchmark: the claims stack
// (tools/bench/claims/stack.mjs: its own nats-server — on a shared NATS, any other running
// practice-settings instance would answer our requests —, a fresh database, per-app signing keys,
// the demo seed) with only practice-settings-service and the gateway, all these tests need. Every
// option of that script passes through (`--no-build`, `--profile <app>`, `-- <command>`).
//
//   node tools/bench/practice-settings/stack.mjs -- npx nx run api-e2e:e2e --skip-nx-cache
//   RATE_LIMIT_PER_MINUTE=100000000 node tools/bench/practice-settings/stack.mjs -- node tools/bench/practice-settings/bench.mjs
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const stack = join(dirname(fileURLToPath(import.meta.url)), '../claims/stack.mjs');
const child = spawn(
  process.execPath,
  [stack, '--services', 'practice-settings-service', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
// Ctrl-C reaches both processes (one process group); a signal sent to this one alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
