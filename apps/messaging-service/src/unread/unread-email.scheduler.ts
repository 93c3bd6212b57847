import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MessagingEvents } from '@claimline/contracts/messaging';
import { Outbox } from '@claimline/backend/util-nats';
import { MessagingEnv, SCHEMA } from '../config/env';
import { RoundResult, runUnreadEmailRound } from './unread-email';

/**
 * Polls the durable unread e-mail schedule (ADR 0020) every `UNREAD_EMAIL_POLL_MS` on every
 * replica; the claim makes each due timer fire once across replicas and restarts. No timer lives
 * in memory: a process killed with timers pending loses nothing, the next round (of any replica)
 * finds them due.
 */
@Injectable()
export class UnreadEmailScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('UnreadEmail');
  private readonly outbox = new Outbox<MessagingEvents>(SCHEMA);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RoundResult> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: MessagingEnv,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Runs one round now (rounds never overlap in one process). */
  runOnce(): Promise<RoundResult> {
    this.running ??= this.db
      .transaction((m) => runUnreadEmailRound(m, this.outbox, this.env.UNREAD_EMAIL_BATCH_SIZE))
      .finally(() => (this.running = null));
    return this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      try {
        let result = await this.runOnce();
        // A full batch: more may be due at once.
        while (!this.stopped && result.pairs >= this.env.UNREAD_EMAIL_BATCH_SIZE)
          result = await this.runOnce();
        if (result.reminders > 0) this.logger.log(`${result.reminders} unread reminder(s) queued`);
      } catch (error) {
        this.logger.warn(`unread e-mail round failed: ${(error as Error).message}; retrying`);
      }
      this.schedule();
    }, this.env.UNREAD_EMAIL_POLL_MS);
  }
}
