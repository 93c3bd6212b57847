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

export function toPolicyView(
  p: PolicyEntity,
  payer: PayerEntity,
  memberId: string,
  warnings: Warning[],
  cards: PolicyCardsView,
): PolicyView {
  return {
    id: p.id,
    practiceId: p.practiceId,
    clientId: p.clientId,
    order: p.order,
    payer: { id: payer.id, name: payer.name, payerId: payer.payerIds['default'], isBcbs: payer.isBcbs },
    memberId,
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
  const { memberId, warnings: _w, cards: _c, ...rest } = view;
  return { ...rest, memberIdLast4: memberId.slice(-4) };
}
