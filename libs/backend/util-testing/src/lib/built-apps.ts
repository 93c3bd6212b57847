import { type ChildProcess, type StdioOptions, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { freePort } from './test-nats';
import { waitFor } from './wait-for';

/** The repository's root: the nearest folder above this file that holds `nx.json`. */
export function repositoryRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}`);
  }
}

/**
 * The path of a built app's script (`dist/apps/<app>/<script>`), refused with what to run when it
 * is missing: the test target of a project that runs an app depends on that app's `build`.
 */
export function builtAppPath(app: string, script = 'main.js'): string {
  const file = join(repositoryRoot(), 'dist/apps', app, script);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`nx run ${app}:build\` (the test target should depend on it)`);
  }
  return file;
}

/** Runs a built app's script as a process, with `env` over the test's own environment. */
export function spawnBuiltApp(
  app: string,
  env: Record<string, string>,
  options: { stdio?: StdioOptions; script?: string } = {},
): ChildProcess {
  return spawn(process.execPath, [builtAppPath(app, options.script)], {
    env: { ...process.env, ...env },
    stdio: options.stdio ?? ['ignore', 'inherit', 'inherit'],
  });
}

/** Kills a process with SIGKILL (the crash tests' kill -9) and resolves once it has exited. */
export async function killHard(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

/** A running clearinghouse sandbox answering real-time X12 (270 → 271, 276 → 277) over HTTP. */
export interface SandboxHttp {
  /** Its `POST /x12` endpoint. */
  readonly url: string;
  stop(): void;
}

/**
 * Starts the built clearinghouse sandbox with only its HTTP side (no SFTP home) on a free port and
 * resolves once it answers (`GET /x12` is 405: the route takes POST only).
 */
export async function startSandboxHttp(): Promise<SandboxHttp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/x12`;
  const child = spawnBuiltApp('clearinghouse-sandbox', {
    SANDBOX_HOME: '',
    SANDBOX_HTTP_PORT: String(port),
    LOG_LEVEL: 'warn',
  });
  const stop = () => void child.kill('SIGTERM');
  try {
    await waitFor(
      'the sandbox HTTP port',
      async () => {
        if (child.exitCode !== null) throw new Error(`the sandbox exited with code ${child.exitCode}`);
        try {
          return (await fetch(url)).status === 405;
        } catch {
          return false;
        }
      },
      30_000,
      100,
    );
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
