import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { type Principal, principalId } from '@claimline/contracts/common';
import {
  MAX_PAYMENTS_PAGE,
  PaymentsEventTypes,
  type ClaimPaymentOverview,
  type ClientLedgerQuery,
  type ClientLedgerView,
  type EraRefDto,
  type EraTransactionView,
  type ListErasQuery,
  type ListUnmatchedQuery,
  type PaymentsEvents,
  type PaymentsPage,
  type ResolveUnmatchedCommand,
  type UnmatchedView,
} from '@claimline/contracts/payments';
import { buildClientLedger, type LedgerEntry } from '@claimline/payments';
import { Outbox, RpcError } from '@claimline/backend/util-nats';
import { findInPractice } from '@claimline/backend/util-persistence';
import { ClaimRefEntity } from '../claims-ref/entities/claim-ref.entity';
import { SCHEMA } from '../config/env';
import { LedgerEntryEntity } from '../ledger/entities/ledger-entry.entity';
import { ClaimResultEntity } from './entities/claim-result.entity';
import { EraTransactionEntity } from './entities/era-transaction.entity';
import { PaymentAdjustmentEntity } from './entities/payment-adjustment.entity';
import { PostingEntity } from './entities/posting.entity';
import { UnmatchedClaimEntity } from './entities/unmatched-claim.entity';
import { ledgerDate } from './posting-writer';
import { toPostingView, toTransactionView, toUnmatchedView } from './payment-views';

const DEFAULT_PAGE = 50;

/** What billers read of payments, and the unmatched queue's hand work. */
@Injectable()
export class PaymentsService {
  private readonly outbox = new Outbox<PaymentsEvents>(SCHEMA);

  constructor(private readonly db: DataSource) {}

  async listEras(q: ListErasQuery): Promise<PaymentsPage<EraTransactionView>> {
    const limit = Math.min(q.limit ?? DEFAULT_PAGE, MAX_PAYMENTS_PAGE);
    const offset = q.offset ?? 0;
    const [rows, total] = await this.db.manager.findAndCount(EraTransactionEntity, {
      where: { practiceId: q.practiceId, ...(q.status && { status: q.status }) },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    const plb = rows.length
      ? await this.db.manager.find(PaymentAdjustmentEntity, {
          where: { transactionId: In(rows.map((r) => r.id)) },
          order: { seq: 'ASC' },
        })
      : [];
    return {
      items: rows.map((r) =>
        toTransactionView(
          r,
          plb.filter((a) => a.transactionId === r.id),
        ),
      ),
      total,
      limit,
      offset,
    };
  }

  async getEra(q: EraRefDto): Promise<EraTransactionView> {
    const t = await findInPractice(
      this.db.manager,
      EraTransactionEntity,
      'ERA transaction',
      q.practiceId,
      q.transactionId,
    );
    const plb = await this.db.manager.find(PaymentAdjustmentEntity, {
      where: { transactionId: t.id },
      order: { seq: 'ASC' },
    });
    return toTransactionView(t, plb);
  }

  /** A claim's postings (history included) and its result over those in force. */
  async claimOverview(practiceId: string, claimId: string): Promise<ClaimPaymentOverview> {
    const ref = await this.db.manager.findOneBy(ClaimRefEntity, { claimId, practiceId });
    const result = await this.db.manager.findOneBy(ClaimResultEntity, { claimId, practiceId });
    if (!ref && !result) throw RpcError.notFound('Claim', claimId);
    const postings = await this.db.manager.find(PostingEntity, {
      where: { claimId, practiceId },
      order: { createdAt: 'ASC', postingKey: 'ASC' },
    });
    return {
      claimId,
      practiceId,
      status: result?.status ?? null,
      move: result?.move ?? null,
      chargeCents: result?.chargeCents ?? ref?.chargeCents ?? 0,
      paidCents: result?.paidCents ?? 0,
      clientResponsibilityCents: result?.clientResponsibilityCents ?? 0,
      writeOffCents: result?.writeOffCents ?? 0,
      otherAdjustmentCents: result?.otherAdjustmentCents ?? 0,
      openCents: result?.openCents ?? ref?.chargeCents ?? 0,
      flags: (result?.flags ?? []).map((f) => ({ code: f.code, message: f.message })),
      postings: postings.map(toPostingView),
    };
  }

  async listUnmatched(q: ListUnmatchedQuery): Promise<PaymentsPage<UnmatchedView>> {
    const limit = Math.min(q.limit ?? DEFAULT_PAGE, MAX_PAYMENTS_PAGE);
    const offset = q.offset ?? 0;
    const [rows, total] = await this.db.manager.findAndCount(UnmatchedClaimEntity, {
      where: { practiceId: q.practiceId, inForce: true, state: q.state ?? 'open' },
      order: { createdAt: 'ASC', postingKey: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(toUnmatchedView), total, limit, offset };
  }

  /**
   * Matches an unmatched claim payment to a claim of the practice by hand (a claim-level posting,
   * its client responsibility on the client's ledger, the claim's result and event), or posts it
   * as unapplied (kept on the payment, on no claim). Either once: an item already worked is a 409.
   */
  async resolveUnmatched(actor: Principal, cmd: ResolveUnmatchedCommand): Promise<UnmatchedView> {
    return this.db.transaction(async (m) => {
      const u = await findInPractice(
        m,
        UnmatchedClaimEntity,
        'Unmatched payment',
        cmd.practiceId,
        cmd.unmatchedId,
        {
          lock: true,
        },
      );
      if (!u.inForce)
        throw RpcError.conflict('Its ERA transaction is held for review: nothing of it is posted yet');
      if (u.state !== 'open')
        throw RpcError.conflict(`This payment was already worked (${u.state})`, { state: u.state });
      u.resolvedBy = principalId(actor);
      u.resolvedAt = new Date();
      if (cmd.action === 'unapplied') {
        u.state = 'unapplied';
        await m.save(u);
        return toUnmatchedView(u);
      }
      const claim = await m.findOneBy(ClaimRefEntity, { claimId: cmd.claimId!, practiceId: cmd.practiceId });
      if (!claim) throw RpcError.field('claimId', 'claim', 'No claim with this id in this practice');
      const tx = await m.findOneByOrFail(EraTransactionEntity, { id: u.transactionId });
      const posting = m.create(PostingEntity, {
        id: randomUUID(),
        practiceId: cmd.practiceId,
        transactionId: u.transactionId,
        postingKey: u.postingKey,
        kind: 'payment',
        claimId: claim.claimId,
        clientId: claim.clientId,
        controlNumber: u.controlNumber,
        payerClaimNumber: u.payerClaimNumber,
        statusCode: u.statusCode,
        crossover: false,
        chargeCents: u.chargeCents,
        paidCents: u.paidCents,
        clientResponsibilityCents: u.clientResponsibilityCents,
        deductibleCents: 0,
        coinsuranceCents: 0,
        copayCents: 0,
        writeOffCents: 0,
        // What the payer neither paid nor gave the client, without its CAS detail.
        otherAdjustmentCents: u.chargeCents - u.paidCents - u.clientResponsibilityCents,
        claimAdjustments: [],
        lines: [],
        reverses: null,
        reversed: false,
        inForce: true,
        flags: [{ code: 'line_unmatched', message: 'Matched to the claim by hand: no line detail' }],
        paymentDate: tx.paymentDate,
      });
      await m.insert(PostingEntity, posting);
      if (u.clientResponsibilityCents !== 0)
        await m.insert(LedgerEntryEntity, {
          id: randomUUID(),
          practiceId: cmd.practiceId,
          clientId: claim.clientId,
          kind: 'client_responsibility',
          amountCents: u.clientResponsibilityCents,
          entryDate: ledgerDate(tx.paymentDate),
          claimId: claim.claimId,
          postingId: posting.id,
        });
      await this.settleByHand(m, actor, claim, tx.id);
      u.state = 'matched';
      u.claimId = claim.claimId;
      await m.save(u);
      return toUnmatchedView(u);
    });
  }

  /** The claim's result over its postings in force, after a match by hand. */
  private async settleByHand(
    m: import('typeorm').EntityManager,
    actor: Principal,
    claim: ClaimRefEntity,
    transactionId: string,
  ): Promise<void> {
    const postings = await m.find(PostingEntity, {
      where: { claimId: claim.claimId, inForce: true, reversed: false },
    });
    const sum = (f: (p: PostingEntity) => number) =>
      postings.filter((p) => p.kind === 'payment').reduce((s, p) => s + f(p), 0);
    const paid = sum((p) => p.paidCents);
    const client = sum((p) => p.clientResponsibilityCents);
    const writeOff = sum((p) => p.writeOffCents);
    const other = sum((p) => p.otherAdjustmentCents);
    const open = claim.chargeCents - paid - client - writeOff - other;
    const status = open > 0 ? 'partly_paid' : paid === 0 && client === 0 ? 'denied' : 'paid';
    const move = status === 'paid' ? 'era_paid' : status === 'denied' ? 'era_denied' : null;
    await m.upsert(
      ClaimResultEntity,
      {
        claimId: claim.claimId,
        practiceId: claim.practiceId,
        clientId: claim.clientId,
        transactionId,
        status,
        move,
        chargeCents: claim.chargeCents,
        paidCents: paid,
        clientResponsibilityCents: client,
        deductibleCents: sum((p) => p.deductibleCents),
        writeOffCents: writeOff,
        otherAdjustmentCents: other,
        openCents: open,
        crossover: false,
        flags: [],
        updatedAt: new Date(),
      },
      ['claimId'],
    );
    await this.outbox.add(m, actor, {
      type: PaymentsEventTypes.claimAdjudicated,
      aggregateId: claim.claimId,
      practiceId: claim.practiceId,
      data: {
        claimId: claim.claimId,
        practiceId: claim.practiceId,
        clientId: claim.clientId,
        transactionId,
        result: status,
        move,
        chargeCents: claim.chargeCents,
        paidCents: paid,
        clientResponsibilityCents: client,
        writeOffCents: writeOff,
        openCents: open,
      },
    });
  }

  /** A client's ledger, its totals per kind and balance, checked to sum (`buildClientLedger`). */
  async clientLedger(q: ClientLedgerQuery): Promise<ClientLedgerView> {
    const rows = await this.db.manager.find(LedgerEntryEntity, {
      where: { practiceId: q.practiceId, clientId: q.clientId },
      order: { entryDate: 'ASC', createdAt: 'ASC' },
    });
    const entries: LedgerEntry[] = rows.map((r) => ({
      clientId: r.clientId,
      kind: r.kind,
      amount: r.amountCents,
      date: r.entryDate,
      ...(r.claimId ? { claimId: r.claimId } : {}),
    }));
    const { ledger, problems } = buildClientLedger(q.clientId, entries);
    if (problems.length)
      throw new Error(`Ledger of client ${q.clientId} does not sum: ${problems.length} problems`);
    return {
      clientId: q.clientId,
      practiceId: q.practiceId,
      entries: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        amountCents: r.amountCents,
        date: r.entryDate,
        claimId: r.claimId,
        postingId: r.postingId,
      })),
      totals: { ...ledger.totals },
      balanceCents: ledger.balance,
    };
  }
}
