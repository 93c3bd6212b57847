// @ts-check
// Tiny process supervisor for the local stack (npm start / npm test).
// Node 20 built-ins only: this module is loaded before node_modules may exist.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { codeOf, messageOf } from './errors.mjs';

/** @typedef {(msg: string) => void} Log where the scripts say what they do */
/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null, error?: Error }} Exit
 * @typedef {{
 *   name: string,
 *   child: import('node:child_process').ChildProcess,
 *   exited: Promise<Exit>,
 *   stop: (signal?: NodeJS.Signals, timeoutMs?: number) => Promise<Exit>,
 * }} ProcessHandle a supervised child process (startProcess)
 */

const useColor =
  !('NO_COLOR' in process.env) &&
  (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY));

/** @type {Record<string, number>} */
const ANSI = {
  reset: 0,
  bold: 1,
  dim: 2,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
  brightRed: 91,
  brightGreen: 92,
  brightYellow: 93,
  brightBlue: 94,
  brightMagenta: 95,
  brightCyan: 96,
};
const PALETTE = [
  'cyan',
  'magenta',
  'green',
  'yellow',
  'blue',
  'brightCyan',
  'brightMagenta',
  'brightGreen',
  'brightYellow',
  'brightBlue',
];
let paletteIndex = 0;

/**
 * @param {string | number | undefined} color a name of ANSI, or an SGR code
 * @param {string} text
 */
export function paint(color, text) {
  if (!useColor || !color) return text;
  const code = typeof color === 'number' ? color : ANSI[color];
  return code === undefined ? text : `\x1b[${code}m${text}\x1b[0m`;
}

// ---------------------------------------------------------------- line output

let padWidth = 8;

/**
 * @param {string} name
 * @param {string} color
 * @returns {() => string}
 */
function makePrefix(name, color) {
  padWidth = Math.max(padWidth, name.length);
  return () => paint(color, `[${name}]`.padEnd(padWidth + 2)) + ' ';
}

/** @type {Record<number, [string, string]>} */
const LEVELS = {
  10: ['TRACE', 'gray'],
  20: ['DEBUG', 'gray'],
  30: ['INFO ', 'green'],
  40: ['WARN ', 'yellow'],
  50: ['ERROR', 'red'],
  60: ['FATAL', 'brightRed'],
};

/** @param {string | number | undefined} time */
function hhmmss(time) {
  const d = time === undefined ? new Date() : new Date(time);
  if (Number.isNaN(d.getTime())) return '--:--:--';
  return d.toTimeString().slice(0, 8);
}

/**
 * Render one pino JSON line readably; returns null when the line is not pino JSON.
 * @param {string} line
 * @returns {string | null}
 */
export function formatPinoLine(line) {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return null;
  /** @type {any} a pino line: whatever JSON the app logged */
  let o;
  try {
    o = JSON.parse(trimmed);
  } catch {
    return null;
  }
  if (!o || typeof o !== 'object' || (o.level === undefined && o.msg === undefined)) return null;
  let levelName;
  let levelColor;
  if (typeof o.level === 'number') {
    [levelName, levelColor] = LEVELS[o.level] ?? [String(o.level).padEnd(5), 'white'];
  } else {
    levelName = String(o.level ?? 'INFO')
      .toUpperCase()
      .padEnd(5);
    levelColor =
      /** @type {Record<string, string>} */ ({
        ERROR: 'red',
        FATAL: 'brightRed',
        WARN: 'yellow',
        INFO: 'green',
      })[levelName.trim()] ?? 'gray';
  }
  const parts = [paint('dim', hhmmss(o.time)), paint(levelColor, levelName)];
  if (o.context) parts.push(paint('dim', `(${o.context})`));
  parts.push(o.msg ?? o.message ?? '');
  const extra = [];
  if (o.req && (o.req.method || o.req.url)) extra.push(`${o.req.method ?? ''} ${o.req.url ?? ''}`.trim());
  if (o.res && o.res.statusCode !== undefined) extra.push(String(o.res.statusCode));
  if (o.responseTime !== undefined) extra.push(`${o.responseTime}ms`);
  const err = o.err ?? o.error;
  if (err && typeof err === 'object' && err.message && err.message !== o.msg)
    extra.push(`err: ${err.message}`);
  else if (typeof err === 'string') extra.push(`err: ${err}`);
  if (extra.length) parts.push(paint('dim', extra.join(' ')));
  let out = parts.join(' ');
  // Show the stack for errors: the message alone is rarely enough.
  if (err && typeof err === 'object' && err.stack && (o.level ?? 30) >= 50) {
    const stack = String(err.stack).split('\n').slice(1, 6).join('\n');
    if (stack) out += '\n' + paint('dim', stack);
  }
  return out;
}

/**
 * Pipes a readable stream line by line to `write`, prefixing each line.
 * @param {import('node:stream').Readable | null} stream
 * @param {() => string} prefix
 * @param {(text: string) => void} write
 */
function pipeLines(stream, prefix, write) {
  if (!stream) return;
  let buf = '';
  stream.setEncoding('utf8');
  /** @param {string} line */
  const emit = (line) => {
    const pretty = formatPinoLine(line);
    for (const l of (pretty ?? line).split('\n')) write(prefix() + l + '\n');
  };
  stream.on('data', (/** @type {string} */ chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      emit(buf.slice(0, i).replace(/\r$/, ''));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) emit(buf);
    buf = '';
  });
}

// ---------------------------------------------------------------- process tree

/**
 * Linux: pids of all descendants of `pid` (read from /proc). Elsewhere: [].
 * @param {number} pid
 * @returns {number[]}
 */
function descendants(pid) {
  if (process.platform !== 'linux') return [];
  /** @type {Map<number, number[]>} */
  const children = new Map();
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid)?.push(Number(e));
    } catch {
      /* process vanished */
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    for (const c of children.get(/** @type {number} */ (stack.pop())) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

/**
 * Sends `signal` to `pid` and all its descendants (grandchildren started by npx/nx etc.).
 * @param {number} pid
 * @param {NodeJS.Signals} [signal]
 */
export function killTree(pid, signal = 'SIGTERM') {
  const pids = [...descendants(pid), pid];
  for (const p of pids) {
    try {
      process.kill(p, signal);
    } catch {
      /* already gone */
    }
  }
}

// ---------------------------------------------------------------- supervisor

/** @type {Set<ProcessHandle>} handles of processes that have not exited yet */
const live = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: if this script dies without cleanup, do not leave children behind.
  process.on('exit', () => {
    for (const h of live) if (h.child.pid) killTree(h.child.pid, 'SIGTERM');
  });
}

/**
 * Spawns a supervised child process. Output lines are prefixed with `[name]`
 * and pino JSON lines are rendered readably.
 * @param {{ name?: string, command: string, args?: string[], env?: NodeJS.ProcessEnv, cwd?: string,
 *   color?: string, stdio?: 'pipe' | 'inherit' }} options
 * @returns {ProcessHandle}
 */
export function startProcess({ name, command, args = [], env, cwd, color, stdio = 'pipe' }) {
  if (!name) name = command;
  color ??= PALETTE[paletteIndex++ % PALETTE.length];
  const prefix = makePrefix(name, color);
  const child = spawn(command, args, {
    cwd,
    env: env ?? process.env,
    detached: false,
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  });
  if (stdio !== 'inherit') {
    pipeLines(child.stdout, prefix, (s) => process.stdout.write(s));
    pipeLines(child.stderr, prefix, (s) => process.stderr.write(s));
  }
  /** @type {(exit: Exit) => void} */
  let resolveExited = () => undefined;
  /** @type {Promise<Exit>} */
  const exited = new Promise((r) => (resolveExited = r));
  /** @type {ProcessHandle} */
  const handle = { name, child, exited, stop: async () => exited };
  live.add(handle);
  installExitHook();
  child.on('error', (error) => {
    process.stderr.write(prefix() + paint('red', `failed to start ${command}: ${error.message}`) + '\n');
    live.delete(handle);
    resolveExited({ code: null, signal: null, error });
  });
  child.on('exit', (code, signal) => {
    live.delete(handle);
    resolveExited({ code, signal });
  });
  handle.stop = async (signal = 'SIGTERM', timeoutMs = 5000) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid || !live.has(handle))
      return exited;
    killTree(child.pid, signal);
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    /** @type {Promise<'timeout'>} */
    const timedOut = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
    const first = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (first === 'timeout') {
      process.stderr.write(
        prefix() + paint('yellow', `did not stop within ${timeoutMs}ms, sending SIGKILL`) + '\n',
      );
      killTree(child.pid, 'SIGKILL');
    }
    return exited;
  };
  return handle;
}

/**
 * Stops every process started with startProcess()/run() that is still alive.
 * @param {NodeJS.Signals} [signal]
 */
export async function stopAll(signal = 'SIGTERM', timeoutMs = 5000) {
  await Promise.all([...live].map((h) => h.stop(signal, timeoutMs)));
}

let signalHandlersInstalled = false;

/**
 * On SIGINT / SIGTERM / SIGHUP: stop all supervised processes, then run
 * `cleanup` (e.g. stop infra), once, then exit (130 / 143 / 129).
 * A second signal while shutting down kills everything at once.
 * Returns `shutdown(exitCode)` to trigger the same sequence from code.
 * @param {() => Promise<unknown>} [cleanup]
 * @returns {(exitCode?: number, reason?: string) => Promise<void>}
 */
export function installSignalHandlers(cleanup = async () => undefined) {
  let shuttingDown = false;
  /** @type {(exitCode?: number, reason?: string) => Promise<void>} */
  const shutdown = async (exitCode = 0, reason) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (reason) process.stderr.write(`\n${reason}: stopping…\n`);
    try {
      await stopAll();
    } catch (e) {
      process.stderr.write(`error while stopping processes: ${messageOf(e)}\n`);
    }
    try {
      await cleanup();
    } catch (e) {
      process.stderr.write(`error during cleanup: ${messageOf(e)}\n`);
    }
    process.exit(exitCode);
  };
  /** @type {Record<string, number>} */
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  if (!signalHandlersInstalled) {
    signalHandlersInstalled = true;
    for (const [sig, code] of Object.entries(codes)) {
      process.on(sig, () => {
        if (shuttingDown) {
          process.stderr.write(`${sig} again: killing everything now\n`);
          for (const h of live) if (h.child.pid) killTree(h.child.pid, 'SIGKILL');
          process.exit(code);
        }
        shutdown(code, sig);
      });
    }
  }
  return shutdown;
}

/**
 * Runs a command to completion. Resolves on exit code 0, rejects with a clear
 * message otherwise. stdio is inherited, or prefixed with `[name]` when `name` is given.
 * @param {string} command
 * @param {string[]} [args]
 * @param {{ env?: NodeJS.ProcessEnv, cwd?: string, name?: string, color?: string }} [options]
 * @returns {Promise<void>}
 */
export function run(command, args = [], { env, cwd, name, color } = {}) {
  const h = startProcess({
    name: name ?? command,
    command,
    args,
    env,
    cwd,
    color,
    stdio: name ? 'pipe' : 'inherit',
  });
  return h.exited.then(({ code, signal, error }) => {
    const what = `\`${[command, ...args].join(' ')}\``;
    if (error) throw new Error(`${what} could not be started: ${error.message}`);
    if (code === 0) return;
    throw new Error(
      signal
        ? `${what} was killed by ${signal}`
        : `${what} failed with exit code ${code}${cwd ? ` (in ${cwd})` : ''}`,
    );
  });
}

// ---------------------------------------------------------------- waiting / ports

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * True when a TCP connection to host:port succeeds within timeoutMs.
 * @param {string} host
 * @param {number | string} port
 * @returns {Promise<boolean>}
 */
export function canConnect(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
    /** @param {boolean} ok */
    const done = (ok) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Resolves once host:port accepts TCP connections; rejects after timeoutMs.
 * @param {string} host
 * @param {number | string} port
 */
export async function waitForPort(host, port, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(host, port, 500)) return;
    await sleep(200);
  }
  throw new Error(`Timed out after ${timeoutMs}ms waiting for ${host}:${port} to accept connections`);
}

/**
 * Polls `url` with fetch until it answers 2xx. Rejects after timeoutMs, or
 * early when `proc` (a startProcess handle) exits.
 * @param {string} url
 * @param {{ timeoutMs?: number, intervalMs?: number, proc?: ProcessHandle }} [options]
 * @returns {Promise<number>} the HTTP status
 */
export async function waitForHttp(url, { timeoutMs = 60000, intervalMs = 250, proc } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  /** @type {Exit | undefined} */
  let procExit;
  proc?.exited.then((e) => (procExit = e));
  while (Date.now() < deadline) {
    if (procExit) {
      throw new Error(
        `${proc?.name} exited (code ${procExit.code}, signal ${procExit.signal}) before ${url} answered`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(1000, intervalMs * 4)) });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return res.status;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = codeOf(/** @type {{ cause?: unknown }} */ (e)?.cause) ?? messageOf(e);
    }
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs}ms waiting for ${url} (last: ${last})`);
}

/**
 * A TCP port that is free on 127.0.0.1 right now.
 * @returns {Promise<number>}
 */
export function findFreePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}
