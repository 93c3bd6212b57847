import type { ClaimHistoryView, ClaimSummaryView, ClaimView } from '@claimline/contracts/claims';
import { CLAIM_STATUS_LABELS } from '@claimline/domain';
import type { ClaimSnapshot, ScrubFinding } from '@claimline/claims';
import type { ClaimEntity } from './entities/claim.entity';
import type { ClaimStatusHistoryEntity } from './entities/claim-status-history.entity';

/** What `payload_ciphertext` holds: the snapshot as made (or as last re-scrubbed) and its findings. */
export interface ClaimPayload {
  snapshot: ClaimSnapshot;
  findings: ScrubFinding[];
}

const fullName = (p: { firstName?: string; lastName?: string; middleName?: string; name?: string }) =>
  [p.firstName, p.middleName, p.lastName ?? p.name].filter(Boolean).join(' ');

export function toClaimSummary(c: ClaimEntity): ClaimSummaryView {
  return {
    id: c.id,
    practiceId: c.practiceId,
    patientControlNumber: c.patientControlNumber,
    status: c.status,
    statusLabel: CLAIM_STATUS_LABELS[c.status],
    clientId: c.clientId,
    policyId: c.policyId,
    payerId: c.payerId,
    payerName: c.payerName,
    renderingTeamMemberId: c.renderingTeamMemberId,
    serviceFrom: c.serviceFrom,
    serviceTo: c.serviceTo,
    totalCents: c.totalCents,
    lineCount: c.lineCount,
    appointmentIds: c.appointmentIds,
    frequencyCode: c.frequencyCode,
    filedOutside: c.filedOutside,
    errorCount: c.errorCount,
    warningCount: c.warningCount,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toHistoryView(h: ClaimStatusHistoryEntity): ClaimHistoryView {
  return {
    from: h.fromStatus,
    to: h.toStatus,
    move: h.move,
    reason: h.reason,
    findingCodes: h.findingCodes,
    actorId: h.actorId,
    at: h.at.toISOString(),
  };
}

export function toClaimView(
  c: ClaimEntity,
  { snapshot: s, findings }: ClaimPayload,
  history: readonly ClaimStatusHistoryEntity[],
): ClaimView {
  return {
    ...toClaimSummary(c),
    billingProvider: {
      name: fullName(s.billingProvider),
      npi: s.billingProvider.npi,
      billAs: s.billingProvider.billAs,
      taxonomy: s.billingProvider.taxonomy ?? null,
    },
    renderingProvider: {
      name: fullName(s.renderingProvider),
      npi: s.renderingProvider.npi,
      taxonomy: s.renderingProvider.taxonomy ?? null,
    },
    patient: { name: fullName(s.patient), birthDate: s.patient.birthDate },
    subscriber: {
      name: fullName(s.subscriber),
      memberId: s.subscriber.memberId,
      groupNumber: s.subscriber.groupNumber ?? null,
    },
    payer: {
      name: s.payer.name,
      payerId: s.payer.payerId,
      claimFilingIndicator: s.payer.claimFilingIndicator,
    },
    diagnoses: [...s.diagnoses],
    lines: s.lines.map((l) => ({
      appointmentId: l.appointmentId,
      serviceDate: l.serviceDate,
      procedure: l.procedure,
      modifiers: [...l.modifiers],
      units: l.units,
      chargeCents: l.chargeCents,
      placeOfService: l.placeOfService,
      diagnosisPointers: [...l.diagnosisPointers],
      lineControlNumber: l.lineControlNumber,
    })),
    authorizationNumber: s.authorization?.number ?? null,
    findings: findings.map((f) => ({ ...f, fix: { ...f.fix } })),
    history: history.map(toHistoryView),
    voidReason: c.voidReason,
  };
}
