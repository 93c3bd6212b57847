import type { LocationView } from '@claimline/contracts/practice-settings';
import { findPlaceOfService } from '@claimline/reference-data';
import { addressFromColumns } from '@claimline/backend/util-persistence';
import { LocationEntity } from './entities/location.entity';

export function toLocationView(l: LocationEntity): LocationView {
  return {
    id: l.id,
    practiceId: l.practiceId,
    name: l.name,
    address: addressFromColumns(l.address),
    phone: l.phone,
    placeOfService: l.placeOfService,
    placeOfServiceName: findPlaceOfService(l.placeOfService)?.name ?? l.placeOfService,
    version: l.version,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}
