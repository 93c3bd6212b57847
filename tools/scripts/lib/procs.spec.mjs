// @ts-check
import { createServer } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import {
  canConnect,
  findFreePort,
  formatPinoLine,
  run,
  startProcess,
  waitForHttp,
  waitForPort,
} from './procs.mjs';

/**
 * The line without its colours (on when Nx or a terminal asks for them).
 * @param {string} line
 */
const pino = (line) => {
  const out = formatPinoLine(line);
  return out === null ? null : stripVTControlCharacters(out);
};

describe('pino lines', () => {
  it('renders a pino line as time, level, context, message and request', () => {
    const time = new Date(2026, 0, 2, 13, 4, 5).getTime();
    const line = JSON.stringify({
      level: 30,
      time,
      context: 'HTTP',
      msg: 'request completed',
      req: { method: 'GET', url: '/health' },
      res: { statusCode: 200 },
      responseTime: 3,
    });
    expect(pino(line)).toBe('13:04:05 INFO  (HTTP) request completed GET /health 200 3ms');
  });

  it('shows an error’s message and, for errors, the first lines of its stack', () => {
    const line = JSON.stringify({
      level: 50,
      time: 0,
      msg: 'failed',
      err: { message: 'boom', stack: 'Error: boom\n    at a\n    at b' },
    });
    expect(pino(line)?.split('\n')).toEqual([
      expect.stringMatching(/ ERROR failed err: boom$/),
      '    at a',
      '    at b',
    ]);
    expect(pino(JSON.stringify({ level: 'warn', msg: 'x', err: 'plain' }))).toMatch(/WARN {2}x err: plain$/);
  });

  it('leaves other lines alone', () => {
    expect(formatPinoLine('plain text')).toBeNull();
    expect(formatPinoLine('{ not json }')).toBeNull();
    expect(formatPinoLine('{"other":"object"}')).toBeNull();
  });
});

describe('ports', () => {
  it('finds a free port, and sees when something listens on it', async () => {
    const port = await findFreePort();
    expect(port).toBeGreaterThan(0);
    expect(await canConnect('127.0.0.1', port, 300)).toBe(false);
    const server = createServer().listen(port, '127.0.0.1');
    try {
      await waitForPort('127.0.0.1', port, 2000);
      expect(await canConnect('127.0.0.1', port, 300)).toBe(true);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('gives up waiting for a port nobody opens', async () => {
    const port = await findFreePort();
    await expect(waitForPort('127.0.0.1', port, 300)).rejects.toThrow(`waiting for 127.0.0.1:${port}`);
  });
});

describe('processes', () => {
  it('runs a command to success, and names the exit code of a failure', async () => {
    await expect(run(process.execPath, ['-e', 'process.exit(0)'], { name: 'ok' })).resolves.toBeUndefined();
    await expect(run(process.execPath, ['-e', 'process.exit(3)'], { name: 'three' })).rejects.toThrow(
      /failed with exit code 3$/,
    );
    await expect(run('/nonexistent/claimline-tool', [], { name: 'none' })).rejects.toThrow(
      'could not be started',
    );
  });

  it('stops a waitForHttp early when the process it waits for exits', async () => {
    const port = await findFreePort();
    const proc = startProcess({ name: 'quits', command: process.execPath, args: ['-e', 'process.exit(7)'] });
    await expect(waitForHttp(`http://127.0.0.1:${port}/`, { timeoutMs: 5000, proc })).rejects.toThrow(
      /quits exited \(code 7/,
    );
  });

  it('kills a process that ignores SIGTERM once the time is up', async () => {
    const stubborn = startProcess({
      name: 'stubborn',
      command: process.execPath,
      args: ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000); console.log('up')"],
    });
    await new Promise((r) => stubborn.child.stdout?.once('data', r));
    const exit = await stubborn.stop('SIGTERM', 300);
    expect(exit.signal).toBe('SIGKILL');
  });
});
