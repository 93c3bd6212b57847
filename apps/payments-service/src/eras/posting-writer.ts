import { randomUUID } from 'node:crypto';
import { EntityManager, In, Not } from 'typeorm';
import type { RemittanceHeader } from '@claimline/x12';
import type {
  ClaimPosting,
  ClaimRef,
  KnownClaim,
  PaymentAdjustment,
  PostingPorts,
  PriorPosting,
  TransactionPlan,
  UnmatchedClaim,
} from '@claimline/payments';
import { PhiCipher } from '@claimline/backend/util-crypto';
import { claimRefsByControlNumber } from '../claims-ref/claim-refs';
import { EraTransactionEntity } from './entities/era-transaction.entity';
import { PaymentAdjustmentEntity } from './entities/payment-adjustment.entity';
import { PostingEntity } from './entities/posting.entity';
import { UnmatchedClaimEntity } from './entities/unmatched-claim.entity';
import { ClaimResultEntity } from './entities/claim-result.entity';
import { LedgerEntryEntity } from '../ledger/entities/ledger-entry.entity';

/**
 * Writes one 835 transaction in the database transaction of `m`: the planner's ports read the
 * claims read model and earlier postings through it, each planned batch is written as it comes
 * (`onPlanned`), and `finish` settles the transaction (posted or held). Nothing is kept per
 * posting beyond the keys of postings a reversal undoes.
 */
export class PostingWriter implements PostingPorts {
  readonly transactionId = randomUUID();
  private readonly reversedKeys: string[] = [];
  private readonly paymentDate: string | null;

  constructor(
    private readonly m: EntityManager,
    private readonly practiceId: string,
    private readonly fileId: string,
    private readonly header: RemittanceHeader,
    private readonly cipher: PhiCipher,
  ) {
    this.paymentDate = header.payment.date ?? header.productionDate ?? null;
  }

  async isKnownTransaction(key: string): Promise<boolean> {
    return this.m.exists(EraTransactionEntity, {
      where: { practiceId: this.practiceId, transactionKey: key },
    });
  }

  /** The transaction's row first (held until `finish`): its unique key stops a racing import here. */
  async begin(transactionKey: string): Promise<void> {
    const h = this.header;
    await this.m.insert(EraTransactionEntity, {
      id: this.transactionId,
      practiceId: this.practiceId,
      fileId: this.fileId,
      transactionKey,
      status: 'held',
      why: ['being imported'],
      payerName: h.payer.name,
      payerId: h.payment.payerIdentifier ?? h.payer.id ?? null,
      traceNumber: h.payment.traceNumber ?? '',
      paymentCents: h.payment.amount,
      paymentDate: this.paymentDate,
      claimCount: 0,
      postingCount: 0,
      unmatchedCount: 0,
      accountedCents: 0,
    });
  }

  async findClaims(refs: readonly ClaimRef[]): Promise<ReadonlyMap<string, KnownClaim>> {
    const rows = await claimRefsByControlNumber(
      this.m,
      this.practiceId,
      refs.map((r) => r.controlNumber),
    );
    const out = new Map<string, KnownClaim>();
    if (rows.length === 0) return out;
    // Earlier postings in force, from other transactions: this one's are the planner's own.
    const postings = await this.m.find(PostingEntity, {
      where: {
        claimId: In(rows.map((r) => r.claimId)),
        inForce: true,
        transactionId: Not(this.transactionId),
      },
      select: {
        id: true,
        claimId: true,
        postingKey: true,
        transactionId: true,
        payerClaimNumber: true,
        statusCode: true,
        chargeCents: true,
        paidCents: true,
        clientResponsibilityCents: true,
        deductibleCents: true,
        writeOffCents: true,
        otherAdjustmentCents: true,
        lines: true,
        reversed: true,
      },
    });
    const byClaim = new Map<string, PriorPosting[]>();
    for (const p of postings) {
      const list = byClaim.get(p.claimId) ?? [];
      list.push({
        postingId: p.postingKey,
        transactionKey: p.postingKey.slice(0, p.postingKey.lastIndexOf('#')),
        payerClaimNumber: p.payerClaimNumber,
        statusCode: p.statusCode,
        charge: p.chargeCents,
        paid: p.paidCents,
        clientResponsibility: p.clientResponsibilityCents,
        deductible: p.deductibleCents,
        writeOff: p.writeOffCents,
        otherAdjustments: p.otherAdjustmentCents,
        lineIds: p.lines.flatMap((l) => (l.lineId ? [l.lineId] : [])),
        reversed: p.reversed,
      });
      byClaim.set(p.claimId, list);
    }
    for (const r of rows)
      out.set(r.controlNumber, {
        claimId: r.claimId,
        clientId: r.clientId,
        payerId: r.payerId,
        charge: r.chargeCents,
        lines: r.lines,
        postings: byClaim.get(r.claimId) ?? [],
      });
    return out;
  }

  /** `onPlanned`: one batch's postings, their client-responsibility ledger entries and unmatched claims. */
  readonly write = async (postings: ClaimPosting[], unmatched: UnmatchedClaim[]): Promise<void> => {
    const rows = postings.map((p) => this.postingRow(p));
    if (rows.length) await this.m.insert(PostingEntity, rows);
    const entries = postings.flatMap((p, i) =>
      p.clientResponsibility.total === 0
        ? []
        : [
            {
              id: randomUUID(),
              practiceId: this.practiceId,
              clientId: p.clientId,
              kind: 'client_responsibility' as const,
              amountCents: p.clientResponsibility.total,
              entryDate: ledgerDate(this.paymentDate),
              claimId: p.claimId,
              postingId: rows[i].id,
            },
          ],
    );
    if (entries.length) await this.m.insert(LedgerEntryEntity, entries);
    for (const p of postings) if (p.reverses) this.reversedKeys.push(p.reverses);
    if (unmatched.length)
      await this.m.insert(
        UnmatchedClaimEntity,
        unmatched.map((u) => this.unmatchedRow(u)),
      );
  };

  private postingRow(p: ClaimPosting): PostingEntity {
    return this.m.create(PostingEntity, {
      id: randomUUID(),
      practiceId: this.practiceId,
      transactionId: this.transactionId,
      postingKey: p.postingKey,
      kind: p.kind,
      claimId: p.claimId,
      clientId: p.clientId,
      controlNumber: p.controlNumber,
      payerClaimNumber: p.payerClaimNumber,
      statusCode: p.statusCode,
      crossover: p.crossover,
      chargeCents: p.charge,
      paidCents: p.paid,
      clientResponsibilityCents: p.clientResponsibility.total,
      deductibleCents: p.clientResponsibility.deductible,
      coinsuranceCents: p.clientResponsibility.coinsurance,
      copayCents: p.clientResponsibility.copay,
      writeOffCents: p.writeOff,
      otherAdjustmentCents: p.otherAdjustments,
      claimAdjustments: [...p.claimAdjustments],
      lines: [...p.lines],
      reverses: p.reverses ?? null,
      reversed: false,
      inForce: true,
      flags: [...p.flags],
      paymentDate: this.paymentDate,
    });
  }

  private unmatchedRow(u: UnmatchedClaim): UnmatchedClaimEntity {
    const id = randomUUID();
    return this.m.create(UnmatchedClaimEntity, {
      id,
      practiceId: this.practiceId,
      transactionId: this.transactionId,
      postingKey: u.postingKey,
      reason: u.reason,
      controlNumber: u.controlNumber,
      payerClaimNumber: u.payerClaimNumber,
      statusCode: u.statusCode,
      chargeCents: u.charge,
      paidCents: u.paid,
      clientResponsibilityCents: u.clientResponsibility,
      patientEnc: u.patient ? this.cipher.encrypt(JSON.stringify(u.patient), `unmatched:${id}`) : null,
      serviceDateFrom: u.serviceDateFrom ?? null,
      lineCount: u.lineCount,
      state: 'open',
      inForce: true,
      claimId: null,
      resolvedBy: null,
      resolvedAt: null,
    });
  }

  /**
   * Settles the transaction: counts, PLB, and either its postings in force (the ones it reverses
   * marked, each claim's result kept) or, held, nothing in force and no ledger entry.
   */
  async finish(plan: TransactionPlan): Promise<void> {
    const held = plan.status !== 'post';
    await this.m.update(
      EraTransactionEntity,
      { id: this.transactionId },
      {
        status: held ? 'held' : 'posted',
        why: [...plan.why],
        claimCount: plan.claimCount,
        postingCount: plan.postingCount,
        unmatchedCount: plan.unmatchedCount,
        accountedCents: plan.accountedAmount,
      },
    );
    if (plan.paymentAdjustments.length)
      await this.m.insert(
        PaymentAdjustmentEntity,
        plan.paymentAdjustments.map((a: PaymentAdjustment, seq) => ({
          transactionId: this.transactionId,
          seq,
          providerId: a.providerId,
          reasonCode: a.reasonCode,
          reference: a.reference ?? null,
          kind: a.kind,
          amountCents: a.amount,
        })),
      );
    if (held) {
      await this.m.update(PostingEntity, { transactionId: this.transactionId }, { inForce: false });
      await this.m.update(UnmatchedClaimEntity, { transactionId: this.transactionId }, { inForce: false });
      await this.m
        .createQueryBuilder()
        .delete()
        .from(LedgerEntryEntity)
        .where(
          `posting_id IN (SELECT id FROM ${this.m.connection.getMetadata(PostingEntity).tablePath} WHERE transaction_id = :t)`,
          { t: this.transactionId },
        )
        .execute();
      return;
    }
    for (let i = 0; i < this.reversedKeys.length; i += 1000)
      await this.m.update(
        PostingEntity,
        { practiceId: this.practiceId, postingKey: In(this.reversedKeys.slice(i, i + 1000)) },
        { reversed: true },
      );
    const results = plan.results.map((r) =>
      this.m.create(ClaimResultEntity, {
        claimId: r.claimId,
        practiceId: this.practiceId,
        clientId: r.clientId,
        transactionId: this.transactionId,
        status: r.status,
        move: r.move,
        chargeCents: r.charge,
        paidCents: r.paid,
        clientResponsibilityCents: r.clientResponsibility,
        deductibleCents: r.deductible,
        writeOffCents: r.writeOff,
        otherAdjustmentCents: r.otherAdjustments,
        openCents: r.open,
        crossover: r.crossover,
        flags: [...r.flags],
        updatedAt: new Date(),
      }),
    );
    for (let i = 0; i < results.length; i += 1000)
      await this.m.upsert(ClaimResultEntity, results.slice(i, i + 1000), ['claimId']);
  }
}

/** The ledger's date of an ERA entry: the payment date when it is a real date, else today. */
export function ledgerDate(paymentDate: string | null): string {
  const today = new Date().toISOString().slice(0, 10);
  if (!paymentDate || !/^\d{4}-\d{2}-\d{2}$/.test(paymentDate)) return today;
  const d = new Date(`${paymentDate}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === paymentDate ? paymentDate : today;
}
