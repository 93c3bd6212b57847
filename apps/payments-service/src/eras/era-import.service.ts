import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import type { Principal } from '@claimline/contracts/common';
import {
  PaymentsEventTypes,
  type EraImportTransactionView,
  type EraImportView,
  type EraSource,
  type PaymentsEvents,
} from '@claimline/contracts/payments';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { stream835 } from '@claimline/x12';
import { TransactionPlanner, transactionKey, type TransactionPlan } from '@claimline/payments';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { PaymentsEnv, SCHEMA } from '../config/env';
import { EraFiles } from './era-files';
import type { EraFileEntity } from './entities/era-file.entity';
import { PostingWriter } from './posting-writer';

export const ERA_FILES = Symbol('ERA_FILES');

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505';

interface Open {
  qr: QueryRunner;
  writer: PostingWriter;
  planner: TransactionPlanner;
  key: string;
}

/**
 * Imports an 835 of any size: the raw file is kept (encrypted) first, then read back as a stream
 * and planned claim by claim with `libs/payments`. Each ERA transaction (ST/SE) is one database
 * transaction — its row (whose unique key is the duplicate guard), postings, ledger entries,
 * unmatched claims, claim results and one `payments.claim.adjudicated` event per claim — so a
 * process killed midway leaves every transaction posted whole or not at all, and the re-import
 * posts each exactly once.
 */
@Injectable()
export class EraImportService {
  private readonly logger = new Logger(EraImportService.name);
  private readonly outbox = new Outbox<PaymentsEvents>(SCHEMA);

  constructor(
    private readonly db: DataSource,
    private readonly env: PaymentsEnv,
    private readonly cipher: PhiCipher,
    @Inject(ERA_FILES) private readonly files: EraFiles,
  ) {}

  /** Keeps the file, then imports it. */
  async importBytes(
    actor: Principal,
    practiceId: string,
    source: EraSource,
    name: string,
    importedBy: string,
    data: AsyncIterable<Uint8Array | string>,
  ): Promise<EraImportView> {
    const file = await this.files.store(practiceId, source, name, importedBy, data);
    return this.importFile(actor, file);
  }

  async importFile(actor: Principal, file: EraFileEntity): Promise<EraImportView> {
    const transactions: EraImportTransactionView[] = [];
    const seen = new Set<string>();
    let open: Open | null = null;
    let skipping: { key: string; paymentCents: number; claims: number } | null = null;
    try {
      for await (const e of stream835(this.files.open(file))) {
        if (e.kind === 'error')
          throw RpcError.field('file', 'x12', `The file is not a readable 835: ${e.error.message}`);
        if (e.kind === 'header') {
          const key = transactionKey(e.header);
          const qr = this.db.createQueryRunner();
          await qr.connect();
          await qr.startTransaction();
          const writer = new PostingWriter(qr.manager, file.practiceId, file.id, e.header, this.cipher);
          let known = seen.has(key) || (await writer.isKnownTransaction(key));
          if (!known) {
            try {
              await writer.begin(key);
            } catch (error) {
              // Another import of the same payment committed first: this one is the duplicate.
              if (!isUniqueViolation(error)) throw error;
              known = true;
            }
          }
          seen.add(key);
          if (known) {
            await qr.rollbackTransaction();
            await qr.release();
            skipping = { key, paymentCents: e.header.payment.amount, claims: 0 };
            continue;
          }
          // Known or not was settled above (the row now exists): the planner only plans.
          const ports = { findClaims: writer.findClaims.bind(writer), isKnownTransaction: () => false };
          const planner = await TransactionPlanner.start(e.header, ports, new Set(), {
            batchSize: this.env.ERA_BATCH_SIZE,
            onPlanned: writer.write,
          });
          open = { qr, writer, planner, key };
        } else if (e.kind === 'claim') {
          if (skipping) skipping.claims++;
          else if (open) await open.planner.claim(e.claim);
        } else if (e.kind === 'end') {
          if (skipping) {
            transactions.push({
              transactionKey: skipping.key,
              outcome: 'duplicate',
              transactionId: null,
              message:
                'This payment was already imported (same payer, trace number, amount and date): nothing was posted again',
              paymentCents: skipping.paymentCents,
              claimCount: skipping.claims,
              postingCount: 0,
              unmatchedCount: 0,
            });
            skipping = null;
          } else if (open) {
            const plan = await open.planner.end(e.providerAdjustments);
            await open.writer.finish(plan);
            if (plan.status === 'post') await this.announce(open, actor, file.practiceId, plan);
            await open.qr.commitTransaction();
            await open.qr.release();
            transactions.push(outcomeOf(open.writer.transactionId, plan));
            open = null;
          }
        }
      }
    } finally {
      if (open) {
        await open.qr.rollbackTransaction().catch(() => undefined);
        await open.qr.release();
      }
    }
    if (transactions.length === 0) throw RpcError.field('file', 'x12', 'The file holds no 835 transaction');
    this.logger.log(`ERA file ${file.id}: ${transactions.map((t) => t.outcome).join(', ')}`);
    return { fileId: file.id, fileName: file.name, size: file.size, transactions };
  }

  /** One event per claim result: ids and amounts only (ADR 0015). */
  private async announce(open: Open, actor: Principal, practiceId: string, plan: TransactionPlan) {
    const events = plan.results.map((r) => ({
      type: PaymentsEventTypes.claimAdjudicated,
      aggregateId: r.claimId,
      practiceId,
      data: {
        claimId: r.claimId,
        practiceId,
        clientId: r.clientId,
        transactionId: open.writer.transactionId,
        result: r.status,
        move: r.move,
        chargeCents: r.charge,
        paidCents: r.paid,
        clientResponsibilityCents: r.clientResponsibility,
        writeOffCents: r.writeOff,
        openCents: r.open,
      },
    }));
    for (let i = 0; i < events.length; i += 1000)
      await this.outbox.add(open.qr.manager, actor, events.slice(i, i + 1000));
  }
}

function outcomeOf(transactionId: string, plan: TransactionPlan): EraImportTransactionView {
  const held = plan.status !== 'post';
  return {
    transactionKey: plan.transactionKey,
    outcome: held ? 'held' : 'posted',
    transactionId,
    message: held
      ? `Held for review, not posted: ${plan.why.join('; ')}`
      : `Posted ${plan.postingCount} claim payments${plan.unmatchedCount ? `, ${plan.unmatchedCount} to the unmatched queue` : ''}`,
    paymentCents: plan.paymentAmount,
    claimCount: plan.claimCount,
    postingCount: plan.postingCount,
    unmatchedCount: plan.unmatchedCount,
  };
}
