import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { LoginThrottleEntity } from './entities/login-throttle.entity';
import { RateLimitEntity } from './entities/rate-limit.entity';

/** Sign-in attempts per minute per client address (set from configuration at boot). */
let loginLimit = 30;

export function configureLoginThrottle(limit: number): void {
  loginLimit = limit;
}

export function loginThrottle() {
  return { default: { limit: () => loginLimit, ttl: 60_000 } };
}

/** The 429's detail (the seconds are also in `Retry-After`). */
export function rateLimitMessage(retryAfterSeconds: number): string {
  return `Too many requests from your address; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}`;
}

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface CounterRow {
  hits: number;
  expires_ms: string;
  blocked_ms: string | null;
}

/**
 * The rate-limit counters of `@nestjs/throttler` in PostgreSQL (an unlogged table), so every
 * gateway replica counts against the same limit: one upsert per limited request, a fixed window
 * per key, and a block once the window's limit is passed.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly sweeper: NodeJS.Timeout;
  private warnedAt = 0;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.sweeper = setInterval(() => void this.sweep(), 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    let row: CounterRow;
    try {
      row = await this.count(`${throttlerName}:${key}`, ttl, limit, blockDuration);
    } catch (error) {
      // Fail open: without its database the gateway cannot authenticate anyone anyway, and the
      // liveness probe must not turn into a 500 because a counter could not be written.
      if (Date.now() - this.warnedAt > 10_000) {
        this.warnedAt = Date.now();
        this.logger.warn(`rate-limit counters cannot be written, requests pass: ${(error as Error).message}`);
      }
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
    const blockedMs = row.blocked_ms === null ? 0 : Number(row.blocked_ms);
    return {
      totalHits: row.hits,
      timeToExpire: Math.ceil(Number(row.expires_ms) / 1000),
      isBlocked: blockedMs > 0,
      timeToBlockExpire: Math.ceil(blockedMs / 1000),
    };
  }

  private async count(key: string, ttl: number, limit: number, blockDuration: number): Promise<CounterRow> {
    // One round trip per request, the window and block decided by the database's clock in the
    // upsert itself: TypeORM's upsert cannot express the CASEs.
    const [row] = await rawSql<CounterRow>(
      this.db,
      'upsert',
      `INSERT INTO ${tableOf(this.db, RateLimitEntity)} AS r (key, hits, window_ends, blocked_until)
       VALUES ($1, 1, now() + $2 * interval '1 millisecond',
               CASE WHEN 1 > $3 THEN now() + $4 * interval '1 millisecond' END)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END,
         window_ends = CASE WHEN r.window_ends <= now() THEN now() + $2 * interval '1 millisecond' ELSE r.window_ends END,
         blocked_until = CASE
           WHEN r.blocked_until > now() THEN r.blocked_until
           WHEN (CASE WHEN r.window_ends <= now() THEN 1 ELSE r.hits + 1 END) > $3
             THEN now() + $4 * interval '1 millisecond'
         END
       RETURNING hits,
         extract(epoch FROM window_ends - now()) * 1000 AS expires_ms,
         CASE WHEN blocked_until > now() THEN extract(epoch FROM blocked_until - now()) * 1000 END AS blocked_ms`,
      [key, ttl, limit, blockDuration],
    );
    return row;
  }

  /** Forgets counters whose window and block are over, and sign-in throttles gone quiet. */
  private async sweep(): Promise<void> {
    try {
      await this.db
        .createQueryBuilder()
        .delete()
        .from(RateLimitEntity)
        .where('window_ends < now() AND (blocked_until IS NULL OR blocked_until < now())')
        .execute();
      await this.db
        .createQueryBuilder()
        .delete()
        .from(LoginThrottleEntity)
        .where(
          `last_attempt_at < now() - interval '7 days' AND (locked_until IS NULL OR locked_until < now())`,
        )
        .execute();
    } catch (error) {
      if (this.db.isInitialized)
        this.logger.warn(`sweeping rate-limit counters: ${(error as Error).message}`);
    }
  }
}
