import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { ClaimsEvents, ResponseKind } from '@claimline/contracts/claims';
import type { ClaimMove } from '@claimline/domain';
import { read277ca, read999, readTa1 } from '@claimline/x12';
import type { PollResult, ReceivedFile } from '@claimline/backend/clearinghouse';
import { Outbox } from '@claimline/backend/util-nats';
import { ClaimEntity } from '../claims/entities/claim.entity';
import { ClearinghouseAccounts } from '../clearinghouse/clearinghouse-accounts';
import { ClaimsEnv, SCHEMA } from '../config/env';
import { CLEARINGHOUSE_ACTOR, moveClaim } from './claim-moves';
import { ClaimSubmissionEntity } from './entities/claim-submission.entity';
import { SubmissionBatchEntity } from './entities/submission-batch.entity';
import { SubmissionResponseEntity } from './entities/submission-response.entity';
import { UnmatchedResponseEntity } from './entities/unmatched-response.entity';
import { outcomeOf277, rejected999Words, responseKinds } from './response-words';

type Outcome = 'accepted' | 'received' | 'rejected';

/**
 * Fetches the acknowledgements of every account (TA1, 999, 277CA; never the 835s, which are
 * payments-service's) every `CLEARINGHOUSE_POLL_MS`, and turns each into statuses in the ledger's
 * transaction: the file is recorded with its effects or not at all, and processed once however
 * many replicas poll (ADR 0021's `ResponseLedger`). What matches nothing of ours goes to
 * `unmatched_response`, never dropped.
 */
@Injectable()
export class AcknowledgementPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('ClearinghouseAcks');
  private readonly outbox = new Outbox<ClaimsEvents>(SCHEMA);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PollResult[]> | null = null;
  private stopped = false;

  constructor(
    private readonly env: ClaimsEnv,
    private readonly accounts: ClearinghouseAccounts,
  ) {}

  onApplicationBootstrap(): void {
    if (this.accounts.all().length) this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** Polls every account once (one poll at a time in a process). */
  pollOnce(): Promise<PollResult[]> {
    this.running ??= (async () => {
      const results: PollResult[] = [];
      for (const link of this.accounts.all())
        results.push(await link.connector.poll((file, m) => this.process(file, m)));
      return results;
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** One response file, in the ledger's transaction. */
  async process(file: ReceivedFile, m: EntityManager): Promise<void> {
    const text = file.content.toString('utf8');
    for (const kind of responseKinds(text)) {
      if (kind === 'TA1') await this.ta1(file, text, m);
      else if (kind === '999') await this.ack999(file, text, m);
      else if (kind === '277CA') await this.ack277(file, text, m);
      else await this.unmatched(m, file, 'unknown', null, 'Not a TA1, 999 or 277CA we can read');
    }
  }

  private async ta1(file: ReceivedFile, text: string, m: EntityManager): Promise<void> {
    const read = readTa1(text);
    if (!read.ok) return this.unmatched(m, file, 'TA1', null, `Unreadable TA1: ${read.error.message}`);
    for (const ack of read.value) {
      const batch = await this.batchOf(m, file.account, ack.controlNumber);
      if (!batch) {
        await this.unmatched(
          m,
          file,
          'TA1',
          ack.controlNumber,
          `No batch of ours has interchange ${ack.controlNumber}`,
        );
        continue;
      }
      const subs = await m.findBy(ClaimSubmissionEntity, { batchId: batch.id, open: true });
      if (ack.status === 'rejected') {
        const words = `The clearinghouse rejected the whole file ${batch.fileName} (TA1 note ${ack.noteCode}): ${ack.note}`;
        await this.settle(m, file, 'TA1', subs, 'rejected', words, ['batch_reject', 'reject']);
      } else {
        const words = `The clearinghouse received the file ${batch.fileName} (TA1: ${ack.note})`;
        await this.respond(m, file, 'TA1', subs, 'received', words);
      }
    }
  }

  private async ack999(file: ReceivedFile, text: string, m: EntityManager): Promise<void> {
    const read = read999(text);
    if (!read.ok) return this.unmatched(m, file, '999', null, `Unreadable 999: ${read.error.message}`);
    for (const ack of read.value) {
      const batch = await this.batchOf(m, file.account, ack.groupControlNumber);
      if (!batch) {
        await this.unmatched(
          m,
          file,
          '999',
          ack.groupControlNumber,
          `No batch of ours has group control number ${ack.groupControlNumber}`,
        );
        continue;
      }
      for (const tx of ack.transactions) {
        const subs = await m.findBy(ClaimSubmissionEntity, {
          batchId: batch.id,
          transactionControlNumber: tx.controlNumber,
        });
        if (!subs.length) {
          await this.unmatched(
            m,
            file,
            '999',
            `${ack.groupControlNumber}/${tx.controlNumber}`,
            `Batch ${batch.fileName} has no transaction ${tx.controlNumber}`,
          );
          continue;
        }
        if (tx.status === 'rejected') {
          const open = subs.filter((s) => s.open);
          await this.settle(m, file, '999', open, 'rejected', rejected999Words(file.name, tx), [
            'batch_reject',
            'reject',
          ]);
        } else {
          const words = `The clearinghouse accepted the claim's transaction ${tx.controlNumber} of ${batch.fileName} (999${tx.status === 'accepted' ? '' : `, ${tx.status}`})`;
          await this.settle(m, file, '999', subs, 'received', words, ['receive']);
        }
      }
    }
  }

  private async ack277(file: ReceivedFile, text: string, m: EntityManager): Promise<void> {
    const read = read277ca(text);
    if (!read.ok) return this.unmatched(m, file, '277CA', null, `Unreadable 277CA: ${read.error.message}`);
    for (const ack of read.value)
      for (const claim of ack.claims) {
        const sub = claim.claimId
          ? await m.findOneBy(ClaimSubmissionEntity, { patientControlNumber: claim.claimId })
          : null;
        const batch = sub ? await m.findOneBy(SubmissionBatchEntity, { id: sub.batchId }) : null;
        if (!sub || batch?.account !== file.account) {
          await this.unmatched(
            m,
            file,
            '277CA',
            claim.claimId || null,
            `No claim of ours was sent with control number ${claim.claimId || '(none)'}`,
          );
          continue;
        }
        const outcome = outcomeOf277(claim.category);
        const said = claim.statuses.map((s) => s.text).join('; ');
        if (outcome === 'rejected') {
          const words = `The payer rejected the claim (277CA): ${said}`;
          await this.settle(m, file, '277CA', [sub], 'rejected', words, ['receive', 'reject']);
        } else if (outcome === 'received') {
          await this.settle(
            m,
            file,
            '277CA',
            [sub],
            'received',
            `The payer received the claim (277CA): ${said}`,
            ['receive'],
          );
        } else {
          if (claim.payerClaimNumber) sub.payerClaimNumber = claim.payerClaimNumber;
          const words = `The payer accepted the claim${claim.payerClaimNumber ? ` as ${claim.payerClaimNumber}` : ''} (277CA): ${said}`;
          await this.settle(m, file, '277CA', [sub], 'accepted', words, ['receive', 'accept']);
        }
      }
  }

  /**
   * Records the answer on each submission and moves its claim: a 277CA by each of `moves` in turn,
   * a TA1 or 999 by the first of `moves` allowed. A final answer closes the submission.
   */
  private async settle(
    m: EntityManager,
    file: ReceivedFile,
    kind: ResponseKind,
    subs: ClaimSubmissionEntity[],
    outcome: Outcome,
    words: string,
    moves: ClaimMove[],
  ): Promise<void> {
    if (!subs.length) return;
    await this.respond(m, file, kind, subs, outcome, words);
    const claims = await m
      .createQueryBuilder(ClaimEntity, 'c')
      .setLock('pessimistic_write')
      .where('c.id IN (:...ids)', { ids: subs.map((s) => s.claimId) })
      .getMany();
    for (const sub of subs) {
      const claim = claims.find((c) => c.id === sub.claimId);
      // Only the claim's current sending moves it: an answer about a closed one is history.
      if (claim && sub.open) {
        if (kind === '277CA')
          // A payer's answer implies the clearinghouse took the claim: a 277CA read before the 999
          // still shows Received first. Moves not allowed from the status reached are skipped.
          for (const move of moves) await moveClaim(m, this.outbox, CLEARINGHOUSE_ACTOR, claim, move, words);
        else
          for (const move of moves)
            if (await moveClaim(m, this.outbox, CLEARINGHOUSE_ACTOR, claim, move, words)) break;
        if (outcome !== 'received') sub.open = false;
        sub.status = outcome;
      }
      await m.save(ClaimSubmissionEntity, sub);
    }
  }

  private async respond(
    m: EntityManager,
    file: ReceivedFile,
    kind: ResponseKind,
    subs: ClaimSubmissionEntity[],
    outcome: Outcome,
    words: string,
  ): Promise<void> {
    if (!subs.length) return;
    await m.insert(
      SubmissionResponseEntity,
      subs.map((s) => ({ submissionId: s.id, kind, fileName: file.name, outcome, words })),
    );
  }

  private async batchOf(m: EntityManager, account: string, controlNumber: string) {
    if (!/^\d{1,9}$/.test(controlNumber)) return null;
    return m.findOneBy(SubmissionBatchEntity, {
      account,
      interchangeControlNumber: String(Number(controlNumber)),
    });
  }

  private async unmatched(
    m: EntityManager,
    file: ReceivedFile,
    kind: ResponseKind,
    reference: string | null,
    reason: string,
  ): Promise<void> {
    this.log.warn(`${file.account}/${file.name}: unmatched ${kind}: ${reason}`);
    await m.insert(UnmatchedResponseEntity, {
      id: randomUUID(),
      account: file.account,
      fileName: file.name,
      kind,
      reference,
      reason,
      archivedAs: file.archivedAs,
    });
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(async () => {
      try {
        await this.pollOnce();
      } catch (error) {
        this.log.warn(`acknowledgement poll failed: ${(error as Error).message}; retrying`);
      }
      this.schedule();
    }, this.env.CLEARINGHOUSE_POLL_MS);
  }
}
