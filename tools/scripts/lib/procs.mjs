// Tiny process supervisor for the local stack (npm start / npm test).
// Node 20 built-ins only: this module is loaded before node_modules may exist.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';

const useColor =
  !('NO_COLOR' in process.env) &&
  (process.env.FORCE_COLOR ? process.env.FORCE_COLOR !== '0' : Boolean(process.stdout.isTTY));

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

export function paint(color, text) {
  if (!useColor || !color) return text;
  const code = typeof color === 'number' ? color : ANSI[color];
  return code === undefined ? text : `\x1b[${code}m${text}\x1b[0m`;
}

// ---------------------------------------------------------------- line output

let padWidth = 8;

function makePrefix(name, color) {
  padWidth = Math.max(padWidth, name.length);
  return () => paint(color, `[${name}]`.padEnd(padWidth + 2)) + ' ';
}

const LEVELS = {
  10: ['TRACE', 'gray'],
  20: ['DEBUG', 'gray'],
  30: ['INFO ', 'green'],
  40: ['WARN ', 'yellow'],
  50: ['ERROR', 'red'],
  60: ['FATAL', 'brightRed'],
};

function hhmmss(time) {
  const d = time === undefined ? new Date() : new Date(time);
  if (Number.isNaN(d.getTime())) return '--:--:--';
  return d.toTimeString().slice(0, 8);
}

/** Render one pino JSON line readably; returns null when the line is not pino JSON. */
export function formatPinoLine(line) {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return null;
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
      { ERROR: 'red', FATAL: 'brightRed', WARN: 'yellow', INFO: 'green' }[levelName.trim()] ?? 'gray';
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

/** Pipes a readable stream line by line to `write`, prefixing each line. */
function pipeLines(stream, prefix, write) {
  if (!stream) return;
  let buf = '';
  stream.setEncoding('utf8');
  const emit = (line) => {
    const pretty = formatPinoLine(line);
    for (const l of (pretty ?? line).split('\n')) write(prefix() + l + '\n');
  };
  stream.on('data', (chunk) => {
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

/** Linux: pids of all descendants of `pid` (read from /proc). Elsewhere: []. */
function descendants(pid) {
  if (process.platform !== 'linux') return [];
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
      children.get(ppid).push(Number(e));
    } catch {
      /* process vanished */
    }
  }
  const out = [];
  const stack = [pid];
  while (stack.length) {
    for (const c of children.get(stack.pop()) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

/** Sends `signal` to `pid` and all its descendants (grandchildren started by npx/nx etc.). */
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

const live = new Set(); // handles of processes that have not exited yet
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: if this script dies without cleanup, do not leave children behind.
  process.on('exit', () => {
    for (const h of live) killTree(h.child.pid, 'SIGTERM');
  });
}

/**
 * Spawns a supervised child process. Output lines are prefixed with `[name]`
 * and pino JSON lines are rendered readably.
 * @returns {{ name: string, child: import('node:child_process').ChildProcess,
 *   exited: Promise<{code: number|null, signal: string|null, error?: Error}>,
 *   stop: (signal?: string, timeoutMs?: number) => Promise<{code, signal}> }}
 */
export function startProcess({ name, command, args = [], env, cwd, color, stdio = 'pipe' } = {}) {
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
  let resolveExited;
  const exited = new Promise((r) => (resolveExited = r));
  const handle = { name, child, exited, stop: undefined };
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
    let timer;
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

/** Stops every process started with startProcess()/run() that is still alive. */
export async function stopAll(signal = 'SIGTERM', timeoutMs = 5000) {
  await Promise.all([...live].map((h) => h.stop(signal, timeoutMs)));
}

let signalHandlersInstalled = false;

/**
 * On SIGINT / SIGTERM / SIGHUP: stop all supervised processes, then run
 * `cleanup` (e.g. stop infra), once, then exit (130 / 143 / 129).
 * A second signal while shutting down kills everything at once.
 * Returns `shutdown(exitCode)` to trigger the same sequence from code.
 */
export function installSignalHandlers(cleanup = async () => undefined) {
  let shuttingDown = false;
  const shutdown = async (exitCode = 0, reason) => {
    if (shuttingDown) return;
    shuttingDown = true;
    if (reason) process.stderr.write(`\n${reason}: stopping…\n`);
    try {
      await stopAll();
    } catch (e) {
      process.stderr.write(`error while stopping processes: ${e?.message ?? e}\n`);
    }
    try {
      await cleanup();
    } catch (e) {
      process.stderr.write(`error during cleanup: ${e?.message ?? e}\n`);
    }
    process.exit(exitCode);
  };
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  if (!signalHandlersInstalled) {
    signalHandlersInstalled = true;
    for (const [sig, code] of Object.entries(codes)) {
      process.on(sig, () => {
        if (shuttingDown) {
          process.stderr.write(`${sig} again: killing everything now\n`);
          for (const h of live) killTree(h.child.pid, 'SIGKILL');
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

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True when a TCP connection to host:port succeeds within timeoutMs. */
export function canConnect(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port) });
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

/** Resolves once host:port accepts TCP connections; rejects after timeoutMs. */
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
 */
export async function waitForHttp(url, { timeoutMs = 60000, intervalMs = 250, proc } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  let procExit;
  proc?.exited.then((e) => (procExit = e));
  while (Date.now() < deadline) {
    if (procExit) {
      throw new Error(
        `${proc.name} exited (code ${procExit.code}, signal ${procExit.signal}) before ${url} answered`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(Math.max(1000, intervalMs * 4)) });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status >= 200 && res.status < 300) return res.status;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e?.cause?.code ?? e?.message ?? String(e);
    }
    await sleep(intervalMs);
  }
  throw new Error(`Timed out after ${timeoutMs}ms waiting for ${url} (last: ${last})`);
}

/** A TCP port that is free on 127.0.0.1 right now. */
export function findFreePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
