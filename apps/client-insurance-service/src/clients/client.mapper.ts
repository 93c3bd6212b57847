import type { ClientEventView, ClientView } from '@claimline/contracts/client-insurance';
import { optionalAddressFromColumns } from '@claimline/backend/util-persistence';
import { ClientEntity } from './entities/client.entity';

export function toClientView(c: ClientEntity): ClientView {
  return {
    id: c.id,
    practiceId: c.practiceId,
    firstName: c.firstName,
    lastName: c.lastName,
    preferredName: c.preferredName,
    birthDate: c.birthDate,
    sex: c.sex,
    genderIdentity: c.genderIdentity,
    phone: c.phone,
    email: c.email,
    address: optionalAddressFromColumns(c.address),
    billingType: c.billingType,
    active: c.active,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** What a client event carries (ADR 0015): no name, birth date, contact or address. */
export function toClientEventView(view: ClientView): ClientEventView {
  const { id, practiceId, billingType, active, version, updatedAt } = view;
  return { id, practiceId, billingType, active, version, updatedAt };
}
