import type { Principal } from '@claimline/contracts/common';
import type {
  PolicyCardsView,
  PolicyEventView,
  PolicyView,
  SubscriberDto,
  SubscriberView,
  Warning,
} from '@claimline/contracts/client-insurance';
import { RELATIONSHIP_X12_CODES } from '@claimline/domain';
import { addressToColumns, optionalAddressFromColumns } from '@claimline/backend/util-persistence';
import { PayerEntity } from '../payers/entities/payer.entity';
import { PolicyEntity, SubscriberColumns } from './entities/policy.entity';

export function toSubscriberColumns(s: SubscriberDto | null | undefined): SubscriberColumns {
  return {
    firstName: s?.firstName.trim() ?? null,
    lastName: s?.lastName.trim() ?? null,
    birthDate: s?.birthDate ?? null,
    sex: s?.sex ?? null,
    address: addressToColumns(s?.address),
  };
}

export function toSubscriberView(s: SubscriberColumns): SubscriberView | null {
  if (!s.firstName || !s.lastName || !s.birthDate || !s.sex) return null;
  const address = optionalAddressFromColumns(s.address);
  if (!address) return null;
  return { firstName: s.firstName, lastName: s.lastName, birthDate: s.birthDate, sex: s.sex, address };
}

/**
 * Roles that see member IDs whole: those who bill or verify eligibility with the payer (admins,
 * billing staff) and the practice's owner, who enters and checks its clients' insurance. Clinicians
 * treat and need no more than the last four to tell policies apart (ADR 0015).
 */
const SEES_WHOLE_MEMBER_ID: ReadonlySet<string> = new Set(['admin', 'billing_staff', 'practice_owner']);

/** `****` and at most the last four characters — never more than half of a short ID. */
export function maskMemberId(memberId: string): string {
  return `****${memberId.slice(-Math.min(4, Math.floor(memberId.length / 2)))}`;
}

export function toPolicyView(
  p: PolicyEntity,
  payer: PayerEntity,
  memberId: string,
  warnings: Warning[],
  cards: PolicyCardsView,
  caller: Principal,
): PolicyView {
  // A service asks for a policy to bill it (a claim carries the whole member ID).
  const whole = caller.kind === 'service' || SEES_WHOLE_MEMBER_ID.has(caller.role);
  return {
    id: p.id,
    practiceId: p.practiceId,
    clientId: p.clientId,
    order: p.order,
    payer: { id: payer.id, name: payer.name, payerId: payer.payerIds['default'], isBcbs: payer.isBcbs },
    memberId: whole ? memberId : maskMemberId(memberId),
    memberIdMasked: !whole,
    groupNumber: p.groupNumber,
    planName: p.planName,
    coverageStart: p.coverageStart,
    coverageEnd: p.coverageEnd,
    relationship: p.relationship,
    relationshipCode: RELATIONSHIP_X12_CODES[p.relationship],
    subscriber: toSubscriberView(p.subscriber),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    warnings,
    cards,
  };
}

export function toPolicyEventView(view: PolicyView): PolicyEventView {
  const { id, practiceId, clientId, order, payer, version, updatedAt } = view;
  return { id, practiceId, clientId, order, payerId: payer.id, version, updatedAt };
}
