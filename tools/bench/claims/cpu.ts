/* CPU seconds each app of the private claims stack has used so far (user + system, from
 * /proc/<pid>/stat), found by the path of its bundle under this checkout's dist (or the stack's
 * `--dist`). On a machine shared with other jobs, wall time says mostly how busy the machine was;
 * the CPU an app spent on the work does not depend on that, so the benches print both. Linux only:
 * elsewhere it answers an empty map. */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export function appCpuSeconds(): Map<string, number> {
  const dist = process.env['CLAIMS_STACK_DIST'];
  const out = new Map<string, number>();
  if (!dist) return out;
  let pids: string[] = [];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return out;
  }
  for (const pid of pids) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const main = cmd.find((a) => a.startsWith(`${dist}/`) && a.endsWith('/main.js'));
      if (!main) continue;
      const app = main.slice(dist.length + 1).split('/')[0];
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
      out.set(app, (out.get(app) ?? 0) + seconds);
    } catch {
      /* the process ended meanwhile */
    }
  }
  return out;
}

/** CPU seconds per app between two readings, and their sum. */
export function cpuSpent(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const spent: Record<string, number> = {};
  let total = 0;
  for (const [app, s] of after) {
    const d = s - (before.get(app) ?? 0);
    spent[app] = Number(d.toFixed(2));
    total += d;
  }
  return { ...spent, total: Number(total.toFixed(2)) };
}
