import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { rawSql, tableOf } from '@claimline/backend/util-persistence';
import { EmailEntity } from './entities/email.entity';
import { classifyFailure, describeFailure, Mailer } from './mailer';

export interface SenderLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface EmailSenderOptions {
  from: string;
  /** The right-hand side of every Message-ID, `<email id@domain>`. */
  messageDomain: string;
  pollMs: number;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  logger?: SenderLogger;
}

interface ClaimedEmail {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
  claim_token: string;
}

const silent: SenderLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Stable per e-mail row, so a resend after a crash carries the same Message-ID and can be deduplicated. */
export function messageIdOf(emailId: string, domain: string): string {
  return `<${emailId}@${domain}>`;
}

/** The domain of `Name <user@domain>` or `user@domain`. */
export function domainOf(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address);
  return match ? match[1].toLowerCase() : 'claimline.local';
}

/** Exponential back-off with ±20 % jitter: base · 2^(attempt-1), capped. */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const raw = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
  return Math.round(raw * (0.8 + 0.4 * random()));
}

/**
 * Delivers the `email` outbox. Each round claims due rows with `FOR UPDATE SKIP LOCKED` and
 * leases them (`locked_until`, `claim_token`, attempts + 1) in one short transaction, so replicas
 * never claim the same row and no database connection is held during the SMTP conversation.
 * Then it sends each row and records the outcome, guarded by the claim token:
 *   sent → `sent`; 5xx → `failed` at once; 4xx / connection error → back to `pending` with
 *   exponential back-off, `failed` once `maxAttempts` is reached.
 * A process that dies after the SMTP server accepted but before the outcome is recorded leaves
 * the row pending; when its lease runs out it is sent again, with the same Message-ID
 * (at-least-once). Nothing is ever lost; a duplicate is possible only in that window.
 */
export class EmailSender {
  private stopped = true;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly log: SenderLogger;
  /** E-mails the SMTP server accepted since start. */
  delivered = 0;

  constructor(
    private readonly db: DataSource,
    private readonly mailer: Mailer,
    private readonly options: EmailSenderOptions,
  ) {
    this.log = options.logger ?? silent;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** Looks for due e-mails now instead of at the next poll. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    let backoff = this.options.pollMs;
    while (!this.stopped) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
        backoff = this.options.pollMs;
      } catch (error) {
        this.log.error(`email sender: ${(error as Error).message}; retrying in ${backoff} ms`);
        backoff = Math.min(backoff * 2, 30_000);
      }
      // A full batch means there may be more: go again at once.
      if (claimed < this.options.batchSize && !this.stopped) await this.sleep(backoff);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = () => {
        this.wakeUp = null;
        done();
      };
    });
  }

  /** One round: claim a batch, deliver each e-mail, record each outcome. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const batch = await this.claim();
    for (const email of batch) {
      if (this.stopped) {
        await this.release(email);
        continue;
      }
      await this.deliver(email);
    }
    return batch.length;
  }

  private async claim(): Promise<ClaimedEmail[]> {
    const token = randomUUID();
    const email = tableOf(this.db, EmailEntity);
    return rawSql<ClaimedEmail>(
      this.db,
      'claim',
      `UPDATE ${email} e
          SET "attempts" = e."attempts" + 1, "locked_until" = now() + make_interval(secs => $1::double precision / 1000),
              "claim_token" = $2, "last_attempt_at" = now()
        WHERE e."id" IN (
          SELECT "id" FROM ${email}
           WHERE "status" = 'pending' AND "next_attempt_at" <= now() AND ("locked_until" IS NULL OR "locked_until" < now())
           ORDER BY "next_attempt_at", "id"
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
      RETURNING e."id", e."recipient", e."subject", e."text_body", e."html_body", e."attempts", e."claim_token"`,
      [this.options.leaseMs, token, this.options.batchSize],
    );
  }

  private async deliver(email: ClaimedEmail): Promise<void> {
    let response: string;
    try {
      ({ response } = await this.mailer.send({
        messageId: messageIdOf(email.id, this.options.messageDomain),
        from: this.options.from,
        to: email.recipient,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Claimline-Email-Id': email.id },
      }));
    } catch (error) {
      await this.recordFailure(email, error);
      return;
    }
    this.delivered++;
    await this.record(
      email,
      `"status" = 'sent', "sent_at" = now(), "locked_until" = NULL, "claim_token" = NULL, "last_error" = NULL, "smtp_response" = $3`,
      [response.slice(0, 500)],
      'sent',
    );
  }

  private async recordFailure(email: ClaimedEmail, error: unknown): Promise<void> {
    const kind = classifyFailure(error);
    const reason = describeFailure(error);
    if (kind === 'permanent' || email.attempts >= this.options.maxAttempts) {
      const lastError = kind === 'permanent' ? reason : `gave up after ${email.attempts} attempts: ${reason}`;
      this.log.warn(`email ${email.id} failed for good (attempt ${email.attempts}): ${reason}`);
      await this.record(
        email,
        `"status" = 'failed', "failed_at" = now(), "locked_until" = NULL, "claim_token" = NULL, "last_error" = $3`,
        [lastError],
        'failed',
      );
      return;
    }
    const delay = retryDelayMs(email.attempts, this.options.retryBaseMs, this.options.retryMaxMs);
    this.log.warn(`email ${email.id} attempt ${email.attempts} failed (${reason}); retrying in ${delay} ms`);
    await this.record(
      email,
      `"next_attempt_at" = now() + make_interval(secs => $4::double precision / 1000), "locked_until" = NULL, "claim_token" = NULL, "last_error" = $3`,
      [reason, delay],
      'retry',
    );
  }

  /** Gives a claimed but unsent row back (shutting down) without counting the attempt. */
  private async release(email: ClaimedEmail): Promise<void> {
    await this.record(
      email,
      `"attempts" = "attempts" - 1, "locked_until" = NULL, "claim_token" = NULL`,
      [],
      'released',
    );
  }

  /**
   * Records an outcome in its own transaction, only if this worker still holds the claim. Part of
   * the lease protocol with `claim()`, so hand-written SQL as well (ADR 0018). The
   * explicit transaction matters: a process killed while its UPDATE waits never commits it.
   * A failure to record is retried briefly; after that the lease runs out and the row is retried.
   */
  private async record(email: ClaimedEmail, set: string, params: unknown[], what: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction((m) =>
          rawSql(
            m,
            'claim',
            `UPDATE ${tableOf(m, EmailEntity)} SET ${set} WHERE "id" = $1 AND "claim_token" = $2`,
            [email.id, email.claim_token, ...params],
          ),
        );
        return;
      } catch (error) {
        if (attempt >= 3) {
          this.log.error(
            `email ${email.id}: could not record "${what}": ${(error as Error).message}; it will be retried when its lease ends`,
          );
          return;
        }
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }
}
