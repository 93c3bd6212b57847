import path from 'node:path';
import pino from 'pino';
import { startRealtimeServer } from './http/realtime-server';
import { ClearinghouseSandbox } from './sandbox/sandbox';

/**
 * The sandbox clearinghouse process: watches one SFTP account's upload folder (on disk, next to
 * the sshd that tools/scripts/lib/sftp.mjs runs) and answers every 837P there. Configuration:
 * SANDBOX_HOME (the account's folder: inbound/ and outbound/ inside), SANDBOX_STATE_DIR
 * (default: <SANDBOX_HOME>/../../sandbox-state), SANDBOX_REMIT_DELAY_MS (default 10000),
 * SANDBOX_POLL_MS (default 500). With SANDBOX_HTTP_PORT it also answers 270s and 276s over HTTP
 * (src/http); SANDBOX_HOME may then be left out to run the HTTP port alone.
 */
const log = pino({ name: 'clearinghouse-sandbox', level: process.env['LOG_LEVEL'] ?? 'info' });

function numberOf(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    log.fatal(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    process.exit(1);
  }
  return n;
}

const httpPort = numberOf('SANDBOX_HTTP_PORT', 0, 1, 65_535);
if (httpPort)
  void startRealtimeServer({ port: httpPort, log: (msg, fields) => log.info(fields ?? {}, msg) }).catch(
    (error: unknown) => {
      log.fatal({ err: error }, `cannot listen on SANDBOX_HTTP_PORT ${httpPort}`);
      process.exit(1);
    },
  );
const home = process.env['SANDBOX_HOME'];
if (!home && !httpPort) {
  log.fatal('SANDBOX_HOME is required: the SFTP account folder that holds inbound/ and outbound/');
  process.exit(1);
}
if (home) watch(home);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(0));

function watch(home: string): void {
  const sandbox = new ClearinghouseSandbox({
    inbound: path.join(home, 'inbound'),
    outbound: path.join(home, 'outbound'),
    stateDir:
      process.env['SANDBOX_STATE_DIR'] || path.join(home, '..', '..', 'sandbox-state', path.basename(home)),
    remitDelayMs: numberOf('SANDBOX_REMIT_DELAY_MS', 10_000, 0, 86_400_000),
    log: (msg, fields) => log.info(fields ?? {}, msg),
  });
  const every = numberOf('SANDBOX_POLL_MS', 500, 50, 60_000);
  let busy = false;
  setInterval(() => {
    if (busy) return;
    busy = true;
    try {
      sandbox.tick();
    } catch (error) {
      log.error({ err: error }, 'could not answer an upload');
    } finally {
      busy = false;
    }
  }, every);
  log.info({ home, pollMs: every }, 'clearinghouse sandbox watching the upload folder');
}
