import type {
  EraTransactionView,
  LinePostingView,
  PostingView,
  UnmatchedView,
} from '@claimline/contracts/payments';
import type { ClassifiedAdjustment, LinePosting } from '@claimline/payments';
import type { EraTransactionEntity } from './entities/era-transaction.entity';
import type { PaymentAdjustmentEntity } from './entities/payment-adjustment.entity';
import type { PostingEntity } from './entities/posting.entity';
import type { UnmatchedClaimEntity } from './entities/unmatched-claim.entity';

const adjustment = (a: ClassifiedAdjustment) => ({
  group: a.group,
  reason: a.reason,
  amountCents: a.amount,
  kind: a.kind,
});

export function toTransactionView(
  t: EraTransactionEntity,
  plb: PaymentAdjustmentEntity[],
): EraTransactionView {
  return {
    id: t.id,
    practiceId: t.practiceId,
    fileId: t.fileId,
    transactionKey: t.transactionKey,
    status: t.status,
    why: t.why,
    payerName: t.payerName,
    payerId: t.payerId,
    traceNumber: t.traceNumber,
    paymentCents: t.paymentCents,
    paymentDate: t.paymentDate,
    claimCount: t.claimCount,
    postingCount: t.postingCount,
    unmatchedCount: t.unmatchedCount,
    paymentAdjustments: plb.map((a) => ({
      providerId: a.providerId,
      reasonCode: a.reasonCode,
      reference: a.reference,
      kind: a.kind,
      amountCents: a.amountCents,
    })),
    importedAt: t.createdAt.toISOString(),
  };
}

function toLineView(l: LinePosting): LinePostingView {
  return {
    lineId: l.lineId ?? null,
    matchedBy: l.matchedBy,
    code: l.code,
    modifiers: [...l.modifiers],
    serviceDate: l.serviceDate ?? null,
    chargeCents: l.charge,
    allowedCents: l.allowed,
    paidCents: l.paid,
    clientResponsibilityCents: l.clientResponsibility.total,
    writeOffCents: l.writeOff,
    otherAdjustmentCents: l.otherAdjustments,
    adjustments: l.adjustments.map(adjustment),
    remarkCodes: [...l.remarkCodes],
  };
}

export function toPostingView(p: PostingEntity): PostingView {
  return {
    id: p.id,
    transactionId: p.transactionId,
    kind: p.kind,
    payerClaimNumber: p.payerClaimNumber,
    statusCode: p.statusCode,
    crossover: p.crossover,
    chargeCents: p.chargeCents,
    paidCents: p.paidCents,
    clientResponsibilityCents: p.clientResponsibilityCents,
    deductibleCents: p.deductibleCents,
    writeOffCents: p.writeOffCents,
    otherAdjustmentCents: p.otherAdjustmentCents,
    claimAdjustments: p.claimAdjustments.map(adjustment),
    lines: p.lines.map(toLineView),
    reverses: p.reverses,
    reversed: p.reversed,
    flags: p.flags.map((f) => ({ code: f.code, message: f.message })),
    paymentDate: p.paymentDate,
    postedAt: p.createdAt.toISOString(),
  };
}

/** The patient's name stays encrypted: the queue shows the control number, dates and amounts. */
export function toUnmatchedView(u: UnmatchedClaimEntity): UnmatchedView {
  return {
    id: u.id,
    transactionId: u.transactionId,
    reason: u.reason,
    controlNumber: u.controlNumber,
    payerClaimNumber: u.payerClaimNumber,
    statusCode: u.statusCode,
    chargeCents: u.chargeCents,
    paidCents: u.paidCents,
    clientResponsibilityCents: u.clientResponsibilityCents,
    serviceDateFrom: u.serviceDateFrom,
    lineCount: u.lineCount,
    state: u.state,
    claimId: u.claimId,
    resolvedBy: u.resolvedBy,
    resolvedAt: u.resolvedAt ? u.resolvedAt.toISOString() : null,
  };
}
