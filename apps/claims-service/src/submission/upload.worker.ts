import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { ClaimsEvents } from '@claimline/contracts/claims';
import {
  HostKeyRefusedError,
  LoginRefusedError,
  RemoteFileConflictError,
} from '@claimline/backend/clearinghouse';
import { Outbox } from '@claimline/backend/util-nats';
import { rawSql } from '@claimline/backend/util-persistence';
import { ClaimEntity } from '../claims/entities/claim.entity';
import { ClearinghouseAccounts } from '../clearinghouse/clearinghouse-accounts';
import { ClaimsEnv, SCHEMA } from '../config/env';
import { CLEARINGHOUSE_ACTOR, moveClaim } from './claim-moves';
import { crashAt } from './crash-point';
import { ClaimSubmissionEntity } from './entities/claim-submission.entity';
import { SubmissionBatchEntity } from './entities/submission-batch.entity';
import { SubmissionService } from './submission.service';

/** Refusals that another try would only repeat (a clearinghouse locks an account after a few bad logins). */
const FINAL = [LoginRefusedError, HostKeyRefusedError, RemoteFileConflictError];

export type UploadOutcome = 'uploaded' | 'failed' | 'retry' | 'none';

/**
 * Uploads recorded batches (ADR 0023). Each round takes one pending batch with `FOR UPDATE SKIP
 * LOCKED` (another replica takes another one), uploads it while holding the row, then in the same
 * transaction marks it uploaded and moves its claims to Submitted. A crash after the upload leaves
 * the batch pending: the next round uploads again under the same name, the connector finds the
 * whole file there and nothing is sent twice. A refused login or host key fails the batch for good
 * (its claims can be submitted again); a connection that stays down leaves it for the next round.
 */
@Injectable()
export class UploadWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('SubmissionUpload');
  private readonly outbox = new Outbox<ClaimsEvents>(SCHEMA);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: ClaimsEnv,
    private readonly accounts: ClearinghouseAccounts,
    private readonly submissions: SubmissionService,
  ) {
    submissions.onRecorded = () =>
      void this.drain().catch((e: Error) => this.log.warn(`upload round failed: ${e.message}`));
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Uploads every pending batch it can take now (one run at a time in a process). */
  drain(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        let outcome: UploadOutcome;
        do outcome = await this.uploadOne();
        while (!this.stopped && (outcome === 'uploaded' || outcome === 'failed'));
      } while (this.again && !this.stopped);
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** One batch: uploaded and recorded, failed for good, left for later, or none waiting. */
  uploadOne(): Promise<UploadOutcome> {
    return this.db.transaction(async (m) => {
      const [row] = await rawSql<{ id: string }>(
        m,
        'claim',
        // One batch per replica at a time; a batch being uploaded elsewhere is skipped.
        `SELECT "id" FROM "claims"."submission_batch" WHERE "status" = 'pending'
          ORDER BY "created_at", "id" LIMIT 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!row) return 'none';
      const batch = await m.findOneByOrFail(SubmissionBatchEntity, { id: row.id });
      const link = this.accounts.get(batch.account);
      batch.attempts += 1;
      if (!link) {
        batch.error = `The clearinghouse account "${batch.account}" is not configured`;
        await m.save(batch);
        this.log.warn(`${batch.fileName}: ${batch.error}`);
        return 'retry';
      }
      try {
        await link.connector.upload(batch.fileName, this.submissions.content(batch));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        batch.error = message;
        if (FINAL.some((kind) => error instanceof kind)) {
          await this.fail(m, batch, message);
          this.log.error(`${batch.fileName}: not sent, not retried: ${message}`);
          return 'failed';
        }
        await m.save(batch);
        this.log.warn(`${batch.fileName}: upload failed, left for the next round: ${message}`);
        return 'retry';
      }
      crashAt(this.env, 'after-upload');
      await this.recordUploaded(m, batch);
      return 'uploaded';
    });
  }

  private async recordUploaded(m: EntityManager, batch: SubmissionBatchEntity): Promise<void> {
    batch.status = 'uploaded';
    batch.uploadedAt = new Date();
    batch.error = null;
    await m.save(batch);
    const subs = await m.findBy(ClaimSubmissionEntity, { batchId: batch.id });
    await m.update(ClaimSubmissionEntity, { batchId: batch.id, status: 'pending' }, { status: 'submitted' });
    const claims = await m
      .createQueryBuilder(ClaimEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id IN (:...ids)', { ids: subs.map((s) => s.claimId) })
      .getMany();
    const icn = String(batch.interchangeControlNumber).padStart(9, '0');
    for (const claim of claims) {
      const moved = await moveClaim(
        m,
        this.outbox,
        CLEARINGHOUSE_ACTOR,
        claim,
        'submit',
        `Sent to the clearinghouse (account ${batch.account}) in ${batch.fileName}, interchange ${icn}`,
      );
      if (!moved)
        this.log.warn(`claim ${claim.id} was sent in ${batch.fileName} from status ${claim.status}`);
    }
    this.log.log(`${batch.fileName}: uploaded, ${claims.length} claims Submitted`);
  }

  /** Not sent and never will be: the claims leave the batch and can be submitted again. */
  private async fail(m: EntityManager, batch: SubmissionBatchEntity, message: string): Promise<void> {
    batch.status = 'failed';
    batch.error = message;
    await m.save(batch);
    const subs = await m.findBy(ClaimSubmissionEntity, { batchId: batch.id });
    if (subs.length)
      await m.update(
        ClaimSubmissionEntity,
        { id: In(subs.map((s) => s.id)) },
        { status: 'not_sent', open: false },
      );
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      try {
        await this.drain();
      } catch (error) {
        this.log.warn(`upload round failed: ${(error as Error).message}; retrying`);
      }
      this.schedule();
    }, this.env.SUBMISSION_UPLOAD_POLL_MS);
  }
}
