import type { ClaimsEnv } from '../config/env';

/**
 * Tests only (`CLAIMS_TEST_CRASH_AT`): the process kills itself with SIGKILL at this point, as a
 * power cut would, so a test can prove that a crash there neither loses a claim nor sends it twice.
 */
export function crashAt(env: ClaimsEnv, point: NonNullable<ClaimsEnv['CLAIMS_TEST_CRASH_AT']>): void {
  if (env.CLAIMS_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}
