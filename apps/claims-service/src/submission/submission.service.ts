import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import { principalId } from '@claimline/contracts/common';
import {
  ClaimSubmissionHistoryQuery,
  type ClaimSubmissionHistoryView,
  type RejectedClaimPage,
  type SubmissionBatchPage,
  type SubmissionBatchView,
  SubmissionPageQuery,
  type SubmissionRefusalView,
  SubmitClaimsCommand,
  type SubmitClaimsResult,
  UnmatchedResponsesQuery,
  type UnmatchedResponsePage,
} from '@claimline/contracts/claims';
import { checkClaimMove } from '@claimline/domain';
import { type ClaimSnapshot, patientControlNumber, type ScrubFinding } from '@claimline/claims';
import { uploadFileName } from '@claimline/backend/clearinghouse';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { RpcError } from '@claimline/backend/util-nats';
import { findInPractice, rawSql } from '@claimline/backend/util-persistence';
import { ClaimEntity } from '../claims/entities/claim.entity';
import { ClaimStatusHistoryEntity } from '../claims/entities/claim-status-history.entity';
import { eachLimited } from '../claims/claim-sources.client';
import { ClaimsService } from '../claims/claims.service';
import { DOWNLOAD_837P_CONFIG } from '../claims/submission-config';
import { ClearinghouseAccounts } from '../clearinghouse/clearinghouse-accounts';
import { ClaimsEnv } from '../config/env';
import { crashAt } from './crash-point';
import { ClaimSubmissionEntity } from './entities/claim-submission.entity';
import { SubmissionBatchEntity } from './entities/submission-batch.entity';
import { SubmissionResponseEntity } from './entities/submission-response.entity';
import { UnmatchedResponseEntity } from './entities/unmatched-response.entity';
import { writeInterchange837 } from './interchange';

const DEFAULT_PAGE = 50;
/** Statuses a claim is sent from (Rejected once it scrubs clean again: a new submission). */
const SENDABLE = new Set(['prepared', 'downloaded', 'scrub', 'rejected']);

export const toBatchView = (b: SubmissionBatchEntity): SubmissionBatchView => ({
  id: b.id,
  practiceId: b.practiceId,
  account: b.account,
  fileName: b.fileName,
  interchangeControlNumber: String(b.interchangeControlNumber).padStart(9, '0'),
  payerId: b.payerId,
  payerName: b.payerName,
  status: b.status,
  claimCount: b.claimCount,
  error: b.error,
  createdAt: b.createdAt.toISOString(),
  uploadedAt: b.uploadedAt ? b.uploadedAt.toISOString() : null,
});

/**
 * Sending claims (ADR 0023): each claim is scrubbed again (which asks enrollments' claim-filing
 * check), the ones that pass are grouped into one 837P interchange per payer of the practice and
 * recorded — batch, its encrypted bytes, file name and control numbers, one open submission per
 * claim — in one transaction before anything leaves. The upload worker sends them.
 */
@Injectable()
export class SubmissionService {
  private readonly log = new Logger('SubmissionService');
  /** Called after a batch is recorded, so the upload worker starts at once. */
  onRecorded: () => void = () => undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: ClaimsService,
    private readonly accounts: ClearinghouseAccounts,
    private readonly cipher: PhiCipher,
    private readonly env: ClaimsEnv,
  ) {}

  async submit(actor: Principal, cmd: SubmitClaimsCommand): Promise<SubmitClaimsResult> {
    const link = this.accounts.pick(cmd.account);
    const account = link.configured.account;
    const rows = await this.db.manager.findBy(ClaimEntity, {
      practiceId: cmd.practiceId,
      id: In(cmd.claimIds),
    });
    const missing = cmd.claimIds.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw RpcError.notFound('Claim', missing);
    const open = new Set(
      (
        await this.db.manager.find(ClaimSubmissionEntity, {
          select: { claimId: true },
          where: { claimId: In(cmd.claimIds), open: true },
        })
      ).map((s) => s.claimId),
    );
    const refused: SubmissionRefusalView[] = [];
    const refuse = (c: ClaimEntity, code: string, reason: string): void => {
      refused.push({ claimId: c.id, patientControlNumber: c.patientControlNumber, code, reason });
    };

    // Scrubbed again, one by one: the parties may have changed since the claim was made, and the
    // claim-filing enrollment is asked again (a payer that needs one refuses the claim without it).
    const ready: ClaimEntity[] = [];
    await eachLimited(rows, async (claim) => {
      if (claim.filedOutside)
        return refuse(claim, 'filed_outside', 'A claim filed outside Claimline is never submitted');
      if (open.has(claim.id))
        return refuse(claim, 'in_batch', 'The claim is already in a batch waiting for an answer');
      if (!SENDABLE.has(claim.status)) {
        const check = checkClaimMove(claim.status, 'submit');
        return refuse(claim, 'status', check.ok ? `Status ${claim.status}` : check.message);
      }
      try {
        const view = await this.claims.scrub(actor, {
          practiceId: cmd.practiceId,
          claimId: claim.id,
          version: claim.version,
        });
        if (view.status !== 'prepared' && view.status !== 'downloaded') {
          const errors = (view.findings as ScrubFinding[]).filter((f) => f.severity === 'error');
          const enrollment = errors.some((f) => f.code.startsWith('enrollment.'));
          return refuse(
            claim,
            enrollment ? 'enrollment' : 'scrub',
            errors.map((f) => f.message).join('; ') || `The claim is in status ${view.status}`,
          );
        }
        ready.push(claim);
      } catch (error) {
        refuse(claim, 'scrub', error instanceof Error ? error.message : String(error));
      }
    });

    // Read again after scrubbing (the snapshot and version changed), grouped by payer.
    const fresh = ready.length
      ? await this.db.manager.findBy(ClaimEntity, { id: In(ready.map((c) => c.id)) })
      : [];
    const sends = await this.resubmissions(fresh.map((c) => c.id));
    const byPayer = new Map<string, ClaimEntity[]>();
    for (const id of cmd.claimIds) {
      const c = fresh.find((f) => f.id === id);
      if (!c) continue;
      byPayer.set(c.payerId, [...(byPayer.get(c.payerId) ?? []), c]);
    }

    const batches: SubmissionBatchView[] = [];
    for (const group of byPayer.values()) {
      const snapshots: ClaimSnapshot[] = group.map((c) => {
        const { snapshot } = JSON.parse(this.cipher.decrypt(c.payloadCiphertext, `claim:${c.id}`)) as {
          snapshot: ClaimSnapshot;
        };
        // The n-th sending of a claim goes as CLM01 `-n`: each answer names the sending it is about.
        return {
          ...snapshot,
          patientControlNumber: patientControlNumber(Number(c.sequence), sends.get(c.id) ?? 0),
        };
      });
      const [{ icn }] = await rawSql<{ icn: string }>(
        this.db,
        'set-based',
        // A sequence has no entity.
        `SELECT nextval('"claims"."interchange_control_seq"')::text AS icn`,
      );
      const createdAt = new Date();
      const config = {
        ...DOWNLOAD_837P_CONFIG,
        usage: account.interchange.usage,
        interchangeSender: {
          qualifier: account.interchange.senderQualifier,
          id: account.interchange.senderId,
        },
        interchangeReceiver: {
          qualifier: account.interchange.receiverQualifier,
          id: account.interchange.receiverId,
        },
        applicationSender: account.interchange.applicationSender,
        applicationReceiver: account.interchange.applicationReceiver,
        submitter: { ...DOWNLOAD_837P_CONFIG.submitter, id: account.interchange.senderId.trim() },
        receiver: { name: account.name.toUpperCase(), id: account.interchange.receiverId.trim() },
      };
      const written = writeInterchange837(snapshots, config, Number(icn), createdAt);
      for (const r of written.refused) {
        const c = group.find((g) => g.id === r.claimId);
        if (c) refuse(c, 'x12', r.reason);
      }
      if (!written.written.length) continue;
      const batch = await this.record(actor, cmd.practiceId, account.name, group, written, {
        icn,
        createdAt,
        fileName: uploadFileName(account, Number(icn), createdAt),
        refuse,
      });
      if (batch) batches.push(toBatchView(batch));
    }
    if (batches.length) {
      crashAt(this.env, 'after-batch-recorded');
      this.onRecorded();
    }
    return { batches, refused };
  }

  /** How many times each claim was sent before: its next CLM01 suffix. */
  private async resubmissions(claimIds: string[]): Promise<Map<string, number>> {
    if (!claimIds.length) return new Map();
    const rows = await this.db.manager
      .createQueryBuilder(ClaimSubmissionEntity, 's')
      .select('s.claimId', 'claimId')
      .addSelect('count(*)::int', 'n')
      .where('s.claimId IN (:...ids)', { ids: claimIds })
      .groupBy('s.claimId')
      .getRawMany<{ claimId: string; n: number }>();
    return new Map(rows.map((r) => [r.claimId, r.n]));
  }

  /**
   * The batch, its bytes (encrypted) and one open submission per claim, in one transaction with the
   * claims locked: a claim changed or sent meanwhile is refused and the batch holds the rest.
   */
  private async record(
    actor: Principal,
    practiceId: string,
    account: string,
    group: ClaimEntity[],
    written: ReturnType<typeof writeInterchange837>,
    meta: {
      icn: string;
      createdAt: Date;
      fileName: string;
      refuse: (c: ClaimEntity, code: string, reason: string) => void;
    },
  ): Promise<SubmissionBatchEntity | null> {
    return this.db.transaction(async (m) => {
      const ids = written.written.map((w) => w.claimId);
      const locked = await m
        .createQueryBuilder(ClaimEntity, 'c')
        .setLock('pessimistic_write')
        .where('c.id IN (:...ids)', { ids })
        .getMany();
      const openNow = new Set(
        (await m.find(ClaimSubmissionEntity, { where: { claimId: In(ids), open: true } })).map(
          (s) => s.claimId,
        ),
      );
      const before = new Map(group.map((c) => [c.id, c]));
      const changed = locked.filter(
        (c) => c.version !== before.get(c.id)?.version || openNow.has(c.id) || !SENDABLE.has(c.status),
      );
      if (changed.length) {
        // Written together: one changed claim means the file is not what we would send now.
        for (const c of changed)
          meta.refuse(c, 'changed', 'The claim changed or was sent meanwhile; submit it again');
        for (const c of locked.filter((l) => !changed.includes(l)))
          meta.refuse(c, 'changed', 'Another claim of its batch changed meanwhile; submit it again');
        return null;
      }
      const batch = m.create(SubmissionBatchEntity, {
        id: randomUUID(),
        practiceId,
        account,
        fileName: meta.fileName,
        interchangeControlNumber: meta.icn,
        payerId: group[0].payerId,
        payerName: group[0].payerName,
        status: 'pending',
        claimCount: written.written.length,
        contentCiphertext: '',
        error: null,
        attempts: 0,
        createdBy: principalId(actor),
        createdAt: meta.createdAt,
        uploadedAt: null,
      });
      batch.contentCiphertext = this.cipher.encrypt(written.x12, `submission-batch:${batch.id}`);
      await m.insert(SubmissionBatchEntity, batch);
      await m.insert(
        ClaimSubmissionEntity,
        written.written.map((w) =>
          m.create(ClaimSubmissionEntity, {
            id: randomUUID(),
            claimId: w.claimId,
            batchId: batch.id,
            practiceId,
            patientControlNumber: w.patientControlNumber,
            transactionControlNumber: w.transactionControlNumber,
            status: 'pending',
            open: true,
            payerClaimNumber: null,
          }),
        ),
      );
      this.log.log(`batch ${batch.fileName}: ${written.written.length} claims recorded`);
      return batch;
    });
  }

  /** The interchange of a batch, decrypted (for the upload). */
  content(batch: SubmissionBatchEntity): string {
    return this.cipher.decrypt(batch.contentCiphertext, `submission-batch:${batch.id}`);
  }

  async batches(q: SubmissionPageQuery): Promise<SubmissionBatchPage> {
    const limit = q.limit ?? DEFAULT_PAGE;
    const offset = q.offset ?? 0;
    const [rows, total] = await this.db.manager.findAndCount(SubmissionBatchEntity, {
      where: { practiceId: q.practiceId },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toBatchView), total, limit, offset };
  }

  /** The rejection work queue: rejected claims with the latest reason, oldest rejection first. */
  async rejected(q: SubmissionPageQuery): Promise<RejectedClaimPage> {
    const limit = q.limit ?? DEFAULT_PAGE;
    const offset = q.offset ?? 0;
    const [claims, total] = await this.db.manager.findAndCount(ClaimEntity, {
      where: { practiceId: q.practiceId, status: 'rejected' },
      order: { updatedAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const ids = claims.map((c) => c.id);
    const history = ids.length
      ? await this.db.manager.find(ClaimStatusHistoryEntity, {
          where: { claimId: In(ids), toStatus: 'rejected' },
          order: { id: 'DESC' },
        })
      : [];
    const counts = await this.resubmissions(ids);
    return {
      items: claims.map((c) => {
        const last = history.find((h) => h.claimId === c.id);
        return {
          claimId: c.id,
          patientControlNumber: c.patientControlNumber,
          clientId: c.clientId,
          payerName: c.payerName,
          totalCents: c.totalCents,
          version: c.version,
          reason: last?.reason ?? 'Rejected',
          rejectedAt: (last?.at ?? c.updatedAt).toISOString(),
          submissions: counts.get(c.id) ?? 0,
        };
      }),
      total,
      limit,
      offset,
    };
  }

  async history(q: ClaimSubmissionHistoryQuery): Promise<ClaimSubmissionHistoryView> {
    const claim = await findInPractice(this.db.manager, ClaimEntity, 'Claim', q.practiceId, q.claimId);
    const submissions = await this.db.manager.find(ClaimSubmissionEntity, {
      where: { claimId: claim.id },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const ids = submissions.map((s) => s.id);
    const [batches, responses] = ids.length
      ? await Promise.all([
          this.db.manager.findBy(SubmissionBatchEntity, { id: In(submissions.map((s) => s.batchId)) }),
          this.db.manager.find(SubmissionResponseEntity, {
            where: { submissionId: In(ids) },
            order: { id: 'ASC' },
          }),
        ])
      : [[], []];
    return {
      claimId: claim.id,
      status: claim.status,
      submissions: submissions.map((s) => ({
        id: s.id,
        batchId: s.batchId,
        fileName: batches.find((b) => b.id === s.batchId)?.fileName ?? '',
        patientControlNumber: s.patientControlNumber,
        transactionControlNumber: s.transactionControlNumber,
        status: s.status,
        payerClaimNumber: s.payerClaimNumber,
        createdAt: s.createdAt.toISOString(),
        responses: responses
          .filter((r) => r.submissionId === s.id)
          .map((r) => ({
            kind: r.kind,
            fileName: r.fileName,
            outcome: r.outcome,
            words: r.words,
            at: r.at.toISOString(),
          })),
      })),
    };
  }

  async unmatched(q: UnmatchedResponsesQuery): Promise<UnmatchedResponsePage> {
    const limit = q.limit ?? DEFAULT_PAGE;
    const offset = q.offset ?? 0;
    const [rows, total] = await this.db.manager.findAndCount(UnmatchedResponseEntity, {
      order: { receivedAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        account: r.account,
        fileName: r.fileName,
        kind: r.kind,
        reference: r.reference,
        reason: r.reason,
        receivedAt: r.receivedAt.toISOString(),
      })),
      total,
      limit,
      offset,
    };
  }
}
