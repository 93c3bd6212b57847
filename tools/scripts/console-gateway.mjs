#!/usr/bin/env node
// @ts-check
// For working on the console: a second gateway in front of the stack `npm start` runs (same
// database, NATS and services), serving a console build of your own. Lets several people (or
// builds) try console changes side by side without disturbing the stack.
// Usage: node tools/scripts/console-gateway.mjs <port> <console dist dir (with index.html)>
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appEnv, stackEnv } from './lib/stack.mjs';
import { localSecrets } from './lib/secrets.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const [port, dist] = process.argv.slice(2);
if (!port || !dist || !existsSync(join(dist, 'index.html'))) {
  console.error('usage: console-gateway.mjs <port> <console dist dir containing index.html>');
  process.exit(2);
}
const env = {
  ...appEnv(
    'api-gateway',
    stackEnv({
      databaseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimline',
      natsUrl: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
      secrets: localSecrets(root),
      port: Number(port),
      root,
      logLevel: 'warn',
    }),
  ),
  CONSOLE_DIST: resolve(dist),
  RATE_LIMIT_PER_MINUTE: '100000',
};
const child = spawn(process.execPath, [join(root, 'dist/apps/api-gateway/main.js')], {
  env,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));
console.log(`console gateway on http://127.0.0.1:${port}/ serving ${resolve(dist)}`);
