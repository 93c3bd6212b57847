import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac, hkdfSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayEnv } from '../config/env';
import { LoginThrottleEntity } from './entities/login-throttle.entity';

export interface LockPolicy {
  /** Attempts in a row (without a success) after which the account is locked. */
  afterFailures: number;
  /** The first lock; each further failed attempt doubles it. */
  lockSeconds: number;
  maxLockSeconds: number;
  /** Attempts further apart than this start counting again. */
  windowSeconds: number;
}

export interface ThrottleState {
  failures: number;
  lastAttemptAt: Date;
  lockedUntil: Date | null;
}

/**
 * One sign-in attempt against an account's state. An attempt is counted *before* its password is
 * checked, so a burst of parallel guesses cannot slip past the lock, and a success resets the
 * count. While locked, nothing is checked: the answer is how many seconds remain.
 */
export function attempt(
  state: ThrottleState | null,
  now: Date,
  policy: LockPolicy,
): { next: ThrottleState; retryAfterSeconds: number } {
  if (state?.lockedUntil && state.lockedUntil > now) {
    return {
      next: state,
      retryAfterSeconds: Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 1000),
    };
  }
  const recent = state && now.getTime() - state.lastAttemptAt.getTime() < policy.windowSeconds * 1000;
  const failures = recent ? state.failures + 1 : 1;
  const lockSeconds =
    failures >= policy.afterFailures
      ? Math.min(policy.maxLockSeconds, policy.lockSeconds * 2 ** (failures - policy.afterFailures))
      : 0;
  return {
    next: {
      failures,
      lastAttemptAt: now,
      lockedUntil: lockSeconds ? new Date(now.getTime() + lockSeconds * 1000) : null,
    },
    retryAfterSeconds: 0,
  };
}

/**
 * Per-account sign-in throttling, in PostgreSQL so every gateway replica sees the same lock.
 * Accounts are keyed by a keyed hash of the lower-cased e-mail (HMAC, key derived from
 * `JWT_SECRET`): e-mails that have no account are throttled — and answered — exactly like
 * existing ones, and the table holds no e-mail address.
 */
@Injectable()
export class LoginThrottle {
  private readonly key: Buffer;
  private readonly policy: LockPolicy;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    env: GatewayEnv,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', env.JWT_SECRET, '', 'claimline login throttle', 32));
    this.policy = {
      afterFailures: env.LOGIN_LOCK_AFTER_FAILURES,
      lockSeconds: env.LOGIN_LOCK_SECONDS,
      maxLockSeconds: env.LOGIN_LOCK_MAX_SECONDS,
      windowSeconds: env.LOGIN_FAILURE_WINDOW_SECONDS,
    };
  }

  /** The e-mail's keyed hash: the throttle's key, and what the audit log records of a failed sign-in. */
  accountKey(email: string): string {
    return createHmac('sha256', this.key).update(email.trim().toLowerCase()).digest('hex');
  }

  /** Counts an attempt; returns 0 to go on and check the password, else the seconds of lock left. */
  async attempt(accountKey: string): Promise<number> {
    return this.db.transaction(async (m) => {
      // Insert-if-missing, then lock: concurrent attempts on one account take turns.
      await m
        .createQueryBuilder()
        .insert()
        .into(LoginThrottleEntity)
        .values({ accountKey, failures: 0, lastAttemptAt: () => 'now()' })
        .orIgnore()
        .execute();
      const { entities, raw } = await m
        .createQueryBuilder(LoginThrottleEntity, 't')
        .addSelect('now()', 'now')
        .where('t.accountKey = :accountKey', { accountKey })
        .setLock('pessimistic_write')
        .getRawAndEntities<{ now: Date }>();
      const row = entities[0];
      const state = row.failures
        ? { failures: row.failures, lastAttemptAt: row.lastAttemptAt, lockedUntil: row.lockedUntil }
        : null;
      // The database's clock, so replicas with skewed clocks agree.
      const { next, retryAfterSeconds } = attempt(state, raw[0].now, this.policy);
      if (retryAfterSeconds) return retryAfterSeconds;
      await m.update(
        LoginThrottleEntity,
        { accountKey },
        { failures: next.failures, lastAttemptAt: next.lastAttemptAt, lockedUntil: next.lockedUntil },
      );
      return 0;
    });
  }

  /** A successful sign-in: the count starts over. */
  async succeeded(accountKey: string): Promise<void> {
    await this.db.getRepository(LoginThrottleEntity).delete({ accountKey });
  }
}
