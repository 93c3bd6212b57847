// @ts-check
// Dependencies of the local stack: npm packages and a Chromium for browser tests.
// Node 20 built-ins only: this runs before node_modules may exist.
import { existsSync, statSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import { run } from './procs.mjs';

/** @type {import('./procs.mjs').Log} */
const defaultLog = (msg) => console.log(`[deps] ${msg}`);

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * The first executable file named `cmd` on PATH, else the first of `extra` that is one.
 * @param {string} cmd
 * @param {string[]} [extra] absolute paths to try after PATH
 * @returns {string | null}
 */
export function which(cmd, extra = []) {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  for (const candidate of [...dirs.map((d) => path.join(d, cmd)), ...extra]) {
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return null;
}

/** True when this machine can install Debian packages (root + apt-get). */
export function canApt() {
  return isRoot() && which('apt-get', ['/usr/bin/apt-get']) !== null;
}

/**
 * `apt-get update` then `apt-get install -y <packages>` (non-interactive).
 * @param {string[]} packages
 * @param {{ log?: import('./procs.mjs').Log }} [options]
 */
export async function aptInstall(packages, { log = defaultLog } = {}) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`installing ${packages.join(', ')} with apt-get…`);
  // Wait for the dpkg/apt locks instead of failing when another apt (or a parallel run) holds them.
  const wait = ['-o', 'DPkg::Lock::Timeout=300'];
  await run('apt-get', [...wait, 'update'], { env, name: 'apt' });
  await run('apt-get', [...wait, 'install', '-y', ...packages], { env, name: 'apt' });
}

/**
 * Runs `npm ci --no-audit --no-fund` when node_modules/.package-lock.json is
 * missing or older than package-lock.json. Returns true when it installed.
 */
export async function ensureDependencies({ root = process.cwd(), log = defaultLog } = {}) {
  const lock = path.join(root, 'package-lock.json');
  const hidden = path.join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(lock)) throw new Error(`No package-lock.json in ${root}: cannot install dependencies`);
  let reason = null;
  if (!existsSync(hidden)) reason = 'node_modules is missing';
  else if (statSync(hidden).mtimeMs < statSync(lock).mtimeMs)
    reason = 'package-lock.json changed since the last install';
  if (!reason) return false;
  log(`${reason}: running npm ci…`);
  await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root });
  return true;
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function findChromium() {
  for (const c of CHROMIUM_CANDIDATES) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

/**
 * Path of a Chromium: CHROMIUM_PATH, else /usr/bin/chromium(-browser),
 * installing Debian's `chromium` with apt when missing and possible.
 */
export async function ensureChromium({ log = defaultLog, env = process.env } = {}) {
  if (env.CHROMIUM_PATH) {
    try {
      accessSync(env.CHROMIUM_PATH, constants.X_OK);
      return env.CHROMIUM_PATH;
    } catch {
      throw new Error(`CHROMIUM_PATH is set to ${env.CHROMIUM_PATH}, but that is not an executable file.`);
    }
  }
  const found = findChromium();
  if (found) return found;
  if (canApt()) {
    log('Chromium not found');
    await aptInstall(['chromium'], { log });
    const installed = findChromium();
    if (installed) return installed;
    throw new Error(
      `apt-get installed chromium, but none of ${CHROMIUM_CANDIDATES.join(', ')} exists afterwards.`,
    );
  }
  throw new Error(
    `No Chromium found (looked at CHROMIUM_PATH, ${CHROMIUM_CANDIDATES.join(', ')}) and it cannot be installed ` +
      `automatically (${isRoot() ? 'apt-get is not available' : 'not running as root'}). ` +
      'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH to a Chromium/Chrome binary.',
  );
}
